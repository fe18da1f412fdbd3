import { Injectable, Logger } from '@nestjs/common';
import { InjectThrottlerStorage, type ThrottlerStorage } from '@nestjs/throttler';
import type { Response } from 'express';
import { AppConfig, type RateLimit } from '../config/app-config.js';
import { AppError } from '../http/app-error.js';
import { rateLimited } from '../http/kernel.errors.js';
import type { MarshalRequest } from '../http/request.js';
import { RouteInventory } from '../routes/route-inventory.js';
import { OrganizationTiers } from './organization-tiers.js';
import { SKIP_RATE_LIMIT } from './skip-rate-limit.decorator.js';

/** One fixed window of one policy, as counted for this request. */
interface WindowState {
  /** The policy's name in RateLimit-Policy and RateLimit, e.g. "org-minute". */
  policy: string;
  limit: number;
  windowSeconds: number;
  hits: number;
  /** Seconds until the window ends (its counter starts again). */
  resetSeconds: number;
  blocked: boolean;
  blockSeconds: number;
}

/** What res.locals records once a request has been dealt with, so that nothing counts it twice. */
const HANDLED = 'marshal:rateLimit';

/**
 * Rate limits under /api: per organization by its tier (standard 1000/min with bursts of 100/s,
 * premium 5000/500), and per client address for callers who are not (or not yet) known. Counters
 * live in the @nestjs/throttler storage: Redis when REDIS_URL is set (shared by replicas), in-process
 * otherwise.
 *
 * Every /api answer carries the headers, refusals included: the guard counts requests once they
 * are authenticated, and `beforeErrorSent` counts those refused before the guard ran (401 and 403
 * from authentication, 404 for an unmatched route, a malformed body) against the client address.
 * Headers, for the window closest to its limit:
 * - `X-RateLimit-Limit`, `X-RateLimit-Remaining`, and `X-RateLimit-Reset` as a Unix timestamp in
 *   seconds (what seed 002 documents);
 * - `RateLimit-Policy` and `RateLimit` in the syntax of draft-ietf-httpapi-ratelimit-headers-12
 *   (`"org-minute";q=1000;w=60` and `"org-minute";a=998;w=42`: `a` the quota still available, `w`
 *   the seconds within which it applies; earlier drafts called them r and t).
 * Over a limit: 429 with Retry-After, which then equals RateLimit's `w`.
 */
@Injectable()
export class RateLimiter {
  private readonly logger = new Logger(RateLimiter.name);
  private exemptPaths?: Set<string>;

  constructor(
    private readonly config: AppConfig,
    private readonly tiers: OrganizationTiers,
    private readonly routes: RouteInventory,
    @InjectThrottlerStorage() private readonly storage: ThrottlerStorage,
  ) {}

  /** Whether this request is one the limits apply to: under /api, while limits are on. */
  applies(req: MarshalRequest): boolean {
    return this.config.rateLimits.enabled && req.originalUrl.startsWith('/api/');
  }

  /** Marks a request as exempt (a probe or a document): it is never counted and carries no headers. */
  exempt(res: Response): void {
    res.locals[HANDLED] = 'exempt';
  }

  /**
   * Counts the request against its organization (or its address when no principal is known),
   * writes the headers, and throws 429 RATE_LIMITED over a limit. Counts each request once.
   * A counter store that fails lets the request through (logged): an outage of Redis must not
   * take the API down with it.
   */
  async consume(req: MarshalRequest, res: Response): Promise<void> {
    if (res.locals[HANDLED]) return;
    res.locals[HANDLED] = 'counted';
    const principal = req.principal;
    const [prefix, tracker, limits] = principal
      ? ['org', `org:${principal.organizationId}`, await this.limitsFor(principal.organizationId)]
      : ['address', `ip:${req.ip ?? 'unknown'}`, this.config.rateLimits.anonymous];

    let windows: WindowState[];
    try {
      windows = [
        await this.count(`${prefix}-burst`, `burst:${tracker}`, 1, limits.burstPerSecond),
        await this.count(`${prefix}-minute`, `minute:${tracker}`, 60, limits.perMinute),
      ];
    } catch (error) {
      this.logger.warn({ err: error }, 'rate-limit storage unavailable; request allowed');
      return;
    }
    writeHeaders(res, windows);
    const blocked = windows.filter((w) => w.blocked);
    if (blocked.length > 0) throw rateLimited(Math.max(1, ...blocked.map((w) => w.blockSeconds)));
  }

  /**
   * The last look at an error answer before it is written: a request refused before the guard
   * counted it (unauthenticated, an unmatched route, a malformed body) is counted now, against the
   * principal when authentication got that far and the client address otherwise, and is answered
   * 429 instead when that puts it over a limit. Never throws.
   */
  async beforeErrorSent(error: AppError, req: MarshalRequest, res: Response): Promise<AppError> {
    if (!this.applies(req) || res.locals[HANDLED] || this.isExemptPath(req.path)) return error;
    try {
      await this.consume(req, res);
      return error;
    } catch (limited) {
      return limited instanceof AppError ? limited : error;
    }
  }

  private async limitsFor(organizationId: string): Promise<RateLimit> {
    return (await this.tiers.tierOf(organizationId)) === 'premium' ? this.config.rateLimits.premium : this.config.rateLimits.standard;
  }

  private async count(policy: string, key: string, windowSeconds: number, limit: number): Promise<WindowState> {
    const windowMs = windowSeconds * 1000;
    // Blocked until the window ends: a limit per window, not a penalty beyond it.
    const r = await this.storage.increment(key, windowMs, limit, windowMs, key.split(':')[0]);
    return {
      policy,
      limit,
      windowSeconds,
      hits: r.totalHits,
      resetSeconds: r.timeToExpire,
      blocked: r.isBlocked,
      blockSeconds: r.timeToBlockExpire,
    };
  }

  /**
   * Exempt routes (@SkipRateLimit: probes and documents) have literal paths, so a request refused
   * before routing (a malformed body on /api/v1/healthz) is recognised by its path alone.
   */
  private isExemptPath(path: string): boolean {
    this.exemptPaths ??= new Set(
      this.routes
        .handlers()
        .filter((route) => route.meta<boolean>(SKIP_RATE_LIMIT))
        .flatMap((route) => route.paths),
    );
    return this.exemptPaths.has(path.length > 1 ? path.replace(/\/+$/, '') : path);
  }
}

/** Serialises a Structured Fields string (RFC 9651 §4.1.6): our policy names never need escapes. */
const sfString = (value: string) => `"${value}"`;

function writeHeaders(res: Response, windows: WindowState[]): void {
  // The window to report: a blocked one (the longest block), otherwise the one closest to its limit.
  const blocked = windows.filter((w) => w.blocked).sort((a, b) => b.blockSeconds - a.blockSeconds);
  const tightest = blocked[0] ?? windows.reduce((a, b) => ((b.limit - b.hits) / b.limit < (a.limit - a.hits) / a.limit ? b : a));
  const remaining = tightest.blocked ? 0 : Math.max(0, tightest.limit - tightest.hits);
  const resetSeconds = tightest.blocked ? Math.max(tightest.blockSeconds, 1) : tightest.resetSeconds;
  res.setHeader('X-RateLimit-Limit', String(tightest.limit));
  res.setHeader('X-RateLimit-Remaining', String(remaining));
  res.setHeader('X-RateLimit-Reset', String(Math.floor(Date.now() / 1000) + resetSeconds));
  res.setHeader('RateLimit-Policy', windows.map((w) => `${sfString(w.policy)};q=${w.limit};w=${w.windowSeconds}`).join(', '));
  res.setHeader('RateLimit', `${sfString(tightest.policy)};a=${remaining};w=${resetSeconds}`);
}
