import { Injectable } from '@nestjs/common';
import { BackgroundJobs } from './background-jobs.js';
import { Sweepers } from './sweepers.js';

/** One piece of background work: a sweeper on every replica's timer, or a pg-boss schedule run once across replicas. */
export type BackgroundTask = { name: string; kind: 'sweeper'; intervalMs: number } | { name: string; kind: 'schedule'; cron: string };

/** All the background work registered, sweepers and schedules, in one list (for the engine status). */
@Injectable()
export class BackgroundWork {
  constructor(
    private readonly sweepers: Sweepers,
    private readonly schedules: BackgroundJobs,
  ) {}

  list(): BackgroundTask[] {
    return [
      ...this.sweepers.list().map(({ name, intervalMs }) => ({ name, kind: 'sweeper' as const, intervalMs })),
      ...this.schedules.list().map(({ name, cron }) => ({ name, kind: 'schedule' as const, cron })),
    ];
  }
}
