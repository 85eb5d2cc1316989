import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap } from '@/lib/api/client';
import { saveFile, unwrapFile } from '@/lib/api/files';
import { notificationKeys } from '@/lib/api/queries/notifications';
import { obligationKeys, obligationListQuery } from '@/lib/api/queries/obligations';
import type { ObligationFilters, ReportSubmission, SubmissionInput } from './types';

export { obligationKeys };

export function useObligations(filters: ObligationFilters, page: number, pageSize: number) {
  return useQuery({ ...obligationListQuery(filters, page, pageSize), placeholderData: keepPreviousData });
}

export function reportSubmissionQuery(id: number) {
  return queryOptions({
    queryKey: obligationKeys.submission(id),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/report-submissions/{id}', { params: { path: { id } }, signal })),
  });
}

export function useReportSubmission(id: number | undefined) {
  return useQuery({ ...reportSubmissionQuery(id ?? 0), enabled: id !== undefined });
}

/** A report's step changes the calendar, the report and the bell. */
function useReportsChanged() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: obligationKeys.all }),
      queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
    ]);
}

export function useSubmitReport() {
  const changed = useReportsChanged();
  return useMutation({
    mutationFn: (input: SubmissionInput) => unwrap(api.POST('/api/v1/report-submissions', { body: input })),
    onSuccess: changed,
  });
}

export type DecisionStep = 'accept' | 'return' | 'resubmit';

export interface StepRequest {
  report: ReportSubmission;
  step: DecisionStep;
  note?: string;
  title?: string;
}

export function useReportStep() {
  const changed = useReportsChanged();
  return useMutation({
    mutationFn: ({ report, step, note, title }: StepRequest) => {
      const params = { path: { id: report.id }, header: { 'If-Match': ifMatch(report.version) } };
      const cleanNote = note?.trim() || null;
      switch (step) {
        case 'accept':
          return unwrap(
            api.POST('/api/v1/report-submissions/{id}/accept', { params, body: { note: cleanNote } }),
          );
        case 'return':
          return unwrap(
            api.POST('/api/v1/report-submissions/{id}/return', { params, body: { note: cleanNote } }),
          );
        case 'resubmit':
          return unwrap(
            api.POST('/api/v1/report-submissions/{id}/resubmit', {
              params,
              body: { note: cleanNote, title: title?.trim() || null },
            }),
          );
      }
    },
    onSettled: changed,
  });
}

export function useExportObligations() {
  return useMutation({
    mutationFn: async ({ format, filters }: { format: 'csv' | 'xlsx'; filters: ObligationFilters }) => {
      const { blob, fileName } = await unwrapFile(
        api.GET('/api/v1/obligations/export', { params: { query: { format, ...filters } }, parseAs: 'blob' }),
      );
      saveFile(blob, fileName ?? `lich-bao-cao.${format}`);
    },
  });
}
