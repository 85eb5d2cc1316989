import { useQuery } from '@tanstack/react-query';
import { Col, Form, Input, Modal, Row, Select } from 'antd';
import { useState } from 'react';
import { ProblemAlert } from '@/components/ProblemAlert';
import type { Role, User, UserInput } from '@/lib/api/models';
import { unitTreeQuery } from '@/lib/api/queries/units';
import { blankToNull, showServerErrors } from '@/lib/forms';
import { isUnitRole, PERSON_ROLES, ROLE_LABELS } from '@/lib/roles';
import { useCreateUser, useFetchUser, useUpdateUser } from '../api/users';
import { UnitSelect } from '@/components/UnitSelect';

interface UserValues {
  username?: string;
  fullName: string;
  email?: string;
  phone?: string;
  position?: string;
  role: Role;
  unitId?: number | null;
}

const FIELDS = ['username', 'fullName', 'email', 'phone', 'position', 'role', 'unitId'] as const;

function toValues(user: User): UserValues {
  return {
    fullName: user.fullName,
    email: user.email ?? undefined,
    phone: user.phone ?? undefined,
    position: user.position ?? undefined,
    role: user.role,
    unitId: user.unit?.id ?? null,
  };
}

function toInput(values: UserValues): UserInput {
  return {
    fullName: values.fullName.trim(),
    email: blankToNull(values.email),
    phone: blankToNull(values.phone),
    position: blankToNull(values.position),
    role: values.role,
    unitId: values.unitId ?? null,
  };
}

interface UserFormModalProps {
  /** The user to edit; creates a new user when absent. */
  user?: User;
  onClose: () => void;
  onSaved: (user: User) => void;
  /** A new user and the temporary password to hand over. */
  onCreated: (user: User, temporaryPassword: string) => void;
}

/** Mounted only while open, so every opening starts from a fresh form. */
export function UserFormModal({ user, onClose, onSaved, onCreated }: UserFormModalProps) {
  const [form] = Form.useForm<UserValues>();
  const create = useCreateUser();
  const update = useUpdateUser();
  const fetchUser = useFetchUser();
  const units = useQuery(unitTreeQuery(false));
  const [base, setBase] = useState(user);
  const mutation = user ? update : create;
  const role = Form.useWatch('role', form);
  const unitRequired = isUnitRole(role);

  const submit = (values: UserValues) => {
    const onError = (error: Error) => showServerErrors(form, error, FIELDS);
    if (base) {
      update.mutate({ user: base, input: toInput(values) }, { onSuccess: onSaved, onError });
    } else {
      create.mutate(
        { ...toInput(values), username: (values.username ?? '').trim().toLowerCase() },
        { onSuccess: (created) => onCreated(created.user, created.temporaryPassword), onError },
      );
    }
  };

  const reloadLatest = async () => {
    if (!base) return;
    const latest = await fetchUser(base.id);
    setBase(latest);
    form.setFieldsValue(toValues(latest));
    update.reset();
  };

  return (
    <Modal
      open
      title={base ? `Sửa người dùng: ${base.fullName}` : 'Thêm người dùng'}
      okText={base ? 'Lưu' : 'Tạo tài khoản'}
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      okButtonProps={{ 'data-testid': 'user-form-submit' }}
      width={680}
    >
      <ProblemAlert error={mutation.error} formFields={FIELDS} onReload={reloadLatest} />
      <Form<UserValues>
        form={form}
        layout="vertical"
        initialValues={user ? toValues(user) : { role: 'unit_staff' }}
        onFinish={submit}
        data-testid="user-form"
      >
        <Row gutter={16}>
          {!base && (
            <Col xs={24} sm={12}>
              <Form.Item
                name="username"
                label="Tên đăng nhập"
                normalize={(value: string) => value?.toLowerCase()}
                extra="3–50 ký tự: chữ thường không dấu, chữ số, dấu chấm, gạch dưới, gạch ngang."
                rules={[
                  { required: true, whitespace: true, message: 'Nhập tên đăng nhập.' },
                  { min: 3, max: 50, message: 'Tên đăng nhập có từ 3 đến 50 ký tự.' },
                  {
                    pattern: /^[a-z0-9._-]+$/,
                    message: 'Chỉ dùng chữ thường không dấu, chữ số, ".", "_" hoặc "-".',
                  },
                ]}
              >
                <Input
                  autoComplete="off"
                  spellCheck={false}
                  autoCapitalize="none"
                  data-testid="user-form-username"
                />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} sm={base ? 24 : 12}>
            <Form.Item
              name="fullName"
              label="Họ và tên"
              rules={[{ required: true, whitespace: true, message: 'Nhập họ và tên.' }, { max: 150 }]}
            >
              <Input placeholder="Nguyễn Văn A" data-testid="user-form-fullName" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="role" label="Vai trò" rules={[{ required: true, message: 'Chọn vai trò.' }]}>
              <Select
                options={PERSON_ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }))}
                data-testid="user-form-role"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="unitId"
              label="Đơn vị"
              rules={[{ required: unitRequired, message: 'Vai trò này cần chọn đơn vị.' }]}
              extra={unitRequired ? 'Người dùng chỉ làm việc với dữ liệu của đơn vị này.' : undefined}
            >
              <UnitSelect
                tree={units.data}
                loading={units.isPending}
                allowClear={!unitRequired}
                placeholder="Chọn đơn vị"
                data-testid="user-form-unit"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="position" label="Chức vụ" rules={[{ max: 150 }]}>
              <Input placeholder="Trợ giúp viên pháp lý" data-testid="user-form-position" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="email"
              label="Thư điện tử"
              rules={[{ type: 'email', message: 'Địa chỉ thư điện tử không hợp lệ.' }]}
            >
              <Input type="email" data-testid="user-form-email" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="phone" label="Số điện thoại" rules={[{ max: 30 }]}>
              <Input type="tel" data-testid="user-form-phone" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
