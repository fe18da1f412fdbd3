import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './support.js';

/*
 * `npm run bench`: every figure of the performance table, each against its floor measured in the
 * same run. Runs the benches one after another, each in its own process (so one cannot warm or
 * load the next), then prints the table from the results they wrote to bench/results/:
 *
 *   bench:me         GET /me (JWT and API key) vs a Nest + express floor and a node:http floor
 *   bench:jobs       submit → claim → complete, one job per request, vs pg-boss; the long-poll wake-up
 *   bench:jobs       again with claim max=10, batched completion and batched submission
 *   bench:fanout     SSE fan-out to 1,000 subscribers vs a node:http + pg floor
 *   bench:workflows  a 5-node no-op workflow vs the engine's pure-SQL claim loop
 *   bench:lists      first and keyset pages at 10 k and 1 M rows vs their own SELECT
 *   bench:ingest     a ~50 MB archive of small files into a snapshot vs `tar -xzf` of it
 *   bench:sarif      a 10,000-result SARIF log imported as a scan vs JSON.parse + schema validation of it
 *
 * BENCH_ONLY=me,jobs,… runs a subset; BENCH_TABLE_ONLY=1 prints the table from the last results
 * without running anything. Settings given to this command (BENCH_*, DATABASE_URL) reach every bench;
 * each bench's own defaults are below, where the table's figures need other ones than its own.
 */

interface Step {
  name: string;
  script: string;
  env: Record<string, string>;
}

const STEPS: Step[] = [
  { name: 'me', script: 'me.bench.js', env: {} },
  { name: 'jobs', script: 'jobs.bench.js', env: { BENCH_JOBS: '3000', BENCH_LOG_LEVEL: 'warn' } },
  {
    name: 'jobs-batched',
    script: 'jobs.bench.js',
    env: { BENCH_JOBS: '10000', BENCH_CLAIM_MAX: '10', BENCH_WAKEUPS: '0', BENCH_LOG_LEVEL: 'warn' },
  },
  { name: 'fanout', script: 'fanout.bench.js', env: { BENCH_LOG_LEVEL: 'warn' } },
  { name: 'workflows', script: 'workflows.bench.js', env: { BENCH_LOG_LEVEL: 'warn' } },
  { name: 'lists', script: 'lists.bench.js', env: {} },
  { name: 'ingest', script: 'ingest.bench.js', env: {} },
  { name: 'sarif', script: 'sarif.bench.js', env: {} },
];

const RESULTS = join(ROOT, 'bench', 'results');
const results = (file: string): any => {
  const path = join(RESULTS, file);
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
};

function run(step: Step): Promise<number> {
  // What the caller set wins over this table's defaults.
  const env = { ...process.env, ...Object.fromEntries(Object.entries(step.env).filter(([k]) => process.env[k] === undefined)) };
  console.log(`\n===== ${step.name}: load average ${loadavg()[0].toFixed(2)} =====`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'bench', step.script)], { env, stdio: 'inherit' });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

const f = (n: number | undefined, digits = 2) => (n === undefined || Number.isNaN(n) ? '—' : n.toFixed(digits));

interface Row {
  figure: string;
  marshal: string;
  floor: string;
  ratio: string;
  goal: string;
  met: boolean | undefined;
  census?: string;
}

function meRows(): Row[] {
  const me = results('me.json');
  if (!me) return [];
  const by = (target: string) => me.summary.find((s: { target: string }) => s.target === target);
  const nest = by('nest + express floor GET /me');
  const raw = by('node:http floor GET /me');
  const jwt = by('marshal GET /me (warn)');
  const key = by('marshal GET /me, API key');
  const census = (scenario: string) => me.census.find((c: { scenario: string }) => c.scenario === scenario);
  const cpuRatio = (s: { serverCpuUsPerRequest: number }) => nest.serverCpuUsPerRequest / s.serverCpuUsPerRequest;
  const rows: Row[] = [];
  for (const [label, s, c] of [
    ['GET /me, JWT: server CPU per request', jwt, census('GET /me, JWT')],
    ['GET /me, API key: server CPU per request', key, census('GET /me, API key')],
  ] as const) {
    rows.push({
      figure: label,
      marshal: `${s.serverCpuUsPerRequest} µs`,
      floor: `${nest.serverCpuUsPerRequest} µs (node:http ${raw.serverCpuUsPerRequest} µs)`,
      ratio: `${f(cpuRatio(s))} (node:http ${f(raw.serverCpuUsPerRequest / s.serverCpuUsPerRequest)})`,
      goal: '≥ 0.8 of the Nest floor',
      met: cpuRatio(s) >= 0.8,
      census: c ? `${f(c.statementsPerRequest)} statements, ${f(c.commitsPerRequest)} commits per request` : undefined,
    });
  }
  const apart =
    Math.abs(jwt.serverCpuUsPerRequest - key.serverCpuUsPerRequest) / Math.min(jwt.serverCpuUsPerRequest, key.serverCpuUsPerRequest);
  rows.push({
    figure: 'API key vs JWT GET /me',
    marshal: `${jwt.serverCpuUsPerRequest} vs ${key.serverCpuUsPerRequest} µs`,
    floor: '',
    ratio: `${f(apart * 100, 0)} % apart`,
    goal: 'within 10 %',
    met: apart <= 0.1,
  });
  return rows;
}

function jobsRows(): Row[] {
  const rows: Row[] = [];
  for (const [file, label, goal] of [
    ['jobs.json', 'jobs/s, one job per request, 16 agents', 0.5],
    ['jobs-batched.json', 'jobs/s, batched (claim max, batch complete and submit)', 1.0],
  ] as const) {
    const jobs = results(file);
    if (!jobs) continue;
    const census = (jobs.marshal.census ?? []) as { call: string; statementsPerJob: number; commitsPerJob: number }[];
    rows.push({
      figure: label,
      marshal: `${f(jobs.marshal.jobsPerSecond, 0)} (double claims ${jobs.marshal.doubleClaims})`,
      floor: `pg-boss ${f(jobs.pgBoss.jobsPerSecond, 0)}`,
      ratio: f(jobs.ratio),
      goal: `≥ ${goal.toFixed(1)}, 0 double claims`,
      met: jobs.ratio >= goal && jobs.marshal.doubleClaims === 0,
      census: census
        .filter((c) => /batch|max=(?!1\b)/.test(c.call) === (file === 'jobs-batched.json'))
        .map((c) => `${c.call}: ${f(c.statementsPerJob)} st / ${f(c.commitsPerJob)} commits per job`)
        .join('; '),
    });
    const serial = jobs.marshal.serialLatenciesMs ?? {};
    const wake = serial['wake-up: submit answered → claim answered'];
    const floor = serial['wake-up floor: COMMIT → NOTIFY → UPDATE (pg)'];
    if (wake)
      rows.push({
        figure: 'long-poll wake-up, submit → claim, p99 (idle server)',
        marshal: `${f(wake.p99, 1)} ms (p50 ${f(wake.p50, 1)})`,
        floor: floor ? `${f(floor.p99, 1)} ms (p50 ${f(floor.p50, 1)})` : '—',
        ratio: floor ? f(wake.p99 / floor.p99) : '—',
        goal: '≤ 50 ms',
        met: wake.p99 <= 50,
      });
  }
  return rows;
}

function fanoutRows(): Row[] {
  const fanout = results('fanout.json');
  if (!fanout) return [];
  const [ours, floor] = fanout.results;
  return [
    {
      figure: `SSE fan-out, ${fanout.settings.subscribers} subscribers: event → last delivery p99`,
      marshal: `${f(ours.lastDelivery.p99, 1)} ms`,
      floor: `${f(floor.lastDelivery.p99, 1)} ms`,
      ratio: f(fanout.ratios.lastDeliveryP99),
      goal: '≤ 100 ms',
      met: ours.lastDelivery.p99 <= 100,
    },
    {
      figure: 'SSE fan-out: live heap per subscriber',
      marshal: `${f(ours.heapKbPerSubscriber, 1)} KB (RSS ${f(ours.kbPerSubscriber.connected, 1)})`,
      floor: `${f(floor.heapKbPerSubscriber, 1)} KB (RSS ${f(floor.kbPerSubscriber.connected, 1)})`,
      ratio: f(fanout.ratios.heapPerSubscriber),
      goal: '≤ 20 KB',
      met: ours.heapKbPerSubscriber <= 20,
    },
  ];
}

function workflowRows(): Row[] {
  const wf = results('workflows.json');
  if (!wf) return [];
  const rows: Row[] = [];
  for (const ours of wf.marshal.results) {
    const sql = wf.sqlLoop.find((s: { shape: string }) => s.shape === ours.shape);
    const census = wf.census.find((c: { shape: string }) => c.shape === ours.shape);
    const ratio = ours.concurrent.runsPerSecond / sql.concurrent.runsPerSecond;
    rows.push({
      figure: `5-node no-op workflow (${ours.shape}), runs/s under load`,
      marshal: f(ours.concurrent.runsPerSecond, 1),
      floor: `SQL loop ${f(sql.concurrent.runsPerSecond, 1)}`,
      ratio: f(ratio),
      goal: '≥ 0.6 and ≥ 100 runs/s',
      met: ratio >= 0.6 && ours.concurrent.runsPerSecond >= 100,
      census: census
        ? `${f(census.statementsPerStep)} statements, ${f(census.commitsPerStep)} commits per step (${f(census.statementsPerRun, 1)} per run)`
        : undefined,
    });
    if (ours.serial)
      rows.push({
        figure: `workflow (${ours.shape}), step → step one run at a time, p99`,
        marshal: `${f(ours.serial.stepToStepMs.p99, 1)} ms (p50 ${f(ours.serial.stepToStepMs.p50, 1)})`,
        floor: sql.serial ? `SQL loop ${f(sql.serial.stepToStepMs.p99, 1)} ms` : '—',
        ratio: sql.serial ? f(ours.serial.stepToStepMs.p99 / sql.serial.stepToStepMs.p99) : '—',
        goal: '≤ 20 ms',
        met: ours.serial.stepToStepMs.p99 <= 20,
      });
  }
  return rows;
}

function listRows(): Row[] {
  const lists = results('lists.json');
  if (!lists || lists.results.length < 2) return [];
  const small = lists.results[0];
  const large = lists.results[lists.results.length - 1];
  const rows: Row[] = [];
  for (const m of large.measured as { scenario: string; http: { p50: number }; floor: { p50: number }; statementsPerRequest: number }[]) {
    if (!/first page|cursor/.test(m.scenario)) continue;
    // "by cursor, 900k deep" at 1 M is "by cursor, 9k deep" at 10 k: the same scenario, as deep in proportion.
    const kind = m.scenario.split(',')[0];
    const before = small.measured.find((s: { scenario: string }) => s.scenario.split(',')[0] === kind);
    if (!before) continue;
    const growth = m.http.p50 / before.http.p50;
    rows.push({
      figure: `GET /jobs ${kind}, p50 at ${large.size.toLocaleString('en')} vs ${small.size.toLocaleString('en')} rows`,
      marshal: `${f(m.http.p50, 1)} vs ${f(before.http.p50, 1)} ms`,
      floor: `SELECT ${f(m.floor.p50)} vs ${f(before.floor.p50)} ms`,
      ratio: `${f(growth)} × as rows grow 100 ×`,
      goal: 'flat',
      met: growth <= 1.5,
      census: `${f(m.statementsPerRequest, 1)} statements per request`,
    });
  }
  return rows;
}

function ingestRows(): Row[] {
  const ingest = results('ingest.json');
  if (!ingest) return [];
  return [
    {
      figure: `snapshot ingestion: MB/s of a ${f(ingest.rounds[0].archiveMb, 0)} MB archive of ${ingest.settings.files} files`,
      marshal: `${f(ingest.marshalMbps, 1)} MB/s`,
      floor: `tar -xzf ${f(ingest.tarMbps, 1)} MB/s`,
      ratio: f(ingest.ratio),
      goal: 'measured (issue 15 names no goal)',
      met: undefined,
      census: ingest.census
        ? `${f(ingest.census.statementsPerFile)} statements, ${f(ingest.census.commitsPerFile)} commits per file`
        : undefined,
    },
  ];
}

function sarifRows(): Row[] {
  const sarif = results('sarif.json');
  if (!sarif) return [];
  const census = (what: string) => sarif.census.find((c: { what: string }) => c.what === what);
  const described = (c: { statementsPerResult: number; commitsPerResult: number; statements: number } | undefined) =>
    c ? `${f(c.statementsPerResult)} statements (${c.statements} in all), ${f(c.commitsPerResult, 4)} commits per result` : undefined;
  const floor = `JSON.parse + SARIF 2.1.0 schema ${f(sarif.floorResultsPerSecond, 0)} results/s`;
  return [
    {
      figure: `SARIF ingestion: results/s of a ${sarif.settings.results.toLocaleString('en')}-result log, all new`,
      marshal: `${f(sarif.marshalResultsPerSecond, 0)} results/s`,
      floor,
      ratio: f(sarif.ratio, 3),
      goal: 'measured (the issue names no goal)',
      met: undefined,
      census: described(census('import')),
    },
    {
      figure: 'SARIF ingestion: the same log again (a rescan: every finding seen again)',
      marshal: `${f(sarif.rescanResultsPerSecond, 0)} results/s`,
      floor,
      ratio: f(sarif.rescanRatio, 3),
      goal: 'measured',
      met: undefined,
      census: described(census('rescan')),
    },
  ];
}

function printTable(): void {
  const rows = [...meRows(), ...jobsRows(), ...fanoutRows(), ...workflowRows(), ...listRows(), ...ingestRows(), ...sarifRows()];
  console.log('\n===== the performance table (each figure against its floor, measured in the same run) =====');
  for (const r of rows) {
    const verdict = r.met === undefined ? '' : r.met ? 'goal met' : 'goal NOT met';
    console.log(
      `\n${r.figure}\n  Marshal ${r.marshal}${r.floor ? `  |  floor ${r.floor}` : ''}  |  ratio ${r.ratio}  |  goal ${r.goal}: ${verdict}`,
    );
    if (r.census) console.log(`  census: ${r.census}`);
  }
  if (!rows.length) console.log('(no results in bench/results yet)');
}

async function main(): Promise<number> {
  if (process.env.BENCH_TABLE_ONLY) {
    printTable();
    return 0;
  }
  const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
  let failed = 0;
  for (const step of STEPS.filter((s) => !only || only.includes(s.name) || only.includes(s.name.split('-')[0]))) {
    const code = await run(step);
    if (code !== 0) {
      console.error(`${step.name} exited with ${code}`);
      failed++;
    }
  }
  printTable();
  return failed ? 1 : 0;
}

process.exitCode = await main();
