import { EditOutlined, KeyOutlined, LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes, ReactNode } from 'react';
import { ActiveTag } from '@/components/ActiveTag';
import { HelpEmpty } from '@/components/HelpEmpty';
import type { Page, User } from '@/lib/api/models';
import { formatDateTime } from '@/lib/dates';
import { columnSortOrder, sortParam, tablePagination } from '@/lib/list-params';
import { roleLabel } from '@/lib/roles';

interface UserTableProps {
  data: Page<User> | undefined;
  loading: boolean;
  sort: string | undefined;
  currentUserId: number;
  onEdit: (user: User) => void;
  onSetActive: (user: User, active: boolean) => void;
  onResetPassword: (user: User) => void;
  onPage: (page: number, pageSize: number) => void;
  onSort: (sort: string | undefined) => void;
}

export function UserTable(props: UserTableProps) {
  const { data, loading, sort, currentUserId, onEdit, onSetActive, onResetPassword, onPage, onSort } = props;

  const action = (
    user: User,
    key: string,
    label: string,
    icon: ReactNode,
    onClick: () => void,
    danger = false,
  ) => (
    <Tooltip title={label} key={key}>
      <Button
        size="small"
        icon={icon}
        danger={danger}
        onClick={onClick}
        aria-label={label}
        data-testid={`user-${key}-${user.username}`}
      />
    </Tooltip>
  );

  const columns: ColumnsType<User> = [
    {
      title: 'Họ và tên',
      dataIndex: 'fullName',
      key: 'fullName',
      sorter: true,
      sortOrder: columnSortOrder(sort, 'fullName'),
      render: (_, user) => (
        <>
          <div style={{ fontWeight: 500 }}>{user.fullName}</div>
          <Typography.Text type="secondary">{user.position}</Typography.Text>
        </>
      ),
    },
    {
      title: 'Tên đăng nhập',
      dataIndex: 'username',
      key: 'username',
      sorter: true,
      sortOrder: columnSortOrder(sort, 'username'),
      render: (username: string) => <Typography.Text code>{username}</Typography.Text>,
    },
    {
      title: 'Vai trò',
      dataIndex: 'role',
      key: 'role',
      render: (_, user) => roleLabel(user.role),
      responsive: ['md'],
    },
    {
      title: 'Đơn vị',
      key: 'unit',
      render: (_, user) => (user.unit ? <span title={user.unit.name}>{user.unit.shortName}</span> : '—'),
      responsive: ['md'],
    },
    {
      title: 'Trạng thái',
      key: 'active',
      render: (_, user) => (
        <Space size={4} wrap>
          <ActiveTag active={user.active} inactiveLabel="Đã khóa" />
          {user.mustChangePassword && <Tag color="gold">Chờ đổi mật khẩu</Tag>}
        </Space>
      ),
    },
    {
      title: 'Đăng nhập gần nhất',
      dataIndex: 'lastLoginAt',
      key: 'lastLoginAt',
      sorter: true,
      sortOrder: columnSortOrder(sort, 'lastLoginAt'),
      render: (value: string | null) => formatDateTime(value) || 'Chưa đăng nhập',
      responsive: ['lg'],
    },
    {
      title: 'Thao tác',
      key: 'actions',
      render: (_, user) => (
        <Space size={4}>
          {action(user, 'edit', 'Sửa', <EditOutlined />, () => onEdit(user))}
          {action(user, 'reset-password', 'Đặt lại mật khẩu', <KeyOutlined />, () => onResetPassword(user))}
          {user.id !== currentUserId &&
            (user.active
              ? action(
                  user,
                  'deactivate',
                  'Khóa tài khoản',
                  <LockOutlined />,
                  () => onSetActive(user, false),
                  true,
                )
              : action(user, 'activate', 'Mở khóa', <UnlockOutlined />, () => onSetActive(user, true)))}
        </Space>
      ),
    },
  ];

  return (
    <Table<User>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={data?.items}
      loading={loading}
      scroll={{ x: 'max-content' }}
      onRow={(user) => ({ 'data-testid': `user-row-${user.username}` }) as HTMLAttributes<HTMLElement>}
      pagination={tablePagination(data, 'người dùng')}
      onChange={(pagination, _filters, sorter, { action: change }) => {
        if (change === 'sort') onSort(sortParam(sorter));
        else if (change === 'paginate') onPage(pagination.current ?? 1, pagination.pageSize ?? 20);
      }}
      locale={{ emptyText: <HelpEmpty description="Không có người dùng nào phù hợp" topic="users" /> }}
      data-testid="user-table"
    />
  );
}
