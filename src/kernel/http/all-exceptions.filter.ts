import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { errorEnvelope } from './envelope.js';
import { mapError } from './error-mapping.js';
import { asMarshalRequest, MarshalRequest } from './request.js';

const logger = new Logger('Errors');

/** Writes the error envelope for `exception`; shared by the Nest filter and the Express error handler. */
export function sendError(exception: unknown, req: MarshalRequest, res: Response): void {
  const { error, unexpected } = mapError(exception, req);
  // The metrics label such requests "(unmatched)" rather than by a route template.
  if (error.code === 'ROUTE_NOT_FOUND') res.locals.routeNotFound = true;
  if (unexpected) {
    logger.error({ err: exception, requestId: req.requestId, correlationId: req.correlationId }, 'request failed');
  }
  if (res.headersSent) {
    // A stream already started (SSE, file); all we can do is end it.
    res.end();
    return;
  }
  for (const [name, value] of Object.entries(error.headers ?? {})) res.setHeader(name, value);
  res.status(error.status).json(
    errorEnvelope(req, error.status, {
      code: error.code,
      message: error.message,
      ...(error.details ? { details: error.details } : {}),
      ...(error.validationErrors ? { validationErrors: error.validationErrors } : {}),
    }),
  );
}

/** Every exception that escapes a handler, guard, pipe or interceptor ends here, framework ones included. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendError(exception, asMarshalRequest(http.getRequest()), http.getResponse<Response>());
  }
}
