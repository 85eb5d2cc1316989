import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap } from '@/lib/api/client';
import type { Evaluation, EvaluationInput } from '@/lib/api/models';
import { evaluationKeys, evaluationQuery } from '@/lib/api/queries/evaluations';
import { exemplarKeys, exemplarQuery } from '@/lib/api/queries/exemplars';

export function useEvaluation(id: number) {
  return useQuery({ ...evaluationQuery(id), enabled: Number.isFinite(id) });
}

/** The exemplar an evaluation is about (shared with the exemplar pages' cache). */
export function useEvaluatedExemplar(id: number) {
  return useQuery(exemplarQuery(id));
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
      // Exemplars show their evaluations and current conclusion.
      return queryClient.invalidateQueries({ queryKey: exemplarKeys.all });
    },
  });
}

export function useAmendEvaluation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (evaluation: Evaluation) =>
      unwrap(api.POST('/api/v1/evaluations/{id}/amend', { params: versioned(evaluation) })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: exemplarKeys.all }),
  });
}

export function useDeleteEvaluation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (evaluation: Evaluation) =>
      unwrap(api.DELETE('/api/v1/evaluations/{id}', { params: versioned(evaluation) })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: exemplarKeys.all }),
  });
}

/** Refreshes an evaluation (its evidence files changed). */
export function useRefreshEvaluation() {
  const queryClient = useQueryClient();
  return (id: number) => queryClient.invalidateQueries({ queryKey: evaluationKeys.detail(id) });
}
