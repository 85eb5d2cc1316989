import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { UnitListParams } from '@/lib/api/models';

/** Every unit query sits under `units`: a change to a unit invalidates `unitKeys.all`. */
export const unitKeys = {
  all: ['units'] as const,
  list: (params: UnitListParams) => ['units', 'list', params] as const,
  tree: (includeInactive: boolean) => ['units', 'tree', includeInactive] as const,
  detail: (id: number) => ['units', 'detail', id] as const,
};

/** `GET /units`: one page of units. */
export function unitListQuery(params: UnitListParams) {
  return queryOptions({
    queryKey: unitKeys.list(params),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/units', { params: { query: params }, signal })),
  });
}

/**
 * `GET /units/tree`: the units to show or pick from, as a tree: every unit (for filters and
 * names) or only the active ones (for assigning).
 */
export function unitTreeQuery(includeInactive: boolean) {
  return queryOptions({
    queryKey: unitKeys.tree(includeInactive),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/units/tree', { params: { query: { includeInactive } }, signal })),
  });
}

/** `GET /units/{id}`. */
export function unitQuery(id: number) {
  return queryOptions({
    queryKey: unitKeys.detail(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/units/{id}', { params: { path: { id } }, signal })),
  });
}
