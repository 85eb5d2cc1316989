import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { multipart, saveFile, unwrapFile } from '@/lib/api/files';
import type { components } from '@/lib/api/schema';
import type { FactListParams } from './types';

type ImportBody = components['schemas']['FactImportForm'];

/** Which facts: titles held by year, or discipline records and pending cases. */
export type FactKind = 'titles' | 'discipline';

export const factKeys = {
  all: ['eligibility-facts'] as const,
  list: (kind: FactKind, params: FactListParams) => ['eligibility-facts', kind, params] as const,
  rules: ['eligibility-rules'] as const,
  forms: ['award-forms', 'published'] as const,
};

export function useTitleRecords(params: FactListParams) {
  return useQuery({
    queryKey: factKeys.list('titles', params),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/title-records', { params: { query: params }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useDisciplineRecords(params: FactListParams) {
  return useQuery({
    queryKey: factKeys.list('discipline', params),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/discipline-records', { params: { query: params }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useRules() {
  return useQuery({
    queryKey: factKeys.rules,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/eligibility-rules', { signal })),
  });
}

/** The published award forms (their codes are the titles' codes), for names and filters. */
export function useAwardForms() {
  return useQuery({
    queryKey: factKeys.forms,
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/award-forms', { params: { query: { status: 'published' } }, signal })),
    staleTime: 5 * 60_000,
  });
}

export interface FactImportRequest {
  file: File;
  dryRun: boolean;
  onlyValid: boolean;
}

export function useImportFacts(kind: FactKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun, onlyValid }: FactImportRequest) => {
      const body = multipart<ImportBody>({ file, dryRun, onlyValid });
      return unwrap(
        kind === 'titles'
          ? api.POST('/api/v1/title-records/import', { body })
          : api.POST('/api/v1/discipline-records/import', { body }),
      );
    },
    onSuccess: (report) => {
      if (report.committed) return queryClient.invalidateQueries({ queryKey: factKeys.all });
    },
  });
}

export function useDownloadFactTemplate(kind: FactKind) {
  return useMutation({
    mutationFn: async () => {
      const { blob, fileName } = await unwrapFile(
        kind === 'titles'
          ? api.GET('/api/v1/title-records/import/template', { parseAs: 'blob' })
          : api.GET('/api/v1/discipline-records/import/template', { parseAs: 'blob' }),
      );
      saveFile(blob, fileName ?? (kind === 'titles' ? 'mau-nhap-danh-hieu.xlsx' : 'mau-nhap-ky-luat.xlsx'));
    },
  });
}
