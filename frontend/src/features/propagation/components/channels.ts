import type { Channel, PropagationSummary } from '../api/propagation';

export const CHANNEL_LABELS: Record<Channel, string> = {
  pbgdpl_portal: 'Trang TTĐT phổ biến, giáo dục pháp luật tỉnh',
  department_portal: 'Trang TTĐT Sở Tư pháp',
  zalo: 'Zalo',
  facebook: 'Facebook',
  press: 'Báo chí, phát thanh, truyền hình',
  conference: 'Hội nghị, tọa đàm',
  publication: 'Tài liệu biên soạn',
  other: 'Khác',
};

const NUMBER = new Intl.NumberFormat('vi-VN');

/** "1.250 lượt xem · 30 lượt chia sẻ · 80 người dự", or "—" when no reach was recorded. */
export function reachText(activity: Pick<PropagationSummary, 'views' | 'shares' | 'attendees'>): string {
  const parts = [
    activity.views != null && `${NUMBER.format(activity.views)} lượt xem`,
    activity.shares != null && `${NUMBER.format(activity.shares)} lượt chia sẻ`,
    activity.attendees != null && `${NUMBER.format(activity.attendees)} người dự`,
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : '—';
}

/** A whole number from a form field, `null` when empty. */
export function countOrNull(value: number | string | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const number = Number(value);
  return Number.isFinite(number) ? Math.trunc(number) : null;
}
