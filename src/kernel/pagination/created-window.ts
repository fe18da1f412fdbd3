import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate } from 'class-validator';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { IsOmittable } from '../http/validators.js';
import { PageQuery } from './page.js';

/** A page of a list that can also be narrowed to what was created in a time window. */
export class CreatedWindowQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'date-time', description: 'Created at or after' })
  @IsOmittable()
  @Type(() => Date)
  @IsDate()
  since?: Date;

  @ApiPropertyOptional({ format: 'date-time', description: 'Created before' })
  @IsOmittable()
  @Type(() => Date)
  @IsDate()
  until?: Date;
}

/** Narrows `qb` to rows whose `column` (e.g. `j.created_at`) falls in the query's window. */
export function createdWithin<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  column: string,
  query: Pick<CreatedWindowQuery, 'since' | 'until'>,
): SelectQueryBuilder<T> {
  if (query.since) qb.andWhere(`${column} >= :since`, { since: query.since });
  if (query.until) qb.andWhere(`${column} < :until`, { until: query.until });
  return qb;
}
