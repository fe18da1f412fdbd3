import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { asMarshalRequest } from '../http/request.js';
import { RateLimiter } from './rate-limiter.js';
import { SKIP_RATE_LIMIT } from './skip-rate-limit.decorator.js';

/**
 * Applies the rate limits (RateLimiter) to every routed /api request. Runs after authentication,
 * so an authenticated request counts against its organization; a request that authentication
 * refuses is counted by the exception filter instead (RateLimiter.beforeErrorSent), so it carries
 * the same headers.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limiter: RateLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const req = asMarshalRequest(context.switchToHttp().getRequest());
    if (!this.limiter.applies(req)) return true;
    const res = context.switchToHttp().getResponse<Response>();
    // Probes, metrics and documents are never throttled: orchestrators must always reach them,
    // including the probe aliases that live under /api.
    if (this.reflector.get<boolean>(SKIP_RATE_LIMIT, context.getHandler())) {
      this.limiter.exempt(res);
      return true;
    }
    await this.limiter.consume(req, res);
    return true;
  }
}
