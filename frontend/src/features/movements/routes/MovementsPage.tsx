import { CheckCircleOutlined, EditOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Select, Space, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { ActiveTag } from '@/components/ActiveTag';
import { HelpEmpty } from '@/components/HelpEmpty';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import { SearchInput } from '@/components/SearchInput';
import { useErrorNotice } from '@/components/use-error-notice';
import type { Movement } from '@/lib/api/models';
import { useCurrentUser } from '@/lib/auth/use-session';
import { formatApiDate } from '@/lib/dates';
import { tablePagination, useListParams } from '@/lib/list-params';
import { ROUTE_ROLES } from '@/lib/navigation';
import { useMovements, useSetMovementOpen } from '../api/movements';
import { MovementFormModal } from '../components/MovementFormModal';

const FILTERS = ['q', 'active'] as const;

const ACTIVE_OPTIONS = [
  { value: 'true', label: 'Đang diễn ra' },
  { value: 'false', label: 'Đã kết thúc' },
];

export default function MovementsPage() {
  const user = useCurrentUser();
  const { modal, message } = App.useApp();
  const notifyError = useErrorNotice();
  const canManage = (ROUTE_ROLES.programme as readonly string[]).includes(user.role);
  const list = useListParams(FILTERS);
  const { q, active } = list.filters;
  const movements = useMovements({
    q,
    active: active === undefined ? undefined : active === 'true',
    page: list.page,
    pageSize: list.pageSize,
  });
  const setOpen = useSetMovementOpen();
  // `null`: closed; `{}`: creating; `{ movement }`: editing.
  const [editing, setEditing] = useState<{ movement?: Movement } | null>(null);

  const confirmSetOpen = (movement: Movement, open: boolean) =>
    modal.confirm({
      title: open ? `Mở lại phong trào "${movement.code}"?` : `Kết thúc phong trào "${movement.code}"?`,
      content: open
        ? 'Điển hình mới lại gắn được với phong trào này.'
        : 'Các điển hình đã gắn vẫn giữ liên kết; không gắn thêm điển hình mới được nữa.',
      okText: open ? 'Mở lại' : 'Kết thúc',
      okButtonProps: { danger: !open, 'data-testid': 'confirm-ok' },
      cancelText: 'Hủy',
      onOk: async () => {
        try {
          await setOpen.mutateAsync({ movement, open });
          message.success(open ? 'Đã mở lại phong trào.' : 'Đã kết thúc phong trào.');
        } catch (error) {
          notifyError(error);
        }
      },
    });

  const columns: ColumnsType<Movement> = [
    {
      title: 'Mã',
      dataIndex: 'code',
      key: 'code',
      width: 130,
      render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
    },
    {
      title: 'Phong trào',
      key: 'name',
      render: (_, movement) => (
        <div style={{ minWidth: 260, maxWidth: 560, whiteSpace: 'normal' }}>
          <div style={{ fontWeight: 500 }}>{movement.name}</div>
          {movement.description && (
            <Typography.Paragraph
              type="secondary"
              ellipsis={{ rows: 2, tooltip: movement.description }}
              style={{ marginBottom: 0 }}
            >
              {movement.description}
            </Typography.Paragraph>
          )}
        </div>
      ),
    },
    {
      title: 'Căn cứ',
      key: 'legalBasis',
      render: (_, movement) =>
        movement.legalBasis
          ? `${movement.legalBasis}${movement.legalBasisDate ? ` ngày ${formatApiDate(movement.legalBasisDate)}` : ''}`
          : '—',
      responsive: ['lg'],
    },
    {
      title: 'Thời gian',
      key: 'period',
      render: (_, movement) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {formatApiDate(movement.startsOn)} – {movement.endsOn ? formatApiDate(movement.endsOn) : 'nay'}
        </span>
      ),
      responsive: ['md'],
    },
    {
      title: 'Trạng thái',
      key: 'active',
      render: (_, movement) => (
        <ActiveTag active={movement.active} activeLabel="Đang diễn ra" inactiveLabel="Đã kết thúc" />
      ),
    },
  ];
  if (canManage) {
    columns.push({
      title: 'Thao tác',
      key: 'actions',
      render: (_, movement) => (
        <Space size={4}>
          <Tooltip title="Sửa">
            <Button
              size="small"
              icon={<EditOutlined />}
              onClick={() => setEditing({ movement })}
              aria-label="Sửa"
              data-testid={`movement-edit-${movement.code}`}
            />
          </Tooltip>
          {movement.active ? (
            <Tooltip title="Kết thúc">
              <Button
                size="small"
                danger
                icon={<StopOutlined />}
                onClick={() => confirmSetOpen(movement, false)}
                aria-label="Kết thúc"
                data-testid={`movement-close-${movement.code}`}
              />
            </Tooltip>
          ) : (
            <Tooltip title="Mở lại">
              <Button
                size="small"
                icon={<CheckCircleOutlined />}
                onClick={() => confirmSetOpen(movement, true)}
                aria-label="Mở lại"
                data-testid={`movement-reopen-${movement.code}`}
              />
            </Tooltip>
          )}
        </Space>
      ),
    });
  }

  return (
    <>
      <PageHeading
        title="Phong trào thi đua"
        subtitle="Các phong trào thi đua mà điển hình tiên tiến được phát hiện, gắn kết"
        extra={
          canManage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing({})}
              data-testid="movement-create"
            >
              Thêm phong trào
            </Button>
          )
        }
      />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <SearchInput
            value={q}
            onSearch={(value) => list.setFilters({ q: value })}
            placeholder="Tìm theo mã, tên (gõ không dấu cũng được)"
            testId="movement-search"
          />
          <Select
            allowClear
            placeholder="Trạng thái"
            value={active}
            onChange={(value) => list.setFilters({ active: value })}
            options={ACTIVE_OPTIONS}
            style={{ minWidth: 170 }}
            data-testid="movement-filter-active"
          />
        </Flex>
        <ProblemAlert error={movements.error} />
        <Table<Movement>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={movements.data?.items}
          loading={movements.isFetching}
          scroll={{ x: true }}
          onRow={(movement) =>
            ({ 'data-testid': `movement-row-${movement.code}` }) as HTMLAttributes<HTMLElement>
          }
          pagination={{ ...tablePagination(movements.data, 'phong trào'), onChange: list.setPage }}
          locale={{
            emptyText: <HelpEmpty description="Không có phong trào nào phù hợp" topic="movements" />,
          }}
          data-testid="movement-table"
        />
      </Card>
      {editing && <MovementFormModal movement={editing.movement} onClose={() => setEditing(null)} />}
    </>
  );
}
