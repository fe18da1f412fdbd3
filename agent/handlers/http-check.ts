import { invalidPayload, JobFailure, type JobHandler } from './handler.js';

const DEFAULT_TIMEOUT_MS = 10_000;
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * Payload {url, method?, expectStatus?, timeoutMs?}: requests the URL and answers {status, latencyMs}.
 * It fails with HTTP_<status> when the status is not the expected one (any 2xx by default), and with
 * NETWORK_ERROR when there is no answer at all (refused, unresolvable, timed out). The body is not kept.
 */
export const httpCheck: JobHandler = async ({ job, signal }) => {
  const { url, method = 'GET', expectStatus, timeoutMs = DEFAULT_TIMEOUT_MS } = job.payload;
  if (typeof url !== 'string' || !/^https?:\/\//i.test(url)) throw invalidPayload('payload.url must be an http(s) URL');
  if (typeof method !== 'string' || !METHODS.has(method.toUpperCase()))
    throw invalidPayload(`payload.method must be one of ${[...METHODS].join(', ')}`);
  if (
    expectStatus !== undefined &&
    !(typeof expectStatus === 'number' && Number.isInteger(expectStatus) && expectStatus >= 100 && expectStatus <= 599)
  ) {
    throw invalidPayload('payload.expectStatus must be an HTTP status (100-599)');
  }
  if (typeof timeoutMs !== 'number' || !(timeoutMs > 0)) throw invalidPayload('payload.timeoutMs must be a positive number');

  const start = performance.now();
  let response: Response;
  try {
    response = await fetch(url, {
      method: method.toUpperCase(),
      redirect: 'manual',
      signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
    });
    // Only the status matters: let the connection go.
    await response.body?.cancel();
  } catch (error) {
    if (signal.aborted) throw error;
    // fetch() says "fetch failed" and keeps the reason (ECONNREFUSED, ENOTFOUND…) in its cause.
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const why =
      (error as Error).name === 'TimeoutError'
        ? `no answer within ${timeoutMs} ms`
        : (cause?.code ?? cause?.message ?? (error as Error).message);
    throw new JobFailure('NETWORK_ERROR', `${method} ${url}: ${why}`, true, { latencyMs: Math.round(performance.now() - start) });
  }
  const result = { status: response.status, latencyMs: Math.round(performance.now() - start) };
  const expected = expectStatus === undefined ? response.status >= 200 && response.status < 300 : response.status === expectStatus;
  if (!expected) {
    throw new JobFailure(
      `HTTP_${response.status}`,
      `${method} ${url} answered ${response.status}, expected ${expectStatus ?? '2xx'}`,
      true,
      result,
    );
  }
  return result;
};
