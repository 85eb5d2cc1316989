import { Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { Link } from 'react-router';
import { ExemplarAvatar } from '@/components/ExemplarAvatar';
import { CategoryTag, ConclusionTag, RecordStatusTag, StageTag } from '@/components/ExemplarTags';
import { HelpEmpty } from '@/components/HelpEmpty';
import type { ExemplarSummary, Page } from '@/lib/api/models';
import { formatApiDate, formatDateTime } from '@/lib/dates';
import { columnSortOrder, sortParam, tablePagination } from '@/lib/list-params';
import { exemplarPath } from '@/lib/navigation';
import { STAGE_LABELS, SUBJECT_KIND_LABELS } from '@/lib/vocabulary';

interface ExemplarTableProps {
  data: Page<ExemplarSummary> | undefined;
  loading: boolean;
  sort: string | undefined;
  showUnit: boolean;
  onPage: (page: number, pageSize: number) => void;
  onSort: (sort: string | undefined) => void;
}

/** Who the exemplar is, in a line: "Cá nhân · Trợ giúp viên pháp lý" or "Tập thể · 12 thành viên". */
function subjectLine(exemplar: ExemplarSummary): string {
  const detail =
    exemplar.subjectKind === 'collective'
      ? exemplar.memberCount
        ? `${exemplar.memberCount} thành viên`
        : undefined
      : (exemplar.position ?? undefined);
  return [SUBJECT_KIND_LABELS[exemplar.subjectKind], detail, exemplar.fieldOfWork]
    .filter(Boolean)
    .join(' · ');
}

export function ExemplarTable({ data, loading, sort, showUnit, onPage, onSort }: ExemplarTableProps) {
  const columns: ColumnsType<ExemplarSummary> = [
    {
      title: 'Tên điển hình',
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      sortOrder: columnSortOrder(sort, 'name'),
      render: (_, exemplar) => (
        <div style={{ display: 'flex', gap: 10, alignItems: 'center' }}>
          <ExemplarAvatar
            name={exemplar.name}
            photoUrl={exemplar.photoUrl}
            testId={`exemplar-avatar-${exemplar.id}`}
          />
          <div style={{ minWidth: 0 }}>
            <Link
              to={exemplarPath(exemplar.id)}
              style={{ fontWeight: 500 }}
              data-testid={`exemplar-link-${exemplar.id}`}
            >
              {exemplar.name}
            </Link>
            <div>
              <Typography.Text type="secondary">{subjectLine(exemplar)}</Typography.Text>
            </div>
          </div>
        </div>
      ),
    },
    ...(showUnit
      ? [
          {
            title: 'Đơn vị',
            key: 'unit',
            render: (_: unknown, exemplar: ExemplarSummary) => (
              <span title={exemplar.unit.name}>{exemplar.unit.shortName}</span>
            ),
            responsive: ['md' as const],
          },
        ]
      : []),
    {
      title: 'Phân loại',
      key: 'category',
      render: (_, exemplar) => <CategoryTag category={exemplar.category} />,
      responsive: ['lg'],
    },
    {
      title: 'Giai đoạn',
      dataIndex: 'stage',
      key: 'stage',
      sorter: true,
      sortOrder: columnSortOrder(sort, 'stage'),
      render: (_, exemplar) => (
        <Space size={4} wrap>
          <StageTag stage={exemplar.stage} />
          {exemplar.proposedStage && (
            <Tooltip title="Đơn vị đề xuất chuyển giai đoạn, chờ Văn phòng Sở duyệt">
              <Tag color="warning" data-testid={`exemplar-proposal-${exemplar.id}`}>
                Đề xuất: {STAGE_LABELS[exemplar.proposedStage]}
              </Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      title: 'Hồ sơ',
      key: 'recordStatus',
      render: (_, exemplar) => <RecordStatusTag status={exemplar.recordStatus} />,
    },
    {
      title: 'Kết luận',
      key: 'conclusion',
      render: (_, exemplar) => <ConclusionTag conclusion={exemplar.currentConclusion} />,
      responsive: ['md'],
    },
    {
      title: 'Ngày phát hiện',
      dataIndex: 'discoveredOn',
      key: 'discoveredOn',
      sorter: true,
      sortOrder: columnSortOrder(sort, 'discoveredOn'),
      render: (value: string) => formatApiDate(value),
      responsive: ['lg'],
    },
    {
      title: 'Cập nhật',
      dataIndex: 'updatedAt',
      key: 'updatedAt',
      sorter: true,
      // The server lists the most recently updated first unless asked otherwise.
      sortOrder: columnSortOrder(sort ?? '-updatedAt', 'updatedAt'),
      sortDirections: ['descend', 'ascend', 'descend'],
      render: (value: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(value)}</span>,
      responsive: ['xl'],
    },
  ];

  return (
    <Table<ExemplarSummary>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={data?.items}
      loading={loading}
      scroll={{ x: true }}
      onRow={(exemplar) => ({ 'data-testid': `exemplar-row-${exemplar.id}` }) as HTMLAttributes<HTMLElement>}
      pagination={tablePagination(data, 'điển hình')}
      onChange={(pagination, _filters, sorter, { action }) => {
        if (action === 'sort') onSort(sortParam(sorter));
        else if (action === 'paginate') onPage(pagination.current ?? 1, pagination.pageSize ?? 20);
      }}
      locale={{ emptyText: <HelpEmpty description="Không có điển hình nào phù hợp" topic="exemplars" /> }}
      data-testid="exemplar-table"
    />
  );
}
