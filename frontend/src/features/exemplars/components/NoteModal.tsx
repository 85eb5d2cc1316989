import { Form, Input, Modal } from 'antd';
import type { ReactNode } from 'react';
import { ProblemAlert } from '@/components/ProblemAlert';
import { showServerErrors } from '@/lib/forms';

interface NoteModalProps {
  title: string;
  description?: ReactNode;
  okText: string;
  /** Rejecting or returning must say why; confirming may. */
  required: boolean;
  danger?: boolean;
  pending: boolean;
  error: unknown;
  onSubmit: (note: string | null, form: { setServerErrors: (error: unknown) => void }) => void;
  onClose: () => void;
}

const FIELDS = ['note'] as const;

/** A decision with a note (confirm, return, approve or reject a proposal). */
export function NoteModal({
  title,
  description,
  okText,
  required,
  danger,
  pending,
  error,
  onSubmit,
  onClose,
}: NoteModalProps) {
  const [form] = Form.useForm<{ note?: string }>();
  return (
    <Modal
      open
      title={title}
      okText={okText}
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={pending}
      okButtonProps={{ danger, 'data-testid': 'decision-submit' }}
      destroyOnHidden
    >
      {description && <div style={{ marginBottom: 12 }}>{description}</div>}
      <ProblemAlert error={error} formFields={FIELDS} />
      <Form
        form={form}
        layout="vertical"
        onFinish={({ note }) =>
          onSubmit(note?.trim() || null, {
            setServerErrors: (failure) => showServerErrors(form, failure, FIELDS),
          })
        }
      >
        <Form.Item
          name="note"
          label={required ? 'Lý do' : 'Ghi chú (không bắt buộc)'}
          rules={[
            ...(required ? [{ required: true, whitespace: true, message: 'Ghi rõ lý do.' }] : []),
            { max: 2000, message: 'Tối đa 2.000 ký tự.' },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} autoFocus data-testid="decision-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
