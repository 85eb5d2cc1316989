import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Select, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { Link } from 'react-router';
import { HelpEmpty } from '@/components/HelpEmpty';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import { SearchInput } from '@/components/SearchInput';
import { UnitSelect } from '@/components/UnitSelect';
import { unitTreeQuery } from '@/lib/api/queries/units';
import { useCurrentUser } from '@/lib/auth/use-session';
import { formatDateTime } from '@/lib/dates';
import { tablePagination, useListParams } from '@/lib/list-params';
import { isUnitRole } from '@/lib/roles';
import { PATHS } from '@/lib/paths';
import { type DifficultyListItem, type DifficultyStatus, useDifficulties } from '../api/difficulties';
import { DifficultyFormModal } from '../components/DifficultyFormModal';
import { DifficultyStatusTag } from '../components/DifficultyStatusTag';
import { DIFFICULTY_STATUS } from '../labels';

const FILTERS = ['q', 'status', 'unitId'] as const;

/** Units raise difficulties (the server's first step is theirs: `raise` belongs to unit roles). */
const RAISERS = ['unit_head', 'unit_staff'];

export default function DifficultiesPage() {
  const user = useCurrentUser();
  const unitScoped = isUnitRole(user.role);
  const list = useListParams(FILTERS);
  const { q, status, unitId } = list.filters;
  const difficulties = useDifficulties(
    { q, status: status as DifficultyStatus | undefined, unitId: unitId ? Number(unitId) : undefined },
    list.page,
    list.pageSize,
  );
  const tree = useQuery({ ...unitTreeQuery(false), enabled: !unitScoped, staleTime: 5 * 60_000 });
  const [raising, setRaising] = useState(false);

  const columns: ColumnsType<DifficultyListItem> = [
    {
      title: 'Phản ánh',
      key: 'subject',
      render: (_, item) => (
        <div style={{ minWidth: 240, maxWidth: 480, whiteSpace: 'normal' }}>
          <Link to={`${PATHS.difficulties}/${item.id}`} data-testid={`difficulty-link-${item.id}`}>
            {item.subject}
          </Link>
        </div>
      ),
    },
    { title: 'Đơn vị', key: 'unit', render: (_, item) => item.unit.name, responsive: ['md'] },
    { title: 'Gửi lúc', key: 'raisedAt', render: (_, item) => formatDateTime(item.raisedAt) },
    {
      title: 'Trạng thái',
      key: 'status',
      render: (_, item) => (
        <DifficultyStatusTag status={item.status} testId={`difficulty-status-${item.id}`} />
      ),
    },
    {
      title: 'Cập nhật',
      key: 'updatedAt',
      render: (_, item) => formatDateTime(item.updatedAt),
      responsive: ['lg'],
    },
  ];

  return (
    <>
      <PageHeading
        title="Khó khăn, vướng mắc"
        subtitle="Đơn vị phản ánh, Văn phòng Sở trả lời hoặc báo cáo Lãnh đạo Sở chỉ đạo"
        extra={
          RAISERS.includes(user.role) && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setRaising(true)}
              data-testid="difficulty-create"
            >
              Phản ánh khó khăn
            </Button>
          )
        }
      />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <SearchInput
            value={q}
            onSearch={(value) => list.setFilters({ q: value })}
            placeholder="Tìm theo tiêu đề, nội dung"
            testId="difficulty-search"
          />
          <Select
            allowClear
            placeholder="Trạng thái"
            value={status}
            onChange={(value) => list.setFilters({ status: value })}
            options={Object.entries(DIFFICULTY_STATUS).map(([value, { label }]) => ({ value, label }))}
            style={{ minWidth: 230 }}
            data-testid="difficulty-filter-status"
          />
          {!unitScoped && (
            <UnitSelect
              allowClear
              placeholder="Đơn vị"
              tree={tree.data}
              value={unitId ? Number(unitId) : undefined}
              onChange={(value) => list.setFilters({ unitId: value ? String(value) : undefined })}
              style={{ minWidth: 260 }}
              data-testid="difficulty-filter-unit"
            />
          )}
        </Flex>
        <ProblemAlert error={difficulties.error} />
        <Table<DifficultyListItem>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={difficulties.data?.items}
          loading={difficulties.isFetching}
          scroll={{ x: true }}
          onRow={(item) => ({ 'data-testid': `difficulty-row-${item.id}` }) as HTMLAttributes<HTMLElement>}
          pagination={{ ...tablePagination(difficulties.data, 'phản ánh'), onChange: list.setPage }}
          locale={{ emptyText: <HelpEmpty description="Chưa có phản ánh nào" /> }}
          data-testid="difficulty-table"
        />
      </Card>
      {raising && <DifficultyFormModal onClose={() => setRaising(false)} />}
    </>
  );
}
