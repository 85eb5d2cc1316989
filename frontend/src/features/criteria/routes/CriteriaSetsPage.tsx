import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { HelpEmpty } from '@/components/HelpEmpty';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import type { CriteriaSet, SetStatus, SubjectKind } from '@/lib/api/models';
import { useCurrentUser } from '@/lib/auth/use-session';
import { formatDateTime } from '@/lib/dates';
import { useListParams } from '@/lib/list-params';
import { ROUTE_ROLES } from '@/lib/navigation';
import { optionsOf, SET_STATUS_COLORS, SET_STATUS_LABELS, SUBJECT_KIND_LABELS } from '@/lib/vocabulary';
import { useCriteriaSets } from '../api/criteria';
import { CriteriaSetDrawer } from '../components/CriteriaSetDrawer';
import { CriteriaSetFormModal } from '../components/CriteriaSetFormModal';

const FILTERS = ['subjectKind', 'status'] as const;

export default function CriteriaSetsPage() {
  const user = useCurrentUser();
  const canManage = (ROUTE_ROLES.programme as readonly string[]).includes(user.role);
  const list = useListParams(FILTERS);
  const { subjectKind, status } = list.filters;
  const sets = useCriteriaSets({
    subjectKind: subjectKind as SubjectKind | undefined,
    status: status as SetStatus | undefined,
  });
  const [openId, setOpenId] = useState<number | null>(null);
  const open = sets.data?.find((set) => set.id === openId) ?? null;
  // `null`: closed; `{}`: creating; `{ set }`: editing a draft.
  const [editing, setEditing] = useState<{ set?: CriteriaSet } | null>(null);

  const columns: ColumnsType<CriteriaSet> = [
    {
      title: 'Mã',
      dataIndex: 'code',
      key: 'code',
      render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
      onCell: (set, index) => {
        // One cell for all versions of a code (the server lists them together, newest first).
        const rows = sets.data ?? [];
        const first = index === undefined || index === 0 || rows[index - 1]?.code !== set.code;
        const span = first ? rows.slice(index ?? 0).findIndex((other) => other.code !== set.code) : 0;
        return { rowSpan: first ? (span === -1 ? rows.length - (index ?? 0) : span) : 0 };
      },
    },
    {
      title: 'Tên',
      key: 'name',
      render: (_, set) => (
        <Button
          type="link"
          style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
          onClick={() => setOpenId(set.id)}
          data-testid={`criteria-open-${set.code}-${set.versionNo}`}
        >
          {set.name}
        </Button>
      ),
    },
    { title: 'Phiên bản', dataIndex: 'versionNo', key: 'versionNo', align: 'center', width: 90 },
    {
      title: 'Trạng thái',
      dataIndex: 'status',
      key: 'status',
      render: (value: SetStatus) => <Tag color={SET_STATUS_COLORS[value]}>{SET_STATUS_LABELS[value]}</Tag>,
    },
    {
      title: 'Áp dụng cho',
      dataIndex: 'subjectKind',
      key: 'subjectKind',
      render: (value: SubjectKind) => SUBJECT_KIND_LABELS[value],
      responsive: ['md'],
    },
    {
      title: 'Số tiêu chí',
      key: 'criteria',
      align: 'center',
      render: (_, set) => set.criteria.length,
      responsive: ['md'],
    },
    {
      title: 'Ngưỡng Đạt',
      dataIndex: 'passThreshold',
      key: 'passThreshold',
      align: 'center',
      render: (value: number) => `${value}%`,
      responsive: ['lg'],
    },
    {
      title: 'Áp dụng từ',
      dataIndex: 'publishedAt',
      key: 'publishedAt',
      render: (value?: string | null) => formatDateTime(value) || '—',
      responsive: ['lg'],
    },
  ];

  return (
    <>
      <PageHeading
        title="Tiêu chí đánh giá"
        subtitle="Bộ tiêu chí đánh giá điển hình tiên tiến theo phiên bản; phiếu đánh giá giữ phiên bản đã dùng"
        extra={
          canManage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing({})}
              data-testid="criteria-create"
            >
              Thêm bộ tiêu chí
            </Button>
          )
        }
      />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Select
            allowClear
            placeholder="Áp dụng cho"
            value={subjectKind}
            onChange={(value) => list.setFilters({ subjectKind: value })}
            options={optionsOf(SUBJECT_KIND_LABELS)}
            style={{ minWidth: 150 }}
            data-testid="criteria-filter-subject"
          />
          <Select
            allowClear
            placeholder="Trạng thái"
            value={status}
            onChange={(value) => list.setFilters({ status: value })}
            options={optionsOf(SET_STATUS_LABELS)}
            style={{ minWidth: 160 }}
            data-testid="criteria-filter-status"
          />
        </Flex>
        <ProblemAlert error={sets.error} />
        <Table<CriteriaSet>
          rowKey="id"
          size="middle"
          bordered
          columns={columns}
          dataSource={sets.data}
          loading={sets.isFetching}
          pagination={false}
          scroll={{ x: 'max-content' }}
          onRow={(set) =>
            ({ 'data-testid': `criteria-row-${set.code}-${set.versionNo}` }) as HTMLAttributes<HTMLElement>
          }
          locale={{ emptyText: <HelpEmpty description="Chưa có bộ tiêu chí nào" topic="criteria" /> }}
          data-testid="criteria-sets-table"
        />
      </Card>
      {open && (
        <CriteriaSetDrawer
          set={open}
          canManage={canManage}
          onEdit={(set) => setEditing({ set })}
          onClose={() => setOpenId(null)}
        />
      )}
      {editing && (
        <CriteriaSetFormModal
          set={editing.set}
          onClose={() => setEditing(null)}
          onSaved={(saved) => setOpenId(saved.id)}
        />
      )}
    </>
  );
}
