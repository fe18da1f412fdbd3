import { HELD_STATUSES, type Job } from './entities/job.entity.js';

/**
 * The lease check: the job is leased or running by this agent (under this lease, when a lease id
 * is given). Otherwise `notHeld()` is thrown; a job cancelled while held throws `cancelled()` instead,
 * where the caller has such an error (the agent should stop it and acknowledge).
 */
export function assertHeld(
  job: Job,
  holder: { agentId: string; leaseId?: string },
  errors: { notHeld: () => Error; cancelled?: () => Error },
): void {
  if (job.leasedBy !== holder.agentId || (holder.leaseId !== undefined && job.leaseId !== holder.leaseId)) throw errors.notHeld();
  if (job.status === 'cancelled' && errors.cancelled) throw errors.cancelled();
  if (!HELD_STATUSES.includes(job.status)) throw errors.notHeld();
}
