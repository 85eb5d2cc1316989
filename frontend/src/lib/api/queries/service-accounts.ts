import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { ServiceAccountListParams } from '@/lib/api/models';

export const serviceAccountKeys = {
  all: ['service-accounts'] as const,
  list: (params: ServiceAccountListParams) => ['service-accounts', 'list', params] as const,
  detail: (id: number) => ['service-accounts', 'detail', id] as const,
};

/** `GET /service-accounts`: one page of service accounts. */
export function serviceAccountListQuery(params: ServiceAccountListParams) {
  return queryOptions({
    queryKey: serviceAccountKeys.list(params),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/service-accounts', { params: { query: params }, signal })),
  });
}

/** `GET /service-accounts/{id}`. */
export function serviceAccountQuery(id: number) {
  return queryOptions({
    queryKey: serviceAccountKeys.detail(id),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/service-accounts/{id}', { params: { path: { id } }, signal })),
  });
}
