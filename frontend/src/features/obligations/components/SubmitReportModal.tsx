import { App, Form, Input, Modal, Typography } from 'antd';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useSubmitReport } from '../api/obligations';
import type { Obligation } from '../api/types';

interface Values {
  title: string;
  note?: string;
}

/** Sends the report of an obligation: its title and a note for the reader. */
export function SubmitReportModal({ obligation, onClose }: { obligation: Obligation; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const submit = useSubmitReport();

  const send = (values: Values) =>
    submit.mutate(
      {
        kind: obligation.kind,
        period: obligation.period,
        unitId: obligation.unit?.id ?? null,
        title: values.title.trim(),
        note: values.note?.trim() || null,
      },
      {
        onSuccess: (report) => {
          message.success(report.onTime === false ? 'Đã gửi báo cáo (trễ hạn).' : 'Đã gửi báo cáo.');
          onClose();
        },
      },
    );

  return (
    <Modal
      open
      title="Gửi báo cáo"
      okText="Gửi báo cáo"
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={submit.isPending}
      okButtonProps={{ 'data-testid': 'submit-report-ok' }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {obligation.title}
        {obligation.unit ? ` — ${obligation.unit.name}` : ''}
      </Typography.Paragraph>
      <ProblemAlert error={submit.error} />
      <Form<Values> form={form} layout="vertical" onFinish={send} initialValues={{ title: obligation.title }}>
        <Form.Item
          name="title"
          label="Tiêu đề báo cáo"
          rules={[
            { required: true, whitespace: true, message: 'Nhập tiêu đề báo cáo' },
            { min: 3, max: 300, message: 'Tiêu đề dài từ 3 đến 300 ký tự' },
          ]}
        >
          <Input data-testid="submit-report-title" maxLength={300} />
        </Form.Item>
        <Form.Item name="note" label="Ghi chú gửi kèm" rules={[{ max: 5000 }]}>
          <Input.TextArea rows={4} maxLength={5000} data-testid="submit-report-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
