import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Flex, Select } from 'antd';
import { useState } from 'react';
import { OneTimeSecretModal } from '@/components/OneTimeSecretModal';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import { SearchInput } from '@/components/SearchInput';
import { session } from '@/lib/api/client';
import type { Role, User } from '@/lib/api/models';
import { unitTreeQuery } from '@/lib/api/queries/units';
import { useCurrentUser } from '@/lib/auth/use-session';
import { useListParams } from '@/lib/list-params';
import { PERSON_ROLES, ROLE_LABELS } from '@/lib/roles';
import { useUsers } from '../api/users';
import { UnitSelect } from '@/components/UnitSelect';
import { UserFormModal } from '../components/UserFormModal';
import { UserTable } from '../components/UserTable';
import { useUserActions } from '../components/use-user-actions';

const FILTERS = ['q', 'role', 'unitId', 'active'] as const;

const ACTIVE_OPTIONS = [
  { value: 'true', label: 'Đang hoạt động' },
  { value: 'false', label: 'Đã khóa' },
];

interface Handover {
  user: User;
  password: string;
  reason: 'created' | 'reset';
}

export default function UsersPage() {
  const me = useCurrentUser();
  const { message } = App.useApp();
  const list = useListParams(FILTERS);
  const { q, role, unitId, active } = list.filters;
  const users = useUsers({
    q,
    role: role as Role | undefined,
    unitId: unitId ? Number(unitId) : undefined,
    active: active === undefined ? undefined : active === 'true',
    sort: list.sort,
    page: list.page,
    pageSize: list.pageSize,
  });
  const units = useQuery(unitTreeQuery(true));
  // `null`: closed; `{}`: creating; `{ user }`: editing.
  const [editing, setEditing] = useState<{ user?: User } | null>(null);
  const [handover, setHandover] = useState<Handover | null>(null);
  const { confirmSetActive, confirmReset } = useUserActions((user, password) =>
    setHandover({ user, password, reason: 'reset' }),
  );

  return (
    <>
      <PageHeading
        title="Người dùng"
        subtitle="Tài khoản, vai trò và đơn vị của cán bộ sử dụng Lan Tỏa"
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing({})}
            data-testid="user-create"
          >
            Thêm người dùng
          </Button>
        }
      />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <SearchInput
            value={q}
            onSearch={(value) => list.setFilters({ q: value })}
            placeholder="Tìm theo tên, tên đăng nhập, thư điện tử"
            testId="user-search"
          />
          <Select
            allowClear
            placeholder="Vai trò"
            value={role}
            onChange={(value) => list.setFilters({ role: value })}
            options={PERSON_ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }))}
            style={{ minWidth: 180 }}
            data-testid="user-filter-role"
          />
          <UnitSelect
            tree={units.data}
            allowClear
            placeholder="Đơn vị"
            value={unitId ? Number(unitId) : undefined}
            onChange={(value) => list.setFilters({ unitId: value === undefined ? undefined : String(value) })}
            style={{ minWidth: 220 }}
            data-testid="user-filter-unit"
          />
          <Select
            allowClear
            placeholder="Trạng thái"
            value={active}
            onChange={(value) => list.setFilters({ active: value })}
            options={ACTIVE_OPTIONS}
            style={{ minWidth: 160 }}
            data-testid="user-filter-active"
          />
        </Flex>
        <ProblemAlert error={users.error} />
        <UserTable
          data={users.data}
          loading={users.isFetching}
          sort={list.sort}
          currentUserId={me.id}
          onEdit={(user) => setEditing({ user })}
          onSetActive={confirmSetActive}
          onResetPassword={confirmReset}
          onPage={list.setPage}
          onSort={list.setSort}
        />
      </Card>
      {editing && (
        <UserFormModal
          user={editing.user}
          onClose={() => setEditing(null)}
          onSaved={(user) => {
            setEditing(null);
            if (user.id === me.id) session.updateUser(user);
            message.success(`Đã lưu thông tin ${user.fullName}.`);
          }}
          onCreated={(user, password) => {
            setEditing(null);
            setHandover({ user, password, reason: 'created' });
          }}
        />
      )}
      <OneTimeSecretModal
        open={handover !== null}
        title={handover?.reason === 'created' ? 'Đã tạo tài khoản' : 'Đã đặt lại mật khẩu'}
        intro={
          handover && (
            <p>
              Trao cho <strong>{handover.user.fullName}</strong> tên đăng nhập và mật khẩu tạm thời dưới đây.
              Người dùng phải đổi mật khẩu ở lần đăng nhập đầu tiên.
            </p>
          )
        }
        items={
          handover
            ? [
                { label: 'Tên đăng nhập', value: handover.user.username, testId: 'handover-username' },
                { label: 'Mật khẩu tạm thời', value: handover.password, testId: 'handover-password' },
              ]
            : []
        }
        onClose={() => setHandover(null)}
      />
    </>
  );
}
