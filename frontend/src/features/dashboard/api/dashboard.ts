import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { operations } from '@/lib/api/schema';

/**
 * `year` omitted: this year in Vietnam (the server decides); `unitId` omitted: the whole
 * Department (unit roles always get their own unit).
 */
export type DashboardParams = NonNullable<operations['dashboard']['parameters']['query']>;

export const dashboardKeys = {
  all: ['dashboard'] as const,
  one: (params: DashboardParams) => ['dashboard', params] as const,
};

/**
 * `GET /dashboard`: the year's and the plan period's figures (as the reports count them), the
 * months' exemplars by stage, category and movement, the introduction grid and the open
 * obligations. Refetched whenever the home page opens: it follows every change made elsewhere.
 */
export function dashboardQuery(params: DashboardParams) {
  return queryOptions({
    queryKey: dashboardKeys.one(params),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/dashboard', { params: { query: params }, signal })),
    staleTime: 0,
  });
}

export function useDashboard(params: DashboardParams) {
  return useQuery({ ...dashboardQuery(params), placeholderData: keepPreviousData });
}
