import { describe, expect, it } from 'vitest';
import type { Figures } from './api/types';
import {
  countRows,
  difficultyStatusText,
  hasAnyFigure,
  introductionRows,
  numberText,
  percentText,
} from './figures';

const unit = (id: number, name: string) => ({ id, code: `U${id}`, shortName: name, name });

describe('report figures', () => {
  it('writes shares and numbers the Vietnamese way', () => {
    expect(percentText(1, 8)).toBe('12,5%');
    expect(percentText(2, 3)).toBe('66,7%');
    expect(percentText(0, 0)).toBe('—');
    expect(numberText(1234)).toBe('1.234');
    expect(numberText(null)).toBe('—');
  });

  it('gives each heading its share of the rows, or of a given whole', () => {
    const counts = [
      { key: 'nurturing', label: 'Bồi dưỡng', count: 3 },
      { key: 'replicated', label: 'Nhân rộng', count: 1 },
    ];
    expect(countRows(counts).map((r) => r.share)).toEqual(['75%', '25%']);
    // An exemplar may belong to several movements: shares of the exemplars, not of the rows.
    expect(countRows(counts, 8).map((r) => r.share)).toEqual(['37,5%', '12,5%']);
  });

  it('counts each unit’s months and the share introduced on time', () => {
    const rows = introductionRows({
      judged: 14,
      onTime: 9,
      late: 3,
      missing: 2,
      byUnit: [
        { unit: unit(1, 'Phòng A'), onTime: 9, late: 1, missing: 1 },
        { unit: unit(2, 'Phòng B'), onTime: 0, late: 2, missing: 1 },
      ],
    });
    expect(rows).toEqual([
      { key: 1, unit: 'Phòng A', onTime: 9, late: 1, missing: 1, judged: 11, onTimeShare: '81,8%' },
      { key: 2, unit: 'Phòng B', onTime: 0, late: 2, missing: 1, judged: 3, onTimeShare: '0%' },
    ]);
  });

  it('names a difficulty’s status with the figures’ own labels', () => {
    const byStatus = [{ key: 'answered', label: 'Văn phòng Sở đã trả lời', count: 1 }];
    expect(difficultyStatusText(byStatus, 'answered')).toBe('Văn phòng Sở đã trả lời');
    expect(difficultyStatusText(byStatus, 'closed')).toBe('closed');
  });

  it('tells empty figures apart', () => {
    const empty = {
      exemplars: { discovered: 0 },
      introductions: { judged: 0 },
      evaluations: { total: 0 },
      replications: { total: 0 },
      difficulties: { total: 0 },
    } as Figures;
    expect(hasAnyFigure(empty)).toBe(false);
    expect(hasAnyFigure({ ...empty, difficulties: { ...empty.difficulties, total: 1 } })).toBe(true);
  });
});
