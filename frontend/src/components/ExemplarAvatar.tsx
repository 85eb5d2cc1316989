import { UserOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { type RefObject, useEffect, useRef, useState } from 'react';
import { useBlobUrl } from '@/components/attachments/attachments-api';
import { api, unwrap } from '@/lib/api/client';
import { attachmentKeys } from '@/lib/api/queries/attachments';

/** The attachment a thumbnail address (`/api/v1/attachments/{id}/thumbnail`) is of. */
export function thumbnailAttachmentId(url: string | null | undefined): number | null {
  const match = /\/attachments\/(\d+)\/thumbnail/.exec(url ?? '');
  return match ? Number(match[1]) : null;
}

/** Up to two initials of a name, for the placeholder: "Nguyễn Thị Hồng Nhung" → "NN". */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '';
  const first = words[0][0] ?? '';
  const last = words.length > 1 ? (words[words.length - 1][0] ?? '') : '';
  return (first + last).toLocaleUpperCase('vi');
}

/** Whether the element has come near the screen (always, where the browser cannot tell). */
function useNearScreen<T extends Element>() {
  const ref = useRef<T>(null);
  const [near, setNear] = useState(typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    if (near || !ref.current) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          setNear(true);
          observer.disconnect();
        }
      },
      { rootMargin: '200px' },
    );
    observer.observe(ref.current);
    return () => observer.disconnect();
  }, [near]);
  return { ref, near };
}

interface ExemplarAvatarProps {
  name: string;
  /** The picture's thumbnail address, `null` without a picture. */
  photoUrl: string | null | undefined;
  large?: boolean;
  onClick?: () => void;
  testId?: string;
}

/**
 * An exemplar's picture at a fixed size (no layout shift), or its initials. The thumbnail needs
 * the access token, so it is fetched (once per session, shared with the attachments tab) when it
 * comes near the screen.
 */
export function ExemplarAvatar({ name, photoUrl, large, onClick, testId }: ExemplarAvatarProps) {
  const id = thumbnailAttachmentId(photoUrl);
  const { ref, near } = useNearScreen<HTMLElement>();
  const thumbnail = useQuery({
    queryKey: attachmentKeys.thumbnail(id ?? 0),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/attachments/{id}/thumbnail', {
          params: { path: { id: id as number } },
          parseAs: 'blob',
          signal,
        }),
      ),
    enabled: id !== null && near,
    staleTime: Infinity,
  });
  const url = useBlobUrl(id !== null ? thumbnail.data : undefined);
  const className = large ? 'exemplar-avatar exemplar-avatar-large' : 'exemplar-avatar';
  const content = url ? (
    <img src={url} alt={`Ảnh đại diện: ${name}`} width={large ? 72 : 40} height={large ? 72 : 40} />
  ) : id === null ? (
    initialsOf(name) || <UserOutlined />
  ) : null;

  if (onClick && id !== null) {
    return (
      <button
        type="button"
        className={className}
        onClick={onClick}
        title="Xem ảnh đại diện"
        data-testid={testId}
        data-photo="true"
        ref={ref as RefObject<HTMLButtonElement>}
      >
        {content}
      </button>
    );
  }
  return (
    <span
      ref={ref as RefObject<HTMLSpanElement>}
      className={className}
      aria-hidden={id === null ? true : undefined}
      data-testid={testId}
      data-photo={id !== null ? 'true' : 'false'}
      style={large ? { cursor: 'default' } : undefined}
    >
      {content}
    </span>
  );
}
