import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export const PAGE_SIZES = [10, 20, 50, 100];
const DEFAULT_PAGE_SIZE = 20;

interface ListParams<K extends string> {
  page: number;
  pageSize: number;
  /** `field` or `-field` (descending), as the API takes it. */
  sort: string | undefined;
  filters: Partial<Record<K, string>>;
}

function positive(value: string | null, fallback: number): number {
  const parsed = Number.parseInt(value ?? '', 10);
  return Number.isFinite(parsed) && parsed > 0 ? parsed : fallback;
}

/**
 * A list's page, sort and filters, kept in the address bar so that reloading or sharing the
 * link shows the same list. Changing a filter or the sort goes back to the first page.
 */
export function useListParams<K extends string>(filterKeys: readonly K[]) {
  const [search, setSearch] = useSearchParams();
  const keys = filterKeys.join(',');

  const params = useMemo<ListParams<K>>(() => {
    const filters: Partial<Record<K, string>> = {};
    for (const key of keys.split(',') as K[]) {
      const value = search.get(key);
      if (value) filters[key] = value;
    }
    return {
      page: positive(search.get('page'), 1),
      pageSize: Math.min(positive(search.get('pageSize'), DEFAULT_PAGE_SIZE), 100),
      sort: search.get('sort') ?? undefined,
      filters,
    };
  }, [search, keys]);

  const update = useCallback(
    (patch: Record<string, string | number | undefined>, resetPage: boolean) => {
      setSearch(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(patch)) {
            if (value === undefined || value === '') next.delete(key);
            else next.set(key, String(value));
          }
          if (resetPage) next.delete('page');
          return next;
        },
        { replace: true },
      );
    },
    [setSearch],
  );

  const setFilters = useCallback(
    (patch: Partial<Record<K, string | undefined>>) => update(patch, true),
    [update],
  );
  const setPage = useCallback(
    (page: number, pageSize: number) =>
      update(
        {
          page: page > 1 ? page : undefined,
          pageSize: pageSize !== DEFAULT_PAGE_SIZE ? pageSize : undefined,
        },
        false,
      ),
    [update],
  );
  const setSort = useCallback((sort: string | undefined) => update({ sort }, true), [update]);

  return { ...params, setFilters, setPage, setSort };
}

/** The table's sort state for one column, from the API's `sort` value. */
export function columnSortOrder(sort: string | undefined, field: string): 'ascend' | 'descend' | null {
  if (sort === field) return 'ascend';
  if (sort === `-${field}`) return 'descend';
  return null;
}

/** The API's `sort` value from the table's sorter (one column at a time). */
export function sortParam(sorter: unknown): string | undefined {
  const single = Array.isArray(sorter) ? sorter[0] : sorter;
  if (!single || typeof single !== 'object') return undefined;
  const { field, order } = single as { field?: unknown; order?: 'ascend' | 'descend' | null };
  if (!order || typeof field !== 'string') return undefined;
  return order === 'descend' ? `-${field}` : field;
}
