import type { SelectQueryBuilder } from 'typeorm';
import { AppError } from '../http/app-error.js';
import { Page, PageQuery, paginate } from './page.js';

/** Records what paginate asks of the query builder; the SQL itself is TypeORM's business. */
function fakeQueryBuilder(rows: unknown[], total: number) {
  const calls: string[] = [];
  const qb = {
    alias: 'o',
    addOrderBy(column: string, order: string) {
      calls.push(`order ${column} ${order}`);
      return qb;
    },
    skip(n: number) {
      calls.push(`skip ${n}`);
      return qb;
    },
    take(n: number) {
      calls.push(`take ${n}`);
      return qb;
    },
    getManyAndCount: () => Promise.resolve([rows, total]),
  };
  return { qb: qb as unknown as SelectQueryBuilder<{ id: string }>, calls };
}

const query = (over: Partial<PageQuery>) => Object.assign(new PageQuery(), over);
const sortable = { createdAt: 'o.created_at', name: 'o.name' };

describe('paginate', () => {
  test('applies the sort fields in order, then the id as a tie-breaker, then the page window', async () => {
    const { qb, calls } = fakeQueryBuilder([{ id: 'a' }], 45);
    const page = await paginate(qb, query({ page: 3, pageSize: 20, sort: '-createdAt,name' }), sortable, '-createdAt');
    expect(calls).toEqual(['order o.created_at DESC', 'order o.name ASC', 'order o.id ASC', 'skip 40', 'take 20']);
    expect(page).toMatchObject({ page: 3, pageSize: 20, totalItems: 45, totalPages: 3 });
  });

  test('uses the default sort when none is given', async () => {
    const { qb, calls } = fakeQueryBuilder([], 0);
    await paginate(qb, query({}), sortable, 'name');
    expect(calls[0]).toBe('order o.name ASC');
  });

  test('refuses a field outside the allow-list with a 400 naming the allowed ones', async () => {
    const { qb } = fakeQueryBuilder([], 0);
    const error = await paginate(qb, query({ sort: 'password' }), sortable, 'name').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      validationErrors: [{ field: 'sort', message: 'sort must use the fields createdAt, name', code: 'INVALID_SORT' }],
    });
  });

  test('Page.map keeps the paging', () => {
    const page = new Page([1, 2], 12, 2, 2).map((n) => n * 10);
    expect(page).toMatchObject({ items: [10, 20], totalItems: 12, page: 2, pageSize: 2, totalPages: 6 });
  });
});
