import { Card, Descriptions, Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { Evaluation, EvaluationItem } from '@/lib/api/models';
import { CONCLUSION_LABELS } from '@/lib/vocabulary';

/** What was answered for one criterion, as a reader sees it. */
function answerOf(item: EvaluationItem): ReactNode {
  if (item.mode === 'score') {
    return item.score != null ? (
      <Tag color="blue">
        {item.score} / {item.maxScore}
      </Tag>
    ) : (
      <Tag>Chưa chấm điểm</Tag>
    );
  }
  if (item.met == null) return <Tag>Chưa đánh giá</Tag>;
  return item.met ? <Tag color="green">Đạt</Tag> : <Tag color="red">Không đạt</Tag>;
}

/** A written answer, or a plain note that there is none (never styled like an empty field). */
function text(value: string | null | undefined, testId?: string): ReactNode {
  return value?.trim() ? (
    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid={testId}>
      {value}
    </Typography.Paragraph>
  ) : (
    <Typography.Text type="secondary" italic data-testid={testId}>
      Không ghi
    </Typography.Text>
  );
}

/**
 * A final evaluation, or someone else's draft, read as a document: the answers as text and tags,
 * not as disabled form fields that look empty.
 */
export function EvaluationAnswers({ evaluation }: { evaluation: Evaluation }) {
  const overridden = evaluation.conclusionOverride != null;
  return (
    <div data-testid="evaluation-answers">
      {evaluation.items.map((item, index) => (
        <Card
          key={item.criterionId}
          size="small"
          style={{ marginBottom: 12 }}
          title={
            <Flex gap={8} align="baseline" wrap>
              <span>Tiêu chí {item.position}</span>
              <Tag>Trọng số {item.weight}</Tag>
              {item.mode === 'score' && <Tag color="blue">Chấm điểm 0–{item.maxScore}</Tag>}
            </Flex>
          }
          extra={<span data-testid={`criterion-${index}-answer`}>{answerOf(item)}</span>}
          data-testid={`criterion-${index}`}
        >
          <Typography.Paragraph strong style={{ marginBottom: 8 }}>
            {item.criterionText}
          </Typography.Paragraph>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'evidence', label: 'Minh chứng', children: text(item.evidence) },
              { key: 'comment', label: 'Nhận xét', children: text(item.comment) },
            ]}
          />
        </Card>
      ))}
      <Card size="small" title="Nhận xét chung và kết luận" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={1}
          items={[
            {
              key: 'comment',
              label: 'Nhận xét chung',
              children: text(evaluation.comment, 'evaluation-comment-text'),
            },
            {
              key: 'override',
              label: 'Điều chỉnh kết luận',
              children:
                overridden && evaluation.conclusionOverride ? (
                  <>
                    {CONCLUSION_LABELS[evaluation.conclusionOverride]}
                    {text(evaluation.overrideReason)}
                  </>
                ) : (
                  <Typography.Text type="secondary" italic>
                    Không điều chỉnh (giữ kết quả tính theo tiêu chí)
                  </Typography.Text>
                ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
