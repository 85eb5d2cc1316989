import { Form, Input, Modal } from 'antd';
import { ProblemAlert } from '@/components/ProblemAlert';
import type { Exemplar, Stage, StageMove } from '@/lib/api/models';
import { showServerErrors } from '@/lib/forms';
import { STAGE_LABELS } from '@/lib/vocabulary';

interface StageMoveModalProps {
  exemplar: Exemplar;
  /** A unit head's proposal (waits for the Office) or the Office's own move. */
  mode: 'propose' | 'move';
  /** The stage chosen in the header (one the server allows now). */
  toStage: Stage;
  pending: boolean;
  error: unknown;
  onSubmit: (move: StageMove, onError: (error: unknown) => void) => void;
  onClose: () => void;
}

// The target is fixed: the server's objections to it show in the alert.
const FIELDS = ['note'] as const;

function titleOf(mode: 'propose' | 'move', toStage: Stage): string {
  const stage = STAGE_LABELS[toStage];
  if (toStage === 'stopped') return mode === 'propose' ? 'Đề xuất dừng theo dõi' : 'Dừng theo dõi';
  if (toStage === 'archived') return mode === 'propose' ? 'Đề xuất lưu trữ' : 'Lưu trữ';
  return mode === 'propose' ? `Đề xuất chuyển sang giai đoạn ${stage}` : `Chuyển sang giai đoạn ${stage}`;
}

export function StageMoveModal({
  exemplar,
  mode,
  toStage,
  pending,
  error,
  onSubmit,
  onClose,
}: StageMoveModalProps) {
  const [form] = Form.useForm<{ note?: string }>();
  const stopping = toStage === 'stopped';

  return (
    <Modal
      open
      title={titleOf(mode, toStage)}
      okText={mode === 'propose' ? 'Gửi đề xuất' : 'Chuyển giai đoạn'}
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={pending}
      okButtonProps={{ danger: stopping, 'data-testid': 'stage-move-submit' }}
      destroyOnHidden
    >
      <p data-testid="stage-move-summary">
        Từ giai đoạn <strong>{STAGE_LABELS[exemplar.stage]}</strong> sang{' '}
        <strong>{STAGE_LABELS[toStage]}</strong>.{' '}
        {mode === 'propose'
          ? 'Đề xuất sẽ chờ Văn phòng Sở hoặc Lãnh đạo Sở duyệt.'
          : 'Điển hình chuyển giai đoạn ngay; đề xuất đang chờ (nếu có) được thay thế.'}
      </p>
      <ProblemAlert error={error} formFields={FIELDS} />
      <Form
        form={form}
        layout="vertical"
        onFinish={({ note }) =>
          onSubmit({ toStage, note: note?.trim() || null }, (failure) =>
            showServerErrors(form, failure, FIELDS),
          )
        }
      >
        <Form.Item
          name="note"
          label={stopping ? 'Lý do dừng theo dõi' : 'Ghi chú (không bắt buộc)'}
          rules={[
            ...(stopping
              ? [{ required: true, whitespace: true, message: 'Ghi rõ lý do dừng theo dõi.' }]
              : []),
            { max: 2000, message: 'Tối đa 2.000 ký tự.' },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} data-testid="stage-move-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
