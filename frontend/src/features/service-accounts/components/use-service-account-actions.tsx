import { App } from 'antd';
import { useErrorNotice } from '@/components/use-error-notice';
import type { ServiceAccount, ServiceAccountWithSecret } from '@/lib/api/models';
import { useRevokeServiceAccount, useRotateServiceAccountSecret } from '../api/service-accounts';

/** Revoke and secret rotation, each after a confirmation. */
export function useServiceAccountActions(onNewSecret: (rotated: ServiceAccountWithSecret) => void) {
  const { modal, message } = App.useApp();
  const notifyError = useErrorNotice();
  const revoke = useRevokeServiceAccount();
  const rotate = useRotateServiceAccountSecret();

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
          onNewSecret(await rotate.mutateAsync(account));
        } catch (error) {
          notifyError(error);
        }
      },
    });

  return { confirmRevoke, confirmRotate };
}
