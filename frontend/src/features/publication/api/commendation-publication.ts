import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap } from '@/lib/api/client';
import { proposalKeys } from '@/lib/api/queries/commendations';
import type { components } from '@/lib/api/schema';
import type { PublicationInput, PublishRequest } from './publication';

export type CommendationPublication = components['schemas']['CommendationPublication'];

/**
 * Under the proposal's keys: a change to the proposal (a decision revoked, the nominee's outcome
 * changed…) refreshes the publications of its nominees too.
 */
export const commendationPublicationKey = (proposalId: number, nomineeId: number) =>
  [...proposalKeys.detail(proposalId), 'publication', nomineeId] as const;

/** The publication of a decided nominee of proposal `proposalId`, read while `enabled`. */
export function useCommendationPublication(proposalId: number, nomineeId: number, enabled = true) {
  return useQuery({
    queryKey: commendationPublicationKey(proposalId, nomineeId),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/commendation-nominees/{id}/publication', {
          params: { path: { id: nomineeId } },
          signal,
        }),
      ),
    enabled,
  });
}

function versioned(publication: CommendationPublication) {
  return { path: { id: publication.nomineeId }, header: { 'If-Match': ifMatch(publication.version) } };
}

function useCommendationPublicationChanged() {
  const queryClient = useQueryClient();
  return {
    onSuccess: (saved: CommendationPublication) => {
      queryClient.setQueryData(commendationPublicationKey(saved.proposalId, saved.nomineeId), saved);
      // Each change is a step on the proposal's timeline: the proposal itself (not its
      // publications, just set) is read again.
      void queryClient.invalidateQueries({ queryKey: proposalKeys.detail(saved.proposalId), exact: true });
    },
    // A refusal (someone acted meanwhile) refreshes the publication, so the next try starts from it.
    onError: (_error: unknown, variables: { publication: CommendationPublication }) =>
      queryClient.invalidateQueries({
        queryKey: commendationPublicationKey(
          variables.publication.proposalId,
          variables.publication.nomineeId,
        ),
      }),
  };
}

export function useSaveCommendationPublication() {
  const changed = useCommendationPublicationChanged();
  return useMutation({
    mutationFn: ({ publication, input }: { publication: CommendationPublication; input: PublicationInput }) =>
      unwrap(
        api.PUT('/api/v1/commendation-nominees/{id}/publication', {
          params: versioned(publication),
          body: input,
        }),
      ),
    ...changed,
  });
}

export function usePublishCommendation() {
  const changed = useCommendationPublicationChanged();
  return useMutation({
    mutationFn: ({ publication, input }: { publication: CommendationPublication; input: PublishRequest }) =>
      unwrap(
        api.POST('/api/v1/commendation-nominees/{id}/publication/publish', {
          params: versioned(publication),
          body: input,
        }),
      ),
    ...changed,
  });
}

export function useUnpublishCommendation() {
  const changed = useCommendationPublicationChanged();
  return useMutation({
    mutationFn: ({ publication, reason }: { publication: CommendationPublication; reason: string }) =>
      unwrap(
        api.POST('/api/v1/commendation-nominees/{id}/publication/unpublish', {
          params: versioned(publication),
          body: { reason },
        }),
      ),
    ...changed,
  });
}
