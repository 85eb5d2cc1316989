import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { CriteriaSetListParams } from '@/lib/api/models';

export const criteriaSetKeys = {
  all: ['criteria-sets'] as const,
  list: (params: CriteriaSetListParams) => ['criteria-sets', 'list', params] as const,
};

/** `GET /criteria-sets`: every set matching the filters (the list is not paged). */
export function criteriaSetListQuery(params: CriteriaSetListParams) {
  return queryOptions({
    queryKey: criteriaSetKeys.list(params),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/criteria-sets', { params: { query: params }, signal })),
  });
}
