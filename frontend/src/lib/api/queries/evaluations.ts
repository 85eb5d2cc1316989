import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

export const evaluationKeys = {
  all: ['evaluations'] as const,
  detail: (id: number) => ['evaluations', 'detail', id] as const,
};

/** `GET /evaluations/{id}`. */
export function evaluationQuery(id: number) {
  return queryOptions({
    queryKey: evaluationKeys.detail(id),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/evaluations/{id}', { params: { path: { id } }, signal })),
  });
}
