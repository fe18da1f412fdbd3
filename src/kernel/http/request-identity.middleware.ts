import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { asMarshalRequest } from './request.js';

/** Printable, bounded: a caller's correlation id is kept only if it is safe to log and echo. */
const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * First middleware of all: gives the request its id, keeps (or mints) the correlation id, and echoes
 * both, so that every later layer, even a body-parser failure, can report them.
 */
export function requestIdentity(req: Request, res: Response, next: NextFunction): void {
  const request = asMarshalRequest(req);
  request.requestId = randomUUID();
  const incoming = req.headers['x-correlation-id'];
  request.correlationId = typeof incoming === 'string' && CORRELATION_ID.test(incoming) ? incoming : request.requestId;
  res.setHeader('x-request-id', request.requestId);
  res.setHeader('x-correlation-id', request.correlationId);
  next();
}
