import type { TablePaginationConfig } from 'antd';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { Page } from '@/lib/api/models';

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

const counts = new Intl.NumberFormat('vi-VN');

/**
 * The count under a list: "35 điển hình"; for a search that stopped counting (`totalCapped`),
 * "Hơn 200 kết quả — hãy thu hẹp điều kiện tìm kiếm" rather than a total that is not one.
 */
export function totalText(list: Pick<Page<unknown>, 'total' | 'totalCapped'>, noun: string): string {
  return list.totalCapped
    ? `Hơn ${counts.format(list.total)} kết quả — hãy thu hẹp điều kiện tìm kiếm`
    : `${counts.format(list.total)} ${noun}`;
}

/**
 * The total to page through. A capped total is only a lower bound: there are more matches
 * than `total`, and a full page may have a next one, so the pager offers the next page
 * without numbering pages nobody counted.
 */
export function pagedTotal(list: Page<unknown>): number {
  if (!list.totalCapped) return list.total;
  const seen = (list.page - 1) * list.pageSize + list.items.length;
  return Math.max(list.total + 1, list.items.length === list.pageSize ? seen + 1 : seen);
}

/** The pager of a list table, from the page the API answered. */
export function tablePagination(list: Page<unknown> | undefined, noun: string): TablePaginationConfig {
  return {
    current: list?.page ?? 1,
    pageSize: list?.pageSize ?? DEFAULT_PAGE_SIZE,
    total: list ? pagedTotal(list) : 0,
    showSizeChanger: true,
    pageSizeOptions: PAGE_SIZES,
    showTotal: () => totalText(list ?? { total: 0, totalCapped: false }, noun),
  };
}
