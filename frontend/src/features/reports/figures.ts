import type { Count, Figures } from './api/types';

/** "12,5%" (Vietnamese decimal comma); "—" when there is nothing to divide by. */
export function percentText(part: number, whole: number): string {
  if (whole <= 0) return '—';
  const value = (part * 100) / whole;
  return `${value.toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`;
}

/** A number as Vietnamese readers write it ("1.234"). */
export const numberText = (value: number | null | undefined): string =>
  value === null || value === undefined ? '—' : value.toLocaleString('vi-VN');

export interface CountRow {
  key: string;
  label: string;
  count: number;
  share: string;
}

/**
 * A breakdown as table rows with each heading's share of `whole` (by default the sum of the
 * rows; an exemplar may count under several movements, so there the whole is the exemplars').
 */
export function countRows(counts: readonly Count[], whole?: number): CountRow[] {
  const total = whole ?? sum(counts.map((c) => c.count));
  return counts.map((c) => ({
    key: c.key,
    label: c.label,
    count: c.count,
    share: percentText(c.count, total),
  }));
}

export const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

export interface IntroductionRow {
  key: number;
  unit: string;
  onTime: number;
  late: number;
  missing: number;
  judged: number;
  onTimeShare: string;
}

/** The monthly introductions of each unit: on time, late, missing, and the share on time. */
export function introductionRows(introductions: Figures['introductions']): IntroductionRow[] {
  return introductions.byUnit.map((row) => {
    const judged = row.onTime + row.late + row.missing;
    return {
      key: row.unit.id,
      unit: row.unit.name,
      onTime: row.onTime,
      late: row.late,
      missing: row.missing,
      judged,
      onTimeShare: percentText(row.onTime, judged),
    };
  });
}

/**
 * A difficulty's status in words, from the figures' own count of every status (so the labels
 * are the server's and the report needs no copy of the difficulties' vocabulary).
 */
export function difficultyStatusText(byStatus: readonly Count[], status: string): string {
  return byStatus.find((c) => c.key === status)?.label ?? status;
}

/** Whether the figures hold anything at all (a new unit's first report may be empty). */
export function hasAnyFigure(figures: Figures): boolean {
  return (
    figures.exemplars.discovered > 0 ||
    figures.introductions.judged > 0 ||
    figures.evaluations.total > 0 ||
    figures.replications.total > 0 ||
    figures.difficulties.total > 0
  );
}
