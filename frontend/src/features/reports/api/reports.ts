import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, ifMatch, unwrap } from '@/lib/api/client';
import { saveFile, unwrapFile } from '@/lib/api/files';
import { notificationKeys } from '@/lib/api/queries/notifications';
import { obligationKeys } from '@/lib/api/queries/obligations';
import { reportKeys, reportListQuery } from '@/lib/api/queries/reports';
import type { CompendiumInput, NewReportInput, Report, ReportFilters, ReportInput } from './types';
import type { ReportStep } from '../labels';

export { reportKeys };

export function useReports(filters: ReportFilters, page: number, pageSize: number) {
  return useQuery({ ...reportListQuery(filters, page, pageSize), placeholderData: keepPreviousData });
}

export function reportQuery(id: number) {
  return queryOptions({
    queryKey: reportKeys.detail(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/reports/{id}', { params: { path: { id } }, signal })),
  });
}

/**
 * The calendar's settings (the plan's years and reviews), to name the periods a report can be
 * for; the same cache entry as the calendar settings page's.
 */
export function usePlanYears() {
  return useQuery({
    queryKey: ['calendar', 'settings'] as const,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/calendar/settings', { signal })),
    staleTime: 5 * 60_000,
  });
}

export function useReport(id: number | undefined) {
  return useQuery({ ...reportQuery(id ?? 0), enabled: id !== undefined });
}

/** Reads a report afresh (after someone else changed it) and keeps it in the cache. */
export function useFetchReport() {
  const queryClient = useQueryClient();
  return useCallback(
    (id: number) => queryClient.fetchQuery({ ...reportQuery(id), staleTime: 0 }),
    [queryClient],
  );
}

export function useCreateReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewReportInput) => unwrap(api.POST('/api/v1/reports', { body: input })),
    onSuccess: (report) => {
      queryClient.setQueryData(reportKeys.detail(report.id), report);
      return queryClient.invalidateQueries({ queryKey: reportKeys.all, refetchType: 'none' });
    },
  });
}

export function useUpdateReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ report, input }: { report: Pick<Report, 'id' | 'version'>; input: ReportInput }) =>
      unwrap(
        api.PUT('/api/v1/reports/{id}', {
          params: { path: { id: report.id }, header: { 'If-Match': ifMatch(report.version) } },
          body: input,
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(reportKeys.detail(saved.id), saved);
      return queryClient.invalidateQueries({ queryKey: reportKeys.all, refetchType: 'none' });
    },
  });
}

interface Answer<D> {
  data?: D;
  error?: unknown;
  response: Response;
}

/** One workflow step on a report (no body to submit, `{ note }` to decide; a Report back). */
function sendStep(report: Pick<Report, 'id' | 'version'>, step: ReportStep, note: string | null) {
  const params = { path: { id: report.id }, header: { 'If-Match': ifMatch(report.version) } };
  const body = { note };
  let pending: Promise<unknown>;
  switch (step) {
    case 'submit':
    case 'resubmit':
      // A returned report is sent again by the same endpoint.
      pending = api.POST('/api/v1/reports/{id}/submit', { params });
      break;
    case 'accept':
      pending = api.POST('/api/v1/reports/{id}/accept', { params, body });
      break;
    case 'approve':
      pending = api.POST('/api/v1/reports/{id}/approve', { params, body });
      break;
    case 'return':
      pending = api.POST('/api/v1/reports/{id}/return', { params, body });
      break;
  }
  return unwrap(pending as Promise<Answer<Report>>);
}

export interface StepRequest {
  report: Pick<Report, 'id' | 'version'>;
  step: ReportStep;
  note?: string;
}

/** A step changes the report, its submission on the calendar, and the bell. */
export function useReportStep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ report, step, note }: StepRequest) => sendStep(report, step, note?.trim() || null),
    onSuccess: (report) => queryClient.setQueryData(reportKeys.detail(report.id), report),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: reportKeys.all }),
        queryClient.invalidateQueries({ queryKey: obligationKeys.all }),
        queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
      ]),
  });
}

export type ReportFile = 'docx' | 'xlsx' | 'csv';

/** The report as a DOCX, or its annex tables as XLSX or CSV, saved under the server's file name. */
export function useDownloadReport() {
  return useMutation({
    mutationFn: async ({ id, file }: { id: number; file: ReportFile }) => {
      const pending =
        file === 'docx'
          ? api.GET('/api/v1/reports/{id}/docx', { params: { path: { id } }, parseAs: 'blob' })
          : api.GET('/api/v1/reports/{id}/annex', {
              params: { path: { id }, query: { format: file } },
              parseAs: 'blob',
            });
      const { blob, fileName } = await unwrapFile(pending as Promise<Answer<Blob>>);
      saveFile(blob, fileName ?? (file === 'docx' ? `bao-cao-${id}.docx` : `phu-luc-bao-cao-${id}.${file}`));
    },
  });
}

/** "Tài liệu gương điển hình tiên tiến": the chosen exemplars compiled into one DOCX. */
export function useCompendium() {
  return useMutation({
    mutationFn: async (input: CompendiumInput) => {
      const { blob, fileName } = await unwrapFile(
        api.POST('/api/v1/reports/compendium', { body: input, parseAs: 'blob' }) as Promise<Answer<Blob>>,
      );
      saveFile(blob, fileName ?? 'tai-lieu-guong-dien-hinh-tien-tien.docx');
    },
  });
}
