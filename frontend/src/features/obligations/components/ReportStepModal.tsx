import { App, Form, Input, Modal } from 'antd';
import { ProblemAlert } from '@/components/ProblemAlert';
import { type DecisionStep, useReportStep } from '../api/obligations';
import type { ReportSubmission } from '../api/types';
import { SUBMISSION_ACTION } from '../labels';

interface Values {
  title?: string;
  note?: string;
}

const DONE: Record<DecisionStep, string> = {
  accept: 'Đã tiếp nhận báo cáo.',
  return: 'Đã trả lại báo cáo.',
  resubmit: 'Đã gửi lại báo cáo.',
};

const NOTE_LABEL: Record<DecisionStep, string> = {
  accept: 'Ý kiến khi tiếp nhận (không bắt buộc)',
  return: 'Lý do trả lại, nội dung cần bổ sung',
  resubmit: 'Ghi chú gửi kèm (đã bổ sung, chỉnh sửa gì)',
};

/** One step on a sent report: a reason is required to return it; resubmitting may retitle it. */
export function ReportStepModal({
  report,
  step,
  onClose,
}: {
  report: ReportSubmission;
  step: DecisionStep;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const mutation = useReportStep();

  const finish = (values: Values) =>
    mutation.mutate(
      { report, step, note: values.note, title: values.title },
      {
        onSuccess: () => {
          message.success(DONE[step]);
          onClose();
        },
      },
    );

  return (
    <Modal
      open
      title={`${SUBMISSION_ACTION[step]}: ${report.title}`}
      okText={SUBMISSION_ACTION[step]}
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      okButtonProps={{ danger: step === 'return', 'data-testid': 'report-step-ok' }}
      destroyOnHidden
    >
      <ProblemAlert error={mutation.error} />
      <Form<Values> form={form} layout="vertical" onFinish={finish} initialValues={{ title: report.title }}>
        {step === 'resubmit' && (
          <Form.Item
            name="title"
            label="Tiêu đề báo cáo"
            rules={[{ min: 3, max: 300, message: 'Tiêu đề dài từ 3 đến 300 ký tự' }]}
          >
            <Input maxLength={300} data-testid="report-step-title" />
          </Form.Item>
        )}
        <Form.Item
          name="note"
          label={NOTE_LABEL[step]}
          rules={
            step === 'return'
              ? [{ required: true, whitespace: true, message: 'Nêu lý do trả lại để đơn vị bổ sung' }]
              : []
          }
        >
          <Input.TextArea rows={4} maxLength={5000} data-testid="report-step-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
