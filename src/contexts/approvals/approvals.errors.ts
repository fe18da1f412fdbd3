import { defineError } from '../../kernel/http/app-error.js';

/** The approvals context's error catalog. */

export const noApprovalPolicy = defineError({
  status: 422,
  code: 'NO_APPROVAL_POLICY',
  description: 'No approval policy matches this request and the organization has no default policy',
});

export const unknownWorkflow = defineError(
  { status: 422, code: 'UNKNOWN_WORKFLOW', description: 'workflowId names no approval workflow of this organization' },
  (message?: string) => message ?? 'workflowId names no approval workflow of this organization',
);

export const unknownProject = defineError({
  status: 422,
  code: 'UNKNOWN_PROJECT',
  description: 'projectId names no project of this organization',
});

export const defaultPolicyHasCriteria = defineError({
  status: 422,
  code: 'DEFAULT_POLICY_HAS_CRITERIA',
  description: 'The default policy matches everything: leave projectId, environmentId, clusterName and refPattern empty',
});

export const unsatisfiableStage = defineError(
  { status: 422, code: 'UNSATISFIABLE_STAGE', description: 'A stage needs more approvals than it names approvers (details.stage)' },
  (stage: number) => ({ message: `Stage ${stage + 1} needs more approvals than it names approvers`, details: { stage } }),
);

export const alreadyDecided = defineError(
  { status: 409, code: 'ALREADY_DECIDED', description: 'The request is already decided, or this approver already decided on it' },
  (message: string, details?: Record<string, unknown>) => ({ message, details }),
);

export const requestExpired = defineError(
  { status: 409, code: 'REQUEST_EXPIRED', description: 'The request expired without a decision' },
  (message: string) => message,
);

export const selfApprovalForbidden = defineError({
  status: 422,
  code: 'SELF_APPROVAL_FORBIDDEN',
  description: 'Nobody approves or rejects their own request',
});

export const notAnApprover = defineError(
  { status: 403, code: 'NOT_AN_APPROVER', description: 'The caller is not an approver of the current stage (details.stage)' },
  (message: string, stage: number) => ({ message, details: { stage } }),
);
