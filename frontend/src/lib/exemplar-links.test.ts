import { describe, expect, it } from 'vitest';
import { exemplarListLink } from './exemplar-links';

describe('exemplarListLink', () => {
  it('writes a year with drafts left out, as the dashboard counts a year', () => {
    expect(exemplarListLink({ year: 2026, excludeDrafts: true })).toBe(
      '/diem-hinh?year=2026&excludeDrafts=true',
    );
    expect(exemplarListLink({ year: 2027, excludeDrafts: true, unitId: 12 })).toBe(
      '/diem-hinh?year=2027&excludeDrafts=true&unitId=12',
    );
  });

  it('writes a period of years in a stable order, before the other filters', () => {
    expect(
      exemplarListLink({ stage: 'nurturing', excludeDrafts: true, yearTo: 2030, yearFrom: 2026, unitId: 7 }),
    ).toBe('/diem-hinh?yearFrom=2026&yearTo=2030&excludeDrafts=true&unitId=7&stage=nurturing');
    expect(exemplarListLink({ yearFrom: 2026 })).toBe('/diem-hinh?yearFrom=2026');
  });

  it('leaves out empty values', () => {
    expect(exemplarListLink({ yearFrom: null, yearTo: undefined, excludeDrafts: null })).toBe('/diem-hinh');
  });
});
