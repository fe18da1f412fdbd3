import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectThrottlerStorage, type ThrottlerStorage } from '@nestjs/throttler';
import type { Response } from 'express';
import { AppConfig, type RateLimit } from '../config/app-config.js';
import { rateLimited } from '../http/app-error.js';
import { asMarshalRequest } from '../http/request.js';
import { OrganizationTiers } from './organization-tiers.js';
import { SKIP_RATE_LIMIT } from './skip-rate-limit.decorator.js';

interface WindowResult {
  limit: number;
  hits: number;
  resetSeconds: number;
  blocked: boolean;
  blockSeconds: number;
}

/**
 * Rate limits under /api: per organization by its tier (standard 1000/min with bursts of 100/s,
 * premium 5000/500), and per client address for unauthenticated callers. Runs after
 * authentication, so the organization is known. Counters live in the @nestjs/throttler storage:
 * Redis when REDIS_URL is set (shared by replicas), in-process otherwise. Every answer carries
 * X-RateLimit-Limit/-Remaining/-Reset for the window closest to its limit; over it, 429 with Retry-After.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly logger = new Logger(RateLimitGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly config: AppConfig,
    private readonly tiers: OrganizationTiers,
    @InjectThrottlerStorage() private readonly storage: ThrottlerStorage,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (!this.config.rateLimits.enabled || context.getType() !== 'http') return true;
    const req = asMarshalRequest(context.switchToHttp().getRequest());
    // Probes, metrics and documents are never throttled: orchestrators must always reach them,
    // including the probe aliases that live under /api.
    if (!req.originalUrl.startsWith('/api/') || this.reflector.get<boolean>(SKIP_RATE_LIMIT, context.getHandler())) return true;
    const res = context.switchToHttp().getResponse<Response>();

    const principal = req.principal;
    const [tracker, limits] = principal
      ? [`org:${principal.organizationId}`, await this.limitsFor(principal.organizationId)]
      : [`ip:${req.ip ?? 'unknown'}`, this.config.rateLimits.anonymous];

    let windows: WindowResult[];
    try {
      windows = [await this.count(`burst:${tracker}`, 1_000, limits.burstPerSecond), await this.count(`minute:${tracker}`, 60_000, limits.perMinute)];
    } catch (error) {
      // A counter store outage must not take the API down with it: fail open, loudly.
      this.logger.warn({ err: error }, 'rate-limit storage unavailable; request allowed');
      return true;
    }
    const tightest = windows.reduce((a, b) => ((b.limit - b.hits) / b.limit < (a.limit - a.hits) / a.limit ? b : a));
    res.setHeader('X-RateLimit-Limit', String(tightest.limit));
    res.setHeader('X-RateLimit-Remaining', String(Math.max(0, tightest.limit - tightest.hits)));
    res.setHeader('X-RateLimit-Reset', String(tightest.resetSeconds));
    const blocked = windows.filter((w) => w.blocked);
    if (blocked.length > 0) throw rateLimited(Math.max(1, ...blocked.map((w) => w.blockSeconds)));
    return true;
  }

  private async limitsFor(organizationId: string): Promise<RateLimit> {
    return (await this.tiers.tierOf(organizationId)) === 'premium' ? this.config.rateLimits.premium : this.config.rateLimits.standard;
  }

  private async count(key: string, windowMs: number, limit: number): Promise<WindowResult> {
    // Blocked until the window ends: a limit per window, not a penalty beyond it.
    const r = await this.storage.increment(key, windowMs, limit, windowMs, key.split(':')[0]);
    return { limit, hits: r.totalHits, resetSeconds: r.timeToExpire, blocked: r.isBlocked, blockSeconds: r.timeToBlockExpire };
  }
}
