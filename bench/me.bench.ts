import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import {
  cleanUp,
  cleanups,
  type Child,
  countStatements,
  processCpuMs,
  provisionDatabase,
  ROOT,
  spawnChild,
  tail,
  marshalEnv,
  serverKeys,
  startMarshal,
} from './support.js';

/*
 * `npm run bench:me`: GET /api/v1/me on the built Marshal server against two floors measured in the
 * same run, on the same database with the same token, each doing the same work per request
 * (me-floor.ts: the ES256 check, the one session read, the envelope): baseline-nest-me-server.ts
 * in the plainest Nest + express application (the frameworks Marshal runs on, so the gap to it is
 * what Marshal's own middleware, guards, interceptors and logging cost), and baseline-me-server.ts
 * on raw node:http (what the frameworks cost on top).
 *
 * Each figure: requests per second and latency under load, and the server's own CPU time per
 * request (user + system, from /proc, over the measured run), the steadier figure on a shared
 * machine. A census after the load counts the statements and transactions each Marshal scenario
 * sends to PostgreSQL per request, through a counting proxy in front of a third Marshal process.
 *
 * Environment: DATABASE_URL (a server to create the bench database on; default: an embedded
 * PostgreSQL), BENCH_DURATION (seconds per measured run, 10), BENCH_WARMUP (seconds, 2),
 * BENCH_CONNECTIONS (50), BENCH_ROUNDS (2), DATABASE_POOL_SIZE (10, for both servers),
 * BENCH_CPU_PROF (a folder: each server writes a V8 CPU profile into a subfolder of it when it stops).
 */

const HERE = dirname(fileURLToPath(import.meta.url)); // dist/bench
const BASELINE_ENTRY = join(HERE, 'baseline-me-server.js');
const NEST_BASELINE_ENTRY = join(HERE, 'baseline-nest-me-server.js');
/** Requests per scenario in the statement census, one at a time. */
const CENSUS_REQUESTS = 200;
const RESULTS_FILE = join(ROOT, 'bench', 'results', 'me.json');
const ADMIN = { email: 'bench@marshal.test', password: randomBytes(12).toString('hex') };
const ISSUER = 'marshal';
const AUDIENCE = 'marshal-api'; // fixed in loadConfig

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer (got ${raw})`);
  return value;
}

const settings = {
  durationSeconds: positiveInt('BENCH_DURATION', 10),
  warmupSeconds: positiveInt('BENCH_WARMUP', 2),
  connections: positiveInt('BENCH_CONNECTIONS', 50),
  rounds: positiveInt('BENCH_ROUNDS', 2),
  poolSize: positiveInt('DATABASE_POOL_SIZE', 10),
};

async function getJson<T>(url: string, init?: RequestInit): Promise<{ status: number; body: T }> {
  const response = await fetch(url, init);
  return { status: response.status, body: (await response.json()) as T };
}

interface MeEnvelope {
  success: boolean;
  data: Record<string, unknown> | null;
}

/** The shape of a JSON value: the dotted paths of all its object keys, in order. */
const shapeOf = (value: unknown, prefix = ''): string[] =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? Object.entries(value).flatMap(([k, v]) => [`${prefix}${k}`, ...shapeOf(v, `${prefix}${k}.`)])
    : [];

/** Fails loudly unless every target answers 200 with the same user in the same envelope shape. */
async function verifyTargets(targets: Child[], token: string): Promise<void> {
  let reference: { target: string; data: string; shape: string } | undefined;
  for (const target of targets) {
    const { status, body } = await getJson<MeEnvelope>(`${target.baseUrl}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    if (status !== 200 || !body.success) {
      throw new Error(`${target.name}: GET /api/v1/me answered ${status}: ${JSON.stringify(body)}\n${tail(target.logFile, 10)}`);
    }
    const seen = { target: target.name, data: JSON.stringify(body.data), shape: shapeOf(body).join(' ') };
    reference ??= seen;
    if (seen.data !== reference.data || seen.shape !== reference.shape) {
      throw new Error(`${target.name} and ${reference.target} answer differently:\n${JSON.stringify(seen)}\n${JSON.stringify(reference)}`);
    }
  }
}

/** One measured request: a server and what to send it. */
interface Scenario {
  name: string;
  child: Child;
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

interface Run {
  target: string;
  round: number;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  requests: number;
  /** The server's CPU time (user + system) over the measured run, per request, in µs. */
  serverCpuUsPerRequest: number;
  non2xx: number;
  errors: number;
}

async function load(scenario: Scenario, duration: number): Promise<autocannon.Result> {
  return autocannon({
    url: `${scenario.child.baseUrl}${scenario.path}`,
    method: scenario.method,
    connections: settings.connections,
    duration,
    headers: scenario.headers,
    body: scenario.body,
  });
}

/** Fails loudly unless a scenario answers 200 before it is measured. */
async function verifyScenario(scenario: Scenario): Promise<void> {
  const res = await fetch(`${scenario.child.baseUrl}${scenario.path}`, {
    method: scenario.method,
    headers: scenario.headers,
    body: scenario.body,
  });
  if (res.status !== 200)
    throw new Error(`${scenario.name}: ${scenario.method} ${scenario.path} answered ${res.status}: ${await res.text()}`);
}

/** 100 checks of the caller's own permissions, as a UI deciding what to show would send. */
function checkBatchBody(): string {
  const permissions = [
    'role.read',
    'role.edit',
    'team.read',
    'team.create',
    'member.read',
    'api_key.read',
    'audit.read',
    'settings.read',
    'secret.read',
    'invitation.create',
  ];
  return JSON.stringify({ checks: Array.from({ length: 100 }, (_, i) => ({ permission: permissions[i % permissions.length] })) });
}

interface Census {
  scenario: string;
  statementsPerRequest: number;
  /** Explicit COMMITs per request (a statement outside a transaction commits on its own and is not counted here). */
  commitsPerRequest: number;
  /** The distinct statements of one request, for reading what it does. */
  statements: string[];
}

/**
 * Statements and commits per request: a Marshal process of its own, connected through the
 * counting proxy (support.ts), answers each scenario CENSUS_REQUESTS times, one at a time, after
 * a warm-up that fills whatever it caches.
 */
async function statementCensus(
  databaseUrl: string,
  env: Record<string, string>,
  logDir: string,
  token: string,
  apiKey: string,
): Promise<Census[]> {
  const counter = await countStatements(databaseUrl);
  const child = await startMarshal('marshal (census)', { ...env, DATABASE_URL: counter.url }, logDir);
  const scenarios: { scenario: string; init: RequestInit & { path: string } }[] = [
    { scenario: 'GET /me, JWT', init: { path: '/api/v1/me', headers: { authorization: `Bearer ${token}` } } },
    { scenario: 'GET /me, API key', init: { path: '/api/v1/me', headers: { 'x-api-key': apiKey } } },
    {
      scenario: 'authz check-batch 100',
      init: {
        path: '/api/v1/authz/check-batch',
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: checkBatchBody(),
      },
    },
  ];
  const results: Census[] = [];
  try {
    for (const { scenario, init } of scenarios) {
      const send = async () => {
        const res = await fetch(`${child.baseUrl}${init.path}`, init);
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`census ${scenario}: answered ${res.status}`);
      };
      for (let i = 0; i < 20; i++) await send();
      const stop = counter.capture();
      const before = counter.statements();
      const committed = counter.commits();
      for (let i = 0; i < CENSUS_REQUESTS; i++) await send();
      const statements = counter.statements() - before;
      const texts = stop();
      results.push({
        scenario,
        statementsPerRequest: round2(statements / CENSUS_REQUESTS),
        commitsPerRequest: round2((counter.commits() - committed) / CENSUS_REQUESTS),
        statements: [...new Set(texts)].map((q) => q.replace(/\s+/g, ' ').slice(0, 200)),
      });
    }
  } finally {
    await child.stop();
  }
  return results;
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const round2 = (n: number) => Math.round(n * 100) / 100;

async function main(): Promise<void> {
  const workDir = mkdtempSync(join(tmpdir(), 'marshal-bench-'));
  cleanups.push(() => rmSync(workDir, { recursive: true, force: true }));
  const logDir = join(workDir, 'logs');
  mkdirSync(logDir);

  const database = await provisionDatabase(workDir);

  // Both Marshal processes share their keys.
  const keys = serverKeys();
  const env = (logLevel: string) =>
    marshalEnv({
      databaseUrl: database.url,
      admin: ADMIN,
      logLevel,
      keys,
      extra: {
        DATABASE_POOL_SIZE: String(settings.poolSize),
        JWT_ISSUER: ISSUER,
        // Rate limiting stays on, so its cost is measured, with limits far above what a run sends.
        RATE_LIMIT_ENABLED: 'true',
        RATE_LIMIT_STANDARD: '1000000000,100000000',
      },
    });
  // One after the other: the first creates the organization and its owner, the second finds them.
  const marshal = await startMarshal('marshal (LOG_LEVEL=info)', env('info'), logDir);
  const marshalWarn = await startMarshal('marshal (LOG_LEVEL=warn)', env('warn'), logDir);

  const login = await getJson<{ data?: { accessToken: string } }>(`${marshal.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  const token = login.body.data?.accessToken;
  if (login.status !== 200 || !token) throw new Error(`login answered ${login.status}: ${JSON.stringify(login.body)}`);
  const jwks = await getJson<{ keys: object[] }>(`${marshal.baseUrl}/.well-known/jwks.json`);
  if (jwks.status !== 200 || jwks.body.keys.length !== 1) throw new Error(`jwks answered ${jwks.status}: ${JSON.stringify(jwks.body)}`);

  const floorEnv = {
    DATABASE_URL: database.url,
    DATABASE_POOL_SIZE: String(settings.poolSize),
    BASELINE_JWK: JSON.stringify(jwks.body.keys[0]),
    JWT_ISSUER: ISSUER,
    JWT_AUDIENCE: AUDIENCE,
  };
  const baseline = await spawnChild('baseline', BASELINE_ENTRY, floorEnv, /^baseline listening on (http:\/\/\S+)/m, logDir);
  const nestBaseline = await spawnChild(
    'nest baseline',
    NEST_BASELINE_ENTRY,
    floorEnv,
    /nest baseline listening on (http:\/\/\S+)/,
    logDir,
  );
  await verifyTargets([baseline, nestBaseline, marshal, marshalWarn], token);

  const apiKey = await getJson<{ data?: { secret: string } }>(`${marshal.baseUrl}/api/v1/api-keys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ name: 'bench' }),
  });
  if (apiKey.status !== 201 || !apiKey.body.data)
    throw new Error(`minting an API key answered ${apiKey.status}: ${JSON.stringify(apiKey.body)}`);
  const bearer = { authorization: `Bearer ${token}` };
  const targets: Scenario[] = [
    { name: 'nest + express floor GET /me', child: nestBaseline, method: 'GET', path: '/api/v1/me', headers: bearer },
    { name: 'node:http floor GET /me', child: baseline, method: 'GET', path: '/api/v1/me', headers: bearer },
    { name: 'marshal GET /me (info)', child: marshal, method: 'GET', path: '/api/v1/me', headers: bearer },
    { name: 'marshal GET /me (warn)', child: marshalWarn, method: 'GET', path: '/api/v1/me', headers: bearer },
    {
      name: 'marshal GET /me, API key',
      child: marshal,
      method: 'GET',
      path: '/api/v1/me',
      headers: { 'x-api-key': apiKey.body.data.secret },
    },
    {
      name: 'marshal authz check-batch 100',
      child: marshal,
      method: 'POST',
      path: '/api/v1/authz/check-batch',
      headers: { ...bearer, 'content-type': 'application/json' },
      body: checkBatchBody(),
    },
  ];
  for (const scenario of targets) await verifyScenario(scenario);

  const command =
    process.env.npm_lifecycle_event === 'bench:me'
      ? 'npm run bench:me'
      : `node ${process.argv
          .slice(1)
          .map((a) => relative(process.cwd(), a) || a)
          .join(' ')}`;
  const overrides = Object.entries(process.env)
    .filter(([k]) => k.startsWith('BENCH_') || k === 'DATABASE_POOL_SIZE')
    .map(([k, v]) => `${k}=${v}`);
  const machine = { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown' };
  console.log(`\nGET /api/v1/me: ${[...overrides, command].join(' ')}`);
  console.log(`Node ${machine.node}, ${machine.cpus} CPUs (${machine.cpuModel}), ${database.server}`);
  console.log(
    `${settings.connections} connections, ${settings.durationSeconds} s per run after a ${settings.warmupSeconds} s warm-up, ` +
      `${settings.rounds} round${settings.rounds === 1 ? '' : 's'} of ${targets.length} scenarios; pool size ${settings.poolSize}\n`,
  );

  // Rounds interleave the targets, so that drift on a shared machine hits each of them alike.
  const runs: Run[] = [];
  for (let round = 1; round <= settings.rounds; round++) {
    for (const target of targets) {
      // Discarded: wakes the JIT, the pool's connections and the CPU caches after the other targets ran.
      await load(target, settings.warmupSeconds);
      const cpuBefore = processCpuMs(target.child.pid)!;
      const result = await load(target, settings.durationSeconds);
      const cpuMs = processCpuMs(target.child.pid)! - cpuBefore;
      const run: Run = {
        target: target.name,
        round,
        requestsPerSecond: result.requests.average,
        latencyP50Ms: result.latency.p50,
        latencyP99Ms: result.latency.p99,
        requests: result.requests.total,
        serverCpuUsPerRequest: Math.round((cpuMs * 1000) / Math.max(1, result.requests.total)),
        non2xx: result.non2xx,
        errors: result.errors + result.timeouts,
      };
      runs.push(run);
      console.log(
        `  round ${round}  ${target.name.padEnd(32)} ${run.requestsPerSecond.toFixed(0).padStart(6)} req/s  ` +
          `p50 ${run.latencyP50Ms} ms  p99 ${run.latencyP99Ms} ms  CPU ${run.serverCpuUsPerRequest} µs/req  non-2xx ${run.non2xx}  errors ${run.errors}`,
      );
    }
  }

  const summary = targets.map((t) => {
    const mine = runs.filter((r) => r.target === t.name);
    return {
      target: t.name,
      requestsPerSecond: round2(mean(mine.map((r) => r.requestsPerSecond))),
      latencyP50Ms: round2(mean(mine.map((r) => r.latencyP50Ms))),
      latencyP99Ms: round2(mean(mine.map((r) => r.latencyP99Ms))),
      serverCpuUsPerRequest: Math.round(mean(mine.map((r) => r.serverCpuUsPerRequest))),
      non2xx: mine.reduce((n, r) => n + r.non2xx, 0),
      errors: mine.reduce((n, r) => n + r.errors, 0),
    };
  });
  const [nestFloor, rawFloor] = summary;
  // Each Marshal scenario against each same-run floor: req/s ratio (scenario over floor) and CPU
  // ratio (floor's CPU per request over the scenario's): 1.0 is the floor, higher is better.
  const against = (s: (typeof summary)[number], floor: (typeof summary)[number]) => ({
    rps: round2(s.requestsPerSecond / floor.requestsPerSecond),
    cpu: round2(floor.serverCpuUsPerRequest / s.serverCpuUsPerRequest),
  });
  const ratios = Object.fromEntries(
    summary.slice(2).map((s) => [s.target, { nestExpressFloor: against(s, nestFloor), nodeHttpFloor: against(s, rawFloor) }]),
  );

  const census = await statementCensus(database.url, env('info'), logDir, token, apiKey.body.data.secret);

  const header = `${'scenario (mean of rounds)'.padEnd(34)}${'req/s'.padStart(8)}${'p50 ms'.padStart(8)}${'p99 ms'.padStart(8)}`;
  console.log(
    `\n${header}${'CPU µs/req'.padStart(12)}${'non-2xx'.padStart(9)}${'÷ nest rps'.padStart(12)}${'÷ nest cpu'.padStart(12)}${'÷ raw cpu'.padStart(11)}`,
  );
  for (const s of summary) {
    const ratio = ratios[s.target];
    const cell = (value: number | undefined, width: number) => (value === undefined ? '' : value.toFixed(2)).padStart(width);
    console.log(
      `${s.target.padEnd(34)}${s.requestsPerSecond.toFixed(0).padStart(8)}${s.latencyP50Ms.toFixed(1).padStart(8)}` +
        `${s.latencyP99Ms.toFixed(1).padStart(8)}${String(s.serverCpuUsPerRequest).padStart(12)}${String(s.non2xx).padStart(9)}` +
        `${cell(ratio?.nestExpressFloor.rps, 12)}${cell(ratio?.nestExpressFloor.cpu, 12)}${cell(ratio?.nodeHttpFloor.cpu, 11)}`,
    );
  }
  console.log(
    `\nstatement census (${CENSUS_REQUESTS} requests each, one at a time; the floors send 1 statement, which commits on its own):`,
  );
  for (const c of census)
    console.log(
      `  ${c.scenario.padEnd(32)} ${c.statementsPerRequest.toFixed(2)} statements/req  ${c.commitsPerRequest.toFixed(2)} commits/req`,
    );
  const failures = summary.filter((s) => s.non2xx > 0 || s.errors > 0);
  if (failures.length) console.log(`\nWARNING: non-2xx responses or errors during the runs: ${failures.map((s) => s.target).join(', ')}`);

  mkdirSync(dirname(RESULTS_FILE), { recursive: true });
  const report = {
    date: new Date().toISOString(),
    command: [...overrides, command].join(' '),
    ...machine,
    database: database.server,
    settings,
    summary,
    ratios,
    census,
    runs,
  };
  writeFileSync(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nWrote ${RESULTS_FILE}`);
}

process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)));
try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
