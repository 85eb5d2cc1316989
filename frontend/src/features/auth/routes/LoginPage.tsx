import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ProblemAlert } from '@/components/ProblemAlert';
import { isApiError } from '@/lib/api/problem';
import { useSession } from '@/lib/auth/use-session';
import { showServerErrors } from '@/lib/forms';
import { PATHS } from '@/lib/navigation';
import { usePageTitle } from '@/lib/page-title';
import { useLogin } from '../api/login';

interface LoginForm {
  username: string;
  password: string;
}

const FIELDS = ['username', 'password'] as const;

/** Counts down the seconds the server asked us to wait after too many failed attempts. */
function useCountdown(): [number, (seconds: number) => void] {
  const [remaining, setRemaining] = useState(0);
  useEffect(() => {
    if (remaining <= 0) return;
    const timer = setTimeout(() => setRemaining((value) => value - 1), 1000);
    return () => clearTimeout(timer);
  }, [remaining]);
  return [remaining, setRemaining];
}

export default function LoginPage() {
  usePageTitle('Đăng nhập');
  const [form] = Form.useForm<LoginForm>();
  const login = useLogin();
  const { status } = useSession();
  const location = useLocation();
  const [waitSeconds, startWait] = useCountdown();

  if (status === 'signedIn') {
    const from = (location.state as { from?: string } | null)?.from;
    return <Navigate to={from && from !== PATHS.login ? from : PATHS.home} replace />;
  }

  const submit = (values: LoginForm) => {
    login.mutate(
      { username: values.username.trim(), password: values.password },
      {
        onError: (error) => {
          showServerErrors(form, error, FIELDS);
          if (isApiError(error, 'too_many_requests') && error.retryAfter) startWait(error.retryAfter);
        },
      },
    );
  };

  return (
    <div className="auth-page">
      <Card className="auth-card" data-testid="login-card">
        <div style={{ textAlign: 'center', marginBottom: 24 }}>
          <Typography.Title level={2} style={{ marginBottom: 4 }}>
            Lan Tỏa
          </Typography.Title>
          <Typography.Text type="secondary">
            Quản lý điển hình tiên tiến
            <br />
            Sở Tư pháp tỉnh Đồng Tháp
          </Typography.Text>
        </div>
        <ProblemAlert error={login.error} formFields={FIELDS} />
        {waitSeconds > 0 && (
          <Typography.Paragraph type="warning" style={{ marginTop: 8 }} data-testid="login-wait">
            Bạn có thể thử lại sau {waitSeconds} giây.
          </Typography.Paragraph>
        )}
        <Form<LoginForm>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={submit}
          style={{ marginTop: 16 }}
          disabled={login.isPending}
        >
          <Form.Item
            name="username"
            label="Tên đăng nhập"
            rules={[{ required: true, whitespace: true, message: 'Nhập tên đăng nhập.' }]}
          >
            <Input
              prefix={<UserOutlined />}
              autoComplete="username"
              autoFocus
              autoCapitalize="none"
              spellCheck={false}
              data-testid="login-username"
            />
          </Form.Item>
          <Form.Item name="password" label="Mật khẩu" rules={[{ required: true, message: 'Nhập mật khẩu.' }]}>
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              data-testid="login-password"
            />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            block
            size="large"
            loading={login.isPending}
            disabled={waitSeconds > 0}
            data-testid="login-submit"
          >
            Đăng nhập
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
          Quên mật khẩu? Liên hệ quản trị hệ thống của Sở để được cấp mật khẩu tạm thời.
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
