import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { cleanUp, cleanups, type Child, provisionDatabase, ROOT, spawnChild, tail } from './support.js';

/*
 * `npm run bench`: GET /api/v1/me on the built Marshal server against a baseline measured in the
 * same run: baseline-me-server.ts does the same work per request (ES256 check, the one session
 * read, the envelope) on raw node:http + pg, on the same database with the same token. The gap
 * between the two is what Marshal's framework, middleware and logging cost.
 *
 * Environment: DATABASE_URL (a server to create the bench database on; default: an embedded
 * PostgreSQL), BENCH_DURATION (seconds per measured run, 10), BENCH_WARMUP (seconds, 2),
 * BENCH_CONNECTIONS (50), BENCH_ROUNDS (2), DATABASE_POOL_SIZE (10, for both servers),
 * BENCH_CPU_PROF (a folder: each server writes a V8 CPU profile into a subfolder of it when it stops).
 */

const HERE = dirname(fileURLToPath(import.meta.url)); // dist/bench
const MARSHAL_ENTRY = join(ROOT, 'dist', 'src', 'main.js');
const BASELINE_ENTRY = join(HERE, 'baseline-me-server.js');
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

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const round2 = (n: number) => Math.round(n * 100) / 100;

async function main(): Promise<void> {
  const workDir = mkdtempSync(join(tmpdir(), 'marshal-bench-'));
  cleanups.push(() => rmSync(workDir, { recursive: true, force: true }));
  const logDir = join(workDir, 'logs');
  mkdirSync(logDir);

  const database = await provisionDatabase(workDir);

  // Production mode, as users run it: explicit signing and encryption keys, shared by both Marshal processes.
  const signingKey = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const encryptionKey = randomBytes(32).toString('base64');
  const marshalEnv = (logLevel: string) => ({
    NODE_ENV: 'production',
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: database.url,
    DATABASE_POOL_SIZE: String(settings.poolSize),
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    JWT_PRIVATE_KEY: signingKey,
    ENCRYPTION_KEY: encryptionKey,
    JWT_ISSUER: ISSUER,
    LOG_LEVEL: logLevel,
    // Outlives any BENCH_DURATION; a token's lifetime costs nothing per request.
    ACCESS_TOKEN_TTL_SECONDS: '86400',
    // Rate limiting stays on, so its cost is measured, with limits far above what a run sends.
    RATE_LIMIT_STANDARD: '1000000000,100000000',
  });
  const banner = /API\s+(http:\/\/\S+)\/api\/v1/;
  // One after the other: the first creates the organization and its owner, the second finds them.
  const marshal = await spawnChild('marshal (LOG_LEVEL=info)', MARSHAL_ENTRY, marshalEnv('info'), banner, logDir);
  const marshalWarn = await spawnChild('marshal (LOG_LEVEL=warn)', MARSHAL_ENTRY, marshalEnv('warn'), banner, logDir);

  const login = await getJson<{ data?: { accessToken: string } }>(`${marshal.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  const token = login.body.data?.accessToken;
  if (login.status !== 200 || !token) throw new Error(`login answered ${login.status}: ${JSON.stringify(login.body)}`);
  const jwks = await getJson<{ keys: object[] }>(`${marshal.baseUrl}/.well-known/jwks.json`);
  if (jwks.status !== 200 || jwks.body.keys.length !== 1) throw new Error(`jwks answered ${jwks.status}: ${JSON.stringify(jwks.body)}`);

  const baseline = await spawnChild(
    'baseline',
    BASELINE_ENTRY,
    {
      DATABASE_URL: database.url,
      DATABASE_POOL_SIZE: String(settings.poolSize),
      BASELINE_JWK: JSON.stringify(jwks.body.keys[0]),
      JWT_ISSUER: ISSUER,
      JWT_AUDIENCE: AUDIENCE,
    },
    /baseline listening on (http:\/\/\S+)/,
    logDir,
  );
  await verifyTargets([baseline, marshal, marshalWarn], token);

  const apiKey = await getJson<{ data?: { secret: string } }>(`${marshal.baseUrl}/api/v1/api-keys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ name: 'bench' }),
  });
  if (apiKey.status !== 201 || !apiKey.body.data)
    throw new Error(`minting an API key answered ${apiKey.status}: ${JSON.stringify(apiKey.body)}`);
  const bearer = { authorization: `Bearer ${token}` };
  const targets: Scenario[] = [
    { name: 'baseline GET /me', child: baseline, method: 'GET', path: '/api/v1/me', headers: bearer },
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
    process.env.npm_lifecycle_event === 'bench'
      ? 'npm run bench'
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
      const result = await load(target, settings.durationSeconds);
      const run: Run = {
        target: target.name,
        round,
        requestsPerSecond: result.requests.average,
        latencyP50Ms: result.latency.p50,
        latencyP99Ms: result.latency.p99,
        requests: result.requests.total,
        non2xx: result.non2xx,
        errors: result.errors + result.timeouts,
      };
      runs.push(run);
      console.log(
        `  round ${round}  ${target.name.padEnd(32)} ${run.requestsPerSecond.toFixed(0).padStart(6)} req/s  ` +
          `p50 ${run.latencyP50Ms} ms  p99 ${run.latencyP99Ms} ms  non-2xx ${run.non2xx}  errors ${run.errors}`,
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
      non2xx: mine.reduce((n, r) => n + r.non2xx, 0),
      errors: mine.reduce((n, r) => n + r.errors, 0),
    };
  });
  const base = summary[0];
  // Each scenario against the same-run baseline: req/s ratio and p99 ratio (baseline over scenario).
  const ratios = Object.fromEntries(
    summary
      .slice(1)
      .map((s) => [
        s.target,
        { rps: round2(s.requestsPerSecond / base.requestsPerSecond), p99: round2(base.latencyP99Ms / s.latencyP99Ms) },
      ]),
  );

  console.log(
    `\n${'scenario (mean of rounds)'.padEnd(34)}${'req/s'.padStart(9)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'non-2xx'.padStart(9)}${'÷ baseline'.padStart(12)}`,
  );
  for (const s of summary) {
    const ratio = ratios[s.target];
    console.log(
      `${s.target.padEnd(34)}${s.requestsPerSecond.toFixed(0).padStart(9)}${s.latencyP50Ms.toFixed(1).padStart(9)}` +
        `${s.latencyP99Ms.toFixed(1).padStart(9)}${String(s.non2xx).padStart(9)}${(ratio ? ratio.rps.toFixed(2) : '1.00').padStart(12)}`,
    );
  }
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
