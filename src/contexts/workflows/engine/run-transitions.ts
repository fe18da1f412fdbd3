import { Injectable } from '@nestjs/common';
import { InjectTransactionHost, Propagation } from '@nestjs-cls/transactional';
import { In } from 'typeorm';
import { looksSecret } from '../../../kernel/audit/redact-details.js';
import { AuditWriter } from '../../../kernel/audit/audit-writer.js';
import type { Tx } from '../../../kernel/database/transactions.js';
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
  ) {}

  async lockRun(organizationId: string, id: string): Promise<WorkflowRun> {
    return this.data.repository(WorkflowRun, organizationId).lockById(id, RUN_RESOURCE);
  }

  /** The run's steps in the definition's node order. */
  async stepsOf(run: WorkflowRun): Promise<WorkflowRunStep[]> {
    const steps = await this.data.repository(WorkflowRunStep, run.organizationId).find({ where: { runId: run.id } });
    const order = new Map(run.nodes.map((n, i) => [n.id, i]));
    return steps.sort((a, b) => order.get(a.nodeId)! - order.get(b.nodeId)!);
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
    await this.events.emit(runEvent(run, 'started'));
    await this.advance(run);
  }

  async pause(run: WorkflowRun): Promise<void> {
    if (run.status !== 'running') throw conflict(`The run is ${run.status}; only a running run pauses`, { status: run.status });
    await this.updateRun(run, { status: 'paused' });
    await this.events.emit(runEvent(run, 'paused'));
  }

  async resume(run: WorkflowRun): Promise<void> {
    if (run.status !== 'paused') throw conflict(`The run is ${run.status}; only a paused run resumes`, { status: run.status });
    await this.updateRun(run, { status: 'running' });
    await this.events.emit(runEvent(run, 'resumed'));
  }

  /** Withdraws what the run's steps handed out (jobs, gates) and stops it. */
  async cancel(run: WorkflowRun, reason: string): Promise<void> {
    if (FINISHED_RUN_STATUSES.includes(run.status))
      throw conflict(`The run already ${run.status === 'cancelled' ? 'was cancelled' : run.status}`, { status: run.status });
    for (const step of await this.stepsOf(run)) {
      if (ACTIVE_STEP_STATUSES.includes(step.status) || step.status === 'pending') await this.withdraw(run, step, reason);
    }
    await this.updateRun(run, { status: 'cancelled', finishedAt: new Date(), failureCode: 'CANCELLED', failureMessage: reason });
    await this.events.emit(runEvent(run, 'cancelled'));
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
    await this.events.emit(runEvent(run, 'retried', { retryCount: run.retryCount, nodes: again.map((s) => s.nodeId) }));
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
    await this.events.emit(stepEvent(run, step, 'started'));
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
        await this.tx.tx
          .getRepository(WorkflowStepLog)
          .insert({ id: newId(), ...base, attempt: step.attempts, level, message, data: (data ?? null) as never });
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
    if (first) await this.events.emit(stepEvent(run, step, 'waiting', { externalRef: step.externalRef }));
  }

  /** An attempt ended: the step succeeds, tries again (its policy permitting) or fails, and the run follows. */
  async settle(run: WorkflowRun, step: WorkflowRunStep, outcome: StepOutcome): Promise<void> {
    const now = new Date();
    const attempt = this.attemptOf(run, step);
    if (outcome.kind === 'succeeded') {
      await this.updateStep(step, { status: 'succeeded', output: outcome.output ?? null, dueAt: null, deadlineAt: null, finishedAt: now });
      await this.events.emit(stepEvent(run, step, 'succeeded'));
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
      await this.events.emit(stepEvent(run, step, 'retrying', { errorCode: outcome.code, nextAttemptAt: dueAt.toISOString() }));
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
    await this.events.emit(stepEvent(run, step, 'failed', { errorCode: outcome.code }));
    await this.fail(run, step, outcome.code, outcome.message);
  }

  /** Stops a step that will not finish: what it handed out is withdrawn, it is cancelled. */
  async withdraw(run: WorkflowRun, step: WorkflowRunStep, reason: string): Promise<void> {
    if (step.status === 'waiting')
      await this.guarded(() => this.handlers.of(step.type).abandon?.(this.attemptOf(run, step), reason) ?? Promise.resolve());
    await this.updateStep(step, { status: 'cancelled', dueAt: null, deadlineAt: null, finishedAt: new Date() });
    await this.events.emit(stepEvent(run, step, 'cancelled'));
  }

  /**
   * A handler's own work, in a savepoint: if it throws, what it wrote is undone but the engine's
   * transaction lives on to record the failure (instead of retrying the same thing forever).
   */
  async guarded<T>(work: () => Promise<T>): Promise<T | { kind: 'failed'; code: string; message: string }> {
    try {
      return await this.tx.withTransaction(Propagation.Nested, work);
    } catch (error) {
      return { kind: 'failed', code: 'STEP_ERROR', message: (error as Error).message.slice(0, 500) };
    }
  }

  /** Marks ready what can start now, skips what never will, and completes the run when nothing is left. */
  private async advance(run: WorkflowRun): Promise<void> {
    const steps = await this.stepsOf(run);
    const { ready, skipped, complete } = progress(run.nodes, new Map(steps.map((s) => [s.nodeId, { status: s.status, output: s.output }])));
    const repo = this.data.repository(WorkflowRunStep, run.organizationId);
    const now = new Date();
    const byNode = new Map(steps.map((s) => [s.nodeId, s]));
    if (ready.length) {
      await repo.update({ runId: run.id, nodeId: In(ready) }, { status: 'ready', dueAt: now, updatedAt: now });
      await this.events.emit(...ready.map((id) => stepEvent(run, byNode.get(id)!, 'ready')));
    }
    if (skipped.length) {
      await repo.update({ runId: run.id, nodeId: In(skipped) }, { status: 'skipped', finishedAt: now, updatedAt: now });
      await this.events.emit(...skipped.map((id) => stepEvent(run, byNode.get(id)!, 'skipped')));
    }
    if (!complete) return;
    const outputs = Object.fromEntries(
      sinks(run.nodes)
        .filter((id) => byNode.get(id)?.status === 'succeeded')
        .map((id) => [id, byNode.get(id)!.output]),
    );
    await this.updateRun(run, { status: 'succeeded', output: outputs, finishedAt: now });
    await this.events.emit(runEvent(run, 'succeeded'));
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
    await this.events.emit(runEvent(run, 'failed', { nodeId: failed.nodeId, failureCode: code }));
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
    await this.data.repository(WorkflowRunStep, step.organizationId).apply(step, changes);
  }
}
