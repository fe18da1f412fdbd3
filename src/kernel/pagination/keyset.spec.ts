import type { SelectQueryBuilder } from 'typeorm';
import { AppError } from '../http/app-error.js';
import { decodeCursor, encodeCursor, keyExpression, seekAfter, type SortKey } from './keyset.js';

/** Records the conditions seekAfter adds; the SQL around them is TypeORM's business. */
function recorder() {
  const conditions: { sql: string; params?: Record<string, unknown> }[] = [];
  const qb = {
    andWhere(sql: string, params?: Record<string, unknown>) {
      conditions.push({ sql, params });
      return qb;
    },
  };
  return { qb: qb as unknown as SelectQueryBuilder<{ id: string }>, conditions };
}

const ID = '0190a000-0000-7000-8000-000000000001';
const TIME = '2026-05-01T10:00:00.123456Z';
const key = (over: Partial<SortKey>): SortKey => ({
  name: 'createdAt',
  column: 'j.created_at',
  property: 'createdAt',
  desc: true,
  nullable: false,
  type: 'timestamp with time zone',
  ...over,
});
const id = (desc: boolean): SortKey => key({ name: 'id', column: 'j.id', desc, type: 'uuid' });

describe('cursors', () => {
  test('round-trip the sort and the key values, NULL included', () => {
    const cursor = { sort: '-completedAt', values: [null, ID] };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  test.each(['not base64 json', Buffer.from('{"a":1}').toString('base64url'), Buffer.from('["-createdAt",[1]]').toString('base64url'), ''])(
    'refuse %j with 400 INVALID_CURSOR',
    (text) => {
      expect(() => decodeCursor(text)).toThrow(AppError);
      try {
        decodeCursor(text);
      } catch (error) {
        expect(error).toMatchObject({ status: 400, validationErrors: [{ field: 'cursor', code: 'INVALID_CURSOR' }] });
      }
    },
  );

  test('store a timestamp to the microsecond, whatever the session time zone or date style', () => {
    expect(keyExpression(key({}))).toBe(`to_char(j.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`);
    expect(keyExpression(key({ column: 'j.priority', type: 'integer' }))).toBe('CAST(j.priority AS text)');
  });
});

describe('seekAfter', () => {
  test('one direction, no NULLs: a row comparison that an index on the same columns can start from', () => {
    const { qb, conditions } = recorder();
    seekAfter(qb, [key({}), id(true)], { sort: '-createdAt', values: [TIME, ID] });
    expect(conditions).toEqual([{ sql: '(j.created_at, j.id) < (:seek0, :seek1)', params: { seek0: TIME, seek1: ID } }]);
  });

  test('mixed directions: level by level, with a bound on the first key for the index', () => {
    const { qb, conditions } = recorder();
    seekAfter(qb, [key({ name: 'type', column: 'j.type', desc: false, type: 'character varying' }), key({}), id(true)], {
      sort: 'type,-createdAt',
      values: ['a', TIME, ID],
    });
    expect(conditions.map((c) => c.sql)).toEqual([
      '(j.type > :seek0 OR (j.type = :seek0 AND (j.created_at < :seek1 OR (j.created_at = :seek1 AND (j.id < :seek2)))))',
      'j.type >= :seek0',
    ]);
  });

  test('a NULL key sorts above every value: after it come the values (descending) or nothing but NULLs (ascending)', () => {
    const completed = (desc: boolean) => key({ name: 'completedAt', column: 'j.completed_at', desc, nullable: true });
    const desc = recorder();
    seekAfter(desc.qb, [completed(true), id(true)], { sort: '-completedAt', values: [null, ID] });
    expect(desc.conditions.map((c) => c.sql)).toEqual(['(j.completed_at IS NOT NULL OR (j.completed_at IS NULL AND (j.id < :seek1)))']);
    const asc = recorder();
    seekAfter(asc.qb, [completed(false), id(false)], { sort: 'completedAt', values: [null, ID] });
    expect(asc.conditions.map((c) => c.sql)).toEqual(['(FALSE OR (j.completed_at IS NULL AND (j.id > :seek1)))']);
    const value = recorder();
    seekAfter(value.qb, [completed(false), id(false)], { sort: 'completedAt', values: [TIME, ID] });
    expect(value.conditions.map((c) => c.sql)).toEqual([
      '((j.completed_at > :seek0 OR j.completed_at IS NULL) OR (j.completed_at = :seek0 AND (j.id > :seek1)))',
    ]);
  });

  test.each([
    ['too few values', [ID]],
    ['a NULL where the column cannot be NULL', [null, ID]],
    ['a time without microseconds', ['2026-05-01T10:00:00Z', ID]],
    ['an id that is no UUID', [TIME, 'x']],
  ])('refuses %s with 400 INVALID_CURSOR', (_what, values) => {
    const { qb } = recorder();
    expect(() => seekAfter(qb, [key({}), id(true)], { sort: '-createdAt', values: values })).toThrow(
      expect.objectContaining({ status: 400, validationErrors: [expect.objectContaining({ code: 'INVALID_CURSOR' })] }),
    );
  });
});
