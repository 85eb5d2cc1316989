import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap } from '@/lib/api/client';
import type { Unit, UnitInput, UnitListParams } from '@/lib/api/models';
import { unitKeys, unitListQuery, unitQuery } from '@/lib/api/queries/units';

export function useUnits(params: UnitListParams) {
  return useQuery({ ...unitListQuery(params), placeholderData: keepPreviousData });
}

/** The newest copy of one unit (to start over after a version conflict). */
export function useFetchUnit() {
  const queryClient = useQueryClient();
  return (id: number) => queryClient.fetchQuery({ ...unitQuery(id), staleTime: 0 });
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
