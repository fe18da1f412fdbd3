import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { registerQuerySynonym } from '../http/query-lists.js';
import { IsOmittable } from '../http/validators.js';

/**
 * Append-only streams (audit, events) page by an opaque cursor, newest first. The page size has
 * both names every list accepts (PageQuery): `limit` and `pageSize`.
 */
export class CursorQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50, description: 'Items per page (or `pageSize`)' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit: number = 50;

  /** Renamed to `limit` by the validation pipe (registered below); here for the document only. */
  @ApiPropertyOptional({
    type: Number,
    minimum: 1,
    maximum: 200,
    default: 50,
    description: 'Items per page: the same as `limit` (send one of them, or both alike)',
  })
  pageSize?: number;

  @ApiPropertyOptional({ description: 'Opaque: the `meta.cursor.next` of the previous page' })
  @IsOmittable()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

registerQuerySynonym(CursorQuery.prototype, 'pageSize', 'limit');

/** What a handler decorated with @ApiCursorPage returns. */
export class CursorPage<T> {
  constructor(
    readonly items: T[],
    readonly nextCursor: string | null,
    readonly limit: number,
  ) {}

  map<U>(fn: (item: T) => U): CursorPage<U> {
    return new CursorPage(this.items.map(fn), this.nextCursor, this.limit);
  }
}
