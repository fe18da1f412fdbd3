import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import {
  cleanUp,
  cleanups,
  countStatements,
  integer,
  type LatencySummary,
  provisionDatabase,
  query,
  ROOT,
  round2,
  summarise,
  marshalEnv,
  startMarshal,
} from './support.js';

/*
 * `npm run bench:lists`: GET /api/v1/jobs as one organization's jobs grow to each of BENCH_SIZES
 * (10000,1000000; seeded with SQL, generate_series), one request at a time over HTTP:
 *   - the first page (default sort, no filter);
 *   - a filtered page (status and type), and one of a rare type;
 *   - a page by cursor 90 % deep into the list (the cursor comes from the list itself);
 *   - the last page by offset.
 * Each is measured against its floor in the same run: the SELECT that serves it, over a plain pg
 * client on the same database. Statements per request are counted by a proxy in front of
 * PostgreSQL; the server's background statements, counted while it idles, are subtracted.
 *
 * Environment: DATABASE_URL (a server to create the bench database on, dropped at the end;
 * default: an embedded PostgreSQL), BENCH_SIZES, BENCH_SECONDS (8 s per scenario), BENCH_REQUESTS
 * (at most 200 per scenario), BENCH_WARMUP (5 requests first, not counted), BENCH_SHOW_SQL (any value:
 * print the statements one request of each scenario sent, as PostgreSQL received them).
 */
const RESULTS_FILE = join(ROOT, 'bench', 'results', 'lists.json');
const ADMIN = { email: 'bench@marshal.test', password: randomBytes(12).toString('hex') };
const PAGE_SIZE = 20;
const TYPES = 10;

const settings = {
  sizes: (process.env.BENCH_SIZES ?? '10000,1000000').split(',').map((s) => Number(s.trim())),
  seconds: integer('BENCH_SECONDS', 8, 1),
  maxRequests: integer('BENCH_REQUESTS', 200, 1),
  warmup: integer('BENCH_WARMUP', 5, 0),
};
if (settings.sizes.some((n, i) => !Number.isInteger(n) || n < 1 || (i > 0 && n <= settings.sizes[i - 1]))) {
  throw new Error(`BENCH_SIZES must be increasing positive integers (got ${process.env.BENCH_SIZES})`);
}

type Json = Record<string, any>;

/**
 * Jobs 1..n of the organization, newest first: job i was created 2.5 s × i before `base`, so a
 * larger size adds older history and the first page stays the same rows. Its status depends on
 * i / 10 and its type on i % 10, so that the two filters are independent (1 job in 500 is
 * failed and of type bench-3); 1 job in 5,000 is of type bench-rare, spread over the whole
 * history. Ids are UUIDv7-shaped from the creation time, as newId() makes them.
 */
async function seed(url: string, organizationId: string, base: Date, from: number, to: number): Promise<void> {
  const batch = 200_000;
  for (let start = from; start <= to; start += batch) {
    const end = Math.min(to, start + batch - 1);
    await query(
      url,
      `INSERT INTO jobs (organization_id, id, type, payload, status, priority, attempts, max_attempts, timeout_seconds,
                         queued_at, available_at, started_at, completed_at, error_code, created_by_type, created_at, updated_at)
       SELECT $1, (lpad(to_hex((extract(epoch FROM t) * 1000)::bigint), 12, '0') || '7' || substr(md5(i::text), 1, 3) || '8' || substr(md5(i::text), 4, 15))::uuid,
              CASE WHEN i % 5000 = 0 THEN 'bench-rare' ELSE 'bench-' || (i % ${TYPES}) END, '{}', s, 0, CASE WHEN s = 'queued' THEN 0 ELSE 1 END, 3, 600,
              t, t, CASE WHEN s = 'queued' THEN NULL ELSE t + interval '1 second' END, CASE WHEN s = 'queued' THEN NULL ELSE t + interval '2 seconds' END,
              CASE WHEN s = 'failed' THEN 'BENCH' END, 'user', t, t
         FROM generate_series($2::int, $3::int) AS i,
              LATERAL (SELECT $4::timestamptz - i * interval '2.5 seconds' AS t,
                              CASE (i / 10) % 50 WHEN 0 THEN 'failed' WHEN 1 THEN 'queued' WHEN 2 THEN 'cancelled' ELSE 'succeeded' END AS s) AS row`,
      [organizationId, start, end, base.toISOString()],
    );
    process.stdout.write(`  seeded ${end.toLocaleString('en')} jobs\r`);
  }
  process.stdout.write('\n');
  await query(url, 'VACUUM ANALYZE jobs');
}

interface Scenario {
  name: string;
  path: string;
  /** The SELECT that serves this page, for the floor: the same rows, in the same order. */
  floor: { text: string; values: unknown[] };
}

interface Measured {
  scenario: string;
  http: LatencySummary;
  floor: LatencySummary;
  statementsPerRequest: number;
}

async function main(): Promise<void> {
  const workDir = mkdtempSync(join(tmpdir(), 'marshal-bench-'));
  cleanups.push(() => rmSync(workDir, { recursive: true, force: true }));
  const logDir = join(workDir, 'logs');
  mkdirSync(logDir);
  const database = await provisionDatabase(workDir);
  const counter = await countStatements(database.url);
  const marshal = await startMarshal(
    'marshal',
    marshalEnv({
      databaseUrl: counter.url,
      admin: ADMIN,
      logLevel: 'warn',
      // Background work these lists do not need: fewer statements to tell apart from the requests'.
      extra: { WORKFLOW_ENGINE_ENABLED: 'false', JOB_REAPER_INTERVAL_MS: '60000', BROKER_SWEEP_INTERVAL_MS: '600000' },
    }),
    logDir,
  );

  const get = async (path: string, headers: Record<string, string>): Promise<{ status: number; body: Json }> => {
    const res = await fetch(`${marshal.baseUrl}${path}`, { headers });
    return { status: res.status, body: (await res.json()) as Json };
  };
  const login = await fetch(`${marshal.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  const auth = { authorization: `Bearer ${((await login.json()) as Json).data.accessToken as string}` };
  const me = await get('/api/v1/me', auth);
  const organizationId = me.body.context.organizationId as string;
  const ok = async (what: string, path: string): Promise<Json> => {
    const res = await get(path, auth);
    if (res.status !== 200) throw new Error(`${what}: GET ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  };

  const floorClient = new pg.Client({ connectionString: database.url });
  await floorClient.connect();
  cleanups.push(() => floorClient.end());
  const floorIds = async (f: Scenario['floor']) => (await floorClient.query<{ id: string }>(f.text, f.values)).rows.map((r) => r.id);

  const base = new Date(Date.now() - 60_000);
  const results: {
    size: number;
    seedSeconds: number;
    backgroundStatementsPerSecond: number;
    measured: Measured[];
    notOffered: string[];
  }[] = [];
  let seeded = 0;
  console.log(`\nGET /api/v1/jobs as one organization grows, ${database.server}`);
  for (const size of settings.sizes) {
    const began = performance.now();
    await seed(database.url, organizationId, base, seeded + 1, size);
    seeded = size;
    const seedSeconds = round2((performance.now() - began) / 1000);

    // The server's own statements while no request runs (pollers, sweeps), subtracted below.
    const idleFrom = counter.statements();
    const idleStart = performance.now();
    await new Promise((r) => setTimeout(r, 3000));
    const background = (counter.statements() - idleFrom) / ((performance.now() - idleStart) / 1000);

    const select = `SELECT * FROM jobs WHERE organization_id = $1`;
    const order = `ORDER BY created_at DESC, id DESC LIMIT ${PAGE_SIZE + 1}`;
    const lastPage = Math.ceil(size / PAGE_SIZE);
    const scenarios: Scenario[] = [
      { name: 'first page', path: '/api/v1/jobs', floor: { text: `${select} ${order}`, values: [organizationId] } },
      {
        name: 'filtered (status, type)',
        path: '/api/v1/jobs?status=failed&type=bench-3',
        floor: { text: `${select} AND status = ANY($2) AND type = $3 ${order}`, values: [organizationId, ['failed'], 'bench-3'] },
      },
      {
        name: 'filtered (a rare type)',
        path: '/api/v1/jobs?type=bench-rare',
        floor: { text: `${select} AND type = $2 ${order}`, values: [organizationId, 'bench-rare'] },
      },
      {
        name: `last page by offset (${lastPage})`,
        path: `/api/v1/jobs?page=${lastPage}`,
        floor: { text: `${select} ${order} OFFSET $2`, values: [organizationId, (lastPage - 1) * PAGE_SIZE] },
      },
    ];
    // The cursor of the job 90 % deep, as the list hands it out (meta.cursor.next of a one-item page).
    const depth = Math.floor(size * 0.9);
    const deep = await ok('deep cursor', `/api/v1/jobs?pageSize=1&page=${depth}`);
    const notOffered: string[] = [];
    if (typeof deep.meta.cursor?.next === 'string') {
      const [row] = (
        await floorClient.query<{ created_at: Date; id: string }>(`${select} ORDER BY created_at DESC, id DESC OFFSET $2 LIMIT 1`, [
          organizationId,
          depth - 1,
        ])
      ).rows;
      scenarios.push({
        name: `by cursor, ${Math.round(depth / 1000)}k deep`,
        path: `/api/v1/jobs?cursor=${encodeURIComponent(deep.meta.cursor.next as string)}`,
        floor: { text: `${select} AND (created_at, id) < ($2, $3) ${order}`, values: [organizationId, row.created_at, row.id] },
      });
    } else {
      notOffered.push('by cursor');
    }

    // Every page must be what its floor selects, or the comparison means nothing.
    const statementsOf = new Map<string, string[]>();
    for (const s of scenarios) {
      const stop = counter.capture();
      const served = ((await ok(s.name, s.path)).data as Json[]).map((j) => j.id as string);
      statementsOf.set(s.name, stop());
      const expected = (await floorIds(s.floor)).slice(0, PAGE_SIZE);
      if (served.length === 0 || JSON.stringify(served) !== JSON.stringify(expected)) {
        throw new Error(`${s.name}: the server answered ${served.length} jobs that differ from its floor's ${expected.length}`);
      }
    }

    const measured: Measured[] = [];
    /** Warm-up, then timed runs until the time budget is spent (at least 10); elapsedMs includes the warm-up. */
    const budget = async (run: () => Promise<void>): Promise<{ times: number[]; elapsedMs: number }> => {
      const began = performance.now();
      for (let i = 0; i < settings.warmup; i++) await run();
      const times: number[] = [];
      const start = performance.now();
      while (times.length < settings.maxRequests && (times.length < 10 || performance.now() - start < settings.seconds * 1000)) {
        const t0 = performance.now();
        await run();
        times.push(performance.now() - t0);
      }
      return { times, elapsedMs: performance.now() - began };
    };
    for (const s of [{ name: 'GET /me (no list)', path: '/api/v1/me', floor: { text: 'SELECT 1', values: [] } }, ...scenarios]) {
      let failures = 0;
      const before = counter.statements();
      const http = await budget(async () => {
        const res = await fetch(`${marshal.baseUrl}${s.path}`, { headers: auth });
        await res.arrayBuffer();
        if (res.status !== 200) failures++;
      });
      const sent = counter.statements() - before - background * (http.elapsedMs / 1000);
      if (failures) throw new Error(`${s.name}: ${failures} requests did not answer 200`);
      const floor = await budget(async () => void (await floorClient.query(s.floor.text, s.floor.values)));
      measured.push({
        scenario: s.name,
        http: summarise(http.times),
        floor: summarise(floor.times),
        // Warm-up requests went through the proxy too.
        statementsPerRequest: round2(Math.max(0, sent) / (http.times.length + settings.warmup)),
      });
    }

    console.log(
      `\n${size.toLocaleString('en')} jobs (seeded in ${seedSeconds} s; background ${background.toFixed(1)} statements/s, subtracted)`,
    );
    console.log(
      `${'scenario'.padEnd(30)}${'n'.padStart(5)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'floor p50'.padStart(11)}${'floor p99'.padStart(11)}${'p50 ÷ floor'.padStart(13)}${'stmts/req'.padStart(11)}`,
    );
    for (const m of measured) {
      console.log(
        `${m.scenario.padEnd(30)}${String(m.http.count).padStart(5)}${m.http.p50.toFixed(1).padStart(9)}${m.http.p99.toFixed(1).padStart(9)}` +
          `${m.floor.p50.toFixed(2).padStart(11)}${m.floor.p99.toFixed(2).padStart(11)}${(m.http.p50 / m.floor.p50).toFixed(1).padStart(13)}${m.statementsPerRequest.toFixed(1).padStart(11)}`,
      );
    }
    for (const name of notOffered) console.log(`${name.padEnd(30)}  not offered by this server (no meta.cursor.next)`);
    if (process.env.BENCH_SHOW_SQL) {
      for (const [name, texts] of statementsOf)
        console.log(`\n${name}: what one request sent\n${texts.map((t) => `  ${t.replace(/\s+/g, ' ')}`).join('\n')}`);
    }
    results.push({ size, seedSeconds, backgroundStatementsPerSecond: round2(background), measured, notOffered });
  }

  mkdirSync(dirname(RESULTS_FILE), { recursive: true });
  const machine = { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown' };
  writeFileSync(
    RESULTS_FILE,
    `${JSON.stringify({ date: new Date().toISOString(), ...machine, database: database.server, settings, results }, null, 2)}\n`,
  );
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
