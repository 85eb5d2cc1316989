import type { Count, Figures, TimelineMonth } from './api/types';

/** What the charts break the exemplars down by. */
export type Dimension = 'category' | 'stage' | 'movement';

/** One series of a chart: a stage, a category or a movement. */
export interface SeriesKey {
  key: string;
  label: string;
  color: string;
}

/** One bar of a chart: a month or a year, with each series' count. */
export interface SeriesRow {
  /** `YYYY-MM` or `YYYY`. */
  period: string;
  /** The axis label: "T11", "2026". */
  label: string;
  /** Spelled out, for the tooltip: "Tháng 11/2026", "Năm 2026". */
  title: string;
  /** Exemplars discovered in the period (every series of stage and category adds up to it). */
  discovered: number;
  values: Record<string, number>;
}

export interface Series {
  keys: SeriesKey[];
  rows: SeriesRow[];
}

const STAGE_HEX: Record<string, string> = {
  discovered: '#1677ff',
  nurturing: '#fa8c16',
  summarized: '#722ed1',
  replicated: '#52c41a',
  stopped: '#f5222d',
  archived: '#8c8c8c',
};

const CATEGORY_HEX: Record<string, string> = {
  advanced: '#eb2f96',
  new_model: '#2f54eb',
  new_factor: '#13c2c2',
  good_deed: '#faad14',
};

/** Movements have no colour of their own: a palette, by their rank. */
const PALETTE = [
  '#1f5fa8',
  '#d4380d',
  '#389e0d',
  '#c41d7f',
  '#d48806',
  '#08979c',
  '#531dab',
  '#7cb305',
  '#595959',
  '#0958d9',
];

export function countsOf(month: TimelineMonth, dimension: Dimension): Count[] {
  switch (dimension) {
    case 'category':
      return month.byCategory;
    case 'stage':
      return month.byStage;
    case 'movement':
      return month.byMovement;
  }
}

function figureCounts(figures: Figures | undefined, dimension: Dimension): Count[] {
  if (!figures) return [];
  switch (dimension) {
    case 'category':
      return figures.exemplars.byCategory;
    case 'stage':
      return figures.exemplars.byStage;
    case 'movement':
      return figures.exemplars.byMovement;
  }
}

/** Each key's count, added up over lists of counts. */
export function countTotals(lists: readonly Count[][]): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const counts of lists) {
    for (const count of counts) totals[count.key] = (totals[count.key] ?? 0) + count.count;
  }
  return totals;
}

function colorOf(dimension: Dimension, key: string, rank: number): string {
  if (dimension === 'stage') return STAGE_HEX[key] ?? PALETTE[rank % PALETTE.length];
  if (dimension === 'category') return CATEGORY_HEX[key] ?? PALETTE[rank % PALETTE.length];
  return PALETTE[rank % PALETTE.length];
}

/**
 * The series a chart shows, in the server's order for stages and categories (their lists are
 * complete), movements largest first; a series with nothing in the rows shown is left out of
 * the legend. `figures` supplies the names when the months shown are all empty.
 */
function keysOf(rows: SeriesRow[], labels: Map<string, string>, dimension: Dimension): SeriesKey[] {
  const totals: Record<string, number> = {};
  for (const row of rows) {
    for (const [key, count] of Object.entries(row.values)) totals[key] = (totals[key] ?? 0) + count;
  }
  let keys = [...labels.keys()].filter((key) => (totals[key] ?? 0) > 0);
  if (dimension === 'movement') {
    keys = keys.sort(
      (a, b) => totals[b] - totals[a] || (labels.get(a) ?? '').localeCompare(labels.get(b) ?? '', 'vi'),
    );
  }
  return keys.map((key, rank) => ({
    key,
    label: labels.get(key) ?? key,
    color: colorOf(dimension, key, rank),
  }));
}

function labelsOf(timeline: readonly TimelineMonth[], dimension: Dimension, figures?: Figures) {
  const labels = new Map<string, string>();
  for (const count of figureCounts(figures, dimension)) labels.set(count.key, count.label);
  for (const month of timeline) {
    for (const count of countsOf(month, dimension))
      if (!labels.has(count.key)) labels.set(count.key, count.label);
  }
  return labels;
}

function rowOf(
  period: string,
  label: string,
  title: string,
  months: readonly TimelineMonth[],
  dimension: Dimension,
) {
  return {
    period,
    label,
    title,
    discovered: months.reduce((sum, month) => sum + month.discovered, 0),
    values: countTotals(months.map((month) => countsOf(month, dimension))),
  };
}

/**
 * The twelve months of `year`, each with its exemplars by `dimension` (months the timeline does
 * not reach yet, later in the year, count nothing).
 */
export function monthlySeries(
  timeline: readonly TimelineMonth[],
  year: number,
  dimension: Dimension,
  figures?: Figures,
): Series {
  const byMonth = new Map(timeline.map((month) => [month.month, month]));
  const rows = Array.from({ length: 12 }, (_, index) => {
    const number = index + 1;
    const period = `${year}-${String(number).padStart(2, '0')}`;
    const month = byMonth.get(period);
    return rowOf(period, `T${number}`, `Tháng ${number}/${year}`, month ? [month] : [], dimension);
  });
  return { keys: keysOf(rows, labelsOf(timeline, dimension, figures), dimension), rows };
}

/** Each year of the plan (`firstYear`…`lastYear`), its months added up. */
export function yearlySeries(
  timeline: readonly TimelineMonth[],
  firstYear: number,
  lastYear: number,
  dimension: Dimension,
  figures?: Figures,
): Series {
  const rows: SeriesRow[] = [];
  for (let year = firstYear; year <= lastYear; year += 1) {
    const months = timeline.filter((month) => month.month.startsWith(`${year}-`));
    rows.push(rowOf(String(year), String(year), `Năm ${year}`, months, dimension));
  }
  return { keys: keysOf(rows, labelsOf(timeline, dimension, figures), dimension), rows };
}

/** Each series' total over a chart's rows (what the figures of the same period must show). */
export function seriesTotals(series: Series): Record<string, number> {
  return countTotals(
    series.rows.map((row) => Object.entries(row.values).map(([key, count]) => ({ key, label: key, count }))),
  );
}

/** The plan's years, for the year selector (and the year shown, if outside them). */
export function planYears(firstYear: number, lastYear: number, shown?: number): number[] {
  const years: number[] = [];
  for (let year = firstYear; year <= Math.max(firstYear, lastYear); year += 1) years.push(year);
  if (shown !== undefined && !years.includes(shown)) years.push(shown);
  return years.sort((a, b) => a - b);
}

/** "Chưa có điển hình" when nothing at all is in the chart. */
export function isEmpty(series: Series): boolean {
  return series.keys.length === 0;
}
