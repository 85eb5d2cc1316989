import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { Attachment } from '@/lib/api/models';

export const attachmentKeys = {
  thumbnail: (id: number) => ['attachments', id, 'thumbnail'] as const,
  content: (id: number) => ['attachments', id, 'content'] as const,
};

// A stored file's bytes never change, so they are fetched once per session.

/** `GET /attachments/{id}/thumbnail` (images only: those with a `thumbnailUrl`). */
export function attachmentThumbnailQuery(attachment: Attachment) {
  return queryOptions({
    queryKey: attachmentKeys.thumbnail(attachment.id),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/attachments/{id}/thumbnail', {
          params: { path: { id: attachment.id } },
          parseAs: 'blob',
          signal,
        }),
      ),
    enabled: Boolean(attachment.thumbnailUrl),
    staleTime: Infinity,
  });
}

/** `GET /attachments/{id}/content`: the file itself, for a preview. */
export function attachmentContentQuery(attachment: Attachment) {
  return queryOptions({
    queryKey: attachmentKeys.content(attachment.id),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/attachments/{id}/content', {
          params: { path: { id: attachment.id } },
          parseAs: 'blob',
          signal,
        }),
      ),
    staleTime: Infinity,
  });
}
