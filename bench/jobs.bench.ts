import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { PgBoss } from 'pg-boss';
import {
  cleanUp,
  cleanups,
  countStatements,
  integer,
  type LatencySummary,
  processCpuMs,
  provisionDatabase,
  query,
  round2,
  ROOT,
  summarise,
  marshalEnv,
  startMarshal,
} from './support.js';

/*
 * `npm run bench:jobs`: N agents push M jobs through Marshal's queue over HTTP: submitters POST
 * /jobs (one job per request) while agents loop claim (max=BENCH_CLAIM_MAX, wait=5) → complete
 * (one job per request, or with BENCH_CLAIM_MAX > 1 every claimed job in one batched completion).
 * Timed from the first submit to the last completion. The baseline, measured in the same run on the
 * same database (schema bench_pgboss): pg-boss's own send → fetch (batch size BENCH_CLAIM_MAX) →
 * complete (the fetched ids at once) loop with as many workers and submitters, in this process.
 * After the load, a statement census counts what each call sends to PostgreSQL (jobsCensus). The gap is what Marshal's HTTP layer, auth,
 * audit chain, event outbox and idempotency records cost per job.
 *
 * Correctness is asserted, not assumed: every (job, claim) the agents got is recorded, and the run
 * fails (exit code 1) if a job was claimed twice, a job was never completed, or the database does
 * not hold every job as succeeded at its first attempt. The same is checked for pg-boss.
 *
 * Client and server share the machine's cores: the bench client's own CPU time is printed, so a
 * client-bound run shows as such.
 *
 * Besides jobs/s and claim latency, it prints what to optimise: each call's latency under load
 * and alone (BENCH_SERIAL_JOBS: one worker, one job at a time, nothing to queue behind), CPU per
 * job of the server, the client and PostgreSQL's backends, commits and rows written per job, and
 * what the backends spent the run waiting on (sampled from pg_stat_activity).
 *
 * Environment: DATABASE_URL (a server to create the bench database on; default: an embedded
 * PostgreSQL), BENCH_AGENTS (16: agents and pg-boss workers), BENCH_JOBS (20000),
 * BENCH_SUBMITTERS (8), BENCH_WARMUP_JOBS (min(500, BENCH_JOBS / 10): pushed through each side
 * first, not measured), BENCH_SERIAL_JOBS (min(200, BENCH_JOBS)), BENCH_PGBOSS_POLL_MS (20: a
 * pg-boss worker's pause after an empty fetch), BENCH_TIMEOUT (seconds per run, max(600,
 * BENCH_JOBS / 10)), BENCH_LOG_LEVEL (Marshal's LOG_LEVEL, info), BENCH_CLAIM_MAX (1: jobs per claim and
 * per fetch), BENCH_WAKEUPS (100: jobs submitted one at a time to agents all long-polling, against a
 * plain NOTIFY's delivery; 0 skips it), BENCH_SUBMIT_BATCH (BENCH_CLAIM_MAX: jobs per submission, POST /jobs/batch and pg-boss insert
 * when more than 1), BENCH_CENSUS_JOBS (40: jobs per line of the census; 0 skips it), DATABASE_POOL_SIZE (10, for
 * Marshal and pg-boss), BENCH_CPU_PROF (a folder: the server writes a V8 CPU profile into it when
 * it stops). Results also go to bench/results/jobs.json (jobs-batched.json when BENCH_CLAIM_MAX > 1).
 */

const ADMIN = { email: 'bench@marshal.test', password: randomBytes(12).toString('hex') };
const JOB_TYPE = 'bench';
const PGBOSS_SCHEMA = 'bench_pgboss';
const CLAIM_WAIT_SECONDS = 5;

const jobs = integer('BENCH_JOBS', 20_000, 1);
const settings = {
  agents: integer('BENCH_AGENTS', 16, 1),
  jobs,
  submitters: integer('BENCH_SUBMITTERS', 8, 1),
  warmupJobs: integer('BENCH_WARMUP_JOBS', Math.min(500, Math.ceil(jobs / 10)), 0),
  serialJobs: integer('BENCH_SERIAL_JOBS', Math.min(200, jobs), 0),
  pgbossPollMs: integer('BENCH_PGBOSS_POLL_MS', 20, 1),
  timeoutSeconds: integer('BENCH_TIMEOUT', Math.max(600, Math.ceil(jobs / 10)), 1),
  poolSize: integer('DATABASE_POOL_SIZE', 10, 1),
  logLevel: process.env.BENCH_LOG_LEVEL || 'info',
  claimWaitSeconds: CLAIM_WAIT_SECONDS,
  claimMax: integer('BENCH_CLAIM_MAX', 1, 1),
  submitBatch: integer('BENCH_SUBMIT_BATCH', integer('BENCH_CLAIM_MAX', 1, 1), 1),
  censusJobs: integer('BENCH_CENSUS_JOBS', 40, 0),
  wakeUps: integer('BENCH_WAKEUPS', 100, 0),
};
// Batched runs keep their own file, so that `npm run bench` can report both side by side.
const RESULTS_FILE = join(ROOT, 'bench', 'results', settings.claimMax > 1 ? 'jobs-batched.json' : 'jobs.json');

// ---------------------------------------------------------------------------------------------
// A cheap HTTP client: node:http on a keep-alive agent with a socket per concurrent caller.

interface Reply {
  status: number;
  text: string;
}

class Client {
  private readonly agent: http.Agent;
  private readonly host: string;
  private readonly port: number;
  /** Requests in flight, so that a finished run can hang up on its pending long-polls. */
  readonly inFlight = new Set<http.ClientRequest>();
  /** Set once the run is over: no more requests, and none retried. */
  private hungUp = false;

  constructor(baseUrl: string, sockets: number) {
    const url = new URL(baseUrl);
    this.host = url.hostname;
    this.port = Number(url.port);
    this.agent = new http.Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets });
  }

  async request(method: string, path: string, headers: Record<string, string>, body?: string): Promise<Reply> {
    try {
      return await this.once(method, path, headers, body);
    } catch (error) {
      // The server closed an idle keep-alive socket just as it was reused: the request never reached it.
      // (Not a request this client hung up on itself.)
      if (
        !this.hungUp &&
        (error as { reusedSocket?: boolean; code?: string }).reusedSocket &&
        (error as { code?: string }).code === 'ECONNRESET'
      ) {
        return this.once(method, path, headers, body);
      }
      throw error;
    }
  }

  private once(method: string, path: string, headers: Record<string, string>, body?: string): Promise<Reply> {
    return new Promise<Reply>((resolve, reject) => {
      if (this.hungUp) return reject(new Error('the run is over'));
      const req = http.request(
        {
          agent: this.agent,
          host: this.host,
          port: this.port,
          method,
          path,
          headers: { ...headers, 'content-length': String(body ? Buffer.byteLength(body) : 0) },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => {
            this.inFlight.delete(req);
            resolve({ status: res.statusCode ?? 0, text });
          });
          res.on('error', reject);
        },
      );
      this.inFlight.add(req);
      req.on('error', (error: Error & { reusedSocket?: boolean }) => {
        this.inFlight.delete(req);
        error.reusedSocket = req.reusedSocket;
        reject(error);
      });
      req.end(body);
    });
  }

  hangUp(): void {
    this.hungUp = true;
    for (const req of this.inFlight) req.destroy();
    this.inFlight.clear();
  }

  close(): void {
    this.hangUp();
    this.agent.destroy();
  }
}

async function json<T>(
  client: Client,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const reply = await client.request(
    method,
    path,
    { ...headers, 'content-type': 'application/json' },
    body === undefined ? undefined : JSON.stringify(body),
  );
  return { status: reply.status, body: (reply.text ? JSON.parse(reply.text) : null) as T };
}

// ---------------------------------------------------------------------------------------------
// Measurements: database activity (latencies and CPU time of processes: support.ts).

/**
 * Watches the bench database around a run: its backends' CPU, what they wait on, and the commits
 * and rows the run wrote. The sampler connects to the server's `postgres` database, so that its
 * own queries are not counted. PostgreSQL 15 backends report their statistics late (within a
 * second while busy, ten seconds once idle, at once when they exit): the counts are read before
 * the run after more than ten idle seconds, and after it once its connections closed.
 */
class DatabaseProbe {
  private readonly monitor: pg.Client;
  private samples = 0;
  private readonly states = new Map<string, number>();
  private timer?: NodeJS.Timeout;
  private sampling?: Promise<void>;
  private backendCpuStart = new Map<number, number>();
  private statsStart?: DatabaseStats;
  private live?: { backends: number; backendCpuMs: number | null };
  private closed = false;

  constructor(
    private readonly url: string,
    private readonly databaseName: string,
  ) {
    const monitorUrl = new URL(url);
    monitorUrl.pathname = '/postgres';
    this.monitor = new pg.Client({ connectionString: monitorUrl.toString(), application_name: 'marshal-bench-probe' });
  }

  async connect(): Promise<void> {
    await this.monitor.connect();
  }

  private async backendPids(): Promise<number[]> {
    const { rows } = await this.monitor.query<{ pid: number }>(
      "SELECT pid FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend'",
      [this.databaseName],
    );
    return rows.map((r) => r.pid);
  }

  private async stats(): Promise<DatabaseStats> {
    const client = new pg.Client({ connectionString: this.url });
    await client.connect();
    let db: { xact_commit: string; xact_rollback: string };
    let rows: { name: string; ins: string; upd: string; del: string }[];
    try {
      [db] = (
        await client.query<{ xact_commit: string; xact_rollback: string }>(
          'SELECT xact_commit, xact_rollback FROM pg_stat_database WHERE datname = current_database()',
        )
      ).rows;
      ({ rows } = await client.query<{ name: string; ins: string; upd: string; del: string }>(
        "SELECT schemaname || '.' || relname AS name, n_tup_ins AS ins, n_tup_upd AS upd, n_tup_del AS del FROM pg_stat_user_tables",
      ));
    } finally {
      await client.end();
    }
    return {
      commits: Number(db.xact_commit),
      rollbacks: Number(db.xact_rollback),
      tables: Object.fromEntries(rows.map((r) => [r.name, { ins: Number(r.ins), upd: Number(r.upd), del: Number(r.del) }])),
    };
  }

  /** Call once the run's connections are open (after the warm-up), right before the run. */
  async start(): Promise<void> {
    await sleep(11_000); // every backend has reported what it did so far
    this.statsStart = await this.stats();
    this.backendCpuStart = new Map();
    for (const pid of await this.backendPids()) {
      const cpu = processCpuMs(pid);
      if (cpu !== undefined) this.backendCpuStart.set(pid, cpu);
    }
    this.samples = 0;
    this.states.clear();
    this.timer = setInterval(() => {
      if (this.sampling) return;
      this.sampling = this.sample().finally(() => (this.sampling = undefined));
    }, 100);
  }

  private async sample(): Promise<void> {
    const { rows } = await this.monitor.query<{ state: string; n: string }>(
      `SELECT CASE WHEN state = 'active' THEN 'active: ' || coalesce(wait_event_type || ':' || wait_event, 'on CPU') ELSE coalesce(state, 'unknown') END AS state,
              count(*) AS n
         FROM pg_stat_activity
        WHERE datname = $1 AND backend_type = 'client backend'
        GROUP BY 1`,
      [this.databaseName],
    );
    this.samples++;
    for (const row of rows) this.states.set(row.state, (this.states.get(row.state) ?? 0) + Number(row.n));
  }

  /** Call when the run's last job completed, before its connections close. */
  async stopSampling(): Promise<void> {
    clearInterval(this.timer);
    await this.sampling;
    let backendCpuMs: number | null = 0;
    const pids = await this.backendPids();
    for (const pid of pids) {
      const cpu = processCpuMs(pid);
      if (cpu === undefined) {
        backendCpuMs = null;
        break;
      }
      backendCpuMs += cpu - (this.backendCpuStart.get(pid) ?? 0);
    }
    this.live = { backends: pids.length, backendCpuMs };
  }

  /** Call once the run's connections closed: what the run cost the database, per job. */
  async finish(jobCount: number): Promise<ProbeResult> {
    await sleep(1000); // exiting backends report their statistics
    const end = await this.stats();
    const start = this.statsStart!;
    const perJob = (n: number) => round2(n / jobCount);
    const tables = Object.entries(end.tables)
      .map(([name, t]) => {
        const s = start.tables[name] ?? { ins: 0, upd: 0, del: 0 };
        return { name, ins: t.ins - s.ins, upd: t.upd - s.upd, del: t.del - s.del };
      })
      .filter((t) => t.ins + t.upd + t.del > 0)
      .sort((a, b) => b.ins + b.upd + b.del - (a.ins + a.upd + a.del))
      .map((t) => ({ table: t.name, insertsPerJob: perJob(t.ins), updatesPerJob: perJob(t.upd), deletesPerJob: perJob(t.del) }));
    const waitStates = Object.fromEntries(
      [...this.states.entries()].sort((a, b) => b[1] - a[1]).map(([state, n]) => [state, round2(n / Math.max(this.samples, 1))]),
    );
    return {
      backends: this.live?.backends ?? 0,
      backendCpuMsPerJob: this.live?.backendCpuMs == null ? null : perJob(this.live.backendCpuMs),
      // Less the two queries of the starting snapshot.
      commitsPerJob: perJob(end.commits - start.commits - 2),
      rollbacks: end.rollbacks - start.rollbacks,
      tables,
      waitStates,
      samples: this.samples,
    };
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.sampling;
    if (this.closed) return;
    this.closed = true;
    await this.monitor.end();
  }
}

interface DatabaseStats {
  commits: number;
  rollbacks: number;
  tables: Record<string, { ins: number; upd: number; del: number }>;
}

interface ProbeResult {
  backends: number;
  /** CPU of the run's PostgreSQL backends per job (null when their processes are not visible here). */
  backendCpuMsPerJob: number | null;
  commitsPerJob: number;
  rollbacks: number;
  tables: { table: string; insertsPerJob: number; updatesPerJob: number; deletesPerJob: number }[];
  /** Average number of the run's backends in each state (active: waiting on what, or idle in transaction). */
  waitStates: Record<string, number>;
  samples: number;
}

// ---------------------------------------------------------------------------------------------
// A run: submitters and workers in parallel, bookkeeping of every claim.

interface Ledger {
  submitted: Set<string>;
  /** Job id → how many times a worker was handed it. */
  claims: Map<string, number>;
  completed: Set<string>;
}

interface RunOutcome {
  elapsedMs: number;
  latencies: Record<string, number[]>;
  emptyClaims: number;
  ledger: Ledger;
}

interface Verdict {
  doubleClaims: number;
  notCompleted: number;
  unknownClaims: number;
  databaseProblems: string[];
}

function checkLedger(ledger: Ledger, expected: number): Omit<Verdict, 'databaseProblems'> & { problems: string[] } {
  const problems: string[] = [];
  const doubled = [...ledger.claims.entries()].filter(([, n]) => n > 1);
  if (doubled.length)
    problems.push(
      `${doubled.length} job(s) claimed more than once, e.g. ${doubled
        .slice(0, 3)
        .map(([id, n]) => `${id} ×${n}`)
        .join(', ')}`,
    );
  if (ledger.submitted.size !== expected) problems.push(`${ledger.submitted.size} jobs submitted, expected ${expected}`);
  const notCompleted = [...ledger.submitted].filter((id) => !ledger.completed.has(id));
  if (notCompleted.length) problems.push(`${notCompleted.length} job(s) not completed, e.g. ${notCompleted.slice(0, 3).join(', ')}`);
  const unknown = [...ledger.claims.keys()].filter((id) => !ledger.submitted.has(id));
  if (unknown.length) problems.push(`${unknown.length} claim(s) of jobs this run did not submit, e.g. ${unknown.slice(0, 3).join(', ')}`);
  return { doubleClaims: doubled.length, notCompleted: notCompleted.length, unknownClaims: unknown.length, problems };
}

/**
 * Runs `submitters` submit loops and `workers` work loops until `count` jobs are completed, the
 * time limit passes or a loop fails. Every loop's failure ends the run.
 */
async function drive(
  count: number,
  loops: {
    /** Submits jobs `first` … `first + n - 1` (one request for them all): answers their ids. */
    submit: (first: number, n: number, latencies: Record<string, number[]>) => Promise<string[]>;
    /** One claim → complete cycle for worker `w`: answers the completed job ids (none: nothing was claimed). */
    work: (w: number, ledger: Ledger, latencies: Record<string, number[]>) => Promise<string[]>;
    /** Ends pending claims once the run is over. */
    hangUp: () => void;
  },
): Promise<RunOutcome> {
  const ledger: Ledger = { submitted: new Set(), claims: new Map(), completed: new Set() };
  const latencies: Record<string, number[]> = {};
  let next = 0;
  let emptyClaims = 0;
  let stopped = false;
  let failure: Error | undefined;
  let end = 0;
  const stop = (error?: unknown) => {
    if (error !== undefined && failure === undefined && !stopped)
      failure = error instanceof Error ? error : new Error('a loop failed', { cause: error });
    if (stopped) return;
    stopped = true;
    loops.hangUp();
  };
  const timer = setTimeout(
    () => stop(new Error(`the run did not finish within ${settings.timeoutSeconds} s (BENCH_TIMEOUT)`)),
    settings.timeoutSeconds * 1000,
  );

  const submitter = async () => {
    while (!stopped && next < count) {
      const first = next;
      const n = Math.min(settings.submitBatch, count - first);
      next += n;
      for (const id of await loops.submit(first, n, latencies)) ledger.submitted.add(id);
    }
  };
  const worker = async (w: number) => {
    while (!stopped && ledger.completed.size < count) {
      const ids = await loops.work(w, ledger, latencies);
      if (ids.length === 0) {
        emptyClaims++;
        continue;
      }
      for (const id of ids) ledger.completed.add(id);
      if (ledger.completed.size >= count) {
        end = performance.now();
        stop();
      }
    }
  };
  const guard = (loop: Promise<void>) => loop.catch((error: unknown) => (stopped ? undefined : stop(error)));

  const start = performance.now();
  await Promise.all([
    ...Array.from({ length: settings.submitters }, () => guard(submitter())),
    ...Array.from({ length: settings.agents }, (_, w) => guard(worker(w))),
  ]);
  clearTimeout(timer);
  if (failure !== undefined) throw failure;
  return { elapsedMs: end - start, latencies, emptyClaims, ledger };
}

function record(latencies: Record<string, number[]>, name: string, since: number): void {
  (latencies[name] ??= []).push(performance.now() - since);
}

function countClaim(ledger: Ledger, id: string): void {
  ledger.claims.set(id, (ledger.claims.get(id) ?? 0) + 1);
}

/** One job at a time through one worker: each call's own latency, with nothing to queue behind. */
async function serial(
  count: number,
  step: (i: number, latencies: Record<string, number[]>) => Promise<void>,
): Promise<Record<string, LatencySummary>> {
  const latencies: Record<string, number[]> = {};
  for (let i = 0; i < count; i++) await step(i, latencies);
  return Object.fromEntries(Object.entries(latencies).map(([k, v]) => [k, summarise(v)]));
}

// ---------------------------------------------------------------------------------------------
// Marshal over HTTP.

interface Envelope<T> {
  success: boolean;
  data: T;
  error: { code: string; message: string } | null;
}

interface BenchAgent {
  id: string;
  secret: string;
}

interface ClaimData {
  claims: { job: { id: string }; lease: { id: string; attempt: number } }[];
}

function unexpected(what: string, reply: Reply): Error {
  return new Error(`${what} answered ${reply.status}: ${reply.text.slice(0, 500)}`);
}

/** The calls of the protocol every phase makes, each failing the run on an unexpected answer. */
const api = {
  /** POST /jobs of one bench job: its id. */
  async submit(client: Client, token: string, key: string, payload: Record<string, unknown>): Promise<string> {
    const reply = await client.request(
      'POST',
      '/api/v1/jobs',
      { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
      JSON.stringify({ type: JOB_TYPE, payload }),
    );
    if (reply.status !== 201) throw unexpected('POST /jobs', reply);
    return (JSON.parse(reply.text) as Envelope<{ id: string }>).data.id;
  },
  /** POST /jobs/batch: the ids, in order (a job refused fails the run). */
  async submitBatch(client: Client, token: string, jobs: { key: string; payload: Record<string, unknown> }[]): Promise<string[]> {
    const body = { jobs: jobs.map((j) => ({ idempotencyKey: j.key, type: JOB_TYPE, payload: j.payload })) };
    const reply = await client.request(
      'POST',
      '/api/v1/jobs/batch',
      { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      JSON.stringify(body),
    );
    if (reply.status !== 200) throw unexpected('POST /jobs/batch', reply);
    const results = (JSON.parse(reply.text) as Envelope<{ results: { job: { id: string } | null }[] }>).data.results;
    if (results.some((r) => !r.job)) throw unexpected('POST /jobs/batch (a job refused)', reply);
    return results.map((r) => r.job!.id);
  },
  /** Completes one claimed job as succeeded (POST …/jobs/{jobId}/complete). */
  async complete(client: Client, agent: BenchAgent, { job, lease }: ClaimData['claims'][number]): Promise<void> {
    const reply = await client.request(
      'POST',
      `/api/v1/agents/${agent.id}/jobs/${job.id}/complete`,
      { 'x-agent-secret': agent.secret, 'content-type': 'application/json' },
      JSON.stringify({ leaseId: lease.id, status: 'succeeded' }),
    );
    if (reply.status !== 204) throw unexpected('POST /agents/{id}/jobs/{jobId}/complete', reply);
  },
  /** Completes claimed jobs as succeeded in one request (POST …/jobs/complete); each must be recorded. */
  async completeBatch(client: Client, agent: BenchAgent, claims: ClaimData['claims']): Promise<void> {
    const completions = claims.map(({ job, lease }) => ({ jobId: job.id, leaseId: lease.id, status: 'succeeded' }));
    const reply = await client.request(
      'POST',
      `/api/v1/agents/${agent.id}/jobs/complete`,
      { 'x-agent-secret': agent.secret, 'content-type': 'application/json' },
      JSON.stringify({ completions }),
    );
    if (reply.status !== 200) throw unexpected('POST /agents/{id}/jobs/complete', reply);
    const results = (JSON.parse(reply.text) as Envelope<{ results: { recorded: boolean }[] }>).data.results;
    if (results.some((r) => !r.recorded)) throw unexpected('POST /agents/{id}/jobs/complete (an item not recorded)', reply);
  },
};

async function runMarshal(baseUrl: string, token: string, agents: BenchAgent[], count: number, tag: string): Promise<RunOutcome> {
  const client = new Client(baseUrl, settings.agents + settings.submitters + 2);
  const agentHeaders = agents.map((a) => ({ 'x-agent-secret': a.secret, 'content-type': 'application/json' }));
  const claimPaths = agents.map((a) => `/api/v1/agents/${a.id}/jobs/claim?wait=${CLAIM_WAIT_SECONDS}&max=${settings.claimMax}`);
  try {
    return await drive(count, {
      submit: async (first, n, latencies) => {
        const t = performance.now();
        if (n === 1) {
          const id = await api.submit(client, token, `${tag}-${first}`, { i: first });
          record(latencies, 'submit', t);
          return [id];
        }
        const jobs = Array.from({ length: n }, (_, k) => ({ key: `${tag}-${first + k}`, payload: { i: first + k } }));
        const ids = await api.submitBatch(client, token, jobs);
        record(latencies, 'submit (batch)', t);
        return ids;
      },
      work: async (w, ledger, latencies) => {
        let t = performance.now();
        const claim = await client.request('POST', claimPaths[w], agentHeaders[w]);
        if (claim.status === 204) {
          record(latencies, 'claim (none within wait)', t);
          return [];
        }
        record(latencies, 'claim', t);
        if (claim.status !== 200) throw unexpected('POST /agents/{id}/jobs/claim', claim);
        const claims = (JSON.parse(claim.text) as Envelope<ClaimData>).data.claims;
        if (claims.length < 1 || claims.length > settings.claimMax)
          throw new Error(`a claim with max=${settings.claimMax} answered ${claims.length} jobs`);
        for (const { job } of claims) countClaim(ledger, job.id);
        t = performance.now();
        if (settings.claimMax === 1) {
          await api.complete(client, agents[w], claims[0]);
          record(latencies, 'complete', t);
        } else {
          await api.completeBatch(client, agents[w], claims);
          record(latencies, 'complete (batch)', t);
        }
        return claims.map((c) => c.job.id);
      },
      hangUp: () => client.hangUp(),
    });
  } finally {
    client.close();
  }
}

/** Submit, claim (wait=0) and complete one job at a time, with one agent: each call's latency alone. */
async function serialMarshal(
  baseUrl: string,
  token: string,
  agent: BenchAgent,
  tag: string,
  submittedIds: Set<string>,
): Promise<Record<string, LatencySummary>> {
  const client = new Client(baseUrl, 1);
  const agentHeaders = { 'x-agent-secret': agent.secret, 'content-type': 'application/json' };
  try {
    return await serial(settings.serialJobs, async (i, latencies) => {
      let t = performance.now();
      const id = await api.submit(client, token, `${tag}-${i}`, { i });
      record(latencies, 'submit', t);
      submittedIds.add(id);
      t = performance.now();
      const claim = await client.request('POST', `/api/v1/agents/${agent.id}/jobs/claim?wait=0&max=1`, agentHeaders);
      record(latencies, 'claim', t);
      if (claim.status !== 200) throw unexpected('POST /agents/{id}/jobs/claim', claim);
      const [claimed] = (JSON.parse(claim.text) as Envelope<ClaimData>).data.claims;
      if (claimed.job.id !== id) throw new Error(`serial run: claimed ${claimed.job.id}, expected the job just submitted, ${id}`);
      t = performance.now();
      await api.complete(client, agent, claimed);
      record(latencies, 'complete', t);
    });
  } finally {
    client.close();
  }
}

/**
 * Wake-ups, with every agent long-polling (wait=20) and nothing else running: one job submitted at a
 * time, timed from its submit's answer to the answer of the claim that took it (the claim may answer
 * first: then 0). The floor, on the same database in the same run: a plain pg client commits an
 * INSERT with a NOTIFY; a LISTENing client that hears it takes the row (one UPDATE, as a claim
 * does), timed from the COMMIT's answer to the UPDATE's.
 */
async function wakeUps(
  baseUrl: string,
  databaseUrl: string,
  token: string,
  agents: BenchAgent[],
  tag: string,
  submittedIds: Set<string>,
): Promise<Record<string, LatencySummary>> {
  if (settings.wakeUps === 0) return {};
  const client = new Client(baseUrl, agents.length + 2);
  const taken = new Map<string, (at: number) => void>();
  const early = new Map<string, number>();
  let stopped = false;
  const poll = async (agent: BenchAgent) => {
    const headers = { 'x-agent-secret': agent.secret, 'content-type': 'application/json' };
    while (!stopped) {
      const reply = await client.request('POST', `/api/v1/agents/${agent.id}/jobs/claim?wait=20&max=1`, headers).catch(() => null);
      const at = performance.now();
      if (!reply || reply.status === 204) continue;
      if (reply.status !== 200) throw unexpected('wake-up claim', reply);
      const [claimed] = (JSON.parse(reply.text) as Envelope<ClaimData>).data.claims;
      const heard = taken.get(claimed.job.id);
      if (heard) heard(at);
      else early.set(claimed.job.id, at);
      await api.complete(client, agent, claimed);
    }
  };
  const latencies: number[] = [];
  const polls = agents.map((a) => poll(a));
  try {
    await sleep(500); // every agent waiting
    for (let i = 0; i < settings.wakeUps; i++) {
      const id = await api.submit(client, token, `${tag}-${i}`, { wake: i });
      const answered = performance.now();
      submittedIds.add(id);
      const claimedAt = early.get(id) ?? (await new Promise<number>((resolve) => taken.set(id, resolve)));
      latencies.push(Math.max(0, claimedAt - answered));
      await sleep(20);
    }
  } finally {
    stopped = true;
    client.hangUp();
    await Promise.allSettled(polls);
    client.close();
  }
  return { 'wake-up: submit answered → claim answered': summarise(latencies), ...(await notifyFloor(databaseUrl)) };
}

async function notifyFloor(databaseUrl: string): Promise<Record<string, LatencySummary>> {
  const listener = new pg.Client({ connectionString: databaseUrl });
  const writer = new pg.Client({ connectionString: databaseUrl });
  await listener.connect();
  await writer.connect();
  const channel = `bench_wake_${randomBytes(4).toString('hex')}`;
  const heard = new Map<string, (at: number) => void>();
  listener.on('notification', (n) => {
    const payload = n.payload ?? '';
    void listener
      .query(`UPDATE ${channel} SET taken = true WHERE i = $1 AND NOT taken RETURNING i`, [Number(payload)])
      .then(() => heard.get(payload)?.(performance.now()));
  });
  const latencies: number[] = [];
  try {
    await writer.query(`CREATE TABLE ${channel} (i int PRIMARY KEY, taken boolean NOT NULL DEFAULT false)`);
    await listener.query(`LISTEN ${channel}`);
    for (let i = 0; i < settings.wakeUps; i++) {
      const got = new Promise<number>((resolve) => heard.set(String(i), resolve));
      await writer.query('BEGIN');
      await writer.query(`INSERT INTO ${channel} VALUES ($1)`, [i]);
      await writer.query('SELECT pg_notify($1, $2)', [channel, String(i)]);
      await writer.query('COMMIT');
      const committed = performance.now();
      latencies.push(Math.max(0, (await got) - committed));
      await sleep(20);
    }
  } finally {
    await writer.query(`DROP TABLE IF EXISTS ${channel}`).catch(() => undefined);
    await listener.end();
    await writer.end();
  }
  return { 'wake-up floor: COMMIT → NOTIFY → UPDATE (pg)': summarise(latencies) };
}

/** Every bench job in Marshal's database must have succeeded at its first attempt. */
async function verifyMarshalDatabase(url: string, ids: Set<string>): Promise<string[]> {
  const rows = await query<{ id: string; status: string; attempts: number }>(url, 'SELECT id, status, attempts FROM jobs WHERE type = $1', [
    JOB_TYPE,
  ]);
  const problems: string[] = [];
  const bad = rows.filter((r) => r.status !== 'succeeded' || r.attempts !== 1);
  if (bad.length)
    problems.push(
      `${bad.length} job(s) not succeeded at attempt 1, e.g. ${bad
        .slice(0, 3)
        .map((r) => `${r.id} ${r.status}/${r.attempts}`)
        .join(', ')}`,
    );
  const stored = new Set(rows.map((r) => r.id));
  const missing = [...ids].filter((id) => !stored.has(id));
  if (missing.length) problems.push(`${missing.length} submitted job(s) missing from the database`);
  if (rows.length !== ids.size) problems.push(`${rows.length} bench jobs in the database, ${ids.size} submitted`);
  return problems;
}

// ---------------------------------------------------------------------------------------------
// pg-boss in this process, on the same database.

async function runPgBoss(boss: PgBoss, queue: string, count: number): Promise<RunOutcome> {
  let stopped = false;
  return drive(count, {
    submit: async (first, n, latencies) => {
      const t = performance.now();
      if (n === 1) {
        const id = await boss.send(queue, { i: first });
        record(latencies, 'send', t);
        if (!id) throw new Error('pg-boss send answered no id');
        return [id];
      }
      const ids = await boss.insert(
        queue,
        Array.from({ length: n }, (_, k) => ({ data: { i: first + k } })),
        { returnId: true },
      );
      record(latencies, 'insert (batch)', t);
      if (!ids || ids.length !== n) throw new Error(`pg-boss insert of ${n} answered ${ids?.length ?? 'no'} ids`);
      return ids;
    },
    work: async (_w, ledger, latencies) => {
      let t = performance.now();
      const fetched = await boss.fetch<{ i: number }>(queue, { batchSize: settings.claimMax });
      if (fetched.length === 0) {
        record(latencies, 'fetch (empty)', t);
        if (!stopped) await sleep(settings.pgbossPollMs);
        return [];
      }
      record(latencies, 'fetch', t);
      if (fetched.length > settings.claimMax)
        throw new Error(`a fetch with batchSize ${settings.claimMax} answered ${fetched.length} jobs`);
      for (const job of fetched) countClaim(ledger, job.id);
      t = performance.now();
      const ids = fetched.map((j) => j.id);
      await boss.complete(queue, ids.length === 1 ? ids[0] : ids);
      record(latencies, ids.length === 1 ? 'complete' : 'complete (batch)', t);
      return ids;
    },
    hangUp: () => (stopped = true),
  });
}

async function verifyPgBossDatabase(url: string, queue: string, ids: Set<string>): Promise<string[]> {
  const rows = await query<{ id: string; state: string; retry_count: number }>(
    url,
    `SELECT id, state, retry_count FROM ${PGBOSS_SCHEMA}.job WHERE name = $1`,
    [queue],
  );
  const problems: string[] = [];
  const bad = rows.filter((r) => r.state !== 'completed' || r.retry_count !== 0);
  if (bad.length)
    problems.push(
      `${bad.length} pg-boss job(s) not completed at the first try, e.g. ${bad
        .slice(0, 3)
        .map((r) => `${r.id} ${r.state}/${r.retry_count}`)
        .join(', ')}`,
    );
  const stored = new Set(rows.map((r) => r.id));
  const missing = [...ids].filter((id) => !stored.has(id));
  if (missing.length) problems.push(`${missing.length} sent pg-boss job(s) missing from the database`);
  if (rows.length !== ids.size) problems.push(`${rows.length} pg-boss jobs in the database, ${ids.size} sent`);
  return problems;
}

// ---------------------------------------------------------------------------------------------

interface SideResult {
  target: string;
  jobs: number;
  elapsedMs: number;
  jobsPerSecond: number;
  latenciesMs: Record<string, LatencySummary>;
  emptyClaims: number;
  doubleClaims: number;
  notCompleted: number;
  unknownClaims: number;
  problems: string[];
  cpuMsPerJob: Record<string, number | null>;
  database: ProbeResult;
  /** Each call's latency when one worker pushes one job at a time (BENCH_SERIAL_JOBS). */
  serialLatenciesMs: Record<string, LatencySummary>;
  /** Marshal only: what each call sends to PostgreSQL, one at a time (BENCH_CENSUS_JOBS). */
  census?: CensusLine[];
}

function sideResult(
  target: string,
  outcome: RunOutcome,
  verdict: ReturnType<typeof checkLedger>,
  databaseProblems: string[],
  cpuMsPerJob: Record<string, number | null>,
  database: ProbeResult,
  serialLatenciesMs: Record<string, LatencySummary>,
  census?: CensusLine[],
): SideResult {
  return {
    target,
    jobs: settings.jobs,
    elapsedMs: round2(outcome.elapsedMs),
    jobsPerSecond: round2(settings.jobs / (outcome.elapsedMs / 1000)),
    latenciesMs: Object.fromEntries(Object.entries(outcome.latencies).map(([k, v]) => [k, summarise(v)])),
    emptyClaims: outcome.emptyClaims,
    doubleClaims: verdict.doubleClaims,
    notCompleted: verdict.notCompleted,
    unknownClaims: verdict.unknownClaims,
    problems: [...verdict.problems, ...databaseProblems],
    cpuMsPerJob,
    database,
    serialLatenciesMs,
    census,
  };
}

function perJobCpu(before: number | undefined, after: number | undefined): number | null {
  return before === undefined || after === undefined ? null : round2((after - before) / settings.jobs);
}

interface CensusLine {
  call: string;
  /** Statements sent (simple queries and executions of prepared ones) per job. */
  statementsPerJob: number;
  /** Transactions committed per job: each COMMIT, and each statement outside a transaction. */
  commitsPerJob: number;
}

/**
 * The statement census: a second server, on the same database behind a counting proxy (support.ts),
 * pushes BENCH_CENSUS_JOBS jobs one at a time: submit, claim (max=1, wait=0), complete; then the same
 * number again, ten per batched submission, per claim and per batched completion. Background work (sweepers, the hub's
 * listener) runs meanwhile and is counted too: a few statements over the whole census.
 */
async function jobsCensus(
  databaseUrl: string,
  env: Record<string, string>,
  logDir: string,
  agent: BenchAgent,
  tag: string,
  submittedIds: Set<string>,
): Promise<CensusLine[]> {
  if (settings.censusJobs === 0) return [];
  const counter = await countStatements(databaseUrl);
  const child = await startMarshal('marshal (census)', { ...env, DATABASE_URL: counter.url }, logDir);
  const client = new Client(child.baseUrl, 1);
  const totals = new Map<string, { statements: number; commits: number; jobs: number }>();
  const counted = async <T>(call: string, jobs: number, send: () => Promise<T>): Promise<T> => {
    const [before, committed] = [counter.statements(), counter.commits()];
    const value = await send();
    const statements = counter.statements() - before;
    const commits = counter.commits() - committed;
    const total = totals.get(call) ?? { statements: 0, commits: 0, jobs: 0 };
    totals.set(call, { statements: total.statements + statements, commits: total.commits + commits, jobs: total.jobs + jobs });
    return value;
  };
  const agentHeaders = { 'x-agent-secret': agent.secret, 'content-type': 'application/json' };
  try {
    const login = await json<Envelope<{ accessToken: string }>>(client, 'POST', '/api/v1/auth/login', {}, ADMIN);
    const token = login.body.data.accessToken;
    let n = 0;
    const submit = async () => void submittedIds.add(await api.submit(client, token, `${tag}-${n}`, { n: n++ }));
    const claim = async (max: number) => {
      const reply = await client.request('POST', `/api/v1/agents/${agent.id}/jobs/claim?wait=0&max=${max}`, agentHeaders);
      if (reply.status !== 200) throw unexpected('census claim', reply);
      const claims = (JSON.parse(reply.text) as Envelope<ClaimData>).data.claims;
      if (claims.length !== max) throw new Error(`census: a claim with max=${max} answered ${claims.length} jobs`);
      return claims;
    };
    // Warm-up: caches filled, statements prepared.
    for (let i = 0; i < 5; i++) {
      await submit();
      await api.complete(client, agent, (await claim(1))[0]);
    }
    totals.clear();
    for (let i = 0; i < settings.censusJobs; i++) {
      await counted('submit (POST /jobs)', 1, submit);
      const [claimed] = await counted('claim max=1', 1, () => claim(1));
      await counted('complete (one job)', 1, () => api.complete(client, agent, claimed));
    }
    const BATCH = 10;
    for (let i = 0; i < Math.ceil(settings.censusJobs / BATCH); i++) {
      await counted(`submit (batch of ${BATCH})`, BATCH, async () => {
        const jobs = Array.from({ length: BATCH }, () => ({ key: `${tag}-${n}`, payload: { n: n++ } }));
        for (const id of await api.submitBatch(client, token, jobs)) submittedIds.add(id);
      });
      const claims = await counted(`claim max=${BATCH}`, BATCH, () => claim(BATCH));
      await counted(`complete (batch of ${BATCH})`, BATCH, () => api.completeBatch(client, agent, claims));
    }
  } finally {
    client.close();
    await child.stop();
  }
  return [...totals].map(([call, t]) => ({
    call,
    statementsPerJob: round2(t.statements / t.jobs),
    commitsPerJob: round2(t.commits / t.jobs),
  }));
}

const databaseName = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));

async function benchMarshal(database: { url: string }, logDir: string): Promise<SideResult> {
  const env = marshalEnv({
    databaseUrl: database.url,
    admin: ADMIN,
    logLevel: settings.logLevel,
    extra: { DATABASE_POOL_SIZE: String(settings.poolSize) },
  });
  const marshal = await startMarshal(`marshal (LOG_LEVEL=${settings.logLevel})`, env, logDir);
  try {
    const setup = new Client(marshal.baseUrl, 4);
    let token: string;
    const agents: BenchAgent[] = [];
    try {
      const login = await json<Envelope<{ accessToken: string } | null>>(setup, 'POST', '/api/v1/auth/login', {}, ADMIN);
      if (login.status !== 200 || !login.body.data) throw new Error(`login answered ${login.status}: ${JSON.stringify(login.body)}`);
      token = login.body.data.accessToken;
      for (let i = 1; i <= settings.agents; i++) {
        const minted = await json<Envelope<{ agent: { id: string }; agentSecret: string } | null>>(
          setup,
          'POST',
          '/api/v1/agents',
          { authorization: `Bearer ${token}` },
          { name: `bench-agent-${i}`, capabilities: [JOB_TYPE] },
        );
        if (minted.status !== 201 || !minted.body.data)
          throw new Error(`minting an agent answered ${minted.status}: ${JSON.stringify(minted.body)}`);
        agents.push({ id: minted.body.data.agent.id, secret: minted.body.data.agentSecret });
      }
    } finally {
      setup.close();
    }

    const submittedIds = new Set<string>();
    const tag = `bench-${randomBytes(4).toString('hex')}`;
    if (settings.warmupJobs > 0) {
      const warm = await runMarshal(marshal.baseUrl, token, agents, settings.warmupJobs, `${tag}-warmup`);
      const verdict = checkLedger(warm.ledger, settings.warmupJobs);
      if (verdict.problems.length) throw new Error(`Marshal warm-up: ${verdict.problems.join('; ')}`);
      for (const id of warm.ledger.submitted) submittedIds.add(id);
    }
    const serialLatencies = {
      ...(await serialMarshal(marshal.baseUrl, token, agents[0], `${tag}-serial`, submittedIds)),
      ...(await wakeUps(marshal.baseUrl, database.url, token, agents, `${tag}-wake`, submittedIds)),
    };

    const probe = new DatabaseProbe(database.url, databaseName(database.url));
    await probe.connect();
    cleanups.push(() => probe.close());
    await probe.start();
    const serverCpu = processCpuMs(marshal.pid);
    const clientCpu = process.cpuUsage();
    const outcome = await runMarshal(marshal.baseUrl, token, agents, settings.jobs, tag);
    const clientCpuUsed = process.cpuUsage(clientCpu);
    const serverCpuAfter = processCpuMs(marshal.pid);
    await probe.stopSampling();
    await marshal.stop();
    const probed = await probe.finish(settings.jobs);
    await probe.close();

    const census = await jobsCensus(database.url, env, logDir, agents[0], `${tag}-census`, submittedIds);
    const verdict = checkLedger(outcome.ledger, settings.jobs);
    for (const id of outcome.ledger.submitted) submittedIds.add(id);
    const databaseProblems = await verifyMarshalDatabase(database.url, submittedIds);
    return sideResult(
      `marshal (HTTP, submit ${settings.submitBatch} per request, claim max=${settings.claimMax}${settings.claimMax > 1 ? ', batched completion' : ''})`,
      outcome,
      verdict,
      databaseProblems,
      {
        'marshal server': perJobCpu(serverCpu, serverCpuAfter),
        'bench client': round2((clientCpuUsed.user + clientCpuUsed.system) / 1000 / settings.jobs),
        'postgres backends': probed.backendCpuMsPerJob,
      },
      probed,
      serialLatencies,
      census,
    );
  } finally {
    await marshal.stop();
  }
}

async function benchPgBoss(database: { url: string }): Promise<SideResult> {
  const boss = new PgBoss({
    connectionString: database.url,
    schema: PGBOSS_SCHEMA,
    max: settings.poolSize,
    application_name: 'marshal-bench-pgboss',
  });
  const errors: unknown[] = [];
  boss.on('error', (error: unknown) => errors.push(error));
  await boss.start();
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await boss.stop({ graceful: true, timeout: 5_000 });
  };
  cleanups.push(stop);
  try {
    const queue = JOB_TYPE;
    await boss.createQueue(queue);
    const sentIds = new Set<string>();
    if (settings.warmupJobs > 0) {
      const warm = await runPgBoss(boss, queue, settings.warmupJobs);
      const verdict = checkLedger(warm.ledger, settings.warmupJobs);
      if (verdict.problems.length) throw new Error(`pg-boss warm-up: ${verdict.problems.join('; ')}`);
      for (const id of warm.ledger.submitted) sentIds.add(id);
    }
    const serialLatencies = await serial(settings.serialJobs, async (i, latencies) => {
      let t = performance.now();
      const id = await boss.send(queue, { i });
      record(latencies, 'send', t);
      if (!id) throw new Error('pg-boss send answered no id');
      sentIds.add(id);
      t = performance.now();
      const fetched = await boss.fetch(queue, { batchSize: 1 });
      record(latencies, 'fetch', t);
      if (fetched.length !== 1 || fetched[0].id !== id)
        throw new Error(`serial run: fetched ${fetched.map((j) => j.id).join(', ') || 'nothing'}, expected ${id}`);
      t = performance.now();
      await boss.complete(queue, id);
      record(latencies, 'complete', t);
    });

    const probe = new DatabaseProbe(database.url, databaseName(database.url));
    await probe.connect();
    cleanups.push(() => probe.close());
    await probe.start();
    const ownCpu = process.cpuUsage();
    const outcome = await runPgBoss(boss, queue, settings.jobs);
    const ownCpuUsed = process.cpuUsage(ownCpu);
    await probe.stopSampling();
    await stop();
    const probed = await probe.finish(settings.jobs);
    await probe.close();

    const verdict = checkLedger(outcome.ledger, settings.jobs);
    for (const id of outcome.ledger.submitted) sentIds.add(id);
    const databaseProblems = await verifyPgBossDatabase(database.url, queue, sentIds);
    if (errors.length) databaseProblems.push(`pg-boss reported ${errors.length} error(s): ${(errors[0] as Error).message}`);
    return sideResult(
      `pg-boss (in process, ${settings.submitBatch > 1 ? `insert ${settings.submitBatch}` : 'send'}, fetch batch ${settings.claimMax})`,
      outcome,
      verdict,
      databaseProblems,
      {
        'pg-boss + bench (one process)': round2((ownCpuUsed.user + ownCpuUsed.system) / 1000 / settings.jobs),
        'postgres backends': probed.backendCpuMsPerJob,
      },
      probed,
      serialLatencies,
    );
  } finally {
    await stop();
  }
}

const fmt = (n: number | null | undefined, digits = 1) => (n === null || n === undefined || Number.isNaN(n) ? '-' : n.toFixed(digits));

function printReport(ours: SideResult, boss: SideResult): void {
  const claim = ours.latenciesMs.claim;
  const fetched = boss.latenciesMs.fetch;
  const rows: [string, string, string][] = [
    ['jobs/s', fmt(ours.jobsPerSecond, 0), fmt(boss.jobsPerSecond, 0)],
    ['elapsed s (first submit → last completion)', fmt(ours.elapsedMs / 1000, 2), fmt(boss.elapsedMs / 1000, 2)],
    ['claim / fetch p50 ms (a job handed out)', fmt(claim?.p50), fmt(fetched?.p50)],
    ['claim / fetch p99 ms', fmt(claim?.p99), fmt(fetched?.p99)],
    ['empty claims / fetches', String(ours.emptyClaims), String(boss.emptyClaims)],
    ['double claims', String(ours.doubleClaims), String(boss.doubleClaims)],
    ['jobs not completed', String(ours.notCompleted), String(boss.notCompleted)],
  ];
  console.log(`\n${''.padEnd(46)}${'marshal'.padStart(12)}${'pg-boss'.padStart(12)}`);
  for (const [label, a, b] of rows) console.log(`${label.padEnd(46)}${a.padStart(12)}${b.padStart(12)}`);
  console.log(`${'ratio marshal ÷ pg-boss (jobs/s)'.padEnd(46)}${fmt(ours.jobsPerSecond / boss.jobsPerSecond, 2).padStart(12)}`);

  for (const side of [ours, boss]) {
    console.log(`\n${side.target}: latency per call, ms`);
    console.log(
      `  ${'call'.padEnd(36)}${'count'.padStart(8)}${'p50'.padStart(9)}${'p90'.padStart(9)}${'p99'.padStart(9)}${'max'.padStart(9)}`,
    );
    const lines = [
      ...Object.entries(side.latenciesMs).map(([name, s]) => [`${name}`, s] as const),
      ...Object.entries(side.serialLatenciesMs).map(([name, s]) => [`${name} (alone, one job at a time)`, s] as const),
    ];
    for (const [name, s] of lines) {
      console.log(
        `  ${name.padEnd(36)}${String(s.count).padStart(8)}${fmt(s.p50).padStart(9)}${fmt(s.p90).padStart(9)}${fmt(s.p99).padStart(9)}${fmt(s.max).padStart(9)}`,
      );
    }
    console.log(
      `  CPU ms per job: ${Object.entries(side.cpuMsPerJob)
        .map(([k, v]) => `${k} ${fmt(v, 2)}`)
        .join(', ')}`,
    );
    if (side.census?.length) {
      console.log(`  statement census (one call at a time, ${settings.censusJobs} jobs per line), per job:`);
      for (const c of side.census)
        console.log(
          `    ${c.call.padEnd(34)}${fmt(c.statementsPerJob, 2).padStart(7)} statements ${fmt(c.commitsPerJob, 2).padStart(6)} commits`,
        );
    }
    const db = side.database;
    console.log(`  database per job: ${fmt(db.commitsPerJob, 2)} commits (${db.rollbacks} rollbacks in all), rows written:`);
    for (const t of db.tables.slice(0, 8)) {
      console.log(
        `    ${t.table.padEnd(36)} +${fmt(t.insertsPerJob, 2)} ins  ${fmt(t.updatesPerJob, 2)} upd  ${fmt(t.deletesPerJob, 2)} del`,
      );
    }
    console.log(
      `  ${db.backends} backends; average in each state over ${db.samples} samples: ` +
        Object.entries(db.waitStates)
          .map(([state, n]) => `${state} ${fmt(n, 2)}`)
          .join(', '),
    );
  }
}

async function main(): Promise<number> {
  const workDir = mkdtempSync(join(tmpdir(), 'marshal-bench-jobs-'));
  cleanups.push(() => rmSync(workDir, { recursive: true, force: true }));
  const logDir = join(workDir, 'logs');
  mkdirSync(logDir);
  const database = await provisionDatabase(workDir);

  const command =
    process.env.npm_lifecycle_event === 'bench:jobs'
      ? 'npm run bench:jobs'
      : `node ${process.argv
          .slice(1)
          .map((a) => relative(process.cwd(), a) || a)
          .join(' ')}`;
  const overrides = Object.entries(process.env)
    .filter(([k]) => k.startsWith('BENCH_') || k === 'DATABASE_POOL_SIZE')
    .map(([k, v]) => `${k}=${v}`);
  const machine = { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown' };
  console.log(`\nJob queue throughput: ${[...overrides, command].join(' ')}`);
  console.log(`Node ${machine.node}, ${machine.cpus} CPUs (${machine.cpuModel}), ${database.server}`);
  console.log(
    `${settings.jobs} jobs (after ${settings.warmupJobs} warm-up jobs, then ${settings.serialJobs} one at a time), ${settings.agents} agents / workers, ${settings.submitters} submitters, ` +
      `pool size ${settings.poolSize}; Marshal at LOG_LEVEL=${settings.logLevel}, claims max=${settings.claimMax} wait=${CLAIM_WAIT_SECONDS}; ` +
      `pg-boss workers pause ${settings.pgbossPollMs} ms after an empty fetch.`,
  );
  console.log('The bench client, the server (or pg-boss) and PostgreSQL share the same cores.');

  const ours = await benchMarshal(database, logDir);
  console.log(`marshal: ${fmt(ours.jobsPerSecond, 0)} jobs/s`);
  const boss = await benchPgBoss(database);
  console.log(`pg-boss: ${fmt(boss.jobsPerSecond, 0)} jobs/s`);
  printReport(ours, boss);

  const ratio = round2(ours.jobsPerSecond / boss.jobsPerSecond);
  mkdirSync(dirname(RESULTS_FILE), { recursive: true });
  const report = {
    date: new Date().toISOString(),
    command: [...overrides, command].join(' '),
    ...machine,
    database: database.server,
    settings,
    ratio,
    marshal: ours,
    pgBoss: boss,
  };
  writeFileSync(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nWrote ${RESULTS_FILE}`);

  const problems = [...ours.problems.map((p) => `marshal: ${p}`), ...boss.problems.map((p) => `pg-boss: ${p}`)];
  if (problems.length) {
    console.error(`\nFAILED:\n  ${problems.join('\n  ')}`);
    return 1;
  }
  console.log('\nOK: no job claimed twice, every job completed, and the database holds each one as succeeded at its first attempt.');
  return 0;
}

process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)));
try {
  process.exitCode = await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
