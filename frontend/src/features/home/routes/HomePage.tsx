import { useQuery } from '@tanstack/react-query';
import { Badge, Card, Col, Flex, Row, Skeleton, Tag, Typography } from 'antd';
import type { ComponentType, ReactNode } from 'react';
import { Link } from 'react-router';
import { HelpEmpty, HelpLink } from '@/components/HelpEmpty';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import type { CellStatus, DepartmentPicture, HomeTask, MonthIntroduction, Role } from '@/lib/api/models';
import { homeQuery } from '@/lib/api/queries/home';
import { settingsQuery } from '@/lib/api/queries/settings';
import { useCurrentUser } from '@/lib/auth/use-session';
import { DATE_FORMAT, formatApiDate, formatMonth, fromApiDate, todayInVietnam } from '@/lib/dates';
import { exemplarPath, navItemsFor, PATHS } from '@/lib/navigation';
import { isUnitRole, roleLabel } from '@/lib/roles';
import { upcomingDeadlines } from '../components/deadlines';
import { TASK_TEXTS, taskLink } from '../components/links';

const ROLE_SUMMARY: Record<Role, string> = {
  admin:
    'Bạn thiết lập cơ cấu đơn vị, tài khoản người dùng và tài khoản tích hợp, và theo dõi nhật ký hệ thống.',
  leader:
    'Bạn theo dõi tình hình phát hiện, bồi dưỡng, tổng kết và nhân rộng điển hình tiên tiến của toàn Sở.',
  office:
    'Bạn theo dõi các đơn vị giới thiệu điển hình hằng tháng, đôn đốc đơn vị chậm, tổng hợp báo cáo và tra cứu nhật ký hệ thống.',
  unit_head:
    'Bạn đề xuất và theo dõi điển hình tiên tiến của đơn vị mình, giới thiệu điển hình trước hạn hằng tháng.',
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

/** What nothing-to-do means for a role, and where to go next. */
const NOTHING_TO_DO: Partial<Record<Role, string>> = {
  unit_staff:
    'Không có hồ sơ nào đang chờ bạn. Khi phát hiện một gương điển hình, hãy ghi nhận tại mục Điển hình → Thêm điển hình.',
  unit_head:
    'Không có việc nào đang chờ đơn vị. Hãy rà soát các điển hình của đơn vị và đề xuất chuyển giai đoạn khi đủ điều kiện.',
  office: 'Không có hồ sơ, đề xuất hay mốc nào đang chờ Văn phòng Sở.',
  leader: 'Không có đề xuất chuyển giai đoạn nào chờ duyệt.',
};

const OWN_STATUS: Record<CellStatus, { text: string; color: string }> = {
  on_time: { text: 'Đã giới thiệu đúng hạn', color: 'green' },
  late: { text: 'Đã giới thiệu (trễ hạn)', color: 'orange' },
  missing: { text: 'Quá hạn, chưa giới thiệu', color: 'red' },
  pending: { text: 'Chưa giới thiệu', color: 'blue' },
  upcoming: { text: 'Chưa đến tháng', color: 'default' },
  not_applicable: { text: 'Chưa áp dụng', color: 'default' },
};

/** What the unit should do about this month's introduction. */
function introductionAdvice(introduction: MonthIntroduction): string {
  const due = formatApiDate(introduction.dueOn);
  switch (introduction.status) {
    case 'pending':
      return `Hãy gửi ít nhất một bài giới thiệu điển hình trước hoặc trong ngày ${due}.`;
    case 'missing':
      return `Hạn ${due} đã qua: hãy gửi bài giới thiệu ngay (sẽ được ghi nhận là trễ hạn).`;
    case 'on_time':
    case 'late':
      return 'Đơn vị đã hoàn thành giới thiệu tháng này. Có thể giới thiệu thêm nếu có gương tiêu biểu.';
    case 'not_applicable':
      return 'Đơn vị mới thành lập hoặc vừa hoạt động trở lại: việc giới thiệu bắt đầu từ tháng sau.';
    case 'upcoming':
      return '';
  }
}

const counts = new Intl.NumberFormat('vi-VN');

/** Red for what is already late, blue for the rest, grey when nothing waits. */
function badgeColor(task: HomeTask): string {
  if (task.count === 0) return '#bfbfbf';
  const late = task.kind === 'milestones_overdue' || task.kind === 'introductions_missing';
  return late ? '#cf1322' : '#1f5fa8';
}

function TaskList({ tasks, role }: { tasks: HomeTask[]; role: Role }) {
  if (tasks.length === 0) return null;
  const allDone = tasks.every((task) => task.count === 0);
  return (
    <Card title="Việc cần làm" style={{ height: '100%' }} data-testid="home-tasks">
      {allDone && (
        <Typography.Paragraph type="secondary" data-testid="home-tasks-empty">
          {NOTHING_TO_DO[role] ?? 'Không có việc nào đang chờ bạn.'} <HelpLink topic="yourTasks" />
        </Typography.Paragraph>
      )}
      {tasks.map((task) => {
        const text = TASK_TEXTS[task.kind];
        return (
          <div key={task.kind} className="home-task" data-testid={`home-task-${task.kind}`}>
            <div style={{ minWidth: 0 }}>
              <Link to={taskLink(task)} data-testid={`home-task-${task.kind}-link`}>
                {text.label}
              </Link>
              {task.count > 0 && (
                <Typography.Paragraph type="secondary" style={{ marginBottom: 0, fontSize: 13 }}>
                  {text.hint}
                </Typography.Paragraph>
              )}
            </div>
            <Link
              to={taskLink(task)}
              aria-label={`${text.label}: ${task.count}`}
              data-testid={`home-task-${task.kind}-count`}
            >
              <Badge
                count={counts.format(task.count)}
                showZero
                color={badgeColor(task)}
                style={{ fontSize: 14, minWidth: 32, height: 24, lineHeight: '24px' }}
              />
            </Link>
          </div>
        );
      })}
    </Card>
  );
}

/** For unit roles: this month's introduction, its due date and what to do. */
function IntroductionCard({ introduction }: { introduction: MonthIntroduction | null | undefined }) {
  return (
    <Card
      title="Giới thiệu hằng tháng"
      style={{ height: '100%' }}
      data-testid="home-introduction"
      extra={<Link to={PATHS.introductions}>Mở trang</Link>}
    >
      {introduction ? (
        <>
          <Typography.Paragraph style={{ marginBottom: 8 }}>
            Tháng <strong>{formatMonth(introduction.month)}</strong> · hạn{' '}
            <strong data-testid="home-introduction-due">{formatApiDate(introduction.dueOn)}</strong>
          </Typography.Paragraph>
          <Link to={PATHS.introductions}>
            <Tag
              color={OWN_STATUS[introduction.status].color}
              data-testid="home-own-introduction"
              data-status={introduction.status}
            >
              {OWN_STATUS[introduction.status].text}
            </Tag>
          </Link>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {introductionAdvice(introduction)}
          </Typography.Paragraph>
        </>
      ) : (
        <HelpEmpty
          description="Tài khoản chưa gắn với đơn vị đang hoạt động: liên hệ quản trị viên để được gán đơn vị."
          topic="yourTasks"
        />
      )}
    </Card>
  );
}

/** For the leadership, the Office and admin: the latest replications in the Department. */
function RecentReplications({ picture }: { picture: DepartmentPicture }) {
  return (
    <Card title="Nhân rộng gần đây" style={{ marginBottom: 16 }} data-testid="home-replications">
      {picture.recentReplications.length === 0 ? (
        <Typography.Text type="secondary" data-testid="home-replications-empty">
          Chưa có điển hình nào được nhân rộng. Khi đơn vị ghi nhận nơi áp dụng ở giai đoạn Nhân rộng, kết quả
          hiện ở đây. <HelpLink topic="stages" />
        </Typography.Text>
      ) : (
        <Flex vertical gap={8}>
          {picture.recentReplications.map((replication) => (
            <Flex
              key={`${replication.exemplarId}-${replication.adopterName}-${replication.adoptedOn}`}
              justify="space-between"
              gap={12}
              wrap
            >
              <span>
                <Link to={exemplarPath(replication.exemplarId)}>{replication.exemplarName}</Link>
                <Typography.Text type="secondary"> → {replication.adopterName}</Typography.Text>
              </span>
              <Typography.Text style={{ whiteSpace: 'nowrap' }}>
                {formatApiDate(replication.adoptedOn)}
              </Typography.Text>
            </Flex>
          ))}
        </Flex>
      )}
    </Card>
  );
}

/** What the home page hands the dashboard to place: the tasks, and a unit's own introduction. */
export interface HomeDashboardProps {
  tasks?: ReactNode;
  aside?: ReactNode;
}

/**
 * The home page: a greeting, then the dashboard (features/dashboard, which the app passes in)
 * with what waits for the person, the obligations, the figures, the introductions and the
 * charts; the recurring deadlines and the pages the role may open.
 */
export default function HomePage({ dashboard: Dashboard }: { dashboard: ComponentType<HomeDashboardProps> }) {
  const user = useCurrentUser();
  const home = useQuery(homeQuery());
  const settings = useQuery(settingsQuery());
  const links = navItemsFor(user.role).filter((item) => item.path !== PATHS.home);
  const unitRole = isUnitRole(user.role);
  const today = fromApiDate(home.data?.today) ?? todayInVietnam();
  const tasks = home.data?.tasks ?? [];
  const deadlines = (
    <Card title="Mốc thời gian sắp tới" style={{ height: '100%' }}>
      <Flex vertical gap={12}>
        {upcomingDeadlines(today, settings.data?.introductionDueDay).map((deadline) => (
          <Flex key={deadline.key} justify="space-between" gap={12}>
            <span>{deadline.label}</span>
            <strong style={{ whiteSpace: 'nowrap' }}>{deadline.due.format(DATE_FORMAT)}</strong>
          </Flex>
        ))}
      </Flex>
    </Card>
  );
  const taskCard = home.isPending ? (
    <Card>
      <Skeleton active />
    </Card>
  ) : tasks.length > 0 ? (
    <TaskList tasks={tasks} role={user.role} />
  ) : undefined;

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
          )}{' '}
          · Hôm nay: <strong data-testid="home-today">{today.format(DATE_FORMAT)}</strong>
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {ROLE_SUMMARY[user.role]}
        </Typography.Paragraph>
      </Card>
      <ProblemAlert error={home.error} />
      <Dashboard
        tasks={taskCard}
        aside={unitRole && home.data ? <IntroductionCard introduction={home.data.introduction} /> : undefined}
      />
      {home.data?.picture && <RecentReplications picture={home.data.picture} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          {deadlines}
        </Col>
        <Col xs={24} md={12}>
          <Card title="Bạn có thể" style={{ height: '100%' }}>
            <Row gutter={[16, 12]}>
              {links.map(({ path, label, icon: Icon }) => (
                <Col key={path} xs={24} xl={12}>
                  <Flex gap={12} align="baseline">
                    <Icon />
                    <div>
                      <Link to={path}>{label}</Link>
                      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
                        {LINK_HINTS[path]}
                      </Typography.Paragraph>
                    </div>
                  </Flex>
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
      </Row>
    </>
  );
}
