import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap } from '@/lib/api/client';
import type { NewUserInput, Role, User, UserInput } from '@/lib/api/models';

export interface UserListQuery {
  q?: string;
  role?: Role;
  unitId?: number;
  active?: boolean;
  sort?: string;
  page: number;
  pageSize: number;
}

const userKeys = {
  all: ['users'] as const,
  list: (query: UserListQuery) => ['users', 'list', query] as const,
  detail: (id: number) => ['users', 'detail', id] as const,
};

export function useUsers(query: UserListQuery) {
  return useQuery({
    queryKey: userKeys.list(query),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/users', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
}

/** The units to pick from: every unit for filtering, active ones for assigning. */
export function useUnitChoices(includeInactive: boolean) {
  return useQuery({
    queryKey: ['units', 'tree', includeInactive],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/units/tree', { params: { query: { includeInactive } }, signal })),
  });
}

export function useFetchUser() {
  const queryClient = useQueryClient();
  return (id: number) =>
    queryClient.fetchQuery({
      queryKey: userKeys.detail(id),
      queryFn: ({ signal }) => unwrap(api.GET('/api/v1/users/{id}', { params: { path: { id } }, signal })),
      staleTime: 0,
    });
}

function useInvalidateUsers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: userKeys.all });
}

export function useCreateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (input: NewUserInput) => unwrap(api.POST('/api/v1/users', { body: input })),
    onSuccess: invalidate,
  });
}

export function useUpdateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ user, input }: { user: User; input: UserInput }) =>
      unwrap(
        api.PUT('/api/v1/users/{id}', {
          params: { path: { id: user.id }, header: { 'If-Match': ifMatch(user.version) } },
          body: input,
        }),
      ),
    onSuccess: invalidate,
  });
}

export function useSetUserActive() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ user, active }: { user: User; active: boolean }) => {
      const params = { path: { id: user.id }, header: { 'If-Match': ifMatch(user.version) } };
      return unwrap(
        active
          ? api.POST('/api/v1/users/{id}/activate', { params })
          : api.POST('/api/v1/users/{id}/deactivate', { params }),
      );
    },
    onSettled: invalidate,
  });
}

export function useResetPassword() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (user: User) =>
      unwrap(api.POST('/api/v1/users/{id}/reset-password', { params: { path: { id: user.id } } })),
    onSuccess: invalidate,
  });
}
