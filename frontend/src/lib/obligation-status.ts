import type { components } from '@/lib/api/schema';

type Obligation = components['schemas']['Obligation'];
type ObligationStatus = components['schemas']['ObligationStatus'];

/**
 * Where an obligation of the reporting calendar stands, in Vietnamese, with its tag colour
 * (the calendar and the dashboard show them alike).
 */
export const OBLIGATION_STATUS: Record<ObligationStatus, { label: string; color: string }> = {
  upcoming: { label: 'Chưa đến hạn', color: 'default' },
  due_soon: { label: 'Sắp đến hạn', color: 'gold' },
  done_on_time: { label: 'Hoàn thành đúng hạn', color: 'green' },
  done_late: { label: 'Hoàn thành trễ hạn', color: 'orange' },
  missing: { label: 'Quá hạn, chưa thực hiện', color: 'red' },
};

/** "còn 3 ngày", "hôm nay", "quá hạn 2 ngày" for an obligation not yet met. */
export function daysLeftText(obligation: Pick<Obligation, 'daysLeft' | 'status'>): string | null {
  if (obligation.status === 'done_on_time' || obligation.status === 'done_late') return null;
  const days = obligation.daysLeft;
  if (days === 0) return 'Hạn là hôm nay';
  return days > 0 ? `Còn ${days} ngày` : `Quá hạn ${-days} ngày`;
}
