import { Alert, Button, Card, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useCurrentUser } from '@/lib/auth/use-session';
import { signOut } from '@/lib/auth/sign-out';
import { PATHS } from '@/lib/navigation';
import { usePageTitle } from '@/lib/page-title';
import { ChangePasswordForm } from '../components/ChangePasswordForm';

/** A first sign-in (or one after a reset): nothing else opens until the password is changed. */
export default function ForcedPasswordChangePage() {
  usePageTitle('Đổi mật khẩu');
  const user = useCurrentUser();
  const navigate = useNavigate();

  const logout = async () => {
    await signOut();
    navigate(PATHS.login, { replace: true });
  };

  return (
    <div className="auth-page">
      <Card className="auth-card" data-testid="forced-password-card">
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          Đổi mật khẩu
        </Typography.Title>
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`Xin chào ${user.fullName}`}
          description="Bạn đang dùng mật khẩu tạm thời. Hãy đặt mật khẩu mới trước khi tiếp tục."
        />
        {/* Once changed, the session no longer requires it and the route guard opens the home page. */}
        <ChangePasswordForm username={user.username} currentLabel="Mật khẩu tạm thời" />
        <Button
          type="link"
          onClick={logout}
          style={{ paddingInline: 0, marginTop: 8 }}
          data-testid="logout-button"
        >
          Đăng xuất
        </Button>
      </Card>
    </div>
  );
}
