import { App, Col, Form, Input, InputNumber, Modal, Row, Select, Switch, Typography } from 'antd';
import { ProblemAlert } from '@/components/ProblemAlert';
import { blankToNull, showServerErrors } from '@/lib/forms';
import { optionsOf } from '@/lib/vocabulary';
import { useSaveAwardForm } from '../api/commendations';
import type {
  Authority,
  AwardForm,
  AwardFormInput,
  AwardKind,
  AwardSubject,
  VoteDenominator,
} from '../api/models';
import {
  AUTHORITY_LABELS,
  AWARD_KIND_LABELS,
  AWARD_SUBJECT_LABELS,
  VOTE_DENOMINATOR_LABELS,
} from '../vocabulary';

interface AwardFormValues {
  code: string;
  name: string;
  kind: AwardKind;
  subjectKind: AwardSubject;
  authority: Authority;
  requiresNotice: boolean;
  noticeWorkingDays?: number | null;
  requiresVote: boolean;
  voteThresholdPercent: number;
  voteThresholdStrict: boolean;
  voteDenominator: VoteDenominator;
  individualMultiple?: number | null;
  collectiveMultiple?: number | null;
  legalBasis: string;
  description?: string;
}

const FIELDS = [
  'code',
  'name',
  'kind',
  'subjectKind',
  'authority',
  'requiresNotice',
  'noticeWorkingDays',
  'requiresVote',
  'voteThresholdPercent',
  'voteThresholdStrict',
  'voteDenominator',
  'individualMultiple',
  'collectiveMultiple',
  'legalBasis',
  'description',
] as const;

const AUTHORITY_OPTIONS = optionsOf(AUTHORITY_LABELS);

/** What a new award form starts from. */
const NEW_VALUES: AwardFormValues = {
  code: '',
  name: '',
  kind: 'form',
  subjectKind: 'both',
  authority: AUTHORITY_OPTIONS[0].value,
  requiresNotice: false,
  noticeWorkingDays: null,
  requiresVote: true,
  voteThresholdPercent: 50,
  voteThresholdStrict: true,
  voteDenominator: 'members_present',
  individualMultiple: null,
  collectiveMultiple: null,
  legalBasis: '',
  description: '',
};

function toValues(form: AwardForm): AwardFormValues {
  return {
    code: form.code,
    name: form.name,
    kind: form.kind,
    subjectKind: form.subjectKind,
    authority: form.authority,
    requiresNotice: form.requiresNotice,
    noticeWorkingDays: form.noticeWorkingDays ?? null,
    requiresVote: form.requiresVote,
    voteThresholdPercent: form.voteThresholdPercent,
    voteThresholdStrict: form.voteThresholdStrict,
    voteDenominator: form.voteDenominator,
    individualMultiple: form.individualMultiple ?? null,
    collectiveMultiple: form.collectiveMultiple ?? null,
    legalBasis: form.legalBasis,
    description: form.description ?? '',
  };
}

function toInput(values: AwardFormValues): AwardFormInput {
  return {
    code: values.code.trim().toUpperCase(),
    name: values.name.trim(),
    kind: values.kind,
    subjectKind: values.subjectKind,
    authority: values.authority,
    requiresNotice: values.requiresNotice,
    noticeWorkingDays: values.requiresNotice ? (values.noticeWorkingDays ?? null) : null,
    requiresVote: values.requiresVote,
    voteThresholdPercent: values.voteThresholdPercent,
    voteThresholdStrict: values.voteThresholdStrict,
    voteDenominator: values.voteDenominator,
    individualMultiple: values.individualMultiple ?? null,
    collectiveMultiple: values.collectiveMultiple ?? null,
    legalBasis: values.legalBasis.trim(),
    description: blankToNull(values.description),
  };
}

/** At most two decimals, as the server keeps the multiples in hundredths. */
const TWO_DECIMALS = {
  validator: (_: unknown, value: number | null | undefined) =>
    value === null || value === undefined || Math.abs(value * 100 - Math.round(value * 100)) < 1e-6
      ? Promise.resolve()
      : Promise.reject(new Error('Mức thưởng có tối đa hai chữ số thập phân.')),
};

interface AwardFormModalProps {
  /** The draft version to edit; adds a new award form (or the next version of a code) when absent. */
  awardForm?: AwardForm;
  onClose: () => void;
}

/** Edits the fields of an award form's draft version, or adds one. Mounted only while open. */
export function AwardFormModal({ awardForm, onClose }: AwardFormModalProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<AwardFormValues>();
  const save = useSaveAwardForm();
  const requiresNotice = Form.useWatch('requiresNotice', form) ?? awardForm?.requiresNotice ?? false;
  const requiresVote = Form.useWatch('requiresVote', form) ?? awardForm?.requiresVote ?? true;
  const percent = Form.useWatch('voteThresholdPercent', form);
  const strict = Form.useWatch('voteThresholdStrict', form);
  const denominator = Form.useWatch('voteDenominator', form);

  const submit = async (values: AwardFormValues) => {
    try {
      await save.mutateAsync({ id: awardForm?.id, version: awardForm?.version, input: toInput(values) });
      message.success('Đã lưu hình thức khen thưởng.');
      onClose();
    } catch (error) {
      showServerErrors(form, error, FIELDS);
    }
  };

  const voteRule =
    percent && denominator
      ? `Đạt khi số phiếu đồng ý ${strict ? `trên ${percent}%` : `từ ${percent}% trở lên`} ${VOTE_DENOMINATOR_LABELS[denominator]}.`
      : null;

  return (
    <Modal
      open
      width={760}
      title={
        awardForm
          ? `Sửa dự thảo: ${awardForm.name} (phiên bản ${awardForm.versionNo})`
          : 'Thêm hình thức khen thưởng'
      }
      okText="Lưu"
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'award-form-save' }}
      mask={{ closable: false }}
      data-testid="award-form-modal"
    >
      <ProblemAlert error={save.error} formFields={FIELDS} />
      <Form<AwardFormValues>
        form={form}
        layout="vertical"
        initialValues={awardForm ? toValues(awardForm) : NEW_VALUES}
        onFinish={(values) => void submit(values)}
      >
        <Row gutter={16}>
          <Col xs={24} sm={8}>
            <Form.Item
              name="code"
              label="Mã"
              normalize={(value: string | undefined) => value?.toUpperCase()}
              rules={[
                { required: true, whitespace: true, message: 'Nhập mã hình thức khen thưởng.' },
                { min: 2, max: 30, message: 'Mã có từ 2 đến 30 ký tự.' },
              ]}
              extra={
                awardForm
                  ? undefined
                  : 'Mã đã có: tạo phiên bản tiếp theo của hình thức đó; mã mới: thêm hình thức mới.'
              }
            >
              <Input
                placeholder="GK-GDS"
                maxLength={30}
                autoComplete="off"
                spellCheck={false}
                disabled={!!awardForm}
                data-testid="award-form-field-code"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={16}>
            <Form.Item
              name="name"
              label="Tên hình thức"
              rules={[
                { required: true, whitespace: true, message: 'Nhập tên hình thức khen thưởng.' },
                { min: 3, max: 300, message: 'Tên có từ 3 đến 300 ký tự.' },
              ]}
            >
              <Input
                placeholder="Giấy khen của Giám đốc Sở Tư pháp"
                maxLength={300}
                data-testid="award-form-field-name"
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} sm={8}>
            <Form.Item name="kind" label="Loại" rules={[{ required: true, message: 'Chọn loại.' }]}>
              <Select options={optionsOf(AWARD_KIND_LABELS)} data-testid="award-form-field-kind" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item
              name="subjectKind"
              label="Đối tượng"
              rules={[{ required: true, message: 'Chọn đối tượng.' }]}
            >
              <Select options={optionsOf(AWARD_SUBJECT_LABELS)} data-testid="award-form-field-subjectKind" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item
              name="authority"
              label="Thẩm quyền quyết định"
              rules={[{ required: true, message: 'Chọn thẩm quyền quyết định.' }]}
            >
              <Select options={AUTHORITY_OPTIONS} data-testid="award-form-field-authority" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} sm={8}>
            <Form.Item name="requiresNotice" label="Phải công khai lấy ý kiến" valuePropName="checked">
              <Switch data-testid="award-form-requires-notice" />
            </Form.Item>
          </Col>
          {requiresNotice && (
            <Col xs={24} sm={16}>
              <Form.Item
                name="noticeWorkingDays"
                label="Số ngày làm việc công khai"
                extra="Để trống: dùng số ngày mặc định trong cài đặt."
                rules={[{ type: 'integer', min: 1, max: 60, message: 'Từ 1 đến 60 ngày làm việc.' }]}
              >
                <InputNumber
                  min={1}
                  max={60}
                  precision={0}
                  placeholder="Mặc định"
                  suffix="ngày làm việc"
                  style={{ width: 220 }}
                  data-testid="award-form-notice-days"
                />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Row gutter={16}>
          <Col xs={24} sm={8}>
            <Form.Item name="requiresVote" label="Phải bỏ phiếu tại Hội đồng" valuePropName="checked">
              <Switch data-testid="award-form-requires-vote" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={5}>
            <Form.Item
              name="voteThresholdPercent"
              label="Ngưỡng (%)"
              rules={[
                { required: true, message: 'Nhập ngưỡng.' },
                { type: 'integer', min: 1, max: 100, message: 'Từ 1 đến 100%.' },
              ]}
            >
              <InputNumber
                min={1}
                max={100}
                precision={0}
                suffix="%"
                disabled={!requiresVote}
                style={{ width: '100%' }}
                data-testid="award-form-field-voteThresholdPercent"
              />
            </Form.Item>
          </Col>
          <Col xs={12} sm={5}>
            <Form.Item name="voteThresholdStrict" label="Cách so ngưỡng" valuePropName="checked">
              <Switch
                checkedChildren="trên"
                unCheckedChildren="từ … trở lên"
                disabled={!requiresVote}
                data-testid="award-form-field-voteThresholdStrict"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={6}>
            <Form.Item
              name="voteDenominator"
              label="Tính trên"
              rules={[{ required: true, message: 'Chọn cách tính.' }]}
            >
              <Select
                options={optionsOf(VOTE_DENOMINATOR_LABELS)}
                disabled={!requiresVote}
                popupMatchSelectWidth={false}
                data-testid="award-form-field-voteDenominator"
              />
            </Form.Item>
          </Col>
        </Row>
        {requiresVote && voteRule && (
          <Typography.Paragraph type="secondary" style={{ marginTop: -8 }} data-testid="award-form-vote-rule">
            {voteRule}
          </Typography.Paragraph>
        )}
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <MultipleItem name="individualMultiple" label="Mức thưởng cá nhân" whom="cá nhân" />
          </Col>
          <Col xs={24} sm={12}>
            <MultipleItem name="collectiveMultiple" label="Mức thưởng tập thể" whom="tập thể" />
          </Col>
        </Row>
        <Form.Item
          name="legalBasis"
          label="Căn cứ pháp lý"
          rules={[
            { required: true, whitespace: true, message: 'Nhập căn cứ pháp lý.' },
            { min: 3, max: 4000, message: 'Căn cứ pháp lý có từ 3 đến 4000 ký tự.' },
          ]}
        >
          <Input.TextArea
            maxLength={4000}
            autoSize={{ minRows: 2, maxRows: 6 }}
            placeholder="Khoản 1 Điều 74 Luật Thi đua, khen thưởng năm 2022"
            data-testid="award-form-field-legalBasis"
          />
        </Form.Item>
        <Form.Item
          name="description"
          label="Mô tả"
          rules={[{ max: 4000, message: 'Mô tả có tối đa 4000 ký tự.' }]}
        >
          <Input.TextArea
            maxLength={4000}
            autoSize={{ minRows: 2, maxRows: 6 }}
            data-testid="award-form-field-description"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A reward as a multiple of the base salary, for individuals or for collectives. */
function MultipleItem({
  name,
  label,
  whom,
}: {
  name: 'individualMultiple' | 'collectiveMultiple';
  label: string;
  whom: string;
}) {
  return (
    <Form.Item
      name={name}
      label={label}
      extra={`Để trống nếu không có tiền thưởng hoặc không áp dụng cho ${whom}.`}
      rules={[{ type: 'number', min: 0, max: 100, message: 'Từ 0 đến 100.' }, TWO_DECIMALS]}
    >
      <InputNumber
        min={0}
        max={100}
        step={0.1}
        suffix="× lương cơ sở"
        style={{ width: '100%' }}
        data-testid={`award-form-field-${name}`}
      />
    </Form.Item>
  );
}
