import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, DatePicker, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useNavigate } from 'react-router';
import { FilterBar } from '@/components/FilterBar';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import { SearchInput } from '@/components/SearchInput';
import { UnitSelect } from '@/components/UnitSelect';
import { unitTreeQuery } from '@/lib/api/queries/units';
import { useCurrentUser } from '@/lib/auth/use-session';
import { dayjs, formatDateTime } from '@/lib/dates';
import { columnSortOrder, sortParam, tablePagination, useListParams } from '@/lib/list-params';
import { commendationPath, PATHS, ROUTE_ROLES } from '@/lib/navigation';
import { isUnitRole } from '@/lib/roles';
import { searchOptions } from '@/lib/text';
import { optionsOf } from '@/lib/vocabulary';
import { useAwardForms, useProposals } from '../api/commendations';
import type { CommendationType, ProposalState, ProposalSummary } from '../api/models';
import { AwaitingQueues } from '../components/AwaitingQueues';
import { ProposalStateTag } from '../components/ProposalStateTag';
import {
  AUTHORITY_LABELS,
  COMMENDATION_TYPE_LABELS,
  PROPOSAL_STATE_LABELS,
  PROPOSAL_STATES,
} from '../vocabulary';

const FILTERS = ['q', 'state', 'year', 'awardFormCode', 'commendationType', 'unitId'] as const;
const number = (value: string | undefined) => (value ? Number(value) : undefined);

export default function ProposalListPage() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const list = useListParams(FILTERS);
  const f = list.filters;
  const proposals = useProposals({
    q: f.q,
    state: f.state as ProposalState | undefined,
    year: number(f.year),
    awardFormCode: f.awardFormCode,
    commendationType: f.commendationType as CommendationType | undefined,
    unitId: number(f.unitId),
    sort: list.sort,
    page: list.page,
    pageSize: list.pageSize,
  });
  const seesAllUnits = !isUnitRole(user.role);
  const units = useQuery({ ...unitTreeQuery(true), enabled: seesAllUnits });
  const forms = useAwardForms();
  const canDraft = (ROUTE_ROLES.commendationWrite as readonly string[]).includes(user.role);
  const formOptions = [...new Map((forms.data ?? []).map((form) => [form.code, form.name])).entries()].map(
    ([code, name]) => ({ value: code, label: name, search: `${code} ${name}` }),
  );

  const columns: ColumnsType<ProposalSummary> = [
    {
      title: 'Trích yếu',
      dataIndex: 'title',
      key: 'title',
      sorter: true,
      sortOrder: columnSortOrder(list.sort, 'title'),
      render: (_, proposal) => (
        <div>
          <Link to={commendationPath(proposal.id)} data-testid={`proposal-link-${proposal.id}`}>
            {proposal.title}
          </Link>
          <div>
            <Typography.Text type="secondary">
              {[
                proposal.awardForm.name,
                COMMENDATION_TYPE_LABELS[proposal.commendationType],
                proposal.occasion?.name,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    ...(seesAllUnits
      ? [
          {
            title: 'Đơn vị',
            key: 'unit',
            render: (_: unknown, proposal: ProposalSummary) => (
              <span title={proposal.unit.name}>{proposal.unit.shortName}</span>
            ),
            responsive: ['md' as const],
          },
        ]
      : []),
    {
      title: 'Năm',
      dataIndex: 'year',
      key: 'year',
      sorter: true,
      sortOrder: columnSortOrder(list.sort, 'year'),
      width: 80,
    },
    { title: 'Số người', dataIndex: 'nomineeCount', key: 'nomineeCount', width: 90, responsive: ['md'] },
    {
      title: 'Cấp quyết định',
      key: 'authority',
      render: (_, proposal) => AUTHORITY_LABELS[proposal.awardForm.authority],
      responsive: ['lg'],
    },
    {
      title: 'Trạng thái',
      dataIndex: 'state',
      key: 'state',
      sorter: true,
      sortOrder: columnSortOrder(list.sort, 'state'),
      render: (_, proposal) => <ProposalStateTag state={proposal.state} />,
    },
    {
      title: 'Cập nhật',
      dataIndex: 'updatedAt',
      key: 'updatedAt',
      sorter: true,
      sortOrder: columnSortOrder(list.sort, 'updatedAt'),
      render: (value: string) => formatDateTime(value),
      responsive: ['md'],
    },
  ];

  return (
    <>
      <PageHeading
        title="Khen thưởng"
        subtitle="Hồ sơ đề nghị khen thưởng: đề nghị, thẩm định, công khai, xét và quyết định"
        extra={
          canDraft && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => navigate(PATHS.newCommendation)}
              data-testid="proposal-create"
            >
              Lập hồ sơ đề nghị
            </Button>
          )
        }
      />
      <AwaitingQueues role={user.role} state={f.state} onPick={(state) => list.setFilters({ state })} />
      <Card>
        <FilterBar
          activeCount={FILTERS.filter((key) => key !== 'q' && f[key]).length}
          search={
            <SearchInput
              value={f.q}
              onSearch={(value) => list.setFilters({ q: value })}
              placeholder="Tìm theo trích yếu, tên người được đề nghị"
              testId="proposal-search"
            />
          }
        >
          <Select
            allowClear
            placeholder="Trạng thái"
            value={f.state}
            onChange={(value) => list.setFilters({ state: value })}
            options={optionsOf(PROPOSAL_STATE_LABELS, PROPOSAL_STATES)}
            style={{ minWidth: 200 }}
            data-testid="proposal-filter-state"
          />
          <DatePicker
            picker="year"
            placeholder="Năm"
            value={f.year ? dayjs(`${f.year}-01-01`) : null}
            onChange={(day) => list.setFilters({ year: day ? String(day.year()) : undefined })}
            style={{ width: 120 }}
            data-testid="proposal-filter-year"
          />
          <Select
            allowClear
            showSearch={searchOptions}
            placeholder="Hình thức"
            value={f.awardFormCode}
            onChange={(value) => list.setFilters({ awardFormCode: value })}
            options={formOptions}
            popupMatchSelectWidth={false}
            style={{ minWidth: 200 }}
            data-testid="proposal-filter-form"
          />
          <Select
            allowClear
            placeholder="Loại khen thưởng"
            value={f.commendationType}
            onChange={(value) => list.setFilters({ commendationType: value })}
            options={optionsOf(COMMENDATION_TYPE_LABELS)}
            style={{ minWidth: 160 }}
            data-testid="proposal-filter-type"
          />
          {seesAllUnits && (
            <UnitSelect
              tree={units.data}
              allowClear
              placeholder="Đơn vị"
              value={number(f.unitId)}
              onChange={(value) =>
                list.setFilters({ unitId: value === undefined ? undefined : String(value) })
              }
              style={{ minWidth: 200 }}
              data-testid="proposal-filter-unit"
            />
          )}
        </FilterBar>
        <ProblemAlert error={proposals.error} />
        <Table<ProposalSummary>
          rowKey="id"
          columns={columns}
          dataSource={proposals.data?.items}
          loading={proposals.isFetching}
          pagination={tablePagination(proposals.data, 'hồ sơ')}
          onChange={(pagination, _filters, sorter, extra) => {
            if (extra.action === 'sort') list.setSort(sortParam(sorter));
            else list.setPage(pagination.current ?? 1, pagination.pageSize ?? 20);
          }}
          onRow={(proposal) =>
            ({ 'data-testid': `proposal-row-${proposal.id}` }) as React.HTMLAttributes<HTMLElement>
          }
          scroll={{ x: 'max-content' }}
          data-testid="proposal-table"
        />
      </Card>
    </>
  );
}
