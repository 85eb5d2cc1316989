import type { ReportKind } from './api/types';
import { CALENDAR_KINDS } from './labels';

/** The calendar report named by the address, as `{ kind, period, unitId }`, or `null`. */
export function lookupTarget(search: URLSearchParams) {
  const kind = search.get('kind') as ReportKind | null;
  const period = search.get('period')?.trim();
  const unit = search.get('unitId');
  const unitId = unit ? Number(unit) : undefined;
  if (!kind || !CALENDAR_KINDS.includes(kind) || !period) return null;
  if (unitId !== undefined && !(Number.isSafeInteger(unitId) && unitId > 0)) return null;
  return { kind, period, unitId };
}
