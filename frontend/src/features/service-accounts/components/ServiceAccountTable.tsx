import { EditOutlined, StopOutlined, SyncOutlined } from '@ant-design/icons';
import { Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes, ReactNode } from 'react';
import { HelpEmpty } from '@/components/HelpEmpty';
import type { Page, ServiceAccount } from '@/lib/api/models';
import { formatDateTime } from '@/lib/dates';
import { tablePagination } from '@/lib/list-params';
import { SCOPE_LABELS } from './scopes';

interface ServiceAccountTableProps {
  data: Page<ServiceAccount> | undefined;
  loading: boolean;
  onEdit: (account: ServiceAccount) => void;
  onRotate: (account: ServiceAccount) => void;
  onRevoke: (account: ServiceAccount) => void;
  onPage: (page: number, pageSize: number) => void;
}

export function ServiceAccountTable({
  data,
  loading,
  onEdit,
  onRotate,
  onRevoke,
  onPage,
}: ServiceAccountTableProps) {
  const action = (
    account: ServiceAccount,
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
        data-testid={`service-account-${key}-${account.id}`}
      />
    </Tooltip>
  );

  const columns: ColumnsType<ServiceAccount> = [
    {
      title: 'Tên',
      key: 'name',
      render: (_, account) => (
        <>
          <div style={{ fontWeight: 500 }}>{account.name}</div>
          <Typography.Text type="secondary">{account.description}</Typography.Text>
        </>
      ),
    },
    {
      title: 'Mã ứng dụng (client ID)',
      dataIndex: 'clientId',
      key: 'clientId',
      render: (clientId: string) => (
        <Typography.Text code copyable={{ tooltips: ['Sao chép', 'Đã sao chép'] }}>
          {clientId}
        </Typography.Text>
      ),
    },
    {
      title: 'Quyền',
      dataIndex: 'scopes',
      key: 'scopes',
      render: (_, account) => (
        <Space size={4} wrap>
          {account.scopes.map((scope) => (
            <Tag key={scope} title={scope}>
              {SCOPE_LABELS[scope]}
            </Tag>
          ))}
        </Space>
      ),
      responsive: ['md'],
    },
    {
      title: 'Trạng thái',
      key: 'status',
      render: (_, account) =>
        account.revokedAt ? (
          <Tooltip title={`Thu hồi lúc ${formatDateTime(account.revokedAt)}`}>
            <Tag>Đã thu hồi</Tag>
          </Tooltip>
        ) : (
          <Tag color="green">Đang hoạt động</Tag>
        ),
    },
    {
      title: 'Dùng gần nhất',
      dataIndex: 'lastUsedAt',
      key: 'lastUsedAt',
      render: (value: string | null) => formatDateTime(value) || 'Chưa dùng',
      responsive: ['lg'],
    },
    {
      title: 'Thao tác',
      key: 'actions',
      render: (_, account) =>
        !account.revokedAt && (
          <Space size={4}>
            {action(account, 'edit', 'Sửa', <EditOutlined />, () => onEdit(account))}
            {action(account, 'rotate', 'Cấp khóa bí mật mới', <SyncOutlined />, () => onRotate(account))}
            {action(account, 'revoke', 'Thu hồi', <StopOutlined />, () => onRevoke(account), true)}
          </Space>
        ),
    },
  ];

  return (
    <Table<ServiceAccount>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={data?.items}
      loading={loading}
      scroll={{ x: 'max-content' }}
      onRow={(account) =>
        ({ 'data-testid': `service-account-row-${account.id}` }) as HTMLAttributes<HTMLElement>
      }
      pagination={{ ...tablePagination(data, 'tài khoản'), onChange: onPage }}
      locale={{
        emptyText: <HelpEmpty description="Chưa có tài khoản tích hợp nào" topic="serviceAccounts" />,
      }}
    />
  );
}
