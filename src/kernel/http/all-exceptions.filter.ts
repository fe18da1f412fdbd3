import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import type { AppError } from './app-error.js';
import { unavailabilityReason } from '../database/unavailable.js';
import { errorEnvelope } from './envelope.js';
import { mapError } from './error-mapping.js';
import { asMarshalRequest, MarshalRequest } from './request.js';

const logger = new Logger('Errors');

/**
 * What is logged of an unexpected error: name, message, stack, SQL state and statement. Never
 * the error object itself: a TypeORM QueryFailedError carries the statement's parameters, which
 * can hold a password hash, a ciphertext or a secret value.
 */
export function loggable(exception: unknown): Record<string, unknown> {
  if (!(exception instanceof Error)) return { value: typeof exception };
  const out: Record<string, unknown> = { type: exception.name, message: exception.message, stack: exception.stack };
  if (exception instanceof QueryFailedError) {
    out.sqlState = (exception.driverError as { code?: string } | undefined)?.code;
    out.query = exception.query;
  }
  return out;
}

/**
 * A last look at an error answer before it is written, given the error it will send; it returns
 * the error to send instead (the rate limiter counts requests refused before its guard, and turns
 * one over a limit into 429). It must not throw.
 */
export type BeforeErrorSent = (error: AppError, req: MarshalRequest, res: Response) => Promise<AppError>;

/** Writes the error envelope for `exception`; shared by the Nest filter and the Express error handler. */
export async function sendError(exception: unknown, req: MarshalRequest, res: Response, beforeSent?: BeforeErrorSent): Promise<void> {
  const mapped = mapError(exception, req);
  if (mapped.unexpected) {
    logger.error({ err: loggable(exception), requestId: req.requestId, correlationId: req.correlationId }, 'request failed');
  } else if (mapped.unavailable) {
    // An outage, not a bug: one short line per request says which dependency failed and how.
    logger.warn(
      { reason: unavailabilityReason(exception), requestId: req.requestId, correlationId: req.correlationId },
      'request failed: a dependency is unavailable',
    );
  }
  if (res.headersSent) {
    // A stream already started (SSE, file); all we can do is end it.
    res.end();
    return;
  }
  const error = beforeSent ? await beforeSent(mapped.error, req, res).catch(() => mapped.error) : mapped.error;
  // The metrics label such requests "(unmatched)" rather than by a route template.
  if (error.code === 'ROUTE_NOT_FOUND') res.locals.routeNotFound = true;
  if (res.headersSent) return;
  for (const [name, value] of Object.entries(error.headers ?? {})) res.setHeader(name, value);
  // Refused before its body arrived (e.g. a 401 on a @BodyLimit route): close the connection once
  // answered, so that Node does not read and discard the rest of the body to keep it alive.
  if (!req.complete) res.setHeader('Connection', 'close');
  res.status(error.status).json(
    errorEnvelope(req, error.status, {
      code: error.code,
      message: error.message,
      ...(error.details ? { details: error.details } : {}),
      ...(error.validationErrors ? { validationErrors: error.validationErrors } : {}),
    }),
  );
}

/**
 * Every exception that escapes a handler, guard, pipe or interceptor ends here, framework ones
 * included. Nest does not await a filter; sendError catches everything, so its promise never rejects.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  constructor(private readonly beforeSent?: BeforeErrorSent) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    void sendError(exception, asMarshalRequest(http.getRequest()), http.getResponse<Response>(), this.beforeSent);
  }
}
