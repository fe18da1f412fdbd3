import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COUNT_LIMIT } from '../pagination/page.js';
import type { FieldError } from './app-error.js';
import type { MarshalRequest } from './request.js';

/*
 * The envelope of DESIGN.md ("Envelope"). These classes are both the runtime shape and the OpenAPI
 * components that every operation's response schema is built from (see response.decorators.ts).
 */

/** Both forms of DESIGN.md's list conventions: page/pageSize, and seed 001's limit/offset. */
export class PaginationMeta {
  @ApiProperty({
    example: 1,
    minimum: 1,
    description: 'The page, from 1 (for an offset that is not a multiple of pageSize, the page it falls in)',
  })
  page!: number;
  @ApiProperty({ example: 20, minimum: 1, maximum: 100 }) pageSize!: number;
  @ApiProperty({ example: 20, minimum: 1, maximum: 100, description: 'The same as pageSize' }) limit!: number;
  @ApiProperty({ example: 0, minimum: 0, description: 'Items before this page' }) offset!: number;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    example: 0,
    minimum: 0,
    description: `Exact. Counting stops at ${COUNT_LIMIT.toLocaleString('en')}: when more items match, null (and totalCapped is true), except on the last page, which tells the total`,
  })
  totalItems!: number | null;
  @ApiProperty({ type: 'integer', nullable: true, example: 0, minimum: 0, description: 'Null when totalItems is' }) totalPages!:
    number | null;
  @ApiProperty({
    description: `True when more than ${COUNT_LIMIT.toLocaleString('en')} items match and this page does not tell how many: totalItems and totalPages are null`,
  })
  totalCapped!: boolean;
  @ApiProperty({ description: 'Whether another page follows (known without counting)' }) hasNext!: boolean;
  @ApiProperty() hasPrevious!: boolean;
}

export class CursorMeta {
  @ApiProperty({ example: 50 }) limit!: number;
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last' }) next!: string | null;
  @ApiProperty() hasNext!: boolean;
}

export class EnvelopeMeta {
  @ApiProperty({ format: 'uuid' }) requestId!: string;
  @ApiProperty({ description: 'Echoes x-correlation-id, or the request id when none was sent' }) correlationId!: string;
  @ApiProperty({ format: 'date-time' }) timestamp!: string;
  @ApiProperty({ example: 200 }) status!: number;
  @ApiProperty({ example: '1' }) version!: string;
  @ApiPropertyOptional({ type: PaginationMeta, description: 'On a list paged by page or offset' }) pagination?: PaginationMeta;
  @ApiPropertyOptional({
    type: CursorMeta,
    description: 'On a list that pages by cursor (every page of it, including one asked for by page or offset)',
  })
  cursor?: CursorMeta;
}

export class EnvelopeContext {
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) principalId!: string | null;
  // Published as `anyOf: [the enum, { enum: [null] }]` (explicitNulls in openapi-document.ts).
  @ApiProperty({ type: String, nullable: true, enum: ['user', 'api_key', 'agent'] }) principalType!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) organizationId!: string | null;
}

export class EnvelopeLinks {
  @ApiProperty({ example: '/api/v1/me' }) self!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) next?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) prev?: string | null;
}

export class ValidationErrorItem {
  @ApiProperty({ example: 'email', description: 'Dotted path of the field; array items as [index]' }) field!: string;
  @ApiProperty({ example: 'email must be an email' }) message!: string;
  @ApiProperty({ example: 'IS_EMAIL' }) code!: string;
}

export class ErrorBody {
  @ApiProperty({ example: 'NOT_FOUND', description: 'Stable UPPER_SNAKE code' }) code!: string;
  @ApiProperty({ example: 'Organization not found' }) message!: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) details?: Record<string, unknown>;
  @ApiPropertyOptional({ type: [ValidationErrorItem] }) validationErrors?: ValidationErrorItem[];
}

/**
 * The success envelope. `data` is deliberately absent from this schema: each operation declares
 * its own (an object, an array, ...) next to it, and a base type here would contradict lists.
 */
export class SuccessEnvelope {
  @ApiProperty({ enum: [true] }) success!: true;
  data!: unknown;
  @ApiProperty({ type: 'object', additionalProperties: false, nullable: true, description: 'Always null on success', example: null })
  error!: null;
  @ApiProperty({ type: EnvelopeMeta }) meta!: EnvelopeMeta;
  @ApiProperty({ type: EnvelopeContext }) context!: EnvelopeContext;
  @ApiProperty({ type: EnvelopeLinks }) links!: EnvelopeLinks;
}

export class ErrorEnvelope {
  @ApiProperty({ enum: [false] }) success!: false;
  @ApiProperty({ type: 'object', additionalProperties: false, nullable: true, description: 'Always null on error', example: null })
  data!: null;
  @ApiProperty({ type: ErrorBody }) error!: ErrorBody;
  @ApiProperty({ type: EnvelopeMeta }) meta!: EnvelopeMeta;
  @ApiProperty({ type: EnvelopeContext }) context!: EnvelopeContext;
  @ApiProperty({ type: EnvelopeLinks }) links!: EnvelopeLinks;
}

export const API_VERSION = '1';

function meta(req: MarshalRequest, status: number, extra: { pagination?: PaginationMeta; cursor?: CursorMeta } = {}): EnvelopeMeta {
  return {
    requestId: req.requestId,
    correlationId: req.correlationId,
    timestamp: new Date().toISOString(),
    status,
    version: API_VERSION,
    ...(extra.pagination ? { pagination: extra.pagination } : {}),
    ...(extra.cursor ? { cursor: extra.cursor } : {}),
  };
}

function context(req: MarshalRequest): EnvelopeContext {
  const p = req.principal;
  return { principalId: p?.id ?? null, principalType: p?.type ?? null, organizationId: p?.organizationId ?? null };
}

export function successEnvelope(
  req: MarshalRequest,
  status: number,
  data: unknown,
  extra: { pagination?: PaginationMeta; cursor?: CursorMeta; links?: Partial<EnvelopeLinks> } = {},
): SuccessEnvelope {
  return {
    success: true,
    data,
    error: null,
    meta: meta(req, status, extra),
    context: context(req),
    links: { self: req.originalUrl, ...extra.links },
  };
}

export function errorEnvelope(
  req: MarshalRequest,
  status: number,
  error: { code: string; message: string; details?: Record<string, unknown>; validationErrors?: FieldError[] },
): ErrorEnvelope {
  return {
    success: false,
    data: null,
    error,
    meta: meta(req, status),
    context: context(req),
    links: { self: req.originalUrl },
  };
}

/** For `@ApiOkOrNoContent` handlers: the 200 envelope of `value`, or 204 when it is null. */
export function replyOkOrNoContent(req: MarshalRequest, res: import('express').Response, value: unknown): void {
  if (value === null || value === undefined) {
    res.status(204).end();
    return;
  }
  res.status(200).json(successEnvelope(req, 200, value));
}
