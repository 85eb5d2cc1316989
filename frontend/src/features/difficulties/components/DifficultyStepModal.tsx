import { App, Form, Input, Modal } from 'antd';
import { ProblemAlert } from '@/components/ProblemAlert';
import { type Difficulty, type NoteStep, useDifficultyStep } from '../api/difficulties';
import { DIFFICULTY_ACTION, STEP_NOTE } from '../labels';

/** Answering, referring, directing, closing or reopening a difficulty, with its note. */
export function DifficultyStepModal({
  difficulty,
  step,
  onClose,
}: {
  difficulty: Difficulty;
  step: NoteStep;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note?: string }>();
  const mutation = useDifficultyStep();
  const { label, required } = STEP_NOTE[step];

  return (
    <Modal
      open
      title={`${DIFFICULTY_ACTION[step]}: ${difficulty.subject}`}
      okText={DIFFICULTY_ACTION[step]}
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      okButtonProps={{ 'data-testid': 'difficulty-step-ok' }}
      destroyOnHidden
    >
      <ProblemAlert error={mutation.error} />
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) =>
          mutation.mutate(
            { difficulty, step, note: values.note },
            {
              onSuccess: () => {
                message.success(`Đã ${DIFFICULTY_ACTION[step].toLowerCase()}.`);
                onClose();
              },
            },
          )
        }
      >
        <Form.Item
          name="note"
          label={label}
          rules={required ? [{ required: true, whitespace: true, message: 'Nhập nội dung' }] : []}
        >
          <Input.TextArea rows={5} maxLength={10000} data-testid="difficulty-step-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
