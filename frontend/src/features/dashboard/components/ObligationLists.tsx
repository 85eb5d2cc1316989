import { Badge, Card, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { formatApiDate } from '@/lib/dates';
import { daysLeftText, OBLIGATION_STATUS } from '@/lib/obligation-status';
import type { Obligation, OpenObligations } from '../api/types';
import { obligationsLink } from '../links';

const counts = new Intl.NumberFormat('vi-VN');

/** How many of each list the home page shows (the calendar lists them all). */
export const SHOWN = 5;

function ObligationItem({ obligation, showUnit }: { obligation: Obligation; showUnit: boolean }) {
  const status = OBLIGATION_STATUS[obligation.status];
  const days = daysLeftText(obligation);
  return (
    <li className="dashboard-obligation" data-testid={`dashboard-obligation-${obligation.key}`}>
      <div style={{ minWidth: 0 }}>
        <Link to={obligation.link} data-testid={`dashboard-obligation-link-${obligation.key}`}>
          {obligation.title}
        </Link>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0, fontSize: 13 }}>
          {showUnit && <>{obligation.unit ? obligation.unit.shortName : 'Văn phòng Sở'} · </>}
          Hạn <strong>{formatApiDate(obligation.dueOn)}</strong>
          {days && <> · {days}</>}
        </Typography.Paragraph>
      </div>
      <Tag color={status.color} data-status={obligation.status} style={{ marginInlineEnd: 0 }}>
        {status.label}
      </Tag>
    </li>
  );
}

function ObligationList({
  title,
  items,
  total,
  status,
  unitId,
  empty,
  testId,
  color,
}: {
  title: string;
  items: Obligation[];
  total: number;
  status: 'missing' | 'due_soon';
  unitId?: number;
  empty: string;
  testId: string;
  color: string;
}) {
  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center">
          {title}
          <span data-testid={`${testId}-total`} data-count={total}>
            <Badge count={counts.format(total)} showZero color={total > 0 ? color : '#bfbfbf'} />
          </span>
        </Flex>
      }
      extra={
        total > Math.min(items.length, SHOWN) ? (
          <Link to={obligationsLink(status, unitId)} data-testid={`${testId}-all`}>
            Xem tất cả
          </Link>
        ) : (
          <Link to={obligationsLink(status, unitId)}>Lịch báo cáo</Link>
        )
      }
      style={{ height: '100%' }}
      data-testid={testId}
    >
      {items.length === 0 ? (
        <Typography.Text type="secondary" data-testid={`${testId}-empty`}>
          {empty}
        </Typography.Text>
      ) : (
        <ul className="dashboard-obligations">
          {items.slice(0, SHOWN).map((obligation) => (
            <ObligationItem key={obligation.key} obligation={obligation} showUnit={unitId === undefined} />
          ))}
        </ul>
      )}
    </Card>
  );
}

/** The open obligations in scope: those past their deadline, and those due within the next days. */
export function ObligationLists({
  obligations,
  unitId,
}: {
  obligations: OpenObligations;
  /** The unit in scope (no unit column then). */
  unitId?: number;
}) {
  return (
    <Flex vertical gap={16} style={{ height: '100%' }}>
      <ObligationList
        title="Quá hạn, chưa thực hiện"
        items={obligations.overdue}
        total={obligations.overdueTotal}
        status="missing"
        unitId={unitId}
        empty="Không có nghĩa vụ nào quá hạn."
        testId="dashboard-overdue"
        color="#cf1322"
      />
      <ObligationList
        title="Sắp đến hạn"
        items={obligations.dueSoon}
        total={obligations.dueSoonTotal}
        status="due_soon"
        unitId={unitId}
        empty="Không có nghĩa vụ nào sắp đến hạn."
        testId="dashboard-due-soon"
        color="#d48806"
      />
    </Flex>
  );
}
