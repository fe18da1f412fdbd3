/**
 * The agent's two loops and its shutdown. One loop heartbeats at the interval the server asks for
 * (which renews the leases of every job held and says which of them were cancelled); the other
 * long-polls for work while a slot is free and starts each claimed job. Both ride out a server that
 * is down (backoff with jitter) and end the agent if the server refuses its credentials.
 */
import { Backoff, sleep } from './backoff.js';
import { JobFailure, type JobHandler } from './handlers/handler.js';
import type { Logger } from './log.js';
import { RunningJob } from './running-job.js';
import { type AgentApi, CredentialsRefused, type JobClaim, ServerUnavailable } from './server-api.js';

/** Seconds a claim waits for work: under the server's cap of 30, and well under any proxy's idle timeout. */
const CLAIM_WAIT_SECONDS = 25;
/** The server's cap on jobs per claim. */
const MAX_CLAIM = 50;
/** After the grace period, how long the completions of the jobs stopped then may still take. */
const FINAL_DELIVERY_MS = 5_000;

export const EXIT_OK = 0;
export const EXIT_CREDENTIALS_REFUSED = 2;

export interface AgentSettings {
  concurrency: number;
  graceSeconds: number;
  /** Until the first heartbeat answers with the server's interval. */
  heartbeatIntervalSeconds: number;
  handlers: ReadonlyMap<string, JobHandler>;
  /**
   * The job types to claim, reported with every heartbeat: the server replaces the agent's
   * capabilities with them, so jobs go to the agent that has the handlers for them.
   */
  capabilities: string[];
  /** Sent with each heartbeat, shown in the agent list. */
  version: string;
  hostname: string;
}

/** For a job type this agent claimed but has no handler for (capabilities `*`): another agent may have one. */
const unsupported =
  (type: string): JobHandler =>
  () =>
    Promise.reject(new JobFailure('UNSUPPORTED_JOB_TYPE', `This agent has no handler for "${type}"`, true));

export class Agent {
  /** By lease id: the same job may come back to this agent as a new attempt while the old one winds down. */
  private readonly running = new Map<string, RunningJob>();
  private readonly stopClaiming = new AbortController();
  private readonly endGrace = new AbortController();
  private readonly giveUp = new AbortController();
  private readonly stopHeartbeats = new AbortController();
  private readonly ignoredCancels = new Set<string>();
  private refused?: CredentialsRefused;
  /** Replaced each time it fires: aborted when a heartbeat succeeds after failing. */
  private serverBack = new AbortController();
  private heartbeatMs: number;
  private slotFreed?: () => void;
  /** Until the first heartbeat has told the server what this process runs, it claims nothing. */
  private readonly reported = new AbortController();

  constructor(
    private readonly api: AgentApi,
    private readonly settings: AgentSettings,
    private readonly log: Logger,
  ) {
    this.heartbeatMs = settings.heartbeatIntervalSeconds * 1000;
  }

  /** Works until shutdown() or until the server refuses the credentials; answers the exit code. */
  async run(): Promise<number> {
    this.log.info('agent started', {
      concurrency: this.settings.concurrency,
      handlers: [...this.settings.handlers.keys()],
      capabilities: this.settings.capabilities,
    });
    const heartbeats = this.heartbeatLoop();
    await this.claimLoop();
    await this.drain();
    this.stopHeartbeats.abort();
    await heartbeats;
    if (this.refused) return EXIT_CREDENTIALS_REFUSED;
    this.log.info('agent stopped');
    return EXIT_OK;
  }

  /** First call: stop claiming and let running jobs finish within the grace period. Second call: end the grace period now. */
  shutdown(signal: string): void {
    if (!this.stopClaiming.signal.aborted) {
      this.log.info('shutting down: no new jobs', { signal, running: this.running.size, graceSeconds: this.settings.graceSeconds });
      this.stopClaiming.abort();
    } else if (!this.endGrace.signal.aborted) {
      this.log.warn('second signal: stopping running jobs now', { signal });
      this.endGrace.abort();
    }
  }

  private onCredentialsRefused(error: CredentialsRefused): void {
    if (this.refused) return;
    this.refused = error;
    this.log.error('the server refused this agent: it was revoked or deleted, or its id and secret do not match. Exiting.', { error });
    this.stopClaiming.abort();
    this.endGrace.abort();
    this.giveUp.abort();
    // Nothing more can be reported: revocation ends the agent's leases and the server re-queues its jobs.
    for (const job of this.running.values()) job.stop('revoked');
  }

  private async heartbeatLoop(): Promise<void> {
    const backoff = new Backoff();
    const info = { version: this.settings.version, hostname: this.settings.hostname, capabilities: this.settings.capabilities };
    while (!this.stopHeartbeats.signal.aborted && !this.refused) {
      let delay: number;
      try {
        // The jobs this process holds: a lease it has forgotten (a restart) is released at once, not renewed.
        const beat = await this.api.heartbeat({ ...info, jobIds: [...this.running.values()].map((job) => job.id) });
        if (beat.intervalSeconds) this.heartbeatMs = beat.intervalSeconds * 1000;
        this.reported.abort();
        if (backoff.attempts > 0) {
          this.log.info('heartbeat delivered again', { failures: backoff.attempts });
          this.serverBack.abort();
          this.serverBack = new AbortController();
        }
        backoff.reset();
        delay = this.heartbeatMs;
        this.cancel(beat.cancelJobIds);
      } catch (error) {
        if (error instanceof CredentialsRefused) return this.onCredentialsRefused(error);
        // Refused outright, a heartbeat will not get through by waiting: claim all the same, with what the server has.
        if (!(error instanceof ServerUnavailable)) this.reported.abort();
        // Sooner than the interval, so leases are renewed as soon as the server is back.
        delay = Math.min(backoff.next(), this.heartbeatMs);
        (backoff.attempts === 1 ? this.log.warn : this.log.debug)('heartbeat failed', { error, retryInMs: delay });
      }
      await sleep(delay, this.stopHeartbeats.signal);
    }
  }

  private async claimLoop(): Promise<void> {
    const backoff = new Backoff();
    const stop = this.stopClaiming.signal;
    // A claim before the server knows our capabilities would use the old ones (say, those given at mint time).
    await new Promise<void>((resolve) => {
      const either = AbortSignal.any([stop, this.reported.signal]);
      if (either.aborted) resolve();
      else either.addEventListener('abort', () => resolve(), { once: true });
    });
    while (!stop.aborted) {
      const free = this.settings.concurrency - this.running.size;
      if (free <= 0) {
        await this.slotOrStop();
        continue;
      }
      try {
        const { claims, cancelJobIds } = await this.api.claim(Math.min(free, MAX_CLAIM), CLAIM_WAIT_SECONDS, stop);
        if (backoff.attempts > 0) this.log.info('server reachable again', { failures: backoff.attempts });
        backoff.reset();
        this.cancel(cancelJobIds);
        // Started even if shutdown began meanwhile: they are ours now, and get the grace period too.
        for (const claim of claims) this.start(claim);
      } catch (error) {
        if (stop.aborted) break;
        if (error instanceof CredentialsRefused) return this.onCredentialsRefused(error);
        const delay = backoff.next();
        if (error instanceof ServerUnavailable)
          (backoff.attempts === 1 ? this.log.warn : this.log.debug)('server unavailable; will claim again', { error, retryInMs: delay });
        else this.log.error('claim refused', { error, retryInMs: delay });
        // A heartbeat getting through again ends the wait early.
        await sleep(delay, AbortSignal.any([stop, this.serverBack.signal]));
      }
    }
  }

  private start(claim: JobClaim): void {
    const handler = this.settings.handlers.get(claim.job.type) ?? unsupported(claim.job.type);
    const job = new RunningJob(claim, handler, {
      api: this.api,
      log: this.log,
      giveUp: this.giveUp.signal,
      serverBack: () => this.serverBack.signal,
      onCredentialsRefused: (error) => this.onCredentialsRefused(error),
    });
    this.running.set(claim.lease.id, job);
    void job.finished.finally(() => {
      this.running.delete(claim.lease.id);
      this.slotFreed?.();
    });
  }

  /** Stops the jobs the server says were cancelled; completing them as cancelled acknowledges it. */
  private cancel(jobIds: string[]): void {
    for (const id of jobIds) {
      const mine = [...this.running.values()].filter((job) => job.id === id);
      for (const job of mine) job.stop('cancelled');
      if (mine.length === 0 && !this.ignoredCancels.has(id)) {
        // Held on the server but not running here (say, claimed before this process restarted): nothing to stop.
        this.ignoredCancels.add(id);
        this.log.debug('cancelled job is not running here', { jobId: id });
      }
    }
  }

  private slotOrStop(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.stopClaiming.signal.removeEventListener('abort', done);
        this.slotFreed = undefined;
        resolve();
      };
      this.slotFreed = done;
      this.stopClaiming.signal.addEventListener('abort', done, { once: true });
    });
  }

  private allFinished(): Promise<unknown> {
    return Promise.all([...this.running.values()].map((job) => job.finished));
  }

  /**
   * Lets running jobs finish within the grace period (heartbeats keep their leases meanwhile), then
   * stops the rest and fails them as AGENT_SHUTDOWN, retryable, so the server re-queues them at once
   * instead of waiting for their leases to expire.
   */
  private async drain(): Promise<void> {
    if (this.running.size > 0 && !this.refused) {
      this.log.info('waiting for running jobs', { running: this.running.size, graceSeconds: this.settings.graceSeconds });
      await Promise.race([this.allFinished(), sleep(this.settings.graceSeconds * 1000, this.endGrace.signal)]);
    }
    if (this.running.size === 0) return;
    for (const job of this.running.values()) job.stop('shutdown');
    const deadline = setTimeout(() => this.giveUp.abort(), FINAL_DELIVERY_MS);
    await this.allFinished();
    clearTimeout(deadline);
  }
}
