import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

export const settingsKeys = {
  all: ['settings'] as const,
};

/** `GET /settings`: the programme's settings (the introductions' due day). */
export function settingsQuery() {
  return queryOptions({
    queryKey: settingsKeys.all,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/settings', { signal })),
  });
}
