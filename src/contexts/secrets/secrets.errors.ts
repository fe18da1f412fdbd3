import { defineError } from '../../kernel/http/app-error.js';

/** The secrets context's error catalog. */

export const unknownSecret = defineError({
  status: 422,
  code: 'UNKNOWN_SECRET',
  description: 'secretId names no discovered secret of this organization',
});

export const noAgentForCluster = defineError(
  { status: 422, code: 'NO_AGENT_FOR_CLUSTER', description: "No active agent serves the secret's cluster" },
  (clusterName: string) => `No active agent serves cluster ${clusterName}: the secret's reporting agent is gone or revoked`,
);

export const approverMismatch = defineError({
  status: 422,
  code: 'APPROVER_MISMATCH',
  description: 'approverId names someone else: the approver is always the authenticated caller',
});

export const actorMismatch = defineError({
  status: 422,
  code: 'ACTOR_MISMATCH',
  description: 'actorId names someone else: the actor is always the authenticated caller',
});

export const notAPatch = defineError({
  status: 409,
  code: 'NOT_A_PATCH',
  description: 'Only a patch request changes what Argo CD deploys',
});

export const notPatched = defineError(
  { status: 409, code: 'NOT_PATCHED', description: 'The patch has not completed: there is nothing to observe yet' },
  (status: string) => ({ message: `The patch is ${status}: there is nothing to observe yet`, details: { status } }),
);

export const notTheRequester = defineError(
  { status: 403, code: 'NOT_THE_REQUESTER', description: 'Only the requester does this' },
  (message: string) => message,
);

export const agentKeyMissing = defineError({
  status: 409,
  code: 'AGENT_KEY_MISSING',
  description: 'Register an X25519 public key first (PUT /agents/{id}/public-key): what Marshal sends this agent is sealed to it',
});

export const notReleased = defineError({ status: 409, code: 'NOT_RELEASED', description: 'The request is not approved yet' });

export const alreadyPosted = defineError({ status: 409, code: 'ALREADY_POSTED', description: 'The value for this job was already posted' });

export const invalidWrap = defineError({
  status: 422,
  code: 'INVALID_WRAP',
  description:
    'The value does not open: seal it with AES-256-GCM under the key issued for this job, with the context it came with as additional data',
});

export const notAReadJob = defineError(
  { status: 422, code: 'NOT_A_READ_JOB', description: 'The job is not a secret.read job' },
  (jobId: string, type: string) => `Job ${jobId} is a ${type} job, not secret.read`,
);

export const requestNotApproved = defineError({
  status: 409,
  code: 'REQUEST_NOT_APPROVED',
  description: 'The request of this job is not (or no longer) approved',
});

export const jobNotHeld = defineError({
  status: 409,
  code: 'JOB_NOT_HELD',
  description: 'This agent does not hold that job (claim it first; a finished job is over)',
});
