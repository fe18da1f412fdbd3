import type { EventEntry } from '../../kernel/events/domain-event.js';
import type { Signal } from '../../kernel/events/event-hub.js';
import type { Job } from './entities/job.entity.js';

/** The event of a job's state change: ids and state only, never its payload or result. */
export function jobEvent(job: Job, type: string, extra: Record<string, unknown> = {}): EventEntry {
  return {
    organizationId: job.organizationId,
    type,
    resourceType: 'job',
    resourceId: job.id,
    data: {
      jobType: job.type,
      status: job.status,
      attempt: job.attempts,
      agentId: job.leasedBy,
      ...(job.targetAgentId ? { targetAgentId: job.targetAgentId } : {}),
      ...(job.errorCode ? { errorCode: job.errorCode } : {}),
      ...extra,
    },
  };
}

/** The response header that lists the held jobs an agent should stop (heartbeat and claim answers). */
export const CANCEL_JOBS_HEADER = 'Marshal-Cancel-Jobs';

/** Event types that may make a job claimable now: what a long-polling claim waits for. */
export const CLAIMABLE_SIGNALS = new Set(['job.queued', 'job.requeued', 'job.retrying']);

/** Whether a signal could be a job this agent may claim (labels are left to the claim itself). */
export function couldClaim(signal: Signal, agent: { id: string; capabilities: string[] }): boolean {
  if (!CLAIMABLE_SIGNALS.has(signal.type)) return false;
  if (signal.targetAgentId && signal.targetAgentId !== agent.id) return false;
  const any = agent.capabilities.length === 0 || agent.capabilities.includes('*');
  return any || !signal.jobType || agent.capabilities.includes(signal.jobType);
}
