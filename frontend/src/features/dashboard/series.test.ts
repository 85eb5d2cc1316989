import { describe, expect, it } from 'vitest';
import type { Count, Figures } from './api/types';
import { type Dimension, isEmpty, monthlySeries, planYears, seriesTotals, yearlySeries } from './series';
import { FIGURES_2026, FIGURES_2027, FIGURES_PLAN, month, TIMELINE } from './test/fixtures';

const DIMENSIONS: Dimension[] = ['category', 'stage', 'movement'];

function figureList(figures: Figures, dimension: Dimension): Count[] {
  if (dimension === 'category') return figures.exemplars.byCategory;
  if (dimension === 'stage') return figures.exemplars.byStage;
  return figures.exemplars.byMovement;
}

/** Every figure of the report equals the chart's total for it (a figure of 0 may have no series). */
function expectChartMatchesFigures(totals: Record<string, number>, figures: Figures, dimension: Dimension) {
  const list = figureList(figures, dimension);
  for (const count of list) expect(totals[count.key] ?? 0, `${dimension} ${count.key}`).toBe(count.count);
  // And the chart counts nothing the report does not.
  for (const key of Object.keys(totals)) expect(list.map((count) => count.key)).toContain(key);
}

describe('monthlySeries', () => {
  it('has the twelve months of the year, each with its counts, the months not reached yet empty', () => {
    const series = monthlySeries(TIMELINE, 2026, 'stage', FIGURES_2026);
    expect(series.rows.map((row) => row.label)).toEqual([
      'T1',
      'T2',
      'T3',
      'T4',
      'T5',
      'T6',
      'T7',
      'T8',
      'T9',
      'T10',
      'T11',
      'T12',
    ]);
    expect(series.rows[0]).toMatchObject({
      period: '2026-01',
      title: 'Tháng 1/2026',
      discovered: 3,
      values: { discovered: 2, nurturing: 1, summarized: 0 },
    });
    expect(series.rows[1].discovered).toBe(0);
    expect(series.rows[10].values).toMatchObject({ discovered: 1, nurturing: 2 });
    // The stages in the plan's order, only those with exemplars in the legend.
    expect(series.keys.map((key) => key.label)).toEqual(['Phát hiện', 'Bồi dưỡng', 'Nhân rộng']);
    expect(new Set(series.keys.map((key) => key.color)).size).toBe(3);
  });

  it('adds up, for each category, stage and movement, to the figures of the report for the year', () => {
    for (const dimension of DIMENSIONS) {
      const series = monthlySeries(TIMELINE, 2026, dimension, FIGURES_2026);
      expectChartMatchesFigures(seriesTotals(series), FIGURES_2026, dimension);
      if (dimension !== 'movement') {
        const discovered = series.rows.reduce((sum, row) => sum + row.discovered, 0);
        expect(discovered).toBe(FIGURES_2026.exemplars.discovered);
      }
    }
  });

  it('keeps to the year asked for: 2027 counts none of 2026', () => {
    for (const dimension of DIMENSIONS) {
      const series = monthlySeries(TIMELINE, 2027, dimension, FIGURES_2027);
      expectChartMatchesFigures(seriesTotals(series), FIGURES_2027, dimension);
    }
    const series = monthlySeries(TIMELINE, 2027, 'category');
    expect(series.rows[1]).toMatchObject({ period: '2027-02', discovered: 4, values: { advanced: 4 } });
    expect(series.rows.filter((row) => row.discovered > 0)).toHaveLength(1);
    // A year the timeline does not reach: twelve empty months, nothing to draw.
    const later = monthlySeries(TIMELINE, 2029, 'category');
    expect(later.rows).toHaveLength(12);
    expect(isEmpty(later)).toBe(true);
  });

  it('orders movements by their exemplars, ties by name', () => {
    const series = monthlySeries(TIMELINE, 2026, 'movement', FIGURES_2026);
    expect(series.keys.map((key) => key.key)).toEqual(['1', '2']);
    expect(series.rows[10].values).toEqual({ '1': 1, '2': 2 });
  });
});

describe('yearlySeries', () => {
  it('has every year of the plan, each its months added up', () => {
    const series = yearlySeries(TIMELINE, 2026, 2030, 'category', FIGURES_PLAN);
    expect(series.rows.map((row) => [row.label, row.discovered])).toEqual([
      ['2026', 7],
      ['2027', 4],
      ['2028', 0],
      ['2029', 0],
      ['2030', 0],
    ]);
    expect(series.rows[0].title).toBe('Năm 2026');
    expect(series.rows[1].values).toMatchObject({ advanced: 4, new_model: 0 });
  });

  it('adds up to the figures of the report for the whole plan period, and each year to that year’s', () => {
    for (const dimension of DIMENSIONS) {
      const series = yearlySeries(TIMELINE, 2026, 2030, dimension, FIGURES_PLAN);
      expectChartMatchesFigures(seriesTotals(series), FIGURES_PLAN, dimension);
      const [y2026, y2027] = series.rows;
      expectChartMatchesFigures(y2026.values, FIGURES_2026, dimension);
      expectChartMatchesFigures(y2027.values, FIGURES_2027, dimension);
    }
    const movements = yearlySeries(TIMELINE, 2026, 2030, 'movement', FIGURES_PLAN);
    expect(movements.keys.map((key) => key.key)).toEqual(['1', '2']);
  });

  it('is empty before anything was discovered', () => {
    expect(isEmpty(yearlySeries([], 2026, 2030, 'stage', FIGURES_PLAN))).toBe(true);
    expect(isEmpty(yearlySeries([month('2026-01', {}, {})], 2026, 2030, 'stage'))).toBe(true);
  });
});

describe('planYears', () => {
  it('lists the plan’s years, and the year shown if outside them', () => {
    expect(planYears(2026, 2030)).toEqual([2026, 2027, 2028, 2029, 2030]);
    expect(planYears(2026, 2030, 2028)).toEqual([2026, 2027, 2028, 2029, 2030]);
    expect(planYears(2026, 2030, 2031)).toEqual([2026, 2027, 2028, 2029, 2030, 2031]);
    expect(planYears(2026, 2025)).toEqual([2026]);
  });
});
