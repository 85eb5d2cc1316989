import type { ObligationKind, Responsible } from './api/types';

const KINDS: readonly ObligationKind[] = [
  'monthly_introduction',
  'annual_report',
  'midterm_review',
  'final_review',
];

export interface ParsedKey {
  kind: ObligationKind;
  period: string;
  responsible: Responsible;
  unitId?: number;
}

/** `annual_report:2026:12` (unit 12's), `final_review:2026-2030:office` (the Office's). */
export function parseObligationKey(key: string): ParsedKey | null {
  const [kind, period, owner, ...rest] = key.split(':');
  if (rest.length > 0 || !period || !owner || !KINDS.includes(kind as ObligationKind)) return null;
  if (owner === 'office') return { kind: kind as ObligationKind, period, responsible: 'office' };
  const unitId = Number(owner);
  if (!Number.isSafeInteger(unitId) || unitId <= 0) return null;
  return { kind: kind as ObligationKind, period, responsible: 'unit', unitId };
}
