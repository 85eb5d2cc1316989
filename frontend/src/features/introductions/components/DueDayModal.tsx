import { App, Form, InputNumber, Modal } from 'antd';
import { ProblemAlert } from '@/components/ProblemAlert';
import type { ProgrammeSettings } from '@/lib/api/models';
import { showServerErrors } from '@/lib/forms';
import { useUpdateSettings } from '../api/introductions';

const FIELDS = ['introductionDueDay'] as const;

/** The day of the month by which units introduce an exemplar (the plan says the 10th). */
export function DueDayModal({ settings, onClose }: { settings: ProgrammeSettings; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ introductionDueDay: number }>();
  const update = useUpdateSettings();
  return (
    <Modal
      open
      title="Hạn giới thiệu hằng tháng"
      okText="Lưu"
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={update.isPending}
      okButtonProps={{ 'data-testid': 'due-day-submit' }}
    >
      <ProblemAlert error={update.error} formFields={FIELDS} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ introductionDueDay: settings.introductionDueDay }}
        onFinish={({ introductionDueDay }) =>
          update.mutate(
            { settings, introductionDueDay },
            {
              onSuccess: (saved) => {
                message.success(`Hạn giới thiệu mới: ngày ${saved.introductionDueDay} hằng tháng.`);
                onClose();
              },
              onError: (error) => showServerErrors(form, error, FIELDS),
            },
          )
        }
      >
        <Form.Item
          name="introductionDueDay"
          label="Các đơn vị giới thiệu điển hình trước hoặc trong ngày"
          extra="Kế hoạch quy định ngày 10 hằng tháng. Bài đã gửi giữ nguyên kết quả đúng hạn/trễ hạn đã xét."
          rules={[{ required: true, message: 'Nhập ngày.' }]}
        >
          <InputNumber
            min={1}
            max={28}
            precision={0}
            addonBefore="Ngày"
            style={{ width: 200 }}
            data-testid="due-day-input"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
