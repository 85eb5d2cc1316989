import { useQuery } from '@tanstack/react-query';
import { App, Col, Form, Input, InputNumber, Modal, Radio, Row, Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { ProblemAlert } from '@/components/ProblemAlert';
import type { Unit, UnitInput, UnitKind } from '@/lib/api/models';
import { unitTreeQuery } from '@/lib/api/queries/units';
import { blankToNull, showServerErrors } from '@/lib/forms';
import { searchOptions } from '@/lib/text';
import { useCreateUnit, useFetchUnit, useUpdateUnit } from '../api/units';
import { allowedParents, UNIT_KIND_LABELS } from './unit-kinds';

interface UnitValues {
  code: string;
  name: string;
  shortName: string;
  kind: UnitKind;
  parentId?: number | null;
  headName?: string;
  headTitle?: string;
  email?: string;
  phone?: string;
  sortOrder?: number | null;
}

const FIELDS = [
  'code',
  'name',
  'shortName',
  'kind',
  'parentId',
  'headName',
  'headTitle',
  'email',
  'phone',
  'sortOrder',
] as const;

function toValues(unit: Unit): UnitValues {
  return {
    code: unit.code,
    name: unit.name,
    shortName: unit.shortName,
    kind: unit.kind,
    parentId: unit.parentId ?? null,
    headName: unit.headName ?? undefined,
    headTitle: unit.headTitle ?? undefined,
    email: unit.email ?? undefined,
    phone: unit.phone ?? undefined,
    sortOrder: unit.sortOrder,
  };
}

function toInput(values: UnitValues): UnitInput {
  return {
    code: values.code.trim().toUpperCase(),
    name: values.name.trim(),
    shortName: values.shortName.trim(),
    kind: values.kind,
    parentId: values.kind === 'department' ? null : (values.parentId ?? null),
    headName: blankToNull(values.headName),
    headTitle: blankToNull(values.headTitle),
    email: blankToNull(values.email),
    phone: blankToNull(values.phone),
    sortOrder: values.sortOrder ?? 0,
  };
}

interface UnitFormModalProps {
  /** The unit to edit; creates a new unit when absent. */
  unit?: Unit;
  onClose: () => void;
}

/** Mounted only while open, so every opening starts from a fresh form. */
export function UnitFormModal({ unit, onClose }: UnitFormModalProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<UnitValues>();
  const create = useCreateUnit();
  const update = useUpdateUnit();
  const fetchUnit = useFetchUnit();
  const tree = useQuery(unitTreeQuery(false));
  // The copy being edited; replaced when the user reloads after a version conflict.
  const [base, setBase] = useState(unit);
  const mutation = unit ? update : create;
  const kind = Form.useWatch('kind', form);
  const isDepartment = base?.kind === 'department';

  const parents = useMemo(
    () => (kind ? allowedParents(tree.data ?? [], kind, base?.id) : []),
    [tree.data, kind, base?.id],
  );

  // The Department is the natural parent of a new unit; a parent the kind no longer allows is cleared.
  useEffect(() => {
    const parentId = form.getFieldValue('parentId') as number | null | undefined;
    if (parents.length === 0 || (parentId && parents.some((p) => p.id === parentId))) return;
    form.setFieldValue('parentId', base ? null : (parents.find((p) => p.depth === 0)?.id ?? null));
  }, [parents, base, form]);

  const submit = (values: UnitValues) => {
    const input = toInput(values);
    const options = {
      onSuccess: (saved: Unit) => {
        message.success(base ? `Đã lưu đơn vị ${saved.name}.` : `Đã tạo đơn vị ${saved.name}.`);
        onClose();
      },
      onError: (error: Error) => showServerErrors(form, error, FIELDS),
    };
    if (base) update.mutate({ unit: base, input }, options);
    else create.mutate(input, options);
  };

  const reloadLatest = async () => {
    if (!base) return;
    const latest = await fetchUnit(base.id);
    setBase(latest);
    form.setFieldsValue(toValues(latest));
    update.reset();
  };

  return (
    <Modal
      open
      title={base ? `Sửa đơn vị: ${base.name}` : 'Thêm đơn vị'}
      okText={base ? 'Lưu' : 'Tạo đơn vị'}
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      okButtonProps={{ 'data-testid': 'unit-form-submit' }}
      width={720}
    >
      <ProblemAlert error={mutation.error} formFields={FIELDS} onReload={reloadLatest} />
      <Form<UnitValues>
        form={form}
        layout="vertical"
        initialValues={unit ? toValues(unit) : { kind: 'internal', sortOrder: 0 }}
        onFinish={submit}
        data-testid="unit-form"
      >
        <Row gutter={16}>
          <Col xs={24} sm={8}>
            <Form.Item
              name="code"
              label="Mã đơn vị"
              normalize={(value: string) => value?.toUpperCase()}
              rules={[
                { required: true, whitespace: true, message: 'Nhập mã đơn vị.' },
                { min: 2, max: 20, message: 'Mã đơn vị có từ 2 đến 20 ký tự.' },
                { pattern: /^[A-Z0-9_-]+$/, message: 'Chỉ dùng chữ in hoa không dấu, chữ số, "_" hoặc "-".' },
              ]}
            >
              <Input autoComplete="off" spellCheck={false} data-testid="unit-form-code" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={16}>
            <Form.Item
              name="shortName"
              label="Tên viết tắt"
              rules={[{ required: true, whitespace: true, message: 'Nhập tên viết tắt.' }, { max: 100 }]}
            >
              <Input data-testid="unit-form-shortName" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="name"
          label="Tên đầy đủ"
          rules={[{ required: true, whitespace: true, message: 'Nhập tên đơn vị.' }, { max: 255 }]}
        >
          <Input data-testid="unit-form-name" />
        </Form.Item>
        <Form.Item name="kind" label="Loại đơn vị" rules={[{ required: true, message: 'Chọn loại đơn vị.' }]}>
          <Radio.Group
            disabled={isDepartment}
            options={(isDepartment ? (['department'] as const) : (['internal', 'affiliated'] as const)).map(
              (value) => ({ value, label: UNIT_KIND_LABELS[value] }),
            )}
            data-testid="unit-form-kind"
          />
        </Form.Item>
        {!isDepartment && (
          <Form.Item
            name="parentId"
            label="Đơn vị cấp trên"
            rules={[{ required: true, message: 'Chọn đơn vị cấp trên.' }]}
            extra={
              kind === 'internal'
                ? 'Đơn vị thuộc Sở trực thuộc trực tiếp Sở.'
                : 'Đơn vị trực thuộc đặt dưới Sở hoặc dưới một đơn vị trực thuộc khác (ví dụ chi nhánh).'
            }
          >
            <Select
              showSearch={searchOptions}
              loading={tree.isPending}
              placeholder="Chọn đơn vị cấp trên"
              options={parents.map((p) => ({ value: p.id, label: p.name, search: p.name, depth: p.depth }))}
              optionRender={(option) => (
                <span style={{ paddingInlineStart: (option.data.depth as number) * 16 }}>{option.label}</span>
              )}
              data-testid="unit-form-parent"
            />
          </Form.Item>
        )}
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="headName" label="Thủ trưởng đơn vị" rules={[{ max: 150 }]}>
              <Input placeholder="Nguyễn Văn A" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="headTitle" label="Chức vụ thủ trưởng" rules={[{ max: 150 }]}>
              <Input placeholder="Giám đốc" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="email"
              label="Thư điện tử"
              rules={[{ type: 'email', message: 'Địa chỉ thư điện tử không hợp lệ.' }]}
            >
              <Input type="email" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={6}>
            <Form.Item name="phone" label="Điện thoại" rules={[{ max: 30 }]}>
              <Input type="tel" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={6}>
            <Form.Item name="sortOrder" label="Thứ tự hiển thị" tooltip="Số nhỏ đứng trước">
              <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
