import { FormOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Form, Modal, Radio, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ConclusionTag } from '@/components/ExemplarTags';
import { HelpEmpty } from '@/components/HelpEmpty';
import { ProblemAlert } from '@/components/ProblemAlert';
import type { EvaluationSummary, EvaluatorKind, Exemplar } from '@/lib/api/models';
import { criteriaSetListQuery } from '@/lib/api/queries/criteria-sets';
import { formatDateTime } from '@/lib/dates';
import { evaluationPath } from '@/lib/navigation';
import { showServerErrors } from '@/lib/forms';
import { EVALUATION_STATUS_LABELS, EVALUATOR_KIND_LABELS } from '@/lib/vocabulary';
import { useCreateEvaluation } from '../api/exemplars';

interface EvaluationsSectionProps {
  exemplar: Exemplar;
  /** The capacities the caller may evaluate in; empty hides the button. */
  evaluatorKinds: EvaluatorKind[];
}

function statusTag(evaluation: EvaluationSummary) {
  if (evaluation.supersededAt) return <Tag>Đã được điều chỉnh</Tag>;
  return (
    <Tag color={evaluation.status === 'final' ? 'green' : 'gold'}>
      {EVALUATION_STATUS_LABELS[evaluation.status]}
    </Tag>
  );
}

/** The evaluations against the criteria, oldest first, and the way to start a new one. */
export function EvaluationsSection({ exemplar, evaluatorKinds }: EvaluationsSectionProps) {
  const [starting, setStarting] = useState(false);
  return (
    <div data-testid="evaluations">
      {evaluatorKinds.length > 0 && (
        <Button
          type="primary"
          icon={<FormOutlined />}
          onClick={() => setStarting(true)}
          style={{ marginBottom: 12 }}
          data-testid="evaluation-start"
        >
          Đánh giá
        </Button>
      )}
      <Table<EvaluationSummary>
        rowKey="id"
        size="middle"
        dataSource={exemplar.evaluations}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <HelpEmpty description="Chưa có phiếu đánh giá nào" topic="standards" /> }}
        rowClassName={(evaluation) => (evaluation.supersededAt ? 'row-muted' : '')}
        columns={[
          {
            title: 'Người đánh giá',
            key: 'evaluator',
            render: (_, evaluation) => (
              <>
                <Link to={evaluationPath(evaluation.id)} data-testid={`evaluation-link-${evaluation.id}`}>
                  {evaluation.evaluatorName}
                </Link>
                <div>
                  <Typography.Text type="secondary">
                    {EVALUATOR_KIND_LABELS[evaluation.evaluatorKind]}
                  </Typography.Text>
                </div>
              </>
            ),
          },
          {
            title: 'Bộ tiêu chí',
            key: 'set',
            render: (_, evaluation) => (
              <span title={evaluation.criteriaSet.name}>
                {evaluation.criteriaSet.code} (phiên bản {evaluation.criteriaSet.versionNo})
              </span>
            ),
            responsive: ['md'],
          },
          { title: 'Trạng thái', key: 'status', render: (_, evaluation) => statusTag(evaluation) },
          {
            title: 'Điểm',
            dataIndex: 'scorePercent',
            key: 'score',
            render: (score?: number | null) => (score == null ? '—' : `${score}%`),
          },
          {
            title: 'Kết luận',
            key: 'conclusion',
            render: (_, evaluation) =>
              evaluation.conclusion ? <ConclusionTag conclusion={evaluation.conclusion} /> : '—',
          },
          {
            title: 'Hoàn tất',
            dataIndex: 'finalisedAt',
            key: 'finalisedAt',
            render: (value?: string | null) => formatDateTime(value) || '—',
            responsive: ['lg'],
          },
        ]}
        data-testid="evaluation-table"
      />
      {starting && (
        <StartEvaluationModal exemplar={exemplar} kinds={evaluatorKinds} onClose={() => setStarting(false)} />
      )}
    </div>
  );
}

interface StartValues {
  evaluatorKind: EvaluatorKind;
  criteriaSetId?: number;
}

const FIELDS = ['evaluatorKind', 'criteriaSetId'] as const;

function StartEvaluationModal({
  exemplar,
  kinds,
  onClose,
}: {
  exemplar: Exemplar;
  kinds: EvaluatorKind[];
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<StartValues>();
  const create = useCreateEvaluation();
  const sets = useQuery(criteriaSetListQuery({ subjectKind: exemplar.subjectKind, status: 'published' }));
  const options = (sets.data ?? []).map((set) => ({
    value: set.id,
    label: `${set.code} – ${set.name} (phiên bản ${set.versionNo})`,
  }));

  return (
    <Modal
      open
      title="Lập phiếu đánh giá"
      okText="Lập phiếu"
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      okButtonProps={{
        'data-testid': 'evaluation-start-submit',
        disabled: sets.isSuccess && options.length === 0,
      }}
      destroyOnHidden
    >
      <Typography.Paragraph>
        Đánh giá <strong>{exemplar.name}</strong> theo bộ tiêu chí đang áp dụng. Phiếu được lưu nháp, hoàn tất
        khi đã đánh giá đủ mọi tiêu chí.
      </Typography.Paragraph>
      <ProblemAlert error={create.error ?? sets.error} formFields={FIELDS} />
      {sets.isSuccess && options.length === 0 && (
        <Alert
          type="warning"
          showIcon
          title="Chưa có bộ tiêu chí nào đang áp dụng cho loại đối tượng này."
          style={{ marginBottom: 12 }}
        />
      )}
      <Form<StartValues>
        form={form}
        layout="vertical"
        initialValues={{ evaluatorKind: kinds[0] }}
        onFinish={(values) =>
          create.mutate(
            { exemplar, evaluatorKind: values.evaluatorKind, criteriaSetId: values.criteriaSetId },
            {
              onSuccess: (evaluation) => {
                message.success('Đã lập phiếu đánh giá.');
                navigate(evaluationPath(evaluation.id));
              },
              onError: (error) => showServerErrors(form, error, FIELDS),
            },
          )
        }
      >
        <Form.Item name="evaluatorKind" label="Đánh giá với tư cách" rules={[{ required: true }]}>
          <Radio.Group
            options={kinds.map((kind) => ({ value: kind, label: EVALUATOR_KIND_LABELS[kind] }))}
            data-testid="evaluation-start-kind"
          />
        </Form.Item>
        <Form.Item
          name="criteriaSetId"
          label="Bộ tiêu chí"
          extra="Để trống: bộ tiêu chí đang áp dụng mới nhất."
        >
          <Select
            allowClear
            placeholder="Bộ tiêu chí đang áp dụng"
            options={options}
            loading={sets.isPending}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
