import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap } from '@/lib/api/client';
import type { ServiceAccount, ServiceAccountInput } from '@/lib/api/models';

const accountKeys = {
  all: ['service-accounts'] as const,
  list: (page: number, pageSize: number) => ['service-accounts', 'list', page, pageSize] as const,
  detail: (id: number) => ['service-accounts', 'detail', id] as const,
};

export function useServiceAccounts(page: number, pageSize: number) {
  return useQuery({
    queryKey: accountKeys.list(page, pageSize),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/service-accounts', { params: { query: { page, pageSize } }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useFetchServiceAccount() {
  const queryClient = useQueryClient();
  return (id: number) =>
    queryClient.fetchQuery({
      queryKey: accountKeys.detail(id),
      queryFn: ({ signal }) =>
        unwrap(api.GET('/api/v1/service-accounts/{id}', { params: { path: { id } }, signal })),
      staleTime: 0,
    });
}

function useInvalidateAccounts() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: accountKeys.all });
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
