import { BellOutlined } from '@ant-design/icons';
import { Button, Flex, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useRef, type HTMLAttributes } from 'react';
import { HelpEmpty } from '@/components/HelpEmpty';
import type { GridCell, GridRow, IntroductionGrid, UnitRef } from '@/lib/api/models';
import { CELL_LOOKS, cellDescription, cellText, LEGEND, monthColumn } from './grid-status';
import { REMINDABLE } from './reminders';

interface IntroductionGridTableProps {
  grid: IntroductionGrid | undefined;
  loading: boolean;
  onSelect: (unit: UnitRef, month: string) => void;
  /** The Office's reminders: a button on each row that still owes `month`. */
  reminders?: { month: string; onRemind: (unit: UnitRef) => void };
}

export function GridLegend() {
  return (
    <Flex gap="4px 16px" wrap data-testid="grid-legend">
      {LEGEND.map((status) => {
        const look = CELL_LOOKS[status];
        return (
          <span
            key={status}
            data-testid={`grid-legend-${status}`}
            title={look.meaning}
            style={{ maxWidth: 420 }}
          >
            <span
              className="intro-grid-legend-swatch"
              style={{ background: look.background, border: `1px solid ${look.border}` }}
            />
            {look.symbol && <strong style={{ color: look.color, marginInlineEnd: 4 }}>{look.symbol}</strong>}
            <strong>{look.label}</strong>
            <Typography.Text type="secondary" className="intro-grid-legend-meaning" style={{ fontSize: 12 }}>
              : {look.meaning}
            </Typography.Text>
          </span>
        );
      })}
    </Flex>
  );
}

function Cell({
  row,
  cell,
  dueDay,
  onSelect,
}: {
  row: GridRow;
  cell: GridCell;
  dueDay: number;
  onSelect: IntroductionGridTableProps['onSelect'];
}) {
  const look = CELL_LOOKS[cell.status];
  const description = cellDescription(row.unit, cell, dueDay);
  return (
    <Tooltip title={description}>
      <button
        type="button"
        className="intro-grid-cell"
        style={{ color: look.color, background: look.background, borderColor: look.border }}
        onClick={() => onSelect(row.unit, cell.month)}
        aria-label={description}
        data-testid={`grid-cell-${row.unit.code}-${cell.month}`}
        data-status={cell.status}
      >
        {cellText(cell)}
        {cell.drafts > 0 && cell.submitted === 0 && (
          <sup style={{ fontWeight: 400, marginInlineStart: 2 }} title="Có bài nháp">
            ✎
          </sup>
        )}
      </button>
    </Tooltip>
  );
}

/** The nearest ancestor that scrolls sideways (the table's own scroll area). */
function horizontalScroller(element: HTMLElement): HTMLElement | null {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const overflow = getComputedStyle(node).overflowX;
    if ((overflow === 'auto' || overflow === 'scroll') && node.scrollWidth > node.clientWidth) return node;
  }
  return null;
}

/**
 * When the grid is wider than the screen (a phone), scrolls it so that the current month's
 * column shows beside the fixed unit column, with the months before it to its left.
 */
function useCurrentMonthInView(currentMonth: string | undefined, months: readonly string[] | undefined) {
  const ref = useRef<HTMLDivElement>(null);
  const shown = currentMonth !== undefined && (months ?? []).includes(currentMonth);
  useEffect(() => {
    if (!shown || !ref.current) return;
    const header = ref.current.querySelector<HTMLElement>(`th[data-month="${currentMonth}"]`);
    const scroller = header && horizontalScroller(header);
    if (!header || !scroller) return;
    const unitColumn = ref.current.querySelector<HTMLElement>('th')?.offsetWidth ?? 0;
    const left = header.getBoundingClientRect().left - scroller.getBoundingClientRect().left;
    const visible = scroller.clientWidth - unitColumn;
    // The current month as the last one visible, with the months before it to its left.
    scroller.scrollLeft += left - unitColumn - Math.max(0, visible - header.offsetWidth);
  }, [shown, currentMonth]);
  return ref;
}

/** Units × months: who introduced an exemplar on time, late, or not yet. */
export function IntroductionGridTable({ grid, loading, onSelect, reminders }: IntroductionGridTableProps) {
  const remindIndex = reminders ? (grid?.months.indexOf(reminders.month) ?? -1) : -1;
  const currentMonth = grid?.today.slice(0, 7);
  const scrollRef = useCurrentMonthInView(currentMonth, grid?.months);
  const columns: ColumnsType<GridRow> = [
    {
      title: 'Đơn vị',
      key: 'unit',
      fixed: 'left',
      width: 170,
      render: (_, row) => (
        <Flex gap={4} align="center" justify="space-between">
          <Typography.Text title={row.unit.name} style={{ whiteSpace: 'nowrap' }} ellipsis>
            {row.unit.shortName}
          </Typography.Text>
          {reminders && remindIndex >= 0 && REMINDABLE.has(row.cells[remindIndex]?.status) && (
            <Tooltip
              title={`Nhắc ${row.unit.shortName} giới thiệu tháng ${Number(reminders.month.slice(5))}`}
            >
              <Button
                size="small"
                type="text"
                icon={<BellOutlined />}
                onClick={() => reminders.onRemind(row.unit)}
                aria-label={`Nhắc nhở ${row.unit.shortName}`}
                data-testid={`grid-remind-${row.unit.code}`}
              />
            </Tooltip>
          )}
        </Flex>
      ),
    },
    ...(grid?.months ?? []).map((month, index) => ({
      title: (
        <span style={month === currentMonth ? { color: '#1f5fa8', fontWeight: 700 } : undefined}>
          {monthColumn(month)}
        </span>
      ),
      key: month,
      align: 'center' as const,
      width: 46,
      onHeaderCell: () =>
        ({
          title: `Tháng ${Number(month.slice(5))}/${month.slice(0, 4)}`,
          'data-month': month,
        }) as HTMLAttributes<HTMLElement>,
      render: (_: unknown, row: GridRow) => (
        <Cell row={row} cell={row.cells[index]} dueDay={grid?.dueDay ?? 10} onSelect={onSelect} />
      ),
    })),
    {
      title: <span title="Số tháng giới thiệu đúng hạn">Đúng</span>,
      dataIndex: 'onTime',
      key: 'onTime',
      align: 'center',
      width: 64,
      render: (value: number, row) => (
        <span style={{ color: CELL_LOOKS.on_time.color }} data-testid={`grid-ontime-${row.unit.code}`}>
          {value}
        </span>
      ),
    },
    {
      title: <span title="Số tháng giới thiệu trễ hạn">Trễ</span>,
      dataIndex: 'late',
      key: 'late',
      align: 'center',
      width: 64,
      render: (value: number, row) => (
        <span style={{ color: CELL_LOOKS.late.color }} data-testid={`grid-late-${row.unit.code}`}>
          {value}
        </span>
      ),
    },
    {
      title: <span title="Số tháng đã quá hạn mà chưa giới thiệu">Chưa</span>,
      dataIndex: 'missing',
      key: 'missing',
      align: 'center',
      width: 64,
      render: (value: number, row) => (
        <span
          style={{ color: CELL_LOOKS.missing.color, fontWeight: value > 0 ? 600 : undefined }}
          data-testid={`grid-missing-${row.unit.code}`}
        >
          {value}
        </span>
      ),
    },
  ];

  return (
    <div ref={scrollRef}>
      <Table<GridRow>
        rowKey={(row) => row.unit.id}
        size="small"
        columns={columns}
        dataSource={grid?.rows}
        loading={loading}
        pagination={false}
        bordered
        scroll={{ x: 'max-content' }}
        onRow={(row) => ({ 'data-testid': `grid-row-${row.unit.code}` }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: <HelpEmpty description="Không có đơn vị nào" topic="introductions" /> }}
        data-testid="intro-grid"
      />
    </div>
  );
}
