import { applyDecorators, CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiExtension } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { from, Observable, switchMap } from 'rxjs';
import { readJsonBody } from './json-body.js';
import { payloadTooLarge } from './kernel.errors.js';
import { ApiErrors } from './response.decorators.js';

export const BODY_LIMIT = 'marshal:body-limit';

/**
 * A route that takes JSON bodies larger than BODY_LIMIT, up to `limit` (e.g. '8mb'). Its body is
 * not read by the global parser but by DeferredBodyInterceptor, after the guards: a caller that is
 * not authenticated, or not allowed, is answered before a byte of the body is read (and its
 * connection closed, so the rest is never drained), instead of making the server read and parse
 * megabytes first. The operation carries `x-body-limit` and its own 413.
 */
export const BodyLimit = (limit: string) =>
  applyDecorators(
    SetMetadata(BODY_LIMIT, limit),
    ApiExtension('x-body-limit', limit),
    ApiErrors([payloadTooLarge, `The request body is over this route's limit of ${limit}`]),
  );

/**
 * Reads the body of a @BodyLimit route once the guards have let the request through, before the
 * other interceptors (idempotency fingerprints the body) and the pipes (validation) need it, with
 * the route's limit and the same parser, and so the same refusals, as every other route.
 */
@Injectable()
export class DeferredBodyInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const limit = context.getType() === 'http' ? this.reflector.get<string | undefined>(BODY_LIMIT, context.getHandler()) : undefined;
    if (!limit) return next.handle();
    const http = context.switchToHttp();
    return from(readJsonBody(http.getRequest<Request>(), http.getResponse<Response>(), limit)).pipe(switchMap(() => next.handle()));
  }
}
