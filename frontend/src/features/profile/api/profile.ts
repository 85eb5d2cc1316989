import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, session, unwrap } from '@/lib/api/client';
import type { ProfileInput, User } from '@/lib/api/models';
import { profileKeys, profileQuery } from '@/lib/api/queries/profile';
import type { components } from '@/lib/api/schema';

type PasswordChange = components['schemas']['PasswordChange'];

export function useProfile() {
  return useQuery(profileQuery());
}

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, input }: { version: number; input: ProfileInput }) =>
      unwrap(
        api.PUT('/api/v1/profile', { params: { header: { 'If-Match': ifMatch(version) } }, body: input }),
      ),
    onSuccess: (user: User) => {
      queryClient.setQueryData(profileKeys.all, user);
      session.updateUser(user);
    },
  });
}

/** Changes the password; the answer carries fresh tokens (every other session is signed out). */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PasswordChange) => unwrap(api.POST('/api/v1/profile/password', { body: input })),
    onSuccess: (tokens) => {
      session.start(tokens);
      queryClient.setQueryData(profileKeys.all, tokens.user);
    },
  });
}
