import { defineError, ErrorFactory } from '../../kernel/http/app-error.js';
import type { BlockedCode } from './job-blockage.js';

/** The jobs context's error catalog. */

export const leaseLost = defineError(
  {
    status: 409,
    code: 'LEASE_LOST',
    description: 'The lease is no longer yours: it expired, the job was completed, or another agent holds it',
  },
  () => 'You no longer hold this job: its lease expired, it was completed, or another agent holds it now. Drop it.',
);

export const jobCancelled = defineError(
  { status: 409, code: 'JOB_CANCELLED', description: 'The job was cancelled: stop it and complete it as cancelled' },
  () => 'The job was cancelled: stop it and complete it as cancelled',
);

export const unknownAgent = defineError({
  status: 422,
  code: 'UNKNOWN_AGENT',
  description: 'targetAgentId names no agent of this organization',
});

export const agentRevoked = defineError({ status: 422, code: 'AGENT_REVOKED', description: 'targetAgentId names a revoked agent' });

const blocked = (code: BlockedCode, description: string) =>
  defineError({ status: 422, code, description }, (message: string, details: Record<string, unknown>) => ({ message, details }));

/** Why a job aimed at an agent would wait for good, refused at submission: one entry per BlockedCode. */
export const TARGET_CANNOT_RUN: Record<BlockedCode, ErrorFactory<[message: string, details: Record<string, unknown>]>> = {
  NO_CAPABLE_AGENT: blocked('NO_CAPABLE_AGENT', 'No active agent runs this job type'),
  AGENT_LACKS_CAPABILITY: blocked('AGENT_LACKS_CAPABILITY', 'targetAgentId names an agent that does not run this job type'),
  AGENT_LABELS_MISMATCH: blocked('AGENT_LABELS_MISMATCH', "targetAgentId names an agent whose labels do not match the job's selector"),
  AGENT_UNAVAILABLE: blocked('AGENT_UNAVAILABLE', 'targetAgentId names an agent that is revoked or deleted'),
};
