import { Card, Col, Flex, Row, Statistic, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { PageHeading } from '@/components/PageHeading';
import type { CellStatus, Role } from '@/lib/api/models';
import { useCurrentUser } from '@/lib/auth/use-session';
import { DATE_FORMAT, formatMonth, todayInVietnam } from '@/lib/dates';
import { navItemsFor, PATHS } from '@/lib/navigation';
import { isUnitRole, roleLabel } from '@/lib/roles';
import { MAIN_STAGES, STAGE_COLORS, STAGE_LABELS } from '@/lib/vocabulary';
import {
  useActiveUnitCount,
  useActiveUserCount,
  useReviewCounts,
  useStageCounts,
  useThisMonthIntroductions,
} from '../api/overview';
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
  [PATHS.exemplars]: 'Hồ sơ điển hình qua bốn giai đoạn: phát hiện, bồi dưỡng, tổng kết, nhân rộng',
  [PATHS.introductions]: 'Đơn vị nào đã giới thiệu điển hình trong tháng, đúng hạn hay trễ hạn',
  [PATHS.movements]: 'Các phong trào thi đua gắn với điển hình',
  [PATHS.criteria]: 'Tiêu chuẩn chung và các bộ tiêu chí đánh giá',
  [PATHS.units]: 'Cơ cấu tổ chức của Sở: đơn vị thuộc Sở và đơn vị trực thuộc',
  [PATHS.users]: 'Tạo tài khoản, phân vai trò, khóa tài khoản, đặt lại mật khẩu',
  [PATHS.serviceAccounts]: 'Tài khoản cho hệ thống của tỉnh và các tập lệnh',
  [PATHS.audit]: 'Ai đã thay đổi gì, khi nào',
  [PATHS.profile]: 'Thông tin liên hệ và mật khẩu của bạn',
};

const SEES_USERS: readonly Role[] = ['admin', 'leader', 'office', 'unit_head'];
/** Who confirms records and decides on stage moves, and follows up the monthly introductions. */
const REVIEWERS: readonly Role[] = ['office', 'leader'];

const OWN_STATUS_TEXT: Record<CellStatus, { text: string; color: string }> = {
  on_time: { text: 'Đã giới thiệu đúng hạn', color: 'green' },
  late: { text: 'Đã giới thiệu (trễ hạn)', color: 'orange' },
  missing: { text: 'Quá hạn, chưa giới thiệu', color: 'red' },
  pending: { text: 'Chưa giới thiệu', color: 'blue' },
  upcoming: { text: 'Chưa đến tháng', color: 'default' },
  not_applicable: { text: 'Chưa áp dụng', color: 'default' },
};

function CountLink({
  to,
  title,
  value,
  loading,
  testId,
}: {
  to: string;
  title: ReactNode;
  value: number | string | undefined;
  loading: boolean;
  testId: string;
}) {
  return (
    <Link to={to} data-testid={testId}>
      <Statistic title={title} value={value ?? '—'} loading={loading} />
    </Link>
  );
}

/** For the Office and the leadership: what waits for a decision, and who has not introduced yet. */
function ReviewCard({ year }: { year: number }) {
  const [submitted, proposals] = useReviewCounts(true);
  const month = useThisMonthIntroductions(year, true);
  return (
    <Card title="Việc cần xử lý" style={{ height: '100%' }} data-testid="home-review">
      <Row gutter={[16, 16]}>
        <Col span={12}>
          <CountLink
            to={`${PATHS.exemplars}?recordStatus=submitted`}
            title="Hồ sơ chờ xác nhận"
            value={submitted.data}
            loading={submitted.isPending}
            testId="home-submitted"
          />
        </Col>
        <Col span={12}>
          <CountLink
            to={`${PATHS.exemplars}?hasProposal=true`}
            title="Đề xuất chuyển giai đoạn chờ duyệt"
            value={proposals.data}
            loading={proposals.isPending}
            testId="home-proposals"
          />
        </Col>
        <Col span={24}>
          <CountLink
            to={PATHS.introductions}
            title={
              month.data
                ? `Đơn vị chưa giới thiệu điển hình tháng ${formatMonth(month.data.month)} (hạn ngày ${month.data.dueDay})`
                : 'Đơn vị chưa giới thiệu điển hình tháng này'
            }
            value={month.data?.notYet}
            loading={month.isPending}
            testId="home-missing-introductions"
          />
          {month.data && month.data.late > 0 && (
            <Typography.Text type="danger">Đã quá hạn: {month.data.late} đơn vị.</Typography.Text>
          )}
        </Col>
      </Row>
    </Card>
  );
}

/** For unit roles: their exemplars in each stage, and this month's introduction. */
function UnitCard({ year }: { year: number }) {
  const counts = useStageCounts(MAIN_STAGES, true);
  const month = useThisMonthIntroductions(year, true);
  const own = month.data?.ownStatus;
  return (
    <Card title="Điển hình của đơn vị" style={{ height: '100%' }} data-testid="home-unit-stages">
      <Row gutter={[16, 16]}>
        {MAIN_STAGES.map((stage, index) => (
          <Col span={12} key={stage}>
            <CountLink
              to={`${PATHS.exemplars}?stage=${stage}`}
              title={<Tag color={STAGE_COLORS[stage]}>{STAGE_LABELS[stage]}</Tag>}
              value={counts[index].data}
              loading={counts[index].isPending}
              testId={`home-stage-${stage}`}
            />
          </Col>
        ))}
      </Row>
      {month.data && own && (
        <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
          Giới thiệu tháng {formatMonth(month.data.month)} (hạn ngày {month.data.dueDay}):{' '}
          <Link to={PATHS.introductions}>
            <Tag color={OWN_STATUS_TEXT[own].color} data-testid="home-own-introduction">
              {OWN_STATUS_TEXT[own].text}
            </Tag>
          </Link>
        </Typography.Paragraph>
      )}
    </Card>
  );
}

export default function HomePage() {
  const user = useCurrentUser();
  const units = useActiveUnitCount();
  const seesUsers = SEES_USERS.includes(user.role);
  const users = useActiveUserCount(seesUsers);
  const links = navItemsFor(user.role).filter((item) => item.path !== PATHS.home);
  const year = todayInVietnam().year();
  const reviewer = REVIEWERS.includes(user.role);
  const unitRole = isUnitRole(user.role);

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
      {(reviewer || unitRole) && (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          <Col xs={24} lg={12}>
            {reviewer ? <ReviewCard year={year} /> : <UnitCard year={year} />}
          </Col>
        </Row>
      )}
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
