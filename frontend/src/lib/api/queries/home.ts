import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

export const homeKeys = {
  all: ['home'] as const,
};

/**
 * `GET /home`: what waits for the caller today (each count with the list filters behind it),
 * their unit's introduction of this month, and the Department's picture for the leadership.
 * Always refetched when the home page opens: its counts follow every change made elsewhere.
 */
export function homeQuery() {
  return queryOptions({
    queryKey: homeKeys.all,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/home', { signal })),
    staleTime: 0,
  });
}
