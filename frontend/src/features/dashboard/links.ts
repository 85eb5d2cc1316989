import { PATHS } from '@/lib/paths';

function withQuery(path: string, query: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

/** The monthly introductions of a year (the grid), for one unit's list when given. */
export function introductionsLink(year: number, unitId?: number): string {
  return withQuery(PATHS.introductions, { year, unitId });
}

/** One unit's introductions of one month (`YYYY-MM`): what a heatmap cell stands for. */
export function monthIntroductionsLink(month: string, unitId: number): string {
  return withQuery(PATHS.introductions, { month, unitId });
}

/** The reporting calendar narrowed to a status (and a unit). */
export function obligationsLink(status: 'missing' | 'due_soon', unitId?: number): string {
  return withQuery(PATHS.obligations, { status, unitId });
}
