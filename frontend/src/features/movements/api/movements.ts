import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap } from '@/lib/api/client';
import type { Movement, MovementInput } from '@/lib/api/models';

export interface MovementListQuery {
  q?: string;
  active?: boolean;
  page: number;
  pageSize: number;
}

const keys = {
  all: ['movements'] as const,
  list: (query: MovementListQuery) => ['movements', 'list', query] as const,
  detail: (id: number) => ['movements', 'detail', id] as const,
};

export function useMovements(query: MovementListQuery) {
  return useQuery({
    queryKey: keys.list(query),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/movements', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useFetchMovement() {
  const queryClient = useQueryClient();
  return (id: number) =>
    queryClient.fetchQuery({
      queryKey: keys.detail(id),
      queryFn: ({ signal }) =>
        unwrap(api.GET('/api/v1/movements/{id}', { params: { path: { id } }, signal })),
      staleTime: 0,
    });
}

/** Lists, the pickers of the exemplar forms, the filters: all follow a change. */
function useMovementsChanged() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: keys.all });
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
