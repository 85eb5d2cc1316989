import type { CommentStatus } from '../api/types';

export const COMMENT_STATUS_LABELS: Record<CommentStatus, string> = {
  pending: 'Chờ kiểm duyệt',
  approved: 'Đã duyệt',
  rejected: 'Không duyệt',
};

export const COMMENT_STATUS_COLORS: Record<CommentStatus, string> = {
  pending: 'gold',
  approved: 'green',
  rejected: 'default',
};

/**
 * Where a notice stands at `now`: not started, running (with the whole days left, counting a
 * started day), or ended. `endsAt` is the first instant after the notice.
 */
export function noticeWindow(
  startsAt: string,
  endsAt: string,
  now: Date = new Date(),
): { kind: 'upcoming' } | { kind: 'running'; daysLeft: number } | { kind: 'ended' } {
  const start = Date.parse(startsAt);
  const end = Date.parse(endsAt);
  const at = now.getTime();
  if (at < start) return { kind: 'upcoming' };
  if (at >= end) return { kind: 'ended' };
  return { kind: 'running', daysLeft: Math.ceil((end - at) / 86_400_000) };
}

/** A moderation reason as the API takes it: required to hide, optional to approve. */
export function moderationReason(
  approve: boolean,
  text: string,
): { ok: true; reason: string | null } | { ok: false } {
  const trimmed = text.trim();
  if (!approve && trimmed.length === 0) return { ok: false };
  return { ok: true, reason: trimmed.length > 0 ? trimmed : null };
}
