import { DownloadOutlined, FileTextOutlined, SendOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { HelpEmpty } from '@/components/HelpEmpty';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import { UnitSelect } from '@/components/UnitSelect';
import { useErrorNotice } from '@/components/use-error-notice';
import { unitTreeQuery } from '@/lib/api/queries/units';
import { useCurrentUser } from '@/lib/auth/use-session';
import { formatApiDate, formatDateTime } from '@/lib/dates';
import { reportLookupPath } from '@/lib/paths';
import { tablePagination, useListParams } from '@/lib/list-params';
import { isUnitRole } from '@/lib/roles';
import { useExportObligations, useObligations } from '../api/obligations';
import type {
  Obligation,
  ObligationFilters,
  ObligationKind,
  ObligationStatus,
  Responsible,
} from '../api/types';
import { ObligationStatusTag } from '../components/ObligationStatusTag';
import { SubmitReportModal } from '../components/SubmitReportModal';
import {
  daysLeftText,
  mayOfferSubmit,
  OBLIGATION_KIND,
  OBLIGATION_STATUS,
  optionsOf,
  periodText,
  reportPath,
  SUBMISSION_STATUS,
} from '../labels';
import { parseObligationKey } from '../obligation-key';

const FILTERS = ['kind', 'period', 'status', 'unitId', 'responsible', 'key'] as const;

const RESPONSIBLE_OPTIONS = [
  { value: 'unit', label: 'Của các đơn vị' },
  { value: 'office', label: 'Của Văn phòng Sở' },
];

function FulfilmentLinks({ obligation }: { obligation: Obligation }) {
  if (obligation.fulfilment.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space direction="vertical" size={2}>
      {obligation.fulfilment.map((item) =>
        item.kind === 'report_submission' ? (
          <Link
            key={`r${item.id}`}
            to={reportPath(item.id)}
            data-testid={`obligation-report-link-${obligation.key}`}
          >
            Báo cáo{' '}
            <Tag color={SUBMISSION_STATUS[item.status as keyof typeof SUBMISSION_STATUS]?.color}>
              {SUBMISSION_STATUS[item.status as keyof typeof SUBMISSION_STATUS]?.label ?? item.status}
            </Tag>
          </Link>
        ) : (
          <Link key={`i${item.id}`} to={obligation.link}>
            Bài giới thiệu {item.submittedAt ? `(${formatDateTime(item.submittedAt)})` : ''}
          </Link>
        ),
      )}
    </Space>
  );
}

/** "Lịch báo cáo": what each unit and the Office owe, when, and where it stands. */
export default function ObligationsPage() {
  const user = useCurrentUser();
  const notifyError = useErrorNotice();
  const unitScoped = isUnitRole(user.role);
  const list = useListParams(FILTERS);
  const { kind, period, status, unitId, responsible, key } = list.filters;
  // A reminder links to one obligation by its key: the list narrows to it and marks it.
  const fromKey = key ? parseObligationKey(key) : null;
  const filters: ObligationFilters = useMemo(
    () => ({
      kind: (fromKey?.kind ?? kind) as ObligationKind | undefined,
      period: fromKey?.period ?? period,
      status: status as ObligationStatus | undefined,
      unitId: fromKey?.unitId ?? (unitId ? Number(unitId) : undefined),
      responsible: (fromKey?.responsible ?? responsible) as Responsible | undefined,
    }),
    [
      fromKey?.kind,
      fromKey?.period,
      fromKey?.unitId,
      fromKey?.responsible,
      kind,
      period,
      status,
      unitId,
      responsible,
    ],
  );
  const obligations = useObligations(filters, list.page, list.pageSize);
  const tree = useQuery({ ...unitTreeQuery(false), enabled: !unitScoped, staleTime: 5 * 60_000 });
  const exporter = useExportObligations();
  const [submitting, setSubmitting] = useState<Obligation | null>(null);
  const [periodDraft, setPeriodDraft] = useState(period ?? '');

  const download = (format: 'csv' | 'xlsx') => exporter.mutate({ format, filters }, { onError: notifyError });

  const columns: ColumnsType<Obligation> = [
    {
      title: 'Nghĩa vụ',
      key: 'title',
      render: (_, obligation) => (
        <div style={{ minWidth: 240, maxWidth: 420, whiteSpace: 'normal' }}>
          <div style={{ fontWeight: 500 }}>{obligation.title}</div>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {obligation.unit ? obligation.unit.name : 'Văn phòng Sở'} → {obligation.owedTo}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: 'Kỳ',
      key: 'period',
      render: (_, obligation) => periodText(obligation.kind, obligation.period),
      responsive: ['md'],
    },
    {
      title: 'Hạn',
      key: 'dueOn',
      render: (_, obligation) => (
        <div style={{ whiteSpace: 'nowrap' }} data-testid={`obligation-due-${obligation.key}`}>
          <div>{formatApiDate(obligation.dueOn)}</div>
          {obligation.statedRule === 'before' && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              trước {formatApiDate(obligation.statedDue)}
            </Typography.Text>
          )}
          {obligation.statedRule !== 'before' && obligation.statedDue !== obligation.dueOn && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              (theo Kế hoạch: {formatApiDate(obligation.statedDue)})
            </Typography.Text>
          )}
        </div>
      ),
    },
    {
      title: 'Trạng thái',
      key: 'status',
      render: (_, obligation) => (
        <Space direction="vertical" size={2}>
          <ObligationStatusTag status={obligation.status} testId={`obligation-status-${obligation.key}`} />
          {daysLeftText(obligation) && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {daysLeftText(obligation)}
            </Typography.Text>
          )}
          {obligation.fulfilledAt && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              Thực hiện: {formatDateTime(obligation.fulfilledAt)}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: 'Thực hiện',
      key: 'fulfilment',
      render: (_, obligation) => <FulfilmentLinks obligation={obligation} />,
    },
    {
      title: 'Thao tác',
      key: 'actions',
      render: (_, obligation) => (
        <Space direction="vertical" size={4}>
          {mayOfferSubmit(obligation, user.role, user.unit?.id) ? (
            <Button
              size="small"
              type="primary"
              icon={<SendOutlined />}
              onClick={() => setSubmitting(obligation)}
              data-testid={`obligation-submit-${obligation.key}`}
            >
              Gửi báo cáo
            </Button>
          ) : obligation.kind === 'monthly_introduction' && obligation.fulfilment.length === 0 ? (
            <Link to={obligation.link}>Giới thiệu điển hình</Link>
          ) : null}
          {obligation.kind !== 'monthly_introduction' && (
            // The report written in Lan Tỏa (opened, or started if there is none yet).
            <Link
              to={reportLookupPath({
                kind: obligation.kind,
                period: obligation.period,
                unitId: obligation.unit?.id,
              })}
              data-testid={`obligation-report-open-${obligation.key}`}
            >
              <FileTextOutlined /> Nội dung báo cáo
            </Link>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeading
        title="Lịch báo cáo"
        subtitle={
          unitScoped
            ? `Những việc ${user.unit?.name ?? 'đơn vị'} phải thực hiện theo Kế hoạch, hạn và tình trạng`
            : 'Nghĩa vụ giới thiệu, báo cáo của các đơn vị và của Văn phòng Sở theo Kế hoạch'
        }
        extra={
          <Space>
            <Button
              icon={<DownloadOutlined />}
              onClick={() => download('xlsx')}
              loading={exporter.isPending && exporter.variables?.format === 'xlsx'}
              data-testid="obligations-export-xlsx"
            >
              Tải Excel
            </Button>
            <Button
              icon={<DownloadOutlined />}
              onClick={() => download('csv')}
              loading={exporter.isPending && exporter.variables?.format === 'csv'}
              data-testid="obligations-export-csv"
            >
              Tải CSV
            </Button>
          </Space>
        }
      />
      <Card>
        {fromKey && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            message="Đang xem nghĩa vụ được nhắc trong thông báo."
            action={
              <Button
                size="small"
                onClick={() => list.setFilters({ key: undefined })}
                data-testid="obligations-show-all"
              >
                Xem tất cả
              </Button>
            }
          />
        )}
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Select
            allowClear
            placeholder="Loại nghĩa vụ"
            value={filters.kind}
            onChange={(value) => list.setFilters({ kind: value, key: undefined })}
            options={optionsOf(OBLIGATION_KIND)}
            style={{ minWidth: 230 }}
            data-testid="obligations-filter-kind"
          />
          <Input.Search
            allowClear
            placeholder="Kỳ: 2026, 2026-11, 2026-2028"
            value={periodDraft}
            onChange={(event) => setPeriodDraft(event.target.value)}
            onSearch={(value) => list.setFilters({ period: value.trim() || undefined, key: undefined })}
            style={{ width: 230 }}
            data-testid="obligations-filter-period"
          />
          <Select
            allowClear
            placeholder="Trạng thái"
            value={filters.status}
            onChange={(value) => list.setFilters({ status: value })}
            options={optionsOf(OBLIGATION_STATUS)}
            style={{ minWidth: 210 }}
            data-testid="obligations-filter-status"
          />
          {!unitScoped && (
            <>
              <Select
                allowClear
                placeholder="Bên thực hiện"
                value={filters.responsible}
                onChange={(value) => list.setFilters({ responsible: value, key: undefined })}
                options={RESPONSIBLE_OPTIONS}
                style={{ minWidth: 180 }}
                data-testid="obligations-filter-responsible"
              />
              <UnitSelect
                allowClear
                placeholder="Đơn vị"
                tree={tree.data}
                value={filters.unitId}
                onChange={(value) =>
                  list.setFilters({ unitId: value ? String(value) : undefined, key: undefined })
                }
                style={{ minWidth: 260 }}
                data-testid="obligations-filter-unit"
              />
            </>
          )}
        </Flex>
        <ProblemAlert error={obligations.error} />
        <Table<Obligation>
          rowKey="key"
          size="middle"
          columns={columns}
          dataSource={obligations.data?.items}
          loading={obligations.isFetching}
          scroll={{ x: true }}
          rowClassName={(obligation) => (obligation.key === key ? 'ant-table-row-selected' : '')}
          onRow={(obligation) =>
            ({ 'data-testid': `obligation-row-${obligation.key}` }) as HTMLAttributes<HTMLElement>
          }
          pagination={{ ...tablePagination(obligations.data, 'nghĩa vụ'), onChange: list.setPage }}
          locale={{ emptyText: <HelpEmpty description="Không có nghĩa vụ nào phù hợp" /> }}
          data-testid="obligations-table"
        />
      </Card>
      {submitting && <SubmitReportModal obligation={submitting} onClose={() => setSubmitting(null)} />}
    </>
  );
}
