import type { GridCell, UnitRef } from '@/lib/api/models';
import { formatMonth } from '@/lib/dates';
import { CELL_LOOKS } from '@/lib/introduction-cells';

export { CELL_LOOKS, LEGEND, type CellLook } from '@/lib/introduction-cells';

/** "T11" for the column header of `2026-11`. */
export function monthColumn(month: string): string {
  return `T${Number(month.slice(5, 7))}`;
}

/** The due date of a month's introduction, "10/11/2026". */
export function dueDate(month: string, dueDay: number): string {
  return `${String(dueDay).padStart(2, '0')}/${formatMonth(month)}`;
}

/** What a cell shows: the status's symbol, with the number of introductions sent when more than one. */
export function cellText(cell: GridCell): string {
  const look = CELL_LOOKS[cell.status];
  if (cell.submitted > 1) return `${look.symbol}${cell.submitted}`;
  return look.symbol;
}

/** The full description of a cell, for its tooltip and for screen readers. */
export function cellDescription(unit: UnitRef, cell: GridCell, dueDay: number): string {
  const parts = [`${unit.shortName} – tháng ${formatMonth(cell.month)}: ${CELL_LOOKS[cell.status].label}.`];
  if (cell.submitted > 0) parts.push(`${cell.submitted} bài đã gửi.`);
  if (cell.drafts > 0) parts.push(`${cell.drafts} bài nháp chưa gửi.`);
  parts.push(`Hạn: ${dueDate(cell.month, dueDay)}.`);
  return parts.join(' ');
}
