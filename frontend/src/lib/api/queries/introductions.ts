import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { IntroductionListParams } from '@/lib/api/models';

/** The grid and the lists sit under `introductions`: a change invalidates `introductionKeys.all`. */
export const introductionKeys = {
  all: ['introductions'] as const,
  grid: (year: number) => ['introductions', 'grid', year] as const,
  list: (params: IntroductionListParams) => ['introductions', 'list', params] as const,
};

/** `GET /introductions/grid`: each unit's introduction status, month by month, for a year. */
export function introductionGridQuery(year: number) {
  return queryOptions({
    queryKey: introductionKeys.grid(year),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/introductions/grid', { params: { query: { year } }, signal })),
  });
}

/** `GET /introductions`: one page of monthly introductions. */
export function introductionListQuery(params: IntroductionListParams) {
  return queryOptions({
    queryKey: introductionKeys.list(params),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/introductions', { params: { query: params }, signal })),
  });
}
