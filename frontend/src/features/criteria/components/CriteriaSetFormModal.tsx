import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Row,
  Select,
  Typography,
} from 'antd';
import { ProblemAlert } from '@/components/ProblemAlert';
import type { CriteriaSet, CriteriaSetInput, CriterionMode, SubjectKind } from '@/lib/api/models';
import { blankToNull, showServerErrors } from '@/lib/forms';
import { optionsOf, SUBJECT_KIND_LABELS } from '@/lib/vocabulary';
import { useCreateCriteriaSet, useUpdateCriteriaSet } from '../api/criteria';
import { MODE_LABELS } from './criteria-labels';

interface CriterionValues {
  text?: string;
  guidance?: string;
  weight?: number | null;
  mode?: CriterionMode;
  maxScore?: number | null;
}

interface SetValues {
  code?: string;
  name?: string;
  subjectKind?: SubjectKind;
  description?: string;
  passThreshold?: number | null;
  nurtureThreshold?: number | null;
  criteria?: CriterionValues[];
}

const FIELDS = [
  'code',
  'name',
  'subjectKind',
  'description',
  'passThreshold',
  'nurtureThreshold',
  'criteria',
] as const;

function toValues(set: CriteriaSet): SetValues {
  return {
    code: set.code,
    name: set.name,
    subjectKind: set.subjectKind,
    description: set.description ?? undefined,
    passThreshold: set.passThreshold,
    nurtureThreshold: set.nurtureThreshold,
    criteria: set.criteria.map((criterion) => ({
      text: criterion.text,
      guidance: criterion.guidance ?? undefined,
      weight: criterion.weight,
      mode: criterion.mode,
      maxScore: criterion.maxScore ?? null,
    })),
  };
}

function toInput(values: SetValues): CriteriaSetInput {
  return {
    code: (values.code ?? '').trim().toUpperCase(),
    name: (values.name ?? '').trim(),
    subjectKind: values.subjectKind as SubjectKind,
    description: blankToNull(values.description),
    passThreshold: values.passThreshold ?? 0,
    nurtureThreshold: values.nurtureThreshold ?? 0,
    criteria: (values.criteria ?? []).map((criterion) => ({
      text: (criterion.text ?? '').trim(),
      guidance: blankToNull(criterion.guidance),
      weight: criterion.weight ?? 1,
      mode: criterion.mode ?? 'pass_fail',
      maxScore: criterion.mode === 'score' ? (criterion.maxScore ?? null) : null,
    })),
  };
}

interface CriteriaSetFormModalProps {
  /** The draft to edit; creates a new set when absent. */
  set?: CriteriaSet;
  onClose: () => void;
  onSaved?: (set: CriteriaSet) => void;
}

/** A criteria set's draft: its thresholds and its criteria, in order. */
export function CriteriaSetFormModal({ set, onClose, onSaved }: CriteriaSetFormModalProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<SetValues>();
  const create = useCreateCriteriaSet();
  const update = useUpdateCriteriaSet();
  const mutation = set ? update : create;
  const criteria = Form.useWatch('criteria', form) ?? [];
  const totalWeight = criteria.reduce((sum, criterion) => sum + (criterion?.weight ?? 0), 0);

  const submit = (values: SetValues) => {
    const options = {
      onSuccess: (saved: CriteriaSet) => {
        message.success(
          set
            ? 'Đã lưu dự thảo bộ tiêu chí.'
            : `Đã tạo dự thảo ${saved.code} (phiên bản ${saved.versionNo}).`,
        );
        onSaved?.(saved);
        onClose();
      },
      onError: (error: Error) => showServerErrors(form, error, FIELDS),
    };
    if (set) update.mutate({ set, input: toInput(values) }, options);
    else create.mutate(toInput(values), options);
  };

  return (
    <Modal
      open
      title={set ? `Sửa dự thảo: ${set.code} (phiên bản ${set.versionNo})` : 'Thêm bộ tiêu chí'}
      okText={set ? 'Lưu dự thảo' : 'Tạo dự thảo'}
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      okButtonProps={{ 'data-testid': 'criteria-form-submit' }}
      mask={{ closable: false }}
      width={900}
    >
      <ProblemAlert error={mutation.error} formFields={FIELDS} />
      <Form<SetValues>
        form={form}
        layout="vertical"
        initialValues={
          set
            ? toValues(set)
            : {
                subjectKind: 'individual',
                passThreshold: 100,
                nurtureThreshold: 50,
                criteria: [{ mode: 'pass_fail', weight: 25 }],
              }
        }
        onFinish={submit}
        data-testid="criteria-form"
      >
        <Row gutter={16}>
          <Col xs={24} sm={8}>
            <Form.Item
              name="code"
              label="Mã bộ tiêu chí"
              normalize={(value: string) => value?.toUpperCase()}
              extra={set ? undefined : 'Mã đã có: tạo phiên bản mới của bộ đó.'}
              rules={[
                { required: true, whitespace: true, message: 'Nhập mã.' },
                { min: 2, max: 30, message: 'Mã có từ 2 đến 30 ký tự.' },
              ]}
            >
              <Input disabled={Boolean(set)} placeholder="TCC-CN" data-testid="criteria-form-code" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={16}>
            <Form.Item
              name="name"
              label="Tên bộ tiêu chí"
              rules={[
                { required: true, whitespace: true, message: 'Nhập tên.' },
                { min: 3, max: 300, message: 'Tên có từ 3 đến 300 ký tự.' },
              ]}
            >
              <Input data-testid="criteria-form-name" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="subjectKind" label="Áp dụng cho" rules={[{ required: true }]}>
              <Radio.Group options={optionsOf(SUBJECT_KIND_LABELS)} optionType="button" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item
              name="passThreshold"
              label="Ngưỡng Đạt"
              tooltip="Đạt khi điểm từ mức này và mọi tiêu chí đạt/không đạt đều Đạt."
              rules={[{ required: true, message: 'Nhập ngưỡng.' }]}
            >
              <InputNumber min={1} max={100} precision={0} addonAfter="%" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item
              name="nurtureThreshold"
              label="Ngưỡng Cần bồi dưỡng thêm"
              dependencies={['passThreshold']}
              rules={[
                { required: true, message: 'Nhập ngưỡng.' },
                ({ getFieldValue }) => ({
                  validator: (_, value?: number | null) =>
                    value == null || value <= (getFieldValue('passThreshold') ?? 100)
                      ? Promise.resolve()
                      : Promise.reject(new Error('Không được cao hơn ngưỡng Đạt.')),
                }),
              ]}
            >
              <InputNumber min={0} max={100} precision={0} addonAfter="%" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="description" label="Mô tả, căn cứ" rules={[{ max: 4000 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Flex justify="space-between" align="baseline">
          <Typography.Title level={5}>Tiêu chí</Typography.Title>
          <Typography.Text type="secondary" data-testid="criteria-total-weight">
            Tổng trọng số: {totalWeight}
          </Typography.Text>
        </Flex>
        <Form.List
          name="criteria"
          rules={[
            {
              validator: (_, value?: unknown[]) =>
                value && value.length > 0
                  ? Promise.resolve()
                  : Promise.reject(new Error('Cần ít nhất một tiêu chí.')),
            },
          ]}
        >
          {(fields, { add, remove, move }, { errors }) => (
            <>
              {fields.map((field, index) => {
                const mode = criteria[index]?.mode;
                return (
                  <Card
                    key={field.key}
                    size="small"
                    style={{ marginBottom: 8 }}
                    title={`Tiêu chí ${index + 1}`}
                    extra={
                      <Flex gap={4}>
                        <Button
                          size="small"
                          type="text"
                          icon={<ArrowUpOutlined />}
                          disabled={index === 0}
                          onClick={() => move(index, index - 1)}
                          aria-label="Lên trên"
                        />
                        <Button
                          size="small"
                          type="text"
                          icon={<ArrowDownOutlined />}
                          disabled={index === fields.length - 1}
                          onClick={() => move(index, index + 1)}
                          aria-label="Xuống dưới"
                        />
                        <Button
                          size="small"
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          onClick={() => remove(field.name)}
                          aria-label="Bỏ tiêu chí"
                        />
                      </Flex>
                    }
                    data-testid={`criterion-form-${index}`}
                  >
                    <Form.Item
                      name={[field.name, 'text']}
                      label="Nội dung"
                      rules={[
                        { required: true, whitespace: true, message: 'Nhập nội dung tiêu chí.' },
                        { min: 3, max: 2000 },
                      ]}
                    >
                      <Input.TextArea
                        autoSize={{ minRows: 2, maxRows: 6 }}
                        data-testid={`criterion-text-${index}`}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'guidance']}
                      label="Hướng dẫn, minh chứng cần có"
                      rules={[{ max: 4000 }]}
                    >
                      <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
                    </Form.Item>
                    <Row gutter={16}>
                      <Col xs={12} sm={6}>
                        <Form.Item
                          name={[field.name, 'weight']}
                          label="Trọng số"
                          rules={[{ required: true, message: 'Nhập trọng số.' }]}
                        >
                          <InputNumber min={1} max={100} precision={0} style={{ width: '100%' }} />
                        </Form.Item>
                      </Col>
                      <Col xs={12} sm={10}>
                        <Form.Item
                          name={[field.name, 'mode']}
                          label="Cách đánh giá"
                          rules={[{ required: true }]}
                        >
                          <Select options={optionsOf(MODE_LABELS)} />
                        </Form.Item>
                      </Col>
                      {mode === 'score' && (
                        <Col xs={12} sm={8}>
                          <Form.Item
                            name={[field.name, 'maxScore']}
                            label="Điểm tối đa"
                            rules={[{ required: true, message: 'Nhập điểm tối đa.' }]}
                          >
                            <InputNumber min={1} max={100} precision={0} style={{ width: '100%' }} />
                          </Form.Item>
                        </Col>
                      )}
                    </Row>
                  </Card>
                );
              })}
              <Form.ErrorList errors={errors} />
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ mode: 'pass_fail', weight: 25 })}
                data-testid="criterion-add"
              >
                Thêm tiêu chí
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
