import { EditOutlined, PlusOutlined, StopOutlined, SyncOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type HTMLAttributes, type ReactNode } from 'react';
import { OneTimeSecretModal } from '@/components/OneTimeSecretModal';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useErrorNotice } from '@/components/use-error-notice';
import type { ServiceAccount, ServiceAccountWithSecret } from '@/lib/api/models';
import { formatDateTime } from '@/lib/dates';
import { PAGE_SIZES, useListParams } from '@/lib/list-params';
import {
  useRevokeServiceAccount,
  useRotateServiceAccountSecret,
  useServiceAccounts,
} from '../api/service-accounts';
import { ServiceAccountFormModal } from '../components/ServiceAccountFormModal';
import { SCOPE_LABELS } from '../components/scopes';

const NO_FILTERS = [] as const;

export default function ServiceAccountsPage() {
  const { modal, message } = App.useApp();
  const notifyError = useErrorNotice();
  const list = useListParams(NO_FILTERS);
  const accounts = useServiceAccounts(list.page, list.pageSize);
  const revoke = useRevokeServiceAccount();
  const rotate = useRotateServiceAccountSecret();
  // `null`: closed; `{}`: creating; `{ account }`: editing.
  const [editing, setEditing] = useState<{ account?: ServiceAccount } | null>(null);
  const [secret, setSecret] = useState<(ServiceAccountWithSecret & { reason: 'created' | 'rotated' }) | null>(null);

  const confirmRevoke = (account: ServiceAccount) =>
    modal.confirm({
      title: `Thu hồi tài khoản "${account.name}"?`,
      content: 'Hệ thống dùng tài khoản này sẽ mất quyền truy cập ngay lập tức. Không thể hoàn tác.',
      okText: 'Thu hồi',
      okButtonProps: { danger: true, 'data-testid': 'confirm-ok' },
      cancelText: 'Hủy',
      onOk: async () => {
        try {
          await revoke.mutateAsync(account);
          message.success('Đã thu hồi tài khoản tích hợp.');
        } catch (error) {
          notifyError(error);
        }
      },
    });

  const confirmRotate = (account: ServiceAccount) =>
    modal.confirm({
      title: `Cấp khóa bí mật mới cho "${account.name}"?`,
      content: 'Khóa bí mật cũ hết hiệu lực ngay; hệ thống tích hợp phải được cập nhật khóa mới.',
      okText: 'Cấp khóa mới',
      okButtonProps: { 'data-testid': 'confirm-ok' },
      cancelText: 'Hủy',
      onOk: async () => {
        try {
          setSecret({ ...(await rotate.mutateAsync(account)), reason: 'rotated' });
        } catch (error) {
          notifyError(error);
        }
      },
    });

  const action = (account: ServiceAccount, key: string, label: string, icon: ReactNode, onClick: () => void, danger = false) => (
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
            {action(account, 'edit', 'Sửa', <EditOutlined />, () => setEditing({ account }))}
            {action(account, 'rotate', 'Cấp khóa bí mật mới', <SyncOutlined />, () => confirmRotate(account))}
            {action(account, 'revoke', 'Thu hồi', <StopOutlined />, () => confirmRevoke(account), true)}
          </Space>
        ),
    },
  ];

  return (
    <>
      <PageHeading
        title="Tài khoản tích hợp"
        subtitle="Tài khoản cho hệ thống của tỉnh và các tập lệnh lấy dữ liệu từ Lan Tỏa"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})} data-testid="service-account-create">
            Thêm tài khoản
          </Button>
        }
      />
      <Card>
        <ProblemAlert error={accounts.error} />
        <Table<ServiceAccount>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={accounts.data?.items}
          loading={accounts.isFetching}
          scroll={{ x: 'max-content' }}
          onRow={(account) => ({ 'data-testid': `service-account-row-${account.id}` }) as HTMLAttributes<HTMLElement>}
          pagination={{
            current: accounts.data?.page ?? 1,
            pageSize: accounts.data?.pageSize ?? 20,
            total: accounts.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: PAGE_SIZES,
            showTotal: (total) => `${total} tài khoản`,
            onChange: list.setPage,
          }}
          locale={{ emptyText: 'Chưa có tài khoản tích hợp nào' }}
        />
      </Card>
      {editing && (
        <ServiceAccountFormModal
          account={editing.account}
          onClose={() => setEditing(null)}
          onSaved={(account) => {
            setEditing(null);
            message.success(`Đã lưu tài khoản ${account.name}.`);
          }}
          onCreated={(created) => {
            setEditing(null);
            setSecret({ ...created, reason: 'created' });
          }}
        />
      )}
      <OneTimeSecretModal
        open={secret !== null}
        title={secret?.reason === 'created' ? 'Đã tạo tài khoản tích hợp' : 'Đã cấp khóa bí mật mới'}
        intro={
          secret && (
            <p>
              Cấu hình hệ thống <strong>{secret.account.name}</strong> với mã ứng dụng và khóa bí mật dưới đây để lấy mã
              truy cập tại <Typography.Text code>POST /api/v1/auth/token</Typography.Text>.
            </p>
          )
        }
        items={
          secret
            ? [
                { label: 'Mã ứng dụng (client ID)', value: secret.account.clientId, testId: 'handover-client-id' },
                { label: 'Khóa bí mật (client secret)', value: secret.clientSecret, testId: 'handover-client-secret' },
              ]
            : []
        }
        onClose={() => setSecret(null)}
      />
    </>
  );
}
