import { FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, DatePicker, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { FilterBar } from '@/components/FilterBar';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import { SearchInput } from '@/components/SearchInput';
import { UnitSelect } from '@/components/UnitSelect';
import { useErrorNotice } from '@/components/use-error-notice';
import { unitTreeQuery } from '@/lib/api/queries/units';
import { useCurrentUser } from '@/lib/auth/use-session';
import { DATE_FORMAT, formatApiDate, fromApiDate, toApiDate } from '@/lib/dates';
import { tablePagination, useListParams } from '@/lib/list-params';
import { usePageTitle } from '@/lib/page-title';
import { ROUTE_ROLES } from '@/lib/paths';
import { optionsOf } from '@/lib/vocabulary';
import {
  type Channel,
  type PropagationActivity,
  type PropagationFilters,
  type PropagationSummary,
  useExportPropagation,
  usePropagationList,
} from '../api/propagation';
import { ActivityDrawer } from '../components/ActivityDrawer';
import { ActivityFormModal } from '../components/ActivityFormModal';
import { CHANNEL_LABELS, reachText } from '../components/channels';

const FILTERS = ['q', 'channel', 'unitId', 'from', 'to'] as const;

export default function PropagationPage() {
  usePageTitle('Tuyên truyền');
  const user = useCurrentUser();
  const notifyError = useErrorNotice();
  const canRecord = (ROUTE_ROLES.propagationWrite as readonly string[]).includes(user.role);
  const seesAllUnits = !(user.role === 'unit_head' || user.role === 'unit_staff');
  const list = useListParams(FILTERS);
  const { q, channel, unitId, from, to } = list.filters;
  const filters: PropagationFilters = {
    q,
    channel: channel as Channel | undefined,
    unitId: unitId ? Number(unitId) : undefined,
    from,
    to,
  };
  const activities = usePropagationList({ ...filters, page: list.page, pageSize: list.pageSize });
  const units = useQuery({ ...unitTreeQuery(true), enabled: seesAllUnits });
  const exportList = useExportPropagation();
  const [viewing, setViewing] = useState<number | null>(null);
  // `null`: closed; `{}`: recording; `{ activity }`: editing.
  const [editing, setEditing] = useState<{ activity?: PropagationActivity } | null>(null);
  const activeCount = [channel, unitId, from, to].filter(Boolean).length;

  const columns: ColumnsType<PropagationSummary> = [
    {
      title: 'Ngày',
      key: 'heldOn',
      width: 110,
      render: (_, activity) => formatApiDate(activity.heldOn),
    },
    {
      title: 'Hoạt động',
      key: 'title',
      render: (_, activity) => (
        <div style={{ minWidth: 240, maxWidth: 520, whiteSpace: 'normal' }}>
          <Button
            type="link"
            style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
            onClick={() => setViewing(activity.id)}
            data-testid={`propagation-open-${activity.id}`}
          >
            {activity.title}
          </Button>
          <div>
            <Tag>{CHANNEL_LABELS[activity.channel]}</Tag>
            {activity.url && (
              <a href={activity.url} target="_blank" rel="noreferrer noopener">
                Xem bài
              </a>
            )}
          </div>
        </div>
      ),
    },
    { title: 'Đơn vị', key: 'unit', render: (_, activity) => activity.unit.shortName, responsive: ['md'] },
    { title: 'Lan tỏa', key: 'reach', render: (_, activity) => reachText(activity), responsive: ['lg'] },
    {
      title: 'Điển hình',
      key: 'exemplars',
      render: (_, activity) => activity.featuredExemplars.map((exemplar) => exemplar.name).join('; ') || '—',
      responsive: ['lg'],
    },
    {
      title: 'Tệp',
      key: 'files',
      width: 60,
      render: (_, activity) => activity.attachmentCount,
      responsive: ['md'],
    },
  ];

  const range = [fromApiDate(from), fromApiDate(to)] as const;
  return (
    <>
      <PageHeading
        title="Tuyên truyền"
        subtitle="Sổ theo dõi hoạt động tuyên truyền gương điển hình: kênh, bài viết, hội nghị và mức độ lan tỏa"
        extra={
          <Space wrap>
            <Button
              icon={<FileExcelOutlined />}
              loading={exportList.isPending}
              onClick={() => exportList.mutate(filters, { onError: notifyError })}
              data-testid="propagation-export"
            >
              Xuất Excel
            </Button>
            {canRecord && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setEditing({})}
                data-testid="propagation-create"
              >
                Ghi nhận hoạt động
              </Button>
            )}
          </Space>
        }
      />
      <Card>
        <FilterBar
          activeCount={activeCount}
          search={
            <SearchInput
              value={q}
              onSearch={(value) => list.setFilters({ q: value })}
              placeholder="Tìm theo tiêu đề, ghi chú, kênh, đơn vị"
              testId="propagation-search"
            />
          }
        >
          <Select
            allowClear
            placeholder="Kênh"
            value={channel}
            onChange={(value) => list.setFilters({ channel: value })}
            options={optionsOf(CHANNEL_LABELS)}
            style={{ minWidth: 220 }}
            popupMatchSelectWidth={false}
            data-testid="propagation-filter-channel"
          />
          {seesAllUnits && (
            <UnitSelect
              allowClear
              tree={units.data}
              placeholder="Đơn vị"
              value={unitId ? Number(unitId) : undefined}
              onChange={(value) =>
                list.setFilters({ unitId: value === undefined ? undefined : String(value) })
              }
              style={{ minWidth: 220 }}
              data-testid="propagation-filter-unit"
            />
          )}
          <DatePicker.RangePicker
            format={DATE_FORMAT}
            placeholder={['Từ ngày', 'Đến ngày']}
            value={range[0] || range[1] ? [range[0], range[1]] : null}
            allowEmpty={[true, true]}
            onChange={(days) => list.setFilters({ from: toApiDate(days?.[0]), to: toApiDate(days?.[1]) })}
            data-testid="propagation-filter-dates"
          />
        </FilterBar>
        <ProblemAlert error={activities.error} />
        <Table<PropagationSummary>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={activities.data?.items}
          loading={activities.isFetching}
          scroll={{ x: true }}
          onRow={(activity) =>
            ({ 'data-testid': `propagation-row-${activity.id}` }) as HTMLAttributes<HTMLElement>
          }
          pagination={{ ...tablePagination(activities.data, 'hoạt động'), onChange: list.setPage }}
          locale={{ emptyText: 'Chưa có hoạt động tuyên truyền nào phù hợp.' }}
          data-testid="propagation-table"
        />
      </Card>
      {viewing !== null && (
        <ActivityDrawer
          id={viewing}
          onClose={() => setViewing(null)}
          onEdit={(activity) => setEditing({ activity })}
        />
      )}
      {editing && <ActivityFormModal activity={editing.activity} onClose={() => setEditing(null)} />}
    </>
  );
}
