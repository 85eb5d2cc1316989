import { Button, Form, Input, App } from 'antd';
import { useState } from 'react';
import { ProblemAlert } from '@/components/ProblemAlert';
import type { User } from '@/lib/api/models';
import { blankToNull, showServerErrors } from '@/lib/forms';
import { useUpdateProfile } from '../api/profile';

interface ProfileValues {
  fullName: string;
  email?: string;
  phone?: string;
  position?: string;
}

const FIELDS = ['fullName', 'email', 'phone', 'position'] as const;

function toValues(user: User): ProfileValues {
  return {
    fullName: user.fullName,
    email: user.email ?? undefined,
    phone: user.phone ?? undefined,
    position: user.position ?? undefined,
  };
}

interface ProfileFormProps {
  profile: User;
  /** Fetches the newest profile (after someone else changed it). */
  reload: () => Promise<User | undefined>;
}

export function ProfileForm({ profile, reload }: ProfileFormProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ProfileValues>();
  const update = useUpdateProfile();
  // The version the form was filled from: sent as If-Match, moved on only by our own saves or a reload.
  const [version, setVersion] = useState(profile.version);

  const submit = (values: ProfileValues) => {
    update.mutate(
      {
        version,
        input: {
          fullName: values.fullName.trim(),
          email: blankToNull(values.email),
          phone: blankToNull(values.phone),
          position: blankToNull(values.position),
        },
      },
      {
        onSuccess: (user) => {
          setVersion(user.version);
          form.setFieldsValue(toValues(user));
          message.success('Đã lưu hồ sơ.');
        },
        onError: (error) => showServerErrors(form, error, FIELDS),
      },
    );
  };

  const reloadLatest = async () => {
    const latest = await reload();
    if (!latest) return;
    setVersion(latest.version);
    form.setFieldsValue(toValues(latest));
    update.reset();
  };

  return (
    <Form<ProfileValues>
      form={form}
      layout="vertical"
      initialValues={toValues(profile)}
      onFinish={submit}
      disabled={update.isPending}
      data-testid="profile-form"
    >
      <ProblemAlert error={update.error} formFields={FIELDS} onReload={reloadLatest} />
      <Form.Item
        name="fullName"
        label="Họ và tên"
        rules={[{ required: true, whitespace: true, message: 'Nhập họ và tên.' }, { max: 150 }]}
      >
        <Input autoComplete="name" data-testid="profile-fullName" />
      </Form.Item>
      <Form.Item name="position" label="Chức vụ" rules={[{ max: 150 }]}>
        <Input data-testid="profile-position" />
      </Form.Item>
      <Form.Item
        name="email"
        label="Thư điện tử"
        rules={[{ type: 'email', message: 'Địa chỉ thư điện tử không hợp lệ.' }]}
      >
        <Input type="email" autoComplete="email" data-testid="profile-email" />
      </Form.Item>
      <Form.Item name="phone" label="Số điện thoại" rules={[{ max: 30 }]}>
        <Input type="tel" autoComplete="tel" data-testid="profile-phone" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="profile-submit">
        Lưu thay đổi
      </Button>
    </Form>
  );
}
