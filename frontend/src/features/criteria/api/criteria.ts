import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap } from '@/lib/api/client';
import type { CriteriaSet, CriteriaSetInput, CriteriaSetListParams } from '@/lib/api/models';
import { criteriaSetKeys, criteriaSetListQuery } from '@/lib/api/queries/criteria-sets';

export function useCriteriaSets(params: CriteriaSetListParams) {
  return useQuery({ ...criteriaSetListQuery(params), placeholderData: keepPreviousData });
}

function useCriteriaChanged() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: criteriaSetKeys.all });
}

function versioned(set: CriteriaSet) {
  return { path: { id: set.id }, header: { 'If-Match': ifMatch(set.version) } };
}

export function useCreateCriteriaSet() {
  const changed = useCriteriaChanged();
  return useMutation({
    mutationFn: (input: CriteriaSetInput) => unwrap(api.POST('/api/v1/criteria-sets', { body: input })),
    onSuccess: changed,
  });
}

export function useUpdateCriteriaSet() {
  const changed = useCriteriaChanged();
  return useMutation({
    mutationFn: ({ set, input }: { set: CriteriaSet; input: CriteriaSetInput }) =>
      unwrap(api.PUT('/api/v1/criteria-sets/{id}', { params: versioned(set), body: input })),
    onSuccess: changed,
  });
}

export function usePublishCriteriaSet() {
  const changed = useCriteriaChanged();
  return useMutation({
    mutationFn: (set: CriteriaSet) =>
      unwrap(api.POST('/api/v1/criteria-sets/{id}/publish', { params: versioned(set) })),
    onSettled: changed,
  });
}

export function useNewCriteriaSetVersion() {
  const changed = useCriteriaChanged();
  return useMutation({
    mutationFn: (set: CriteriaSet) =>
      unwrap(api.POST('/api/v1/criteria-sets/{id}/new-version', { params: versioned(set) })),
    onSettled: changed,
  });
}

export function useDeleteCriteriaSet() {
  const changed = useCriteriaChanged();
  return useMutation({
    mutationFn: (set: CriteriaSet) =>
      unwrap(api.DELETE('/api/v1/criteria-sets/{id}', { params: versioned(set) })),
    onSettled: changed,
  });
}
