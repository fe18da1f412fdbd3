import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { validationFailed } from '../http/kernel.errors.js';
import { UUID_PATTERN } from '../ids.js';

/**
 * Keyset ("seek") paging: a page starts after the last item the client saw, found through the
 * index that serves the sort, so a page deep in a list costs what the first one does. The cursor
 * holds that item's sort values and id, read from the database as text (a JavaScript Date would
 * lose PostgreSQL's microseconds, and a cursor a microsecond early repeats or skips items).
 */

/** One sort level, resolved against the entity's columns. */
export interface SortKey {
  /** The public field name (`createdAt`); `id` for the tie-breaker. */
  name: string;
  /** The column expression (`j.created_at`). */
  column: string;
  /** The entity property it fills (`createdAt`). */
  property: string;
  desc: boolean;
  nullable: boolean;
  /** PostgreSQL's name for the column's type (`timestamp with time zone`, `integer`, …). */
  type: string;
}

const TIMESTAMP = /^timestamp/;
const INTEGER = /^(integer|int|int2|int4|int8|smallint|bigint)$/;

/** What the cursor stores for a key: text that PostgreSQL reads back as exactly the same value. */
export function keyExpression(key: SortKey): string {
  if (key.type === 'timestamp with time zone' || key.type === 'timestamptz') {
    return `to_char(${key.column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
  }
  if (TIMESTAMP.test(key.type)) return `to_char(${key.column}, 'YYYY-MM-DD"T"HH24:MI:SS.US')`;
  return `CAST(${key.column} AS text)`;
}

const KEY_FORMATS: { type: RegExp; value: RegExp }[] = [
  { type: TIMESTAMP, value: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z?$/ },
  { type: INTEGER, value: /^-?\d{1,19}$/ },
  { type: /^uuid$/, value: UUID_PATTERN },
];

const invalidCursor = (message = 'cursor is not one this list returned') =>
  validationFailed([{ field: 'cursor', message, code: 'INVALID_CURSOR' }]);

/** A decoded cursor: the sort it was made for, and the last item's key values (the id last). */
export interface Cursor {
  sort: string;
  values: (string | null)[];
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.values])).toString('base64url');
}

/** Reads a cursor's shape; its values are checked against the keys by `seekAfter`. */
export function decodeCursor(text: string): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw invalidCursor();
  const [sort, values] = parsed as unknown[];
  if (typeof sort !== 'string' || !Array.isArray(values) || values.some((v) => v !== null && typeof v !== 'string')) throw invalidCursor();
  return { sort, values: values as (string | null)[] };
}

/**
 * Narrows `qb` to the items after the cursor's, in the order of `keys` (whose last is the id).
 * PostgreSQL sorts NULL above every value (last ascending, first descending), so "after" a NULL
 * in a descending key is any value, and nothing comes after a NULL in an ascending one.
 */
export function seekAfter<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, keys: SortKey[], cursor: Cursor): void {
  if (cursor.values.length !== keys.length) throw invalidCursor();
  keys.forEach((key, i) => {
    const value = cursor.values[i];
    if (value === null ? !key.nullable : value.length > 1000 || KEY_FORMATS.some((f) => f.type.test(key.type) && !f.value.test(value)))
      throw invalidCursor();
  });
  const params = Object.fromEntries(cursor.values.map((v, i) => [`seek${i}`, v]));
  const uniform = keys.every((k) => k.desc === keys[0].desc && !k.nullable);
  if (uniform) {
    // A row comparison: the index on (…, these columns, id) starts the scan right there.
    qb.andWhere(
      `(${keys.map((k) => k.column).join(', ')}) ${keys[0].desc ? '<' : '>'} (${keys.map((_, i) => `:seek${i}`).join(', ')})`,
      params,
    );
    return;
  }
  const after = (k: SortKey, p: string, value: string | null): string => {
    if (value === null) return k.desc ? `${k.column} IS NOT NULL` : 'FALSE';
    return k.desc ? `${k.column} < ${p}` : k.nullable ? `(${k.column} > ${p} OR ${k.column} IS NULL)` : `${k.column} > ${p}`;
  };
  const same = (k: SortKey, p: string, value: string | null) => (value === null ? `${k.column} IS NULL` : `${k.column} = ${p}`);
  let condition = after(keys[keys.length - 1], `:seek${keys.length - 1}`, cursor.values[keys.length - 1]);
  for (let i = keys.length - 2; i >= 0; i--) {
    const [k, p, v] = [keys[i], `:seek${i}`, cursor.values[i]];
    condition = `${after(k, p, v)} OR (${same(k, p, v)} AND (${condition}))`;
  }
  qb.andWhere(`(${condition})`, params);
  // The same bound, in a form an index range can start from (a descending key passed a value
  // never comes back to NULL; an ascending key that cannot be NULL never goes below it).
  const [first, value] = [keys[0], cursor.values[0]];
  if (value !== null && (first.desc || !first.nullable)) qb.andWhere(`${first.column} ${first.desc ? '<=' : '>='} :seek0`);
}
