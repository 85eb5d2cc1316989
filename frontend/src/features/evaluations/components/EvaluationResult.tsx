import { Card, Col, Row, Statistic, Typography } from 'antd';
import { ConclusionTag } from '@/components/ExemplarTags';
import type { Evaluation } from '@/lib/api/models';
import { CONCLUSION_LABELS } from '@/lib/vocabulary';

/** The score and conclusion as the server computed them at the last save. */
export function EvaluationResult({ evaluation }: { evaluation: Evaluation }) {
  const overridden = evaluation.conclusionOverride != null;
  return (
    <Card title="Kết quả" size="small" data-testid="evaluation-result">
      <Row gutter={16}>
        <Col span={12}>
          <Statistic
            title="Điểm"
            value={evaluation.scorePercent ?? '—'}
            suffix={evaluation.scorePercent != null ? '%' : undefined}
            valueRender={(node) => <span data-testid="evaluation-score">{node}</span>}
          />
        </Col>
        <Col span={12}>
          <Typography.Text type="secondary">Kết luận</Typography.Text>
          <div style={{ marginTop: 6 }}>
            {evaluation.conclusion ? (
              <ConclusionTag conclusion={evaluation.conclusion} testId="evaluation-conclusion" />
            ) : (
              <Typography.Text type="secondary" data-testid="evaluation-conclusion">
                Chưa đủ để kết luận
              </Typography.Text>
            )}
          </div>
        </Col>
      </Row>
      {overridden && evaluation.computedConclusion && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          Theo tiêu chí: {CONCLUSION_LABELS[evaluation.computedConclusion]}; người đánh giá điều chỉnh thành{' '}
          {CONCLUSION_LABELS[evaluation.conclusionOverride!]}
          {evaluation.overrideReason ? ` (lý do: ${evaluation.overrideReason})` : ''}.
        </Typography.Paragraph>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
        Đạt khi điểm từ {evaluation.passThreshold}% và mọi tiêu chí đạt/không đạt đều Đạt; Cần bồi dưỡng thêm
        khi điểm từ {evaluation.nurtureThreshold}%; dưới mức đó là Chưa đạt. Điểm và kết luận được tính lại
        mỗi lần lưu.
      </Typography.Paragraph>
    </Card>
  );
}
