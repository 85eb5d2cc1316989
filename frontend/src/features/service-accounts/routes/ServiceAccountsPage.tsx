import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Typography } from 'antd';
import { useState } from 'react';
import { OneTimeSecretModal } from '@/components/OneTimeSecretModal';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import type { ServiceAccount, ServiceAccountWithSecret } from '@/lib/api/models';
import { useListParams } from '@/lib/list-params';
import { useServiceAccounts } from '../api/service-accounts';
import { ServiceAccountFormModal } from '../components/ServiceAccountFormModal';
import { ServiceAccountTable } from '../components/ServiceAccountTable';
import { useServiceAccountActions } from '../components/use-service-account-actions';

const NO_FILTERS = [] as const;

export default function ServiceAccountsPage() {
  const { message } = App.useApp();
  const list = useListParams(NO_FILTERS);
  const accounts = useServiceAccounts({ page: list.page, pageSize: list.pageSize });
  // `null`: closed; `{}`: creating; `{ account }`: editing.
  const [editing, setEditing] = useState<{ account?: ServiceAccount } | null>(null);
  const [secret, setSecret] = useState<(ServiceAccountWithSecret & { reason: 'created' | 'rotated' }) | null>(
    null,
  );
  const { confirmRevoke, confirmRotate } = useServiceAccountActions((rotated) =>
    setSecret({ ...rotated, reason: 'rotated' }),
  );

  return (
    <>
      <PageHeading
        title="Tài khoản tích hợp"
        subtitle="Tài khoản cho hệ thống của tỉnh và các tập lệnh lấy dữ liệu từ Lan Tỏa"
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing({})}
            data-testid="service-account-create"
          >
            Thêm tài khoản
          </Button>
        }
      />
      <Card>
        <ProblemAlert error={accounts.error} />
        <ServiceAccountTable
          data={accounts.data}
          loading={accounts.isFetching}
          onEdit={(account) => setEditing({ account })}
          onRotate={confirmRotate}
          onRevoke={confirmRevoke}
          onPage={list.setPage}
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
              Cấu hình hệ thống <strong>{secret.account.name}</strong> với mã ứng dụng và khóa bí mật dưới đây
              để lấy mã truy cập tại <Typography.Text code>POST /api/v1/auth/token</Typography.Text>.
            </p>
          )
        }
        items={
          secret
            ? [
                {
                  label: 'Mã ứng dụng (client ID)',
                  value: secret.account.clientId,
                  testId: 'handover-client-id',
                },
                {
                  label: 'Khóa bí mật (client secret)',
                  value: secret.clientSecret,
                  testId: 'handover-client-secret',
                },
              ]
            : []
        }
        onClose={() => setSecret(null)}
      />
    </>
  );
}
