import { Injectable } from '@nestjs/common';
import { notFound } from '../../kernel/http/app-error.js';

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
  /** 404 when the run or its node does not exist; 409 NOT_A_CALLBACK_STEP when the node is not a `callback` step. */
  // eslint-disable-next-line @typescript-eslint/require-await
  async report(report: CallbackReport): Promise<CallbackOutcome> {
    throw notFound(`Workflow run ${report.runId}`);
  }
}
