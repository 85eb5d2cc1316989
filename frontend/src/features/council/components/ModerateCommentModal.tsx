import { Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useModerateComment } from '../api/notices';
import type { ModeratedComment } from '../api/types';
import { moderationReason } from './notice-logic';

interface ModerateCommentModalProps {
  comment: ModeratedComment;
  approve: boolean;
  onClose: () => void;
}

/** Approves a comment (shown publicly, without contact details) or hides it with a reason. */
export function ModerateCommentModal({ comment, approve, onClose }: ModerateCommentModalProps) {
  const moderate = useModerateComment();
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);

  const submit = () => {
    const checked = moderationReason(approve, text);
    if (!checked.ok) {
      setMissing(true);
      return;
    }
    moderate.mutate({ comment, approve, reason: checked.reason }, { onSuccess: onClose });
  };

  return (
    <Modal
      open
      title={approve ? 'Duyệt ý kiến để hiển thị công khai' : 'Không duyệt (ẩn) ý kiến'}
      okText={approve ? 'Duyệt' : 'Ẩn ý kiến'}
      okButtonProps={{ danger: !approve, loading: moderate.isPending, 'data-testid': 'moderate-ok' }}
      cancelText="Hủy"
      onCancel={onClose}
      onOk={submit}
      mask={{ closable: false }}
      data-testid="moderate-modal"
    >
      <Typography.Paragraph type="secondary" ellipsis={{ rows: 3 }}>
        “{comment.body}” — {comment.authorName}
      </Typography.Paragraph>
      <ProblemAlert error={moderate.error} formFields={['reason']} />
      <Form layout="vertical">
        <Form.Item
          label={approve ? 'Ghi chú (không bắt buộc)' : 'Lý do không duyệt'}
          required={!approve}
          validateStatus={missing ? 'error' : undefined}
          help={missing ? 'Nhập lý do không duyệt' : undefined}
        >
          <Input.TextArea
            rows={3}
            maxLength={1000}
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              setMissing(false);
            }}
            data-testid="moderate-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
