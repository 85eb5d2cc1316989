import { App, Col, Form, Input, Modal, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { DateInput } from '@/components/DateInput';
import { ProblemAlert } from '@/components/ProblemAlert';
import type { Movement, MovementInput } from '@/lib/api/models';
import { DATE_FORMAT, fromApiDate, toApiDate } from '@/lib/dates';
import { blankToNull, showServerErrors } from '@/lib/forms';
import { useCreateMovement, useFetchMovement, useUpdateMovement } from '../api/movements';

interface MovementValues {
  code?: string;
  name?: string;
  description?: string;
  legalBasis?: string;
  legalBasisDate?: Dayjs | null;
  startsOn?: Dayjs | null;
  endsOn?: Dayjs | null;
}

const FIELDS = ['code', 'name', 'description', 'legalBasis', 'legalBasisDate', 'startsOn', 'endsOn'] as const;

function toValues(movement: Movement): MovementValues {
  return {
    code: movement.code,
    name: movement.name,
    description: movement.description ?? undefined,
    legalBasis: movement.legalBasis ?? undefined,
    legalBasisDate: fromApiDate(movement.legalBasisDate),
    startsOn: fromApiDate(movement.startsOn),
    endsOn: fromApiDate(movement.endsOn),
  };
}

function toInput(values: MovementValues): MovementInput {
  return {
    code: (values.code ?? '').trim().toUpperCase(),
    name: (values.name ?? '').trim(),
    description: blankToNull(values.description),
    legalBasis: blankToNull(values.legalBasis),
    legalBasisDate: toApiDate(values.legalBasisDate) ?? null,
    startsOn: toApiDate(values.startsOn) as string,
    endsOn: toApiDate(values.endsOn) ?? null,
  };
}

/** Mounted only while open, so every opening starts from a fresh form. */
export function MovementFormModal({ movement, onClose }: { movement?: Movement; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<MovementValues>();
  const create = useCreateMovement();
  const update = useUpdateMovement();
  const fetchMovement = useFetchMovement();
  const [base, setBase] = useState(movement);
  const mutation = base ? update : create;
  const startsOn = Form.useWatch('startsOn', form);

  const submit = (values: MovementValues) => {
    const input = toInput(values);
    const options = {
      onSuccess: (saved: Movement) => {
        message.success(base ? `Đã lưu phong trào ${saved.code}.` : `Đã tạo phong trào ${saved.code}.`);
        onClose();
      },
      onError: (error: Error) => showServerErrors(form, error, FIELDS),
    };
    if (base) update.mutate({ movement: base, input }, options);
    else create.mutate(input, options);
  };

  const reloadLatest = async () => {
    if (!base) return;
    const latest = await fetchMovement(base.id);
    setBase(latest);
    form.setFieldsValue(toValues(latest));
    update.reset();
  };

  return (
    <Modal
      open
      title={base ? `Sửa phong trào: ${base.code}` : 'Thêm phong trào thi đua'}
      okText={base ? 'Lưu' : 'Tạo phong trào'}
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      okButtonProps={{ 'data-testid': 'movement-form-submit' }}
      width={720}
    >
      <ProblemAlert error={mutation.error} formFields={FIELDS} onReload={reloadLatest} />
      <Form<MovementValues>
        form={form}
        layout="vertical"
        initialValues={movement ? toValues(movement) : {}}
        onFinish={submit}
        data-testid="movement-form"
      >
        <Row gutter={16}>
          <Col xs={24} sm={8}>
            <Form.Item
              name="code"
              label="Mã"
              normalize={(value: string) => value?.toUpperCase()}
              rules={[
                { required: true, whitespace: true, message: 'Nhập mã phong trào.' },
                { min: 2, max: 20, message: 'Mã có từ 2 đến 20 ký tự.' },
                { pattern: /^[A-Z0-9_-]+$/, message: 'Chỉ dùng chữ in hoa không dấu, chữ số, "_" hoặc "-".' },
              ]}
            >
              <Input
                placeholder="BDHVS"
                autoComplete="off"
                spellCheck={false}
                data-testid="movement-form-code"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={16}>
            <Form.Item
              name="name"
              label="Tên phong trào"
              rules={[
                { required: true, whitespace: true, message: 'Nhập tên phong trào.' },
                { min: 3, max: 500, message: 'Tên có từ 3 đến 500 ký tự.' },
              ]}
            >
              <Input placeholder="Bình dân học vụ số" data-testid="movement-form-name" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="description" label="Mô tả" rules={[{ max: 5000 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} data-testid="movement-form-description" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={16}>
            <Form.Item name="legalBasis" label="Căn cứ phát động" rules={[{ max: 300 }]}>
              <Input placeholder="Kế hoạch số 01-KH/BCĐTW" data-testid="movement-form-legal" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="legalBasisDate" label="Ngày ban hành">
              <DateInput format={DATE_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="startsOn"
              label="Bắt đầu"
              rules={[{ required: true, message: 'Chọn ngày bắt đầu.' }]}
            >
              <DateInput format={DATE_FORMAT} style={{ width: '100%' }} data-testid="movement-form-starts" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="endsOn" label="Kết thúc (nếu có)">
              <DateInput
                format={DATE_FORMAT}
                disabledDate={(day) => Boolean(startsOn && day.isBefore(startsOn, 'day'))}
                style={{ width: '100%' }}
                data-testid="movement-form-ends"
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
