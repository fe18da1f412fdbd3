/**
 * The agent protocol over the typed client generated from openapi/openapi.json: every call the
 * agent makes to the server goes through here. Each answer is sorted into what the agent does next:
 * a value, "try again later" (ServerUnavailable), "stop for good" (CredentialsRefused) or "this
 * request can never succeed" (RequestRejected).
 *
 * Heartbeat, claim, progress and complete are idempotent by design and take no Idempotency-Key.
 * Every other call the agent makes as itself sends one (a server may require them:
 * IDEMPOTENCY_REQUIRED=true), named after what it does once: the public key it sets, the job
 * attempt it serves. Registration is public, and public routes take no key.
 */
import { randomUUID } from 'node:crypto';
import { createMarshalClient, type MarshalClient, type MarshalSchemas } from '../client/index.js';
import { CompletionBatcher } from './completion-batcher.js';
import type { HeldScan, ScanApi, ScanProgress } from './handlers/scan.js';

export type Job = MarshalSchemas['JobDto'];
export type JobClaim = MarshalSchemas['JobClaimDto'];
export type Timing = MarshalSchemas['AgentTimingDto'];
export type Completion = MarshalSchemas['CompleteJobDto'];
/** 'lease-lost' and 'not-found' both mean: the job is no longer ours. */
export type CompletionAnswer = 'recorded' | 'lease-lost' | 'not-found';
export type Registration = MarshalSchemas['RegisterAgentDto'];
export type DiscoveredSecret = MarshalSchemas['DiscoveredSecretInput'];
export type DataKey = MarshalSchemas['DataKeyDto'];
export type SealedValue = Omit<MarshalSchemas['PostWrapDto'], 'jobId' | 'wrappedKey'>;
export type AgentWrap = MarshalSchemas['AgentWrapDto'];

const CANCEL_JOBS_HEADER = 'marshal-cancel-jobs';
const HEARTBEAT_INTERVAL_HEADER = 'marshal-heartbeat-interval';
/** A request that has not answered by then is treated like a dropped connection. */
const REQUEST_TIMEOUT_MS = 15_000;
/** A SARIF log of many results is validated and ingested before the answer comes. */
const SARIF_UPLOAD_TIMEOUT_MS = 120_000;

/** Network error, timeout, 5xx or 429: the server is restarting or overloaded. Wait and try again. */
export class ServerUnavailable extends Error {
  override name = 'ServerUnavailable';
}

/** 401 or 403: the secret was revoked, the agent deleted, or the id and secret do not match. Retrying cannot help. */
export class CredentialsRefused extends Error {
  override name = 'CredentialsRefused';
}

/** Any other 4xx: the request itself is wrong (a bug, or input the server will never take). */
export class RequestRejected extends Error {
  override name = 'RequestRejected';
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

type Answer = { response: Response; error?: unknown };

/** The scan a `scan` job is for, as its payload names it (the handler has checked it). */
const scanIdOf = (held: HeldScan) => String(held.job.payload.scanId);

function errorOf(answer: Answer): { code?: string; message?: string } {
  const body = answer.error as { error?: { code?: string; message?: string } } | undefined;
  return body?.error ?? {};
}

/** fetch() reports "fetch failed" and hides why in `cause` (ECONNREFUSED, ECONNRESET…). */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? error.message;
}

const keyed = (key: string) => ({ 'Idempotency-Key': key });
/** One key per attempt of a job: the same call for the same attempt is one request. */
const attemptKey = (what: string, job: Pick<Job, 'id' | 'attempts'>) => `${what}:${job.id}:${job.attempts}`;

function idsIn(header: string | null): string[] {
  return header
    ? header
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
}

/** Sends one request and sorts failures: the caller's own abort is passed through untouched. */
async function send<T extends Answer>(
  what: string,
  request: (signal: AbortSignal) => Promise<T>,
  timeoutMs = REQUEST_TIMEOUT_MS,
  callerSignal?: AbortSignal,
): Promise<T> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = callerSignal ? AbortSignal.any([callerSignal, timeout]) : timeout;
  let answer: T;
  try {
    answer = await request(signal);
  } catch (error) {
    if (callerSignal?.aborted) throw error;
    throw new ServerUnavailable(`${what}: ${describe(error)}`);
  }
  const status = answer.response.status;
  if (status === 401 || status === 403) {
    throw new CredentialsRefused(`${what}: ${status} ${errorOf(answer).code ?? ''} ${errorOf(answer).message ?? ''}`.trim());
  }
  if (status >= 500 || status === 429 || status === 408) throw new ServerUnavailable(`${what}: HTTP ${status}`);
  return answer;
}

function rejected(what: string, answer: Answer): RequestRejected {
  const { code, message } = errorOf(answer);
  return new RequestRejected(answer.response.status, code, `${what}: HTTP ${answer.response.status} ${code ?? ''} ${message ?? ''}`.trim());
}

/** POST /agents/register: trades an enrollment token for an agent id and secret. 401 = bad token. */
export async function registerAgent(
  serverUrl: string,
  body: Registration,
): Promise<{ agentId: string; agentSecret: string; timing: Timing }> {
  const answer = await send('register', (signal) => createMarshalClient(serverUrl).POST('/api/v1/agents/register', { body, signal }));
  if (answer.response.status !== 201 || !answer.data) throw rejected('register', answer);
  const { agent, agentSecret, timing } = answer.data.data;
  return { agentId: agent.id, agentSecret, timing };
}

/** The calls an agent makes as itself, with its X-Agent-Secret. */
export class AgentApi {
  private readonly client: MarshalClient;

  private readonly completions = new CompletionBatcher<Completion & { jobId: string }, CompletionAnswer>(
    (items) => this.completeMany(items),
    (error) => error instanceof RequestRejected,
  );

  constructor(
    private readonly serverUrl: string,
    readonly agentId: string,
    private readonly agentSecret: string,
  ) {
    this.client = createMarshalClient(serverUrl, { headers: { 'x-agent-secret': agentSecret } });
  }

  private get path() {
    return { id: this.agentId };
  }

  /** Renews every lease the agent holds; answers the interval to keep and the held jobs that were cancelled. */
  async heartbeat(body: {
    version?: string;
    hostname?: string;
    capabilities?: string[];
    jobIds: string[];
  }): Promise<{ intervalSeconds?: number; cancelJobIds: string[] }> {
    const answer = await send('heartbeat', (signal) =>
      this.client.POST('/api/v1/agents/{id}/heartbeat', { params: { path: this.path }, body, signal }),
    );
    if (answer.response.status !== 204) throw rejected('heartbeat', answer);
    const interval = Number(answer.response.headers.get(HEARTBEAT_INTERVAL_HEADER));
    return {
      intervalSeconds: Number.isFinite(interval) && interval > 0 ? interval : undefined,
      cancelJobIds: idsIn(answer.response.headers.get(CANCEL_JOBS_HEADER)),
    };
  }

  /** Long-polls for up to `max` jobs. `signal` abandons the wait (the server then claims nothing for us). */
  async claim(max: number, waitSeconds: number, signal: AbortSignal): Promise<{ claims: JobClaim[]; cancelJobIds: string[] }> {
    const answer = await send(
      'claim',
      (s) =>
        this.client.POST('/api/v1/agents/{id}/jobs/claim', { params: { path: this.path, query: { max, wait: waitSeconds } }, signal: s }),
      waitSeconds * 1000 + REQUEST_TIMEOUT_MS,
      signal,
    );
    const fromHeader = idsIn(answer.response.headers.get(CANCEL_JOBS_HEADER));
    if (answer.response.status === 204) return { claims: [], cancelJobIds: fromHeader };
    if (answer.response.status !== 200 || !answer.data) throw rejected('claim', answer);
    const { claims, cancelJobIds } = answer.data.data;
    return { claims, cancelJobIds: [...new Set([...cancelJobIds, ...fromHeader])] };
  }

  /** 'cancelled' and 'lease-lost' both mean: stop working on it. */
  async progress(
    jobId: string,
    leaseId: string,
    update: { percent?: number; message?: string },
  ): Promise<'ok' | 'cancelled' | 'lease-lost'> {
    const answer = await send('progress', (signal) =>
      this.client.POST('/api/v1/agents/{id}/jobs/{jobId}/progress', {
        params: { path: { ...this.path, jobId } },
        body: { leaseId, ...update },
        signal,
      }),
    );
    if (answer.response.status === 200) return 'ok';
    if (answer.response.status === 409) return errorOf(answer).code === 'JOB_CANCELLED' ? 'cancelled' : 'lease-lost';
    if (answer.response.status === 404) return 'lease-lost';
    throw rejected('progress', answer);
  }

  /**
   * Idempotent per attempt, so a completion whose answer was lost can simply be sent again.
   * Completions made while another is on its way are sent together (CompletionBatcher).
   */
  complete(jobId: string, completion: Completion): Promise<CompletionAnswer> {
    return this.completions.complete({ ...completion, jobId });
  }

  private async completeMany(completions: (Completion & { jobId: string })[]): Promise<CompletionAnswer[]> {
    const answer = await send('complete', (signal) =>
      this.client.POST('/api/v1/agents/{id}/jobs/complete', { params: { path: this.path }, body: { completions }, signal }),
    );
    if (answer.response.status !== 200 || !answer.data) throw rejected('complete', answer);
    return answer.data.data.results.map((r) => (r.recorded ? 'recorded' : r.error?.code === 'NOT_FOUND' ? 'not-found' : 'lease-lost'));
  }

  /** Registers the X25519 key that patch values are sealed to (the private half never leaves this process). */
  async setPublicKey(publicKey: string): Promise<void> {
    const answer = await send('set public key', (signal) =>
      this.client.PUT('/api/v1/agents/{id}/public-key', {
        params: { path: this.path, header: keyed(`public-key:${publicKey}`) },
        body: { publicKey },
        signal,
      }),
    );
    if (answer.response.status !== 200) throw rejected('set public key', answer);
  }

  /** Reports what the agent found (never values); answers how many the server took. */
  async reportSecrets(secrets: DiscoveredSecret[]): Promise<number> {
    const answer = await send('report secrets', (signal) =>
      this.client.POST('/api/v1/agents/{id}/secrets/bulk', {
        params: { path: this.path, header: keyed(randomUUID()) },
        body: { secrets },
        signal,
      }),
    );
    if (answer.response.status !== 200 || !answer.data) throw rejected('report secrets', answer);
    return answer.data.data.received;
  }

  /** A data key for the value of a secret.read job this agent holds. */
  async issueDataKey(job: Pick<Job, 'id' | 'attempts'>, signal: AbortSignal): Promise<DataKey> {
    const answer = await send(
      'issue data key',
      (s) =>
        this.client.POST('/api/v1/agents/{id}/dek', {
          params: { path: this.path, header: keyed(attemptKey('dek', job)) },
          body: { jobId: job.id },
          signal: s,
        }),
      undefined,
      signal,
    );
    if (answer.response.status !== 200 || !answer.data) throw rejected('issue data key', answer);
    return answer.data.data;
  }

  /** Posts a read job's value, sealed under its data key; answers the wrap's id. */
  async postWrap(job: Pick<Job, 'id' | 'attempts'>, wrappedKey: string, sealed: SealedValue, signal: AbortSignal): Promise<string> {
    const answer = await send(
      'post value',
      (s) =>
        this.client.POST('/api/v1/agents/{id}/wraps', {
          params: { path: this.path, header: keyed(attemptKey('wrap', job)) },
          body: { jobId: job.id, wrappedKey, ...sealed },
          signal: s,
        }),
      undefined,
      signal,
    );
    if (answer.response.status !== 201 || !answer.data) throw rejected('post value', answer);
    return answer.data.data.wrapId;
  }

  /**
   * The snapshot a held scan reads, as a tar stream. Fetched with fetch() itself: the typed client
   * would read the whole body, and a snapshot is streamed to disk as it arrives. The request's own
   * timeout covers the answer's start; the caller's signal covers the rest.
   */
  async fetchScanSource(held: HeldScan, signal: AbortSignal): Promise<ReadableStream<Uint8Array>> {
    const url = `${this.serverUrl}/api/v1/agents/${encodeURIComponent(this.agentId)}/scans/${encodeURIComponent(scanIdOf(held))}/source`;
    const answer = await send(
      'fetch scan source',
      async (s) => {
        const response = await fetch(url, { headers: { 'x-agent-secret': this.agentSecret }, signal: AbortSignal.any([s, signal]) });
        const error = response.ok ? undefined : await response.json().catch(() => undefined);
        return { response, error };
      },
      undefined,
      signal,
    );
    if (answer.response.status !== 200 || !answer.response.body) throw rejected('fetch scan source', answer);
    return answer.response.body;
  }

  /** Progress of a held scan (a scan.progress event); renews the job's lease. */
  async reportScanProgress(held: HeldScan, progress: ScanProgress, signal: AbortSignal): Promise<void> {
    const answer = await send(
      'report scan progress',
      (s) =>
        this.client.POST('/api/v1/agents/{id}/scans/{scanId}/progress', {
          params: { path: { ...this.path, scanId: scanIdOf(held) } },
          body: { leaseId: held.leaseId, ...progress },
          signal: s,
        }),
      undefined,
      signal,
    );
    if (answer.response.status !== 200) throw rejected('report scan progress', answer);
  }

  /** Uploads a held scan's SARIF log; the server stores it once by its hash, so a repeat is harmless. */
  async uploadScanSarif(held: HeldScan, sarif: object, signal: AbortSignal): Promise<{ results: number }> {
    const answer = await send(
      'upload scan SARIF',
      (s) =>
        this.client.POST('/api/v1/agents/{id}/scans/{scanId}/sarif', {
          params: { path: { ...this.path, scanId: scanIdOf(held) } },
          body: { leaseId: held.leaseId, sarif: sarif as Record<string, unknown> },
          signal: s,
        }),
      SARIF_UPLOAD_TIMEOUT_MS,
      signal,
    );
    if (answer.response.status !== 200 || !answer.data) throw rejected('upload scan SARIF', answer);
    return { results: answer.data.data.results };
  }

  /** The scan handler's view of the server. */
  get scans(): ScanApi {
    return {
      fetchSource: (held, signal) => this.fetchScanSource(held, signal),
      reportProgress: (held, progress, signal) => this.reportScanProgress(held, progress, signal),
      uploadSarif: (held, sarif, signal) => this.uploadScanSarif(held, sarif, signal),
    };
  }

  /** A patch job's new value, once, in a wire envelope sealed to this agent's key. */
  async retrieveWrap(wrapId: string, signal: AbortSignal): Promise<AgentWrap> {
    const answer = await send(
      'retrieve value',
      (s) => this.client.GET('/api/v1/agents/{id}/wraps/{wrapId}', { params: { path: { ...this.path, wrapId } }, signal: s }),
      undefined,
      signal,
    );
    if (answer.response.status !== 200 || !answer.data) throw rejected('retrieve value', answer);
    return answer.data.data;
  }
}
