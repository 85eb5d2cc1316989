import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

export const profileKeys = {
  all: ['profile'] as const,
};

/** `GET /profile`: the signed-in person's own record. */
export function profileQuery() {
  return queryOptions({
    queryKey: profileKeys.all,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/profile', { signal })),
  });
}
