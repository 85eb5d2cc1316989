import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap } from '@/lib/api/client';
import type { CriteriaSet, CriteriaSetInput, SetStatus, SubjectKind } from '@/lib/api/models';

export interface CriteriaSetQuery {
  subjectKind?: SubjectKind;
  status?: SetStatus;
}

const keys = {
  all: ['criteria-sets'] as const,
  list: (query: CriteriaSetQuery) => ['criteria-sets', 'list', query] as const,
};

export function useCriteriaSets(query: CriteriaSetQuery) {
  return useQuery({
    queryKey: keys.list(query),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/criteria-sets', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
}

function useCriteriaChanged() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: keys.all });
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
