import type { EventEntry } from '../../../kernel/events/domain-event.js';
import type { WorkflowRunStep } from '../entities/workflow-run-step.entity.js';
import type { WorkflowRun } from '../entities/workflow-run.entity.js';

/**
 * Every event of a run, its steps' included, is about the run (resource `workflow_run`), so the
 * run's stream is one filter. Ids, states and codes only: never inputs or outputs.
 */
export const runEvent = (run: WorkflowRun, type: string, data: Record<string, unknown> = {}): EventEntry => ({
  organizationId: run.organizationId,
  type: `workflow_run.${type}`,
  resourceType: 'workflow_run',
  resourceId: run.id,
  data: { status: run.status, definitionId: run.definitionId, definitionVersion: run.definitionVersion, ...data },
});

export const stepEvent = (
  run: WorkflowRun,
  step: Pick<WorkflowRunStep, 'nodeId' | 'type' | 'attempts'>,
  type: string,
  data: Record<string, unknown> = {},
): EventEntry => ({
  organizationId: run.organizationId,
  type: `workflow_step.${type}`,
  resourceType: 'workflow_run',
  resourceId: run.id,
  data: { nodeId: step.nodeId, stepType: step.type, attempt: step.attempts, ...data },
});
