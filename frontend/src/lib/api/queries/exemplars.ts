import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { ExemplarListParams } from '@/lib/api/models';

/**
 * Every exemplar query sits under `exemplars`: a change to an exemplar (or to what it shows:
 * its evaluations, stage records, files) invalidates `exemplarKeys.all`.
 */
export const exemplarKeys = {
  all: ['exemplars'] as const,
  lists: ['exemplars', 'list'] as const,
  list: (params: ExemplarListParams) => ['exemplars', 'list', params] as const,
  detail: (id: number) => ['exemplars', 'detail', id] as const,
};

/** `GET /exemplars`: one page of exemplars (lists, pickers and counts, by their parameters). */
export function exemplarListQuery(params: ExemplarListParams) {
  return queryOptions({
    queryKey: exemplarKeys.list(params),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/exemplars', { params: { query: params }, signal })),
  });
}

/** `GET /exemplars/{id}`: the record with its stage records, evaluations and files. */
export function exemplarQuery(id: number) {
  return queryOptions({
    queryKey: exemplarKeys.detail(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/exemplars/{id}', { params: { path: { id } }, signal })),
  });
}
