/**
 * One claimed job from start to completion: runs its handler with an abort signal, streams its
 * progress, and reports the outcome until the server has it. The outcome is sent again after any
 * network error or 5xx (completion is idempotent per attempt), so a job that finished while the
 * server was down is completed once it is back.
 */
import { Backoff, sleep } from './backoff.js';
import { JobFailure, type JobContext, type JobHandler, type JobResult } from './handlers/handler.js';
import type { Logger } from './log.js';
import { type AgentApi, type Completion, CredentialsRefused, type JobClaim, RequestRejected, ServerUnavailable } from './server-api.js';

/** Why the agent stopped a job before its handler finished. */
export type StopReason = 'cancelled' | 'lease-lost' | 'revoked' | 'timeout' | 'shutdown';

export interface RunningJobDeps {
  api: AgentApi;
  log: Logger;
  /** CredentialsRefused, met while working: the whole agent must stop. */
  onCredentialsRefused(error: CredentialsRefused): void;
  /** Aborts once the agent is exiting and can no longer wait for the server to come back. */
  giveUp: AbortSignal;
  /** Aborts when the server answers again after an outage: retry now, before the reaper takes the lease. */
  serverBack(): AbortSignal;
}

type Outcome = Omit<Completion, 'leaseId' | 'usage'>;

const MAX_ERROR_MESSAGE = 2000;

function failure(code: string, message: string, retryable: boolean, result?: JobResult): Outcome {
  return {
    status: 'failed',
    error: { code, message: message.slice(0, MAX_ERROR_MESSAGE) || code, retryable },
    ...(result ? { result } : {}),
  };
}

/** The outcome when the agent, not the handler, ended the job; null: there is nobody to tell. */
function outcomeOfStop(reason: StopReason): Outcome | null {
  switch (reason) {
    case 'cancelled':
      return { status: 'cancelled' };
    case 'shutdown':
      // Retryable: the server re-queues it at once for another agent (or this one, restarted).
      return failure('AGENT_SHUTDOWN', 'The agent shut down before the job finished', true);
    case 'timeout':
      return failure('TIMEOUT', 'The job ran past its timeoutSeconds', true);
    case 'lease-lost':
    case 'revoked':
      return null;
  }
}

function outcomeOfError(error: unknown): Outcome {
  if (error instanceof JobFailure) return failure(error.code, error.message, error.retryable, error.result);
  // A bug in a handler: say so, and let the server retry it (elsewhere, perhaps).
  return failure('HANDLER_ERROR', error instanceof Error ? error.message : String(error), true);
}

export class RunningJob {
  readonly id: string;
  /** Settles once the outcome was delivered (or abandoned). Never rejects. */
  readonly finished: Promise<void>;
  private readonly controller = new AbortController();
  private readonly log: Logger;

  constructor(
    private readonly claim: JobClaim,
    handler: JobHandler,
    private readonly deps: RunningJobDeps,
  ) {
    this.id = claim.job.id;
    this.log = deps.log.with({ jobId: claim.job.id, jobType: claim.job.type, attempt: claim.lease.attempt });
    this.finished = this.run(handler);
  }

  /** Asks the handler to stop; the first reason wins. */
  stop(reason: StopReason): void {
    if (this.controller.signal.aborted) return;
    this.log.info('stopping job', { reason });
    this.controller.abort(reason);
  }

  get stopReason(): StopReason | undefined {
    return this.controller.signal.aborted ? (this.controller.signal.reason as StopReason) : undefined;
  }

  private async run(handler: JobHandler): Promise<void> {
    const { job } = this.claim;
    const started = performance.now();
    this.log.info('job started', { timeoutSeconds: job.timeoutSeconds });
    // The server would reap it at its timeout anyway; stopping it here frees the slot and says why.
    const timer = setTimeout(() => this.stop('timeout'), job.timeoutSeconds * 1000);
    let outcome: Outcome | null;
    try {
      const result = await this.untilStopped(handler);
      const reason = this.stopReason;
      // A handler that finished as it was being stopped (shutdown, timeout) still finished; a job
      // cancelled or no longer ours has no success to report.
      const overruled = reason === 'cancelled' || reason === 'lease-lost' || reason === 'revoked';
      outcome = overruled ? outcomeOfStop(reason) : { status: 'succeeded', ...(result ? { result } : {}) };
    } catch (error) {
      const reason = this.stopReason;
      outcome = reason ? outcomeOfStop(reason) : outcomeOfError(error);
    } finally {
      clearTimeout(timer);
    }
    const durationMs = Math.round(performance.now() - started);
    if (!outcome) {
      const why = this.stopReason === 'revoked' ? 'the agent was refused' : 'the server gave its lease away';
      this.log.warn(`job dropped: ${why}`, { durationMs });
      return;
    }
    this.log.info('job finished', { status: outcome.status, errorCode: outcome.error?.code, durationMs });
    await this.deliver({ ...outcome, leaseId: this.claim.lease.id, usage: { durationMs } });
  }

  /** The handler's result, or a rejection as soon as the job is stopped, whether the handler listens or not. */
  private untilStopped(handler: JobHandler): Promise<JobResult | void> {
    const signal = this.controller.signal;
    const context: JobContext = {
      job: this.claim.job,
      leaseId: this.claim.lease.id,
      signal,
      progress: (update) => this.progress(update),
      log: this.log,
    };
    return new Promise<JobResult | void>((resolve, reject) => {
      const onStop = () => reject(new Error(`stopped: ${String(signal.reason)}`));
      signal.addEventListener('abort', onStop, { once: true });
      // async: a handler that throws before its first await still rejects.
      (async () => handler(context))()
        .then(resolve, reject)
        .finally(() => signal.removeEventListener('abort', onStop));
    });
  }

  private async progress(update: { percent?: number; message?: string }): Promise<void> {
    if (this.controller.signal.aborted) return;
    try {
      const answer = await this.deps.api.progress(this.id, this.claim.lease.id, update);
      if (answer === 'cancelled') this.stop('cancelled');
      if (answer === 'lease-lost') this.stop('lease-lost');
    } catch (error) {
      // Progress is best-effort: heartbeats keep the lease, and the completion is what counts.
      if (error instanceof CredentialsRefused) this.deps.onCredentialsRefused(error);
      else this.log.debug('progress not delivered', { error });
    }
  }

  /** Sends the completion until the server has it, knows better (409/404), or the agent must exit. */
  private async deliver(completion: Completion): Promise<void> {
    const backoff = new Backoff();
    for (;;) {
      try {
        const answer = await this.deps.api.complete(this.id, completion);
        if (answer === 'recorded') this.log.info('job completed', { status: completion.status, retries: backoff.attempts });
        else this.log.warn('completion refused: the job is no longer ours', { answer });
        return;
      } catch (error) {
        if (error instanceof CredentialsRefused) return this.deps.onCredentialsRefused(error);
        if (error instanceof RequestRejected && completion.result !== undefined) {
          // Most likely a result the server will not store (too large): fail the job without it.
          this.log.error('completion rejected; failing the job without its result', { error });
          completion = { leaseId: completion.leaseId, usage: completion.usage, ...failure('RESULT_REJECTED', error.message, false) };
          continue;
        }
        if (!(error instanceof ServerUnavailable)) {
          this.log.error('completion rejected; the lease will expire and the server re-queue the job', { error });
          return;
        }
        if (this.deps.giveUp.aborted) {
          this.log.warn('server unreachable at exit: the lease will expire and the server re-queue the job', { error });
          return;
        }
        const delay = backoff.next();
        // The first failure says what is wrong; the next ones would only repeat it.
        (backoff.attempts === 1 ? this.log.warn : this.log.debug)('completion not delivered; retrying', {
          error,
          retryInMs: delay,
          retries: backoff.attempts,
        });
        await sleep(delay, AbortSignal.any([this.deps.giveUp, this.deps.serverBack()]));
      }
    }
  }
}
