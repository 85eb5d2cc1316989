import { BookOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Input, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { HelpEmpty } from '@/components/HelpEmpty';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import { UnitSelect } from '@/components/UnitSelect';
import { unitTreeQuery } from '@/lib/api/queries/units';
import { useCurrentUser } from '@/lib/auth/use-session';
import { formatApiDate, formatDateTime } from '@/lib/dates';
import { tablePagination, useListParams } from '@/lib/list-params';
import { PATHS, reportPagePath, ROUTE_ROLES } from '@/lib/paths';
import { isUnitRole } from '@/lib/roles';
import { useReports } from '../api/reports';
import type { ReportFilters, ReportKind, ReportStatus, ReportSummary } from '../api/types';
import { CreateReportModal } from '../components/CreateReportModal';
import { ReportStatusTag } from '../components/ReportStatusTag';
import { optionsOf, ownerText, periodText, REPORT_KIND, REPORT_STATUS } from '../labels';

const FILTERS = ['kind', 'period', 'unitId', 'status'] as const;

/** "Báo cáo": the reports written in Lan Tỏa, newest change first, and starting a new one. */
export default function ReportListPage() {
  const user = useCurrentUser();
  const unitScoped = isUnitRole(user.role);
  const mayWrite = (ROUTE_ROLES.reportWrite as readonly string[]).includes(user.role);
  const list = useListParams(FILTERS);
  const { kind, period, unitId, status } = list.filters;
  const filters: ReportFilters = useMemo(
    () => ({
      kind: kind as ReportKind | undefined,
      period,
      unitId: unitId ? Number(unitId) : undefined,
      status: status as ReportStatus | undefined,
    }),
    [kind, period, unitId, status],
  );
  const reports = useReports(filters, list.page, list.pageSize);
  const tree = useQuery({ ...unitTreeQuery(false), enabled: !unitScoped, staleTime: 5 * 60_000 });
  const [creating, setCreating] = useState(false);
  const [periodDraft, setPeriodDraft] = useState(period ?? '');

  const columns: ColumnsType<ReportSummary> = [
    {
      title: 'Báo cáo',
      key: 'title',
      render: (_, report) => (
        <div style={{ minWidth: 260, maxWidth: 460, whiteSpace: 'normal' }}>
          <Link
            to={reportPagePath(report.id)}
            style={{ fontWeight: 500 }}
            data-testid={`report-link-${report.id}`}
          >
            {report.title}
          </Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {REPORT_KIND[report.kind]}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    { title: 'Kỳ', key: 'period', render: (_, report) => periodText(report) },
    { title: 'Báo cáo của', key: 'owner', render: (_, report) => ownerText(report), responsive: ['md'] },
    {
      title: 'Trạng thái',
      key: 'status',
      render: (_, report) => (
        <ReportStatusTag status={report.status} owner={report.owner} testId={`report-status-${report.id}`} />
      ),
    },
    {
      title: 'Hạn gửi',
      key: 'dueOn',
      render: (_, report) =>
        report.dueOn ? (
          <span style={{ whiteSpace: 'nowrap' }}>{formatApiDate(report.dueOn)}</span>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
      responsive: ['md'],
    },
    {
      title: 'Gửi lúc',
      key: 'submittedAt',
      render: (_, report) =>
        report.submittedAt ? (
          <span style={{ whiteSpace: 'nowrap' }}>
            {formatDateTime(report.submittedAt)}{' '}
            {report.onTime === true && <Typography.Text type="success">(đúng hạn)</Typography.Text>}
            {report.onTime === false && (
              <Typography.Text type="danger" data-testid={`report-late-${report.id}`}>
                (trễ hạn)
              </Typography.Text>
            )}
          </span>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      title: 'Cập nhật',
      key: 'updatedAt',
      render: (_, report) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(report.updatedAt)}</span>,
      responsive: ['lg'],
    },
  ];

  return (
    <>
      <PageHeading
        title="Báo cáo"
        subtitle={
          unitScoped
            ? `Báo cáo định kỳ, sơ kết, tổng kết của ${user.unit?.name ?? 'đơn vị'}: nội dung, số liệu và việc gửi`
            : 'Báo cáo của các đơn vị, báo cáo tổng hợp của Văn phòng Sở và báo cáo theo yêu cầu'
        }
        extra={
          <>
            <Link to={PATHS.compendium} data-testid="reports-compendium">
              <Button icon={<BookOutlined />}>Tài liệu gương điển hình tiên tiến</Button>
            </Link>
            {mayWrite && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setCreating(true)}
                data-testid="report-create"
              >
                Lập báo cáo
              </Button>
            )}
          </>
        }
      />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Select
            allowClear
            placeholder="Loại báo cáo"
            value={filters.kind}
            onChange={(value) => list.setFilters({ kind: value })}
            options={optionsOf(REPORT_KIND)}
            style={{ minWidth: 230 }}
            data-testid="reports-filter-kind"
          />
          <Select
            allowClear
            placeholder="Tình trạng"
            value={filters.status}
            onChange={(value) => list.setFilters({ status: value })}
            options={optionsOf(REPORT_STATUS)}
            style={{ minWidth: 180 }}
            data-testid="reports-filter-status"
          />
          <Input.Search
            allowClear
            placeholder="Kỳ: 2026, 2026-2028"
            value={periodDraft}
            onChange={(event) => setPeriodDraft(event.target.value)}
            onSearch={(value) => list.setFilters({ period: value.trim() || undefined })}
            style={{ width: 220 }}
            data-testid="reports-filter-period"
          />
          {!unitScoped && (
            <UnitSelect
              allowClear
              placeholder="Đơn vị"
              tree={tree.data}
              value={filters.unitId}
              onChange={(value) => list.setFilters({ unitId: value ? String(value) : undefined })}
              style={{ minWidth: 260 }}
              data-testid="reports-filter-unit"
            />
          )}
        </Flex>
        <ProblemAlert error={reports.error} />
        <Table<ReportSummary>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={reports.data?.items}
          loading={reports.isFetching}
          scroll={{ x: true }}
          onRow={(report) => ({ 'data-testid': `report-row-${report.id}` }) as HTMLAttributes<HTMLElement>}
          pagination={{ ...tablePagination(reports.data, 'báo cáo'), onChange: list.setPage }}
          locale={{
            emptyText: (
              <HelpEmpty
                description={
                  mayWrite
                    ? 'Chưa có báo cáo nào phù hợp. Bấm “Lập báo cáo” để bắt đầu.'
                    : 'Chưa có báo cáo nào phù hợp'
                }
              />
            ),
          }}
          data-testid="reports-table"
        />
      </Card>
      {creating && <CreateReportModal onClose={() => setCreating(false)} />}
    </>
  );
}
