import { useQueries, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { CellStatus, Stage } from '@/lib/api/models';

/** Counts come from the list endpoints' `total` (one row fetched). */
export function useActiveUnitCount() {
  return useQuery({
    queryKey: ['units', 'count', 'active'],
    queryFn: async ({ signal }) =>
      (await unwrap(api.GET('/api/v1/units', { params: { query: { active: true, pageSize: 1 } }, signal })))
        .total,
  });
}

export function useActiveUserCount(enabled: boolean) {
  return useQuery({
    queryKey: ['users', 'count', 'active'],
    queryFn: async ({ signal }) =>
      (await unwrap(api.GET('/api/v1/users', { params: { query: { active: true, pageSize: 1 } }, signal })))
        .total,
    enabled,
  });
}

/** How many exemplars match a filter (the list's total, one row fetched). */
function exemplarCountQuery(filter: { recordStatus?: 'submitted'; hasProposal?: boolean; stage?: Stage }) {
  return {
    queryKey: ['exemplars', 'count', filter],
    queryFn: async ({ signal }: { signal: AbortSignal }) =>
      (await unwrap(api.GET('/api/v1/exemplars', { params: { query: { ...filter, pageSize: 1 } }, signal })))
        .total,
  };
}

/** What waits for the Office: records submitted by units, and stage moves they proposed. */
export function useReviewCounts(enabled: boolean) {
  return useQueries({
    queries: [
      { ...exemplarCountQuery({ recordStatus: 'submitted' }), enabled },
      { ...exemplarCountQuery({ hasProposal: true }), enabled },
    ],
  });
}

/** The caller's exemplars (their unit's, for unit roles) in each of the four stages. */
export function useStageCounts(stages: readonly Stage[], enabled: boolean) {
  return useQueries({
    queries: stages.map((stage) => ({ ...exemplarCountQuery({ stage }), enabled })),
  });
}

export interface MonthIntroductions {
  month: string;
  dueDay: number;
  /** Units that have not yet sent this month's introduction. */
  notYet: number;
  /** Of those, the ones already past the due day. */
  late: number;
  units: number;
  /** For a unit role: their own unit's cell. */
  ownStatus: CellStatus | null;
}

/** This month's column of the introduction grid (the grid of the current year, shared with its page). */
export function useThisMonthIntroductions(year: number, enabled: boolean) {
  return useQuery({
    queryKey: ['introductions', 'grid', year],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/introductions/grid', { params: { query: { year } }, signal })),
    select: (grid): MonthIntroductions => {
      const month = grid.today.slice(0, 7);
      const cells = grid.rows.map((row) => row.cells.find((cell) => cell.month === month));
      return {
        month,
        dueDay: grid.dueDay,
        notYet: cells.filter((cell) => cell?.status === 'missing' || cell?.status === 'pending').length,
        late: cells.filter((cell) => cell?.status === 'missing').length,
        units: grid.rows.length,
        ownStatus: grid.rows.length === 1 ? (cells[0]?.status ?? null) : null,
      };
    },
    enabled,
  });
}
