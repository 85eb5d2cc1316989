import type { Category, FigureFilters } from '@/lib/api/models';
import { PATHS } from '@/lib/paths';

/** The exemplar list's filters a figure can stand for (query parameters of `GET /exemplars`). */
export type ExemplarLinkFilters = FigureFilters & {
  category?: Category | null;
  movementId?: number | null;
};

/** The order the exemplar list's parameters appear in a link (stable, readable addresses). */
const FILTER_ORDER: readonly (keyof ExemplarLinkFilters)[] = [
  'year',
  'yearFrom',
  'yearTo',
  'excludeDrafts',
  'unitId',
  'category',
  'stage',
  'movementId',
  'conclusion',
  'recordStatus',
  'returned',
  'hasProposal',
  'milestones',
];

/**
 * The exemplar list filtered as a figure says: its `filters` are query parameters of
 * `GET /exemplars`, which the list page reads from its address. Empty values are left out.
 */
export function exemplarListLink(filters: ExemplarLinkFilters | null | undefined): string {
  const search = new URLSearchParams();
  for (const key of FILTER_ORDER) {
    const value = filters?.[key];
    if (value !== null && value !== undefined) search.set(key, String(value));
  }
  const query = search.toString();
  return query ? `${PATHS.exemplars}?${query}` : PATHS.exemplars;
}
