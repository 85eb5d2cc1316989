import { Alert, Form, Input, Modal, Radio } from 'antd';
import { ProblemAlert } from '@/components/ProblemAlert';
import type { Exemplar, Stage, StageMove } from '@/lib/api/models';
import { showServerErrors } from '@/lib/forms';
import { STAGE_LABELS } from '@/lib/vocabulary';

interface StageMoveModalProps {
  exemplar: Exemplar;
  /** A unit head's proposal (waits for the Office) or the Office's own move. */
  mode: 'propose' | 'move';
  pending: boolean;
  error: unknown;
  onSubmit: (move: StageMove, onError: (error: unknown) => void) => void;
  onClose: () => void;
}

const FIELDS = ['toStage', 'note'] as const;

/** What moving to a stage needs first, when the exemplar lacks it. */
export function missingRecord(exemplar: Exemplar, stage: Stage): string | null {
  if (stage === 'nurturing' && !exemplar.nurturingPlan) {
    return 'Cần lập kế hoạch bồi dưỡng (thẻ "Kế hoạch bồi dưỡng") trước khi chuyển sang giai đoạn Bồi dưỡng.';
  }
  if (stage === 'summarized' && !exemplar.summary) {
    return 'Cần nhập kết quả tổng kết (thẻ "Tổng kết") trước khi chuyển sang giai đoạn Tổng kết.';
  }
  if (stage === 'replicated' && exemplar.replications.length === 0) {
    return 'Cần ghi nhận ít nhất một nơi nhân rộng (thẻ "Nhân rộng") trước khi chuyển sang giai đoạn Nhân rộng.';
  }
  return null;
}

export function StageMoveModal({ exemplar, mode, pending, error, onSubmit, onClose }: StageMoveModalProps) {
  const [form] = Form.useForm<{ toStage?: Stage; note?: string }>();
  const toStage = Form.useWatch('toStage', form);
  const missing = toStage ? missingRecord(exemplar, toStage) : null;
  const stopping = toStage === 'stopped';

  return (
    <Modal
      open
      title={mode === 'propose' ? 'Đề xuất chuyển giai đoạn' : 'Chuyển giai đoạn'}
      okText={mode === 'propose' ? 'Gửi đề xuất' : 'Chuyển giai đoạn'}
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={pending}
      okButtonProps={{ 'data-testid': 'stage-move-submit' }}
      destroyOnHidden
    >
      <p>
        Giai đoạn hiện tại: <strong>{STAGE_LABELS[exemplar.stage]}</strong>.{' '}
        {mode === 'propose'
          ? 'Đề xuất sẽ chờ Văn phòng Sở hoặc Lãnh đạo Sở duyệt.'
          : 'Điển hình chuyển giai đoạn ngay; đề xuất đang chờ (nếu có) được thay thế.'}
      </p>
      <ProblemAlert error={error} formFields={FIELDS} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ toStage: exemplar.nextStages[0] }}
        onFinish={({ toStage: target, note }) =>
          onSubmit({ toStage: target as Stage, note: note?.trim() || null }, (failure) =>
            showServerErrors(form, failure, FIELDS),
          )
        }
      >
        <Form.Item
          name="toStage"
          label="Chuyển sang"
          rules={[{ required: true, message: 'Chọn giai đoạn.' }]}
        >
          <Radio.Group
            options={exemplar.nextStages.map((stage) => ({ value: stage, label: STAGE_LABELS[stage] }))}
            optionType="button"
            data-testid="stage-move-target"
          />
        </Form.Item>
        {missing && <Alert type="warning" showIcon title={missing} style={{ marginBottom: 16 }} />}
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
