import { describe, expect, it } from 'vitest';
import type { IntroductionGrid } from '@/lib/api/models';
import { reminderMonth } from '../routes/IntroductionsPage';
import { reminderSummary, unitsToRemind } from './reminders';

const unit = (id: number) => ({ id, code: `U${id}`, shortName: `Đơn vị ${id}`, name: `Đơn vị số ${id}` });

describe('reminders', () => {
  it('reminds the units whose month is missing or pending', () => {
    const grid = {
      months: ['2026-10', '2026-11'],
      rows: [
        { unit: unit(1), cells: [{ status: 'missing' }, { status: 'pending' }] },
        { unit: unit(2), cells: [{ status: 'on_time' }, { status: 'late' }] },
        { unit: unit(3), cells: [{ status: 'missing' }, { status: 'not_applicable' }] },
      ],
    } as unknown as IntroductionGrid;
    expect(unitsToRemind(grid, '2026-10').map((u) => u.id)).toEqual([1, 3]);
    expect(unitsToRemind(grid, '2026-11').map((u) => u.id)).toEqual([1]);
    expect(unitsToRemind(grid, '2026-12')).toEqual([]);
  });

  it('says how many were reminded now and how many already today', () => {
    const result = {
      month: '2026-11',
      notified: 12,
      reminded: [1, 2, 3, 4, 5]
        .map((id) => ({ unit: unit(id), status: 'missing', notified: 3 }))
        .concat([6, 7].map((id) => ({ unit: unit(id), status: 'missing', notified: 0 }))),
      skipped: [],
    } as Parameters<typeof reminderSummary>[0];
    expect(reminderSummary(result)).toBe('Đã nhắc 5 đơn vị (12 người nhận). 2 đơn vị đã được nhắc hôm nay.');
  });

  it('never reminds of a future month', () => {
    expect(reminderMonth('2026-12', 2026, '2026-11')).toBe('2026-11');
    expect(reminderMonth('2026-09', 2026, '2026-11')).toBe('2026-09');
    expect(reminderMonth(undefined, 2025, '2026-11')).toBe('2025-12');
    expect(reminderMonth(undefined, 2027, '2026-11')).toBeNull();
  });
});
