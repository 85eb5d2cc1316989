import { Card, Flex, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { Link } from 'react-router';
import { HelpEmpty } from '@/components/HelpEmpty';
import { CELL_LOOKS, LEGEND } from '@/lib/introduction-cells';
import type { GridCell, GridRow, IntroductionGrid } from '../api/types';
import { heatmapCellLabel, heatmapCellText, monthHeader } from '../heatmap';
import { introductionsLink, monthIntroductionsLink } from '../links';

function Legend() {
  return (
    <Flex gap="4px 14px" wrap style={{ marginBottom: 8 }} data-testid="heatmap-legend">
      {LEGEND.map((status) => {
        const look = CELL_LOOKS[status];
        return (
          <span key={status} title={look.meaning} data-testid={`heatmap-legend-${status}`}>
            <span
              className="intro-grid-legend-swatch"
              style={{ background: look.background, border: `1px solid ${look.border}` }}
            />
            {look.symbol && <strong style={{ color: look.color, marginInlineEnd: 4 }}>{look.symbol}</strong>}
            {look.label}
          </span>
        );
      })}
    </Flex>
  );
}

function Cell({ row, cell }: { row: GridRow; cell: GridCell }) {
  const look = CELL_LOOKS[cell.status];
  const label = heatmapCellLabel(row.unit, cell);
  return (
    <Tooltip title={label}>
      <Link
        to={monthIntroductionsLink(cell.month, row.unit.id)}
        className="intro-grid-cell"
        style={{ color: look.color, background: look.background, borderColor: look.border }}
        aria-label={label}
        data-testid={`heatmap-cell-${row.unit.code}-${cell.month}`}
        data-status={cell.status}
      >
        {heatmapCellText(cell)}
      </Link>
    </Tooltip>
  );
}

/** Units × months of the year: who introduced an exemplar on time, late, or not at all. */
export function IntroductionHeatmap({
  grid,
  unitId,
  loading,
}: {
  grid: IntroductionGrid;
  /** The unit in scope: its row only. */
  unitId?: number;
  loading?: boolean;
}) {
  const currentMonth = grid.today.slice(0, 7);
  const rows = unitId === undefined ? grid.rows : grid.rows.filter((row) => row.unit.id === unitId);
  const columns: ColumnsType<GridRow> = [
    {
      title: 'Đơn vị',
      key: 'unit',
      fixed: 'left',
      width: 160,
      render: (_, row) => (
        <Typography.Text title={row.unit.name} style={{ whiteSpace: 'nowrap' }} ellipsis>
          {row.unit.shortName}
        </Typography.Text>
      ),
    },
    ...grid.months.map((month, index) => ({
      title: (
        <span style={month === currentMonth ? { color: '#1f5fa8', fontWeight: 700 } : undefined}>
          {monthHeader(month)}
        </span>
      ),
      key: month,
      align: 'center' as const,
      width: 44,
      onHeaderCell: () =>
        ({ title: `Tháng ${Number(month.slice(5))}/${month.slice(0, 4)}` }) as HTMLAttributes<HTMLElement>,
      render: (_: unknown, row: GridRow) =>
        row.cells[index] ? <Cell row={row} cell={row.cells[index]} /> : null,
    })),
    ...(
      [
        ['onTime', 'Đúng', 'Số tháng giới thiệu đúng hạn', CELL_LOOKS.on_time.color],
        ['late', 'Trễ', 'Số tháng giới thiệu trễ hạn', CELL_LOOKS.late.color],
        ['missing', 'Chưa', 'Số tháng đã quá hạn mà chưa giới thiệu', CELL_LOOKS.missing.color],
      ] as const
    ).map(([key, title, hint, color]) => ({
      title: <span title={hint}>{title}</span>,
      key,
      align: 'center' as const,
      width: 56,
      render: (_: unknown, row: GridRow) => (
        <span style={{ color, fontWeight: 600 }} data-testid={`heatmap-${key}-${row.unit.code}`}>
          {row[key]}
        </span>
      ),
    })),
  ];

  return (
    <Card
      size="small"
      title={`Giới thiệu điển hình hằng tháng năm ${grid.year}`}
      extra={<Link to={introductionsLink(grid.year)}>Bảng theo dõi</Link>}
      style={{ marginBottom: 16 }}
      data-testid="dashboard-heatmap"
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        Mỗi đơn vị giới thiệu ít nhất một điển hình, chậm nhất ngày {grid.dueDay} hằng tháng. Di chuột hoặc
        chạm vào ô để xem hạn và số bài đã gửi; bấm vào ô để mở các bài giới thiệu của tháng đó.
      </Typography.Paragraph>
      <Legend />
      <Table<GridRow>
        rowKey={(row) => row.unit.id}
        size="small"
        columns={columns}
        dataSource={rows}
        loading={loading}
        pagination={false}
        bordered
        scroll={{ x: 'max-content', y: rows.length > 14 ? 480 : undefined }}
        onRow={(row) => ({ 'data-testid': `heatmap-row-${row.unit.code}` }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: <HelpEmpty description="Không có đơn vị nào" topic="introductions" /> }}
      />
    </Card>
  );
}
