import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { ClsService } from 'nestjs-cls';
import type { Tx } from '../database/transactions.js';
import { BatchSweep, type BatchSweepOptions } from './batch-sweep.js';

export interface SweeperRegistration extends Omit<BatchSweepOptions, 'what'> {
  /** What it does, for the background list and the log line when a round fails ("reap expired leases"). */
  name: string;
  /** Also one round at start-up: a replica restarted more often than the interval would otherwise never sweep. */
  runAtStart?: boolean;
}

/** A registered sweeper, to run a round on demand (tests, or a caller that cannot wait for the timer). */
export interface Sweeper {
  run(): Promise<number>;
}

/**
 * The registry of BatchSweeps: contexts register theirs (in a constructor or onModuleInit), the
 * registry starts every timer once the application has bootstrapped and stops them before shutdown.
 */
@Injectable()
export class Sweepers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(Sweepers.name);
  private readonly registered: { registration: SweeperRegistration; sweep: BatchSweep }[] = [];

  constructor(
    @InjectTransactionHost() private readonly tx: Tx,
    private readonly cls: ClsService,
  ) {}

  register(registration: SweeperRegistration): Sweeper {
    const { name, runAtStart: _runAtStart, ...options } = registration;
    const sweep = new BatchSweep(this.tx, this.cls, this.logger, { what: name, ...options });
    this.registered.push({ registration, sweep });
    return sweep;
  }

  list(): { name: string; intervalMs: number; batchSize: number }[] {
    return this.registered.map(({ registration: { name, intervalMs, batchSize } }) => ({ name, intervalMs, batchSize }));
  }

  onApplicationBootstrap(): void {
    for (const { registration, sweep } of this.registered) {
      sweep.start();
      if (registration.runAtStart) void this.cls.run(() => sweep.run());
    }
  }

  beforeApplicationShutdown(): void {
    for (const { sweep } of this.registered) sweep.stop();
  }
}
