import { Alert, Flex, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import type { ReactNode } from 'react';
import { DateInput } from '@/components/DateInput';
import { ProblemAlert } from '@/components/ProblemAlert';
import { DATE_FORMAT, fromApiDate, todayInVietnam, toApiDate, type dayjs } from '@/lib/dates';
import { blankToNull, showServerErrors } from '@/lib/forms';
import { useReservedNumbers } from '../api/commendations';
import { hasBlock, stillInRunning } from './nominees';
import type {
  ForwardInput,
  Nominee,
  NomineeDecision,
  NomineeVerdict,
  NoticeInput,
  OutcomeInput,
  Proposal,
  ProposalDecisionInput,
  ReviewInput,
} from '../api/models';

/** What every step's dialog gets: the request's state and how to answer it. */
export interface StepModalProps<T> {
  proposal: Proposal;
  pending: boolean;
  error: unknown;
  onSubmit: (input: T, setServerErrors: (error: unknown) => void) => void;
  onClose: () => void;
}

function StepModal({
  title,
  okText,
  danger,
  pending,
  error,
  formFields,
  onOk,
  onClose,
  children,
  width,
}: {
  title: string;
  okText: string;
  danger?: boolean;
  pending: boolean;
  error: unknown;
  formFields: readonly string[];
  onOk: () => void;
  onClose: () => void;
  children: ReactNode;
  width?: number;
}) {
  return (
    <Modal
      open
      title={title}
      okText={okText}
      cancelText="Hủy"
      onOk={onOk}
      onCancel={onClose}
      confirmLoading={pending}
      okButtonProps={{ danger, 'data-testid': 'step-submit' }}
      destroyOnHidden
      width={width}
    >
      <ProblemAlert error={error} formFields={formFields} />
      {children}
    </Modal>
  );
}

const noteItem = (required: boolean) => (
  <Form.Item
    name="note"
    label={required ? 'Lý do' : 'Ghi chú (không bắt buộc)'}
    rules={[
      ...(required ? [{ required: true, whitespace: true, message: 'Ghi rõ lý do.' }] : []),
      { max: 2000, message: 'Tối đa 2.000 ký tự.' },
    ]}
  >
    <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="step-note" />
  </Form.Item>
);

/** A step with a note only (submit, receive, send on…); returning and rejecting must say why. */
export function NoteStepModal({
  title,
  description,
  okText,
  required,
  danger,
  pending,
  error,
  onSubmit,
  onClose,
}: Omit<StepModalProps<string | null>, 'proposal'> & {
  title: string;
  description?: ReactNode;
  okText: string;
  required: boolean;
  danger?: boolean;
}) {
  const [form] = Form.useForm<{ note?: string }>();
  const fields = ['note'];
  return (
    <StepModal
      title={title}
      okText={okText}
      danger={danger}
      pending={pending}
      error={error}
      formFields={fields}
      onOk={() => form.submit()}
      onClose={onClose}
    >
      {description && <div style={{ marginBottom: 12 }}>{description}</div>}
      <Form
        form={form}
        layout="vertical"
        onFinish={({ note }) =>
          onSubmit(blankToNull(note), (failure) => showServerErrors(form, failure, fields))
        }
      >
        {noteItem(required)}
      </Form>
    </StepModal>
  );
}

interface Verdict {
  ok: boolean;
  reason?: string;
}

/** One line per nominee: yes or no, and why not. */
function VerdictRows({ nominees, yes, no }: { nominees: Nominee[]; yes: string; no: string }) {
  const form = Form.useFormInstance();
  return (
    <>
      {nominees.map((nominee, index) => (
        <VerdictRow key={nominee.id} nominee={nominee} index={index} yes={yes} no={no} form={form} />
      ))}
    </>
  );
}

function VerdictRow({
  nominee,
  index,
  yes,
  no,
  form,
}: {
  nominee: Nominee;
  index: number;
  yes: string;
  no: string;
  form: ReturnType<typeof Form.useFormInstance>;
}) {
  const ok = Form.useWatch(['verdicts', index, 'ok'], form) as boolean | undefined;
  const blocks = nominee.checks.filter((check) => !check.passed && check.severity === 'block');
  const warnings = nominee.checks.filter((check) => !check.passed && check.severity === 'warning');
  return (
    <div style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 8, marginBottom: 8 }}>
      <Typography.Text strong>{nominee.fullName}</Typography.Text>
      <Typography.Text type="secondary"> · {nominee.workplace}</Typography.Text>
      {blocks.map((check) => (
        <Typography.Paragraph key={check.ruleCode} type="danger" style={{ margin: 0, fontSize: 13 }}>
          Chặn: {check.reason}
        </Typography.Paragraph>
      ))}
      {warnings.map((check) => (
        <Typography.Paragraph key={check.ruleCode} type="warning" style={{ margin: 0, fontSize: 13 }}>
          Cảnh báo: {check.reason}
        </Typography.Paragraph>
      ))}
      <Flex gap={12} wrap align="flex-start" style={{ marginTop: 4 }}>
        <Form.Item name={['verdicts', index, 'ok']} style={{ marginBottom: 0 }}>
          <Radio.Group data-testid={`verdict-${nominee.id}`}>
            <Radio value={true} data-testid={`verdict-${nominee.id}-yes`}>
              {yes}
            </Radio>
            <Radio value={false} data-testid={`verdict-${nominee.id}-no`}>
              {no}
            </Radio>
          </Radio.Group>
        </Form.Item>
        {ok === false && (
          <Form.Item
            name={['verdicts', index, 'reason']}
            rules={[{ required: true, whitespace: true, message: 'Ghi rõ lý do.' }]}
            style={{ flex: 1, minWidth: 240, marginBottom: 0 }}
          >
            <Input placeholder="Lý do" maxLength={2000} data-testid={`verdict-${nominee.id}-reason`} />
          </Form.Item>
        )}
      </Flex>
    </div>
  );
}

/** The Office's review: every nominee eligible or not, with the reason. */
export function ReviewModal({ proposal, pending, error, onSubmit, onClose }: StepModalProps<ReviewInput>) {
  const [form] = Form.useForm<{ verdicts: Verdict[]; note?: string }>();
  const fields = ['nominees', 'note'];
  return (
    <StepModal
      title="Thẩm định hồ sơ"
      okText="Ghi kết quả thẩm định"
      pending={pending}
      error={error}
      formFields={fields}
      onOk={() => form.submit()}
      onClose={onClose}
      width={720}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ verdicts: proposal.nominees.map((nominee) => ({ ok: !hasBlock(nominee) })) }}
        onFinish={({ verdicts, note }) => {
          const nominees: NomineeVerdict[] = proposal.nominees.map((nominee, index) => ({
            nomineeId: nominee.id,
            eligible: verdicts[index].ok,
            reason: verdicts[index].ok ? null : blankToNull(verdicts[index].reason),
          }));
          onSubmit({ nominees, note: blankToNull(note) }, (failure) =>
            showServerErrors(form, failure, fields),
          );
        }}
      >
        <Typography.Paragraph type="secondary">
          Ít nhất một người phải đủ điều kiện. Người bị chặn theo điều kiện khen thưởng không thể được xác
          nhận đủ điều kiện.
        </Typography.Paragraph>
        <VerdictRows nominees={proposal.nominees} yes="Đủ điều kiện" no="Không đủ điều kiện" />
        {noteItem(false)}
      </Form>
    </StepModal>
  );
}

/** The public notice: from today (or a later day) to at least the required working days. */
export function NoticeModal({ proposal, pending, error, onSubmit, onClose }: StepModalProps<NoticeInput>) {
  const [form] = Form.useForm<{ startsOn?: dayjs.Dayjs; endsOn?: dayjs.Dayjs; note?: string }>();
  const fields = ['startsOn', 'endsOn', 'note'];
  const days = proposal.awardForm.noticeWorkingDays;
  return (
    <StepModal
      title="Công khai lấy ý kiến"
      okText="Bắt đầu công khai"
      pending={pending}
      error={error}
      formFields={fields}
      onOk={() => form.submit()}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary">
        Danh sách người đủ điều kiện được công bố trên cổng thông tin để nhân dân, cán bộ góp ý.{' '}
        {days
          ? `Thời hạn tối thiểu ${days} ngày làm việc.`
          : 'Thời hạn tối thiểu theo cấu hình (ngày làm việc).'}{' '}
        Để trống để dùng mặc định.
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ startsOn: todayInVietnam() }}
        onFinish={({ startsOn, endsOn, note }) =>
          onSubmit(
            {
              startsOn: toApiDate(startsOn) ?? null,
              endsOn: toApiDate(endsOn) ?? null,
              note: blankToNull(note),
            },
            (failure) => showServerErrors(form, failure, fields),
          )
        }
      >
        <Flex gap={16} wrap>
          <Form.Item name="startsOn" label="Bắt đầu">
            <DateInput format={DATE_FORMAT} data-testid="notice-starts" />
          </Form.Item>
          <Form.Item name="endsOn" label="Ngày cuối cùng (không bắt buộc)">
            <DateInput format={DATE_FORMAT} data-testid="notice-ends" />
          </Form.Item>
        </Flex>
        {noteItem(false)}
      </Form>
    </StepModal>
  );
}

function ReservedNumberItem({ kind, year, label }: { kind: 'qd' | 'ttr'; year: number; label: string }) {
  const numbers = useReservedNumbers(kind, year, true);
  return (
    <Form.Item
      name="reservedNumberId"
      label={label}
      extra="Để trống: lấy số tiếp theo trong sổ đăng ký văn bản của năm."
    >
      <Select
        allowClear
        placeholder="Số tiếp theo trong sổ"
        loading={numbers.isLoading}
        options={(numbers.data ?? []).map((entry) => ({
          value: entry.id,
          label: `Số ${String(entry.number).padStart(2, '0')}/${year} — ${entry.purpose}`,
        }))}
        data-testid="step-reserved-number"
      />
    </Form.Item>
  );
}

interface DecisionValues {
  verdicts: Verdict[];
  decidedOn?: dayjs.Dayjs;
  signerTitle: string;
  signerName: string;
  signerAuthority?: string;
  reservedNumberId?: number;
  note?: string;
}

/** The leader's decision: who is awarded, the number, the day and who signs. */
export function DecisionModal({
  proposal,
  pending,
  error,
  onSubmit,
  onClose,
}: StepModalProps<ProposalDecisionInput>) {
  const [form] = Form.useForm<DecisionValues>();
  const running = stillInRunning(proposal);
  const fields = [
    'decidedOn',
    'signerTitle',
    'signerName',
    'signerAuthority',
    'reservedNumberId',
    'nominees',
    'note',
  ];
  const decidedOn = Form.useWatch('decidedOn', form);
  const year = decidedOn?.year() ?? todayInVietnam().year();
  return (
    <StepModal
      title="Quyết định khen thưởng"
      okText="Ký quyết định"
      pending={pending}
      error={error}
      formFields={fields}
      onOk={() => form.submit()}
      onClose={onClose}
      width={760}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          verdicts: running.map((nominee) => ({ ok: !hasBlock(nominee) })),
          decidedOn: todayInVietnam(),
          signerTitle: 'GIÁM ĐỐC',
        }}
        onFinish={(values) => {
          const nominees: NomineeDecision[] = running.map((nominee, index) => ({
            nomineeId: nominee.id,
            approved: values.verdicts[index].ok,
            reason: values.verdicts[index].ok ? null : blankToNull(values.verdicts[index].reason),
          }));
          onSubmit(
            {
              decidedOn: toApiDate(values.decidedOn) ?? '',
              signerTitle: values.signerTitle.trim(),
              signerName: values.signerName.trim(),
              signerAuthority: blankToNull(values.signerAuthority),
              reservedNumberId: values.reservedNumberId ?? null,
              nominees,
              note: blankToNull(values.note),
            },
            (failure) => showServerErrors(form, failure, fields),
          );
        }}
      >
        <VerdictRows nominees={running} yes="Khen thưởng" no="Không khen thưởng" />
        <ReservedNumberItem kind="qd" year={year} label="Số quyết định" />
        <Flex gap={16} wrap>
          <Form.Item name="decidedOn" label="Ngày ký" rules={[{ required: true, message: 'Chọn ngày ký.' }]}>
            <DateInput format={DATE_FORMAT} data-testid="decision-date" />
          </Form.Item>
          <Form.Item name="signerAuthority" label="Thẩm quyền ký" extra="“KT. GIÁM ĐỐC” khi cấp phó ký thay.">
            <Input maxLength={100} style={{ width: 180 }} data-testid="decision-authority" />
          </Form.Item>
          <Form.Item
            name="signerTitle"
            label="Chức vụ người ký"
            rules={[{ required: true, whitespace: true, min: 2, message: 'Nhập chức vụ.' }]}
          >
            <Input maxLength={100} style={{ width: 180 }} data-testid="decision-signer-title" />
          </Form.Item>
          <Form.Item
            name="signerName"
            label="Họ tên người ký"
            rules={[{ required: true, whitespace: true, min: 2, message: 'Nhập họ tên người ký.' }]}
            style={{ flex: 1, minWidth: 200 }}
          >
            <Input maxLength={200} data-testid="decision-signer-name" />
          </Form.Item>
        </Flex>
        {noteItem(false)}
      </Form>
    </StepModal>
  );
}

/** Forwarding to the higher authority with the Department's tờ trình. */
export function ForwardModal({ proposal, pending, error, onSubmit, onClose }: StepModalProps<ForwardInput>) {
  const [form] = Form.useForm<{ forwardedOn?: dayjs.Dayjs; reservedNumberId?: number; note?: string }>();
  const fields = ['forwardedOn', 'reservedNumberId', 'note'];
  const forwardedOn = Form.useWatch('forwardedOn', form);
  return (
    <StepModal
      title="Trình cấp trên"
      okText="Trình cấp trên"
      pending={pending}
      error={error}
      formFields={fields}
      onOk={() => form.submit()}
      onClose={onClose}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={`Hình thức "${proposal.awardForm.name}" do cấp trên quyết định; Sở trình kèm tờ trình.`}
      />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ forwardedOn: todayInVietnam() }}
        onFinish={({ forwardedOn: day, reservedNumberId, note }) =>
          onSubmit(
            {
              forwardedOn: toApiDate(day) ?? '',
              reservedNumberId: reservedNumberId ?? null,
              note: blankToNull(note),
            },
            (failure) => showServerErrors(form, failure, fields),
          )
        }
      >
        <ReservedNumberItem
          kind="ttr"
          year={forwardedOn?.year() ?? todayInVietnam().year()}
          label="Số tờ trình"
        />
        <Form.Item
          name="forwardedOn"
          label="Ngày tờ trình"
          rules={[{ required: true, message: 'Chọn ngày.' }]}
        >
          <DateInput format={DATE_FORMAT} data-testid="forward-date" />
        </Form.Item>
        {noteItem(false)}
      </Form>
    </StepModal>
  );
}

/** The higher authority's decision, per nominee. */
export function OutcomeModal({ proposal, pending, error, onSubmit, onClose }: StepModalProps<OutcomeInput>) {
  const [form] = Form.useForm<{
    verdicts: Verdict[];
    decisionNumber: string;
    decisionDate?: dayjs.Dayjs;
    note?: string;
  }>();
  const running = stillInRunning(proposal);
  const fields = ['decisionNumber', 'decisionDate', 'nominees', 'note'];
  return (
    <StepModal
      title="Ghi nhận kết quả cấp trên"
      okText="Ghi nhận"
      pending={pending}
      error={error}
      formFields={fields}
      onOk={() => form.submit()}
      onClose={onClose}
      width={720}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ verdicts: running.map(() => ({ ok: true })) }}
        onFinish={(values) =>
          onSubmit(
            {
              decisionNumber: values.decisionNumber.trim(),
              decisionDate: toApiDate(values.decisionDate) ?? '',
              nominees: running.map((nominee, index) => ({
                nomineeId: nominee.id,
                approved: values.verdicts[index].ok,
                reason: values.verdicts[index].ok ? null : blankToNull(values.verdicts[index].reason),
              })),
              note: blankToNull(values.note),
            },
            (failure) => showServerErrors(form, failure, fields),
          )
        }
      >
        <Flex gap={16} wrap>
          <Form.Item
            name="decisionNumber"
            label="Số quyết định của cấp trên"
            rules={[{ required: true, whitespace: true, min: 2, message: 'Nhập số quyết định.' }]}
          >
            <Input placeholder="1234/QĐ-UBND" maxLength={100} data-testid="outcome-number" />
          </Form.Item>
          <Form.Item
            name="decisionDate"
            label="Ngày quyết định"
            rules={[{ required: true, message: 'Chọn ngày.' }]}
          >
            <DateInput format={DATE_FORMAT} data-testid="outcome-date" />
          </Form.Item>
        </Flex>
        <VerdictRows nominees={running} yes="Được khen thưởng" no="Không được khen thưởng" />
        {noteItem(false)}
      </Form>
    </StepModal>
  );
}

/** The awards were handed over. */
export function AwardedModal({
  proposal,
  pending,
  error,
  onSubmit,
  onClose,
}: StepModalProps<{ awardedOn: string; note: string | null }>) {
  const [form] = Form.useForm<{ awardedOn?: dayjs.Dayjs; note?: string }>();
  const fields = ['awardedOn', 'note'];
  const decided = fromApiDate(proposal.decision?.decidedOn ?? proposal.forward?.higherDecisionDate);
  return (
    <StepModal
      title="Xác nhận đã trao tặng"
      okText="Xác nhận"
      pending={pending}
      error={error}
      formFields={fields}
      onOk={() => form.submit()}
      onClose={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ awardedOn: todayInVietnam() }}
        onFinish={({ awardedOn, note }) =>
          onSubmit({ awardedOn: toApiDate(awardedOn) ?? '', note: blankToNull(note) }, (failure) =>
            showServerErrors(form, failure, fields),
          )
        }
      >
        <Form.Item
          name="awardedOn"
          label="Ngày trao tặng"
          rules={[{ required: true, message: 'Chọn ngày.' }]}
          extra={decided ? `Không trước ngày quyết định ${decided.format(DATE_FORMAT)}.` : undefined}
        >
          <DateInput format={DATE_FORMAT} data-testid="awarded-date" />
        </Form.Item>
        {noteItem(false)}
      </Form>
    </StepModal>
  );
}
