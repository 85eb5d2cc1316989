import { describe, expect, it } from 'vitest';
import { defaultPeriod, periodOptions } from './periods';

const plan = {
  firstYear: 2026,
  lastYear: 2030,
  midtermReview: { fromYear: 2026, toYear: 2028, unitBefore: '2028-05-20', officeBefore: '2028-05-30' },
  finalReview: { fromYear: 2026, toYear: 2030, unitBefore: '2030-07-20', officeBefore: '2030-07-31' },
};

describe('report periods', () => {
  it('offers each year of the plan for the annual report and the review’s years for a review', () => {
    expect(periodOptions('annual_report', plan).map((o) => o.value)).toEqual([
      '2026',
      '2027',
      '2028',
      '2029',
      '2030',
    ]);
    expect(periodOptions('midterm_review', plan)).toEqual([
      { value: '2026-2028', label: 'Giai đoạn 2026–2028' },
    ]);
    expect(periodOptions('final_review', plan)).toEqual([
      { value: '2026-2030', label: 'Giai đoạn 2026–2030' },
    ]);
    expect(periodOptions('on_demand', plan)).toEqual([]);
    expect(periodOptions('annual_report', undefined)).toEqual([]);
  });

  it('starts from this year, kept within the plan', () => {
    expect(defaultPeriod('annual_report', plan, 2027)).toBe('2027');
    expect(defaultPeriod('annual_report', plan, 2025)).toBe('2026');
    expect(defaultPeriod('annual_report', plan, 2031)).toBe('2030');
    expect(defaultPeriod('midterm_review', plan, 2027)).toBe('2026-2028');
    expect(defaultPeriod('on_demand', plan, 2027)).toBeUndefined();
  });
});
