import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, ifMatch, unwrap } from '@/lib/api/client';
import { multipart, saveFile, unwrapFile } from '@/lib/api/files';
import type { Attachment, UploadForm } from '@/lib/api/models';
import { attachmentContentQuery, attachmentThumbnailQuery } from '@/lib/api/queries/attachments';

/** The record a file hangs off. */
export type AttachmentOwner =
  | { kind: 'exemplar'; id: number }
  | { kind: 'replication'; id: number }
  | { kind: 'evaluation'; id: number }
  | { kind: 'difficulty'; id: number };

function upload(owner: AttachmentOwner, file: File, caption: string | undefined) {
  const params = { path: { id: owner.id } };
  const body = multipart<UploadForm>({ file, caption: caption?.trim() });
  switch (owner.kind) {
    case 'exemplar':
      return unwrap(api.POST('/api/v1/exemplars/{id}/attachments', { params, body }));
    case 'replication':
      return unwrap(api.POST('/api/v1/replications/{id}/attachments', { params, body }));
    case 'evaluation':
      return unwrap(api.POST('/api/v1/evaluations/{id}/attachments', { params, body }));
    case 'difficulty':
      return unwrap(api.POST('/api/v1/difficulties/{id}/attachments', { params, body }));
  }
}

/** Uploads go to the owner; `onChanged` refreshes whatever shows the owner's files. */
export function useUploadAttachment(owner: AttachmentOwner, onChanged: () => void) {
  return useMutation({
    mutationFn: ({ file, caption }: { file: File; caption?: string }) => upload(owner, file, caption),
    onSuccess: onChanged,
  });
}

export function useDeleteAttachment(onChanged: () => void) {
  return useMutation({
    mutationFn: (attachment: Attachment) =>
      unwrap(
        api.DELETE('/api/v1/attachments/{id}', {
          params: { path: { id: attachment.id }, header: { 'If-Match': ifMatch(attachment.version) } },
        }),
      ),
    onSettled: onChanged,
  });
}

export function useAttachmentThumbnail(attachment: Attachment) {
  return useQuery(attachmentThumbnailQuery(attachment));
}

export function useAttachmentContent(attachment: Attachment, enabled: boolean) {
  return useQuery({ ...attachmentContentQuery(attachment), enabled });
}

/** Downloads need the access token, so the file is fetched first, then handed to the browser. */
export function useDownloadAttachment() {
  return useMutation({
    mutationFn: async (attachment: Attachment) => {
      const { blob, fileName } = await unwrapFile(
        api.GET('/api/v1/attachments/{id}/content', {
          params: { path: { id: attachment.id } },
          parseAs: 'blob',
        }),
      );
      saveFile(blob, fileName ?? attachment.fileName);
    },
  });
}

/** An object URL for a blob, released when the blob changes or the component goes away. */
export function useBlobUrl(blob: Blob | undefined): string | undefined {
  const [current, setCurrent] = useState<{ blob: Blob; url: string }>();
  useEffect(() => {
    if (!blob) return;
    const url = URL.createObjectURL(blob);
    // The URL is a resource of the browser's, made and released with the effect (so that
    // StrictMode's second run gets a live one): it can only reach the render through state.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setCurrent({ blob, url });
    return () => URL.revokeObjectURL(url);
  }, [blob]);
  return blob && current?.blob === blob ? current.url : undefined;
}
