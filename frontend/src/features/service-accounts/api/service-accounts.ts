import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap } from '@/lib/api/client';
import type { ServiceAccount, ServiceAccountInput, ServiceAccountListParams } from '@/lib/api/models';
import {
  serviceAccountKeys,
  serviceAccountListQuery,
  serviceAccountQuery,
} from '@/lib/api/queries/service-accounts';

export function useServiceAccounts(params: ServiceAccountListParams) {
  return useQuery({ ...serviceAccountListQuery(params), placeholderData: keepPreviousData });
}

/** The newest copy of one account (to start over after a version conflict). */
export function useFetchServiceAccount() {
  const queryClient = useQueryClient();
  return (id: number) => queryClient.fetchQuery({ ...serviceAccountQuery(id), staleTime: 0 });
}

function useInvalidateAccounts() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: serviceAccountKeys.all });
}

const versioned = (account: ServiceAccount) => ({
  path: { id: account.id },
  header: { 'If-Match': ifMatch(account.version) },
});

export function useCreateServiceAccount() {
  const invalidate = useInvalidateAccounts();
  return useMutation({
    mutationFn: (input: ServiceAccountInput) => unwrap(api.POST('/api/v1/service-accounts', { body: input })),
    onSuccess: invalidate,
  });
}

export function useUpdateServiceAccount() {
  const invalidate = useInvalidateAccounts();
  return useMutation({
    mutationFn: ({ account, input }: { account: ServiceAccount; input: ServiceAccountInput }) =>
      unwrap(api.PUT('/api/v1/service-accounts/{id}', { params: versioned(account), body: input })),
    onSuccess: invalidate,
  });
}

export function useRevokeServiceAccount() {
  const invalidate = useInvalidateAccounts();
  return useMutation({
    mutationFn: (account: ServiceAccount) =>
      unwrap(api.POST('/api/v1/service-accounts/{id}/revoke', { params: versioned(account) })),
    onSettled: invalidate,
  });
}

export function useRotateServiceAccountSecret() {
  const invalidate = useInvalidateAccounts();
  return useMutation({
    mutationFn: (account: ServiceAccount) =>
      unwrap(api.POST('/api/v1/service-accounts/{id}/rotate-secret', { params: versioned(account) })),
    onSettled: invalidate,
  });
}
