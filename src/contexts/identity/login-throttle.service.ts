import { createHash } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { BackgroundJobs } from '../../kernel/background/background-jobs.js';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../kernel/config/app-config.js';
import { rateLimited } from '../../kernel/http/app-error.js';

const accountKey = (email: string) => `account:${createHash('sha256').update(email.trim().toLowerCase()).digest('hex')}`;
const ipKey = (ip: string) => `ip:${ip}`;

/**
 * Slows password guessing: too many failures for one account, or from one address, within the
 * lockout window lock further attempts (right password or not) until the window passes. Unknown
 * accounts are counted exactly like known ones, so a lockout discloses nothing.
 */
@Injectable()
export class LoginThrottleService implements OnModuleInit {
  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: BackgroundJobs,
  ) {}

  onModuleInit(): void {
    this.jobs.schedule('sweep-login-failures', '*/10 * * * *', () => this.sweep());
  }

  /** Throws 429 RATE_LIMITED, with Retry-After, while the account or the address is locked. */
  async assertAllowed(email: string, ip: string): Promise<void> {
    const rows: { retry_after: number }[] = await this.dataSource.query(
      `SELECT ceil(extract(epoch FROM max(locked_until) - now()))::int AS retry_after
         FROM login_failures WHERE key = ANY($1) AND locked_until > now()`,
      [[accountKey(email), ipKey(ip)]],
    );
    const retryAfter = rows[0]?.retry_after;
    if (retryAfter && retryAfter > 0) throw rateLimited(retryAfter, 'Too many failed logins; try again later');
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    const { maxFailuresPerAccount, maxFailuresPerIp, lockoutSeconds } = this.config.auth.loginThrottle;
    // One statement per key: a fresh window starts when the old one has passed; reaching the
    // limit sets the lock. Concurrent failures serialise on the row, so none is lost.
    const sql = `
      INSERT INTO login_failures AS f (key, failures, window_started_at, locked_until)
      VALUES ($1, 1, now(), CASE WHEN 1 >= $2 THEN now() + make_interval(secs => $3) END)
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN f.window_started_at < now() - make_interval(secs => $3) THEN 1 ELSE f.failures + 1 END,
        window_started_at = CASE WHEN f.window_started_at < now() - make_interval(secs => $3) THEN now() ELSE f.window_started_at END,
        locked_until = CASE
          WHEN (CASE WHEN f.window_started_at < now() - make_interval(secs => $3) THEN 1 ELSE f.failures + 1 END) >= $2
            THEN now() + make_interval(secs => $3)
          ELSE f.locked_until END`;
    // Each statement commits on its own; holding both rows in one transaction buys nothing and
    // invites lock-order trouble with the sweep.
    await this.dataSource.query(sql, [accountKey(email), maxFailuresPerAccount, lockoutSeconds]);
    await this.dataSource.query(sql, [ipKey(ip), maxFailuresPerIp, lockoutSeconds]);
  }

  /** Drops counters whose window and lock have both passed; scheduled, skipping rows a login holds. */
  async sweep(): Promise<number> {
    const result = await this.dataSource.query<[unknown, number]>(
      `DELETE FROM login_failures WHERE key IN (
         SELECT key FROM login_failures
          WHERE window_started_at < now() - make_interval(secs => $1) AND (locked_until IS NULL OR locked_until < now())
          LIMIT 5000 FOR UPDATE SKIP LOCKED)`,
      [this.config.auth.loginThrottle.lockoutSeconds * 2],
    );
    return result[1] ?? 0;
  }

  /** A successful login clears its account's counter (not its address's: one good account must not launder guesses). */
  async recordSuccess(email: string): Promise<void> {
    await this.dataSource.query('DELETE FROM login_failures WHERE key = $1', [accountKey(email)]);
  }
}
