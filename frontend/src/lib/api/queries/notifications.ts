import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

/** The bell's queries sit under `notifications`: marking read invalidates `notificationKeys.all`. */
export const notificationKeys = {
  all: ['notifications'] as const,
  count: ['notifications', 'count'] as const,
  latest: ['notifications', 'latest'] as const,
};

/** How many notifications the bell shows when opened. */
export const LATEST_COUNT = 10;

/** `GET /notifications/unread-count`: the bell's badge. */
export function unreadCountQuery() {
  return queryOptions({
    queryKey: notificationKeys.count,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/notifications/unread-count', { signal })),
  });
}

/** `GET /notifications`: the newest ones, read or not. */
export function latestNotificationsQuery() {
  return queryOptions({
    queryKey: notificationKeys.latest,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/notifications', { params: { query: { page: 1, pageSize: LATEST_COUNT } }, signal }),
      ),
  });
}
