import { sleep as wait } from '../backoff.js';
import { invalidPayload, type JobHandler } from './handler.js';

const PROGRESS_EVERY_MS = 1000;

/**
 * Payload {seconds}: waits that long, reporting progress about once a second, and stops as soon as
 * the job is cancelled. Useful to try out leases, cancellation and shutdown.
 */
export const sleep: JobHandler = async ({ job, signal, progress }) => {
  const seconds = job.payload.seconds ?? 1;
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) throw invalidPayload('payload.seconds must be a number ≥ 0');
  const totalMs = seconds * 1000;
  const start = Date.now();
  for (let elapsed = 0; elapsed < totalMs && !signal.aborted; elapsed = Date.now() - start) {
    await progress({ percent: Math.floor((elapsed / totalMs) * 100), message: `slept ${Math.floor(elapsed / 1000)} of ${seconds} s` });
    await wait(Math.min(PROGRESS_EVERY_MS, totalMs - elapsed), signal);
  }
  return { sleptMs: Date.now() - start };
};
