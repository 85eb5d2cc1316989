import { galleryParams, pageCount, withFilter } from './gallery-params';

describe('galleryParams', () => {
  it('reads the filters from the address and ignores what is malformed', () => {
    expect(
      galleryParams(new URLSearchParams('q=%20tro%20giup%20&unitId=3&category=new_model&page=2')),
    ).toEqual({
      q: 'tro giup',
      unitId: 3,
      movementId: undefined,
      category: 'new_model',
      page: 2,
      pageSize: 12,
    });
    const bad = galleryParams(new URLSearchParams('unitId=abc&category=x&page=0&movementId=-1'));
    expect(bad).toMatchObject({ unitId: undefined, category: undefined, page: 1, movementId: undefined });
  });
});

describe('withFilter', () => {
  it('goes back to the first page when a filter changes, not when the page does', () => {
    const search = new URLSearchParams('q=a&page=3');
    expect(withFilter(search, 'category', 'advanced').toString()).toBe('q=a&category=advanced');
    expect(withFilter(search, 'q', undefined).toString()).toBe('');
    expect(withFilter(search, 'page', '4').toString()).toBe('q=a&page=4');
  });
});

describe('pageCount', () => {
  it('has at least one page', () => {
    expect(pageCount(0, 12)).toBe(1);
    expect(pageCount(13, 12)).toBe(2);
  });
});
