import { useQuery } from '@tanstack/react-query';
import { Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { ProblemAlert } from '@/components/ProblemAlert';
import { UnitSelect } from '@/components/UnitSelect';
import { unitTreeQuery } from '@/lib/api/queries/units';
import { userListQuery } from '@/lib/api/queries/users';
import { useAddMember, useUpdateMember } from '../api/council';
import type { Council, CouncilMember, MemberInput } from '../api/types';
import { ROLE_LABELS, ROLE_ORDER } from './ballot-logic';

const FIELDS = ['userId', 'role', 'title', 'unitId'];
const ROLE_OPTIONS = ROLE_ORDER.map((value) => ({ value, label: ROLE_LABELS[value] }));

interface MemberFormModalProps {
  council: Council;
  member?: CouncilMember;
  onClose: () => void;
}

/** Adds a user account to the council with its place, or changes a member's place, title, unit. */
export function MemberFormModal({ council, member, onClose }: MemberFormModalProps) {
  const [form] = Form.useForm<MemberInput>();
  const [search, setSearch] = useState('');
  const users = useQuery(userListQuery({ q: search || undefined, active: true, pageSize: 50 }));
  const units = useQuery(unitTreeQuery(false));
  const add = useAddMember();
  const update = useUpdateMember();
  const saving = member ? update : add;

  const submit = (values: MemberInput) => {
    const input: MemberInput = { ...values, unitId: values.unitId ?? null, active: member?.active ?? true };
    if (member) update.mutate({ member, input }, { onSuccess: onClose });
    else add.mutate({ councilId: council.id, input }, { onSuccess: onClose });
  };

  const userOptions = (users.data?.items ?? []).map((user) => ({
    value: user.id,
    label: `${user.fullName} (${user.username})${user.unit ? ` — ${user.unit.shortName}` : ''}`,
  }));
  if (member && !userOptions.some((option) => option.value === member.userId)) {
    userOptions.unshift({ value: member.userId, label: `${member.fullName} (${member.username})` });
  }

  return (
    <Modal
      open
      title={member ? `Sửa thành viên: ${member.fullName}` : 'Thêm thành viên Hội đồng'}
      okText="Lưu"
      cancelText="Hủy"
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: saving.isPending, 'data-testid': 'member-form-ok' }}
      mask={{ closable: false }}
      data-testid="member-form"
    >
      <ProblemAlert error={saving.error} formFields={FIELDS} />
      <Form form={form} layout="vertical" onFinish={submit} initialValues={member ?? { role: 'member' }}>
        <Form.Item
          name="userId"
          label="Tài khoản người dùng"
          rules={[{ required: true, message: 'Chọn người dùng' }]}
        >
          <Select
            showSearch={{ filterOption: false, onSearch: setSearch }}
            disabled={!!member}
            loading={users.isFetching}
            options={userOptions}
            placeholder="Gõ tên hoặc tên đăng nhập"
            data-testid="member-form-user"
          />
        </Form.Item>
        <Form.Item name="role" label="Vị trí trong Hội đồng" rules={[{ required: true }]}>
          <Select options={ROLE_OPTIONS} data-testid="member-form-role" />
        </Form.Item>
        <Form.Item
          name="title"
          label="Chức vụ"
          rules={[{ required: true, min: 2, max: 200, message: 'Nhập chức vụ (2–200 ký tự)' }]}
        >
          <Input placeholder="Trưởng phòng Hành chính tư pháp" data-testid="member-form-title" />
        </Form.Item>
        <Form.Item
          name="unitId"
          label="Đơn vị (để xác định xung đột lợi ích)"
          extra="Để trống: đơn vị của tài khoản. Thành viên không biểu quyết đối với người được đề nghị của đơn vị mình."
        >
          <UnitSelect
            tree={units.data}
            allowClear
            placeholder="Đơn vị của tài khoản"
            style={{ width: '100%' }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
