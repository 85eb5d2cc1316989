import { useEffect, useState } from 'react';
import { publicApi, unwrap } from '@/lib/api/client';
import type { components, operations } from '@/lib/api/schema';

/*
 * The public portal's data: plain requests without a token (publicApi) and a small loading hook,
 * so the portal's chunk carries neither the query library nor the signed-in client's session.
 */

type Schemas = components['schemas'];
export type PublicExemplar = Schemas['PublicExemplar'];
export type PublicGalleryPage = Schemas['Page_PublicExemplarSummary'];
export type PublicExemplarSummary = PublicGalleryPage['items'][number];
export type PublicFacets = Schemas['PublicFacets'];
export type PublicNotice = Schemas['PublicNotice'];
export type PublicComment = Schemas['PublicComment'];
export type CommentInput = Schemas['CommentInput'];
export type CommentReceipt = Schemas['CommentReceipt'];
export type GalleryParams = NonNullable<operations['public_gallery']['parameters']['query']>;
export type PublicCommendation = Schemas['PublicCommendation'];
export type PublicCommendationPage = Schemas['Page_PublicCommendation'];
export type CommendationParams = NonNullable<operations['public_commendations']['parameters']['query']>;

export const FEED_URL = '/api/v1/public/feed.atom';

export const fetchGallery = (query: GalleryParams, signal: AbortSignal) =>
  unwrap(publicApi.GET('/api/v1/public/exemplars', { params: { query }, signal }));

export const fetchFacets = (signal: AbortSignal) =>
  unwrap(publicApi.GET('/api/v1/public/exemplars/facets', { signal }));

export const fetchPublicExemplar = (id: number, signal: AbortSignal) =>
  unwrap(publicApi.GET('/api/v1/public/exemplars/{id}', { params: { path: { id } }, signal }));

export const fetchCommendations = (query: CommendationParams, signal: AbortSignal) =>
  unwrap(publicApi.GET('/api/v1/public/commendations', { params: { query }, signal }));

export const fetchPublicCommendation = (id: number, signal: AbortSignal) =>
  unwrap(publicApi.GET('/api/v1/public/commendations/{id}', { params: { path: { id } }, signal }));

export const fetchNotices = (signal: AbortSignal) =>
  unwrap(publicApi.GET('/api/v1/public/commendation-notices', { signal }));

export const fetchNotice = (id: number, signal: AbortSignal) =>
  unwrap(publicApi.GET('/api/v1/public/commendation-notices/{id}', { params: { path: { id } }, signal }));

export const fetchNoticeComments = (id: number, signal: AbortSignal) =>
  unwrap(
    publicApi.GET('/api/v1/public/commendation-notices/{id}/comments', { params: { path: { id } }, signal }),
  );

export const postComment = (id: number, body: CommentInput) =>
  unwrap(
    publicApi.POST('/api/v1/public/commendation-notices/{id}/comments', { params: { path: { id } }, body }),
  ) as Promise<CommentReceipt>;

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
}

/**
 * Loads `load` whenever `key` changes (a string of what it depends on), dropping the answer of a
 * request that was overtaken. The previous data stays shown while the next loads.
 */
export function usePublicData<T>(key: string, load: (signal: AbortSignal) => Promise<T>): Loaded<T> {
  // The last answer and the key it answered: loading while the key has changed since.
  const [settled, setSettled] = useState<{ key: string | null; data?: T; error: unknown }>({
    key: null,
    error: null,
  });
  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setSettled({ key, data, error: null });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setSettled({ key, data: undefined, error });
      },
    );
    return () => controller.abort();
    // `key` stands for everything `load` reads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  const loading = settled.key !== key;
  return { data: settled.data, error: loading ? null : settled.error, loading };
}
