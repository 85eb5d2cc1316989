import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';
import { exemplarKeys } from '@/lib/api/queries/exemplars';

type Schemas = components['schemas'];
export type Publication = Schemas['Publication'];
export type PublicationInput = Schemas['PublicationInput'];
export type PublishRequest = Schemas['PublishRequest'];
export type PublicationAction = Schemas['PublicationAction'];
export type ConsentInput = Schemas['ConsentInput'];
export type ConsentMethod = Schemas['ConsentMethod'];
export type ShareKit = Schemas['ShareKit'];

// Under the exemplar's keys: a change to the exemplar (stopped, confirmed…) refreshes these too.
const publicationKey = (id: number) => [...exemplarKeys.all, 'publication', id] as const;
const shareKitKey = (id: number) => [...exemplarKeys.all, 'share-kit', id] as const;

export function usePublication(exemplarId: number) {
  return useQuery({
    queryKey: publicationKey(exemplarId),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/exemplars/{id}/publication', { params: { path: { id: exemplarId } }, signal })),
  });
}

/** The share kit exists only while the exemplar is public (409 otherwise), hence `enabled`. */
export function useShareKit(exemplarId: number, enabled: boolean) {
  return useQuery({
    queryKey: shareKitKey(exemplarId),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/exemplars/{id}/share-kit', { params: { path: { id: exemplarId } }, signal })),
    enabled,
  });
}

function versioned(publication: Publication) {
  return { path: { id: publication.exemplarId }, header: { 'If-Match': ifMatch(publication.version) } };
}

function usePublicationChanged() {
  const queryClient = useQueryClient();
  return {
    onSuccess: (saved: Publication) => {
      queryClient.setQueryData(publicationKey(saved.exemplarId), saved);
      // The kit follows the public text while public, and is gone (409) once it is not.
      if (saved.public) void queryClient.invalidateQueries({ queryKey: shareKitKey(saved.exemplarId) });
      else queryClient.removeQueries({ queryKey: shareKitKey(saved.exemplarId) });
    },
    // A refusal (someone acted meanwhile) refreshes the publication, so the next try starts from it.
    onError: (_error: unknown, variables: { publication: Publication }) =>
      queryClient.invalidateQueries({ queryKey: publicationKey(variables.publication.exemplarId) }),
  };
}

export function useSavePublication() {
  const changed = usePublicationChanged();
  return useMutation({
    mutationFn: ({ publication, input }: { publication: Publication; input: PublicationInput }) =>
      unwrap(api.PUT('/api/v1/exemplars/{id}/publication', { params: versioned(publication), body: input })),
    ...changed,
  });
}

export function usePublish() {
  const changed = usePublicationChanged();
  return useMutation({
    mutationFn: ({ publication, input }: { publication: Publication; input: PublishRequest }) =>
      unwrap(
        api.POST('/api/v1/exemplars/{id}/publication/publish', {
          params: versioned(publication),
          body: input,
        }),
      ),
    ...changed,
  });
}

export function useUnpublish() {
  const changed = usePublicationChanged();
  return useMutation({
    mutationFn: ({ publication, reason }: { publication: Publication; reason: string }) =>
      unwrap(
        api.POST('/api/v1/exemplars/{id}/publication/unpublish', {
          params: versioned(publication),
          body: { reason },
        }),
      ),
    ...changed,
  });
}
