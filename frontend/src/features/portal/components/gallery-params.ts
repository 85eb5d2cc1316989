import type { GalleryParams } from '../api/portal';

export const GALLERY_PAGE_SIZE = 12;
const CATEGORIES = ['advanced', 'new_model', 'new_factor', 'good_deed'] as const;

/** A positive whole number from the address, or nothing. */
export function positive(value: string | null): number | undefined {
  if (!value || !/^\d+$/.test(value)) return undefined;
  const number = Number(value);
  return number > 0 ? number : undefined;
}

/** The gallery's filters from the address (unknown or malformed values are ignored). */
export function galleryParams(search: URLSearchParams): GalleryParams {
  const category = search.get('category');
  const q = search.get('q')?.trim();
  return {
    q: q || undefined,
    unitId: positive(search.get('unitId')),
    movementId: positive(search.get('movementId')),
    category: CATEGORIES.find((value) => value === category),
    page: positive(search.get('page')) ?? 1,
    pageSize: GALLERY_PAGE_SIZE,
  };
}

/** The address for changed filters: a new filter starts again at page 1. */
export function withFilter(
  search: URLSearchParams,
  name: string,
  value: string | undefined,
): URLSearchParams {
  const next = new URLSearchParams(search);
  if (value) next.set(name, value);
  else next.delete(name);
  if (name !== 'page') next.delete('page');
  return next;
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
