import { AppError } from '../http/app-error.js';
import { Page, PageQuery, pageOf, pageWindow } from './page.js';

const query = (over: Partial<PageQuery>) => Object.assign(new PageQuery(), over);

/** The field errors of a 400 thrown by `fn`. */
function fieldErrors(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    return (error as AppError).validationErrors;
  }
  throw new Error('expected a 400');
}

describe('pageWindow: both forms of the list conventions', () => {
  test('page and pageSize, with their defaults', () => {
    expect(pageWindow(query({}))).toEqual({ by: 'page', offset: 0, limit: 20 });
    expect(pageWindow(query({ page: 3, pageSize: 25 }))).toEqual({ by: 'page', offset: 50, limit: 25 });
  });

  test("seed 001's offset and limit, the offset any number of items", () => {
    expect(pageWindow(query({ offset: 7, limit: 5 }))).toEqual({ by: 'offset', offset: 7, limit: 5 });
    expect(pageWindow(query({ limit: 5, pageSize: 5 }))).toEqual({ by: 'page', offset: 0, limit: 5 });
  });

  test('a cursor starts after its item, with the size of either name', () => {
    expect(pageWindow(query({ cursor: 'x', limit: 10 }))).toEqual({ by: 'cursor', offset: 0, limit: 10 });
  });

  test.each([
    [{ limit: 5, pageSize: 6 }, 'limit'],
    [{ page: 2, offset: 20 }, 'offset'],
    [{ cursor: 'x', page: 2 }, 'cursor'],
    [{ cursor: 'x', offset: 0 }, 'cursor'],
    [{ sort: 'name', sortBy: 'name' }, 'sortBy'],
    [{ sortOrder: 'desc' as const }, 'sortOrder'],
  ])('refuses %j with a 400 at %s', (over, field) => {
    expect(fieldErrors(() => pageWindow(query(over)))).toEqual([expect.objectContaining({ field, code: 'CONFLICTING_PARAMETERS' })]);
  });
});

describe('Page', () => {
  test('knows its page number, and its page count from an exact total only', () => {
    const page = new Page([1, 2], { by: 'offset', offset: 45, limit: 20 }, 70, true, null);
    expect({ page: page.page, totalPages: page.totalPages }).toEqual({ page: 3, totalPages: 4 });
    expect(new Page([], { by: 'page', offset: 0, limit: 20 }, null, true).totalPages).toBeNull();
  });

  test('map keeps the paging', () => {
    const page = new Page([1, 2], { by: 'page', offset: 2, limit: 2 }, 12, true, 'c').map((n) => n * 10);
    expect(page).toMatchObject({ items: [10, 20], totalItems: 12, hasNext: true, nextCursor: 'c', page: 2, totalPages: 6 });
  });

  test('pageOf slices a list held in memory, exactly counted and without a cursor', () => {
    const all = Array.from({ length: 45 }, (_, i) => i);
    expect(pageOf(all, query({ page: 3 }))).toMatchObject({ items: all.slice(40), totalItems: 45, hasNext: false, nextCursor: undefined });
    expect(pageOf(all, query({ offset: 10, limit: 5 }))).toMatchObject({ items: [10, 11, 12, 13, 14], hasNext: true });
  });
});
