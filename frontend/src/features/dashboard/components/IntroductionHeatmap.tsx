import { Card, Flex, Tooltip, Typography } from 'antd';
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

const TOTALS = [
  ['onTime', 'Đúng', 'Số tháng giới thiệu đúng hạn', CELL_LOOKS.on_time.color],
  ['late', 'Trễ', 'Số tháng giới thiệu trễ hạn', CELL_LOOKS.late.color],
  ['missing', 'Chưa', 'Số tháng đã quá hạn mà chưa giới thiệu', CELL_LOOKS.missing.color],
] as const;

/**
 * Units × months of the year: who introduced an exemplar on time, late, or not at all. A plain
 * table (no table component): the home page loads it first, and it needs no sorting or paging.
 */
export function IntroductionHeatmap({
  grid,
  unitId,
}: {
  grid: IntroductionGrid;
  /** The unit in scope: its row only. */
  unitId?: number;
}) {
  const currentMonth = grid.today.slice(0, 7);
  const rows = unitId === undefined ? grid.rows : grid.rows.filter((row) => row.unit.id === unitId);
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
      {rows.length === 0 ? (
        <HelpEmpty description="Không có đơn vị nào" topic="introductions" />
      ) : (
        <div className="dashboard-heatmap-scroll">
          <table className="dashboard-heatmap">
            <caption className="dashboard-visually-hidden">
              Tình hình giới thiệu điển hình hằng tháng năm {grid.year} của từng đơn vị
            </caption>
            <thead>
              <tr>
                <th scope="col" className="dashboard-heatmap-unit">
                  Đơn vị
                </th>
                {grid.months.map((month) => (
                  <th
                    key={month}
                    scope="col"
                    title={`Tháng ${Number(month.slice(5))}/${month.slice(0, 4)}`}
                    className={month === currentMonth ? 'dashboard-heatmap-now' : undefined}
                  >
                    {monthHeader(month)}
                  </th>
                ))}
                {TOTALS.map(([key, title, hint]) => (
                  <th key={key} scope="col" title={hint}>
                    {title}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.unit.id} data-testid={`heatmap-row-${row.unit.code}`}>
                  <th scope="row" className="dashboard-heatmap-unit" title={row.unit.name}>
                    {row.unit.shortName}
                  </th>
                  {grid.months.map((month, index) => (
                    <td key={month}>{row.cells[index] && <Cell row={row} cell={row.cells[index]} />}</td>
                  ))}
                  {TOTALS.map(([key, , , color]) => (
                    <td
                      key={key}
                      style={{ color, fontWeight: 600 }}
                      data-testid={`heatmap-${key}-${row.unit.code}`}
                    >
                      {row[key]}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
