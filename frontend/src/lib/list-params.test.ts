import { describe, expect, it } from 'vitest';
import type { Page } from '@/lib/api/models';
import { pagedTotal, tablePagination, totalText } from './list-params';

function page(overrides: Partial<Page<number>> & { count: number }): Page<number> {
  const { count, ...rest } = overrides;
  return {
    items: Array.from({ length: count }, (_, index) => index),
    total: 35,
    totalCapped: false,
    page: 1,
    pageSize: 20,
    ...rest,
  };
}

describe('totalText', () => {
  it('says the exact count, with dot thousands separators', () => {
    expect(totalText({ total: 35, totalCapped: false }, 'điển hình')).toBe('35 điển hình');
    expect(totalText({ total: 1234, totalCapped: false }, 'bản ghi')).toBe('1.234 bản ghi');
    expect(totalText({ total: 0, totalCapped: false }, 'đơn vị')).toBe('0 đơn vị');
  });

  it('does not pretend a capped count is the total, and asks to narrow the search', () => {
    expect(totalText({ total: 200, totalCapped: true }, 'điển hình')).toBe(
      'Hơn 200 kết quả — hãy thu hẹp điều kiện tìm kiếm',
    );
  });
});

describe('pagedTotal', () => {
  it('is the total when it was counted in full', () => {
    expect(pagedTotal(page({ count: 20, total: 35 }))).toBe(35);
    expect(pagedTotal(page({ count: 15, total: 35, page: 2 }))).toBe(35);
  });

  it('offers one page past the capped count, and the next one after each full page', () => {
    // 200 counted and more: 201 or more, so page 11 exists; nothing said of page 12.
    expect(pagedTotal(page({ count: 20, total: 200, totalCapped: true }))).toBe(201);
    expect(pagedTotal(page({ count: 20, total: 200, totalCapped: true, page: 11 }))).toBe(221);
    // A page that is not full is the last one: now the count is known.
    expect(pagedTotal(page({ count: 7, total: 200, totalCapped: true, page: 11 }))).toBe(207);
    expect(pagedTotal(page({ count: 50, total: 200, totalCapped: true, pageSize: 50, page: 5 }))).toBe(251);
  });
});

describe('tablePagination', () => {
  it('pages through what the API answered, with the count text', () => {
    const pager = tablePagination(page({ count: 20, total: 35, page: 2 }), 'người dùng');
    expect(pager).toMatchObject({ current: 2, pageSize: 20, total: 35, showSizeChanger: true });
    expect(pager.showTotal?.(35, [21, 35])).toBe('35 người dùng');
  });

  it('says "hơn 200" for a capped search', () => {
    const pager = tablePagination(page({ count: 20, total: 200, totalCapped: true }), 'điển hình');
    expect(pager.total).toBe(201);
    expect(pager.showTotal?.(201, [1, 20])).toBe('Hơn 200 kết quả — hãy thu hẹp điều kiện tìm kiếm');
  });

  it('starts on the first page with nothing counted while loading', () => {
    const pager = tablePagination(undefined, 'tài khoản');
    expect(pager).toMatchObject({ current: 1, pageSize: 20, total: 0 });
    expect(pager.showTotal?.(0, [0, 0])).toBe('0 tài khoản');
  });
});
