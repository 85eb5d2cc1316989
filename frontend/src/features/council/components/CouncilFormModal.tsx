import { Checkbox, Form, Input, InputNumber, Modal } from 'antd';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useCreateCouncil, useUpdateCouncil } from '../api/council';
import type { Council, CouncilInput } from '../api/types';

const FIELDS = ['year', 'name', 'establishedBy', 'quorumPercent', 'quorumStrict'];

/** Creates the council of a year, or changes its name, founding decision and quorum. */
export function CouncilFormModal({
  council,
  onClose,
}: {
  council?: Council;
  onClose: (created?: Council) => void;
}) {
  const [form] = Form.useForm<CouncilInput>();
  const create = useCreateCouncil();
  const update = useUpdateCouncil();
  const saving = council ? update : create;
  const year = new Date().getFullYear();

  const submit = (values: CouncilInput) => {
    const input = { ...values, establishedBy: values.establishedBy || null };
    if (council) update.mutate({ council, input }, { onSuccess: () => onClose() });
    else create.mutate(input, { onSuccess: (created) => onClose(created) });
  };

  return (
    <Modal
      open
      title={council ? 'Sửa thông tin Hội đồng' : 'Thành lập Hội đồng Thi đua – Khen thưởng'}
      okText="Lưu"
      cancelText="Hủy"
      onCancel={() => onClose()}
      onOk={() => form.submit()}
      okButtonProps={{ loading: saving.isPending, 'data-testid': 'council-form-ok' }}
      mask={{ closable: false }}
      data-testid="council-form"
    >
      <ProblemAlert error={saving.error} formFields={FIELDS} />
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          council ?? {
            year,
            name: `Hội đồng Thi đua - Khen thưởng Sở Tư pháp năm ${year}`,
            quorumPercent: 50,
            quorumStrict: true,
          }
        }
      >
        <Form.Item name="year" label="Năm" rules={[{ required: true, message: 'Nhập năm' }]}>
          <InputNumber min={2000} max={2100} disabled={!!council} data-testid="council-form-year" />
        </Form.Item>
        <Form.Item
          name="name"
          label="Tên Hội đồng"
          rules={[{ required: true, min: 3, max: 300, message: 'Nhập tên Hội đồng (3–300 ký tự)' }]}
        >
          <Input data-testid="council-form-name" />
        </Form.Item>
        <Form.Item name="establishedBy" label="Quyết định thành lập">
          <Input maxLength={300} placeholder="Quyết định số 12/QĐ-STP ngày 05/01/2026" />
        </Form.Item>
        <Form.Item name="quorumPercent" label="Tỷ lệ thành viên có mặt tối thiểu (%)">
          <InputNumber min={1} max={100} />
        </Form.Item>
        <Form.Item name="quorumStrict" valuePropName="checked">
          <Checkbox>Phải trên tỷ lệ này (mặc định: trên một nửa)</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
