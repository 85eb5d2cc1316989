import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap } from '@/lib/api/client';
import type { Movement, MovementInput, MovementListParams } from '@/lib/api/models';
import { movementKeys, movementListQuery, movementQuery } from '@/lib/api/queries/movements';

export function useMovements(params: MovementListParams) {
  return useQuery({ ...movementListQuery(params), placeholderData: keepPreviousData });
}

/** The newest copy of one movement (to start over after a version conflict). */
export function useFetchMovement() {
  const queryClient = useQueryClient();
  return (id: number) => queryClient.fetchQuery({ ...movementQuery(id), staleTime: 0 });
}

/** Lists, the pickers of the exemplar forms, the filters: all follow a change. */
function useMovementsChanged() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: movementKeys.all });
}

function versioned(movement: Movement) {
  return { path: { id: movement.id }, header: { 'If-Match': ifMatch(movement.version) } };
}

export function useCreateMovement() {
  const changed = useMovementsChanged();
  return useMutation({
    mutationFn: (input: MovementInput) => unwrap(api.POST('/api/v1/movements', { body: input })),
    onSuccess: changed,
  });
}

export function useUpdateMovement() {
  const changed = useMovementsChanged();
  return useMutation({
    mutationFn: ({ movement, input }: { movement: Movement; input: MovementInput }) =>
      unwrap(api.PUT('/api/v1/movements/{id}', { params: versioned(movement), body: input })),
    onSuccess: changed,
  });
}

export function useSetMovementOpen() {
  const changed = useMovementsChanged();
  return useMutation({
    mutationFn: ({ movement, open }: { movement: Movement; open: boolean }) =>
      unwrap(
        open
          ? api.POST('/api/v1/movements/{id}/reopen', { params: versioned(movement) })
          : api.POST('/api/v1/movements/{id}/close', { params: versioned(movement) }),
      ),
    onSettled: changed,
  });
}
