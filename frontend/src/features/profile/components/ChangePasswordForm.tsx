import { CheckCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Typography } from 'antd';
import { ProblemAlert } from '@/components/ProblemAlert';
import { showServerErrors } from '@/lib/forms';
import { useChangePassword } from '../api/profile';
import { passwordPolicy } from './password-policy';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const FIELDS = ['currentPassword', 'newPassword'] as const;

interface ChangePasswordFormProps {
  username: string;
  currentLabel?: string;
}

const PASSWORD_CHANGED = 'Đã đổi mật khẩu. Các phiên đăng nhập khác đã bị đăng xuất.';

export function ChangePasswordForm({
  username,
  currentLabel = 'Mật khẩu hiện tại',
}: ChangePasswordFormProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordForm>();
  const change = useChangePassword();
  const newPassword = Form.useWatch('newPassword', form) ?? '';
  const rules = passwordPolicy(newPassword, username);

  // The new tokens restart the session, which may unmount this form (the forced change leads to
  // the home page): the confirmation comes from the awaited answer, not a callback tied to it.
  const submit = async ({ currentPassword, newPassword }: PasswordForm) => {
    try {
      await change.mutateAsync({ currentPassword, newPassword });
    } catch (error) {
      showServerErrors(form, error, FIELDS);
      return;
    }
    message.success(PASSWORD_CHANGED);
    form.resetFields();
  };

  return (
    <Form<PasswordForm> form={form} layout="vertical" onFinish={submit} disabled={change.isPending}>
      <ProblemAlert error={change.error} formFields={FIELDS} />
      <Form.Item
        name="currentPassword"
        label={currentLabel}
        rules={[{ required: true, message: 'Nhập mật khẩu hiện tại.' }]}
      >
        <Input.Password autoComplete="current-password" data-testid="password-current" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label="Mật khẩu mới"
        rules={[
          { required: true, message: 'Nhập mật khẩu mới.' },
          {
            validator: (_, value: string | undefined) =>
              !value || passwordPolicy(value, username).every((rule) => rule.met)
                ? Promise.resolve()
                : Promise.reject(new Error('Mật khẩu mới chưa đạt yêu cầu bên dưới.')),
          },
        ]}
        extra={
          <ul
            style={{ listStyle: 'none', paddingInlineStart: 0, margin: '8px 0 0' }}
            data-testid="password-policy"
          >
            {rules.map((rule) => (
              <li key={rule.key}>
                {rule.met ? (
                  <CheckCircleFilled style={{ color: '#389e0d' }} />
                ) : (
                  <MinusCircleOutlined style={{ color: '#8c8c8c' }} />
                )}{' '}
                <Typography.Text type={rule.met ? 'success' : 'secondary'}>{rule.label}</Typography.Text>
              </li>
            ))}
          </ul>
        }
      >
        <Input.Password autoComplete="new-password" data-testid="password-new" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label="Nhập lại mật khẩu mới"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: 'Nhập lại mật khẩu mới.' },
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) =>
              !value || value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error('Mật khẩu nhập lại không khớp.')),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="password-confirm" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={change.isPending} data-testid="password-submit">
        Đổi mật khẩu
      </Button>
    </Form>
  );
}
