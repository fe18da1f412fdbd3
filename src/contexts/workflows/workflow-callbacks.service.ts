import { Injectable } from '@nestjs/common';
import { InjectTransactionHost, Transactional } from '@nestjs-cls/transactional';
import type { Tx } from '../../kernel/database/transactions.js';
import { notFound } from '../../kernel/http/kernel.errors.js';
import { TenantData } from '../../kernel/tenancy/tenant-data.js';
import { RUN_RESOURCE, RunTransitions } from './engine/run-transitions.js';
import { WorkflowRunStep } from './entities/workflow-run-step.entity.js';
import { WorkflowRun } from './entities/workflow-run.entity.js';
import { notACallbackStep } from './workflows.errors.js';

/** What an external executor reports about a `callback` step it was handed (POST /webhooks/workflow-completed). */
export interface CallbackReport {
  /** The workflow run (seed 001 calls it the execution). */
  runId: string;
  /** The `callback` node of that run that waits for this report. */
  nodeId: string;
  status: 'succeeded' | 'failed';
  /** The node's output when it succeeded (a JSON object). */
  output?: Record<string, unknown>;
  /** Why it failed. */
  error?: { code: string; message: string };
}

export interface CallbackOutcome {
  organizationId: string;
  runId: string;
  nodeId: string;
  /** `accepted` when the node took the report; `ignored` when it had already ended (cancelled, timed out, reported). */
  outcome: 'accepted' | 'ignored';
}

/**
 * Where verified callbacks reach the workflow engine. Runs in the caller's transaction: the caller
 * (the webhook receiver) records the delivery and audits in the same one.
 */
@Injectable()
export class WorkflowCallbacksService {
  constructor(
    @InjectTransactionHost() private readonly tx: Tx,
    private readonly data: TenantData,
    private readonly transitions: RunTransitions,
  ) {}

  /** 404 when the run or its node does not exist; 409 NOT_A_CALLBACK_STEP when the node is not a `callback` step. */
  @Transactional()
  async report(report: CallbackReport): Promise<CallbackOutcome> {
    // The signature authenticated the sender, not an organization: the run says whose it is.
    // The callback names only the run: its organization is what this lookup finds out.
    const found = await this.tx.tx
      .getRepository(WorkflowRun)
      .findOne({ where: { id: report.runId }, select: { id: true, organizationId: true } });
    if (!found) throw notFound(RUN_RESOURCE);
    const run = await this.transitions.lockRun(found.organizationId, found.id);
    const step = await this.data.repository(WorkflowRunStep, run.organizationId).findOne({ runId: run.id, nodeId: report.nodeId });
    if (!step) throw notFound(`Step ${report.nodeId} of the workflow run`);
    if (step.type !== 'callback') throw notACallbackStep(report.nodeId, step.type);
    const base = { organizationId: run.organizationId, runId: run.id, nodeId: step.nodeId };
    if (step.status !== 'waiting' || run.status === 'cancelled') return { ...base, outcome: 'ignored' };
    await this.transitions.settle(
      run,
      step,
      report.status === 'succeeded'
        ? { kind: 'succeeded', output: report.output ?? {} }
        : {
            kind: 'failed',
            code: report.error?.code ?? 'CALLBACK_FAILED',
            message: report.error?.message ?? 'The external executor reported a failure',
          },
    );
    return { ...base, outcome: 'accepted' };
  }
}
