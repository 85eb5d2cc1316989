import { describe, expect, it } from 'vitest';
import { dayjs } from '@/lib/dates';
import { upcomingDeadlines } from './deadlines';

const plan = (today: string, dueDay?: number) =>
  upcomingDeadlines(dayjs(today), dueDay).map(
    (deadline) => `${deadline.key} ${deadline.due.format('DD/MM/YYYY')}`,
  );

describe('upcomingDeadlines', () => {
  it('counts the 10th of this month as still to come, soonest first', () => {
    expect(plan('2026-10-10')).toEqual([
      'introduction 10/10/2026',
      'unitReport 20/10/2026',
      'consolidated 30/10/2026',
    ]);
  });

  it('moves on to next month and next year once a date has passed', () => {
    expect(plan('2026-10-25')).toEqual([
      'consolidated 30/10/2026',
      'introduction 10/11/2026',
      'unitReport 20/10/2027',
    ]);
    expect(plan('2026-12-31')).toEqual([
      'introduction 10/01/2027',
      'unitReport 20/10/2027',
      'consolidated 30/10/2027',
    ]);
  });

  it('follows the due day the Office set', () => {
    expect(plan('2026-11-12', 15)[0]).toBe('introduction 15/11/2026');
    expect(plan('2026-11-16', 15)).toContain('introduction 15/12/2026');
  });
});
