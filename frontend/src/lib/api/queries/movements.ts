import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { MovementListParams } from '@/lib/api/models';

/** Lists, pickers and filters all sit under `movements`: a change invalidates `movementKeys.all`. */
export const movementKeys = {
  all: ['movements'] as const,
  list: (params: MovementListParams) => ['movements', 'list', params] as const,
  detail: (id: number) => ['movements', 'detail', id] as const,
};

/** `GET /movements`: one page of movements. */
export function movementListQuery(params: MovementListParams) {
  return queryOptions({
    queryKey: movementKeys.list(params),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/movements', { params: { query: params }, signal })),
  });
}

/** Movements to pick from: the open ones for linking, all of them for filtering (they change rarely). */
export function movementChoicesQuery(openOnly: boolean) {
  return queryOptions({
    ...movementListQuery({ active: openOnly ? true : undefined, pageSize: 100 }),
    staleTime: 5 * 60_000,
  });
}

/** `GET /movements/{id}`. */
export function movementQuery(id: number) {
  return queryOptions({
    queryKey: movementKeys.detail(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/movements/{id}', { params: { path: { id } }, signal })),
  });
}
