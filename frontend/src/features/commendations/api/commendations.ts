import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap } from '@/lib/api/client';
import { multipart, saveFile, unwrapFile } from '@/lib/api/files';
import { proposalKeys } from '@/lib/api/queries/commendations';
import type {
  AwardFormInput,
  BaseSalary,
  BaseSalaryInput,
  ForwardInput,
  NoticeInput,
  Occasion,
  OccasionInput,
  OutcomeInput,
  Proposal,
  ProposalDecisionInput,
  ProposalFile,
  ProposalFileKind,
  ProposalInput,
  ProposalListParams,
  ProposalUploadForm,
  ReviewInput,
} from './models';

/** Every commendation query sits under `commendations`; a change invalidates what it touches. */
export const commendationKeys = {
  all: proposalKeys.all,
  proposals: proposalKeys.proposals,
  list: (params: ProposalListParams) => ['commendations', 'proposals', 'list', params] as const,
  detail: proposalKeys.detail,
  catalogue: ['commendations', 'catalogue'] as const,
  awardForms: (status?: string) => ['commendations', 'catalogue', 'award-forms', status ?? 'all'] as const,
  occasions: (active?: boolean) => ['commendations', 'catalogue', 'occasions', active ?? 'all'] as const,
  salaries: ['commendations', 'catalogue', 'base-salaries'] as const,
  rules: ['commendations', 'catalogue', 'rules'] as const,
  registers: (year: number) => ['commendations', 'registers', year] as const,
};

export function proposalListQuery(params: ProposalListParams) {
  return queryOptions({
    queryKey: commendationKeys.list(params),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/commendation-proposals', { params: { query: params }, signal })),
  });
}

export function useProposals(params: ProposalListParams) {
  return useQuery({ ...proposalListQuery(params), placeholderData: keepPreviousData });
}

export function useProposal(id: number) {
  return useQuery({
    queryKey: commendationKeys.detail(id),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/commendation-proposals/{id}', { params: { path: { id } }, signal })),
    enabled: Number.isFinite(id),
  });
}

export function useAwardForms(status?: 'draft' | 'published' | 'retired') {
  return useQuery({
    queryKey: commendationKeys.awardForms(status),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/award-forms', { params: { query: { status } }, signal })),
    staleTime: 5 * 60_000,
  });
}

export function useOccasions(active?: boolean) {
  return useQuery({
    queryKey: commendationKeys.occasions(active),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/commendation-occasions', { params: { query: { active } }, signal })),
    staleTime: 5 * 60_000,
  });
}

export function useBaseSalaries() {
  return useQuery({
    queryKey: commendationKeys.salaries,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/base-salaries', { signal })),
  });
}

export function useEligibilityRules() {
  return useQuery({
    queryKey: commendationKeys.rules,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/eligibility-rules', { signal })),
  });
}

/** The numbers of the decision (QĐ) or tờ trình (TTr) register still reserved, to pick one. */
export function useReservedNumbers(kind: 'qd' | 'ttr', year: number, enabled: boolean) {
  return useQuery({
    queryKey: [...commendationKeys.registers(year), kind],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/register-entries', {
          params: { query: { kind, year, status: 'reserved' } },
          signal,
        }),
      ),
    enabled,
  });
}

/** After any change to a proposal: keep the answer as the newest copy and refresh the lists. */
function useProposalChanged() {
  const queryClient = useQueryClient();
  return (saved?: Proposal | void) => {
    if (saved) queryClient.setQueryData(commendationKeys.detail(saved.id), saved);
    return queryClient.invalidateQueries({ queryKey: commendationKeys.proposals });
  };
}

function versioned(proposal: Proposal) {
  return { path: { id: proposal.id }, header: { 'If-Match': ifMatch(proposal.version) } };
}

export function useCreateProposal() {
  const changed = useProposalChanged();
  return useMutation({
    mutationFn: (input: ProposalInput) => unwrap(api.POST('/api/v1/commendation-proposals', { body: input })),
    onSuccess: changed,
  });
}

export function useUpdateProposal() {
  const changed = useProposalChanged();
  return useMutation({
    mutationFn: ({ proposal, input }: { proposal: Proposal; input: ProposalInput }) =>
      unwrap(api.PUT('/api/v1/commendation-proposals/{id}', { params: versioned(proposal), body: input })),
    onSuccess: changed,
  });
}

export function useDeleteProposal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (proposal: Proposal) =>
      unwrap(api.DELETE('/api/v1/commendation-proposals/{id}', { params: versioned(proposal) })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: commendationKeys.proposals }),
  });
}

/** The steps that take only a note (required to return or reject). */
export type NoteStep =
  'submit' | 'receive' | 'return' | 'send-to-council' | 'send-to-decision' | 'close-notice' | 'reject';

export function useNoteStep() {
  const changed = useProposalChanged();
  return useMutation({
    mutationFn: ({ proposal, step, note }: { proposal: Proposal; step: NoteStep; note: string | null }) =>
      unwrap(
        api.POST(`/api/v1/commendation-proposals/{id}/${step}`, {
          params: versioned(proposal),
          body: { note },
        }),
      ),
    onSuccess: changed,
    // Someone acted meanwhile: the next try starts from what is there now.
    onError: () => changed(),
  });
}

export function useReviewProposal() {
  const changed = useProposalChanged();
  return useMutation({
    mutationFn: ({ proposal, input }: { proposal: Proposal; input: ReviewInput }) =>
      unwrap(
        api.POST('/api/v1/commendation-proposals/{id}/review', { params: versioned(proposal), body: input }),
      ),
    onSuccess: changed,
    onError: () => changed(),
  });
}

export function useStartNotice() {
  const changed = useProposalChanged();
  return useMutation({
    mutationFn: ({ proposal, input }: { proposal: Proposal; input: NoticeInput }) =>
      unwrap(
        api.POST('/api/v1/commendation-proposals/{id}/start-notice', {
          params: versioned(proposal),
          body: input,
        }),
      ),
    onSuccess: changed,
    onError: () => changed(),
  });
}

export function useApproveProposal() {
  const changed = useProposalChanged();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ proposal, input }: { proposal: Proposal; input: ProposalDecisionInput }) =>
      unwrap(
        api.POST('/api/v1/commendation-proposals/{id}/approve', { params: versioned(proposal), body: input }),
      ),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['commendations', 'registers'] });
      return changed(saved);
    },
    onError: () => changed(),
  });
}

export function useForwardProposal() {
  const changed = useProposalChanged();
  return useMutation({
    mutationFn: ({ proposal, input }: { proposal: Proposal; input: ForwardInput }) =>
      unwrap(
        api.POST('/api/v1/commendation-proposals/{id}/forward', { params: versioned(proposal), body: input }),
      ),
    onSuccess: changed,
    onError: () => changed(),
  });
}

export function useRecordOutcome() {
  const changed = useProposalChanged();
  return useMutation({
    mutationFn: ({ proposal, input }: { proposal: Proposal; input: OutcomeInput }) =>
      unwrap(
        api.POST('/api/v1/commendation-proposals/{id}/record-outcome', {
          params: versioned(proposal),
          body: input,
        }),
      ),
    onSuccess: changed,
    onError: () => changed(),
  });
}

export function useMarkAwarded() {
  const changed = useProposalChanged();
  return useMutation({
    mutationFn: ({
      proposal,
      awardedOn,
      note,
    }: {
      proposal: Proposal;
      awardedOn: string;
      note: string | null;
    }) =>
      unwrap(
        api.POST('/api/v1/commendation-proposals/{id}/mark-awarded', {
          params: versioned(proposal),
          body: { awardedOn, note },
        }),
      ),
    onSuccess: changed,
    onError: () => changed(),
  });
}

export function useUploadProposalFile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      proposalId,
      file,
      kind,
      caption,
    }: {
      proposalId: number;
      file: File;
      kind: ProposalFileKind;
      caption?: string | null;
    }) =>
      unwrap(
        api.POST('/api/v1/commendation-proposals/{id}/attachments', {
          params: { path: { id: proposalId } },
          body: multipart<ProposalUploadForm>({ file, kind, caption }),
        }),
      ),
    onSettled: (_data, _error, { proposalId }) =>
      queryClient.invalidateQueries({ queryKey: commendationKeys.detail(proposalId) }),
  });
}

export function useDeleteProposalFile(proposalId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: ProposalFile) =>
      unwrap(
        api.DELETE('/api/v1/commendation-attachments/{id}', {
          params: { path: { id: file.id }, header: { 'If-Match': ifMatch(file.version) } },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: commendationKeys.detail(proposalId) }),
  });
}

/** The documents the server generates (DOCX) and the attached files, saved as real files. */
export type DocumentRequest =
  | { kind: 'to-trinh' | 'quyet-dinh'; proposalId: number }
  | { kind: 'certificate'; nomineeId: number; mode: 'full' | 'blank' }
  | { kind: 'attachment'; file: ProposalFile }
  | { kind: 'minutes'; meetingId: number };

function fetchDocument(request: DocumentRequest) {
  switch (request.kind) {
    case 'to-trinh':
      return api.GET('/api/v1/commendation-proposals/{id}/documents/to-trinh', {
        params: { path: { id: request.proposalId } },
        parseAs: 'blob',
      });
    case 'quyet-dinh':
      return api.GET('/api/v1/commendation-proposals/{id}/documents/quyet-dinh', {
        params: { path: { id: request.proposalId } },
        parseAs: 'blob',
      });
    case 'certificate':
      return api.GET('/api/v1/commendation-nominees/{id}/certificate', {
        params: { path: { id: request.nomineeId }, query: { mode: request.mode } },
        parseAs: 'blob',
      });
    case 'attachment':
      return api.GET('/api/v1/commendation-attachments/{id}/content', {
        params: { path: { id: request.file.id } },
        parseAs: 'blob',
      });
    case 'minutes':
      return api.GET('/api/v1/council-meetings/{id}/minutes', {
        params: { path: { id: request.meetingId } },
        parseAs: 'blob',
      });
  }
}

function fallbackName(request: DocumentRequest): string {
  switch (request.kind) {
    case 'to-trinh':
      return `to-trinh-${request.proposalId}.docx`;
    case 'quyet-dinh':
      return `quyet-dinh-${request.proposalId}.docx`;
    case 'certificate':
      return `giay-khen-${request.nomineeId}${request.mode === 'blank' ? '-phoi' : ''}.docx`;
    case 'attachment':
      return request.file.fileName;
    case 'minutes':
      return `bien-ban-hop-hoi-dong-${request.meetingId}.docx`;
  }
}

export function useDownloadDocument() {
  return useMutation({
    mutationFn: async (request: DocumentRequest) => {
      const { blob, fileName } = await unwrapFile(fetchDocument(request) as Promise<BlobAnswer>);
      saveFile(blob, fileName ?? fallbackName(request));
    },
  });
}

/** A file answer (every branch of `fetchDocument` asks for a blob). */
interface BlobAnswer {
  data?: Blob;
  error?: unknown;
  response: Response;
}

// The catalogue (admin, office).

export function useSaveAwardForm() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, input }: { id?: number; version?: number; input: AwardFormInput }) =>
      id === undefined || version === undefined
        ? unwrap(api.POST('/api/v1/award-forms', { body: input }))
        : unwrap(
            api.PUT('/api/v1/award-forms/{id}', {
              params: { path: { id }, header: { 'If-Match': ifMatch(version) } },
              body: input,
            }),
          ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: commendationKeys.catalogue }),
  });
}

export type AwardFormStep = 'publish' | 'retire' | 'new-version';

export function useAwardFormStep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, step }: { id: number; version: number; step: AwardFormStep }) =>
      unwrap(
        api.POST(`/api/v1/award-forms/{id}/${step}`, {
          params: { path: { id }, header: { 'If-Match': ifMatch(version) } },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: commendationKeys.catalogue }),
  });
}

export function useSaveBaseSalary() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ salary, input }: { salary?: BaseSalary; input: BaseSalaryInput }) =>
      salary
        ? unwrap(
            api.PUT('/api/v1/base-salaries/{id}', {
              params: { path: { id: salary.id }, header: { 'If-Match': ifMatch(salary.version) } },
              body: input,
            }),
          )
        : unwrap(api.POST('/api/v1/base-salaries', { body: input })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: commendationKeys.salaries }),
  });
}

export function useSaveOccasion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ occasion, input }: { occasion?: Occasion; input: OccasionInput }) =>
      occasion
        ? unwrap(
            api.PUT('/api/v1/commendation-occasions/{id}', {
              params: { path: { id: occasion.id }, header: { 'If-Match': ifMatch(occasion.version) } },
              body: input,
            }),
          )
        : unwrap(api.POST('/api/v1/commendation-occasions', { body: input })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: commendationKeys.catalogue }),
  });
}
