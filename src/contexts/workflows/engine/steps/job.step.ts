import { Injectable } from '@nestjs/common';
import { JobsService } from '../../../jobs/index.js';
import type { StepAttempt, StepHandler, StepOutcome, StepStart } from '../step-handler.js';

const PREFIX = 'job:';

/** How a job a run queued names its creator (`createdBy.type`; the id is the run). */
export const RUN_JOB_CREATOR = 'workflow_run';

export const jobIdOf = (externalRef: string | null): string | null =>
  externalRef?.startsWith(PREFIX) ? externalRef.slice(PREFIX.length) : null;

/**
 * Queues a job for an agent (by labels or by id) in the engine's transaction and waits for it to
 * end; the job's result is the output. The job gets one attempt: retries are the node's policy,
 * so that a step's attempts are counted in one place.
 */
@Injectable()
export class JobStep implements StepHandler {
  readonly type = 'job';

  constructor(private readonly jobs: JobsService) {}

  async start({ run, inputs }: StepAttempt): Promise<StepStart> {
    try {
      const job = await this.jobs.submit(run.organizationId, {
        type: inputs.type as string,
        payload: (inputs.payload as Record<string, unknown> | undefined) ?? {},
        selector: inputs.selector as Record<string, string> | undefined,
        targetAgentId: inputs.targetAgentId as string | undefined,
        timeoutSeconds: inputs.timeoutSeconds as number | undefined,
        maxAttempts: 1,
        createdBy: { type: RUN_JOB_CREATOR, id: run.id },
      });
      return { kind: 'waiting', externalRef: `${PREFIX}${job.id}` };
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'UNKNOWN_AGENT' || code === 'AGENT_REVOKED')
        return { kind: 'failed', code, message: (error as Error).message, final: true };
      throw error;
    }
  }

  async check({ run, step, artifact }: StepAttempt): Promise<StepOutcome | { kind: 'waiting' }> {
    const job = await this.jobs.get(run.organizationId, jobIdOf(step.externalRef)!);
    switch (job.status) {
      case 'succeeded':
        await artifact('job', 'application/json', { jobId: job.id, agentId: job.leasedBy, status: job.status, result: job.result });
        return { kind: 'succeeded', output: job.result ?? {} };
      case 'failed':
      case 'expired':
      case 'cancelled':
        await artifact('job', 'application/json', {
          jobId: job.id,
          agentId: job.leasedBy,
          status: job.status,
          errorCode: job.errorCode,
          errorMessage: job.errorMessage,
        });
        return {
          kind: 'failed',
          code: job.errorCode ?? `JOB_${job.status.toUpperCase()}`,
          message: job.errorMessage ?? `The job ended ${job.status}`,
        };
      default:
        return { kind: 'waiting' };
    }
  }

  async abandon({ run, step }: StepAttempt, reason: string): Promise<void> {
    const jobId = jobIdOf(step.externalRef);
    if (jobId) await this.jobs.abandon(run.organizationId, jobId, reason);
  }
}
