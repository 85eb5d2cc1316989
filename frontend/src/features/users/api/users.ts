import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap } from '@/lib/api/client';
import type { NewUserInput, User, UserInput, UserListParams } from '@/lib/api/models';
import { userKeys, userListQuery, userQuery } from '@/lib/api/queries/users';

export function useUsers(params: UserListParams) {
  return useQuery({ ...userListQuery(params), placeholderData: keepPreviousData });
}

/** The newest copy of one user (to start over after a version conflict). */
export function useFetchUser() {
  const queryClient = useQueryClient();
  return (id: number) => queryClient.fetchQuery({ ...userQuery(id), staleTime: 0 });
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
