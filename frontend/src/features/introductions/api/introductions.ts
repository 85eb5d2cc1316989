import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap } from '@/lib/api/client';
import type {
  Introduction,
  IntroductionInput,
  IntroductionStatus,
  ProgrammeSettings,
} from '@/lib/api/models';

export interface IntroductionListQuery {
  month?: string;
  unitId?: number;
  status?: IntroductionStatus;
  page: number;
  pageSize: number;
}

const keys = {
  all: ['introductions'] as const,
  grid: (year: number) => ['introductions', 'grid', year] as const,
  list: (query: IntroductionListQuery) => ['introductions', 'list', query] as const,
  settings: ['settings'] as const,
};

export function useIntroductionGrid(year: number) {
  return useQuery({
    queryKey: keys.grid(year),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/introductions/grid', { params: { query: { year } }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useIntroductions(query: IntroductionListQuery) {
  return useQuery({
    queryKey: keys.list(query),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/introductions', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
}

/** Every change shows in the grid and the lists (and the home page's count). */
function useIntroductionsChanged() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: keys.all });
}

function versioned(introduction: Introduction) {
  return { path: { id: introduction.id }, header: { 'If-Match': ifMatch(introduction.version) } };
}

export function useCreateIntroduction() {
  const changed = useIntroductionsChanged();
  return useMutation({
    mutationFn: (input: IntroductionInput) => unwrap(api.POST('/api/v1/introductions', { body: input })),
    onSuccess: changed,
  });
}

export function useUpdateIntroduction() {
  const changed = useIntroductionsChanged();
  return useMutation({
    mutationFn: ({ introduction, input }: { introduction: Introduction; input: IntroductionInput }) =>
      unwrap(api.PUT('/api/v1/introductions/{id}', { params: versioned(introduction), body: input })),
    onSuccess: changed,
  });
}

export function useSubmitIntroduction() {
  const changed = useIntroductionsChanged();
  return useMutation({
    mutationFn: (introduction: Introduction) =>
      unwrap(api.POST('/api/v1/introductions/{id}/submit', { params: versioned(introduction) })),
    onSettled: changed,
  });
}

export function useDeleteIntroduction() {
  const changed = useIntroductionsChanged();
  return useMutation({
    mutationFn: (introduction: Introduction) =>
      unwrap(api.DELETE('/api/v1/introductions/{id}', { params: versioned(introduction) })),
    onSettled: changed,
  });
}

export function useSettings() {
  return useQuery({
    queryKey: keys.settings,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/settings', { signal })),
  });
}

export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      settings,
      introductionDueDay,
    }: {
      settings: ProgrammeSettings;
      introductionDueDay: number;
    }) =>
      unwrap(
        api.PUT('/api/v1/settings', {
          params: { header: { 'If-Match': ifMatch(settings.version) } },
          body: { introductionDueDay },
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(keys.settings, saved);
      // The grid judges pending and missing months against the due day.
      return queryClient.invalidateQueries({ queryKey: keys.all });
    },
  });
}

/** The exemplars of a unit, to choose which ones an introduction presents. */
export function useUnitExemplars(unitId: number | undefined) {
  return useQuery({
    queryKey: ['exemplars', 'choices', unitId],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/exemplars', {
          params: { query: { unitId, sort: 'name', pageSize: 100 } },
          signal,
        }),
      ),
    enabled: unitId !== undefined,
  });
}

export function useUnitChoices(includeInactive: boolean) {
  return useQuery({
    queryKey: ['units', 'tree', includeInactive],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/units/tree', { params: { query: { includeInactive } }, signal })),
  });
}
