import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap } from '@/lib/api/client';
import type { Evaluation, EvaluationInput } from '@/lib/api/models';

const evaluationKeys = {
  detail: (id: number) => ['evaluations', 'detail', id] as const,
};

/** Exemplars show their evaluations and current conclusion: refresh them after a change. */
const EXEMPLARS = ['exemplars'] as const;

export function useEvaluation(id: number) {
  return useQuery({
    queryKey: evaluationKeys.detail(id),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/evaluations/{id}', { params: { path: { id } }, signal })),
    enabled: Number.isFinite(id),
  });
}

/** The exemplar an evaluation is about (shared with the exemplar pages' cache). */
export function useEvaluatedExemplar(id: number | undefined) {
  return useQuery({
    queryKey: ['exemplars', 'detail', id],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/exemplars/{id}', { params: { path: { id: id as number } }, signal })),
    enabled: id !== undefined,
  });
}

function useEvaluationChanged() {
  const queryClient = useQueryClient();
  return (saved: Evaluation) => {
    queryClient.setQueryData(evaluationKeys.detail(saved.id), saved);
  };
}

function versioned(evaluation: Evaluation) {
  return { path: { id: evaluation.id }, header: { 'If-Match': ifMatch(evaluation.version) } };
}

export function useSaveEvaluation() {
  const changed = useEvaluationChanged();
  return useMutation({
    mutationFn: ({ evaluation, input }: { evaluation: Evaluation; input: EvaluationInput }) =>
      unwrap(api.PUT('/api/v1/evaluations/{id}', { params: versioned(evaluation), body: input })),
    onSuccess: changed,
  });
}

export function useFinaliseEvaluation() {
  const changed = useEvaluationChanged();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (evaluation: Evaluation) =>
      unwrap(api.POST('/api/v1/evaluations/{id}/finalise', { params: versioned(evaluation) })),
    onSuccess: (saved) => {
      changed(saved);
      // The one it amends is now superseded.
      if (saved.supersedesId) {
        void queryClient.invalidateQueries({ queryKey: evaluationKeys.detail(saved.supersedesId) });
      }
      return queryClient.invalidateQueries({ queryKey: EXEMPLARS });
    },
  });
}

export function useAmendEvaluation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (evaluation: Evaluation) =>
      unwrap(api.POST('/api/v1/evaluations/{id}/amend', { params: versioned(evaluation) })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: EXEMPLARS }),
  });
}

export function useDeleteEvaluation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (evaluation: Evaluation) =>
      unwrap(api.DELETE('/api/v1/evaluations/{id}', { params: versioned(evaluation) })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: EXEMPLARS }),
  });
}

/** Refreshes an evaluation (its evidence files changed). */
export function useRefreshEvaluation() {
  const queryClient = useQueryClient();
  return (id: number) => queryClient.invalidateQueries({ queryKey: evaluationKeys.detail(id) });
}
