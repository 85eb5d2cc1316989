import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';

type Schemas = components['schemas'];

/** The report list's filters, as the API takes them. */
export interface ReportFilters {
  kind?: Schemas['ReportKind'];
  unitId?: number;
  /** `2026`, `2026-2028` … */
  period?: string;
  status?: Schemas['ReportStatus'];
}

/** Every report query sits under `reports`: a step on a report invalidates them all. */
export const reportKeys = {
  all: ['reports'] as const,
  list: (filters: ReportFilters, page: number, pageSize: number) =>
    ['reports', 'list', filters, page, pageSize] as const,
  detail: (id: number) => ['reports', 'detail', id] as const,
};

/** `GET /reports`: reports, most recently changed first (a unit's people see their unit's). */
export function reportListQuery(filters: ReportFilters, page: number, pageSize: number) {
  return queryOptions({
    queryKey: reportKeys.list(filters, page, pageSize),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/reports', { params: { query: { ...filters, page, pageSize } }, signal })),
  });
}

/**
 * The calendar report of a kind and period of one unit, or the Office's (`unitId` undefined):
 * the list filter cannot ask for "no unit", so the Office's is picked from the period's reports.
 */
export function findCalendarReport<T extends { owner: Schemas['ReportOwner']; unit?: { id: number } | null }>(
  items: readonly T[] | undefined,
  unitId: number | undefined,
): T | undefined {
  return (items ?? []).find((item) =>
    unitId === undefined ? item.owner === 'office' : item.owner === 'unit' && item.unit?.id === unitId,
  );
}
