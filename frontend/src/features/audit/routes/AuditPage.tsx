import { Card, DatePicker, Flex, Select, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { HelpEmpty } from '@/components/HelpEmpty';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import type { AuditEntry } from '@/lib/api/models';
import { DATE_FORMAT, formatDateTime, fromApiDate, toApiDate } from '@/lib/dates';
import { columnSortOrder, sortParam, tablePagination, useListParams } from '@/lib/list-params';
import { useAuditLog, usePeopleNames } from '../api/audit';
import { ActorSelect } from '../components/ActorSelect';
import { AuditChanges } from '../components/AuditChanges';
import {
  ACTION_LABELS,
  actionLabel,
  asAuditAction,
  asEntityType,
  ENTITY_TYPE_LABELS,
  entityTypeLabel,
} from '../components/labels';

const FILTERS = ['entityType', 'action', 'from', 'to', 'actorUserId'] as const;

const ACTION_COLORS: Record<string, string> = {
  create: 'green',
  update: 'blue',
  delete: 'red',
  deactivate: 'orange',
  revoke: 'orange',
  activate: 'cyan',
};

/** A readable name for the record an entry is about, from its snapshot. */
function entityName(entry: AuditEntry): string | undefined {
  const snapshot = (entry.after ?? entry.before) as
    | { name?: unknown; fullName?: unknown; fileName?: unknown; title?: unknown; exemplarName?: unknown }
    | null
    | undefined;
  const name =
    snapshot?.fullName ?? snapshot?.name ?? snapshot?.fileName ?? snapshot?.exemplarName ?? snapshot?.title;
  return typeof name === 'string' ? name : undefined;
}

export default function AuditPage() {
  const list = useListParams(FILTERS);
  const { entityType, action, from, to, actorUserId } = list.filters;
  const log = useAuditLog({
    entityType: asEntityType(entityType),
    action: asAuditAction(action),
    from,
    to,
    actorUserId: actorUserId ? Number(actorUserId) : undefined,
    sort: list.sort,
    page: list.page,
    pageSize: list.pageSize,
  });
  const personName = usePeopleNames(log.data?.items.map((entry) => entry.actorUserId) ?? []);

  const columns: ColumnsType<AuditEntry> = [
    {
      title: 'Thời điểm',
      dataIndex: 'occurredAt',
      key: 'occurredAt',
      sorter: true,
      // The server lists newest first unless asked otherwise.
      sortOrder: columnSortOrder(list.sort ?? '-occurredAt', 'occurredAt'),
      sortDirections: ['descend', 'ascend', 'descend'],
      render: (value: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(value)}</span>,
    },
    {
      title: 'Người thực hiện',
      key: 'actor',
      render: (_, entry) => {
        const fullName = entry.actorUserId != null ? personName(entry.actorUserId) : undefined;
        if (!fullName) return entry.actorName;
        return (
          <>
            <div>{fullName}</div>
            <div style={{ color: '#8c8c8c', fontSize: 12 }}>{entry.actorName}</div>
          </>
        );
      },
    },
    {
      title: 'Hành động',
      key: 'action',
      render: (_, entry) => (
        <Tag color={ACTION_COLORS[entry.action]}>{actionLabel(entry.action, entry.entityType)}</Tag>
      ),
    },
    {
      title: 'Đối tượng',
      key: 'entity',
      render: (_, entry) => {
        const name = entityName(entry);
        return (
          <>
            {entityTypeLabel(entry.entityType)}
            {entry.entityId && <span style={{ color: '#8c8c8c' }}> #{entry.entityId}</span>}
            {name && <div>{name}</div>}
          </>
        );
      },
    },
  ];

  return (
    <>
      <PageHeading title="Nhật ký hệ thống" subtitle="Ai đã thay đổi gì, khi nào (giờ Việt Nam)" />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Select
            allowClear
            placeholder="Loại đối tượng"
            value={entityType}
            onChange={(value) => list.setFilters({ entityType: value })}
            options={Object.entries(ENTITY_TYPE_LABELS).map(([value, label]) => ({ value, label }))}
            style={{ minWidth: 180 }}
            data-testid="audit-filter-entity"
          />
          <Select
            allowClear
            placeholder="Hành động"
            value={action}
            onChange={(value) => list.setFilters({ action: value })}
            options={Object.entries(ACTION_LABELS).map(([value, label]) => ({ value, label }))}
            style={{ minWidth: 200 }}
            data-testid="audit-filter-action"
          />
          <DatePicker
            placeholder="Từ ngày"
            format={DATE_FORMAT}
            value={fromApiDate(from)}
            onChange={(day) => list.setFilters({ from: toApiDate(day) })}
            disabledDate={(day) => Boolean(to && day.isAfter(fromApiDate(to), 'day'))}
            data-testid="audit-filter-from"
          />
          <DatePicker
            placeholder="Đến ngày"
            format={DATE_FORMAT}
            value={fromApiDate(to)}
            onChange={(day) => list.setFilters({ to: toApiDate(day) })}
            disabledDate={(day) => Boolean(from && day.isBefore(fromApiDate(from), 'day'))}
            data-testid="audit-filter-to"
          />
          <ActorSelect
            value={actorUserId ? Number(actorUserId) : undefined}
            onChange={(id) => list.setFilters({ actorUserId: id === undefined ? undefined : String(id) })}
          />
        </Flex>
        <ProblemAlert error={log.error} />
        <Table<AuditEntry>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={log.data?.items}
          loading={log.isFetching}
          expandable={{
            expandedRowRender: (entry) => <AuditChanges entry={entry} />,
            rowExpandable: (entry) => entry.before != null || entry.after != null || entry.requestId != null,
          }}
          pagination={tablePagination(log.data, 'bản ghi')}
          onChange={(pagination, _filters, sorter, { action: change }) => {
            if (change === 'sort') list.setSort(sortParam(sorter));
            else if (change === 'paginate') list.setPage(pagination.current ?? 1, pagination.pageSize ?? 20);
          }}
          locale={{ emptyText: <HelpEmpty description="Không có bản ghi nào phù hợp" topic="audit" /> }}
          data-testid="audit-table"
        />
      </Card>
    </>
  );
}
