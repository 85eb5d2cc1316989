import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap } from '@/lib/api/client';
import { saveFile, unwrapFile } from '@/lib/api/files';
import type {
  Introduction,
  IntroductionInput,
  IntroductionListParams,
  ProgrammeSettings,
  ReminderInput,
} from '@/lib/api/models';
import { exemplarListQuery } from '@/lib/api/queries/exemplars';
import {
  introductionGridQuery,
  introductionKeys,
  introductionListQuery,
} from '@/lib/api/queries/introductions';
import { settingsKeys } from '@/lib/api/queries/settings';

export function useIntroductionGrid(year: number) {
  return useQuery({ ...introductionGridQuery(year), placeholderData: keepPreviousData });
}

export function useIntroductions(params: IntroductionListParams) {
  return useQuery({ ...introductionListQuery(params), placeholderData: keepPreviousData });
}

/** Every change shows in the grid and the lists (and the home page's count). */
function useIntroductionsChanged() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: introductionKeys.all });
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
      queryClient.setQueryData(settingsKeys.all, saved);
      // The grid judges pending and missing months against the due day.
      return queryClient.invalidateQueries({ queryKey: introductionKeys.all });
    },
  });
}

/** The exemplars of a unit, to choose which ones an introduction presents. */
export function useUnitExemplars(unitId: number | undefined) {
  return useQuery({
    ...exemplarListQuery({ unitId, sort: 'name', pageSize: 100 }),
    enabled: unitId !== undefined,
  });
}

/** Downloads the grid of a year as an Excel workbook (with the caller's token, as every request). */
export function useExportIntroductionGrid() {
  return useMutation({
    mutationFn: async (year: number) => {
      const { blob, fileName } = await unwrapFile(
        api.GET('/api/v1/introductions/grid/export', { params: { query: { year } }, parseAs: 'blob' }),
      );
      saveFile(blob, fileName ?? `gioi-thieu-hang-thang-${year}.xlsx`);
    },
  });
}

/** The Office reminds units of a month's introduction (they get a notification). */
export function useRemindUnits() {
  return useMutation({
    mutationFn: (input: ReminderInput) =>
      unwrap(api.POST('/api/v1/introductions/reminders', { body: input })),
  });
}
