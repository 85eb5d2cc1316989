import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Col,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Statistic,
  Typography,
} from 'antd';
import { useState } from 'react';
import { HelpEmpty } from '@/components/HelpEmpty';
import { ProblemAlert } from '@/components/ProblemAlert';
import type { Exemplar, Summary, SummaryInput } from '@/lib/api/models';
import { formatDateTime } from '@/lib/dates';
import { blankToNull, showServerErrors } from '@/lib/forms';
import { useSaveSummary } from '../api/exemplars';

interface FigureValues {
  label?: string;
  value?: number | null;
  unit?: string;
}

interface SummaryValues {
  goodPractice?: string;
  lessons?: string;
  results?: string;
  figures?: FigureValues[];
}

const FIELDS = ['goodPractice', 'lessons', 'results', 'figures'] as const;

function toValues(summary: Summary): SummaryValues {
  return {
    goodPractice: summary.goodPractice,
    lessons: summary.lessons,
    results: summary.results,
    figures: summary.figures.map((figure) => ({
      label: figure.label,
      value: figure.value,
      unit: figure.unit ?? undefined,
    })),
  };
}

function toInput(values: SummaryValues): SummaryInput {
  return {
    goodPractice: (values.goodPractice ?? '').trim(),
    lessons: (values.lessons ?? '').trim(),
    results: (values.results ?? '').trim(),
    figures: (values.figures ?? []).map((figure) => ({
      label: (figure.label ?? '').trim(),
      value: figure.value ?? 0,
      unit: blankToNull(figure.unit),
    })),
  };
}

const rules = (message: string) => [
  { required: true, whitespace: true, message },
  { max: 20000, message: 'Tối đa 20.000 ký tự.' },
];

/** The summing-up (tổng kết): the good practice, lessons, results and their figures. */
export function SummarySection({ exemplar, canEdit }: { exemplar: Exemplar; canEdit: boolean }) {
  const summary = exemplar.summary ?? null;
  const [editing, setEditing] = useState(false);

  if (editing) return <SummaryForm exemplar={exemplar} onDone={() => setEditing(false)} />;
  if (!summary) {
    return (
      <HelpEmpty
        image="default"
        description="Chưa có kết quả tổng kết. Cần tổng kết trước khi chuyển sang giai đoạn Tổng kết."
        topic="stages"
      >
        {canEdit && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing(true)}
            data-testid="summary-edit"
          >
            Tổng kết cách làm hay
          </Button>
        )}
      </HelpEmpty>
    );
  }
  return (
    <div data-testid="summary-view">
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">
          Cập nhật lần cuối: {formatDateTime(summary.updatedAt)}
        </Typography.Text>
        {canEdit && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="summary-edit">
            Sửa tổng kết
          </Button>
        )}
      </Flex>
      {summary.figures.length > 0 && (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="summary-figures">
          {summary.figures.map((figure, index) => (
            <Col key={index} xs={12} md={6}>
              <Statistic
                title={figure.label}
                value={figure.value}
                suffix={figure.unit ?? undefined}
                formatter={(value) => Number(value).toLocaleString('vi-VN')}
              />
            </Col>
          ))}
        </Row>
      )}
      <Descriptions
        bordered
        size="small"
        column={1}
        items={[
          {
            key: 'goodPractice',
            label: 'Cách làm hay',
            children: <span className="pre-wrap">{summary.goodPractice}</span>,
          },
          {
            key: 'results',
            label: 'Kết quả đạt được',
            children: <span className="pre-wrap">{summary.results}</span>,
          },
          {
            key: 'lessons',
            label: 'Bài học kinh nghiệm',
            children: <span className="pre-wrap">{summary.lessons}</span>,
          },
        ]}
      />
    </div>
  );
}

function SummaryForm({ exemplar, onDone }: { exemplar: Exemplar; onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<SummaryValues>();
  const save = useSaveSummary();
  const summary = exemplar.summary;

  return (
    <Form<SummaryValues>
      form={form}
      layout="vertical"
      initialValues={summary ? toValues(summary) : { figures: [] }}
      onFinish={(values) =>
        save.mutate(
          { exemplar, input: toInput(values) },
          {
            onSuccess: () => {
              message.success('Đã lưu kết quả tổng kết.');
              onDone();
            },
            onError: (error) => showServerErrors(form, error, FIELDS),
          },
        )
      }
      data-testid="summary-form"
    >
      <ProblemAlert error={save.error} formFields={FIELDS} />
      <Form.Item name="goodPractice" label="Cách làm hay" rules={rules('Nêu cách làm hay cần nhân rộng.')}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} data-testid="summary-goodPractice" />
      </Form.Item>
      <Form.Item name="results" label="Kết quả đạt được" rules={rules('Nêu kết quả đạt được.')}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} data-testid="summary-results" />
      </Form.Item>
      <Form.Item name="lessons" label="Bài học kinh nghiệm" rules={rules('Nêu bài học kinh nghiệm.')}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} data-testid="summary-lessons" />
      </Form.Item>
      <Typography.Title level={5}>Số liệu</Typography.Title>
      <Form.List name="figures">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <Row gutter={8} key={field.key} align="top" data-testid={`figure-${index}`}>
                <Col xs={24} md={12}>
                  <Form.Item
                    name={[field.name, 'label']}
                    rules={[{ required: true, whitespace: true, message: 'Nhập tên số liệu.' }, { max: 300 }]}
                  >
                    <Input placeholder="Số vụ việc trợ giúp pháp lý" />
                  </Form.Item>
                </Col>
                <Col xs={12} md={5}>
                  <Form.Item
                    name={[field.name, 'value']}
                    rules={[{ required: true, message: 'Nhập giá trị.' }]}
                  >
                    <InputNumber placeholder="Giá trị" decimalSeparator="," style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={8} md={6}>
                  <Form.Item name={[field.name, 'unit']} rules={[{ max: 50 }]}>
                    <Input placeholder="Đơn vị tính" />
                  </Form.Item>
                </Col>
                <Col xs={4} md={1}>
                  <Button
                    icon={<DeleteOutlined />}
                    type="text"
                    danger
                    onClick={() => remove(field.name)}
                    aria-label="Bỏ số liệu"
                  />
                </Col>
              </Row>
            ))}
            <Button
              icon={<PlusOutlined />}
              onClick={() => add({})}
              style={{ marginBottom: 16 }}
              data-testid="figure-add"
            >
              Thêm số liệu
            </Button>
          </>
        )}
      </Form.List>
      <Flex gap={8} justify="flex-end">
        <Button onClick={onDone}>Hủy</Button>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="summary-save">
          Lưu tổng kết
        </Button>
      </Flex>
    </Form>
  );
}
