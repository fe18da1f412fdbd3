import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectTransactionHost, Transactional } from '@nestjs-cls/transactional';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '../../kernel/auth/principal.js';
import { AuditNotes } from '../../kernel/audit/audit-notes.js';
import { AppConfig } from '../../kernel/config/app-config.js';
import { hydrate } from '../../kernel/database/hydrate.js';
import type { Tx } from '../../kernel/database/transactions.js';
import type { EventEntry } from '../../kernel/events/domain-event.js';
import { EventHub, type Signal } from '../../kernel/events/event-hub.js';
import { notFound } from '../../kernel/http/kernel.errors.js';
import { EventOutbox } from '../../kernel/events/event-outbox.js';
import { TenantData } from '../../kernel/tenancy/tenant-data.js';
import { AgentsService } from '../agents/index.js';
import type { CompleteJobDto, ReportProgressDto } from './dto/job.dto.js';
import { HELD_STATUSES, Job, type JobUsage } from './entities/job.entity.js';
import { couldClaim, jobEvent } from './job-events.js';
import { assertHeld } from './job-lease.js';
import { JobMetrics } from './job-metrics.js';
import {
  APPLY_COMPLETIONS,
  CANCELLED_HELD_IDS,
  CLAIM,
  EXTEND_HELD,
  RELEASE_AGENT,
  RELEASE_CLAIMED,
  RELEASE_FORGOTTEN,
  RENEW,
} from './job-queue.sql.js';
import { JobReaper } from './job-reaper.js';
import { JobsService } from './jobs.service.js';
import { jobCancelled, leaseLost } from './jobs.errors.js';

/** A long-poll re-checks at least this often, for jobs whose backoff ends without a signal. */
const MAX_SIGNAL_WAIT_MS = 5000;

function addUsage(total: JobUsage, more: JobUsage | undefined): JobUsage {
  if (!more) return total;
  const sum = { ...total };
  for (const key of ['durationMs', 'inputTokens', 'outputTokens', 'cpuSeconds', 'costAmount'] as const) {
    if (typeof more[key] === 'number') sum[key] = (sum[key] ?? 0) + more[key];
  }
  if (more.currency) sum.currency = more.currency;
  return sum;
}

/** What the audit trail keeps of a completion: the attempt it ends, since when, and how. */
function completionNote(job: Job, input: CompleteJobDto): Record<string, unknown> {
  return { status: input.status, attempt: job.attempts, startedAt: job.startedAt, errorCode: input.error?.code };
}

export interface JobCompletion extends CompleteJobDto {
  jobId: string;
}

export interface CompletionResult {
  jobId: string;
  recorded: boolean;
  error: { code: 'LEASE_LOST' | 'NOT_FOUND'; message: string } | null;
}

export interface ClaimOutcome {
  claims: Job[];
  cancelJobIds: string[];
}

/**
 * The agent side of the queue: claims (SKIP LOCKED, optionally long-polling on the event hub),
 * lease renewal, progress and completion (idempotent per attempt); the reaper (JobReaper) re-queues
 * or dead-letters jobs whose lease expired. Every state change emits its event in its transaction.
 */
@Injectable()
export class JobQueue implements OnModuleInit {
  private readonly logger = new Logger(JobQueue.name);

  constructor(
    @InjectTransactionHost() private readonly tx: Tx,
    private readonly data: TenantData,
    private readonly events: EventOutbox,
    private readonly hub: EventHub,
    private readonly agents: AgentsService,
    private readonly jobs: JobsService,
    private readonly config: AppConfig,
    private readonly metrics: JobMetrics,
    private readonly notes: AuditNotes,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reaper: JobReaper,
  ) {}

  /**
   * Re-queues (with backoff) or dead-letters jobs whose lease expired, in batches, on every replica
   * at once: SKIP LOCKED gives each batch to one. Runs on a timer; safe to call at any time.
   */
  reap(): Promise<number> {
    return this.reaper.reap();
  }

  /** Before the sweepers start (at bootstrap), so that the reaper sees the extended leases. */
  async onModuleInit(): Promise<void> {
    this.agents.onRemoval((organizationId, agentId, reason) => this.releaseAgent(organizationId, agentId, reason));
    // Perhaps every replica was down, and agents could not heartbeat meanwhile: give the leases
    // they hold one more period (never past a job's timeout) before their silence counts as a crash.
    await this.dataSource
      .query(EXTEND_HELD, [this.config.agents.leaseSeconds])
      .catch((error: unknown) => this.logger.warn({ message: (error as Error).message }, 'could not extend held leases at start-up'));
  }

  /**
   * Claims up to `max` jobs the agent may run. With `waitSeconds`, waits for one to be queued
   * (on any replica) before answering none. `gone` tells when the caller hung up: nothing is
   * claimed for a connection that can no longer receive it.
   */
  async claim(
    organizationId: string,
    agent: Principal,
    options: { max: number; waitSeconds: number; gone: () => boolean },
  ): Promise<ClaimOutcome> {
    const end = this.metrics.claimLatency.startTimer();
    const deadline = Date.now() + options.waitSeconds * 1000;
    let claims: Job[] & { cancelJobIds?: string[] } = [];
    // What it runs came with its authentication: no second read of the agent.
    const me = options.waitSeconds > 0 ? { id: agent.id, capabilities: agent.capabilities ?? [] } : undefined;
    let woken: Signal | null = null;
    for (;;) {
      // Listen before looking, so that a job queued in between is not missed. One waiting agent
      // is woken per signal (the one waiting longest), and hands it on if more may be left.
      const remaining = Math.min(Math.max(deadline - Date.now(), 0), MAX_SIGNAL_WAIT_MS);
      const waiting = me ? this.hub.waitForSignal(organizationId, (s) => couldClaim(s, me), remaining, { exclusive: true }) : undefined;
      if (options.gone()) {
        waiting?.cancel();
        break;
      }
      claims = await this.tx.withTransaction(() => this.claimNow(organizationId, agent, options.max));
      // A signal taken while claiming, or the one that woke us: with jobs in hand, hand it on.
      if (claims.length > 0) for (const s of [woken, waiting?.received() ?? null]) if (s) this.hub.passOn(s);
      if (claims.length > 0 || !waiting || Date.now() >= deadline || this.hub.isStopping) {
        waiting?.cancel();
        break;
      }
      // At the deadline this loops once more: a job whose backoff ended during the wait sends no signal.
      woken = await waiting.promise;
    }
    if (claims.length > 0 && options.gone()) {
      // Nobody is there to receive them: back to the queue at once, the attempt not counted.
      await this.tx.withTransaction(() => this.release(organizationId, agent, claims));
      claims = [];
    }
    end({ outcome: claims.length > 0 ? 'claimed' : 'empty' });
    return { claims: [...claims], cancelJobIds: claims.cancelJobIds ?? (await this.cancelledHeldBy(organizationId, agent)) };
  }

  /** Returns freshly claimed jobs that could not be handed to the agent. */
  private async release(organizationId: string, agent: Principal, claimed: Job[]): Promise<void> {
    const [rows] = await this.tx.tx.query<[Record<string, unknown>[], number]>(RELEASE_CLAIMED, [
      organizationId,
      agent.id,
      claimed.map((j) => j.leaseId),
    ]);
    const released = hydrate(this.tx.tx, Job, rows);
    await this.events.emit(...released.map((j) => jobEvent(j, 'job.requeued', { reason: 'CLAIM_UNDELIVERED' })));
  }

  private async claimNow(organizationId: string, agent: Principal, max: number): Promise<Job[] & { cancelJobIds?: string[] }> {
    const manager = this.tx.tx;
    // An UPDATE answers [rows, count] through TypeORM.
    const [rows] = await manager.query<[Record<string, unknown>[], number]>(CLAIM, [
      organizationId,
      agent.id,
      max,
      this.config.agents.leaseSeconds,
    ]);
    if (rows.length === 0) return [];
    const claimed: Job[] & { cancelJobIds?: string[] } = hydrate(manager, Job, rows);
    // The claim also answered which held jobs were cancelled: no second look needed.
    claimed.cancelJobIds = rows[0].cancel_job_ids as string[];
    // A lease is recorded in each job's event history, not as a link of the audit chain: the link
    // that ends the attempt (the agent's completion, the reaper's expiry) names who ran it, from
    // when, with what outcome (docs/architecture.md, "What the audit trail records of jobs").
    await this.events.emit(...claimed.map((j) => jobEvent(j, 'job.leased')));
    this.metrics.transitions.inc({ status: 'leased' }, claimed.length);
    return claimed;
  }

  /** Jobs the agent holds that were cancelled: it should stop them and complete them as cancelled. */
  async cancelledHeldBy(organizationId: string, agent: Principal): Promise<string[]> {
    const [row] = await this.tx.tx.query<{ ids: string[] }[]>(`SELECT (${CANCELLED_HELD_IDS}) AS ids`, [organizationId, agent.id]);
    return row.ids;
  }

  /**
   * A heartbeat renews the leases the agent holds, up to each job's timeout: all of them, or only
   * `jobIds`, releasing the others now (the reaper re-queues them) — a restarted agent has forgotten them.
   */
  async renewLeases(organizationId: string, agent: Principal, jobIds?: string[]): Promise<void> {
    if (!jobIds) {
      await this.tx.tx.query(RENEW, [organizationId, agent.id, this.config.agents.leaseSeconds]);
      return;
    }
    await this.tx.tx.query(`${RENEW} AND id = ANY($4::uuid[])`, [organizationId, agent.id, this.config.agents.leaseSeconds, jobIds]);
    // A claim answered while this heartbeat was on its way is not in the list yet: leases younger
    // than two heartbeats are left to run their course.
    await this.tx.tx.query(RELEASE_FORGOTTEN, [organizationId, agent.id, jobIds, this.config.agents.heartbeatIntervalSeconds * 2]);
  }

  /** The agent reports progress: the job is running, the lease renewed, and streams hear of it. */
  progress(organizationId: string, agent: Principal, jobId: string, input: ReportProgressDto): Promise<Job> {
    return this.tx.withTransaction(() => this.recordProgress(organizationId, agent, jobId, input));
  }

  private async recordProgress(organizationId: string, agent: Principal, jobId: string, input: ReportProgressDto): Promise<Job> {
    const job = await this.lockHeld(organizationId, agent, jobId, input.leaseId);
    const first = job.status === 'leased';
    const progress =
      input.percent !== undefined || input.message !== undefined ? { percent: input.percent, message: input.message } : job.progress;
    const leaseExpiresAt = new Date(
      Math.min(Date.now() + this.config.agents.leaseSeconds * 1000, job.startedAt!.getTime() + job.timeoutSeconds * 1000),
    );
    const updated = await this.data.repository(Job, organizationId).apply(job, { status: 'running', progress, leaseExpiresAt });
    await this.events.emit(jobEvent(updated, first ? 'job.running' : 'job.progress', progress ? { progress } : {}));
    if (first) this.metrics.transitions.inc({ status: 'running' });
    return updated;
  }

  /**
   * Ends the attempt the lease names. A repeat of an accepted completion is answered the same; a
   * lease the agent no longer holds is 409 LEASE_LOST. A failure is retried with backoff while
   * attempts remain (unless `error.retryable` is false). A job cancelled while held takes the
   * completion as the agent's acknowledgement and stays cancelled.
   */
  @Transactional()
  async complete(organizationId: string, agent: Principal, jobId: string, input: CompleteJobDto): Promise<Job> {
    const job = await this.jobs.lock(organizationId, jobId);
    this.notes.note({ resourceId: jobId, details: completionNote(job, input) });
    const [result] = await this.endAttempts(agent, [{ job, input }]);
    if (!result.recorded) throw leaseLost();
    return job;
  }

  /**
   * Several completions in one transaction, each judged as `complete` judges one: a lease lost or a
   * job not found is that item's answer, not the batch's. The rows are locked in id order, so two
   * batches never wait on each other in a cycle.
   */
  @Transactional()
  async completeMany(organizationId: string, agent: Principal, items: JobCompletion[]): Promise<CompletionResult[]> {
    const locked = await this.jobs.lockMany(
      organizationId,
      items.map((i) => i.jobId),
    );
    const found = items.flatMap((input) => (locked.has(input.jobId) ? [{ job: locked.get(input.jobId)!, input }] : []));
    // One link of the audit chain for the batch: each completion with the attempt it ends and how.
    const notes = found.map(({ job, input }) => ({ jobId: job.id, ...completionNote(job, input) }));
    const ended = new Map((await this.endAttempts(agent, found)).map((r) => [r.jobId, r]));
    this.notes.note({ details: { completions: notes.map((n) => (ended.get(n.jobId)!.recorded ? n : { ...n, refused: 'LEASE_LOST' })) } });
    return items.map(
      (i) => ended.get(i.jobId) ?? { jobId: i.jobId, recorded: false, error: { code: 'NOT_FOUND', message: notFound('Job').message } },
    );
  }

  /**
   * Judges completions of locked jobs and writes what they change: the rows in one statement, their
   * events in one more, then the finish listeners of the jobs that ended for good.
   */
  private async endAttempts(agent: Principal, completions: { job: Job; input: CompleteJobDto }[]): Promise<CompletionResult[]> {
    const changed: Job[] = [];
    const events: EventEntry[] = [];
    const finished: Job[] = [];
    const results = completions.map(({ job, input }): CompletionResult => {
      const ended = this.endAttempt(job, agent, input);
      if (ended === 'LEASE_LOST') return { jobId: job.id, recorded: false, error: { code: 'LEASE_LOST', message: leaseLost().message } };
      if (ended) {
        changed.push(job);
        if (ended.event) events.push(ended.event);
        if (ended.finished) finished.push(job);
      }
      return { jobId: job.id, recorded: true, error: null };
    });
    if (changed.length > 0) await this.applyCompletions(changed[0].organizationId, changed);
    await this.events.emit(...events);
    await this.jobs.finished(...finished);
    return results;
  }

  /**
   * What a completion makes of a locked job, changed in memory (applyCompletions writes it): the
   * event and finish it calls for, null for a repeat (nothing changes), or LEASE_LOST.
   */
  private endAttempt(job: Job, agent: Principal, input: CompleteJobDto): { event?: EventEntry; finished: boolean } | null | 'LEASE_LOST' {
    // A repeat of an accepted completion, by the agent that made it (a re-queued job keeps no holder).
    if (job.completedLeaseId === input.leaseId && (job.leasedBy === agent.id || job.leasedBy === null)) return null;
    if (job.leaseId !== input.leaseId || job.leasedBy !== agent.id) return 'LEASE_LOST';
    const now = new Date();
    const usage = addUsage(job.usage, input.usage);
    if (job.status === 'cancelled') {
      // The agent's acknowledgement of the cancellation: it stays cancelled, and nothing is emitted.
      Object.assign(job, { completedLeaseId: input.leaseId, usage, updatedAt: now });
      return { finished: false };
    }
    if (!HELD_STATUSES.includes(job.status)) return 'LEASE_LOST';

    const retry = input.status === 'failed' && input.error?.retryable !== false && job.attempts < job.maxAttempts;
    const status = retry ? 'queued' : input.status;
    const backoffSeconds = Math.min(300, 2 ** (Math.min(job.attempts, 9) - 1));
    // The row is locked: what it holds once written is what was read plus these changes.
    Object.assign(job, {
      status,
      completedLeaseId: input.leaseId,
      leaseExpiresAt: null,
      leasedBy: retry ? null : job.leasedBy,
      usage,
      result: input.result ?? null,
      artifactUrl: input.artifactUrl ?? job.artifactUrl,
      errorCode: input.status === 'succeeded' ? null : (input.error?.code ?? (input.status === 'cancelled' ? 'CANCELLED' : 'FAILED')),
      errorMessage: input.status === 'succeeded' ? null : (input.error?.message ?? null),
      completedAt: retry ? null : now,
      availableAt: retry ? new Date(now.getTime() + backoffSeconds * 1000) : job.availableAt,
      updatedAt: now,
    } satisfies Partial<Job>);
    this.metrics.transitions.inc({ status });
    return {
      event: jobEvent(job, retry ? 'job.retrying' : `job.${status}`, retry ? { retryInSeconds: backoffSeconds } : {}),
      finished: !retry,
    };
  }

  /** Writes what completions made of these locked jobs, in one statement. */
  private async applyCompletions(organizationId: string, jobs: Job[]): Promise<void> {
    if (jobs.length === 0) return;
    const rows = jobs.map((j) => ({
      id: j.id,
      status: j.status,
      completed_lease_id: j.completedLeaseId,
      lease_expires_at: j.leaseExpiresAt,
      leased_by: j.leasedBy,
      usage: j.usage,
      result: j.result,
      artifact_url: j.artifactUrl,
      error_code: j.errorCode,
      error_message: j.errorMessage,
      completed_at: j.completedAt,
      available_at: j.availableAt,
      updated_at: j.updatedAt,
    }));
    await this.tx.tx.query(APPLY_COMPLETIONS, [organizationId, JSON.stringify(rows)]);
  }

  /** An agent revoked or deleted: its leases end now (the reaper re-queues them) and jobs aimed at it alone are cancelled. */
  private async releaseAgent(organizationId: string, agentId: string, reason: 'revoked' | 'deleted'): Promise<void> {
    await this.tx.tx.query(RELEASE_AGENT, [organizationId, agentId]);
    await this.jobs.cancelTargeting(organizationId, agentId, `The agent it was aimed at was ${reason}`);
  }

  private async lockHeld(organizationId: string, agent: Principal, jobId: string, leaseId: string): Promise<Job> {
    const job = await this.jobs.lock(organizationId, jobId);
    assertHeld(job, { agentId: agent.id, leaseId }, { notHeld: leaseLost, cancelled: jobCancelled });
    return job;
  }
}
