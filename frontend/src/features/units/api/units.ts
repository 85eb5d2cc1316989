import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap } from '@/lib/api/client';
import type { Unit, UnitInput, UnitKind } from '@/lib/api/models';

export interface UnitListQuery {
  q?: string;
  kind?: UnitKind;
  active?: boolean;
  sort?: string;
  page: number;
  pageSize: number;
}

const unitKeys = {
  all: ['units'] as const,
  list: (query: UnitListQuery) => ['units', 'list', query] as const,
  tree: (includeInactive: boolean) => ['units', 'tree', includeInactive] as const,
  detail: (id: number) => ['units', 'detail', id] as const,
};

export function useUnits(query: UnitListQuery) {
  return useQuery({
    queryKey: unitKeys.list(query),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/units', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useUnitTree(includeInactive: boolean) {
  return useQuery({
    queryKey: unitKeys.tree(includeInactive),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/units/tree', { params: { query: { includeInactive } }, signal })),
  });
}

/** The newest copy of one unit (to start over after a version conflict). */
export function useFetchUnit() {
  const queryClient = useQueryClient();
  return (id: number) =>
    queryClient.fetchQuery({
      queryKey: unitKeys.detail(id),
      queryFn: ({ signal }) => unwrap(api.GET('/api/v1/units/{id}', { params: { path: { id } }, signal })),
      staleTime: 0,
    });
}

/** Every change to a unit can move it in the tree, the lists and the counts: refresh them all. */
function useInvalidateUnits() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: unitKeys.all });
}

export function useCreateUnit() {
  const invalidate = useInvalidateUnits();
  return useMutation({
    mutationFn: (input: UnitInput) => unwrap(api.POST('/api/v1/units', { body: input })),
    onSuccess: invalidate,
  });
}

export function useUpdateUnit() {
  const invalidate = useInvalidateUnits();
  return useMutation({
    mutationFn: ({ unit, input }: { unit: Unit; input: UnitInput }) =>
      unwrap(
        api.PUT('/api/v1/units/{id}', {
          params: { path: { id: unit.id }, header: { 'If-Match': ifMatch(unit.version) } },
          body: input,
        }),
      ),
    onSuccess: invalidate,
  });
}

export function useSetUnitActive() {
  const invalidate = useInvalidateUnits();
  return useMutation({
    mutationFn: ({ unit, active }: { unit: Unit; active: boolean }) => {
      const params = { path: { id: unit.id }, header: { 'If-Match': ifMatch(unit.version) } };
      return unwrap(
        active
          ? api.POST('/api/v1/units/{id}/activate', { params })
          : api.POST('/api/v1/units/{id}/deactivate', { params }),
      );
    },
    onSettled: invalidate,
  });
}

export function useDeleteUnit() {
  const invalidate = useInvalidateUnits();
  return useMutation({
    mutationFn: (unit: Unit) =>
      unwrap(
        api.DELETE('/api/v1/units/{id}', {
          params: { path: { id: unit.id }, header: { 'If-Match': ifMatch(unit.version) } },
        }),
      ),
    onSettled: invalidate,
  });
}
