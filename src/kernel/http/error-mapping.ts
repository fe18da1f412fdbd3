import { HttpException, NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { isDependencyUnavailable } from '../database/unavailable.js';
import { AppError, routeNotFound, serviceUnavailable, validationFailed } from './app-error.js';
import { MAX_JSON_DEPTH } from './json-depth.js';

/** Codes for statuses that framework code (Nest, body-parser) raises without one of ours. */
const CODE_BY_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  410: 'GONE',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

/** body-parser's errors carry a `type`; these are the client's fault. */
const BODY_PARSER_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  'entity.parse.failed': { status: 400, code: 'MALFORMED_JSON', message: 'The request body is not valid JSON' },
  // Set by json-body.ts: a body nested deeper than MAX_JSON_DEPTH, refused before it is parsed.
  'entity.too.deep': { status: 400, code: 'JSON_TOO_DEEP', message: `The request body nests objects and arrays deeper than ${MAX_JSON_DEPTH} levels` },
  // Set by json-body.ts on the zlib error of a body that does not decompress as Content-Encoding says.
  'encoding.invalid': { status: 400, code: 'MALFORMED_CONTENT_ENCODING', message: 'The request body does not decompress as its Content-Encoding says' },
  'entity.too.large': { status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'The request body is larger than the limit' },
  'encoding.unsupported': { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'The request body encoding is not supported' },
  'charset.unsupported': { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'The request body charset is not supported' },
  'request.aborted': { status: 400, code: 'BAD_REQUEST', message: 'The request was aborted by the client' },
  'request.size.invalid': { status: 400, code: 'BAD_REQUEST', message: 'The request body length does not match Content-Length' },
  'stream.encoding.set': { status: 500, code: 'INTERNAL', message: 'Internal error' },
};

/** PostgreSQL errors that can only come from a value the client sent; anything else is ours. */
const CLIENT_SQLSTATES: Record<string, () => AppError> = {
  '23505': () => new AppError(409, 'CONFLICT', 'A resource with the same unique value already exists'),
  '23503': () => new AppError(409, 'CONFLICT', 'A resource this request refers to no longer exists, or is still referred to'),
  '22P02': () => validationFailed([], 'A value has the wrong format'),
  '22007': () => validationFailed([], 'A date or time value is not valid'),
  '22008': () => validationFailed([], 'A date or time value is out of range'),
  '22003': () => validationFailed([], 'A numeric value is out of range'),
  '22001': () => validationFailed([], 'A value is too long'),
  // NUL in text (22021) or in jsonb (22P05). The validation pipe refuses it at the field first; this
  // is the net under anything that reaches the database another way.
  '22021': () => validationFailed([], 'A text value holds a character that cannot be stored (NUL)'),
  '22P05': () => validationFailed([], 'A JSON value holds a character that cannot be stored (NUL)'),
};

export interface MappedError {
  error: AppError;
  /** True when the failure is a bug: logged with its stack, shown as INTERNAL. */
  unexpected: boolean;
  /** Set when a dependency (the database, Redis) is unavailable: 503, logged without a stack. */
  unavailable?: true;
}

const internal = () => new AppError(500, 'INTERNAL', 'An internal error occurred; the request id identifies it in the logs');

/**
 * Nest's fallback for unmatched routes throws NotFoundException("Cannot <METHOD> <url>"). Our code
 * never throws NotFoundException (it uses AppError), so that exact message identifies the router.
 */
export function isRouteNotFound(exception: unknown, req: { method: string; originalUrl: string }): boolean {
  return exception instanceof NotFoundException && exception.message === `Cannot ${req.method} ${req.originalUrl}`;
}

/**
 * Turns anything thrown while serving a request into an AppError whose message is safe to show:
 * never a stack trace, SQL text or a value from the request.
 */
export function mapError(exception: unknown, req: { method: string; originalUrl: string }): MappedError {
  if (exception instanceof AppError) return { error: exception, unexpected: exception.status >= 500 && exception.status !== 503 };

  // Before anything else: whatever path a failure took (a query, the pool, a guard), an outage
  // is never the client's fault nor a refusal of its credentials.
  if (isDependencyUnavailable(exception)) return { error: serviceUnavailable(), unexpected: false, unavailable: true };

  const bodyParserType = (exception as { type?: unknown })?.type;
  if (typeof bodyParserType === 'string' && BODY_PARSER_ERRORS[bodyParserType]) {
    const { status, code, message } = BODY_PARSER_ERRORS[bodyParserType];
    return { error: new AppError(status, code, message), unexpected: status >= 500 };
  }

  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    if (isRouteNotFound(exception, req)) {
      return { error: routeNotFound(), unexpected: false };
    }
    if (status >= 500) return status === 503 ? { error: serviceUnavailable(), unexpected: false } : { error: internal(), unexpected: true };
    const body = exception.getResponse();
    const message = typeof body === 'object' && body && typeof (body as { message?: unknown }).message === 'string'
      ? (body as { message: string }).message
      : exception.message;
    return { error: new AppError(status, CODE_BY_STATUS[status] ?? 'BAD_REQUEST', message), unexpected: false };
  }

  if (exception instanceof QueryFailedError) {
    const sqlState = (exception.driverError as { code?: string } | undefined)?.code;
    const mapped = sqlState ? CLIENT_SQLSTATES[sqlState] : undefined;
    if (mapped) return { error: mapped(), unexpected: false };
  }

  return { error: internal(), unexpected: true };
}
