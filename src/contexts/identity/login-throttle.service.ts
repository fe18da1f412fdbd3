import { createHash } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { BackgroundJobs } from '../../kernel/background/background-jobs.js';
import { AppConfig } from '../../kernel/config/app-config.js';
import { rateLimited } from '../../kernel/http/kernel.errors.js';

const accountHash = (email: string) => createHash('sha256').update(email.trim().toLowerCase()).digest('hex');

/**
 * While a guess is being checked, its counters are held this long (or for their delay, if shorter),
 * so that concurrent guesses cannot all slip through before the first failure is recorded.
 */
const IN_FLIGHT_HOLD_MS = 5_000;

interface Counter {
  key: string;
  failures: number;
  lastFailedAt: Date;
  delayedUntil: Date | null;
}

/** What `begin` charged, so that the outcome can finish (a failure) or take back (a success) exactly that. */
export interface LoginAttempt {
  at: Date;
  /** Each counter as it was before this attempt (null: it did not exist or was forgotten). */
  before: Map<string, Counter | null>;
  /** Each counter as this attempt left it. */
  charged: Map<string, Counter>;
  /** The delay a failure of this attempt imposes, per counter that delays (the pair and the address). */
  delaysMs: Map<string, number>;
  pairKey: string;
}

type Row = { key: string; failures: number; last_failed_at: Date; delayed_until: Date | null; now: Date };

/**
 * Slows password guessing without letting anyone lock an owner out (OWASP's Authentication and
 * Credential Stuffing cheat sheets). Three counters, in PostgreSQL so that replicas share them:
 *
 * - per (account, address) pair: past LOGIN_FREE_FAILURES_PER_PAIR failures, each failure delays
 *   the next attempt of that account from that address by LOGIN_DELAY_BASE_SECONDS, doubling up to
 *   LOGIN_DELAY_MAX_SECONDS;
 * - per address: past LOGIN_FREE_FAILURES_PER_ADDRESS failures (any accounts), the same growing
 *   delay for every attempt from that address;
 * - per account: never a delay of its own. Past LOGIN_FREE_FAILURES_PER_ACCOUNT failures from all
 *   addresses together, the pairs of that account lose their free failures (an address guessing at
 *   it is slowed from its first failure), so a botnet gets one guess per delay per address. An
 *   address that has not failed against the account (the owner's) is never held back by it.
 *
 * A delay is answered at once with 429 and Retry-After, never by holding the request, and never
 * lasts longer than the maximum. Counters are forgotten LOGIN_FAILURE_MEMORY_SECONDS after their
 * last failure; they survive a restart. Unknown accounts are counted exactly like known ones, so the
 * answers disclose nothing. A success clears its pair and takes back its own charge on the address
 * and account counters, and nothing more: one good account must not launder guesses from an address.
 *
 * The attempt is charged before the password is checked (begin), in one transaction over the rows
 * locked in key order: concurrent guesses serialise on it, and a guess past the free allowance
 * holds the counters while it is checked, so a burst gets no more guesses than a sequence.
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

  /** Charges one attempt, or throws 429 RATE_LIMITED with Retry-After while its pair or its address is delayed. */
  async begin(email: string, ip: string): Promise<LoginAttempt> {
    const account = accountHash(email);
    const pairKey = `pair:${account}@${ip}`;
    const addressKey = `ip:${ip}`;
    const accountKey = `account:${account}`;
    const keys = [pairKey, addressKey, accountKey].sort();
    const { freeFailuresPerPair, freeFailuresPerAddress, freeFailuresPerAccount, memorySeconds } = this.config.auth.loginThrottle;

    return this.dataSource.transaction('READ COMMITTED', async (manager) => {
      const { now, rows } = await this.lock(manager, keys);
      const current = (key: string): Counter | null => {
        const row = rows.get(key);
        // A counter past its memory is as good as absent.
        return row && row.lastFailedAt.getTime() > now.getTime() - memorySeconds * 1000 ? row : null;
      };
      const waits = [pairKey, addressKey].map((key) => current(key)?.delayedUntil?.getTime() ?? 0).map((until) => until - now.getTime());
      const waitMs = Math.max(...waits);
      if (waitMs > 0) throw rateLimited(Math.ceil(waitMs / 1000), 'Too many failed logins; try again later');

      const before = new Map(keys.map((key) => [key, current(key)] as const));
      const failures = (key: string) => (before.get(key)?.failures ?? 0) + 1;
      const underAttack = failures(accountKey) > freeFailuresPerAccount;
      const delaysMs = new Map([
        [pairKey, this.delayMs(failures(pairKey) - (underAttack ? 0 : freeFailuresPerPair))],
        [addressKey, this.delayMs(failures(addressKey) - freeFailuresPerAddress)],
      ]);
      const charged = new Map(
        keys.map((key) => {
          const delay = delaysMs.get(key) ?? 0;
          const hold = delay > 0 ? new Date(now.getTime() + Math.min(delay, IN_FLIGHT_HOLD_MS)) : null;
          return [key, { key, failures: failures(key), lastFailedAt: now, delayedUntil: hold }] as const;
        }),
      );
      await this.write(manager, [...charged.values()]);
      return { at: now, before, charged, delaysMs, pairKey };
    });
  }

  /** The password was wrong (or the account unknown or inactive): the charge stands, with its full delay. */
  async failed(attempt: LoginAttempt): Promise<void> {
    const delayed = [...attempt.delaysMs].filter(([, ms]) => ms > 0);
    if (delayed.length === 0) return;
    // greatest(): a longer delay set meanwhile by a concurrent failure is kept.
    await this.dataSource.query(
      `UPDATE login_failures f SET delayed_until = greatest(f.delayed_until, d.until)
         FROM unnest($1::text[], $2::timestamptz[]) AS d(key, until) WHERE f.key = d.key`,
      [delayed.map(([key]) => key), delayed.map(([, ms]) => new Date(attempt.at.getTime() + ms))],
    );
  }

  /** The password was right: the pair is cleared, and the other counters lose this attempt's charge. */
  succeeded(attempt: LoginAttempt): Promise<void> {
    return this.takeBack(attempt, true);
  }

  /** The attempt could not be judged (an error on the way): it counts for nothing. */
  abandoned(attempt: LoginAttempt): Promise<void> {
    return this.takeBack(attempt, false);
  }

  /** Drops counters past their memory whose delay is over; scheduled, skipping rows a login holds. */
  async sweep(): Promise<number> {
    const result = await this.dataSource.query<[unknown, number]>(
      `DELETE FROM login_failures WHERE key IN (
         SELECT key FROM login_failures
          WHERE last_failed_at < now() - make_interval(secs => $1) AND (delayed_until IS NULL OR delayed_until < now())
          LIMIT 5000 FOR UPDATE SKIP LOCKED)`,
      [this.config.auth.loginThrottle.memorySeconds],
    );
    return result[1] ?? 0;
  }

  /** LOGIN_DELAY_BASE_SECONDS for the first failure past the free ones, doubling, capped. */
  private delayMs(pastFree: number): number {
    if (pastFree <= 0) return 0;
    const { delayBaseSeconds, delayMaxSeconds } = this.config.auth.loginThrottle;
    return Math.min(delayMaxSeconds, delayBaseSeconds * 2 ** Math.min(pastFree - 1, 30)) * 1000;
  }

  /**
   * Locks the counters in key order (so that concurrent logins never deadlock), creating the missing
   * ones as empty rows first so that there is a row to lock.
   */
  private async lock(manager: EntityManager, keys: string[]): Promise<{ now: Date; rows: Map<string, Counter> }> {
    await manager.query(
      `INSERT INTO login_failures (key, failures, last_failed_at)
       SELECT k, 0, 'epoch'::timestamptz FROM unnest($1::text[]) AS k ORDER BY k ON CONFLICT (key) DO NOTHING`,
      [keys],
    );
    const rows: Row[] = await manager.query(
      `SELECT key, failures, last_failed_at, delayed_until, now() AS now FROM login_failures WHERE key = ANY($1) ORDER BY key FOR UPDATE`,
      [keys],
    );
    // now() is the transaction's start: the same clock for every replica, whatever their own.
    const now = rows[0]?.now ?? (await manager.query<{ now: Date }[]>('SELECT now() AS now'))[0].now;
    return {
      now,
      rows: new Map(
        rows.map((r) => [r.key, { key: r.key, failures: r.failures, lastFailedAt: r.last_failed_at, delayedUntil: r.delayed_until }]),
      ),
    };
  }

  private async write(manager: EntityManager, counters: Counter[]): Promise<void> {
    // An upsert, not an update: the sweep may have removed a forgotten row between the insert and the lock.
    await manager.query(
      `INSERT INTO login_failures (key, failures, last_failed_at, delayed_until)
       SELECT * FROM unnest($1::text[], $2::int[], $3::timestamptz[], $4::timestamptz[]) ORDER BY 1
       ON CONFLICT (key) DO UPDATE SET failures = EXCLUDED.failures, last_failed_at = EXCLUDED.last_failed_at, delayed_until = EXCLUDED.delayed_until`,
      [
        counters.map((c) => c.key),
        counters.map((c) => c.failures),
        counters.map((c) => c.lastFailedAt),
        counters.map((c) => c.delayedUntil),
      ],
    );
  }

  /**
   * Undoes this attempt's charge. A counter nobody charged since is put back exactly as it was
   * (its failures, time and delay); one that a concurrent attempt charged meanwhile only loses one
   * failure, and keeps the other attempt's time and delay.
   */
  private async takeBack(attempt: LoginAttempt, clearPair: boolean): Promise<void> {
    await this.dataSource.transaction('READ COMMITTED', async (manager) => {
      const keys = [...attempt.charged.keys()];
      const { rows } = await this.lock(manager, keys);
      const restored: Counter[] = [];
      for (const key of keys) {
        const row = rows.get(key);
        if (!row) continue;
        if (clearPair && key === attempt.pairKey) {
          restored.push({ key, failures: 0, lastFailedAt: new Date(0), delayedUntil: null });
          continue;
        }
        const charged = attempt.charged.get(key)!;
        const untouched = row.failures === charged.failures && row.lastFailedAt.getTime() === charged.lastFailedAt.getTime();
        const before = attempt.before.get(key);
        restored.push(
          untouched
            ? (before ?? { key, failures: 0, lastFailedAt: new Date(0), delayedUntil: null })
            : { ...row, failures: Math.max(0, row.failures - 1) },
        );
      }
      await this.write(manager, restored);
      // A counter back at nothing is dropped at once rather than left for the sweep.
      await manager.query('DELETE FROM login_failures WHERE key = ANY($1) AND failures = 0', [keys]);
    });
  }
}
