import { Injectable } from '@nestjs/common';
import { newId } from '../../../../kernel/ids.js';
import { ApprovalsService } from '../../../approvals/index.js';
import type { StepAttempt, StepHandler, StepOutcome, StepStart } from '../step-handler.js';

export const APPROVAL_SUBJECT = 'workflow_step';
const PREFIX = 'approval:';

/** The gate subject an approval step's attempt waits on (a new one per attempt: a gate is decided once). */
export const gateSubjectOf = (externalRef: string | null): string | null =>
  externalRef?.startsWith(PREFIX) ? externalRef.slice(PREFIX.length) : null;

/**
 * Opens a gate of the approval engine under the approval workflow the node names, and waits for
 * its decision: approved succeeds, rejected fails for good (a retry of the run asks again), expired
 * fails and follows the retry policy. The run's creator cannot approve it.
 */
@Injectable()
export class ApprovalStep implements StepHandler {
  readonly type = 'approval';

  constructor(private readonly approvals: ApprovalsService) {}

  async start({ run, node, inputs, attempt }: StepAttempt): Promise<StepStart> {
    const subjectId = newId();
    try {
      await this.approvals.open({
        organizationId: run.organizationId,
        subjectType: APPROVAL_SUBJECT,
        subjectId,
        requestedBy: run.requestedBy,
        workflowId: inputs.workflowId as string,
        subject: { projectId: null, environmentId: null, clusterName: null, ref: null },
        summary: { runId: run.id, nodeId: node.id, attempt, definition: run.definitionName, reason: inputs.reason ?? null },
      });
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'UNKNOWN_WORKFLOW') return { kind: 'failed', code, message: (error as Error).message, final: true };
      throw error;
    }
    return { kind: 'waiting', externalRef: `${PREFIX}${subjectId}` };
  }

  async check({ run, step }: StepAttempt): Promise<StepOutcome | { kind: 'waiting' }> {
    const subjectId = gateSubjectOf(step.externalRef)!;
    const view = (await this.approvals.views(run.organizationId, APPROVAL_SUBJECT, [subjectId])).get(subjectId);
    if (!view) return { kind: 'failed', code: 'APPROVAL_MISSING', message: 'The approval gate of this step is gone' };
    const { gate, decisions } = view;
    const decided = decisions.map((d) => ({ approverId: d.approverId, decision: d.decision, stage: d.stage, at: d.createdAt }));
    switch (gate.status) {
      case 'approved':
        return { kind: 'succeeded', output: { approved: true, gateId: gate.id, decisions: decided } };
      case 'rejected':
        return { kind: 'failed', code: 'APPROVAL_REJECTED', message: 'An approver rejected this step', final: true };
      case 'expired':
        return { kind: 'failed', code: 'APPROVAL_EXPIRED', message: `Nobody decided before ${gate.expiresAt.toISOString()}` };
      case 'cancelled':
        return { kind: 'failed', code: 'APPROVAL_CANCELLED', message: 'The approval was withdrawn' };
      default:
        return { kind: 'waiting' };
    }
  }

  async abandon({ run, step }: StepAttempt): Promise<void> {
    const subjectId = gateSubjectOf(step.externalRef);
    if (subjectId) await this.approvals.cancel(run.organizationId, APPROVAL_SUBJECT, subjectId, 'Workflow step approval');
  }
}
