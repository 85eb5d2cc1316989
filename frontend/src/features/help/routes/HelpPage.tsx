import { useQuery } from '@tanstack/react-query';
import { Card, Col, Collapse, Flex, Row, Table, Tag, Typography } from 'antd';
import { type HTMLAttributes, type ReactNode, useEffect } from 'react';
import { Link, useLocation } from 'react-router';
import { PageHeading } from '@/components/PageHeading';
import type { Role } from '@/lib/api/models';
import { settingsQuery } from '@/lib/api/queries/settings';
import { useCurrentUser } from '@/lib/auth/use-session';
import { DATE_FORMAT, formatMonth, todayInVietnam } from '@/lib/dates';
import { HELP_TOPICS, helpPath } from '@/lib/help';
import { PATHS } from '@/lib/navigation';
import { roleLabel } from '@/lib/roles';
import {
  CONCLUSION_LABELS,
  EVALUATOR_KIND_LABELS,
  MAIN_STAGES,
  STAGE_COLORS,
  STAGE_LABELS,
} from '@/lib/vocabulary';
import { type PlanDeadline, planCalendar } from '../components/calendar';
import { GUIDE_ROLES, type GuideLink, isPersonRole, type RoleGuide, roleGuides } from '../components/guides';
import { canOpen, pagesFor } from '../components/pages';
import { GENERAL_STANDARDS } from '../components/standards';
import { STAGE_GUIDES } from '../components/stages';

/** Room for the sticky header when a section is scrolled to. */
const SECTION_STYLE = { scrollMarginTop: 80, marginBottom: 16, outline: 'none' } as const;
const LIST_STYLE = { paddingInlineStart: 20, marginTop: 0 } as const;

/** A section of the page: an anchor other pages link to, focusable when it is scrolled to. */
function Section({
  id,
  title,
  children,
  testId,
}: {
  id: string;
  title: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <section id={id} tabIndex={-1} aria-label={title} style={SECTION_STYLE} data-testid={testId}>
      <Card title={title}>{children}</Card>
    </section>
  );
}

/**
 * Scrolls to the section the address names (`/huong-dan#lich-thuc-hien`) and moves the keyboard
 * focus there, on arrival and on every link within the page.
 */
function useScrollToHash() {
  const { hash, key } = useLocation();
  useEffect(() => {
    if (!hash) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (!target) return;
    target.scrollIntoView?.({ block: 'start' });
    target.focus({ preventScroll: true });
  }, [hash, key]);
}

/** A link to where a task is done, or its name when the reader may not open that page. */
function PageLink({ link, role, testId }: { link: GuideLink; role: Role; testId?: string }) {
  if (!canOpen(role, link.to)) return <Typography.Text type="secondary">{link.label}</Typography.Text>;
  return (
    <Link to={link.to} data-testid={testId}>
      {link.label}
    </Link>
  );
}

/** A role's tasks by rhythm: all along, each month, each year and at the plan's reviews. */
function GuideGroups({ guide, reader }: { guide: RoleGuide; reader: Role }) {
  return (
    <Row gutter={[24, 8]}>
      {guide.groups.map((group) => (
        <Col key={group.key} xs={24} xl={group.key === 'thuong-xuyen' ? 24 : 12}>
          <Typography.Title level={5} style={{ marginTop: 8 }}>
            {group.title}
          </Typography.Title>
          <ul style={LIST_STYLE} data-testid={`help-group-${guide.role}-${group.key}`}>
            {group.tasks.map((task) => (
              <li key={task.key} data-testid={`help-task-${guide.role}-${task.key}`}>
                {task.text}
                {task.link && (
                  <>
                    {' '}
                    <span aria-hidden>→</span>{' '}
                    <PageLink
                      link={task.link}
                      role={reader}
                      testId={`help-task-link-${guide.role}-${task.key}`}
                    />
                  </>
                )}
              </li>
            ))}
          </ul>
        </Col>
      ))}
    </Row>
  );
}

function Contents({ hasOwnRole }: { hasOwnRole: boolean }) {
  const entries: [keyof typeof HELP_TOPICS, string][] = [
    ...(hasOwnRole ? [['yourTasks', 'Việc của bạn'] as [keyof typeof HELP_TOPICS, string]] : []),
    ['stages', 'Bốn giai đoạn'],
    ['standards', 'Tiêu chuẩn chung'],
    ['calendar', 'Lịch thực hiện kế hoạch'],
    ['pages', 'Các trang của Lan Tỏa'],
    ['otherRoles', 'Việc của các vai trò khác'],
  ];
  return (
    <nav aria-label="Nội dung hướng dẫn">
      <Flex gap={16} wrap>
        {entries.map(([topic, label]) => (
          <Link key={topic} to={helpPath(topic)} data-testid={`help-toc-${HELP_TOPICS[topic]}`}>
            {label}
          </Link>
        ))}
      </Flex>
    </nav>
  );
}

function Stages() {
  return (
    <>
      <Row gutter={[16, 16]} data-testid="help-stages">
        {MAIN_STAGES.map((stage, index) => {
          const guide = STAGE_GUIDES[stage];
          if (!guide) return null;
          return (
            <Col key={stage} xs={24} md={12} xl={6}>
              <Card size="small" style={{ height: '100%' }} data-testid={`help-stage-${stage}`}>
                <Typography.Title level={5} style={{ marginTop: 0 }}>
                  {index + 1}. <Tag color={STAGE_COLORS[stage]}>{STAGE_LABELS[stage]}</Tag>
                </Typography.Title>
                <Typography.Paragraph>{guide.purpose}</Typography.Paragraph>
                <Typography.Paragraph style={{ marginBottom: 4 }}>
                  <strong>Cần có:</strong> {guide.record}
                </Typography.Paragraph>
                <Typography.Text type="secondary">Ở thẻ: {guide.tab}</Typography.Text>
              </Card>
            </Col>
          );
        })}
      </Row>
      <Typography.Paragraph style={{ marginTop: 16 }}>
        Thủ trưởng đơn vị gửi hồ sơ; Văn phòng Sở xác nhận hoặc trả lại kèm ý kiến. Muốn chuyển sang giai đoạn
        sau, điển hình phải có hồ sơ của giai đoạn đó; Thủ trưởng đơn vị đề xuất, Văn phòng Sở hoặc Lãnh đạo
        Sở duyệt hay từ chối. Ngoài bốn giai đoạn còn có{' '}
        <Tag color={STAGE_COLORS.stopped}>{STAGE_LABELS.stopped}</Tag>
        (ghi rõ lý do) và <Tag color={STAGE_COLORS.archived}>{STAGE_LABELS.archived}</Tag>.
      </Typography.Paragraph>
      <Typography.Paragraph style={{ marginBottom: 0 }}>
        Mọi bước (ai làm, lúc nào, ý kiến gì) đều ghi trong phần Diễn biến hồ sơ của điển hình.
      </Typography.Paragraph>
    </>
  );
}

function Standards({ role }: { role: Role }) {
  return (
    <>
      <Typography.Paragraph>
        Tập thể, cá nhân điển hình tiên tiến được đánh giá theo bốn tiêu chuẩn chung của Kế hoạch:
      </Typography.Paragraph>
      <ol style={LIST_STYLE} data-testid="help-standards">
        {GENERAL_STANDARDS.map((standard) => (
          <li key={standard}>{standard}</li>
        ))}
      </ol>
      <Typography.Paragraph>
        Với bộ tiêu chuẩn chung, mỗi tiêu chuẩn được đánh giá Đạt hoặc Không đạt. Kết luận:{' '}
        <strong>{CONCLUSION_LABELS.passed}</strong> khi đạt cả bốn tiêu chuẩn;{' '}
        <strong>{CONCLUSION_LABELS.needs_nurturing}</strong> khi đạt hai hoặc ba;{' '}
        <strong>{CONCLUSION_LABELS.not_passed}</strong> khi đạt một hoặc không đạt tiêu chuẩn nào. Người đánh
        giá có thể kết luận khác nếu ghi rõ lý do.
      </Typography.Paragraph>
      <Typography.Paragraph>
        Ba loại phiếu đánh giá, ở thẻ "Đánh giá" của hồ sơ điển hình:
      </Typography.Paragraph>
      <ul style={LIST_STYLE}>
        <li>
          <strong>{EVALUATOR_KIND_LABELS.self_assessment}</strong>: cán bộ, Thủ trưởng đơn vị.
        </li>
        <li>
          <strong>{EVALUATOR_KIND_LABELS.office_review}</strong>: Văn phòng Sở.
        </li>
        <li>
          <strong>{EVALUATOR_KIND_LABELS.council_member}</strong>: thành viên Hội đồng Thi đua – Khen thưởng.
        </li>
      </ul>
      <Typography.Paragraph style={{ marginBottom: 0 }}>
        Phiếu đã hoàn tất không sửa được; muốn điều chỉnh thì lập phiếu mới thay thế. Kết luận hiện tại của
        điển hình là kết luận của phiếu hoàn tất mới nhất của Văn phòng Sở hoặc Hội đồng, nếu chưa có thì của
        phiếu tự đánh giá. Gợi ý minh chứng cho từng tiêu chuẩn có trong bộ tiêu chí:{' '}
        <PageLink
          link={{ to: PATHS.criteria, label: 'Tiêu chí đánh giá' }}
          role={role}
          testId="help-criteria-link"
        />
        .
      </Typography.Paragraph>
    </>
  );
}

function Calendar({
  deadlines,
  role,
  today,
  start,
}: {
  deadlines: PlanDeadline[];
  role: Role;
  today: ReturnType<typeof todayInVietnam>;
  start: string | undefined;
}) {
  return (
    <>
      <Typography.Paragraph>
        Theo Kế hoạch tuyên truyền và nhân rộng điển hình tiên tiến của Sở Tư pháp giai đoạn 2026–2030 (mục
        V).
      </Typography.Paragraph>
      <Table<PlanDeadline>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={deadlines}
        // Wraps on a desktop; scrolls sideways on a phone rather than squeezing the words.
        scroll={{ x: 760 }}
        onRow={(deadline) =>
          ({ 'data-testid': `help-deadline-${deadline.key}` }) as HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            title: 'Thời hạn',
            key: 'when',
            width: 190,
            render: (_, deadline) => <strong>{deadline.when}</strong>,
          },
          {
            title: 'Việc',
            key: 'task',
            render: (_, deadline) => (
              <>
                {deadline.task}
                {deadline.link && (
                  <>
                    {' '}
                    <span aria-hidden>→</span> <PageLink link={deadline.link} role={role} />
                  </>
                )}
              </>
            ),
          },
          {
            title: 'Ai thực hiện',
            key: 'who',
            width: 260,
            render: (_, deadline) => (
              <>
                {deadline.who}
                {isPersonRole(role) && deadline.roles.includes(role) && (
                  <>
                    {' '}
                    <Tag color="blue" data-testid={`help-deadline-mine-${deadline.key}`}>
                      Việc của bạn
                    </Tag>
                  </>
                )}
              </>
            ),
          },
          {
            title: 'Hạn gần nhất',
            key: 'next',
            width: 120,
            render: (_, deadline) => {
              if (!deadline.next) return '…';
              if (deadline.next.isBefore(today, 'day'))
                return <Typography.Text type="secondary">Đã qua</Typography.Text>;
              return (
                <span style={{ whiteSpace: 'nowrap' }} data-testid={`help-deadline-next-${deadline.key}`}>
                  {deadline.next.format(DATE_FORMAT)}
                </span>
              );
            },
          },
        ]}
        data-testid="help-calendar"
      />
      {start && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          Việc giới thiệu hằng tháng được tính từ tháng {formatMonth(start)}; đơn vị mới thành lập hoặc vừa
          hoạt động trở lại bắt đầu từ tháng sau.
        </Typography.Paragraph>
      )}
    </>
  );
}

function Pages({ role }: { role: Role }) {
  return (
    <Flex vertical gap={12}>
      {pagesFor(role).map((page) => (
        <div
          key={page.anchor}
          id={page.anchor}
          tabIndex={-1}
          style={{ scrollMarginTop: 80, outline: 'none' }}
          data-testid={`help-page-${page.anchor}`}
        >
          <Typography.Text strong>
            {page.path ? <PageLink link={{ to: page.path, label: page.label }} role={role} /> : page.label}
          </Typography.Text>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {page.text}
          </Typography.Paragraph>
        </div>
      ))}
    </Flex>
  );
}

export default function HelpPage() {
  const user = useCurrentUser();
  const settings = useQuery(settingsQuery());
  useScrollToHash();
  const dueDay = settings.data?.introductionDueDay;
  const guides = roleGuides(dueDay);
  const own = isPersonRole(user.role) ? guides[user.role] : null;
  const others = GUIDE_ROLES.filter((role) => role !== user.role).map((role) => guides[role]);
  const today = todayInVietnam();

  return (
    <>
      <PageHeading
        title="Hướng dẫn sử dụng"
        subtitle="Kế hoạch tuyên truyền và nhân rộng điển hình tiên tiến của Sở Tư pháp giai đoạn 2026–2030"
      />
      <Card style={{ marginBottom: 16 }}>
        <Typography.Paragraph>
          Lan Tỏa giúp các đơn vị thuộc, trực thuộc Sở phát hiện, bồi dưỡng, tổng kết và nhân rộng điển hình
          tiên tiến, giới thiệu gương điển hình hằng tháng; Văn phòng Sở theo dõi, đôn đốc và tổng hợp. Bạn
          đang dùng với vai trò <strong data-testid="help-role">{roleLabel(user.role)}</strong>
          {user.unit && (
            <>
              {' '}
              của <strong>{user.unit.name}</strong>
            </>
          )}
          .
        </Typography.Paragraph>
        <Contents hasOwnRole={own !== null} />
      </Card>
      {own && (
        <Section
          id={HELP_TOPICS.yourTasks}
          title={`Việc của bạn – ${roleLabel(own.role)}`}
          testId="help-own-role"
        >
          <div data-testid={`help-role-${own.role}`}>
            <Typography.Paragraph>{own.summary}</Typography.Paragraph>
            <GuideGroups guide={own} reader={user.role} />
          </div>
        </Section>
      )}
      <Section id={HELP_TOPICS.stages} title="Bốn giai đoạn của điển hình tiên tiến">
        <Stages />
      </Section>
      <Section id={HELP_TOPICS.standards} title="Tiêu chuẩn chung và đánh giá">
        <Standards role={user.role} />
      </Section>
      <Section id={HELP_TOPICS.calendar} title="Lịch thực hiện kế hoạch" testId="help-calendar-section">
        <Calendar
          deadlines={planCalendar(today, dueDay)}
          role={user.role}
          today={today}
          start={settings.data?.introductionsStart}
        />
      </Section>
      <Section id={HELP_TOPICS.pages} title="Các trang của Lan Tỏa">
        <Pages role={user.role} />
      </Section>
      <Section id={HELP_TOPICS.otherRoles} title="Việc của các vai trò khác">
        <Typography.Paragraph type="secondary">
          Để biết ai làm bước nào trước và sau việc của bạn.
        </Typography.Paragraph>
        <Collapse
          items={others.map((guide) => ({
            key: guide.role,
            label: roleLabel(guide.role),
            children: (
              <div id={guide.anchor} data-testid={`help-role-${guide.role}`}>
                <Typography.Paragraph>{guide.summary}</Typography.Paragraph>
                <GuideGroups guide={guide} reader={user.role} />
              </div>
            ),
          }))}
          data-testid="help-other-roles"
        />
      </Section>
    </>
  );
}
