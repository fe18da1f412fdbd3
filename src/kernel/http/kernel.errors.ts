import { defineError, FieldError } from './app-error.js';
import { MAX_JSON_DEPTH } from './json-depth.js';

/** The kernel's error catalog: the codes any route can answer, and those of the framework's own refusals. */

export const validationFailed = defineError(
  {
    status: 400,
    code: 'VALIDATION_FAILED',
    description: 'The request fails validation: error.validationErrors names each field (a NUL character in a string is NUL_CHARACTER)',
  },
  (validationErrors: FieldError[], message: string = 'The request is not valid') => ({ message, validationErrors }),
);

/** What framework code raises as a bare 400 (an aborted body, a Content-Length that does not match). */
export const badRequest = defineError(
  { status: 400, code: 'BAD_REQUEST', description: 'The request is malformed (an aborted body, a Content-Length that does not match)' },
  (message: string) => message,
);

export const malformedJson = defineError({ status: 400, code: 'MALFORMED_JSON', description: 'The request body is not valid JSON' });

export const jsonTooDeep = defineError({
  status: 400,
  code: 'JSON_TOO_DEEP',
  description: `The request body nests objects and arrays deeper than ${MAX_JSON_DEPTH} levels`,
});

export const malformedContentEncoding = defineError({
  status: 400,
  code: 'MALFORMED_CONTENT_ENCODING',
  description: 'The request body does not decompress as its Content-Encoding says',
});

export const unauthenticated = defineError(
  { status: 401, code: 'UNAUTHENTICATED', description: 'Missing, invalid or expired credentials' },
  (message: string = 'Authentication is required') => message,
);

export const forbidden = defineError(
  { status: 403, code: 'FORBIDDEN', description: 'The principal lacks the permission, or names an organization it is not a member of' },
  (message: string = 'You do not have permission to do this', details?: Record<string, unknown>) => ({ message, details }),
);

/** Also what another organization's resource answers: its existence is not disclosed. */
export const notFound = defineError(
  { status: 404, code: 'NOT_FOUND', description: 'The resource does not exist in this organization' },
  (resource: string) => `${resource} not found`,
);

/** What an unmatched route answers; also a feature that is switched off, so that its routes look absent. */
export const routeNotFound = defineError(
  { status: 404, code: 'ROUTE_NOT_FOUND', description: 'No route matches this method and path' },
  () => 'No route matches this method and path',
);

export const methodNotAllowed = defineError(
  { status: 405, code: 'METHOD_NOT_ALLOWED', description: 'The method is not allowed here' },
  (message: string) => message,
);

export const notAcceptable = defineError(
  { status: 406, code: 'NOT_ACCEPTABLE', description: 'No representation matches the Accept header' },
  (message: string) => message,
);

export const conflict = defineError(
  { status: 409, code: 'CONFLICT', description: 'The request conflicts with the current state (e.g. a unique value already taken)' },
  (message: string, details?: Record<string, unknown>) => ({ message, details }),
);

export const gone = defineError(
  { status: 410, code: 'GONE', description: 'The resource existed and is gone for good' },
  (message: string) => message,
);

export const payloadTooLarge = defineError({
  status: 413,
  code: 'PAYLOAD_TOO_LARGE',
  description: 'The request body is over the size limit (BODY_LIMIT unless the operation says otherwise)',
});

export const unsupportedMediaType = defineError({
  status: 415,
  code: 'UNSUPPORTED_MEDIA_TYPE',
  description: 'The request body has a Content-Encoding or a charset that is not supported',
});

/** What framework code raises as a bare 422; our own 422s have codes of their own. */
export const unprocessable = defineError(
  { status: 422, code: 'UNPROCESSABLE', description: 'The request cannot be processed' },
  (message: string) => message,
);

export const upgradeRequired = defineError(
  { status: 426, code: 'UPGRADE_REQUIRED', description: 'A plain GET, not a WebSocket handshake' },
  () => ({
    message: 'This is a WebSocket endpoint: connect with Upgrade: websocket',
    headers: { Upgrade: 'websocket', Connection: 'Upgrade' },
  }),
);

export const rateLimited = defineError(
  { status: 429, code: 'RATE_LIMITED', description: 'Rate limited; see Retry-After' },
  (retryAfterSeconds: number, message: string = 'Too many requests; try again later') => ({
    message,
    details: { retryAfterSeconds },
    headers: { 'Retry-After': String(retryAfterSeconds) },
  }),
);

export const internal = defineError(
  { status: 500, code: 'INTERNAL', description: 'An unexpected error; the request id identifies it in the logs' },
  () => 'An internal error occurred; the request id identifies it in the logs',
);

/** How long a client is asked to wait before it tries again after a 503. */
export const RETRY_UNAVAILABLE_AFTER_SECONDS = 5;

/** A dependency is down or too slow: temporary, so the client keeps its credentials and retries after Retry-After. */
export const serviceUnavailable = defineError(
  {
    status: 503,
    code: 'SERVICE_UNAVAILABLE',
    description: 'The database (or another dependency) is unavailable or too slow; try again after Retry-After, with the same credentials',
  },
  (message: string = 'The service is temporarily unavailable; try again shortly') => ({
    message,
    headers: { 'Retry-After': String(RETRY_UNAVAILABLE_AFTER_SECONDS) },
  }),
);

export const idempotencyKeyReused = defineError(
  { status: 422, code: 'IDEMPOTENCY_KEY_REUSED', description: 'The Idempotency-Key was used with a different request' },
  () => 'This Idempotency-Key was used with a different request; use a new key for a new request',
);

export const idempotencyInProgress = defineError(
  { status: 409, code: 'IDEMPOTENCY_IN_PROGRESS', description: 'A request with the same Idempotency-Key is still running' },
  (message: string = 'A request with this Idempotency-Key is still being processed; retry later') => message,
);
