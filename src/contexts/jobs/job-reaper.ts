import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { AuditWriter } from '../../kernel/audit/audit-writer.js';
import { Sweepers, type Sweeper } from '../../kernel/background/sweepers.js';
import { AppConfig } from '../../kernel/config/app-config.js';
import { hydrate } from '../../kernel/database/hydrate.js';
import type { Tx } from '../../kernel/database/transactions.js';
import { EventHub } from '../../kernel/events/event-hub.js';
import { EventOutbox } from '../../kernel/events/event-outbox.js';
import { Job } from './entities/job.entity.js';
import { jobEvent } from './job-events.js';
import { JobMetrics } from './job-metrics.js';
import { REAP, REAP_BATCH } from './job-queue.sql.js';
import { JobsService } from './jobs.service.js';

/**
 * The lease reaper: re-queues (with backoff) or dead-letters jobs whose lease expired, in batches,
 * on every replica at once (SKIP LOCKED gives each batch to one), on a timer of the Sweepers.
 */
@Injectable()
export class JobReaper {
  private readonly reaper: Sweeper;

  constructor(
    @InjectTransactionHost() private readonly tx: Tx,
    private readonly events: EventOutbox,
    private readonly audit: AuditWriter,
    private readonly jobs: JobsService,
    private readonly metrics: JobMetrics,
    config: AppConfig,
    hub: EventHub,
    sweepers: Sweepers,
  ) {
    this.reaper = sweepers.register({
      name: 'reap expired leases',
      batchSize: REAP_BATCH,
      intervalMs: config.agents.reaperIntervalMs,
      batch: () => this.reapBatch(),
      quiet: () => hub.isStopping,
    });
  }

  /** A round now, until a batch comes back short; safe to call at any time. */
  reap(): Promise<number> {
    return this.reaper.run();
  }

  /** One batch of the reaper, in its transaction. */
  private async reapBatch(): Promise<number> {
    const manager = this.tx.tx;
    const [rows] = await manager.query<[Record<string, unknown>[], number]>(REAP);
    if (rows.length === 0) return 0;
    // One organization's audit chain after another, always in the same order: two replicas
    // reaping at once can never wait on each other's chain heads in a cycle.
    const holders = new Map(
      rows.map((r) => [r.id as string, { agentId: r.held_by as string | null, startedAt: r.held_since as Date | null }]),
    );
    const reaped = hydrate(manager, Job, rows).sort((a, b) => a.organizationId.localeCompare(b.organizationId) || a.id.localeCompare(b.id));
    await this.events.emit(
      ...reaped.map((j) => jobEvent(j, j.status === 'expired' ? 'job.expired' : 'job.requeued', { reason: j.errorCode })),
    );
    for (const job of reaped) {
      await this.audit.record({
        organizationId: job.organizationId,
        action: job.status === 'expired' ? 'job.expire' : 'job.requeue',
        actor: { type: 'system', id: 'job-reaper' },
        resourceType: 'job',
        resourceId: job.id,
        // Who held the attempt that ended, and since when: the claim itself is not a link of the chain.
        details: { reason: job.errorCode, attempts: job.attempts, maxAttempts: job.maxAttempts, heldBy: holders.get(job.id) },
      });
      this.metrics.leaseExpiries.inc({ outcome: job.status === 'expired' ? 'expired' : 'requeued' });
    }
    await this.jobs.finished(...reaped.filter((j) => j.status === 'expired'));
    return reaped.length;
  }
}
