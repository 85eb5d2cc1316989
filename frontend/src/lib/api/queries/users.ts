import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { UserListParams } from '@/lib/api/models';

/** Every user query sits under `users`: a change to a user invalidates `userKeys.all`. */
export const userKeys = {
  all: ['users'] as const,
  list: (params: UserListParams) => ['users', 'list', params] as const,
  detail: (id: number) => ['users', 'detail', id] as const,
};

/** `GET /users`: one page of users (also a search by name or username, ignoring diacritics). */
export function userListQuery(params: UserListParams) {
  return queryOptions({
    queryKey: userKeys.list(params),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/users', { params: { query: params }, signal })),
  });
}

/** `GET /users/{id}`. */
export function userQuery(id: number) {
  return queryOptions({
    queryKey: userKeys.detail(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/users/{id}', { params: { path: { id } }, signal })),
  });
}
