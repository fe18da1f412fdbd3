import { timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectTransactionHost, Transactional } from '@nestjs-cls/transactional';
import { In } from 'typeorm';
import { AuditNotes } from '../../kernel/audit/audit-notes.js';
import { RequestContext } from '../../kernel/context/request-context.js';
import type { Tx } from '../../kernel/database/transactions.js';
import { EventOutbox } from '../../kernel/events/event-outbox.js';
import type { AppError } from '../../kernel/http/app-error.js';
import { conflict, idempotencyKeyReused } from '../../kernel/http/kernel.errors.js';
import { newId } from '../../kernel/ids.js';
import { createdWithin } from '../../kernel/pagination/created-window.js';
import { type Page, paginate, type PageQuery } from '../../kernel/pagination/page.js';
import { TenantData } from '../../kernel/tenancy/tenant-data.js';
import { AgentsService } from '../agents/index.js';
import type { ListJobsQuery, SubmitJobDto } from './dto/job.dto.js';
import { HELD_STATUSES, Job, TERMINAL_STATUSES } from './entities/job.entity.js';
import { BLOCKED_CODE_OF_NEW_JOB, BLOCKED_WORK, type BlockedCode, blockedFact, blockedReason } from './job-blockage.js';
import { jobEvent } from './job-events.js';
import { agentRevoked, TARGET_CANNOT_RUN, unknownAgent } from './jobs.errors.js';

export interface SubmitJob extends SubmitJobDto {
  /** Who asked: the acting principal, a workflow run, or the platform itself (`system`, no id). Passed, never read from the request. */
  createdBy: { type: string; id: string | null };
  /**
   * The Idempotency-Key it comes with (scoped to `createdBy`, which must then have an id) and the
   * fingerprint of what it asks (IdempotencyService.fingerprint): kept on the job's row.
   */
  submitKey?: { key: string; fingerprint: Buffer };
}

/** How one submission ended: its job (queued now, or by an earlier request with its key), or why it was refused. */
export type Submission = { job: Job; replayed: boolean } | { error: AppError };

/** The job its key queued before: the same request is answered it again; another is 422. */
function replayOf(before: Job, input: SubmitJob): Submission {
  const [kept, presented] = [before.submitFingerprint, input.submitKey?.fingerprint];
  const same = !!kept && !!presented && kept.length === presented.length && timingSafeEqual(kept, presented);
  delete (before as Partial<Job>).submitFingerprint;
  return same ? { job: before, replayed: true } : { error: idempotencyKeyReused() };
}

/** What the audit trail keeps of a submission. */
function submissionNote(job: Job): Record<string, unknown> {
  return {
    type: job.type,
    priority: job.priority,
    targetAgentId: job.targetAgentId,
    ...(job.blockedCode && { blockedCode: job.blockedCode }),
  };
}

export interface SubmitOptions {
  /**
   * Refuse (422, with the BlockedCode as error code) a job aimed at an agent that cannot take it,
   * instead of queuing it blocked: for jobs a caller submits, who can fix the request. Work the
   * platform queues itself (the broker's, a workflow's) waits, shown as blocked, for the agent.
   */
  refuseUnrunnableTarget?: boolean;
}

/** Queued jobs that wait for the same thing no agent offers. */
export interface BlockedWork {
  type: string;
  targetAgentId: string | null;
  selector: Record<string, string> | null;
  code: BlockedCode;
  reason: string;
  jobs: number;
  oldestQueuedAt: Date;
}

export interface QueueStats {
  type: string;
  ready: number;
  delayed: number;
  leased: number;
  running: number;
  oldestReadyAt: Date | null;
  oldestReadyAgeSeconds: number | null;
}

const SORTABLE = {
  createdAt: 'j.created_at',
  queuedAt: 'j.queued_at',
  completedAt: 'j.completed_at',
  priority: 'j.priority',
  type: 'j.type',
  status: 'j.status',
};

/** Told, in the finishing transaction, when a job ends for good: succeeded, failed, cancelled or expired. */
export type JobFinishListener = (job: Job) => Promise<void>;

/** The job queue as users and other contexts see it: submit, read, cancel, retry. */
@Injectable()
export class JobsService {
  private readonly finishListeners: JobFinishListener[] = [];

  constructor(
    @InjectTransactionHost() private readonly tx: Tx,
    private readonly data: TenantData,
    private readonly events: EventOutbox,
    private readonly notes: AuditNotes,
    private readonly context: RequestContext,
    private readonly agents: AgentsService,
  ) {}

  /** A context that submits jobs hears how they end (each listener filters the types it cares about). */
  onFinished(listener: JobFinishListener): void {
    this.finishListeners.push(listener);
  }

  /** Called wherever a job reaches a terminal status, in that transaction. */
  async finished(...jobs: Job[]): Promise<void> {
    for (const job of jobs) for (const listener of this.finishListeners) await listener(job);
  }

  /**
   * Queues a job in the caller's transaction; agents hear of it when that commits. With a
   * `submitKey`, a repeat answers the job the key queued (`replayed`), and throws what a refusal is.
   */
  @Transactional()
  async submit(organizationId: string, input: SubmitJob, options: SubmitOptions = {}): Promise<Job> {
    return (await this.submitKeyed(organizationId, input, options)).job;
  }

  /** As `submit`, telling whether the job is one its key queued before. */
  @Transactional()
  async submitKeyed(organizationId: string, input: SubmitJob, options: SubmitOptions = {}): Promise<{ job: Job; replayed: boolean }> {
    const [outcome] = await this.submitMany(organizationId, [input], options);
    if ('error' in outcome) throw outcome.error;
    this.notes.note({ resourceId: outcome.job.id, details: submissionNote(outcome.job) });
    return outcome;
  }

  /** As `submitMany`, for a batch a principal sent: its audit entry names each job or refusal. */
  @Transactional()
  async submitBatch(organizationId: string, inputs: SubmitJob[], options: SubmitOptions = {}): Promise<Submission[]> {
    const outcomes = await this.submitMany(organizationId, inputs, options);
    this.notes.note({
      details: {
        jobs: outcomes.map((o) =>
          'error' in o ? { refused: o.error.code } : { jobId: o.job.id, ...submissionNote(o.job), ...(o.replayed && { replayed: true }) },
        ),
      },
    });
    return outcomes;
  }

  /**
   * Queues several jobs in the caller's transaction, each judged as `submit` judges one: a refusal
   * (an unknown or revoked target, one that cannot run it, a key reused for another request) is that
   * item's answer. The new jobs go in with one insert that also records their keys: a key already
   * used (by an earlier request, or one inserting it at this moment, which the insert waits for) is
   * left out by it, and only then looked up, with the keys of refused jobs (a job its key queued
   * before is answered, whatever would refuse it now).
   */
  @Transactional()
  async submitMany(organizationId: string, inputs: SubmitJob[], options: SubmitOptions = {}): Promise<Submission[]> {
    const outcomes: (Submission | null)[] = inputs.map(() => null);
    const targets = new Map<string, Promise<{ status: string } | null>>();
    const blockage = new Map<string, Promise<BlockedCode | null>>();
    const fresh: { index: number; row: Partial<Job> }[] = [];
    for (const [index, input] of inputs.entries()) {
      if (input.targetAgentId) {
        const id = input.targetAgentId;
        if (!targets.has(id))
          targets.set(
            id,
            this.agents.get(organizationId, id).catch(() => null),
          );
        const agent = await targets.get(id)!;
        if (!agent) {
          outcomes[index] = { error: unknownAgent() };
          continue;
        }
        if (agent.status !== 'active') {
          outcomes[index] = { error: agentRevoked() };
          continue;
        }
      }
      const selector = input.selector && Object.keys(input.selector).length > 0 ? input.selector : null;
      const situation = JSON.stringify([input.type, input.targetAgentId ?? null, selector]);
      if (!blockage.has(situation))
        blockage.set(situation, this.blockedCodeOfNew(organizationId, input.type, input.targetAgentId, selector));
      const blockedCode = await blockage.get(situation)!;
      if (blockedCode && input.targetAgentId && options.refuseUnrunnableTarget) {
        const fact = blockedFact(blockedCode, { type: input.type, targetAgentId: input.targetAgentId, selector });
        outcomes[index] = {
          error: TARGET_CANNOT_RUN[blockedCode](`${fact} Queued, it would wait for good: submit it once the agent runs it.`, {
            targetAgentId: input.targetAgentId,
            type: input.type,
          }),
        };
        continue;
      }
      fresh.push({ index, row: { ...this.newRow(input, selector), blockedCode } });
    }

    const inserted = await this.data.repository(Job, organizationId).insertMany(
      fresh.map(({ row: { blockedCode: _, ...row } }) => row),
      { skipConflicts: true },
    );
    const byId = new Map(inserted.map((j) => [j.id, j]));
    for (const { index, row } of fresh) {
      const job = byId.get(row.id!);
      // Read back from the INSERT, which knows nothing of agents: what was found above.
      if (job) outcomes[index] = { job: Object.assign(job, { blockedCode: row.blockedCode ?? null }), replayed: false };
    }
    // Left out by the insert (its key was used) or refused: the job its key queued before, if any.
    const unresolved = [...inputs.keys()].filter((i) => inputs[i].submitKey && (!outcomes[i] || 'error' in outcomes[i]));
    if (unresolved.length) {
      const earlier = await this.jobsByKey(
        organizationId,
        unresolved.map((i) => inputs[i]),
      );
      for (const index of unresolved) {
        const before = earlier.get(inputs[index].submitKey!.key);
        if (before) outcomes[index] = replayOf(before, inputs[index]);
        // Left out by another unique index than the key's: a bug, not a race.
        else if (!outcomes[index]) throw new Error('a job insert was skipped with no job for its key');
      }
    }
    await this.events.emit(...inserted.map((job) => jobEvent(job, 'job.queued', job.blockedCode ? { blockedCode: job.blockedCode } : {})));
    return outcomes as Submission[];
  }

  /** The jobs these inputs' keys queued before (their fingerprints read too), by key. */
  private async jobsByKey(organizationId: string, inputs: SubmitJob[]): Promise<Map<string, Job>> {
    const keyed = inputs.filter((i) => i.submitKey);
    if (keyed.length === 0) return new Map();
    const creator = keyed[0].createdBy;
    if (!creator.id || keyed.some((i) => i.createdBy.type !== creator.type || i.createdBy.id !== creator.id))
      throw new Error('keyed submissions come from one principal');
    const jobs = await this.data
      .repository(Job, organizationId)
      .query('j')
      .addSelect('j.submitFingerprint')
      .andWhere('j.created_by_type = :type AND j.created_by_id = :id AND j.submit_key IN (:...keys)', {
        type: creator.type,
        id: creator.id,
        keys: keyed.map((i) => i.submitKey!.key),
      })
      .getMany();
    return new Map(jobs.map((j) => [j.submitKey!, j]));
  }

  private async blockedCodeOfNew(
    organizationId: string,
    type: string,
    targetAgentId: string | undefined,
    selector: Record<string, string> | null,
  ): Promise<BlockedCode | null> {
    const [{ code }] = await this.tx.tx.query<{ code: BlockedCode | null }[]>(BLOCKED_CODE_OF_NEW_JOB, [
      organizationId,
      type,
      targetAgentId ?? null,
      selector && JSON.stringify(selector),
    ]);
    return code;
  }

  private newRow(input: SubmitJob, selector: Record<string, string> | null): Partial<Job> {
    return {
      id: newId(),
      type: input.type,
      payload: input.payload ?? {},
      status: 'queued',
      priority: input.priority ?? 0,
      targetAgentId: input.targetAgentId ?? null,
      selector,
      maxAttempts: input.maxAttempts ?? 3,
      timeoutSeconds: input.timeoutSeconds ?? 600,
      costEstimate: input.costEstimate ? { amount: input.costEstimate.amount, currency: input.costEstimate.currency } : null,
      createdByType: input.createdBy.type,
      createdById: input.createdBy.id,
      correlationId: this.context.correlationId ?? null,
      submitKey: input.submitKey?.key ?? null,
      submitFingerprint: input.submitKey?.fingerprint ?? null,
    };
  }

  list(organizationId: string, query: ListJobsQuery): Promise<Page<Job>> {
    const qb = this.data.repository(Job, organizationId).query('j');
    if (query.status?.length) qb.andWhere('j.status IN (:...status)', { status: query.status });
    if (query.type) qb.andWhere('j.type = :type', { type: query.type });
    if (query.agentId) qb.andWhere('j.leased_by = :agentId', { agentId: query.agentId });
    createdWithin(qb, 'j.created_at', query);
    if (query.q) qb.andWhere('j.type ILIKE :q', { q: `%${query.q}%` });
    return paginate(qb, query, SORTABLE, '-createdAt');
  }

  /** Failed and expired jobs, newest first: what an operator looks at and retries. */
  failures(organizationId: string, query: PageQuery & { since?: Date; type?: string }): Promise<Page<Job>> {
    const qb = this.data.repository(Job, organizationId).query('j').andWhere(`j.status IN ('failed', 'expired')`);
    if (query.type) qb.andWhere('j.type = :type', { type: query.type });
    if (query.since) qb.andWhere('j.completed_at >= :since', { since: query.since });
    return paginate(qb, query, { completedAt: 'j.completed_at', createdAt: 'j.created_at', type: 'j.type' }, '-completedAt');
  }

  get(organizationId: string, id: string): Promise<Job> {
    return this.data.repository(Job, organizationId).getById(id, 'Job');
  }

  /**
   * A queued job is cancelled at once. A held one is cancelled too, and its agent learns it at its
   * next heartbeat or claim (and on its task stream), then completes it as cancelled. Cancelling a
   * cancelled job answers it again; a finished one is 409.
   */
  @Transactional()
  async cancel(organizationId: string, id: string): Promise<Job> {
    const job = await this.lock(organizationId, id);
    if (job.status === 'cancelled') return job;
    if (TERMINAL_STATUSES.includes(job.status))
      throw conflict(`The job already ${job.status === 'expired' ? 'expired' : job.status}; there is nothing to cancel`, {
        status: job.status,
      });
    this.notes.note({ details: { previousStatus: job.status } });
    return this.cancelLocked(job, 'Cancelled on request');
  }

  /** Cancels for a context that no longer needs the job (a stopped workflow run); a job that already ended stays as it is. */
  @Transactional()
  async abandon(organizationId: string, id: string, reason: string): Promise<void> {
    const job = await this.lock(organizationId, id);
    if (!TERMINAL_STATUSES.includes(job.status)) await this.cancelLocked(job, reason);
  }

  private async cancelLocked(job: Job, reason: string): Promise<Job> {
    const jobs = this.data.repository(Job, job.organizationId);
    const held = HELD_STATUSES.includes(job.status);
    await jobs.update({ id: job.id }, { status: 'cancelled', completedAt: new Date(), errorCode: 'CANCELLED', errorMessage: reason });
    const cancelled = await jobs.getById(job.id, 'Job');
    await this.events.emit(jobEvent(cancelled, 'job.cancelled', { wasHeld: held }));
    await this.finished(cancelled);
    return cancelled;
  }

  /** Puts a failed or expired job back in the queue with one more attempt. */
  @Transactional()
  async retry(organizationId: string, id: string): Promise<Job> {
    const jobs = this.data.repository(Job, organizationId);
    const job = await this.lock(organizationId, id);
    if (job.status !== 'failed' && job.status !== 'expired')
      throw conflict(`Only failed or expired jobs can be retried; this one is ${job.status}`, { status: job.status });
    await jobs.update(
      { id },
      {
        status: 'queued',
        maxAttempts: Math.max(job.maxAttempts, job.attempts + 1),
        availableAt: new Date(),
        completedAt: null,
        leaseId: null,
        leasedBy: null,
        leaseExpiresAt: null,
      },
    );
    const queued = await jobs.getById(id, 'Job');
    this.notes.note({ details: { previousStatus: job.status, attempts: job.attempts } });
    await this.events.emit(jobEvent(queued, 'job.queued', { retry: true }));
    return queued;
  }

  /** Per job type: how many wait (now, or in backoff), how many are held, and the oldest waiting. */
  async queueStats(organizationId: string): Promise<QueueStats[]> {
    const rows = await this.data
      .repository(Job, organizationId)
      .query('j')
      .select('j.type', 'type')
      .addSelect(`count(*) FILTER (WHERE j.status = 'queued' AND j.available_at <= now())`, 'ready')
      .addSelect(`count(*) FILTER (WHERE j.status = 'queued' AND j.available_at > now())`, 'delayed')
      .addSelect(`count(*) FILTER (WHERE j.status = 'leased')`, 'leased')
      .addSelect(`count(*) FILTER (WHERE j.status = 'running')`, 'running')
      .addSelect(`min(j.available_at) FILTER (WHERE j.status = 'queued' AND j.available_at <= now())`, 'oldest')
      .addSelect(`extract(epoch FROM now() - min(j.available_at) FILTER (WHERE j.status = 'queued' AND j.available_at <= now()))`, 'age')
      .andWhere(`j.status IN ('queued', 'leased', 'running')`)
      .groupBy('j.type')
      .orderBy('j.type')
      .getRawMany<{
        type: string;
        ready: string;
        delayed: string;
        leased: string;
        running: string;
        oldest: Date | null;
        age: string | null;
      }>();
    return rows.map((r) => ({
      type: r.type,
      ready: Number(r.ready),
      delayed: Number(r.delayed),
      leased: Number(r.leased),
      running: Number(r.running),
      oldestReadyAt: r.oldest,
      oldestReadyAgeSeconds: r.age === null ? null : Math.max(0, Math.round(Number(r.age))),
    }));
  }

  /** Queued jobs no agent can take, grouped by what they wait for (up to `limit` groups), and how many there are in all. */
  async blockedWork(organizationId: string, limit = 20): Promise<{ total: number; groups: BlockedWork[] }> {
    const rows = await this.tx.tx.query<
      {
        type: string;
        target_agent_id: string | null;
        selector: Record<string, string> | null;
        code: BlockedCode;
        jobs: number;
        oldest_queued_at: Date;
        total: string;
      }[]
    >(BLOCKED_WORK, [organizationId, limit]);
    const groups = rows.map((r) => ({
      type: r.type,
      targetAgentId: r.target_agent_id,
      selector: r.selector,
      code: r.code,
      jobs: r.jobs,
      oldestQueuedAt: r.oldest_queued_at,
      reason: blockedReason(r.code, { type: r.type, targetAgentId: r.target_agent_id, selector: r.selector }),
    }));
    return { total: rows.length ? Number(rows[0].total) : 0, groups };
  }

  /** Why each of these jobs is blocked, for those that are (queued, and no agent can take them). */
  async blockages(organizationId: string, ids: string[]): Promise<Map<string, { code: BlockedCode; reason: string }>> {
    if (ids.length === 0) return new Map();
    const jobs = await this.data
      .repository(Job, organizationId)
      .query('j')
      .andWhere(`j.id IN (:...ids) AND j.status = 'queued'`, { ids })
      .getMany();
    return new Map(
      jobs.filter((j) => j.blockedCode).map((j) => [j.id, { code: j.blockedCode!, reason: blockedReason(j.blockedCode!, j) }]),
    );
  }

  /** Failed or expired jobs completed since `since`. */
  failureCount(organizationId: string, since: Date): Promise<number> {
    return this.data
      .repository(Job, organizationId)
      .query('j')
      .andWhere(`j.status IN ('failed', 'expired') AND j.completed_at >= :since`, { since })
      .getCount();
  }

  /** How many jobs each of these agents holds now. */
  async heldCounts(organizationId: string, agentIds: string[]): Promise<Map<string, number>> {
    if (agentIds.length === 0) return new Map();
    const rows = await this.data
      .repository(Job, organizationId)
      .query('j')
      .select('j.leased_by', 'agent')
      .addSelect('count(*)', 'n')
      .andWhere(`j.status IN ('leased', 'running') AND j.leased_by IN (:...agentIds)`, { agentIds })
      .groupBy('j.leased_by')
      .getRawMany<{ agent: string; n: string }>();
    return new Map(rows.map((r) => [r.agent, Number(r.n)]));
  }

  /** Cancels queued jobs aimed at an agent that is going away: nobody else may run them. */
  @Transactional()
  async cancelTargeting(organizationId: string, agentId: string, reason: string): Promise<void> {
    const jobs = this.data.repository(Job, organizationId);
    const targeted = await jobs.find({ where: { targetAgentId: agentId, status: In(['queued']) } });
    if (targeted.length === 0) return;
    await jobs.update(
      { id: In(targeted.map((j) => j.id)) },
      { status: 'cancelled', completedAt: new Date(), errorCode: 'AGENT_REMOVED', errorMessage: reason },
    );
    const cancelled = await jobs.find({ where: { id: In(targeted.map((j) => j.id)) } });
    await this.events.emit(...cancelled.map((j) => jobEvent(j, 'job.cancelled', { reason: 'agent_removed' })));
    await this.finished(...cancelled);
  }

  /** These jobs of the organization, locked in id order until the end of the caller's transaction; ids of no such job are absent. */
  async lockMany(organizationId: string, ids: string[]): Promise<Map<string, Job>> {
    const rows = await this.data
      .repository(Job, organizationId)
      .query('j')
      .andWhere('j.id IN (:...ids)', { ids })
      .orderBy('j.id')
      .setLock('pessimistic_write')
      .getMany();
    return new Map(rows.map((j) => [j.id, j]));
  }

  /** The job, locked until the end of the caller's transaction (404 if it is not this organization's). */
  async lock(organizationId: string, id: string): Promise<Job> {
    return this.data.repository(Job, organizationId).lockById(id, 'Job');
  }
}
