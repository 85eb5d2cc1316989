import { Card, Col, Flex, Row, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { PageHeading } from '@/components/PageHeading';
import type { Role } from '@/lib/api/models';
import { useCurrentUser } from '@/lib/auth/use-session';
import { DATE_FORMAT, todayInVietnam } from '@/lib/dates';
import { navItemsFor, PATHS } from '@/lib/navigation';
import { roleLabel } from '@/lib/roles';
import { useActiveUnitCount, useActiveUserCount } from '../api/overview';
import { upcomingDeadlines } from '../components/deadlines';

const ROLE_SUMMARY: Record<Role, string> = {
  admin:
    'Bạn thiết lập cơ cấu đơn vị, tài khoản người dùng và tài khoản tích hợp, và theo dõi nhật ký hệ thống.',
  leader:
    'Bạn theo dõi tình hình phát hiện, bồi dưỡng, tổng kết và nhân rộng điển hình tiên tiến của toàn Sở.',
  office:
    'Bạn theo dõi các đơn vị giới thiệu điển hình hằng tháng, đôn đốc đơn vị chậm, tổng hợp báo cáo và tra cứu nhật ký hệ thống.',
  unit_head:
    'Bạn đề xuất và theo dõi điển hình tiên tiến của đơn vị mình, giới thiệu điển hình trước ngày 10 hằng tháng.',
  unit_staff:
    'Bạn soạn hồ sơ điển hình, cập nhật hình ảnh, minh chứng và bài giới thiệu hằng tháng của đơn vị.',
  integration: '',
};

const LINK_HINTS: Record<string, string> = {
  [PATHS.units]: 'Cơ cấu tổ chức của Sở: đơn vị thuộc Sở và đơn vị trực thuộc',
  [PATHS.users]: 'Tạo tài khoản, phân vai trò, khóa tài khoản, đặt lại mật khẩu',
  [PATHS.serviceAccounts]: 'Tài khoản cho hệ thống của tỉnh và các tập lệnh',
  [PATHS.audit]: 'Ai đã thay đổi gì, khi nào',
  [PATHS.profile]: 'Thông tin liên hệ và mật khẩu của bạn',
};

const SEES_USERS: readonly Role[] = ['admin', 'leader', 'office', 'unit_head'];

export default function HomePage() {
  const user = useCurrentUser();
  const units = useActiveUnitCount();
  const seesUsers = SEES_USERS.includes(user.role);
  const users = useActiveUserCount(seesUsers);
  const links = navItemsFor(user.role).filter((item) => item.path !== PATHS.home);

  return (
    <>
      <PageHeading title="Trang chủ" />
      <Card style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="home-greeting">
          Xin chào, {user.fullName}
        </Typography.Title>
        <Typography.Paragraph style={{ marginBottom: 4 }}>
          Vai trò: <strong data-testid="home-role">{roleLabel(user.role)}</strong>
          {user.unit && (
            <>
              {' '}
              · Đơn vị: <strong data-testid="home-unit">{user.unit.name}</strong>
            </>
          )}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {ROLE_SUMMARY[user.role]}
        </Typography.Paragraph>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12} xl={8}>
          <Card title="Tổng quan" style={{ height: '100%' }}>
            <Row gutter={16}>
              <Col span={12}>
                <Statistic
                  title="Đơn vị đang hoạt động"
                  value={units.data ?? '—'}
                  loading={units.isPending}
                />
              </Col>
              {seesUsers && (
                <Col span={12}>
                  <Statistic
                    title={user.role === 'unit_head' ? 'Cán bộ của đơn vị' : 'Người dùng đang hoạt động'}
                    value={users.data ?? '—'}
                    loading={users.isPending}
                  />
                </Col>
              )}
            </Row>
          </Card>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <Card title="Mốc thời gian sắp tới" style={{ height: '100%' }}>
            <Flex vertical gap={12}>
              {upcomingDeadlines(todayInVietnam()).map((deadline) => (
                <Flex key={deadline.key} justify="space-between" gap={12}>
                  <span>{deadline.label}</span>
                  <strong style={{ whiteSpace: 'nowrap' }}>{deadline.due.format(DATE_FORMAT)}</strong>
                </Flex>
              ))}
            </Flex>
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title="Bạn có thể" style={{ height: '100%' }}>
            <Flex vertical gap={12}>
              {links.map(({ path, label, icon: Icon }) => (
                <Flex key={path} gap={12} align="baseline">
                  <Icon />
                  <div>
                    <Link to={path}>{label}</Link>
                    <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
                      {LINK_HINTS[path]}
                    </Typography.Paragraph>
                  </div>
                </Flex>
              ))}
            </Flex>
          </Card>
        </Col>
      </Row>
    </>
  );
}
