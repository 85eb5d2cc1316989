import { Button, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { ActiveTag } from '@/components/ActiveTag';
import { HelpEmpty } from '@/components/HelpEmpty';
import type { Page, Unit } from '@/lib/api/models';
import { columnSortOrder, sortParam, tablePagination } from '@/lib/list-params';
import { UnitActions } from './UnitActions';
import { UnitKindTag } from './UnitKindTag';

interface UnitTableProps {
  data: Page<Unit> | undefined;
  loading: boolean;
  sort: string | undefined;
  parentName: (id: number | null | undefined) => string | undefined;
  canManage: boolean;
  onOpen: (unit: Unit) => void;
  onEdit: (unit: Unit) => void;
  onPage: (page: number, pageSize: number) => void;
  onSort: (sort: string | undefined) => void;
}

export function UnitTable(props: UnitTableProps) {
  const { data, loading, sort, parentName, canManage, onOpen, onEdit, onPage, onSort } = props;
  const columns: ColumnsType<Unit> = [
    {
      title: 'Mã',
      dataIndex: 'code',
      key: 'code',
      sorter: true,
      sortOrder: columnSortOrder(sort, 'code'),
      render: (code: string) => (
        <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
          {code}
        </Typography.Text>
      ),
    },
    {
      title: 'Tên đơn vị',
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      sortOrder: columnSortOrder(sort, 'name'),
      render: (_, unit) => (
        <>
          <Button
            type="link"
            style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
            onClick={() => onOpen(unit)}
          >
            {unit.name}
          </Button>
          <div>
            <UnitKindTag kind={unit.kind} />
            <Typography.Text type="secondary">{unit.shortName}</Typography.Text>
          </div>
        </>
      ),
    },
    {
      title: 'Cấp trên',
      key: 'parent',
      render: (_, unit) => parentName(unit.parentId) ?? '—',
      responsive: ['xxl'],
    },
    {
      title: 'Trạng thái',
      dataIndex: 'active',
      key: 'active',
      render: (active: boolean) => <ActiveTag active={active} />,
    },
  ];
  if (canManage) {
    columns.push({
      title: 'Thao tác',
      key: 'actions',
      render: (_, unit) => <UnitActions unit={unit} onEdit={onEdit} compact />,
    });
  }

  return (
    <Table<Unit>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={data?.items}
      loading={loading}
      scroll={{ x: true }}
      onRow={(unit) => ({ 'data-testid': `unit-row-${unit.code}` }) as HTMLAttributes<HTMLElement>}
      pagination={tablePagination(data, 'đơn vị')}
      onChange={(pagination, _filters, sorter, { action }) => {
        if (action === 'sort') onSort(sortParam(sorter));
        else if (action === 'paginate') onPage(pagination.current ?? 1, pagination.pageSize ?? 20);
      }}
      locale={{ emptyText: <HelpEmpty description="Không có đơn vị nào phù hợp" topic="units" /> }}
      data-testid="unit-table"
    />
  );
}
