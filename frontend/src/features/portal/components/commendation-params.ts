import { PATHS } from '@/lib/paths';
import type { CommendationParams, PublicCommendation } from '../api/portal';
import { publicDay } from './format';
import { positive } from './gallery-params';

export const COMMENDATION_PAGE_SIZE = 12;
const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;
/** How many years back the year filter offers (the selected one is always offered). */
const YEARS_OFFERED = 10;

/** The list's filters from the address (unknown or malformed values are ignored). */
export function commendationParams(search: URLSearchParams): CommendationParams {
  const q = search.get('q')?.trim();
  const year = positive(search.get('year'));
  return {
    q: q || undefined,
    year: year !== undefined && year >= FIRST_YEAR && year <= LAST_YEAR ? year : undefined,
    unitId: positive(search.get('unitId')),
    page: positive(search.get('page')) ?? 1,
    pageSize: COMMENDATION_PAGE_SIZE,
  };
}

/** The years the filter offers, newest first: the last ten up to `current`, and `selected`. */
export function yearOptions(current: number, selected?: number): number[] {
  const years = Array.from({ length: YEARS_OFFERED }, (_, index) => current - index);
  if (selected !== undefined && !years.includes(selected)) years.push(selected);
  return years.sort((a, b) => b - a);
}

/** "Quyết định số 05/QĐ-STP ngày 10/12/2026", with what is known of the decision (null: nothing). */
export function decisionText(
  commendation: Pick<PublicCommendation, 'decisionNumber' | 'decisionDate'>,
): string | null {
  const number = commendation.decisionNumber?.trim();
  const day = publicDay(commendation.decisionDate);
  if (number && day) return `Quyết định số ${number} ngày ${day}`;
  if (number) return `Quyết định số ${number}`;
  if (day) return `Quyết định ngày ${day}`;
  return null;
}

/** Who it is, where: "Trợ giúp viên pháp lý – Trung tâm Trợ giúp pháp lý". */
export function roleLine(commendation: Pick<PublicCommendation, 'jobTitle' | 'workplace'>): string {
  return [commendation.jobTitle?.trim(), commendation.workplace.trim()].filter(Boolean).join(' – ');
}

/** The opening of a text for a list: its first paragraph, cut at a word before `max` characters. */
export function headline(text: string, max = 220): string {
  const first =
    text
      .split(/\n\s*\n|\r?\n/)
      .map((line) => line.trim())
      .find(Boolean) ?? '';
  const words = first.replace(/\s+/g, ' ');
  if (words.length <= max) return words;
  const cut = words.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}

/**
 * A portal page's address (absolute, as the server gives it) as a path in this app, so it opens
 * without reloading; null when it is not a portal page (then it is linked as given).
 */
export function portalPathOf(url: string | null | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url, 'http://localhost');
  } catch {
    return null;
  }
  const path = parsed.pathname;
  return path === PATHS.portal || path.startsWith(`${PATHS.portal}/`)
    ? `${path}${parsed.search}${parsed.hash}`
    : null;
}
