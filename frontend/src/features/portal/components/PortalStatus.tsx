import { isApiError } from '@/lib/api/problem';

export function PortalLoading() {
  return (
    <p className="portal-muted" role="status" data-testid="portal-loading">
      Đang tải…
    </p>
  );
}

/** A failed request, in the server's words when it gave some. */
export function PortalError({ error }: { error: unknown }) {
  const text = isApiError(error)
    ? (error.problem.detail ?? error.problem.title)
    : 'Không tải được dữ liệu. Vui lòng thử lại sau.';
  return (
    <div className="portal-alert portal-alert-error" role="alert" data-testid="portal-error">
      {text}
    </div>
  );
}

/** The initial of a name, for a card without a photo. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/);
  return (words[words.length - 1]?.[0] ?? '?').toUpperCase();
}
