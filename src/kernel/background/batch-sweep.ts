import type { Logger } from '@nestjs/common';
import type { ClsService } from 'nestjs-cls';
import type { Tx } from '../database/transactions.js';
import { OutageLog } from './outage-log.js';

export interface BatchSweepOptions {
  /** What it does, for the log line when a round fails ("reap expired leases"). */
  what: string;
  batchSize: number;
  intervalMs: number;
  /** One batch, in a transaction of its own: answers how many rows it handled. */
  batch: () => Promise<number>;
  /** A failure not worth a warning (say, the pool closing during shutdown). */
  quiet?: () => boolean;
}

/**
 * A sweeper every replica runs on a timer: batch after batch (each its own transaction, rows taken
 * with SKIP LOCKED so replicas share the work) until a batch comes back short. One round at a time
 * per replica; a failed round is logged and the next tick tries again. While the database is away,
 * rounds fail fast (its queries are bounded) and the outage is logged once, not per tick.
 */
export class BatchSweep {
  private timer?: NodeJS.Timeout;
  private running = false;
  private readonly outage: OutageLog;

  constructor(
    private readonly tx: Tx,
    private readonly cls: ClsService,
    logger: Logger,
    private readonly options: BatchSweepOptions,
  ) {
    this.outage = new OutageLog(logger, options.what);
  }

  start(): void {
    // Outside any request: the batches need a context of their own.
    this.timer = setInterval(() => void this.cls.run(() => this.run()), this.options.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** One round now; answers how many rows it handled (0 when a round is already running here). */
  async run(): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    let total = 0;
    try {
      for (;;) {
        const count = await this.tx.withTransaction(this.options.batch);
        total += count;
        if (count < this.options.batchSize) break;
      }
      this.outage.succeeded();
    } catch (error) {
      if (!this.options.quiet?.()) this.outage.failed(error);
    } finally {
      this.running = false;
    }
    return total;
  }
}
