import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import * as tarStream from 'tar-stream';
import { validateSarif } from '../src/contexts/scanning/sarif/sarif-validator.js';
import {
  cleanUp,
  cleanups,
  countStatements,
  integer,
  marshalEnv,
  processCpuMs,
  provisionDatabase,
  ROOT,
  round2,
  startMarshal,
  type Child,
} from './support.js';

/*
 * `npm run bench:sarif`: SARIF ingestion. A SARIF 2.1.0 log of BENCH_SARIF_RESULTS results (10,000 by
 * default, over BENCH_SARIF_RULES rules of two tools and BENCH_SARIF_FILES files; a third of them carry
 * the tool's partialFingerprints, the others get Marshal's computed ones) is imported through
 * POST /api/v1/repositories/{id}/scans with the `sarif` body field, round after round (BENCH_ROUNDS),
 * each round into a fresh repository so that every result is a new finding. Then a rescan: the same log
 * again on the last round's repository, where every finding is seen again (reported apart).
 *
 * The floor, in this process and in the same run: what any ingester must do at least with that log,
 * JSON.parse of its text and validation against the official SARIF 2.1.0 schema, with the validator
 * Marshal itself uses (the same compiled Ajv schema). A statement census follows: one import (and one
 * rescan) through a counting proxy in front of PostgreSQL, statements and commits per result, with the
 * statements that sent the most (BENCH_SHOW_SQL=1 prints each text in full).
 * Results also go to bench/results/sarif.json.
 */
const RESULTS_FILE = join(ROOT, 'bench', 'results', 'sarif.json');
const ADMIN = { email: 'bench@marshal.test', password: randomBytes(12).toString('hex') };
const settings = {
  results: integer('BENCH_SARIF_RESULTS', 10_000, 1),
  rules: integer('BENCH_SARIF_RULES', 300, 2),
  files: integer('BENCH_SARIF_FILES', 400, 1),
  rounds: integer('BENCH_ROUNDS', 3, 1),
  census: integer('BENCH_CENSUS', 1, 0) > 0,
  logLevel: process.env.BENCH_LOG_LEVEL || 'warn',
};

// ---------------------------------------------------------------------------------------------
// The log: two tools, as their SARIF formatters write them.

const hex = (s: string, n = 16) => createHash('sha256').update(s).digest('hex').slice(0, n);
const pick = <T>(list: readonly T[], i: number): T => list[i % list.length];

const LEVELS = ['error', 'warning', 'warning', 'note'] as const;
const SINKS = ['eval', 'child_process.exec', 'fs.readFile', 'new RegExp', 'res.send', 'crypto.createHash', 'db.query', 'setTimeout'];
const SOURCES = ['req.query', 'req.body', 'req.params', 'process.env', 'message.payload', 'headers["x-forwarded-for"]'];
const CWES = ['CWE-78', 'CWE-79', 'CWE-89', 'CWE-95', 'CWE-22', 'CWE-327', 'CWE-798', 'CWE-400', 'CWE-1333'];

function rule(tool: number, i: number) {
  const id = tool === 0 ? `security/detect-pattern-${i}` : `js.lang.security.audit.rule-${i}`;
  const sink = pick(SINKS, i);
  return {
    id,
    name: `DetectPattern${i}`,
    shortDescription: { text: `Detects ${sink} reached by untrusted input (pattern ${i})` },
    fullDescription: { text: `Flags calls to ${sink} whose argument can be controlled from outside the process. Pattern ${i}.` },
    helpUri: `https://rules.example.test/${encodeURIComponent(id)}`,
    help: { text: `Validate or escape the value before it reaches ${sink}; prefer an allow-list.` },
    defaultConfiguration: { level: pick(LEVELS, i) },
    properties: {
      tags: ['security', `external/cwe/${pick(CWES, i).toLowerCase()}`],
      precision: 'high',
      'security-severity': `${(i % 90) / 10 + 1}`,
    },
  };
}

function result(tool: number, i: number, ruleIndex: number, ruleId: string) {
  const file = (i * 7919) % settings.files;
  const line = 1 + ((i * 31) % 900);
  const column = 1 + (i % 60);
  const sink = pick(SINKS, ruleIndex);
  const source = pick(SOURCES, i);
  const snippet = `  const out${i} = ${sink}(${source}.value${i % 97});`;
  const r: Record<string, unknown> = {
    ruleId,
    ruleIndex,
    level: pick(LEVELS, i + ruleIndex),
    message: { text: `${sink} is called with ${source}.value${i % 97}, which an attacker controls (result ${i}).` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: `src/module-${file % 25}/file-${file}.ts`, uriBaseId: '%SRCROOT%' },
          region: { startLine: line, startColumn: column, endLine: line + (i % 3), endColumn: column + 24, snippet: { text: snippet } },
        },
      },
    ],
  };
  // The second tool writes its own fingerprints on two results in three (as CodeQL and Semgrep do); the first writes none.
  if (tool === 1 && i % 3 !== 0) r.partialFingerprints = { primaryLocationLineHash: `${hex(`${i}:${ruleId}`)}:1` };
  return r;
}

function sarifLog(): Record<string, unknown> {
  const runs = [0, 1].map((tool) => {
    const rules = Array.from({ length: Math.ceil(settings.rules / 2) }, (_, i) => rule(tool, i));
    const count = tool === 0 ? Math.ceil(settings.results / 2) : Math.floor(settings.results / 2);
    const results = Array.from({ length: count }, (_, n) => {
      const i = n * 2 + tool;
      const ruleIndex = (i * 13) % rules.length;
      return result(tool, i, ruleIndex, rules[ruleIndex].id);
    });
    return {
      tool: {
        driver: {
          name: tool === 0 ? 'ESLint' : 'Semgrep',
          version: tool === 0 ? '9.39.1' : '1.140.0',
          informationUri: 'https://tools.example.test',
          rules,
        },
      },
      originalUriBaseIds: { '%SRCROOT%': { uri: 'file:///home/runner/work/app/app/' } },
      results,
    };
  });
  return { $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs };
}

// ---------------------------------------------------------------------------------------------
// Marshal over HTTP.

interface Api {
  baseUrl: string;
  token: string;
}

async function json(api: Api, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<any> {
  const res = await fetch(`${api.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${api.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' || body instanceof Buffer ? body : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 500)}`);
  return (JSON.parse(text) as { data: unknown }).data;
}

async function login(baseUrl: string): Promise<Api> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  if (res.status !== 200) throw new Error(`login answered ${res.status}`);
  return { baseUrl, token: ((await res.json()) as { data: { accessToken: string } }).data.accessToken };
}

/** A small source: a few lines in each file the log names. */
async function sourceArchive(): Promise<Buffer> {
  const pack = tarStream.pack();
  const chunks: Buffer[] = [];
  pack.on('data', (chunk: unknown) => void chunks.push(chunk as Buffer));
  const ended = new Promise<void>((resolve, reject) => pack.once('end', resolve).once('error', reject));
  for (let file = 0; file < settings.files; file++) {
    const content = Buffer.from(`// file ${file}\nexport function handler${file}(req) {\n  return eval(req.query.q);\n}\n`);
    pack.entry({ name: `src/module-${file % 25}/file-${file}.ts`, size: content.length }, content);
  }
  pack.finalize();
  await ended;
  return gzipSync(Buffer.concat(chunks));
}

/** A new repository with the small source uploaded: ready to be scanned. */
async function repository(api: Api, source: Buffer): Promise<string> {
  const project = await json(api, 'POST', '/api/v1/projects', { name: `Bench ${randomBytes(3).toString('hex')}` });
  const repo = await json(api, 'POST', `/api/v1/projects/${project.id}/repositories`, { name: 'bench', sourceType: 'upload' });
  await json(api, 'PUT', `/api/v1/repositories/${repo.id}/source`, source, { 'content-type': 'application/gzip' });
  return repo.id as string;
}

interface Summary {
  results: number;
  new: number;
  reopened: number;
  fixed: number;
}

/** One import: the request body is made before the clock starts; the time is to the answer. */
async function importLog(api: Api, repositoryId: string, body: string): Promise<{ ms: number; summary: Summary }> {
  const began = performance.now();
  const scan = await json(api, 'POST', `/api/v1/repositories/${repositoryId}/scans`, body);
  const ms = performance.now() - began;
  if (scan.status !== 'succeeded') throw new Error(`the import answered a ${scan.status} scan`);
  return { ms, summary: scan.summary as Summary };
}

/** The floor: parse the log's text and validate it against the SARIF 2.1.0 schema, as Marshal does. */
function floor(text: string): number {
  const began = performance.now();
  validateSarif(JSON.parse(text), { maxResults: Number.MAX_SAFE_INTEGER });
  return performance.now() - began;
}

const perSecond = (n: number, ms: number) => n / (ms / 1000);

interface Round {
  round: number | 'rescan';
  marshalMs: number;
  floorMs: number;
  serverCpuMs: number;
  resultsPerSecond: number;
  floorResultsPerSecond: number;
  summary: Summary;
}

interface Census {
  what: string;
  results: number;
  statements: number;
  commits: number;
  statementsPerResult: number;
  commitsPerResult: number;
  /** The statement texts sent or prepared most often (their first 100 characters), with how often. */
  top: { sql: string; count: number }[];
}

async function census(counter: Awaited<ReturnType<typeof countStatements>>, what: string, run: () => Promise<Summary>): Promise<Census> {
  const [statements, commits] = [counter.statements(), counter.commits()];
  const stop = counter.capture();
  const summary = await run();
  const texts = stop();
  const counts = new Map<string, number>();
  for (const sql of texts) {
    const key = sql.replace(/\s+/g, ' ').trim().slice(0, 100);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  if (process.env.BENCH_SHOW_SQL) for (const sql of texts) console.log(`    ${sql.replace(/\s+/g, ' ').trim()}`);
  const n = counter.statements() - statements;
  const c = counter.commits() - commits;
  return {
    what,
    results: summary.results,
    statements: n,
    commits: c,
    statementsPerResult: round2(n / summary.results),
    commitsPerResult: Math.round((c / summary.results) * 10_000) / 10_000,
    top: [...counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([sql, count]) => ({ sql, count })),
  };
}

async function main(): Promise<void> {
  const workDir = mkdtempSync(join(tmpdir(), 'marshal-bench-sarif-'));
  cleanups.push(() => rmSync(workDir, { recursive: true, force: true }));
  const logDir = join(workDir, 'logs');
  mkdirSync(logDir);
  const database = await provisionDatabase(workDir);
  const extra = { SARIF_MAX_RESULTS: String(Math.max(100_000, settings.results)) };
  const env = marshalEnv({ databaseUrl: database.url, admin: ADMIN, logLevel: settings.logLevel, extra });

  const text = JSON.stringify(sarifLog());
  const body = `{"sarif":${text}}`;
  const logMb = Buffer.byteLength(text) / 1e6;
  console.log(
    `\nSARIF ingestion: a log of ${settings.results} results (${settings.rules} rules, ${settings.files} files, ${logMb.toFixed(1)} MB), ${settings.rounds} rounds and a rescan`,
  );
  console.log(
    `Node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model}), load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}, ${database.server}`,
  );
  const source = await sourceArchive();

  const marshal: Child = await startMarshal('marshal', env, logDir);
  const api = await login(marshal.baseUrl);
  // Warm-up, on both sides: a small log (Marshal compiles the schema on its first log, the floor here on its first).
  const small = JSON.stringify({
    ...sarifLog(),
    runs: (sarifLog().runs as { results: unknown[] }[]).map((r) => ({ ...r, results: r.results.slice(0, 50) })),
  });
  await importLog(api, await repository(api, source), `{"sarif":${small}}`);
  floor(small);

  const rounds: Round[] = [];
  const measure = async (round: Round['round'], repositoryId: string) => {
    const cpuBefore = processCpuMs(marshal.pid)!;
    const { ms, summary } = await importLog(api, repositoryId, body);
    const serverCpuMs = processCpuMs(marshal.pid)! - cpuBefore;
    const floorMs = floor(text);
    const r: Round = {
      round,
      marshalMs: round2(ms),
      floorMs: round2(floorMs),
      serverCpuMs: round2(serverCpuMs),
      resultsPerSecond: Math.round(perSecond(summary.results, ms)),
      floorResultsPerSecond: Math.round(perSecond(summary.results, floorMs)),
      summary,
    };
    rounds.push(r);
    console.log(
      `  ${round === 'rescan' ? 'rescan ' : `round ${round}`}: ${summary.results} results (${summary.new} new, ${summary.reopened} reopened, ${summary.fixed} fixed): ` +
        `Marshal ${ms.toFixed(0)} ms (${r.resultsPerSecond} results/s, server CPU ${serverCpuMs.toFixed(0)} ms), ` +
        `floor ${floorMs.toFixed(0)} ms (${r.floorResultsPerSecond} results/s)`,
    );
    return summary;
  };
  let last = '';
  for (let round = 1; round <= settings.rounds; round++) {
    last = await repository(api, source);
    const summary = await measure(round, last);
    if (summary.new !== summary.results) throw new Error(`round ${round}: ${summary.new} new findings of ${summary.results} results`);
  }
  const rescan = await measure('rescan', last);
  if (rescan.new !== 0 || rescan.reopened !== 0 || rescan.fixed !== 0)
    throw new Error(`the rescan changed findings: ${JSON.stringify(rescan)}`);
  await marshal.stop();

  const censuses: Census[] = [];
  if (settings.census) {
    const counter = await countStatements(database.url);
    const counted = await startMarshal('marshal (census)', { ...env, DATABASE_URL: counter.url }, logDir);
    try {
      const censusApi = await login(counted.baseUrl);
      const repositoryId = await repository(censusApi, source);
      censuses.push(await census(counter, 'import', async () => (await importLog(censusApi, repositoryId, body)).summary));
      censuses.push(await census(counter, 'rescan', async () => (await importLog(censusApi, repositoryId, body)).summary));
    } finally {
      await counted.stop();
    }
  }

  const fresh = rounds.filter((r) => r.round !== 'rescan');
  const again = rounds.find((r) => r.round === 'rescan')!;
  const mean = (list: number[]) => list.reduce((s, n) => s + n, 0) / list.length;
  const marshalRps = Math.round(mean(fresh.map((r) => r.resultsPerSecond)));
  const floorRps = Math.round(mean(rounds.map((r) => r.floorResultsPerSecond)));
  const ratio = Math.round((marshalRps / floorRps) * 1000) / 1000;
  const rescanRatio = Math.round((again.resultsPerSecond / floorRps) * 1000) / 1000;
  console.log(
    `\nresults/s (mean of rounds): Marshal ${marshalRps} new, ${again.resultsPerSecond} rescan; floor (JSON.parse + SARIF 2.1.0 schema) ${floorRps}: ` +
      `ratio ${ratio} (rescan ${rescanRatio})`,
  );
  for (const c of censuses) {
    console.log(
      `statement census (${c.what}, ${c.results} results): ${c.statements} statements, ${c.commits} commits: ${c.statementsPerResult} statements and ${c.commitsPerResult} commits per result`,
    );
    for (const t of c.top) console.log(`    ${String(t.count).padStart(5)} × ${t.sql}`);
    console.log('    (the texts sent or prepared most often, and how often)');
  }
  mkdirSync(dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(
    RESULTS_FILE,
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        load: loadavg(),
        settings,
        logMb: round2(logMb),
        rounds,
        marshalResultsPerSecond: marshalRps,
        rescanResultsPerSecond: again.resultsPerSecond,
        floorResultsPerSecond: floorRps,
        ratio,
        rescanRatio,
        census: censuses,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`Wrote ${RESULTS_FILE}`);
}

process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)));
main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => cleanUp());
