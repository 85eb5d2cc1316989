import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap } from '@/lib/api/client';
import { notificationKeys } from '@/lib/api/queries/notifications';
import type { components } from '@/lib/api/schema';

type Schemas = components['schemas'];
export type Difficulty = Schemas['Difficulty'];
export type DifficultyListItem = Schemas['DifficultySummaryItem'];
export type DifficultyStatus = Schemas['DifficultyStatus'];
export type DifficultyAction = Schemas['DifficultyAction'];
export type DifficultyInput = Schemas['DifficultyInput'];
export type DifficultyStep = Schemas['Step'];

export interface DifficultyFilters {
  status?: DifficultyStatus;
  unitId?: number;
  q?: string;
}

export const difficultyKeys = {
  all: ['difficulties'] as const,
  list: (filters: DifficultyFilters, page: number, pageSize: number) =>
    ['difficulties', 'list', filters, page, pageSize] as const,
  one: (id: number) => ['difficulties', 'one', id] as const,
};

export function useDifficulties(filters: DifficultyFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: difficultyKeys.list(filters, page, pageSize),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/difficulties', { params: { query: { ...filters, page, pageSize } }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function difficultyQuery(id: number) {
  return queryOptions({
    queryKey: difficultyKeys.one(id),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/difficulties/{id}', { params: { path: { id } }, signal })),
  });
}

export function useDifficulty(id: number | undefined) {
  return useQuery({ ...difficultyQuery(id ?? 0), enabled: id !== undefined });
}

function useDifficultiesChanged() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: difficultyKeys.all }),
      queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
    ]);
}

export function useRaiseDifficulty() {
  const changed = useDifficultiesChanged();
  return useMutation({
    mutationFn: (input: DifficultyInput) => unwrap(api.POST('/api/v1/difficulties', { body: input })),
    onSuccess: changed,
  });
}

const versioned = (difficulty: Difficulty) => ({
  path: { id: difficulty.id },
  header: { 'If-Match': ifMatch(difficulty.version) },
});

export function useUpdateDifficulty() {
  const changed = useDifficultiesChanged();
  return useMutation({
    mutationFn: ({ difficulty, input }: { difficulty: Difficulty; input: DifficultyInput }) =>
      unwrap(api.PUT('/api/v1/difficulties/{id}', { params: versioned(difficulty), body: input })),
    onSuccess: changed,
  });
}

export function useDeleteDifficulty() {
  const changed = useDifficultiesChanged();
  return useMutation({
    mutationFn: (difficulty: Difficulty) =>
      unwrap(api.DELETE('/api/v1/difficulties/{id}', { params: versioned(difficulty) })),
    onSettled: changed,
  });
}

/** The steps that take a note and move the difficulty along. */
export type NoteStep = 'answer' | 'refer' | 'direct' | 'close' | 'reopen';

export function useDifficultyStep() {
  const changed = useDifficultiesChanged();
  return useMutation({
    mutationFn: ({ difficulty, step, note }: { difficulty: Difficulty; step: NoteStep; note?: string }) => {
      const params = versioned(difficulty);
      const body = { note: note?.trim() || null };
      switch (step) {
        case 'answer':
          return unwrap(api.POST('/api/v1/difficulties/{id}/answer', { params, body }));
        case 'refer':
          return unwrap(api.POST('/api/v1/difficulties/{id}/refer', { params, body }));
        case 'direct':
          return unwrap(api.POST('/api/v1/difficulties/{id}/direct', { params, body }));
        case 'close':
          return unwrap(api.POST('/api/v1/difficulties/{id}/close', { params, body }));
        case 'reopen':
          return unwrap(api.POST('/api/v1/difficulties/{id}/reopen', { params, body }));
      }
    },
    onSettled: changed,
  });
}
