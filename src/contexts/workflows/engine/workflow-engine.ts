import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { ClsService } from 'nestjs-cls';
import { OutageLog } from '../../../kernel/background/outage-log.js';
import { AppConfig } from '../../../kernel/config/app-config.js';
import { hydrate } from '../../../kernel/database/hydrate.js';
import type { Tx } from '../../../kernel/database/transactions.js';
import { EventHub, signalAtCommit } from '../../../kernel/events/event-hub.js';
import { TenantData } from '../../../kernel/tenancy/tenant-data.js';
import { ApprovalsService } from '../../approvals/index.js';
import { type Job, JobsService } from '../../jobs/index.js';
import { ACTIVE_STEP_STATUSES, WorkflowRunStep } from '../entities/workflow-run-step.entity.js';
import { WorkflowRun } from '../entities/workflow-run.entity.js';
import { RunTransitions } from './run-transitions.js';
import type { StepAttempt, StepOutcome } from './step-handler.js';
import { StepHandlers } from './step-handlers.js';
import { APPROVAL_SUBJECT } from './steps/approval.step.js';
import { RUN_JOB_CREATOR } from './steps/job.step.js';

/** Signals that may mean a step is due now: wake the workers. */
const WAKE_ON = new Set([
  'workflow_step.ready',
  'workflow_step.due',
  'workflow_run.resumed',
  'workflow_run.started',
  'workflow_run.retried',
]);
/** How long past its timeout a call may still report before its step counts as interrupted. */
const CALL_GRACE_MS = 5_000;
/** A worker's pause after a failed round: short for a bug in one step, longer while the database is away. */
const RETRY_AFTER_FAILURE_MS = 250;
const RETRY_WHILE_UNAVAILABLE_MS = 2_000;

/**
 * One due step of a running run, with its run, locked (SKIP LOCKED: a run another worker holds is
 * left to it, and this worker takes another run's step). The step table is the queue. The run
 * comes back as locked: FOR UPDATE answers the newest version of the row it locks. `due_now`
 * (1 or 2) says whether another step was due too: only then is another worker woken.
 */
const DUE = `s.status IN ('ready', 'running', 'waiting') AND s.due_at <= now() AND r.status = 'running'`;
const CLAIM = `
  SELECT r.*, s.id AS claimed_step_id,
         (SELECT count(*) FROM (SELECT 1 FROM workflow_run_steps s JOIN workflow_runs r ON r.id = s.run_id WHERE ${DUE} LIMIT 2) due)::int AS due_now
    FROM workflow_run_steps s JOIN workflow_runs r ON r.id = s.run_id
   WHERE ${DUE}
   ORDER BY s.due_at
   LIMIT 1
   FOR UPDATE OF r SKIP LOCKED`;

/** What a worker's round found: no due step, one, or one while another was due too. */
type Round = 'none' | 'one' | 'more';

interface Call {
  organizationId: string;
  runId: string;
  stepId: string;
  attempt: StepAttempt;
}

/**
 * Advances workflow runs, durably. All state is in PostgreSQL; workers on every replica take due
 * steps one at a time, each in a transaction that also writes what the step hands out (a job, a
 * gate), so a crash at any point leaves either the step as it was or its new state whole. Outbound
 * calls run between two transactions under a lease: a replica killed during one leaves the step
 * running until the lease ends, and the step then counts an interrupted attempt, retried only
 * as its retry policy allows. Workers wake on commits anywhere (NOTIFY) and poll for timers.
 */
@Injectable()
export class WorkflowEngine implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WorkflowEngine.name);
  /** Shared by the workers: one line when the database goes away and one when it is back, not one per worker and retry. */
  private readonly outage = new OutageLog(this.logger, 'advance workflow steps');
  private readonly sleepers = new Set<() => void>();
  private readonly calls = new Set<AbortController>();
  private workers: Promise<void>[] = [];
  private generation = 0;
  private stopping = false;
  private poll?: NodeJS.Timeout;
  private unsubscribe?: () => void;

  constructor(
    @InjectTransactionHost() private readonly tx: Tx,
    private readonly cls: ClsService,
    private readonly data: TenantData,
    private readonly hub: EventHub,
    private readonly config: AppConfig,
    private readonly transitions: RunTransitions,
    private readonly handlers: StepHandlers,
    private readonly jobs: JobsService,
    private readonly approvals: ApprovalsService,
  ) {}

  /** A job or a gate a step waits on ended: the step is due (the engine settles it, with the run locked). */
  onModuleInit(): void {
    // Only jobs a run queued: every other job's completion costs nothing here.
    this.jobs.onFinished((job: Job) =>
      job.createdByType === RUN_JOB_CREATOR ? this.markDue(job.organizationId, `job:${job.id}`) : Promise.resolve(),
    );
    this.approvals.onSettled(APPROVAL_SUBJECT, (gate) => this.markDue(gate.organizationId, `approval:${gate.subjectId}`));
  }

  onApplicationBootstrap(): void {
    if (!this.config.workflows.engineEnabled) return;
    this.unsubscribe = this.hub.onAnySignal(
      (s) => WAKE_ON.has(s.type),
      () => this.wakeOne(),
    );
    this.poll = setInterval(() => this.wakeOne(), this.config.workflows.pollIntervalMs);
    this.poll.unref();
    this.workers = Array.from({ length: this.config.workflows.concurrency }, () => this.work());
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearInterval(this.poll);
    this.unsubscribe?.();
    this.kick();
    // Calls in flight get a moment to finish; then they are aborted, and their steps' leases
    // decide (an interrupted attempt, retried as the policy allows).
    const settled = Promise.all(this.workers);
    const timer = setTimeout(() => this.calls.forEach((c) => c.abort()), Math.min(5_000, this.config.shutdownTimeoutMs / 2));
    await settled;
    clearTimeout(timer);
  }

  /** Wakes every sleeping worker of this replica (at shutdown). */
  kick(): void {
    this.generation++;
    const sleepers = [...this.sleepers];
    this.sleepers.clear();
    for (const wake of sleepers) wake();
  }

  /**
   * Wakes one sleeping worker: a signal or a poll tick may mean one due step, and waking all of
   * them would send them all to the claim query at once. A worker that finds a step wakes the next
   * (there may be more), so a backlog still brings every worker in.
   */
  private wakeOne(): void {
    this.generation++;
    const [next] = this.sleepers;
    if (!next) return;
    this.sleepers.delete(next);
    next();
  }

  private async markDue(organizationId: string, externalRef: string): Promise<void> {
    const changed = await this.data
      .repository(WorkflowRunStep, organizationId)
      .update({ externalRef, status: 'waiting' }, { dueAt: new Date() }, { touch: false });
    if (changed) await signalAtCommit(this.tx.tx, organizationId, 'workflow_step.due');
  }

  private async work(): Promise<void> {
    while (!this.stopping) {
      const generation = this.generation;
      let worked: Round = 'none';
      try {
        worked = await this.cls.run(() => this.next());
        this.outage.succeeded();
      } catch (error) {
        const unavailable = !this.stopping && this.outage.failed(error);
        await new Promise((r) => setTimeout(r, unavailable ? RETRY_WHILE_UNAVAILABLE_MS : RETRY_AFTER_FAILURE_MS).unref());
      }
      // After the only due step, the worker sleeps like one that found none: what its step readied
      // is signalled at commit and wakes one worker (it may be this one). Looping straight on
      // would race that worker for the step, and one of them would claim in vain.
      if (worked === 'more') this.wakeOne();
      else if (generation === this.generation && !this.stopping) await new Promise<void>((resolve) => this.sleepers.add(resolve));
    }
  }

  /** Takes one due step and moves it on; answers whether there was one, and whether another was due too. */
  private async next(): Promise<Round> {
    let found: Round = 'none';
    const call = await this.tx.withTransaction(() =>
      this.transitions.batched(async () => {
        const rows = await this.tx.tx.query<Record<string, unknown>[]>(CLAIM);
        if (!rows.length) return null;
        found = (rows[0].due_now as number) > 1 ? 'more' : 'one';
        const [run] = hydrate(this.tx.tx, WorkflowRun, rows);
        // The steps are read now that the run is locked: the claim's snapshot may predate a commit
        // of the worker that held the run a moment ago (the lock was free again, so nothing
        // re-checked the step; only the locked run is re-checked). The transitions use the same.
        const step = (await this.transitions.stepsOf(run)).find((s) => s.id === rows[0].claimed_step_id);
        if (
          !step ||
          run.status !== 'running' ||
          !ACTIVE_STEP_STATUSES.includes(step.status) ||
          !step.dueAt ||
          step.dueAt.getTime() > Date.now()
        )
          return null;
        return this.act(run, step);
      }),
    );
    if (call) await this.perform(call);
    return found;
  }

  /** What a due step needs, by its status. Answers the outbound call to make after commit, if any. */
  private async act(run: WorkflowRun, step: WorkflowRunStep): Promise<Call | null> {
    const handler = this.handlers.of(step.type);
    if (step.status === 'running') {
      await this.transitions.settle(run, step, {
        kind: 'failed',
        code: 'INTERRUPTED',
        message: 'The step was still running when its time ran out: its replica stopped, or its call outlived its timeout',
      });
      return null;
    }
    if (step.status === 'waiting') {
      const attempt = this.transitions.attemptOf(run, step);
      if (step.deadlineAt && step.deadlineAt <= new Date()) {
        await this.transitions.guarded(
          () => handler.abandon?.(attempt, 'The workflow step timed out') ?? Promise.resolve(),
          handler.writesNothing,
        );
        await this.transitions.settle(run, step, {
          kind: 'failed',
          code: 'TIMEOUT',
          message: `No outcome within the node's ${attempt.node.timeoutSeconds} s`,
        });
        return null;
      }
      const outcome = handler.check
        ? await this.transitions.guarded(() => handler.check!(attempt), handler.writesNothing)
        : ({ kind: 'waiting' } as const);
      if (outcome.kind === 'waiting') await this.transitions.wait(run, step, null, 'wakeAt' in outcome ? outcome.wakeAt : undefined);
      else await this.transitions.settle(run, step, outcome);
      return null;
    }
    // Ready: a new attempt. A call holds a lease to its timeout plus a grace; anything else settles or waits here.
    const isCall = handler.execute !== undefined;
    const timeoutMs = (this.transitions.nodeOf(run, step.nodeId).timeoutSeconds ?? this.config.workflows.http.timeoutSeconds) * 1000;
    const attempt = await this.transitions.beginAttempt(run, step, isCall ? new Date(Date.now() + timeoutMs + CALL_GRACE_MS) : null);
    const started = await this.transitions.guarded(() => handler.start(attempt), handler.writesNothing);
    if (started.kind === 'call') return { organizationId: run.organizationId, runId: run.id, stepId: step.id, attempt };
    if (started.kind === 'waiting') await this.transitions.wait(run, step, started.externalRef ?? null, started.wakeAt);
    else await this.transitions.settle(run, step, started);
    return null;
  }

  /** Makes a step's outbound call outside any transaction, then records its outcome if the attempt is still the step's. */
  private async perform(call: Call): Promise<void> {
    const controller = new AbortController();
    this.calls.add(controller);
    const handler = this.handlers.of(call.attempt.step.type);
    const outcome = await handler.execute!(call.attempt, controller.signal).catch((error: Error) => ({
      kind: 'failed' as const,
      code: 'STEP_ERROR',
      message: error.message.slice(0, 500),
    }));
    this.calls.delete(controller);
    await this.tx.withTransaction(() => this.transitions.batched(() => this.record(call, outcome)));
  }

  /** Records a call's outcome, in the transaction `perform` opens. */
  private async record(call: Call, outcome: StepOutcome): Promise<void> {
    const run = await this.transitions.lockRun(call.organizationId, call.runId);
    const step = (await this.transitions.stepsOf(run)).find((s) => s.id === call.stepId);
    if (!step) return;
    if (step.status !== 'running' || step.attempts !== call.attempt.attempt) {
      await call.attempt.log(
        'warn',
        `attempt ${call.attempt.attempt} finished after the step moved on (${step.status}); its outcome is discarded`,
        { outcome: outcome.kind },
      );
      return;
    }
    await this.transitions.settle(run, step, outcome);
  }
}
