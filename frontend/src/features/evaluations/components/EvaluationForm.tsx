import { CheckCircleOutlined, DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Tag,
  Typography,
} from 'antd';
import { ProblemAlert } from '@/components/ProblemAlert';
import type { Evaluation } from '@/lib/api/models';
import { isApiError } from '@/lib/api/problem';
import { showServerErrors } from '@/lib/forms';
import { CONCLUSION_LABELS, CONCLUSIONS } from '@/lib/vocabulary';
import { useDeleteEvaluation, useFinaliseEvaluation, useSaveEvaluation } from '../api/evaluations';
import {
  type EvaluationValues,
  MIN_OVERRIDE_REASON,
  toEvaluationInput,
  toEvaluationValues,
  unansweredItems,
} from './evaluation-form';

const FIELDS = ['items', 'comment', 'conclusionOverride', 'overrideReason'] as const;

interface EvaluationFormProps {
  /** A draft of the caller's own (everyone else, and everyone once final, reads EvaluationAnswers). */
  evaluation: Evaluation;
  onDeleted: () => void;
}

/** The answers, criterion by criterion, with the overall comment and an optional override. */
export function EvaluationForm({ evaluation, onDeleted }: EvaluationFormProps) {
  const { modal, message } = App.useApp();
  const [form] = Form.useForm<EvaluationValues>();
  const save = useSaveEvaluation();
  const finalise = useFinaliseEvaluation();
  const remove = useDeleteEvaluation();
  const override = Form.useWatch('conclusionOverride', form);
  const error = save.error ?? finalise.error ?? remove.error;

  const saveDraft = async (): Promise<Evaluation | null> => {
    try {
      const values = await form.validateFields();
      return await save.mutateAsync({ evaluation, input: toEvaluationInput(values, evaluation.items) });
    } catch (failure) {
      if (isApiError(failure)) showServerErrors(form, failure, FIELDS);
      return null;
    }
  };

  const onSave = async () => {
    finalise.reset();
    const saved = await saveDraft();
    if (saved) {
      message.success(
        saved.scorePercent != null
          ? `Đã lưu nháp. Điểm hiện tại: ${saved.scorePercent}%.`
          : 'Đã lưu nháp. Điểm được tính khi đã đánh giá đủ mọi tiêu chí.',
      );
    }
  };

  const onFinalise = () => {
    finalise.reset();
    const values = form.getFieldsValue(true) as EvaluationValues;
    const missing = unansweredItems(values, evaluation.items);
    if (missing.length > 0) {
      form.setFields(
        missing.map((index) => ({
          name: ['items', index, evaluation.items[index].mode === 'score' ? 'score' : 'met'],
          errors: ['Chưa đánh giá tiêu chí này.'],
        })),
      );
      message.warning(`Còn ${missing.length} tiêu chí chưa đánh giá.`);
      return;
    }
    modal.confirm({
      title: 'Hoàn tất phiếu đánh giá?',
      content:
        'Sau khi hoàn tất, phiếu không sửa được nữa và kết luận được ghi vào hồ sơ điển hình. Muốn thay đổi phải lập phiếu điều chỉnh.',
      okText: 'Hoàn tất',
      okButtonProps: { 'data-testid': 'confirm-ok' },
      cancelText: 'Hủy',
      onOk: async () => {
        const saved = await saveDraft();
        if (!saved) return;
        try {
          const done = await finalise.mutateAsync(saved);
          message.success(
            `Đã hoàn tất phiếu đánh giá: ${done.conclusion ? CONCLUSION_LABELS[done.conclusion] : ''}.`,
          );
        } catch (failure) {
          showServerErrors(form, failure, FIELDS);
        }
      },
    });
  };

  const onDelete = () =>
    modal.confirm({
      title: 'Xóa phiếu đánh giá nháp?',
      content: 'Các câu trả lời và tệp minh chứng của phiếu nháp sẽ bị xóa.',
      okText: 'Xóa',
      okButtonProps: { danger: true, 'data-testid': 'confirm-ok' },
      cancelText: 'Hủy',
      onOk: async () => {
        try {
          await remove.mutateAsync(evaluation);
          message.success('Đã xóa phiếu nháp.');
          onDeleted();
        } catch {
          // Shown by the alert above the form.
        }
      },
    });

  return (
    <Form<EvaluationValues>
      form={form}
      layout="vertical"
      initialValues={toEvaluationValues(evaluation)}
      data-testid="evaluation-form"
    >
      <ProblemAlert error={error} formFields={FIELDS} />
      <Form.List name="items">
        {(fields) =>
          fields.map((field, index) => {
            const item = evaluation.items[index];
            return (
              <Card
                key={field.key}
                size="small"
                style={{ marginBottom: 12 }}
                title={
                  <Flex gap={8} align="baseline" wrap>
                    <span>Tiêu chí {item.position}</span>
                    <Tag>Trọng số {item.weight}</Tag>
                    {item.mode === 'score' && <Tag color="blue">Chấm điểm 0–{item.maxScore}</Tag>}
                  </Flex>
                }
                data-testid={`criterion-${index}`}
              >
                <Typography.Paragraph strong style={{ marginBottom: 4 }}>
                  {item.criterionText}
                </Typography.Paragraph>
                {item.guidance && (
                  <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
                    Hướng dẫn: {item.guidance}
                  </Typography.Paragraph>
                )}
                <Row gutter={16}>
                  <Col xs={24} md={8}>
                    {item.mode === 'score' ? (
                      <Form.Item name={[field.name, 'score']} label="Điểm">
                        <InputNumber
                          min={0}
                          max={item.maxScore ?? undefined}
                          precision={0}
                          addonAfter={`/ ${item.maxScore}`}
                          style={{ width: '100%' }}
                          data-testid={`criterion-${index}-score`}
                        />
                      </Form.Item>
                    ) : (
                      <Form.Item name={[field.name, 'met']} label="Đánh giá">
                        <Radio.Group
                          optionType="button"
                          buttonStyle="solid"
                          options={[
                            { value: true, label: 'Đạt' },
                            { value: false, label: 'Không đạt' },
                          ]}
                          data-testid={`criterion-${index}-met`}
                        />
                      </Form.Item>
                    )}
                  </Col>
                  <Col xs={24} md={16}>
                    <Form.Item name={[field.name, 'evidence']} label="Minh chứng" rules={[{ max: 10000 }]}>
                      <Input.TextArea
                        autoSize={{ minRows: 1, maxRows: 6 }}
                        placeholder="Văn bản, số liệu, nhận xét làm căn cứ"
                      />
                    </Form.Item>
                  </Col>
                </Row>
                <Form.Item
                  name={[field.name, 'comment']}
                  label="Nhận xét"
                  rules={[{ max: 4000 }]}
                  style={{ marginBottom: 0 }}
                >
                  <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} />
                </Form.Item>
              </Card>
            );
          })
        }
      </Form.List>
      <Card size="small" title="Nhận xét chung và kết luận" style={{ marginBottom: 16 }}>
        <Form.Item name="comment" label="Nhận xét chung" rules={[{ max: 10000 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} data-testid="evaluation-comment" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              name="conclusionOverride"
              label="Điều chỉnh kết luận"
              tooltip="Chỉ dùng khi kết luận khác với kết quả tính theo tiêu chí; phải nêu lý do."
            >
              <Select
                allowClear
                placeholder="Giữ kết quả tính theo tiêu chí"
                options={CONCLUSIONS.map((value) => ({ value, label: CONCLUSION_LABELS[value] }))}
                data-testid="evaluation-override"
              />
            </Form.Item>
          </Col>
          {override && (
            <Col xs={24} md={16}>
              <Form.Item
                name="overrideReason"
                label="Lý do điều chỉnh"
                rules={[
                  { required: true, whitespace: true, message: 'Nêu lý do điều chỉnh kết luận.' },
                  { min: MIN_OVERRIDE_REASON, message: `Lý do có ít nhất ${MIN_OVERRIDE_REASON} ký tự.` },
                  { max: 4000 },
                ]}
              >
                <Input.TextArea
                  autoSize={{ minRows: 2, maxRows: 6 }}
                  data-testid="evaluation-override-reason"
                />
              </Form.Item>
            </Col>
          )}
        </Row>
      </Card>
      <Flex gap={8} justify="flex-end" wrap>
        <Button
          danger
          icon={<DeleteOutlined />}
          onClick={onDelete}
          loading={remove.isPending}
          data-testid="evaluation-delete"
        >
          Xóa phiếu nháp
        </Button>
        <Button
          icon={<SaveOutlined />}
          onClick={onSave}
          loading={save.isPending && !finalise.isPending}
          data-testid="evaluation-save"
        >
          Lưu nháp
        </Button>
        <Button
          type="primary"
          icon={<CheckCircleOutlined />}
          onClick={onFinalise}
          loading={finalise.isPending}
          data-testid="evaluation-finalise"
        >
          Hoàn tất
        </Button>
      </Flex>
    </Form>
  );
}
