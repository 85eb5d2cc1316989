import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap } from '@/lib/api/client';
import { multipart, saveFile, unwrapFile } from '@/lib/api/files';
import type {
  EvaluatorKind,
  Exemplar,
  ExemplarFilters,
  ExemplarInput,
  ExemplarListParams,
  ImportForm,
  NurturingPlanInput,
  Replication,
  ReplicationInput,
  StageMove,
  SummaryInput,
  UploadForm,
} from '@/lib/api/models';
import { exemplarKeys, exemplarListQuery, exemplarQuery } from '@/lib/api/queries/exemplars';

export function useExemplars(params: ExemplarListParams) {
  return useQuery({ ...exemplarListQuery(params), placeholderData: keepPreviousData });
}

export function useExemplar(id: number) {
  return useQuery({ ...exemplarQuery(id), enabled: Number.isFinite(id) });
}

/** The newest copy of one exemplar (to start over after a version conflict). */
export function useFetchExemplar() {
  const queryClient = useQueryClient();
  return (id: number) => queryClient.fetchQuery({ ...exemplarQuery(id), staleTime: 0 });
}

/**
 * After any change to an exemplar: keep the answer as the newest copy (when there is one) and
 * refresh the lists, the counts and the detail, which every step can change.
 */
function useExemplarChanged() {
  const queryClient = useQueryClient();
  return (saved?: Exemplar | void) => {
    if (saved) queryClient.setQueryData(exemplarKeys.detail(saved.id), saved);
    return queryClient.invalidateQueries({ queryKey: exemplarKeys.all });
  };
}

function versioned(exemplar: Exemplar) {
  return { path: { id: exemplar.id }, header: { 'If-Match': ifMatch(exemplar.version) } };
}

export function useCreateExemplar() {
  const changed = useExemplarChanged();
  return useMutation({
    mutationFn: (input: ExemplarInput) => unwrap(api.POST('/api/v1/exemplars', { body: input })),
    onSuccess: changed,
  });
}

export function useUpdateExemplar() {
  const changed = useExemplarChanged();
  return useMutation({
    mutationFn: ({ exemplar, input }: { exemplar: Exemplar; input: ExemplarInput }) =>
      unwrap(api.PUT('/api/v1/exemplars/{id}', { params: versioned(exemplar), body: input })),
    onSuccess: changed,
  });
}

export function useDeleteExemplar() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (exemplar: Exemplar) =>
      unwrap(api.DELETE('/api/v1/exemplars/{id}', { params: versioned(exemplar) })),
    // Only the lists: the page of the deleted record is left right away.
    onSettled: () => queryClient.invalidateQueries({ queryKey: exemplarKeys.lists }),
  });
}

// The review workflow: one hook per step. A refusal (someone acted meanwhile) refreshes the
// record too, so the next try starts from what is there now.

export function useSubmitExemplar() {
  const changed = useExemplarChanged();
  return useMutation({
    mutationFn: (exemplar: Exemplar) =>
      unwrap(api.POST('/api/v1/exemplars/{id}/submit', { params: versioned(exemplar) })),
    onSuccess: changed,
    onError: () => changed(),
  });
}

export function useConfirmExemplar() {
  const changed = useExemplarChanged();
  return useMutation({
    mutationFn: ({ exemplar, note }: { exemplar: Exemplar; note: string | null }) =>
      unwrap(api.POST('/api/v1/exemplars/{id}/confirm', { params: versioned(exemplar), body: { note } })),
    onSuccess: changed,
    onError: () => changed(),
  });
}

export function useReturnExemplar() {
  const changed = useExemplarChanged();
  return useMutation({
    mutationFn: ({ exemplar, note }: { exemplar: Exemplar; note: string | null }) =>
      unwrap(api.POST('/api/v1/exemplars/{id}/return', { params: versioned(exemplar), body: { note } })),
    onSuccess: changed,
    onError: () => changed(),
  });
}

export function useProposeStage() {
  const changed = useExemplarChanged();
  return useMutation({
    mutationFn: ({ exemplar, move }: { exemplar: Exemplar; move: StageMove }) =>
      unwrap(api.POST('/api/v1/exemplars/{id}/stage-proposal', { params: versioned(exemplar), body: move })),
    onSuccess: changed,
    onError: () => changed(),
  });
}

export function useConfirmProposal() {
  const changed = useExemplarChanged();
  return useMutation({
    mutationFn: ({ exemplar, note }: { exemplar: Exemplar; note: string | null }) =>
      unwrap(
        api.POST('/api/v1/exemplars/{id}/stage-proposal/confirm', {
          params: versioned(exemplar),
          body: { note },
        }),
      ),
    onSuccess: changed,
    onError: () => changed(),
  });
}

export function useRejectProposal() {
  const changed = useExemplarChanged();
  return useMutation({
    mutationFn: ({ exemplar, note }: { exemplar: Exemplar; note: string | null }) =>
      unwrap(
        api.POST('/api/v1/exemplars/{id}/stage-proposal/reject', {
          params: versioned(exemplar),
          body: { note },
        }),
      ),
    onSuccess: changed,
    onError: () => changed(),
  });
}

export function useWithdrawProposal() {
  const changed = useExemplarChanged();
  return useMutation({
    mutationFn: (exemplar: Exemplar) =>
      unwrap(api.POST('/api/v1/exemplars/{id}/stage-proposal/withdraw', { params: versioned(exemplar) })),
    onSuccess: changed,
    onError: () => changed(),
  });
}

export function useMoveStage() {
  const changed = useExemplarChanged();
  return useMutation({
    mutationFn: ({ exemplar, move }: { exemplar: Exemplar; move: StageMove }) =>
      unwrap(api.POST('/api/v1/exemplars/{id}/stage', { params: versioned(exemplar), body: move })),
    onSuccess: changed,
    onError: () => changed(),
  });
}

// Stage records. Saving one does not change the exemplar's version, but its timeline and
// records: the detail is refetched.

export function useSaveNurturingPlan() {
  const changed = useExemplarChanged();
  return useMutation({
    mutationFn: ({ exemplar, input }: { exemplar: Exemplar; input: NurturingPlanInput }) => {
      const plan = exemplar.nurturingPlan;
      return unwrap(
        api.PUT('/api/v1/exemplars/{id}/nurturing-plan', {
          params: {
            path: { id: exemplar.id },
            header: plan ? { 'If-Match': ifMatch(plan.version) } : undefined,
          },
          body: input,
        }),
      );
    },
    onSuccess: () => changed(),
    // Someone else saved meanwhile: fetch their version; what was typed stays in the form.
    onError: () => changed(),
  });
}

export function useSaveSummary() {
  const changed = useExemplarChanged();
  return useMutation({
    mutationFn: ({ exemplar, input }: { exemplar: Exemplar; input: SummaryInput }) => {
      const summary = exemplar.summary;
      return unwrap(
        api.PUT('/api/v1/exemplars/{id}/summary', {
          params: {
            path: { id: exemplar.id },
            header: summary ? { 'If-Match': ifMatch(summary.version) } : undefined,
          },
          body: input,
        }),
      );
    },
    onSuccess: () => changed(),
    // Someone else saved meanwhile: fetch their version; what was typed stays in the form.
    onError: () => changed(),
  });
}

export function useAddReplication() {
  const changed = useExemplarChanged();
  return useMutation({
    mutationFn: ({ exemplar, input }: { exemplar: Exemplar; input: ReplicationInput }) =>
      unwrap(
        api.POST('/api/v1/exemplars/{id}/replications', {
          params: { path: { id: exemplar.id } },
          body: input,
        }),
      ),
    onSuccess: () => changed(),
  });
}

export function useUpdateReplication() {
  const changed = useExemplarChanged();
  return useMutation({
    mutationFn: ({ replication, input }: { replication: Replication; input: ReplicationInput }) =>
      unwrap(
        api.PUT('/api/v1/replications/{id}', {
          params: { path: { id: replication.id }, header: { 'If-Match': ifMatch(replication.version) } },
          body: input,
        }),
      ),
    onSuccess: () => changed(),
  });
}

export function useDeleteReplication() {
  const changed = useExemplarChanged();
  return useMutation({
    mutationFn: (replication: Replication) =>
      unwrap(
        api.DELETE('/api/v1/replications/{id}', {
          params: { path: { id: replication.id }, header: { 'If-Match': ifMatch(replication.version) } },
        }),
      ),
    onSettled: () => changed(),
  });
}

/** Chooses which image attachment is the exemplar's picture. */
export function useChoosePhoto() {
  const changed = useExemplarChanged();
  return useMutation({
    mutationFn: ({ exemplar, attachmentId }: { exemplar: Exemplar; attachmentId: number }) =>
      unwrap(
        api.PUT('/api/v1/exemplars/{id}/photo', { params: versioned(exemplar), body: { attachmentId } }),
      ),
    onSuccess: changed,
    // Someone changed the record meanwhile: fetch it, so that the next try has its version.
    onError: () => changed(),
  });
}

/** Uploads the picture chosen in the new-record form, as the exemplar's first image. */
export function useUploadPhoto() {
  const changed = useExemplarChanged();
  return useMutation({
    mutationFn: ({ exemplarId, file }: { exemplarId: number; file: File }) =>
      unwrap(
        api.POST('/api/v1/exemplars/{id}/attachments', {
          params: { path: { id: exemplarId } },
          body: multipart<UploadForm>({ file, caption: 'Ảnh đại diện' }),
        }),
      ),
    onSettled: () => changed(),
  });
}

/** Refreshes one exemplar (its files changed). */
export function useRefreshExemplar() {
  const queryClient = useQueryClient();
  return (id: number) => queryClient.invalidateQueries({ queryKey: exemplarKeys.detail(id) });
}

export function useCreateEvaluation() {
  const changed = useExemplarChanged();
  return useMutation({
    mutationFn: ({
      exemplar,
      evaluatorKind,
      criteriaSetId,
    }: {
      exemplar: Exemplar;
      evaluatorKind: EvaluatorKind;
      criteriaSetId?: number;
    }) =>
      unwrap(
        api.POST('/api/v1/exemplars/{id}/evaluations', {
          params: { path: { id: exemplar.id } },
          body: { evaluatorKind, criteriaSetId: criteriaSetId ?? null },
        }),
      ),
    onSuccess: () => changed(),
  });
}

/** The filtered list as an Excel file, saved under the name the server gives it. */
export function useExportExemplars() {
  return useMutation({
    mutationFn: async (filters: ExemplarFilters) => {
      const { blob, fileName } = await unwrapFile(
        api.GET('/api/v1/exemplars/export', { params: { query: filters }, parseAs: 'blob' }),
      );
      saveFile(blob, fileName ?? 'diem-hinh-tien-tien.xlsx');
    },
  });
}

/** The import template (the columns, an example row and a sheet explaining each column). */
export function useDownloadImportTemplate() {
  return useMutation({
    mutationFn: async () => {
      const { blob, fileName } = await unwrapFile(
        api.GET('/api/v1/exemplars/import/template', { parseAs: 'blob' }),
      );
      saveFile(blob, fileName ?? 'mau-nhap-diem-hinh.xlsx');
    },
  });
}

export interface ImportRequest {
  file: File;
  dryRun: boolean;
  onlyValid: boolean;
  unitId?: number;
}

/** Sends the spreadsheet: a dry run, or the import itself. */
export function useImportExemplars() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun, onlyValid, unitId }: ImportRequest) =>
      unwrap(
        api.POST('/api/v1/exemplars/import', {
          body: multipart<ImportForm>({ file, dryRun, onlyValid, unitId }),
        }),
      ),
    onSuccess: (report) => {
      if (report.committed) return queryClient.invalidateQueries({ queryKey: exemplarKeys.all });
    },
  });
}
