import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsOmittable } from '../http/validators.js';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { validationFailed } from '../http/app-error.js';

export const MAX_PAGE_SIZE = 100;

/**
 * The list conventions of DESIGN.md: `page` (1-based), `pageSize` (default 20, max 100), `sort`
 * (`-createdAt`, comma-separated) and free-text `q`. A list's query DTO extends this with its filters.
 */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, default: 1, description: 'Page number, from 1' })
  @Type(() => Number) @IsInt() @Min(1) @Max(1_000_000)
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 })
  @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE_SIZE)
  pageSize: number = 20;

  @ApiPropertyOptional({ description: 'Comma-separated fields; a leading "-" sorts descending. Each list documents its fields.', example: '-createdAt' })
  @IsOmittable() @IsString() @Matches(/^-?[A-Za-z]+(,-?[A-Za-z]+)*$/, { message: 'sort must be comma-separated field names, each optionally prefixed with -' })
  sort?: string;

  @ApiPropertyOptional({ description: 'Free-text search', maxLength: 200 })
  @IsOmittable() @IsString() @MaxLength(200)
  q?: string;
}

/** One page of a list, as a handler decorated with @ApiPage returns it. */
export class Page<T> {
  constructor(
    readonly items: T[],
    readonly totalItems: number,
    readonly page: number,
    readonly pageSize: number,
  ) {}

  map<U>(fn: (item: T) => U): Page<U> {
    return new Page(this.items.map(fn), this.totalItems, this.page, this.pageSize);
  }

  get totalPages(): number {
    return Math.ceil(this.totalItems / this.pageSize);
  }
}

/**
 * Applies sort and paging to a query. `sortable` maps each public field name to its column
 * expression; any other field is a 400 naming the allowed ones. The primary key breaks ties, so
 * pages never overlap.
 */
export async function paginate<E extends ObjectLiteral>(
  qb: SelectQueryBuilder<E>,
  query: PageQuery,
  sortable: Record<string, string>,
  defaultSort: string,
): Promise<Page<E>> {
  const fields = (query.sort ?? defaultSort).split(',');
  for (const field of fields) {
    const name = field.replace(/^-/, '');
    const column = sortable[name];
    if (!column) {
      throw validationFailed([
        { field: 'sort', message: `sort must use the fields ${Object.keys(sortable).join(', ')}`, code: 'INVALID_SORT' },
      ]);
    }
    qb.addOrderBy(column, field.startsWith('-') ? 'DESC' : 'ASC');
  }
  qb.addOrderBy(`${qb.alias}.id`, 'ASC');
  const [items, total] = await qb.skip((query.page - 1) * query.pageSize).take(query.pageSize).getManyAndCount();
  return new Page(items, total, query.page, query.pageSize);
}
