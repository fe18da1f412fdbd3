/** What a job handler gets and gives back. Handlers know nothing of leases, retries or the server. */
import type { Logger } from '../log.js';
import type { Job } from '../server-api.js';

export interface JobContext {
  readonly job: Job;
  /** The lease the agent holds the job by: calls about the job that renew it name it. */
  readonly leaseId: string;
  /**
   * Aborts when the job must stop: cancelled, timed out, lease lost, or the agent shutting down
   * past its grace period. A handler should stop promptly; the agent stops waiting for it anyway.
   */
  readonly signal: AbortSignal;
  /** Streams progress to the job's watchers (and renews the lease). Never throws. */
  readonly progress: (update: { percent?: number; message?: string }) => Promise<void>;
  readonly log: Logger;
}

/** The job's result, stored on the job (at most 256 KiB, never a secret). */
export type JobResult = Record<string, unknown>;

export type JobHandler = (context: JobContext) => Promise<JobResult | void>;

/**
 * Throw this to fail a job with a stable error code. `retryable: false` tells the server not to
 * run it again (the same payload would fail the same way).
 */
export class JobFailure extends Error {
  override name = 'JobFailure';
  constructor(
    readonly code: string,
    message: string,
    readonly retryable = true,
    readonly result?: JobResult,
  ) {
    super(message);
  }
}

/** A payload the handler cannot run: retrying the same payload cannot help. */
export const invalidPayload = (message: string) => new JobFailure('INVALID_PAYLOAD', message, false);
