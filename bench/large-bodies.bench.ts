import { randomBytes, randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { cleanUp, cleanups, integer, processCpuMs, provisionDatabase, round2, marshalEnv, startMarshal } from './support.js';

/*
 * `npm run bench:bodies`: what large bodies sent without valid credentials cost the server. The
 * secrets bulk route (POST /api/v1/agents/{id}/secrets/bulk) takes bodies up to 8 MB; BENCH_REQUESTS
 * (20) requests of BENCH_BODY_MB (7.5) MB each are sent at once, first with no credentials, then with
 * a wrong X-Agent-Secret. The baseline, measured in the same run, is the same number of anonymous
 * requests with an empty JSON object: what refusing costs when there is nothing to read. Each batch: the server's CPU time (user + system, from /proc),
 * its resident memory before, right after and 2 s after, the wall time until every answer, and the
 * statuses. A refused request is answered as soon as its headers are in and its connection closed:
 * a client still writing may see that as EPIPE before it reads the answer ("no answer (EPIPE)").
 * DATABASE_URL as for the other benchmarks (default: an embedded PostgreSQL).
 */
const ADMIN = { email: 'bench@marshal.test', password: randomBytes(12).toString('hex') };
const requests = integer('BENCH_REQUESTS', 20, 1);
const bodyMb = Number(process.env.BENCH_BODY_MB ?? 7.5);

/** A JSON body of about `bytes` that the bulk route's DTO would read: many discovered secrets. */
function bulkBody(bytes: number): Buffer {
  const item = (i: number) =>
    JSON.stringify({
      clusterName: 'bench',
      namespace: 'default',
      provider: 'kubernetes',
      ref: `secret-${i}`,
      labels: { team: 'payments', tier: 'db' },
    });
  const parts: string[] = [];
  let size = '{"secrets":[]}'.length;
  for (let i = 0; size < bytes; i++) {
    const next = item(i);
    parts.push(next);
    size += next.length + 1;
  }
  return Buffer.from(`{"secrets":[${parts.join(',')}]}`);
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return round2(Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024);
}

/** POSTs `body` and resolves with the status, or how the connection ended when no answer came. */
function post(url: string, headers: Record<string, string>, body: Buffer): Promise<string> {
  return new Promise((resolve) => {
    let status: string | undefined;
    const req = request(
      url,
      { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': String(body.length), ...headers } },
      (res) => {
        status = String(res.statusCode);
        res.resume();
        res.on('end', () => resolve(status!));
        res.on('error', () => resolve(status!));
      },
    );
    // A server that answers before the body is sent closes the connection: writing the rest fails.
    req.on('error', (error: NodeJS.ErrnoException) => resolve(status ?? `no answer (${error.code ?? error.message})`));
    req.end(body);
  });
}

interface Batch {
  batch: string;
  statuses: Record<string, number>;
  wallMs: number;
  cpuMs: number;
  rssBeforeMb: number;
  rssAfterMb: number;
  rssSettledMb: number;
}

async function batch(name: string, pid: number, send: () => Promise<string>): Promise<Batch> {
  await sleep(500);
  const rssBeforeMb = rssMb(pid);
  const cpuBefore = processCpuMs(pid)!;
  const began = performance.now();
  const answers = await Promise.all(Array.from({ length: requests }, send));
  const wallMs = round2(performance.now() - began);
  const cpuMs = round2(processCpuMs(pid)! - cpuBefore);
  const rssAfterMb = rssMb(pid);
  await sleep(2000);
  const statuses: Record<string, number> = {};
  for (const a of answers) statuses[a] = (statuses[a] ?? 0) + 1;
  return { batch: name, statuses, wallMs, cpuMs, rssBeforeMb, rssAfterMb, rssSettledMb: rssMb(pid) };
}

async function main(): Promise<void> {
  const workDir = mkdtempSync(join(tmpdir(), 'marshal-bench-'));
  cleanups.push(() => rmSync(workDir, { recursive: true, force: true }));
  const logDir = join(workDir, 'logs');
  mkdirSync(logDir);
  const database = await provisionDatabase(workDir);
  const marshal = await startMarshal('marshal', marshalEnv({ databaseUrl: database.url, admin: ADMIN, logLevel: 'warn' }), logDir);
  const base = marshal.baseUrl;

  const login = (await (
    await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    })
  ).json()) as { data: { accessToken: string } };
  const minted = (await (
    await fetch(`${base}/api/v1/agents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${login.data.accessToken}` },
      body: '{"name":"bench-agent"}',
    })
  ).json()) as { data: { agent: { id: string }; agentSecret: string } };
  const agentUrl = `${base}/api/v1/agents/${minted.data.agent.id}/secrets/bulk`;
  const body = bulkBody(Math.round(bodyMb * 1024 * 1024));
  console.log(`Marshal ${base} (${database.server}); ${requests} requests of ${round2(body.length / 1024 / 1024)} MB at once per batch`);

  const results = [
    await batch('baseline: anonymous, {}', marshal.pid, () =>
      post(`${base}/api/v1/agents/${randomUUID()}/secrets/bulk`, {}, Buffer.from('{}')),
    ),
    await batch('anonymous', marshal.pid, () => post(`${base}/api/v1/agents/${randomUUID()}/secrets/bulk`, {}, body)),
    await batch('wrong X-Agent-Secret', marshal.pid, () =>
      post(agentUrl, { 'x-agent-secret': `mas_${randomBytes(24).toString('base64url')}` }, body),
    ),
  ];
  console.table(results.map((r) => ({ ...r, statuses: JSON.stringify(r.statuses) })));
  console.log(JSON.stringify({ bench: 'large-bodies', requests, bodyBytes: body.length, results }));
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => cleanUp());
