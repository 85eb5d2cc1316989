import { describe, expect, it } from 'vitest';
import { moveItem, reconcileOrder } from './compendium';
import { lookupTarget } from './lookup';

describe('the compendium’s printing order', () => {
  it('keeps the order of those kept and appends the new ones', () => {
    expect(reconcileOrder([5, 2, 9], [9, 5, 7, 1])).toEqual([5, 9, 7, 1]);
    expect(reconcileOrder([], [3, 4])).toEqual([3, 4]);
    expect(reconcileOrder([3, 4], [])).toEqual([]);
  });

  it('moves one place up or down, never out of the list', () => {
    expect(moveItem([1, 2, 3], 1, -1)).toEqual([2, 1, 3]);
    expect(moveItem([1, 2, 3], 1, 1)).toEqual([1, 3, 2]);
    expect(moveItem([1, 2, 3], 0, -1)).toEqual([1, 2, 3]);
    expect(moveItem([1, 2, 3], 2, 1)).toEqual([1, 2, 3]);
  });
});

describe('the calendar’s link to a report', () => {
  it('names a unit’s report or the Office’s', () => {
    expect(lookupTarget(new URLSearchParams('kind=annual_report&period=2026&unitId=12'))).toEqual({
      kind: 'annual_report',
      period: '2026',
      unitId: 12,
    });
    expect(lookupTarget(new URLSearchParams('kind=final_review&period=2026-2030'))).toEqual({
      kind: 'final_review',
      period: '2026-2030',
      unitId: undefined,
    });
  });

  it('refuses what is not a calendar report', () => {
    expect(lookupTarget(new URLSearchParams('kind=on_demand&period=2026'))).toBeNull();
    expect(lookupTarget(new URLSearchParams('kind=monthly_introduction&period=2026-11'))).toBeNull();
    expect(lookupTarget(new URLSearchParams('kind=annual_report'))).toBeNull();
    expect(lookupTarget(new URLSearchParams('kind=annual_report&period=2026&unitId=abc'))).toBeNull();
  });
});
