import { Alert, Form, Input, Modal } from 'antd';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useCloseBallots } from '../api/council';
import type { CloseInput, Meeting } from '../api/types';

/** Closes every ballot of the meeting and counts them; adds the minutes' conclusions. */
export function CloseBallotsModal({ meeting, onClose }: { meeting: Meeting; onClose: () => void }) {
  const [form] = Form.useForm<CloseInput>();
  const close = useCloseBallots();
  const waiting = meeting.ballots.filter((ballot) => ballot.votersCount < ballot.membersPresent).length;

  const submit = (values: CloseInput) =>
    close.mutate(
      {
        meeting,
        input: { content: values.content || null, conclusions: values.conclusions || null },
      },
      { onSuccess: onClose },
    );

  return (
    <Modal
      open
      title="Kết thúc bỏ phiếu và kiểm phiếu"
      okText="Kiểm phiếu"
      cancelText="Hủy"
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: close.isPending, 'data-testid': 'close-ballots-ok' }}
      mask={{ closable: false }}
      data-testid="close-ballots-modal"
    >
      {waiting > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`Còn ${waiting} phiếu chưa đủ số thành viên có mặt bỏ phiếu.`}
          description="Sau khi kiểm phiếu, không bỏ phiếu thêm được nữa."
        />
      )}
      <ProblemAlert error={close.error} formFields={['content', 'conclusions']} />
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ content: meeting.content ?? '' }}
      >
        <Form.Item name="content" label="Nội dung đã trình bày, thảo luận (ghi vào biên bản)">
          <Input.TextArea rows={3} maxLength={8000} data-testid="close-ballots-content" />
        </Form.Item>
        <Form.Item name="conclusions" label="Kết luận thêm">
          <Input.TextArea rows={3} maxLength={8000} data-testid="close-ballots-conclusions" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
