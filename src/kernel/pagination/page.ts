import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { type FieldError } from '../http/app-error.js';
import { validationFailed } from '../http/kernel.errors.js';
import { IsOmittable } from '../http/validators.js';
import { decodeCursor, encodeCursor, keyExpression, seekAfter, type SortKey } from './keyset.js';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;
/**
 * Totals are counted exactly up to this many items (a count over a LIMITed subquery costs at most
 * this many index entries); beyond, they are null. A count of a million rows took seconds.
 */
export const COUNT_LIMIT = 10_000;

/**
 * The list conventions of DESIGN.md: `page` (1-based), `pageSize` (default 20, max 100), `sort`
 * (`-createdAt`, comma-separated) and free-text `q`; seed 001's `limit`, `offset`, `sortBy` and
 * `sortOrder` mean the same; and `cursor`, which continues after the last item of a page (keyset
 * paging: as cheap deep in a list as at its start). A list's query DTO extends this with its filters.
 */
export class PageQuery {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: 1_000_000,
    default: 1,
    description: 'Page number, from 1 (or `offset`). A deep page costs as many rows as it skips: prefer `cursor`',
  })
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE, description: 'Items per page (or `limit`)' })
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize?: number;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: MAX_PAGE_SIZE,
    default: DEFAULT_PAGE_SIZE,
    description: 'Items per page: the same as `pageSize` (send one of them, or both alike)',
  })
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 100_000_000, default: 0, description: 'Items to skip, instead of `page`' })
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  offset?: number;

  @ApiPropertyOptional({
    description: 'Comma-separated fields; a leading "-" sorts descending. Each list documents its fields.',
    example: '-createdAt',
  })
  @IsOmittable()
  @IsString()
  @Matches(/^-?[A-Za-z]+(,-?[A-Za-z]+)*$/, { message: 'sort must be comma-separated field names, each optionally prefixed with -' })
  @MaxLength(500)
  sort?: string;

  @ApiPropertyOptional({ description: 'One field to sort by, instead of `sort`', example: 'createdAt' })
  @IsOmittable()
  @IsString()
  @Matches(/^[A-Za-z]+$/, { message: 'sortBy must be a field name' })
  @MaxLength(100)
  sortBy?: string;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'asc', description: 'The direction of `sortBy`' })
  @IsOmittable()
  @IsIn(['asc', 'desc'], { message: 'sortOrder must be asc or desc' })
  sortOrder?: 'asc' | 'desc';

  @ApiPropertyOptional({ description: 'Free-text search', maxLength: 200 })
  @IsOmittable()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({
    maxLength: 2000,
    description:
      'Opaque: the `meta.cursor.next` of the previous page. Continues the list after that page, in its sort (send the same sort, or none), with the filters you send; not with `page` or `offset`',
  })
  @IsOmittable()
  @IsString()
  @MaxLength(2000)
  cursor?: string;
}

/** Where a page starts and how it was asked for. */
export interface PageWindow {
  /** `page`/`pageSize`, seed 001's `offset`/`limit`, or `cursor`. */
  by: 'page' | 'offset' | 'cursor';
  /** Items skipped; 0 for a page by cursor (it starts after the cursor's item instead). */
  offset: number;
  limit: number;
}

/** One page of a list, as a handler decorated with @ApiPage returns it. */
export class Page<T> {
  constructor(
    readonly items: T[],
    readonly window: PageWindow,
    /** Exact, or null when more than COUNT_LIMIT items match; always null for a page by cursor. */
    readonly totalItems: number | null,
    readonly hasNext: boolean,
    /** After the last item, when hasNext; undefined for a list that does not page by cursor. */
    readonly nextCursor?: string | null,
  ) {}

  map<U>(fn: (item: T) => U): Page<U> {
    return new Page(this.items.map(fn), this.window, this.totalItems, this.hasNext, this.nextCursor);
  }

  /** The page the offset falls in, from 1. */
  get page(): number {
    return Math.floor(this.window.offset / this.window.limit) + 1;
  }

  get totalPages(): number | null {
    return this.totalItems === null ? null : Math.ceil(this.totalItems / this.window.limit);
  }
}

/** Resolves the two forms of the conventions into one window; mixing them inconsistently is a 400. */
export function pageWindow(query: PageQuery): PageWindow {
  const errors: FieldError[] = [];
  const conflict = (field: string, message: string) => errors.push({ field, message, code: 'CONFLICTING_PARAMETERS' });
  if (query.limit !== undefined && query.pageSize !== undefined && query.limit !== query.pageSize)
    conflict('limit', 'limit and pageSize are the same setting and differ');
  if (query.page !== undefined && query.offset !== undefined) conflict('offset', 'send page or offset, not both');
  if (query.cursor !== undefined && (query.page !== undefined || query.offset !== undefined))
    conflict('cursor', 'a cursor continues after its page: page and offset do not apply');
  if (query.sort !== undefined && query.sortBy !== undefined) conflict('sortBy', 'send sort or sortBy, not both');
  if (query.sortOrder !== undefined && query.sortBy === undefined) conflict('sortOrder', 'sortOrder is the direction of sortBy');
  if (errors.length) throw validationFailed(errors);
  const limit = query.limit ?? query.pageSize ?? DEFAULT_PAGE_SIZE;
  if (query.cursor !== undefined) return { by: 'cursor', offset: 0, limit };
  if (query.offset !== undefined) return { by: 'offset', offset: query.offset, limit };
  return { by: 'page', offset: ((query.page ?? 1) - 1) * limit, limit };
}

/** The sort the query asks for (`sort`, or `sortBy` and `sortOrder`), if any. */
export function requestedSort(query: PageQuery): string | undefined {
  if (query.sortBy !== undefined) return `${query.sortOrder === 'desc' ? '-' : ''}${query.sortBy}`;
  return query.sort;
}

/** `sort` resolved against the list's fields and the entity's columns, with the id last as tie-breaker. */
function sortKeys<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>, sort: string, sortable: Record<string, string>): SortKey[] {
  const fields = sort.split(',');
  const keys = fields.map((field) => {
    const name = field.replace(/^-/, '');
    const column = Object.hasOwn(sortable, name) ? sortable[name] : undefined;
    if (!column) {
      throw validationFailed([
        { field: 'sort', message: `sort must use the fields ${Object.keys(sortable).join(', ')}`, code: 'INVALID_SORT' },
      ]);
    }
    return { name, column, desc: field.startsWith('-'), ...columnFacts(qb, column) };
  });
  // The id follows the last field's direction, so that one index on (…, id) serves the whole order.
  keys.push({ name: 'id', column: `${qb.alias}.id`, desc: keys[keys.length - 1].desc, ...columnFacts(qb, `${qb.alias}.id`) });
  return keys;
}

/** Whether a sortable column (`alias.column_name`) can be NULL, and its type, from the entity's metadata. */
function columnFacts<E extends ObjectLiteral>(
  qb: SelectQueryBuilder<E>,
  expression: string,
): { property: string; nullable: boolean; type: string } {
  const [alias, name] = expression.split('.');
  const metadata = qb.expressionMap.aliases.find((a) => a.name === alias)?.metadata;
  const column = metadata?.findColumnWithDatabaseName(name);
  if (!column) throw new Error(`paginate: the sortable column ${expression} is not a column of an entity in the query`);
  return { property: column.propertyName, nullable: column.isNullable, type: qb.connection.driver.normalizeType(column) };
}

/**
 * The cursor keys after a page, read by id once the page is read. Should its last item have gone
 * meanwhile, the cursor goes after the last one still there: the next page then starts where the
 * gone one stood, so nothing is skipped or repeated.
 */
async function keysAfter<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>, keys: SortKey[], items: E[]): Promise<(string | null)[]> {
  const ids = items.map((item) => (item as unknown as { id: string }).id);
  const rows = await qb
    .select(`${qb.alias}.id`, 'page_id')
    .addSelect(keys.map((key, i) => `${keyExpression(key)} AS page_key_${i}`))
    .andWhere(`${qb.alias}.id IN (:...pageIds)`, { pageIds: ids })
    .getRawMany<Record<string, string | null>>();
  const found = new Map(rows.map((row) => [row.page_id, row]));
  const last = [...ids].reverse().find((id) => found.has(id));
  // Every item of the page gone (or never there): the cursor of its last item as read, whose
  // times are to the millisecond only. A rare race, on a page by offset only.
  if (!last) {
    const item = items[items.length - 1] as Record<string, unknown>;
    return keys.map((key) => {
      const value = item[key.property] as Date | string | number | null | undefined;
      if (value === null || value === undefined) return null;
      return value instanceof Date ? value.toISOString().replace('Z', '000Z') : String(value);
    });
  }
  const row = found.get(last)!;
  return keys.map((_, i) => row[`page_key_${i}`]);
}

/** Counts the query's rows, up to COUNT_LIMIT + 1: beyond that the exact figure is not worth its cost. */
async function countUpToLimit<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>): Promise<number> {
  const capped = qb
    .clone()
    .select('1')
    .orderBy()
    .offset(undefined)
    .limit(COUNT_LIMIT + 1);
  const row = await qb
    .createQueryBuilder()
    .select('COUNT(*)', 'n')
    .from(`(${capped.getQuery()})`, 'capped')
    .setParameters(capped.getParameters())
    .getRawOne<{ n: string }>();
  return Number(row?.n ?? 0);
}

/**
 * Applies sort and paging to a query (see PageQuery). `sortable` maps each public field name to
 * its column (`alias.column_name`); any other field is a 400 naming the allowed ones. The id breaks
 * ties, so pages never overlap. One statement reads the page and the keys of its last item; a
 * second counts, only when the page itself does not tell the total, and only up to COUNT_LIMIT.
 * A page by cursor is never counted.
 */
export async function paginate<E extends ObjectLiteral>(
  qb: SelectQueryBuilder<E>,
  query: PageQuery,
  sortable: Record<string, string>,
  defaultSort: string,
): Promise<Page<E>> {
  const window = pageWindow(query);
  const cursor = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  const requested = requestedSort(query);
  if (cursor && requested !== undefined && requested !== cursor.sort) {
    throw validationFailed([
      {
        field: 'cursor',
        message: `the cursor continues the list sorted by ${cursor.sort}; send that sort or none`,
        code: 'INVALID_CURSOR',
      },
    ]);
  }
  const sort = cursor?.sort ?? requested ?? defaultSort;
  const keys = sortKeys(qb, sort, sortable);
  if (qb.expressionMap.joinAttributes.length > 0)
    throw new Error('paginate: a query with joins pages by row, not by entity; select the page first');

  const counting = qb.clone();
  const lookup = qb.clone();
  if (cursor) seekAfter(qb, keys, cursor);
  keys.forEach((key, i) => {
    if (i === 0) qb.orderBy(key.column, key.desc ? 'DESC' : 'ASC');
    else qb.addOrderBy(key.column, key.desc ? 'DESC' : 'ASC');
  });
  // The last item's keys come with the page, unless the page skips rows: PostgreSQL computes a
  // selected expression for every row an OFFSET skips (about a second per million rows), so a
  // page by offset reads them by id afterwards instead (one more statement, when there is a next page).
  const inline = window.offset === 0;
  if (inline) keys.forEach((key, i) => qb.addSelect(keyExpression(key), `page_key_${i}`));
  // One more than the page: whether there is a next page, without counting.
  const page = qb.offset(window.offset || undefined).limit(window.limit + 1);
  const { entities, raw } = inline ? await page.getRawAndEntities() : { entities: await page.getMany(), raw: [] };
  const hasNext = entities.length > window.limit;
  const items = entities.slice(0, window.limit);
  let nextCursor: string | null = null;
  if (hasNext) {
    const last = raw[items.length - 1] as Record<string, string | null> | undefined;
    const values = inline && last ? keys.map((_, i) => last[`page_key_${i}`]) : await keysAfter(lookup, keys, items);
    nextCursor = encodeCursor({ sort, values });
  }

  let totalItems: number | null = null;
  if (window.by !== 'cursor') {
    const seen = window.offset + items.length;
    if (!hasNext && (items.length > 0 || window.offset === 0))
      totalItems = seen; // the last page tells the total
    else if (!(hasNext && seen >= COUNT_LIMIT)) {
      // (When it does not, and this page already reaches past the limit, there is nothing to count.)
      const counted = await countUpToLimit(counting);
      totalItems = counted > COUNT_LIMIT ? null : counted;
    }
  }
  return new Page(items, window, totalItems, hasNext, nextCursor);
}

/** A page of a list held in memory (e.g. assembled from several contexts); such a list has no cursor. */
export function pageOf<T>(all: T[], query: PageQuery): Page<T> {
  const window = pageWindow(query);
  const items = all.slice(window.offset, window.offset + window.limit);
  return new Page(items, window, all.length, window.offset + items.length < all.length);
}
