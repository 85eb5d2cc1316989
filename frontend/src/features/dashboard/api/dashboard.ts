import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { Dashboard } from './types';

export interface DashboardParams {
  /** Omitted: this year in Vietnam (the server decides). */
  year?: number;
  /** Omitted: the whole Department (unit roles always get their own unit). */
  unitId?: number;
}

export const dashboardKeys = {
  all: ['dashboard'] as const,
  one: (params: DashboardParams) => ['dashboard', params] as const,
};

// TEMPORARY: the path is not in the generated schema yet (see ./types.ts).
type UntypedGet = (
  path: string,
  init: { params: { query: DashboardParams }; signal?: AbortSignal },
) => Promise<{ data?: Dashboard; error?: unknown; response: Response }>;
const getDashboard = api.GET as unknown as UntypedGet;

/**
 * `GET /dashboard`: the year's and the plan period's figures (as the reports count them), the
 * months' exemplars by stage, category and movement, the introduction grid and the open
 * obligations. Refetched whenever the home page opens: it follows every change made elsewhere.
 */
export function dashboardQuery(params: DashboardParams) {
  return queryOptions({
    queryKey: dashboardKeys.one(params),
    queryFn: ({ signal }) => unwrap(getDashboard('/api/v1/dashboard', { params: { query: params }, signal })),
    staleTime: 0,
  });
}

export function useDashboard(params: DashboardParams) {
  return useQuery({ ...dashboardQuery(params), placeholderData: keepPreviousData });
}
