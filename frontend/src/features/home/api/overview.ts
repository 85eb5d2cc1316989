import { useQueries, useQuery } from '@tanstack/react-query';
import type { CellStatus, ExemplarListParams, Page, Stage } from '@/lib/api/models';
import { exemplarListQuery } from '@/lib/api/queries/exemplars';
import { introductionGridQuery } from '@/lib/api/queries/introductions';
import { unitListQuery } from '@/lib/api/queries/units';
import { userListQuery } from '@/lib/api/queries/users';

/**
 * Counts come from the list endpoints' `total` (one row fetched). A capped total (only
 * searches cap, and these filters do not search) shows as "Hơn 200".
 */
function count(page: Page<unknown>): number | string {
  return page.totalCapped ? `Hơn ${page.total}` : page.total;
}

export function useActiveUnitCount() {
  return useQuery({ ...unitListQuery({ active: true, pageSize: 1 }), select: count });
}

export function useActiveUserCount(enabled: boolean) {
  return useQuery({ ...userListQuery({ active: true, pageSize: 1 }), select: count, enabled });
}

/** How many exemplars match a filter (the list's total, one row fetched). */
function exemplarCountQuery(filter: Pick<ExemplarListParams, 'recordStatus' | 'hasProposal' | 'stage'>) {
  return { ...exemplarListQuery({ ...filter, pageSize: 1 }), select: count };
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
    ...introductionGridQuery(year),
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
