import { Injectable } from '@nestjs/common';
import { InjectTransactionHost, Propagation } from '@nestjs-cls/transactional';
import { ClsService } from 'nestjs-cls';
import { In } from 'typeorm';
import { looksSecret } from '../../../kernel/audit/redact-details.js';
import { AuditWriter } from '../../../kernel/audit/audit-writer.js';
import type { Tx } from '../../../kernel/database/transactions.js';
import type { EventEntry } from '../../../kernel/events/domain-event.js';
import { EventOutbox } from '../../../kernel/events/event-outbox.js';
import { conflict } from '../../../kernel/http/kernel.errors.js';
import { newId } from '../../../kernel/ids.js';
import { TenantData } from '../../../kernel/tenancy/tenant-data.js';
import type { WorkflowNode } from '../definition-graph.js';
import { ACTIVE_STEP_STATUSES, WorkflowRunStep } from '../entities/workflow-run-step.entity.js';
import { FINISHED_RUN_STATUSES, WorkflowRun } from '../entities/workflow-run.entity.js';
import { WorkflowStepArtifact } from '../entities/workflow-step-artifact.entity.js';
import { WorkflowStepLog, type StepLogLevel } from '../entities/workflow-step-log.entity.js';
import { resolveReferences } from './references.js';
import { progress, retryDelayMs, sinks } from './run-progress.js';
import { runEvent, stepEvent } from './step-events.js';
import type { StepAttempt, StepOutcome } from './step-handler.js';
import { StepHandlers } from './step-handlers.js';

export const RUN_RESOURCE = 'Workflow run';

/**
 * The engine's own events and log lines of one transaction, held back to be written together, and
 * the steps of the runs it read (see `batched`).
 */
interface HeldWrites {
  events: EventEntry[];
  logs: Record<string, unknown>[];
  /** A locked run's steps as read once in this transaction, kept current by the transitions that change them. */
  steps: Map<string, WorkflowRunStep[]>;
  /** Changes made to steps (already applied to the objects), merged per step: one UPDATE for a step that starts and settles at once. */
  stepChanges: Map<WorkflowRunStep, Partial<WorkflowRunStep>>;
}
const HELD_WRITES = 'workflows.heldWrites';

/** Inputs as shown to readers: values under keys that look secret (an Authorization header) are not. */
function redacted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redacted);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, looksSecret(k) ? '[REDACTED]' : redacted(v)]));
  return value;
}

/**
 * Every change of a run's state, for the engine, the controls and callbacks alike. Each runs in
 * the caller's transaction with the run row locked (`lockRun`): one writer per run at a time, on
 * any replica. Locks are taken run first, then what a step handed out (job, gate), then steps;
 * listeners that hear of a job or a gate only mark the step due, so the order always holds.
 */
@Injectable()
export class RunTransitions {
  constructor(
    @InjectTransactionHost() private readonly tx: Tx,
    private readonly data: TenantData,
    private readonly events: EventOutbox,
    private readonly audit: AuditWriter,
    private readonly handlers: StepHandlers,
    private readonly cls: ClsService,
  ) {}

  /**
   * Runs `work` (inside the caller's transaction) with the events and step log lines the
   * transitions write held back, then writes them in two statements, in the order they were made.
   * A step that starts and settles at once would otherwise cost an INSERT for each of them. What a
   * handler writes itself is never reordered: the held writes go first (see `guarded`). A run's
   * steps are read once: every change to them within is made by the transitions, with the run
   * locked, and applied to the same objects.
   */
  async batched<T>(work: () => Promise<T>): Promise<T> {
    const held: HeldWrites = { events: [], logs: [], steps: new Map(), stepChanges: new Map() };
    this.cls.set(HELD_WRITES, held);
    try {
      const result = await work();
      await this.flush();
      return result;
    } finally {
      this.cls.set(HELD_WRITES, undefined);
    }
  }

  private held(): HeldWrites | undefined {
    return this.cls.isActive() ? this.cls.get<HeldWrites | undefined>(HELD_WRITES) : undefined;
  }

  private async flush(): Promise<void> {
    const held = this.held();
    if (!held) return;
    await this.flushSteps();
    const events = held.events.splice(0);
    const logs = held.logs.splice(0);
    if (events.length) await this.events.emit(...events);
    if (logs.length) await this.tx.tx.getRepository(WorkflowStepLog).insert(logs);
  }

  private async flushSteps(): Promise<void> {
    const held = this.held();
    if (!held) return;
    const changed = [...held.stepChanges];
    held.stepChanges.clear();
    for (const [step, changes] of changed)
      await this.data.repository(WorkflowRunStep, step.organizationId).update({ id: step.id }, changes, { touch: false });
  }

  private async emit(...entries: EventEntry[]): Promise<void> {
    const held = this.held();
    if (held) held.events.push(...entries);
    else await this.events.emit(...entries);
  }

  async lockRun(organizationId: string, id: string): Promise<WorkflowRun> {
    return this.data.repository(WorkflowRun, organizationId).lockById(id, RUN_RESOURCE);
  }

  /** The run's steps in the definition's node order (call it with the run locked). */
  async stepsOf(run: WorkflowRun): Promise<WorkflowRunStep[]> {
    const held = this.held();
    const known = held?.steps.get(run.id);
    if (known) return known;
    const steps = await this.data.repository(WorkflowRunStep, run.organizationId).find({ where: { runId: run.id } });
    const order = new Map(run.nodes.map((n, i) => [n.id, i]));
    steps.sort((a, b) => order.get(a.nodeId)! - order.get(b.nodeId)!);
    held?.steps.set(run.id, steps);
    return steps;
  }

  nodeOf(run: WorkflowRun, nodeId: string): WorkflowNode {
    return run.nodes.find((n) => n.id === nodeId)!;
  }

  /** A run's first steps, one per node, all pending. */
  async createSteps(run: WorkflowRun): Promise<void> {
    // One multi-row insert, organization from the run; ScopedRepository.insert writes (and reads back) one row.
    const repo = this.tx.tx.getRepository(WorkflowRunStep);
    await repo.insert(
      run.nodes.map((n) => ({
        id: newId(),
        organizationId: run.organizationId,
        runId: run.id,
        nodeId: n.id,
        type: n.type,
        status: 'pending' as const,
      })),
    );
  }

  // ---- the controls ----------------------------------------------------------------------------

  async start(run: WorkflowRun): Promise<void> {
    if (run.status !== 'pending') throw conflict(`The run is ${run.status}; only a pending run starts`, { status: run.status });
    await this.updateRun(run, { status: 'running', startedAt: new Date() });
    await this.emit(runEvent(run, 'started'));
    await this.advance(run);
  }

  async pause(run: WorkflowRun): Promise<void> {
    if (run.status !== 'running') throw conflict(`The run is ${run.status}; only a running run pauses`, { status: run.status });
    await this.updateRun(run, { status: 'paused' });
    await this.emit(runEvent(run, 'paused'));
  }

  async resume(run: WorkflowRun): Promise<void> {
    if (run.status !== 'paused') throw conflict(`The run is ${run.status}; only a paused run resumes`, { status: run.status });
    await this.updateRun(run, { status: 'running' });
    await this.emit(runEvent(run, 'resumed'));
  }

  /** Withdraws what the run's steps handed out (jobs, gates) and stops it. */
  async cancel(run: WorkflowRun, reason: string): Promise<void> {
    if (FINISHED_RUN_STATUSES.includes(run.status))
      throw conflict(`The run already ${run.status === 'cancelled' ? 'was cancelled' : run.status}`, { status: run.status });
    for (const step of await this.stepsOf(run)) {
      if (ACTIVE_STEP_STATUSES.includes(step.status) || step.status === 'pending') await this.withdraw(run, step, reason);
    }
    await this.updateRun(run, { status: 'cancelled', finishedAt: new Date(), failureCode: 'CANCELLED', failureMessage: reason });
    await this.emit(runEvent(run, 'cancelled'));
  }

  /**
   * Runs a failed run again from where it failed: steps that succeeded keep their outputs and are
   * not run again; the others start over, each with its retry policy's attempts afresh.
   */
  async retry(run: WorkflowRun): Promise<string[]> {
    if (run.status !== 'failed') throw conflict(`The run is ${run.status}; only a failed run is retried`, { status: run.status });
    const again = (await this.stepsOf(run)).filter((s) => s.status === 'failed' || s.status === 'cancelled');
    for (const step of again) {
      await this.updateStep(step, {
        status: 'pending',
        attemptsBase: step.attempts,
        dueAt: null,
        deadlineAt: null,
        output: null,
        errorCode: null,
        errorMessage: null,
        externalRef: null,
        finishedAt: null,
      });
    }
    await this.updateRun(run, {
      status: 'running',
      retryCount: run.retryCount + 1,
      failureCode: null,
      failureMessage: null,
      failedNodeId: null,
      finishedAt: null,
      output: null,
    });
    await this.emit(runEvent(run, 'retried', { retryCount: run.retryCount, nodes: again.map((s) => s.nodeId) }));
    await this.advance(run);
    return again.map((s) => s.nodeId);
  }

  // ---- what the engine does --------------------------------------------------------------------

  /** Starts an attempt: the step is running from now, with its inputs resolved against what is known. */
  async beginAttempt(run: WorkflowRun, step: WorkflowRunStep, leaseUntil: Date | null): Promise<StepAttempt> {
    const node = this.nodeOf(run, step.nodeId);
    // Earlier outputs are read only for a node that references one.
    const steps = JSON.stringify(node.inputs).includes('${nodes.') ? await this.stepsOf(run) : [];
    const outputs = new Map(steps.filter((s) => s.status === 'succeeded').map((s) => [s.nodeId, s.output]));
    const inputs = resolveReferences(node.inputs, { inputs: run.inputs, outputs }) as Record<string, unknown>;
    const now = new Date();
    const deadlineAt = node.timeoutSeconds ? new Date(now.getTime() + node.timeoutSeconds * 1000) : null;
    await this.updateStep(step, {
      status: 'running',
      attempts: step.attempts + 1,
      startedAt: now,
      finishedAt: null,
      inputs: redacted(inputs) as Record<string, unknown>,
      dueAt: leaseUntil,
      deadlineAt,
      errorCode: null,
      errorMessage: null,
      externalRef: null,
    });
    await this.emit(stepEvent(run, step, 'started'));
    const attempt = this.attemptOf(run, step, inputs);
    await attempt.log('info', `attempt ${step.attempts} started`);
    return attempt;
  }

  /** The handler's view of the step's current attempt. */
  attemptOf(run: WorkflowRun, step: WorkflowRunStep, inputs: Record<string, unknown> = {}): StepAttempt {
    const base = { organizationId: run.organizationId, runId: run.id, nodeId: step.nodeId };
    return {
      run,
      step,
      node: this.nodeOf(run, step.nodeId),
      inputs,
      attempt: step.attempts,
      log: async (level: StepLogLevel, message: string, data?: Record<string, unknown>) => {
        // Organization from the run (in `base`); a plain insert: nothing is read back on this hot path.
        const line = { id: newId(), ...base, attempt: step.attempts, level, message, data: (data ?? null) as never };
        const held = this.held();
        if (held) held.logs.push(line);
        else await this.tx.tx.getRepository(WorkflowStepLog).insert(line);
      },
      artifact: async (name: string, contentType: string, content: unknown) => {
        const sizeBytes = Buffer.byteLength(JSON.stringify(content ?? null));
        // Organization from the run (in `base`); a plain insert: nothing is read back.
        await this.tx.tx
          .getRepository(WorkflowStepArtifact)
          .insert({ id: newId(), ...base, attempt: step.attempts, name, contentType, sizeBytes, content: (content ?? null) as never });
      },
    };
  }

  /** The step handed its work out: it waits, to be looked at again at `wakeAt` (or its deadline, if sooner), or when told. */
  async wait(run: WorkflowRun, step: WorkflowRunStep, externalRef: string | null, wakeAt: Date | undefined): Promise<void> {
    const dueAt =
      [wakeAt, step.deadlineAt].filter((d): d is Date => d instanceof Date).sort((a, b) => a.getTime() - b.getTime())[0] ?? null;
    const first = step.status !== 'waiting';
    await this.updateStep(step, { status: 'waiting', dueAt, ...(externalRef !== null && { externalRef }) });
    if (first) await this.emit(stepEvent(run, step, 'waiting', { externalRef: step.externalRef }));
  }

  /** An attempt ended: the step succeeds, tries again (its policy permitting) or fails, and the run follows. */
  async settle(run: WorkflowRun, step: WorkflowRunStep, outcome: StepOutcome): Promise<void> {
    const now = new Date();
    const attempt = this.attemptOf(run, step);
    if (outcome.kind === 'succeeded') {
      await this.updateStep(step, { status: 'succeeded', output: outcome.output ?? null, dueAt: null, deadlineAt: null, finishedAt: now });
      await this.emit(stepEvent(run, step, 'succeeded'));
      await attempt.log('info', `attempt ${step.attempts} succeeded`);
      await this.advance(run);
      return;
    }
    const { retry } = this.nodeOf(run, step.nodeId);
    const used = step.attempts - step.attemptsBase;
    await attempt.log('warn', `attempt ${step.attempts} failed: ${outcome.code}`, { message: outcome.message });
    if (!outcome.final && used < retry.maxAttempts) {
      const dueAt = new Date(now.getTime() + retryDelayMs(retry.backoffSeconds, used));
      await this.updateStep(step, { status: 'ready', dueAt, deadlineAt: null, errorCode: outcome.code, errorMessage: outcome.message });
      await this.emit(stepEvent(run, step, 'retrying', { errorCode: outcome.code, nextAttemptAt: dueAt.toISOString() }));
      return;
    }
    await this.updateStep(step, {
      status: 'failed',
      dueAt: null,
      deadlineAt: null,
      errorCode: outcome.code,
      errorMessage: outcome.message,
      finishedAt: now,
    });
    await this.emit(stepEvent(run, step, 'failed', { errorCode: outcome.code }));
    await this.fail(run, step, outcome.code, outcome.message);
  }

  /** Stops a step that will not finish: what it handed out is withdrawn, it is cancelled. */
  async withdraw(run: WorkflowRun, step: WorkflowRunStep, reason: string): Promise<void> {
    const handler = this.handlers.of(step.type);
    if (step.status === 'waiting')
      await this.guarded(() => handler.abandon?.(this.attemptOf(run, step), reason) ?? Promise.resolve(), handler.writesNothing);
    await this.updateStep(step, { status: 'cancelled', dueAt: null, deadlineAt: null, finishedAt: new Date() });
    await this.emit(stepEvent(run, step, 'cancelled'));
  }

  /**
   * A handler's own work, in a savepoint: if it throws, what it wrote is undone but the engine's
   * transaction lives on to record the failure (instead of retrying the same thing forever).
   * Held writes are written first, so that what the handler writes comes after them, and what it
   * logs is not held: it is undone with the savepoint. A handler that writes nothing
   * (`writesNothing`) needs no savepoint.
   */
  async guarded<T>(work: () => Promise<T>, writesNothing = false): Promise<T | { kind: 'failed'; code: string; message: string }> {
    const failed = (error: unknown) => ({ kind: 'failed' as const, code: 'STEP_ERROR', message: (error as Error).message.slice(0, 500) });
    if (writesNothing) return work().catch(failed);
    await this.flush();
    const held = this.held();
    if (held) this.cls.set(HELD_WRITES, undefined);
    try {
      return await this.tx.withTransaction(Propagation.Nested, work);
    } catch (error) {
      return failed(error);
    } finally {
      if (held) this.cls.set(HELD_WRITES, held);
    }
  }

  /** Marks ready what can start now, skips what never will, and completes the run when nothing is left. */
  private async advance(run: WorkflowRun): Promise<void> {
    // Held changes of steps go first: a read of the steps (when none were read yet) sees them, and
    // the statements below never race them for a row.
    await this.flushSteps();
    const steps = await this.stepsOf(run);
    const { ready, skipped, complete } = progress(run.nodes, new Map(steps.map((s) => [s.nodeId, { status: s.status, output: s.output }])));
    const repo = this.data.repository(WorkflowRunStep, run.organizationId);
    const now = new Date();
    const byNode = new Map(steps.map((s) => [s.nodeId, s]));
    // The rows change in one statement each; the objects (which later transitions of this transaction may read) with them.
    if (ready.length) {
      const changes = { status: 'ready' as const, dueAt: now, updatedAt: now };
      await repo.update({ runId: run.id, nodeId: In(ready) }, changes);
      for (const id of ready) Object.assign(byNode.get(id)!, changes);
      await this.emit(...ready.map((id) => stepEvent(run, byNode.get(id)!, 'ready')));
    }
    if (skipped.length) {
      const changes = { status: 'skipped' as const, finishedAt: now, updatedAt: now };
      await repo.update({ runId: run.id, nodeId: In(skipped) }, changes);
      for (const id of skipped) Object.assign(byNode.get(id)!, changes);
      await this.emit(...skipped.map((id) => stepEvent(run, byNode.get(id)!, 'skipped')));
    }
    if (!complete) return;
    const outputs = Object.fromEntries(
      sinks(run.nodes)
        .filter((id) => byNode.get(id)?.status === 'succeeded')
        .map((id) => [id, byNode.get(id)!.output]),
    );
    await this.updateRun(run, { status: 'succeeded', output: outputs, finishedAt: now });
    await this.emit(runEvent(run, 'succeeded'));
    await this.audit.record({
      organizationId: run.organizationId,
      action: 'workflow_run.complete',
      actor: { type: 'system', id: 'workflow-engine' },
      resourceType: 'workflow_run',
      resourceId: run.id,
      details: { definitionId: run.definitionId, version: run.definitionVersion, retryCount: run.retryCount },
    });
  }

  /** A step failed for good: the run fails, and the rest of its work is withdrawn (a retry resumes it). */
  private async fail(run: WorkflowRun, failed: WorkflowRunStep, code: string, message: string): Promise<void> {
    for (const step of await this.stepsOf(run)) {
      if (step.id !== failed.id && ACTIVE_STEP_STATUSES.includes(step.status))
        await this.withdraw(run, step, `Step ${failed.nodeId} failed`);
    }
    await this.updateRun(run, {
      status: 'failed',
      failureCode: code,
      failureMessage: message,
      failedNodeId: failed.nodeId,
      finishedAt: new Date(),
    });
    await this.emit(runEvent(run, 'failed', { nodeId: failed.nodeId, failureCode: code }));
    await this.audit.record({
      organizationId: run.organizationId,
      action: 'workflow_run.fail',
      actor: { type: 'system', id: 'workflow-engine' },
      resourceType: 'workflow_run',
      resourceId: run.id,
      details: { nodeId: failed.nodeId, failureCode: code },
    });
  }

  private async updateRun(run: WorkflowRun, changes: Partial<WorkflowRun>): Promise<void> {
    await this.data.repository(WorkflowRun, run.organizationId).apply(run, changes);
  }

  private async updateStep(step: WorkflowRunStep, changes: Partial<WorkflowRunStep>): Promise<void> {
    const held = this.held();
    if (!held) {
      await this.data.repository(WorkflowRunStep, step.organizationId).apply(step, changes);
      return;
    }
    const stamped = { ...changes, updatedAt: new Date() };
    Object.assign(step, stamped);
    held.stepChanges.set(step, { ...held.stepChanges.get(step), ...stamped });
  }
}
