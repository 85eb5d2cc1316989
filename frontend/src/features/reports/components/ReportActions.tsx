import { App, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useReportStep } from '../api/reports';
import type { Report } from '../api/types';
import { filledSections, mayEdit, NARRATIVE_SECTIONS, type StepButton, stepButtons } from '../labels';
import type { NarrativeEditor } from './NarrativeCard';

interface Values {
  note?: string;
}

/** Confirms one step, with the note it takes (required to return a report). */
function StepModal({
  report,
  button,
  editor,
  onClose,
}: {
  report: Report;
  button: StepButton;
  editor: NarrativeEditor;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const mutation = useReportStep();
  const [saving, setSaving] = useState(false);
  const sending = button.step === 'submit' || button.step === 'resubmit';
  const narrative = editor.dirty ? editor.form.getFieldValue('narrative') : report.narrative;
  const empty = sending ? NARRATIVE_SECTIONS.length - filledSections(narrative ?? report.narrative) : 0;

  const finish = async (values: Values) => {
    // Unsaved text is saved first, so that what is sent is what is on the screen.
    setSaving(true);
    const current = sending ? await editor.saveIfChanged() : report;
    setSaving(false);
    if (!current) {
      message.error('Chưa lưu được nội dung báo cáo nên chưa gửi; xem thông báo ở phần nội dung.');
      onClose();
      return;
    }
    mutation.mutate(
      { report: current, step: button.step, note: values.note },
      {
        onSuccess: (after) => {
          message.success(
            `${button.done}${sending && after.submission?.onTime === false ? ' (trễ hạn)' : ''}.`,
          );
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      open
      title={button.confirmTitle}
      okText={button.label}
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving || mutation.isPending}
      okButtonProps={{ danger: button.danger, 'data-testid': 'report-step-ok' }}
      destroyOnHidden
    >
      <Typography.Paragraph>{report.title}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{button.confirmText}</Typography.Paragraph>
      {sending && editor.dirty && (
        <Typography.Paragraph type="warning">
          Nội dung chưa lưu sẽ được lưu trước khi gửi.
        </Typography.Paragraph>
      )}
      {empty > 0 && (
        <Typography.Paragraph type="warning" data-testid="report-step-empty">
          Còn {empty} mục nội dung chưa viết.
        </Typography.Paragraph>
      )}
      <ProblemAlert error={mutation.error} onReload={editor.reload} />
      <Form<Values> form={form} layout="vertical" onFinish={finish}>
        {button.noteLabel && (
          <Form.Item
            name="note"
            label={button.noteLabel}
            rules={
              button.noteRequired
                ? [{ required: true, whitespace: true, message: 'Nêu lý do trả lại và nội dung cần bổ sung' }]
                : []
            }
          >
            <Input.TextArea rows={4} maxLength={5000} data-testid="report-step-note" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** The workflow's buttons: only the steps the server lists in `allowedActions`. */
export function ReportActions({ report, editor }: { report: Report; editor: NarrativeEditor }) {
  const [open, setOpen] = useState<StepButton | null>(null);
  const buttons = stepButtons(report.allowedActions, report.owner);
  // The open confirmation stays mounted when its step leaves no further step, to say it is done.
  return (
    <>
      <Space wrap data-testid="report-actions">
        {buttons.length === 0 && mayEdit(report.allowedActions) && (
          <Typography.Text type="secondary" data-testid="report-actions-hint">
            {report.kind === 'on_demand'
              ? 'Báo cáo theo yêu cầu không gửi theo lịch: soạn nội dung rồi tải văn bản để sử dụng.'
              : 'Bạn soạn nội dung báo cáo; việc gửi báo cáo do Thủ trưởng đơn vị hoặc Văn phòng Sở thực hiện.'}
          </Typography.Text>
        )}
        {buttons.map((button) => (
          <Button
            key={button.step}
            type={button.primary ? 'primary' : 'default'}
            danger={button.danger}
            onClick={() => setOpen(button)}
            data-testid={`report-action-${button.step}`}
          >
            {button.label}
          </Button>
        ))}
      </Space>
      {open && <StepModal report={report} button={open} editor={editor} onClose={() => setOpen(null)} />}
    </>
  );
}
