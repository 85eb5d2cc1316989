import { Card, Col, Descriptions, Row, Skeleton } from 'antd';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import { formatDateTime } from '@/lib/dates';
import { roleLabel } from '@/lib/roles';
import { useProfile } from '../api/profile';
import { ChangePasswordForm } from '../components/ChangePasswordForm';
import { ProfileForm } from '../components/ProfileForm';

export default function ProfilePage() {
  const profile = useProfile();
  const user = profile.data;

  return (
    <>
      <PageHeading title="Hồ sơ cá nhân" subtitle="Thông tin tài khoản, liên hệ và mật khẩu của bạn" />
      <ProblemAlert error={profile.error} />
      {!user ? (
        profile.isPending && <Skeleton active />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <Card title="Tài khoản">
              <Descriptions
                column={1}
                size="small"
                items={[
                  { key: 'username', label: 'Tên đăng nhập', children: user.username },
                  { key: 'role', label: 'Vai trò', children: roleLabel(user.role) },
                  { key: 'unit', label: 'Đơn vị', children: user.unit?.name ?? '—' },
                  {
                    key: 'lastLogin',
                    label: 'Đăng nhập gần nhất',
                    children: formatDateTime(user.lastLoginAt) || '—',
                  },
                  {
                    key: 'passwordChanged',
                    label: 'Đổi mật khẩu lần cuối',
                    children: formatDateTime(user.passwordChangedAt),
                  },
                ]}
              />
            </Card>
            <Card title="Thông tin liên hệ" style={{ marginTop: 16 }}>
              <ProfileForm profile={user} reload={async () => (await profile.refetch()).data} />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title="Đổi mật khẩu">
              <ChangePasswordForm username={user.username} />
            </Card>
          </Col>
        </Row>
      )}
    </>
  );
}
