import type { EventEntry } from '../../kernel/events/domain-event.js';
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
      ...(job.errorCode ? { errorCode: job.errorCode } : {}),
      ...extra,
    },
  };
}

/** Event types that may make a job claimable now: what a long-polling claim waits for. */
export const CLAIMABLE_SIGNALS = new Set(['job.queued', 'job.requeued', 'job.retrying']);
