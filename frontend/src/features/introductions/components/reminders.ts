import type { CellStatus, IntroductionGrid, ReminderResult, UnitRef } from '@/lib/api/models';

/** The cells a reminder is for: the month is owed and nothing was sent yet. */
export const REMINDABLE: ReadonlySet<CellStatus> = new Set<CellStatus>(['missing', 'pending']);

/** The units of the grid that still owe `month`. */
export function unitsToRemind(grid: IntroductionGrid | undefined, month: string): UnitRef[] {
  const index = grid?.months.indexOf(month) ?? -1;
  if (!grid || index < 0) return [];
  return grid.rows.filter((row) => REMINDABLE.has(row.cells[index]?.status)).map((row) => row.unit);
}

/** "Đã nhắc 5 đơn vị (12 người nhận). 2 đơn vị đã được nhắc hôm nay." */
export function reminderSummary(result: ReminderResult): string {
  const fresh = result.reminded.filter((unit) => unit.notified > 0).length;
  const already = result.reminded.length - fresh;
  const parts = [`Đã nhắc ${fresh} đơn vị (${result.notified} người nhận).`];
  if (already > 0) parts.push(`${already} đơn vị đã được nhắc hôm nay.`);
  if (result.skipped.length > 0) parts.push(`${result.skipped.length} đơn vị không cần nhắc.`);
  return parts.join(' ');
}
