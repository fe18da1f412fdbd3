/** One field's validation failure, as the envelope reports it. */
export interface FieldError {
  field: string;
  message: string;
  code: string;
}

/**
 * A failure the client should see: an HTTP status, a stable UPPER_SNAKE code and a message safe to
 * show. Domain code throws these; the exception filter turns them into the error envelope.
 * Anything else that escapes a handler is a bug and becomes 500 INTERNAL.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly validationErrors?: FieldError[],
    /** Response headers the failure implies, e.g. Retry-After. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const validationFailed = (validationErrors: FieldError[], message = 'The request is not valid') =>
  new AppError(400, 'VALIDATION_FAILED', message, undefined, validationErrors);

export const unauthenticated = (message = 'Authentication is required') => new AppError(401, 'UNAUTHENTICATED', message);

export const forbidden = (message = 'You do not have permission to do this') => new AppError(403, 'FORBIDDEN', message);

/** Also what another organization's resource answers: its existence is not disclosed. */
export const notFound = (resource: string) => new AppError(404, 'NOT_FOUND', `${resource} not found`);

/** What an unmatched route answers; also a feature that is switched off, so that its routes look absent. */
export const routeNotFound = () => new AppError(404, 'ROUTE_NOT_FOUND', 'No route matches this method and path');

export const conflict = (message: string, details?: Record<string, unknown>) => new AppError(409, 'CONFLICT', message, details);

export const gone = (message: string) => new AppError(410, 'GONE', message);

/** A business rule refused the request (422) with a code of its own, e.g. SELF_APPROVAL_FORBIDDEN. */
export const ruleViolated = (code: string, message: string, details?: Record<string, unknown>) =>
  new AppError(422, code, message, details);

export const rateLimited = (retryAfterSeconds: number, message = 'Too many requests; try again later') =>
  new AppError(429, 'RATE_LIMITED', message, { retryAfterSeconds }, undefined, { 'Retry-After': String(retryAfterSeconds) });

/** How long a client is asked to wait before it tries again after a 503. */
export const RETRY_UNAVAILABLE_AFTER_SECONDS = 5;

/** A dependency is down or too slow: temporary, so the client keeps its credentials and retries after Retry-After. */
export const serviceUnavailable = (message = 'The service is temporarily unavailable; try again shortly') =>
  new AppError(503, 'SERVICE_UNAVAILABLE', message, undefined, undefined, { 'Retry-After': String(RETRY_UNAVAILABLE_AFTER_SECONDS) });
