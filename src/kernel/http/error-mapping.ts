import { HttpException, NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { isDependencyUnavailable } from '../database/unavailable.js';
import { AppError, ErrorSpec } from './app-error.js';
import {
  badRequest,
  conflict,
  forbidden,
  gone,
  internal,
  jsonTooDeep,
  malformedContentEncoding,
  malformedJson,
  methodNotAllowed,
  notAcceptable,
  notFound,
  payloadTooLarge,
  rateLimited,
  routeNotFound,
  serviceUnavailable,
  unauthenticated,
  unprocessable,
  unsupportedMediaType,
  validationFailed,
} from './kernel.errors.js';

/** The catalog entries of statuses that framework code (Nest, body-parser) raises without one of ours. */
const ERROR_BY_STATUS: Record<number, ErrorSpec> = {
  400: badRequest,
  401: unauthenticated,
  403: forbidden,
  404: notFound,
  405: methodNotAllowed,
  406: notAcceptable,
  409: conflict,
  410: gone,
  413: payloadTooLarge,
  415: unsupportedMediaType,
  422: unprocessable,
  429: rateLimited,
};

/** body-parser's errors carry a `type`; these are the client's fault. */
const BODY_PARSER_ERRORS: Record<string, () => AppError> = {
  'entity.parse.failed': () => malformedJson(),
  // Set by json-body.ts: a body nested deeper than MAX_JSON_DEPTH, refused before it is parsed.
  'entity.too.deep': () => jsonTooDeep(),
  // Set by json-body.ts on the zlib error of a body that does not decompress as Content-Encoding says.
  'encoding.invalid': () => malformedContentEncoding(),
  'entity.too.large': () => payloadTooLarge('The request body is larger than the limit'),
  'encoding.unsupported': () => unsupportedMediaType('The request body encoding is not supported'),
  'charset.unsupported': () => unsupportedMediaType('The request body charset is not supported'),
  'request.aborted': () => badRequest('The request was aborted by the client'),
  'request.size.invalid': () => badRequest('The request body length does not match Content-Length'),
  'stream.encoding.set': () => internal(),
};

/** PostgreSQL errors that can only come from a value the client sent; anything else is ours. */
const CLIENT_SQLSTATES: Record<string, () => AppError> = {
  '23505': () => conflict('A resource with the same unique value already exists'),
  '23503': () => conflict('A resource this request refers to no longer exists, or is still referred to'),
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
    const error = BODY_PARSER_ERRORS[bodyParserType]();
    return { error, unexpected: error.status >= 500 };
  }

  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    if (isRouteNotFound(exception, req)) {
      return { error: routeNotFound(), unexpected: false };
    }
    if (status >= 500) return status === 503 ? { error: serviceUnavailable(), unexpected: false } : { error: internal(), unexpected: true };
    const body = exception.getResponse();
    const message =
      typeof body === 'object' && body && typeof (body as { message?: unknown }).message === 'string'
        ? (body as { message: string }).message
        : exception.message;
    // The framework's message, under the status it chose and the code our catalog has for it.
    return { error: new AppError(status, (ERROR_BY_STATUS[status] ?? badRequest).code, message), unexpected: false };
  }

  if (exception instanceof QueryFailedError) {
    const sqlState = (exception.driverError as { code?: string } | undefined)?.code;
    const mapped = sqlState ? CLIENT_SQLSTATES[sqlState] : undefined;
    if (mapped) return { error: mapped(), unexpected: false };
  }

  return { error: internal(), unexpected: true };
}
