import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

/** Counts come from the list endpoints' `total` (one row fetched). */
export function useActiveUnitCount() {
  return useQuery({
    queryKey: ['units', 'count', 'active'],
    queryFn: async ({ signal }) =>
      (await unwrap(api.GET('/api/v1/units', { params: { query: { active: true, pageSize: 1 } }, signal })))
        .total,
  });
}

export function useActiveUserCount(enabled: boolean) {
  return useQuery({
    queryKey: ['users', 'count', 'active'],
    queryFn: async ({ signal }) =>
      (await unwrap(api.GET('/api/v1/users', { params: { query: { active: true, pageSize: 1 } }, signal })))
        .total,
    enabled,
  });
}
