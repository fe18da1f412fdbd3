import type { Logger } from '@nestjs/common';
import { unavailabilityReason } from '../database/unavailable.js';

/** While the database stays away, a reminder this often, so that a long outage still shows. */
const REMIND_EVERY_MS = 60_000;

/**
 * What a background loop (a sweeper, the workflow engine, the event listener, pg-boss) says while
 * the database is away: one line when it is lost, a reminder a minute, one line when it answers
 * again, and nothing for each retry in between. Any other failure is a bug: logged every time.
 */
export class OutageLog {
  private downSince?: number;
  private remindedAt = 0;

  constructor(
    private readonly logger: Logger,
    /** What the loop does, for the log lines ("reap expired leases"). */
    private readonly what: string,
  ) {}

  /** Whether the loop is waiting for the database to come back (it may retry less often meanwhile). */
  get isDown(): boolean {
    return this.downSince !== undefined;
  }

  /** Logs a failed round as it deserves; answers whether it was an outage. */
  failed(error: unknown): boolean {
    const reason = unavailabilityReason(error);
    if (reason === undefined) {
      this.logger.warn({ message: (error as { message?: unknown } | undefined)?.message }, `could not ${this.what}; will retry`);
      return false;
    }
    const now = Date.now();
    if (this.downSince === undefined) {
      this.downSince = now;
      this.remindedAt = now;
      this.logger.warn({ reason }, `could not ${this.what}: the database is unavailable; retrying until it answers`);
    } else if (now - this.remindedAt >= REMIND_EVERY_MS) {
      this.remindedAt = now;
      this.logger.warn(
        { reason, downForSeconds: Math.round((now - this.downSince) / 1000) },
        `could not ${this.what}: the database is still unavailable`,
      );
    }
    return true;
  }

  /** A round went through: says so once if the database had been away. */
  succeeded(): void {
    if (this.downSince === undefined) return;
    const downForSeconds = Math.round((Date.now() - this.downSince) / 1000);
    this.downSince = undefined;
    this.logger.log({ downForSeconds }, `the database is available again: back to work (${this.what})`);
  }
}
