import { formatApiDate, formatMonth } from '@/lib/dates';
import { CELL_LOOKS } from '@/lib/introduction-cells';
import type { GridCell, GridRow } from './api/types';

/** What a heatmap cell says, for its tooltip and for screen readers: the unit, the month, the
 * status, the due date (dd/mm/yyyy) and the introductions sent and drafted. */
export function heatmapCellLabel(unit: GridRow['unit'], cell: GridCell): string {
  const parts = [`${unit.shortName} – tháng ${formatMonth(cell.month)}: ${CELL_LOOKS[cell.status].label}.`];
  parts.push(`Hạn: ${formatApiDate(cell.dueOn)}.`);
  if (cell.submitted > 0) parts.push(`Đã gửi ${cell.submitted} bài.`);
  if (cell.drafts > 0) parts.push(`${cell.drafts} bài nháp chưa gửi.`);
  return parts.join(' ');
}

/** What the cell shows (as in the monthly grid): the status's symbol, with the number of
 * introductions sent when more than one. */
export function heatmapCellText(cell: GridCell): string {
  const symbol = CELL_LOOKS[cell.status].symbol;
  return cell.submitted > 1 ? `${symbol}${cell.submitted}` : symbol;
}

/** The months of the grid, as column headers: "T1" … "T12". */
export function monthHeader(month: string): string {
  return `T${Number(month.slice(5, 7))}`;
}
