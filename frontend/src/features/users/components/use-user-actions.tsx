import { App } from 'antd';
import { useErrorNotice } from '@/components/use-error-notice';
import type { User } from '@/lib/api/models';
import { useResetPassword, useSetUserActive } from '../api/users';

/** Lock, unlock and password reset, each after a confirmation. */
export function useUserActions(onTemporaryPassword: (user: User, password: string) => void) {
  const { modal, message } = App.useApp();
  const notifyError = useErrorNotice();
  const setActive = useSetUserActive();
  const reset = useResetPassword();

  const confirmSetActive = (user: User, active: boolean) =>
    modal.confirm({
      title: active ? `Mở khóa tài khoản "${user.username}"?` : `Khóa tài khoản "${user.username}"?`,
      content: active
        ? `${user.fullName} sẽ đăng nhập lại được.`
        : `${user.fullName} sẽ bị đăng xuất ngay và không đăng nhập được nữa. Dữ liệu của người này vẫn được giữ nguyên.`,
      okText: active ? 'Mở khóa' : 'Khóa tài khoản',
      okButtonProps: { danger: !active, 'data-testid': 'confirm-ok' },
      cancelText: 'Hủy',
      onOk: async () => {
        try {
          await setActive.mutateAsync({ user, active });
          message.success(active ? 'Đã mở khóa tài khoản.' : 'Đã khóa tài khoản.');
        } catch (error) {
          notifyError(error);
        }
      },
    });

  const confirmReset = (user: User) =>
    modal.confirm({
      title: `Đặt lại mật khẩu cho "${user.username}"?`,
      content: `${user.fullName} sẽ bị đăng xuất và phải đổi mật khẩu tạm thời ở lần đăng nhập tới.`,
      okText: 'Đặt lại mật khẩu',
      okButtonProps: { 'data-testid': 'confirm-ok' },
      cancelText: 'Hủy',
      onOk: async () => {
        try {
          const { temporaryPassword } = await reset.mutateAsync(user);
          onTemporaryPassword(user, temporaryPassword);
        } catch (error) {
          notifyError(error);
        }
      },
    });

  return { confirmSetActive, confirmReset };
}
