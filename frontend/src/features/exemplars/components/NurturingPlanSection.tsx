import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Col, Descriptions, Flex, Form, Input, Row, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { DateInput } from '@/components/DateInput';
import { HelpEmpty } from '@/components/HelpEmpty';
import { ProblemAlert } from '@/components/ProblemAlert';
import type {
  Exemplar,
  Milestone,
  MilestoneStatus,
  NurturingPlan,
  NurturingPlanInput,
} from '@/lib/api/models';
import { DATE_FORMAT, formatApiDate, formatDateTime, fromApiDate, toApiDate } from '@/lib/dates';
import { blankToNull, showServerErrors } from '@/lib/forms';
import { MILESTONE_STATUS_COLORS, MILESTONE_STATUS_LABELS, optionsOf } from '@/lib/vocabulary';
import { useSaveNurturingPlan } from '../api/exemplars';

interface MilestoneValues {
  title?: string;
  dueOn?: Dayjs | null;
  status?: MilestoneStatus;
  note?: string;
}

interface PlanValues {
  strengths?: string;
  shortcomings?: string;
  measures?: string;
  support?: string;
  mentor?: string;
  milestones?: MilestoneValues[];
}

const FIELDS = ['strengths', 'shortcomings', 'measures', 'support', 'mentor', 'milestones'] as const;

function toValues(plan: NurturingPlan): PlanValues {
  return {
    strengths: plan.strengths,
    shortcomings: plan.shortcomings,
    measures: plan.measures,
    support: plan.support ?? undefined,
    mentor: plan.mentor ?? undefined,
    milestones: plan.milestones.map((milestone) => ({
      title: milestone.title,
      dueOn: fromApiDate(milestone.dueOn),
      status: milestone.status,
      note: milestone.note ?? undefined,
    })),
  };
}

function toInput(values: PlanValues): NurturingPlanInput {
  return {
    strengths: (values.strengths ?? '').trim(),
    shortcomings: (values.shortcomings ?? '').trim(),
    measures: (values.measures ?? '').trim(),
    support: blankToNull(values.support),
    mentor: blankToNull(values.mentor),
    milestones: (values.milestones ?? []).map((milestone) => ({
      title: (milestone.title ?? '').trim(),
      dueOn: toApiDate(milestone.dueOn) as string,
      status: milestone.status ?? 'planned',
      note: blankToNull(milestone.note),
    })),
  };
}

const required = (message: string) => [
  { required: true, whitespace: true, message },
  { max: 10000, message: 'Tối đa 10.000 ký tự.' },
];

interface NurturingPlanSectionProps {
  exemplar: Exemplar;
  canEdit: boolean;
}

/** The nurturing plan (bồi dưỡng): strengths, shortcomings, measures, support, milestones. */
export function NurturingPlanSection({ exemplar, canEdit }: NurturingPlanSectionProps) {
  const plan = exemplar.nurturingPlan ?? null;
  const [editing, setEditing] = useState(false);

  if (editing) return <PlanForm exemplar={exemplar} onDone={() => setEditing(false)} />;
  if (!plan) {
    return (
      <HelpEmpty
        image="default"
        description="Chưa có kế hoạch bồi dưỡng. Cần lập kế hoạch trước khi chuyển sang giai đoạn Bồi dưỡng."
        topic="stages"
      >
        {canEdit && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing(true)}
            data-testid="plan-edit"
          >
            Lập kế hoạch bồi dưỡng
          </Button>
        )}
      </HelpEmpty>
    );
  }
  return (
    <div data-testid="plan-view">
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">
          Cập nhật lần cuối: {formatDateTime(plan.updatedAt)}
        </Typography.Text>
        {canEdit && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="plan-edit">
            Sửa kế hoạch
          </Button>
        )}
      </Flex>
      <Descriptions
        bordered
        size="small"
        column={1}
        items={[
          { key: 'strengths', label: 'Điểm mạnh cần phát huy', children: <Text value={plan.strengths} /> },
          {
            key: 'shortcomings',
            label: 'Hạn chế cần khắc phục',
            children: <Text value={plan.shortcomings} />,
          },
          { key: 'measures', label: 'Biện pháp bồi dưỡng', children: <Text value={plan.measures} /> },
          { key: 'support', label: 'Hỗ trợ vật chất, tinh thần', children: <Text value={plan.support} /> },
          { key: 'mentor', label: 'Người hướng dẫn, giúp đỡ', children: plan.mentor ?? '—' },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 20 }}>
        Các mốc thực hiện
      </Typography.Title>
      <Table<Milestone>
        size="small"
        rowKey={(_, index) => String(index)}
        dataSource={plan.milestones}
        pagination={false}
        locale={{ emptyText: <HelpEmpty description="Chưa đặt mốc nào" topic="stages" /> }}
        columns={[
          { title: 'Nội dung', dataIndex: 'title', key: 'title' },
          { title: 'Hạn', dataIndex: 'dueOn', key: 'dueOn', render: (value: string) => formatApiDate(value) },
          {
            title: 'Tiến độ',
            dataIndex: 'status',
            key: 'status',
            render: (status: MilestoneStatus) => (
              <Tag color={MILESTONE_STATUS_COLORS[status]}>{MILESTONE_STATUS_LABELS[status]}</Tag>
            ),
          },
          { title: 'Ghi chú', dataIndex: 'note', key: 'note', render: (note?: string | null) => note ?? '' },
        ]}
        data-testid="plan-milestones"
      />
    </div>
  );
}

function Text({ value }: { value: string | null | undefined }) {
  return value ? (
    <span className="pre-wrap">{value}</span>
  ) : (
    <Typography.Text type="secondary">—</Typography.Text>
  );
}

function PlanForm({ exemplar, onDone }: { exemplar: Exemplar; onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<PlanValues>();
  const save = useSaveNurturingPlan();
  const plan = exemplar.nurturingPlan;

  return (
    <Form<PlanValues>
      form={form}
      layout="vertical"
      initialValues={plan ? toValues(plan) : { milestones: [] }}
      onFinish={(values) =>
        save.mutate(
          { exemplar, input: toInput(values) },
          {
            onSuccess: () => {
              message.success('Đã lưu kế hoạch bồi dưỡng.');
              onDone();
            },
            onError: (error) => showServerErrors(form, error, FIELDS),
          },
        )
      }
      data-testid="plan-form"
    >
      <ProblemAlert error={save.error} formFields={FIELDS} />
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="strengths" label="Điểm mạnh cần phát huy" rules={required('Nêu điểm mạnh.')}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} data-testid="plan-strengths" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="shortcomings" label="Hạn chế cần khắc phục" rules={required('Nêu hạn chế.')}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} data-testid="plan-shortcomings" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="measures" label="Biện pháp bồi dưỡng" rules={required('Nêu biện pháp cụ thể.')}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} data-testid="plan-measures" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={16}>
          <Form.Item name="support" label="Hỗ trợ vật chất, tinh thần" rules={[{ max: 10000 }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} data-testid="plan-support" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="mentor" label="Người hướng dẫn, giúp đỡ" rules={[{ max: 200 }]}>
            <Input data-testid="plan-mentor" />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Title level={5}>Các mốc thực hiện</Typography.Title>
      <Form.List name="milestones">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <Row gutter={8} key={field.key} align="top" data-testid={`milestone-${index}`}>
                <Col xs={24} md={8}>
                  <Form.Item
                    name={[field.name, 'title']}
                    rules={[
                      { required: true, whitespace: true, message: 'Nhập nội dung mốc.' },
                      { max: 500 },
                    ]}
                  >
                    <Input placeholder="Nội dung" data-testid={`milestone-title-${index}`} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={5}>
                  <Form.Item name={[field.name, 'dueOn']} rules={[{ required: true, message: 'Chọn hạn.' }]}>
                    <DateInput
                      format={DATE_FORMAT}
                      placeholder="Hạn hoàn thành"
                      style={{ width: '100%' }}
                      data-testid={`milestone-due-${index}`}
                    />
                  </Form.Item>
                </Col>
                <Col xs={12} md={4}>
                  <Form.Item name={[field.name, 'status']} rules={[{ required: true }]}>
                    <Select options={optionsOf(MILESTONE_STATUS_LABELS)} />
                  </Form.Item>
                </Col>
                <Col xs={20} md={6}>
                  <Form.Item name={[field.name, 'note']} rules={[{ max: 2000 }]}>
                    <Input placeholder="Ghi chú" />
                  </Form.Item>
                </Col>
                <Col xs={4} md={1}>
                  <Button
                    icon={<DeleteOutlined />}
                    type="text"
                    danger
                    onClick={() => remove(field.name)}
                    aria-label="Bỏ mốc"
                  />
                </Col>
              </Row>
            ))}
            <Button
              icon={<PlusOutlined />}
              onClick={() => add({ status: 'planned' })}
              style={{ marginBottom: 16 }}
              data-testid="milestone-add"
            >
              Thêm mốc
            </Button>
          </>
        )}
      </Form.List>
      <Flex gap={8} justify="flex-end">
        <Button onClick={onDone}>Hủy</Button>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="plan-save">
          Lưu kế hoạch
        </Button>
      </Flex>
    </Form>
  );
}
