import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import {
  type Child,
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
  type ServerKeys,
  serverKeys,
  startMarshal,
} from './support.js';

/*
 * `npm run bench:workflows`: the workflow engine, end to end. A 5-node definition of no-op steps
 * (`condition` nodes, 1 eq 1: the engine settles each in the transaction that takes it, touching
 * nothing else) is run as a chain a→b→c→d→e and as a diamond a→{b,c,d}→e (BENCH_SHAPES). For each
 * shape: warm-up runs (not measured), then BENCH_SERIAL_RUNS runs one at a time (POST, wait until it
 * finished: the latency with nothing to queue behind), then BENCH_RUNS runs POSTed by
 * BENCH_SUBMITTERS concurrent submitters (each with its own Idempotency-Key, spread over the
 * replicas) as fast as they are answered, until every run has finished. (In the diamond, b, c and
 * d are ready at once but still advance one after another: a step is taken with its run locked.)
 *
 * Every figure is read from the database, not from the client: runs/s is the runs over the time
 * from the first run's created_at (its POST's transaction) to the last finished_at; step → step is,
 * for each step that depends on others, its started_at minus the finished_at of the last of its
 * dependencies (for the chain: each edge x→y, y.started_at − x.finished_at); a run's latency is its
 * created_at → finished_at. Step times are set by the server's clock in milliseconds (JavaScript
 * Dates): step → step has a 1 ms resolution. Under load most of step → step is queueing: the
 * submitters are not throttled, so the due steps of hundreds of runs wait for the workers, oldest
 * first (the runs in flight are printed: by Little's law, a run's latency is about that backlog
 * over the throughput), so latencies under load compare only at the same backlog; the serial runs
 * give the engine's own latency.
 *
 * Two baselines, each measured in the same run on the same database:
 *  - for latencies, an authenticated GET /api/v1/me (the cheapest call a user makes): in the serial
 *    loop, one before each run (as bench:broker does); under load, by one client calling it in a
 *    loop while the runs go through. Each percentile is divided by the same percentile of GET /me.
 *  - for throughput (and, for information, latencies), the same work without Marshal: a pure-SQL
 *    loop in this process on scratch tables (schema bench_wfsql), with as many workers as all
 *    replicas have (WORKFLOW_CONCURRENCY × BENCH_REPLICAS), a pool as large as theirs together and
 *    the same submitters. A submitter inserts a run and its steps, the first ready, and notifies; a
 *    worker takes a due step with the engine's own claim (the run row locked, SKIP LOCKED), marks it
 *    succeeded if it is still ready (the claim's snapshot may predate the commit of the worker that
 *    held the run a moment before: such stale claims are counted and let go), makes ready what now
 *    may start (or finishes the run) and notifies, all in one transaction; idle workers sleep until
 *    a notification (or the same poll). What the engine writes besides (events, step logs, the
 *    audit chain), reads again (the step, the run, its steps twice) and the HTTP layer are what the
 *    ratio measures.
 *
 * Correctness is asserted (exit code 1 otherwise), for both: every run succeeded, every step
 * succeeded at its first attempt (attempts = 1: no step ran twice), no step left behind. For
 * Marshal's steps that started twice, the run's events (with their transaction ids) and the
 * step's log are printed as the database holds them.
 *
 * Besides: the POST's own latency, CPU per run of each replica, of this client and of PostgreSQL's
 * backends, the rows the engine wrote per run (events, step logs, audit), what the backends spent
 * the run waiting on (sampled from pg_stat_activity), the replicas' warnings ("could not advance")
 * counted from their logs, and the machine's load: its load average at the start, and its busy
 * cores under load next to those this bench's processes account for (other work on the machine
 * skews every figure, the ratios included, since the two sides are not measured at once).
 *
 * Environment: DATABASE_URL (a server to create the bench database on; default: an embedded
 * PostgreSQL), BENCH_RUNS (500), BENCH_SERIAL_RUNS (50), BENCH_WARMUP_RUNS (min(50, BENCH_RUNS /
 * 10)), BENCH_SUBMITTERS (4), BENCH_REPLICAS (1: with 2, two Marshal processes on the one database,
 * submitters spread over both), BENCH_SHAPES (chain,diamond), BENCH_TIMEOUT (seconds to wait for
 * one phase's runs, 600), BENCH_LOG_LEVEL (Marshal's LOG_LEVEL, info), and passed to Marshal:
 * WORKFLOW_CONCURRENCY (8), WORKFLOW_POLL_INTERVAL_MS (1000, Marshal's default: wake-ups come from
 * NOTIFY, the poll only catches timers), DATABASE_POOL_SIZE (10), BENCH_CENSUS_RUNS (20 runs of each shape for
 * the statement census, after the measured phases; 0: none; BENCH_SHOW_SQL=1 prints what the census's last run of
 * each shape sent), BENCH_CPU_PROF (a folder: each
 * replica writes a V8 CPU profile into it when it stops). Results also go to
 * bench/results/workflows.json (workflows-<n>-replicas.json with several).
 */

const ADMIN = { email: 'bench@marshal.test', password: randomBytes(12).toString('hex') };
const SQL_SCHEMA = 'bench_wfsql';
const SQL_CHANNEL = 'bench_wfsql';
const FINISHED_RUN_EVENTS = new Set(['workflow_run.succeeded', 'workflow_run.failed', 'workflow_run.cancelled']);

const runCount = integer('BENCH_RUNS', 500, 1);
const settings = {
  runs: runCount,
  serialRuns: integer('BENCH_SERIAL_RUNS', 50, 0),
  warmupRuns: integer('BENCH_WARMUP_RUNS', Math.min(50, Math.ceil(runCount / 10)), 0),
  submitters: integer('BENCH_SUBMITTERS', 4, 1),
  replicas: integer('BENCH_REPLICAS', 1, 1),
  shapes: (process.env.BENCH_SHAPES || 'chain,diamond')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
  timeoutSeconds: integer('BENCH_TIMEOUT', 600, 1),
  logLevel: process.env.BENCH_LOG_LEVEL || 'info',
  workflowConcurrency: integer('WORKFLOW_CONCURRENCY', 8, 1),
  workflowPollIntervalMs: integer('WORKFLOW_POLL_INTERVAL_MS', 1000, 50),
  poolSize: integer('DATABASE_POOL_SIZE', 10, 1),
  censusRuns: integer('BENCH_CENSUS_RUNS', 20, 0),
};

// ---------------------------------------------------------------------------------------------
// The definitions: five no-op steps.

interface Node {
  id: string;
  type: 'condition';
  inputs: { left: 1; op: 'eq'; right: 1 };
  dependsOn: string[];
}

const noop = (id: string, dependsOn: string[] = []): Node => ({
  id,
  type: 'condition',
  inputs: { left: 1, op: 'eq', right: 1 },
  dependsOn,
});

const SHAPES: Record<string, { label: string; nodes: Node[] }> = {
  chain: { label: 'chain a→b→c→d→e', nodes: [noop('a'), noop('b', ['a']), noop('c', ['b']), noop('d', ['c']), noop('e', ['d'])] },
  diamond: {
    label: 'diamond a→{b,c,d}→e',
    nodes: [noop('a'), noop('b', ['a']), noop('c', ['a']), noop('d', ['a']), noop('e', ['b', 'c', 'd'])],
  },
};
for (const shape of settings.shapes)
  if (!SHAPES[shape]) throw new Error(`BENCH_SHAPES: unknown shape "${shape}" (known: ${Object.keys(SHAPES).join(', ')})`);

// ---------------------------------------------------------------------------------------------
// What a phase left in the database, and the figures drawn from it.

interface RunRow {
  id: string;
  status: string;
  created: number;
  finished: number | null;
}

interface StepRow {
  run_id: string;
  node_id: string;
  status: string;
  attempts: number;
  started: number | null;
  finished: number | null;
}

interface PhaseFigures {
  runs: number;
  elapsedMs: number;
  runsPerSecond: number;
  stepsPerSecond: number;
  /** Per step with dependencies: started − the last dependency's finished. */
  stepToStepMs: LatencySummary;
  /** Per run: created (the POST's transaction) → its first step started. */
  firstStepMs: LatencySummary;
  /** Per run: created → finished. */
  runMs: LatencySummary;
  /** Runs created and not finished yet, on average over the phase and at most: the backlog step → step waits behind. */
  inFlight: { mean: number; max: number };
  problems: string[];
}

/** Epoch milliseconds with the database's microseconds (a timestamptz read as a Date keeps milliseconds only). */
const ms = (column: string, as = column) => `(extract(epoch FROM ${column}) * 1000)::float8 AS ${as}`;

async function readPhase(
  url: string,
  tables: { runs: string; steps: string },
  ids: string[],
): Promise<{ runs: RunRow[]; steps: StepRow[] }> {
  const runs = await query<RunRow>(
    url,
    `SELECT id, status, ${ms('created_at', 'created')}, ${ms('finished_at', 'finished')} FROM ${tables.runs} WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  const steps = await query<StepRow>(
    url,
    `SELECT run_id, node_id, status, attempts, ${ms('started_at', 'started')}, ${ms('finished_at', 'finished')} FROM ${tables.steps} WHERE run_id = ANY($1::uuid[])`,
    [ids],
  );
  return { runs, steps };
}

function analyse(nodes: Node[], ids: string[], runs: RunRow[], steps: StepRow[]): PhaseFigures {
  const problems: string[] = [];
  const byRun = new Map<string, Map<string, StepRow>>();
  for (const s of steps) {
    if (!byRun.has(s.run_id)) byRun.set(s.run_id, new Map());
    byRun.get(s.run_id)!.set(s.node_id, s);
  }
  if (runs.length !== ids.length) problems.push(`${runs.length} runs in the database, ${ids.length} created`);
  const unfinished = runs.filter((r) => r.status !== 'succeeded' || r.finished === null);
  if (unfinished.length)
    problems.push(
      `${unfinished.length} run(s) not succeeded, e.g. ${unfinished
        .slice(0, 3)
        .map((r) => `${r.id} ${r.status}`)
        .join(', ')}`,
    );
  const twice = steps.filter((s) => s.attempts !== 1);
  if (twice.length)
    problems.push(
      `${twice.length} step(s) with attempts ≠ 1 (run more than once, or never), e.g. ${twice
        .slice(0, 3)
        .map((s) => `${s.run_id}/${s.node_id} attempts=${s.attempts} ${s.status}`)
        .join(', ')}`,
    );
  const left = steps.filter((s) => s.status !== 'succeeded' || s.started === null || s.finished === null);
  if (left.length)
    problems.push(
      `${left.length} step(s) not succeeded, e.g. ${left
        .slice(0, 3)
        .map((s) => `${s.run_id}/${s.node_id} ${s.status}`)
        .join(', ')}`,
    );
  if (steps.length !== ids.length * nodes.length)
    problems.push(`${steps.length} steps in the database, ${ids.length * nodes.length} expected`);

  const stepToStep: number[] = [];
  const firstStep: number[] = [];
  const runLatency: number[] = [];
  let first = Infinity;
  let last = -Infinity;
  for (const run of runs) {
    first = Math.min(first, run.created);
    if (run.finished !== null) {
      last = Math.max(last, run.finished);
      runLatency.push(run.finished - run.created);
    }
    const own = byRun.get(run.id);
    if (!own) continue;
    for (const node of nodes) {
      const step = own.get(node.id);
      if (step?.started == null) continue;
      if (node.dependsOn.length === 0) {
        firstStep.push(step.started - run.created);
        continue;
      }
      const ready = Math.max(...node.dependsOn.map((d) => own.get(d)?.finished ?? NaN));
      if (!Number.isNaN(ready)) stepToStep.push(step.started - ready);
    }
  }
  const elapsedMs = last - first;
  const changes = runs
    .flatMap((r) => (r.finished === null ? [] : [[r.created, 1] as const, [r.finished, -1] as const]))
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let inFlight = 0;
  let maxInFlight = 0;
  for (const [, change] of changes) maxInFlight = Math.max(maxInFlight, (inFlight += change));
  return {
    runs: runs.length,
    elapsedMs: round2(elapsedMs),
    runsPerSecond: round2(runs.length / (elapsedMs / 1000)),
    stepsPerSecond: round2((runs.length * nodes.length) / (elapsedMs / 1000)),
    stepToStepMs: summarise(stepToStep),
    firstStepMs: summarise(firstStep),
    runMs: summarise(runLatency),
    inFlight: { mean: round2(runLatency.reduce((a, b) => a + b, 0) / elapsedMs), max: maxInFlight },
    problems,
  };
}

// ---------------------------------------------------------------------------------------------
// Watching PostgreSQL: CPU of the bench database's backends, and what they wait on.

const databaseName = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));

/** Busy and total CPU time of the whole machine so far (/proc/stat, in clock ticks), or undefined where there is none. */
function machineCpu(): { busy: number; total: number } | undefined {
  try {
    const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
    const total = fields.slice(0, 8).reduce((a, b) => a + b, 0);
    return { busy: total - fields[3] - fields[4], total }; // idle, iowait
  } catch {
    return undefined;
  }
}

/** How many of the machine's cores were busy between two readings: with other work on the machine, the figures are not this bench's alone. */
function busyCores(before: ReturnType<typeof machineCpu>, after: ReturnType<typeof machineCpu>): number | null {
  if (!before || !after || after.total === before.total) return null;
  return round2(((after.busy - before.busy) / (after.total - before.total)) * cpus().length);
}

/** Samples the bench database's backends from the server's `postgres` database (so the sampler is not one of them). */
class BackendProbe {
  private readonly monitor: pg.Client;
  private readonly states = new Map<string, number>();
  private readonly cpuStart = new Map<number, number>();
  private samples = 0;
  private timer?: NodeJS.Timeout;
  private sampling?: Promise<void>;

  constructor(
    url: string,
    private readonly database: string,
  ) {
    const monitorUrl = new URL(url);
    monitorUrl.pathname = '/postgres';
    this.monitor = new pg.Client({ connectionString: monitorUrl.toString(), application_name: 'marshal-bench-probe' });
  }

  async connect(): Promise<void> {
    await this.monitor.connect();
    cleanups.push(() => this.monitor.end().catch(() => undefined));
  }

  private async pids(): Promise<number[]> {
    const { rows } = await this.monitor.query<{ pid: number }>(
      "SELECT pid FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend'",
      [this.database],
    );
    return rows.map((r) => r.pid);
  }

  async start(): Promise<void> {
    this.states.clear();
    this.cpuStart.clear();
    this.samples = 0;
    for (const pid of await this.pids()) {
      const cpu = processCpuMs(pid);
      if (cpu !== undefined) this.cpuStart.set(pid, cpu);
    }
    this.timer = setInterval(() => {
      this.sampling ??= this.sample().finally(() => (this.sampling = undefined));
    }, 100);
  }

  private async sample(): Promise<void> {
    const { rows } = await this.monitor.query<{ what: string; n: number }>(
      `SELECT CASE WHEN wait_event IS NULL THEN state ELSE state || ': ' || wait_event_type || '/' || wait_event END AS what, count(*)::int AS n
         FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend' AND state <> 'idle' GROUP BY 1`,
      [this.database],
    );
    this.samples++;
    for (const { what, n } of rows) this.states.set(what, (this.states.get(what) ?? 0) + n);
  }

  /** Backend CPU since start (null when their processes are not visible here), and the average number of backends in each state. */
  async stop(): Promise<{ cpuMs: number | null; waits: Record<string, number> }> {
    clearInterval(this.timer);
    await this.sampling;
    let cpuMs: number | null = null;
    for (const pid of await this.pids()) {
      const now = processCpuMs(pid);
      if (now !== undefined) cpuMs = (cpuMs ?? 0) + now - (this.cpuStart.get(pid) ?? 0);
    }
    const waits = Object.fromEntries(
      [...this.states].sort((a, b) => b[1] - a[1]).map(([k, n]) => [k, round2(n / Math.max(this.samples, 1))]),
    );
    return { cpuMs, waits };
  }
}

// ---------------------------------------------------------------------------------------------
// Marshal over HTTP.

type Json = Record<string, any>;

async function call(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Json) : {} };
}

function expectOk(what: string, res: { status: number; body: Json }, status = 200): Json {
  if (res.status !== status) throw new Error(`${what} answered ${res.status}: ${JSON.stringify(res.body).slice(0, 500)}`);
  return res.body.data as Json;
}

function record(latencies: Record<string, number[]>, name: string, since: number): void {
  (latencies[name] ??= []).push(performance.now() - since);
}

/**
 * Hears the events table's NOTIFY (every replica's commits) and wakes whoever waits for runs to
 * finish; a check also runs at least every second, should a signal be missed.
 */
class RunWatcher {
  private readonly client: pg.Client;
  finishedSignals = 0;
  private readonly wakers = new Set<() => void>();

  constructor(url: string) {
    this.client = new pg.Client({ connectionString: url, application_name: 'marshal-bench-watcher' });
  }

  async start(): Promise<void> {
    this.client.on('notification', (n) => {
      if (!FINISHED_RUN_EVENTS.has(n.payload?.split(':')[1] ?? '')) return;
      this.finishedSignals++;
      for (const wake of [...this.wakers]) wake();
    });
    await this.client.connect();
    cleanups.push(() => this.client.end().catch(() => undefined));
    await this.client.query('LISTEN marshal_events');
  }

  /** Resolves once `check` says so: asked when `signals` runs finished since `from` (or a second passed). */
  async until(what: string, check: () => Promise<boolean>, from: number, signals: number): Promise<void> {
    const deadline = Date.now() + settings.timeoutSeconds * 1000;
    let polled = 0;
    for (;;) {
      if (this.finishedSignals - from >= signals || Date.now() - polled >= 1000) {
        polled = Date.now();
        if (await check()) return;
      }
      if (Date.now() > deadline) throw new Error(`${what}: not done within ${settings.timeoutSeconds} s (BENCH_TIMEOUT)`);
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.wakers.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, 1000);
        this.wakers.add(wake);
      });
    }
  }
}

interface MarshalSide {
  replicas: Child[];
  token: string;
  watcher: RunWatcher;
  databaseUrl: string;
}

interface MarshalShapeResult {
  shape: string;
  concurrent: PhaseFigures;
  serial: PhaseFigures | null;
  /** Client-side: GET /me (the baseline) and POST /workflow-runs, under load and alone. */
  httpMs: Record<string, LatencySummary>;
  cpuMsPerRun: Record<string, number | null>;
  rowsPerRun: Record<string, number>;
  backendWaits: Record<string, number>;
  /** Busy cores of the whole machine during the measured phase, and those of this bench's processes. */
  machine: { busyCores: number | null; benchCores: number };
  /** What the database shows of steps that started more than once. */
  evidence: string[];
}

const finishedCount = async (url: string, ids: string[]) =>
  (
    await query<{ n: number }>(
      url,
      `SELECT count(*)::int AS n FROM workflow_runs WHERE id = ANY($1::uuid[]) AND status IN ('succeeded', 'failed', 'cancelled')`,
      [ids],
    )
  )[0].n;

/** POSTs `count` runs with the submitters, spread over the replicas; resolves with their ids once all are created. */
async function submitRuns(
  side: MarshalSide,
  definitionId: string,
  count: number,
  tag: string,
  latencies: Record<string, number[]>,
): Promise<string[]> {
  const ids: string[] = [];
  let next = 0;
  const submitter = async () => {
    for (let i = next++; i < count; i = next++) {
      const base = side.replicas[i % side.replicas.length].baseUrl;
      const t = performance.now();
      const res = await call(
        base,
        'POST',
        '/api/v1/workflow-runs',
        { authorization: `Bearer ${side.token}`, 'idempotency-key': `${tag}-${i}` },
        { definitionId },
      );
      record(latencies, 'POST /workflow-runs', t);
      ids.push(expectOk('POST /workflow-runs', res, 201).id as string);
    }
  };
  await Promise.all(Array.from({ length: settings.submitters }, submitter));
  return ids;
}

/** `count` runs at once: submitted, then waited for. Answers their ids. With `latencies`, GET /me is timed in a loop meanwhile. */
async function concurrentRuns(
  side: MarshalSide,
  definitionId: string,
  count: number,
  tag: string,
  latencies: Record<string, number[]>,
  probeMe: boolean,
): Promise<string[]> {
  const from = side.watcher.finishedSignals;
  let done = false;
  const prober = (async () => {
    for (let i = 0; probeMe && !done; i++) {
      const t = performance.now();
      expectOk(
        'GET /me',
        await call(side.replicas[i % side.replicas.length].baseUrl, 'GET', '/api/v1/me', { authorization: `Bearer ${side.token}` }),
      );
      record(latencies, 'GET /me', t);
    }
  })();
  try {
    const ids = await submitRuns(side, definitionId, count, tag, latencies);
    await side.watcher.until(
      `${count} runs (${tag})`,
      async () => (await finishedCount(side.databaseUrl, ids)) === ids.length,
      from,
      count,
    );
    return ids;
  } finally {
    done = true;
    await prober;
  }
}

async function benchMarshalShape(
  side: MarshalSide,
  shape: string,
  definitionId: string,
  tag: string,
  probe: BackendProbe,
): Promise<MarshalShapeResult> {
  const nodes = SHAPES[shape].nodes;
  const tables = { runs: 'workflow_runs', steps: 'workflow_run_steps' };
  const problems: string[] = [];
  const warmIds: string[] = [];
  if (settings.warmupRuns > 0) {
    const warm = await concurrentRuns(side, definitionId, settings.warmupRuns, `${tag}-warmup`, {}, false);
    warmIds.push(...warm);
    const { runs, steps } = await readPhase(side.databaseUrl, tables, warm);
    problems.push(...analyse(nodes, warm, runs, steps).problems.map((p) => `warm-up: ${p}`));
  }

  // One at a time: GET /me, then a run, waited for; nothing else is going on.
  const alone: Record<string, number[]> = {};
  const serialIds: string[] = [];
  for (let i = 0; i < settings.serialRuns; i++) {
    const base = side.replicas[i % side.replicas.length].baseUrl;
    let t = performance.now();
    expectOk('GET /me', await call(base, 'GET', '/api/v1/me', { authorization: `Bearer ${side.token}` }));
    record(alone, 'GET /me', t);
    const from = side.watcher.finishedSignals;
    t = performance.now();
    const created = expectOk(
      'POST /workflow-runs',
      await call(
        base,
        'POST',
        '/api/v1/workflow-runs',
        { authorization: `Bearer ${side.token}`, 'idempotency-key': `${tag}-serial-${i}` },
        { definitionId },
      ),
      201,
    );
    record(alone, 'POST /workflow-runs', t);
    const id = created.id as string;
    serialIds.push(id);
    await side.watcher.until(`serial run ${id}`, async () => (await finishedCount(side.databaseUrl, [id])) === 1, from, 1);
  }
  let serial: PhaseFigures | null = null;
  if (serialIds.length) {
    const { runs, steps } = await readPhase(side.databaseUrl, tables, serialIds);
    serial = analyse(nodes, serialIds, runs, steps);
  }

  const evidence: string[] = [];
  const loaded: Record<string, number[]> = {};
  const machineBefore = machineCpu();
  const cpuBefore = side.replicas.map((r) => processCpuMs(r.pid));
  const clientBefore = process.cpuUsage();
  await probe.start();
  const ids = await concurrentRuns(side, definitionId, settings.runs, tag, loaded, true);
  const backends = await probe.stop();
  const clientUsed = process.cpuUsage(clientBefore);
  const cpuAfter = side.replicas.map((r) => processCpuMs(r.pid));
  const machineAfter = machineCpu();
  const { runs, steps } = await readPhase(side.databaseUrl, tables, ids);
  const concurrent = analyse(nodes, ids, runs, steps);
  concurrent.problems.unshift(...problems, ...(serial?.problems ?? []).map((p) => `serial: ${p}`));
  evidence.push(
    ...(await twiceRun(side.databaseUrl, serialIds)).map((e) => `one at a time: ${e}`),
    ...(await twiceRun(side.databaseUrl, [...warmIds, ...ids])).map((e) => `under load: ${e}`),
  );

  const perRun = (n: number | null | undefined) => (n === null || n === undefined ? null : round2(n / settings.runs));
  const cpuMsPerRun: Record<string, number | null> = Object.fromEntries(
    side.replicas.map((r, i) => {
      const [before, after] = [cpuBefore[i], cpuAfter[i]];
      return [r.name, perRun(before === undefined || after === undefined ? null : after - before)];
    }),
  );
  cpuMsPerRun['bench client'] = perRun((clientUsed.user + clientUsed.system) / 1000);
  cpuMsPerRun['postgres backends'] = perRun(backends.cpuMs);
  const machine = phaseMachine(machineBefore, machineAfter, cpuMsPerRun, settings.runs, concurrent.elapsedMs);

  const [rows] = await query<{ events: number; step_logs: number; audit_events: number }>(
    side.databaseUrl,
    `SELECT (SELECT count(*)::int FROM events WHERE resource_type = 'workflow_run' AND resource_id = ANY($1::text[])) AS events,
            (SELECT count(*)::int FROM workflow_step_logs WHERE run_id = ANY($1::uuid[])) AS step_logs,
            (SELECT count(*)::int FROM audit_events WHERE resource_type = 'workflow_run' AND resource_id = ANY($1::text[])) AS audit_events`,
    [ids],
  );
  const rowsPerRun = {
    events: round2(rows.events / ids.length),
    workflow_step_logs: round2(rows.step_logs / ids.length),
    audit_events: round2(rows.audit_events / ids.length),
  };

  return {
    shape,
    concurrent,
    serial,
    httpMs: {
      'GET /me under load': summarise(loaded['GET /me'] ?? []),
      'POST /workflow-runs under load': summarise(loaded['POST /workflow-runs'] ?? []),
      'GET /me alone': summarise(alone['GET /me'] ?? []),
      'POST /workflow-runs alone': summarise(alone['POST /workflow-runs'] ?? []),
    },
    cpuMsPerRun,
    rowsPerRun,
    backendWaits: backends.waits,
    machine,
    evidence,
  };
}

/** The machine's busy cores over a phase, and how many of them this bench's processes account for. */
function phaseMachine(
  before: ReturnType<typeof machineCpu>,
  after: ReturnType<typeof machineCpu>,
  cpuMsPerRun: Record<string, number | null>,
  runs: number,
  elapsedMs: number,
): { busyCores: number | null; benchCores: number } {
  const ownMs = Object.values(cpuMsPerRun).reduce<number>((sum, v) => sum + (v ?? 0) * runs, 0);
  return { busyCores: busyCores(before, after), benchCores: round2(ownMs / elapsedMs) };
}

/**
 * For the first steps of these runs that started more than once: the run's events (transaction,
 * type, node, attempt, the transaction's start) and the step's log, as the database holds them.
 */
async function twiceRun(url: string, ids: string[]): Promise<string[]> {
  const twice = await query<{ run_id: string; node_id: string; attempts: number }>(
    url,
    'SELECT run_id, node_id, attempts FROM workflow_run_steps WHERE run_id = ANY($1::uuid[]) AND attempts <> 1 ORDER BY updated_at LIMIT 1',
    [ids],
  );
  const out: string[] = [];
  for (const step of twice) {
    const events = await query<{ tx_id: string; type: string; node: string | null; attempt: string | null; at: Date }>(
      url,
      `SELECT tx_id::text, type, data->>'nodeId' AS node, data->>'attempt' AS attempt, occurred_at AS at FROM events WHERE resource_type = 'workflow_run' AND resource_id = $1 ORDER BY tx_id, seq`,
      [step.run_id],
    );
    const logs = await query<{ attempt: number; message: string; at: Date }>(
      url,
      'SELECT attempt, message, at FROM workflow_step_logs WHERE run_id = $1 AND node_id = $2 ORDER BY at, id',
      [step.run_id, step.node_id],
    );
    out.push(
      `run ${step.run_id}, step ${step.node_id}: attempts = ${step.attempts}\n` +
        `      events (tx, type, node, attempt, transaction start):\n${events.map((e) => `        ${e.tx_id} ${e.type} ${e.node ?? '-'} ${e.attempt ?? '-'} ${e.at.toISOString()}`).join('\n')}\n` +
        `      step log: ${logs.map((l) => `[${l.attempt}] ${l.message} (${l.at.toISOString()})`).join('; ')}`,
    );
  }
  return out;
}

/** Warnings and errors in a replica's log (pino JSON lines, level 40 and up): how many, and a few messages. */
function logTroubles(child: Child): { count: number; examples: string[] } {
  const lines = readFileSync(child.logFile, 'utf8')
    .split('\n')
    .filter((l) => /"level":(4|5|6)\d/.test(l));
  const messages = new Map<string, number>();
  for (const line of lines) {
    try {
      const entry = JSON.parse(line) as { msg?: string; message?: string };
      const key = `${entry.msg ?? ''}${entry.message ? `: ${entry.message}` : ''}`.slice(0, 200);
      messages.set(key, (messages.get(key) ?? 0) + 1);
    } catch {
      messages.set(line.slice(0, 200), (messages.get(line.slice(0, 200)) ?? 0) + 1);
    }
  }
  return {
    count: lines.length,
    examples: [...messages]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([m, n]) => `${n}× ${m}`),
  };
}

/** A Marshal process of this bench: `keys` shared by the replicas, which accept each other's tokens. */
function workflowsEnv(databaseUrl: string, keys: ServerKeys): Record<string, string> {
  return marshalEnv({
    databaseUrl,
    admin: ADMIN,
    logLevel: settings.logLevel,
    keys,
    extra: {
      DATABASE_POOL_SIZE: String(settings.poolSize),
      WORKFLOW_CONCURRENCY: String(settings.workflowConcurrency),
      WORKFLOW_POLL_INTERVAL_MS: String(settings.workflowPollIntervalMs),
    },
  });
}

interface CensusLine {
  shape: string;
  runs: number;
  /** Statements sent per run, and per step (a run's statements over its steps): its POST included. */
  statementsPerRun: number;
  statementsPerStep: number;
  /** Transactions committed per run and per step: each COMMIT, and each statement outside a transaction. */
  commitsPerRun: number;
  commitsPerStep: number;
}

/**
 * The statement census: once the measured replicas have stopped, one more Marshal process, alone
 * on the database behind a counting proxy (support.ts), takes BENCH_CENSUS_RUNS runs of each shape
 * one at a time, from its POST until the run has finished. Its background work (sweepers, the
 * engine's poll) is counted while it idles and subtracted.
 */
/** Statement texts, most frequent first, with how often each was parsed or sent. */
function printStatements(title: string, texts: string[]): void {
  const counts = new Map<string, number>();
  for (const t of texts) {
    const text = t.replace(/\s+/g, ' ').trim().slice(0, 160);
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  console.log(`\n${title} (${texts.length} statements):`);
  for (const [text, n] of [...counts].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(4)}  ${text}`);
}

async function workflowCensus(database: { url: string }, logDir: string): Promise<CensusLine[]> {
  if (settings.censusRuns === 0) return [];
  const counter = await countStatements(database.url);
  const child = await startMarshal('marshal (census)', workflowsEnv(counter.url, serverKeys()), logDir);
  const watcher = new RunWatcher(database.url);
  await watcher.start();
  try {
    const token = expectOk('login', await call(child.baseUrl, 'POST', '/api/v1/auth/login', {}, ADMIN)).accessToken as string;
    const idle = { statements: counter.statements(), at: performance.now() };
    await sleep(3000);
    const backgroundPerMs = (counter.statements() - idle.statements) / (performance.now() - idle.at);
    const lines: CensusLine[] = [];
    const tag = `census-${randomBytes(4).toString('hex')}`;
    for (const shape of settings.shapes) {
      const definition = expectOk(
        'POST /workflow-templates',
        await call(
          child.baseUrl,
          'POST',
          '/api/v1/workflow-templates',
          { authorization: `Bearer ${token}` },
          { name: `census-${shape}-${tag}`, nodes: SHAPES[shape].nodes },
        ),
        201,
      );
      let statements = 0;
      let commits = 0;
      let elapsedMs = 0;
      for (let i = -3; i < settings.censusRuns; i++) {
        // The first three warm caches and prepared statements up, and are not counted.
        const [s0, c0, t0] = [counter.statements(), counter.commits(), performance.now()];
        const stopCapture = process.env.BENCH_SHOW_SQL && i === settings.censusRuns - 1 ? counter.capture() : undefined;
        const from = watcher.finishedSignals;
        const id = expectOk(
          'POST /workflow-runs',
          await call(
            child.baseUrl,
            'POST',
            '/api/v1/workflow-runs',
            { authorization: `Bearer ${token}`, 'idempotency-key': `${tag}-${shape}-${i}` },
            { definitionId: definition.id },
          ),
          201,
        ).id as string;
        await watcher.until(`census run ${id}`, async () => (await finishedCount(database.url, [id])) === 1, from, 1);
        if (stopCapture) printStatements(`${SHAPES[shape].label}: what one run sent`, stopCapture());
        if (i < 0) continue;
        statements += counter.statements() - s0;
        commits += counter.commits() - c0;
        elapsedMs += performance.now() - t0;
      }
      const runs = settings.censusRuns;
      const steps = SHAPES[shape].nodes.length;
      const perRun = (statements - backgroundPerMs * elapsedMs) / runs;
      lines.push({
        shape,
        runs,
        statementsPerRun: round2(perRun),
        statementsPerStep: round2(perRun / steps),
        commitsPerRun: round2(commits / runs),
        commitsPerStep: round2(commits / runs / steps),
      });
    }
    return lines;
  } finally {
    await child.stop();
  }
}

async function benchMarshal(
  database: { url: string },
  logDir: string,
  probe: BackendProbe,
): Promise<{ results: MarshalShapeResult[]; logs: Record<string, { count: number; examples: string[] }> }> {
  const keys = serverKeys();
  // Several replicas start at once on the one database, as a deployment would.
  const replicas = await Promise.all(
    Array.from({ length: settings.replicas }, (_, i) =>
      startMarshal(`marshal-${i + 1} (LOG_LEVEL=${settings.logLevel})`, workflowsEnv(database.url, keys), logDir),
    ),
  );
  try {
    const base = replicas[0].baseUrl;
    const token = expectOk('login', await call(base, 'POST', '/api/v1/auth/login', {}, ADMIN)).accessToken as string;
    const watcher = new RunWatcher(database.url);
    await watcher.start();
    const side: MarshalSide = { replicas, token, watcher, databaseUrl: database.url };
    const tag = `bench-${randomBytes(4).toString('hex')}`;
    const results: MarshalShapeResult[] = [];
    for (const shape of settings.shapes) {
      const definition = expectOk(
        'POST /workflow-templates',
        await call(
          base,
          'POST',
          '/api/v1/workflow-templates',
          { authorization: `Bearer ${token}` },
          { name: `bench-${shape}-${tag}`, nodes: SHAPES[shape].nodes },
        ),
        201,
      );
      const result = await benchMarshalShape(side, shape, definition.id as string, `${tag}-${shape}`, probe);
      console.log(`marshal, ${SHAPES[shape].label}: ${result.concurrent.runsPerSecond.toFixed(1)} runs/s`);
      results.push(result);
    }
    return { results, logs: Object.fromEntries(replicas.map((r) => [r.name, logTroubles(r)])) };
  } finally {
    await Promise.all(replicas.map((r) => r.stop()));
  }
}

// ---------------------------------------------------------------------------------------------
// The baseline: the same runs through a pure-SQL loop in this process.

/** The engine's claim, on the scratch tables. */
const SQL_CLAIM = `
  SELECT s.id, s.run_id, s.node_id FROM ${SQL_SCHEMA}.steps s JOIN ${SQL_SCHEMA}.runs r ON r.id = s.run_id
   WHERE s.status IN ('ready', 'running', 'waiting') AND s.due_at <= now() AND r.status = 'running'
   ORDER BY s.due_at
   LIMIT 1
   FOR UPDATE OF r SKIP LOCKED`;

async function createSqlTables(url: string): Promise<void> {
  await query(
    url,
    `CREATE SCHEMA ${SQL_SCHEMA};
     CREATE TABLE ${SQL_SCHEMA}.runs (id uuid PRIMARY KEY, shape text NOT NULL, status text NOT NULL, created_at timestamptz NOT NULL DEFAULT now(), finished_at timestamptz);
     CREATE TABLE ${SQL_SCHEMA}.steps (
       id uuid PRIMARY KEY, run_id uuid NOT NULL REFERENCES ${SQL_SCHEMA}.runs (id), node_id text NOT NULL, status text NOT NULL,
       waiting_for integer NOT NULL, attempts integer NOT NULL DEFAULT 0, due_at timestamptz, started_at timestamptz, finished_at timestamptz,
       UNIQUE (run_id, node_id));
     CREATE INDEX steps_due ON ${SQL_SCHEMA}.steps (due_at) WHERE status IN ('ready', 'running', 'waiting');`,
  );
}

/** Workers and a listener that advance the scratch runs, as the engine's workers do: take a due step, settle it, wake the others. */
class SqlEngine {
  private readonly pool: pg.Pool;
  private readonly listener: pg.Client;
  private readonly sleepers = new Set<() => void>();
  private readonly waiting = new Map<string, () => void>();
  private generation = 0;
  private stopping = false;
  private workers: Promise<void>[] = [];
  private poll?: NodeJS.Timeout;
  failure?: Error;
  /** Claims that found a step already moved on by the worker that held its run just before (see next). */
  staleClaims = 0;

  constructor(url: string) {
    this.pool = new pg.Pool({ connectionString: url, max: settings.poolSize * settings.replicas, application_name: 'marshal-bench-sql' });
    this.listener = new pg.Client({ connectionString: url, application_name: 'marshal-bench-sql-listener' });
  }

  async start(): Promise<void> {
    this.listener.on('notification', () => this.kick());
    await this.listener.connect();
    await this.listener.query(`LISTEN ${SQL_CHANNEL}`);
    this.poll = setInterval(() => this.kick(), settings.workflowPollIntervalMs);
    this.workers = Array.from({ length: settings.workflowConcurrency * settings.replicas }, () => this.work());
    cleanups.push(() => this.stop());
  }

  async stop(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    clearInterval(this.poll);
    this.kick();
    await Promise.all(this.workers);
    await this.listener.end().catch(() => undefined);
    await this.pool.end().catch(() => undefined);
  }

  private kick(): void {
    this.generation++;
    const sleepers = [...this.sleepers];
    this.sleepers.clear();
    for (const wake of sleepers) wake();
  }

  /** Resolves when the run finishes. */
  finished(id: string): Promise<void> {
    return new Promise((resolve) => this.waiting.set(id, resolve));
  }

  /** A run and its steps, those depending on nothing ready, in one transaction that notifies the workers. */
  async submit(shape: string, id: string): Promise<void> {
    const nodes = SHAPES[shape].nodes;
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`INSERT INTO ${SQL_SCHEMA}.runs (id, shape, status) VALUES ($1, $2, 'running')`, [id, shape]);
      await client.query(
        `INSERT INTO ${SQL_SCHEMA}.steps (id, run_id, node_id, status, waiting_for, due_at)
         SELECT gen_random_uuid(), $1, n.node_id, CASE WHEN n.deps = 0 THEN 'ready' ELSE 'pending' END, n.deps, CASE WHEN n.deps = 0 THEN now() END
           FROM unnest($2::text[], $3::int[]) AS n(node_id, deps)`,
        [id, nodes.map((n) => n.id), nodes.map((n) => n.dependsOn.length)],
      );
      await client.query('SELECT pg_notify($1, $2)', [SQL_CHANNEL, id]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private async work(): Promise<void> {
    while (!this.stopping) {
      const generation = this.generation;
      let worked = false;
      try {
        worked = await this.next();
      } catch (error) {
        this.failure ??= error as Error;
        await new Promise((r) => setTimeout(r, 250));
      }
      if (!worked && generation === this.generation && !this.stopping) await new Promise<void>((resolve) => this.sleepers.add(resolve));
    }
  }

  private async next(): Promise<boolean> {
    const client = await this.pool.connect();
    let finishedRun: string | null = null;
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ id: string; run_id: string; node_id: string }>(SQL_CLAIM);
      if (!rows.length) {
        await client.query('COMMIT');
        return false;
      }
      const [due] = rows;
      // The claim's snapshot may predate the commit of the worker that held the run a moment ago:
      // the step it found may have moved on since. Only a step still due is taken.
      const taken = await client.query(
        `UPDATE ${SQL_SCHEMA}.steps SET status = 'succeeded', attempts = attempts + 1, started_at = clock_timestamp(), finished_at = clock_timestamp(), due_at = NULL
          WHERE id = $1 AND status = 'ready'`,
        [due.id],
      );
      if (!taken.rowCount) {
        this.staleClaims++;
        await client.query('COMMIT');
        return true;
      }
      const shape = (await client.query<{ shape: string }>(`SELECT shape FROM ${SQL_SCHEMA}.runs WHERE id = $1`, [due.run_id])).rows[0]
        .shape;
      const dependents = SHAPES[shape].nodes.filter((n) => n.dependsOn.includes(due.node_id)).map((n) => n.id);
      if (dependents.length) {
        const ready = await client.query(
          `UPDATE ${SQL_SCHEMA}.steps SET waiting_for = waiting_for - 1,
                  status = CASE WHEN waiting_for = 1 THEN 'ready' ELSE status END, due_at = CASE WHEN waiting_for = 1 THEN now() ELSE due_at END
            WHERE run_id = $1 AND node_id = ANY($2::text[]) RETURNING status`,
          [due.run_id, dependents],
        );
        if (ready.rows.some((r: { status: string }) => r.status === 'ready'))
          await client.query('SELECT pg_notify($1, $2)', [SQL_CHANNEL, due.run_id]);
      } else {
        const done = await client.query(
          `UPDATE ${SQL_SCHEMA}.runs SET status = 'succeeded', finished_at = clock_timestamp()
            WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM ${SQL_SCHEMA}.steps WHERE run_id = $1 AND status <> 'succeeded')`,
          [due.run_id],
        );
        if (done.rowCount) finishedRun = due.run_id;
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    if (finishedRun) {
      this.waiting.get(finishedRun)?.();
      this.waiting.delete(finishedRun);
    }
    return true;
  }
}

interface SqlShapeResult {
  shape: string;
  /** Over warm-up, serial and concurrent runs of the shape. */
  staleClaims: number;
  concurrent: PhaseFigures;
  serial: PhaseFigures | null;
  cpuMsPerRun: Record<string, number | null>;
  backendWaits: Record<string, number>;
  machine: { busyCores: number | null; benchCores: number };
}

async function sqlRuns(engine: SqlEngine, shape: string, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, () => randomUUID());
  const finished = Promise.all(ids.map((id) => engine.finished(id)));
  let next = 0;
  const submitter = async () => {
    for (let i = next++; i < count; i = next++) await engine.submit(shape, ids[i]);
  };
  await Promise.all(Array.from({ length: settings.submitters }, submitter));
  await withTimeout(`${count} SQL-loop runs`, finished, engine);
  return ids;
}

async function withTimeout<T>(what: string, promise: Promise<T>, engine: SqlEngine): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(engine.failure ?? new Error(`${what}: not done within ${settings.timeoutSeconds} s (BENCH_TIMEOUT)`)),
      settings.timeoutSeconds * 1000,
    );
  });
  try {
    return await Promise.race([promise, expired]);
  } finally {
    clearTimeout(timer);
  }
}

async function benchSql(database: { url: string }, probe: BackendProbe): Promise<SqlShapeResult[]> {
  await createSqlTables(database.url);
  const engine = new SqlEngine(database.url);
  await engine.start();
  const tables = { runs: `${SQL_SCHEMA}.runs`, steps: `${SQL_SCHEMA}.steps` };
  try {
    const results: SqlShapeResult[] = [];
    for (const shape of settings.shapes) {
      const nodes = SHAPES[shape].nodes;
      const problems: string[] = [];
      const staleBefore = engine.staleClaims;
      if (settings.warmupRuns > 0) {
        const warm = await sqlRuns(engine, shape, settings.warmupRuns);
        const { runs, steps } = await readPhase(database.url, tables, warm);
        problems.push(...analyse(nodes, warm, runs, steps).problems.map((p) => `warm-up: ${p}`));
      }
      const serialIds: string[] = [];
      for (let i = 0; i < settings.serialRuns; i++) {
        const id = randomUUID();
        const finished = engine.finished(id);
        await engine.submit(shape, id);
        await withTimeout(`SQL-loop run ${id}`, finished, engine);
        serialIds.push(id);
      }
      let serial: PhaseFigures | null = null;
      if (serialIds.length) {
        const { runs, steps } = await readPhase(database.url, tables, serialIds);
        serial = analyse(nodes, serialIds, runs, steps);
      }
      const machineBefore = machineCpu();
      const ownBefore = process.cpuUsage();
      await probe.start();
      const ids = await sqlRuns(engine, shape, settings.runs);
      const backends = await probe.stop();
      const ownUsed = process.cpuUsage(ownBefore);
      const machineAfter = machineCpu();
      const { runs, steps } = await readPhase(database.url, tables, ids);
      const concurrent = analyse(nodes, ids, runs, steps);
      concurrent.problems.unshift(...problems, ...(serial?.problems ?? []).map((p) => `serial: ${p}`));
      if (engine.failure) concurrent.problems.push(`a SQL-loop worker failed: ${engine.failure.message}`);
      const cpuMsPerRun = {
        'SQL loop + bench (one process)': round2((ownUsed.user + ownUsed.system) / 1000 / settings.runs),
        'postgres backends': backends.cpuMs === null ? null : round2(backends.cpuMs / settings.runs),
      };
      results.push({
        shape,
        staleClaims: engine.staleClaims - staleBefore,
        concurrent,
        serial,
        cpuMsPerRun,
        backendWaits: backends.waits,
        machine: phaseMachine(machineBefore, machineAfter, cpuMsPerRun, settings.runs, concurrent.elapsedMs),
      });
      console.log(`SQL loop, ${SHAPES[shape].label}: ${concurrent.runsPerSecond.toFixed(1)} runs/s`);
    }
    return results;
  } finally {
    await engine.stop();
  }
}

// ---------------------------------------------------------------------------------------------
// The report.

const fmt = (n: number | null | undefined, digits = 1) => (n === null || n === undefined || Number.isNaN(n) ? '-' : n.toFixed(digits));
const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined || !b ? '-' : (a / b).toFixed(2));

function printShape(ours: MarshalShapeResult, sql: SqlShapeResult): void {
  const c = ours.concurrent;
  const b = sql.concurrent;
  const me = ours.httpMs['GET /me under load'];
  const meAlone = ours.httpMs['GET /me alone'];
  const header = `${''.padEnd(44)}${'marshal'.padStart(9)}${'GET /me'.padStart(9)}${'÷ /me'.padStart(8)}${'SQL loop'.padStart(10)}${'÷ SQL'.padStart(8)}`;
  const line = (label: string, value: number | undefined, base: number | undefined, sqlValue: number | undefined, digits = 1) =>
    console.log(
      `${label.padEnd(44)}${fmt(value, digits).padStart(9)}${fmt(base, digits).padStart(9)}${ratio(value, base).padStart(8)}${fmt(sqlValue, digits).padStart(10)}${ratio(value, sqlValue).padStart(8)}`,
    );
  const percentiles = (label: string, s: LatencySummary, base: LatencySummary | undefined, sqlS: LatencySummary | undefined) => {
    for (const p of ['p50', 'p95', 'p99', 'max'] as const) line(`${label} ${p} ms`, s[p], base?.[p], sqlS?.[p]);
  };

  console.log(`\n${SHAPES[ours.shape].label}: ${c.runs} runs from ${settings.submitters} submitters over ${settings.replicas} replica(s)`);
  console.log(header);
  line('runs/s (first created → last finished)', c.runsPerSecond, undefined, b.runsPerSecond);
  line('steps/s', c.stepsPerSecond, undefined, b.stepsPerSecond);
  line('elapsed s', c.elapsedMs / 1000, undefined, b.elapsedMs / 1000, 2);
  line('runs in flight, mean (the backlog)', c.inFlight.mean, undefined, b.inFlight.mean);
  line('runs in flight, max', c.inFlight.max, undefined, b.inFlight.max, 0);
  percentiles('step → step', c.stepToStepMs, me, b.stepToStepMs);
  percentiles('run created → finished', c.runMs, me, b.runMs);
  line('run created → first step started p50 ms', c.firstStepMs.p50, me.p50, b.firstStepMs.p50);
  line('POST /workflow-runs (client) p50 ms', ours.httpMs['POST /workflow-runs under load'].p50, me.p50, undefined);
  line('POST /workflow-runs (client) p99 ms', ours.httpMs['POST /workflow-runs under load'].p99, me.p99, undefined);
  if (ours.serial && sql.serial) {
    console.log(`${SHAPES[ours.shape].label}: ${ours.serial.runs} runs one at a time (nothing to queue behind)`);
    console.log(header);
    percentiles('step → step', ours.serial.stepToStepMs, meAlone, sql.serial.stepToStepMs);
    for (const p of ['p50', 'p99'] as const) line(`run created → finished ${p} ms`, ours.serial.runMs[p], meAlone[p], sql.serial.runMs[p]);
    line('run created → first step started p50 ms', ours.serial.firstStepMs.p50, meAlone.p50, sql.serial.firstStepMs.p50);
    line('POST /workflow-runs (client) p50 ms', ours.httpMs['POST /workflow-runs alone'].p50, meAlone.p50, undefined);
  }
  console.log(
    `  GET /me baseline: under load n=${me.count} p50 ${fmt(me.p50)} p99 ${fmt(me.p99)} ms; alone n=${meAlone.count} p50 ${fmt(meAlone.p50)} p99 ${fmt(meAlone.p99)} ms`,
  );
  console.log(
    `  CPU ms per run: ${Object.entries(ours.cpuMsPerRun)
      .map(([k, v]) => `${k} ${fmt(v, 2)}`)
      .join(', ')}`,
  );
  console.log(
    `    SQL loop: ${Object.entries(sql.cpuMsPerRun)
      .map(([k, v]) => `${k} ${fmt(v, 2)}`)
      .join(', ')}`,
  );
  const cores = (m: { busyCores: number | null; benchCores: number }) =>
    `${fmt(m.busyCores, 2)} of ${cpus().length} busy, ${fmt(m.benchCores, 2)} of them this bench's`;
  console.log(`  machine cores under load: marshal ${cores(ours.machine)}; SQL loop ${cores(sql.machine)}`);
  console.log(
    `  rows the engine wrote per run besides runs and steps: ${Object.entries(ours.rowsPerRun)
      .map(([k, v]) => `${k} ${fmt(v, 2)}`)
      .join(', ')}`,
  );
  const waits = (w: Record<string, number>) =>
    Object.entries(w)
      .slice(0, 6)
      .map(([k, v]) => `${k} ${fmt(v, 2)}`)
      .join(', ') || 'none';
  console.log(`  backends busy (average count, sampled every 100 ms): marshal: ${waits(ours.backendWaits)}`);
  console.log(`    SQL loop: ${waits(sql.backendWaits)}`);
  console.log(`  SQL loop claims whose step had already moved on (skipped by its status check): ${sql.staleClaims}`);
}

async function main(): Promise<number> {
  const workDir = mkdtempSync(join(tmpdir(), 'marshal-bench-workflows-'));
  cleanups.push(() => rmSync(workDir, { recursive: true, force: true }));
  const logDir = join(workDir, 'logs');
  mkdirSync(logDir);
  const database = await provisionDatabase(workDir);

  const command =
    process.env.npm_lifecycle_event === 'bench:workflows'
      ? 'npm run bench:workflows'
      : `node ${process.argv
          .slice(1)
          .map((a) => relative(process.cwd(), a) || a)
          .join(' ')}`;
  const overrides = Object.entries(process.env)
    .filter(([k]) => k.startsWith('BENCH_') || ['DATABASE_POOL_SIZE', 'WORKFLOW_CONCURRENCY', 'WORKFLOW_POLL_INTERVAL_MS'].includes(k))
    .map(([k, v]) => `${k}=${v}`);
  const machine = { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', loadAverage: loadavg() };
  console.log(`\nWorkflow engine: ${[...overrides, command].join(' ')}`);
  console.log(
    `Node ${machine.node}, ${machine.cpus} CPUs (${machine.cpuModel}), load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}, ${database.server}`,
  );
  console.log(
    `Per shape: ${settings.warmupRuns} warm-up runs, ${settings.serialRuns} one at a time, then ${settings.runs} from ${settings.submitters} submitters; ` +
      `${settings.replicas} replica(s) × WORKFLOW_CONCURRENCY=${settings.workflowConcurrency}, WORKFLOW_POLL_INTERVAL_MS=${settings.workflowPollIntervalMs}, ` +
      `pool size ${settings.poolSize}, LOG_LEVEL=${settings.logLevel}. The SQL loop: ${settings.workflowConcurrency * settings.replicas} workers, pool ${settings.poolSize * settings.replicas}.`,
  );
  console.log('The bench client, the server(s) (or the SQL loop) and PostgreSQL share the same cores.');

  const probe = new BackendProbe(database.url, databaseName(database.url));
  await probe.connect();
  const marshal = await benchMarshal(database, logDir, probe);
  const census = await workflowCensus(database, logDir);
  const sql = await benchSql(database, probe);
  for (const ours of marshal.results)
    printShape(
      ours,
      sql.find((s) => s.shape === ours.shape)!,
    );
  if (census.length) {
    console.log(
      `\nStatement census: one Marshal process alone behind a counting proxy, ${settings.censusRuns} runs of each shape one at a time (POST included)`,
    );
    for (const c of census)
      console.log(
        `  ${SHAPES[c.shape].label}: ${fmt(c.statementsPerRun)} statements and ${fmt(c.commitsPerRun)} commits per run; ${fmt(c.statementsPerStep, 2)} statements and ${fmt(c.commitsPerStep, 2)} commits per step`,
      );
  }
  console.log("\nwarnings and errors in the replicas' logs:");
  for (const [name, troubles] of Object.entries(marshal.logs))
    console.log(`  ${name}: ${troubles.count}${troubles.examples.map((e) => `\n    ${e}`).join('')}`);

  const resultsFile = join(
    ROOT,
    'bench',
    'results',
    settings.replicas > 1 ? `workflows-${settings.replicas}-replicas.json` : 'workflows.json',
  );
  mkdirSync(dirname(resultsFile), { recursive: true });
  const report = {
    date: new Date().toISOString(),
    command: [...overrides, command].join(' '),
    ...machine,
    database: database.server,
    settings,
    marshal,
    census,
    sqlLoop: sql,
  };
  writeFileSync(resultsFile, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nWrote ${resultsFile}`);

  const problems = [
    ...marshal.results.flatMap((r) => r.concurrent.problems.map((p) => `marshal, ${r.shape}: ${p}`)),
    ...sql.flatMap((r) => r.concurrent.problems.map((p) => `SQL loop, ${r.shape}: ${p}`)),
  ];
  if (problems.length) {
    const evidence = marshal.results.flatMap((r) => r.evidence.map((e) => `marshal, ${r.shape}: ${e}`));
    console.error(
      `\nFAILED:\n  ${problems.join('\n  ')}${evidence.length ? `\n\nsteps that started twice:\n  ${evidence.join('\n  ')}` : ''}`,
    );
    return 1;
  }
  console.log('\nOK: every run succeeded, every step succeeded at its first attempt (none ran twice), none was left behind.');
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
