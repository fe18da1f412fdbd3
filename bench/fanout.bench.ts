import { randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type IncomingMessage } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import {
  type Child,
  cleanUp,
  cleanups,
  integer,
  type LatencySummary,
  processCpuMs,
  provisionDatabase,
  ROOT,
  round2,
  spawnChild,
  summarise,
  marshalEnv,
  startMarshal,
} from './support.js';

/*
 * `npm run bench:fanout`: SSE fan-out. BENCH_SUBSCRIBERS (1000) clients hold
 * GET /api/v1/events/stream?types=bench.tick open on one Marshal process; then, BENCH_EVENTS (50)
 * times, this process commits one `bench.tick` event into the events table (a plain INSERT: its
 * trigger NOTIFYs, as for every event Marshal writes) and waits until every subscriber has it.
 *
 *  - latency: from the INSERT's commit being answered to the frame reaching the last subscriber
 *    (and the first), p50 and p99 over the events;
 *  - memory per subscriber: the server's resident set with every subscriber connected (and after the
 *    events) minus before the first one, divided by their number; 200 streams are opened and closed
 *    before, so that what is paid once (code compiled as it warms) is not counted per subscriber;
 *    and the live JS heap, from heap snapshots (taken after a full collection) with them and once they closed;
 *  - server CPU per delivery: the server's user + system CPU during the events, over events × subscribers.
 *
 * The floor, measured in the same run on the same database with the same clients:
 * baseline-sse-server.ts, node:http and one pg client (LISTEN, one read per notification, each
 * event framed once and written to every matching stream).
 *
 * Environment: DATABASE_URL (a server to create the bench database on, dropped at the end;
 * default: an embedded PostgreSQL), BENCH_SUBSCRIBERS, BENCH_EVENTS, BENCH_LOG_LEVEL (Marshal's
 * LOG_LEVEL, info), BENCH_HEAP_SNAPSHOT (a folder: each server's heap before and with the subscribers).
 */
const FLOOR_ENTRY = join(ROOT, 'dist', 'bench', 'baseline-sse-server.js');
const RESULTS_FILE = join(ROOT, 'bench', 'results', 'fanout.json');
const ADMIN = { email: 'bench@marshal.test', password: randomBytes(12).toString('hex') };
const TYPE = 'bench.tick';
const DELIVERY_TIMEOUT_MS = 15_000;
const WARMUP_STREAMS = 200;

const settings = {
  subscribers: integer('BENCH_SUBSCRIBERS', 1000, 1),
  events: integer('BENCH_EVENTS', 50, 1),
  warmupEvents: 5,
  logLevel: process.env.BENCH_LOG_LEVEL ?? 'info',
};

interface SideResult {
  side: string;
  connectSeconds: number;
  lastDelivery: LatencySummary;
  firstDelivery: LatencySummary;
  rssBeforeMb: number;
  /** Resident set, KiB per subscriber: with them connected, and after the events. */
  kbPerSubscriber: { connected: number; afterEvents: number };
  /** Live JS heap (after a full collection), KiB per subscriber. */
  heapKbPerSubscriber: number;
  serverCpuUsPerDelivery: number;
}

/** Resident set of a process, in KiB, from /proc. */
function rssKb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no VmRSS for ${pid}`);
  return Number(match[1]);
}

/** One open stream: tells each time its data contains the marker it is told to look for. */
class Subscriber {
  private tail = '';
  private marker = '';
  private onSeen: (() => void) | null = null;
  private response?: IncomingMessage;

  open(url: URL, headers: Record<string, string>): Promise<void> {
    return new Promise((resolve, reject) => {
      const req = request(url, { headers: { accept: 'text/event-stream', ...headers }, agent: false }, (res) => {
        if (res.statusCode !== 200) {
          reject(new Error(`${url.pathname} answered ${res.statusCode}`));
          res.resume();
          return;
        }
        this.response = res;
        res.setEncoding('utf8');
        let opened = false;
        res.on('data', (chunk: string) => {
          if (!opened && chunk.includes('retry:')) {
            opened = true;
            resolve();
          }
          // A frame may be split over chunks: keep the end of the last one.
          const text = this.tail + chunk;
          this.tail = text.slice(-200);
          if (this.onSeen && text.includes(this.marker)) {
            const seen = this.onSeen;
            this.onSeen = null;
            seen();
          }
        });
      });
      req.on('error', reject);
      req.end();
    });
  }

  expect(marker: string, seen: () => void): void {
    this.marker = marker;
    this.onSeen = seen;
  }

  close(): void {
    this.response?.destroy();
  }
}

/**
 * The server's live JS heap in bytes: it writes a heap snapshot (node's --heapsnapshot-signal,
 * which collects garbage first) and the sizes of its objects are summed. Kept, for diffing by
 * constructor, in BENCH_HEAP_SNAPSHOT when set; deleted otherwise.
 */
async function liveHeapBytes(server: Child, dir: string): Promise<number> {
  const snapshots = () => readdirSync(dir).filter((f) => f.endsWith('.heapsnapshot') && f.includes(`.${server.pid}.`));
  const had = new Set(snapshots());
  process.kill(server.pid, 'SIGUSR2');
  let file: string | undefined;
  let size = -1;
  for (;;) {
    await sleep(500);
    file ??= snapshots().find((f) => !had.has(f));
    if (!file) continue;
    const now = statSync(join(dir, file)).size;
    if (now === size && now > 0) break;
    size = now;
  }
  const path = join(dir, file);
  const snapshot = JSON.parse(readFileSync(path, 'utf8')) as { snapshot: { meta: { node_fields: string[] } }; nodes: number[] };
  const fields = snapshot.snapshot.meta.node_fields;
  const selfSize = fields.indexOf('self_size');
  let total = 0;
  for (let i = selfSize; i < snapshot.nodes.length; i += fields.length) total += snapshot.nodes[i];
  if (!process.env.BENCH_HEAP_SNAPSHOT) rmSync(path);
  return total;
}

const snapshotOptions = (dir: string) => ({ NODE_OPTIONS: `--heapsnapshot-signal=SIGUSR2 --diagnostic-dir=${dir}` });

async function openAll(url: URL, headers: Record<string, string>, count = settings.subscribers): Promise<Subscriber[]> {
  const all: Subscriber[] = [];
  const concurrency = 20;
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        next++;
        const s = new Subscriber();
        await s.open(url, headers);
        all.push(s);
      }
    }),
  );
  return all;
}

/** Commits one event and answers when every subscriber has it: ms from the commit to the first and to the last. */
async function tick(db: pg.Client, organizationId: string, subscribers: Subscriber[]): Promise<{ first: number; last: number }> {
  const marker = `tick-${randomUUID()}`;
  let first = NaN;
  let left = subscribers.length;
  const delivered = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${left} of ${subscribers.length} subscribers did not get ${marker}`)),
      DELIVERY_TIMEOUT_MS,
    );
    for (const s of subscribers) {
      s.expect(marker, () => {
        if (Number.isNaN(first)) first = performance.now();
        if (--left === 0) {
          clearTimeout(timer);
          resolve();
        }
      });
    }
  });
  await db.query(
    `INSERT INTO events (id, organization_id, type, resource_type, resource_id, actor_type, data) VALUES ($1, $2, $3, 'bench', $4, 'system', '{}')`,
    [randomUUID(), organizationId, TYPE, marker],
  );
  const t0 = performance.now();
  await delivered;
  const last = performance.now();
  // A delivery before the commit's answer reached this process counts as 0.
  return { first: Math.max(0, first - t0), last: last - t0 };
}

async function measure(
  side: string,
  server: Child,
  streamUrl: URL,
  headers: Record<string, string>,
  db: pg.Client,
  organizationId: string,
  snapshotDir: string,
): Promise<SideResult> {
  // Streams opened and closed first, so that what is paid once (code compiled as it warms, the hub's
  // position, pools) is not counted per subscriber.
  for (const s of await openAll(streamUrl, headers, WARMUP_STREAMS)) s.close();
  await sleep(1000);
  const before = rssKb(server.pid);
  const began = performance.now();
  const subscribers = await openAll(streamUrl, headers);
  const connectSeconds = (performance.now() - began) / 1000;
  const count = subscribers.length;
  await sleep(2000);
  const connected = rssKb(server.pid);
  try {
    for (let i = 0; i < settings.warmupEvents; i++) await tick(db, organizationId, subscribers);
    const last: number[] = [];
    const first: number[] = [];
    const cpuBefore = processCpuMs(server.pid) ?? NaN;
    for (let i = 0; i < settings.events; i++) {
      const t = await tick(db, organizationId, subscribers);
      last.push(t.last);
      first.push(t.first);
    }
    const cpu = (processCpuMs(server.pid) ?? NaN) - cpuBefore;
    await sleep(1000);
    const afterEvents = rssKb(server.pid);
    const perSubscriber = (kb: number) => round2((kb - before) / count);
    // The heap last: writing a snapshot grows the resident set, which would then be counted above.
    const heapConnected = await liveHeapBytes(server, snapshotDir);
    for (const s of subscribers.splice(0)) s.close();
    await sleep(1000);
    const heapWithout = await liveHeapBytes(server, snapshotDir);
    return {
      side,
      connectSeconds: round2(connectSeconds),
      lastDelivery: summarise(last),
      firstDelivery: summarise(first),
      rssBeforeMb: round2(before / 1024),
      kbPerSubscriber: { connected: perSubscriber(connected), afterEvents: perSubscriber(afterEvents) },
      heapKbPerSubscriber: round2((heapConnected - heapWithout) / 1024 / count),
      serverCpuUsPerDelivery: round2((cpu * 1000) / (settings.events * count)),
    };
  } finally {
    for (const s of subscribers) s.close();
  }
}

async function main(): Promise<void> {
  const workDir = mkdtempSync(join(tmpdir(), 'marshal-bench-fanout-'));
  cleanups.push(() => rmSync(workDir, { recursive: true, force: true }));
  const logDir = join(workDir, 'logs');
  mkdirSync(logDir, { recursive: true });
  const database = await provisionDatabase(workDir);
  const snapshotDir = process.env.BENCH_HEAP_SNAPSHOT ?? join(workDir, 'heap');
  mkdirSync(snapshotDir, { recursive: true });
  console.log(
    `SSE fan-out: ${settings.subscribers} subscribers, ${settings.events} events (after ${settings.warmupEvents} not measured); ${database.server}; load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );

  const marshal = await startMarshal(
    `marshal (LOG_LEVEL=${settings.logLevel})`,
    marshalEnv({ databaseUrl: database.url, admin: ADMIN, logLevel: settings.logLevel, extra: snapshotOptions(snapshotDir) }),
    logDir,
  );
  const login = await fetch(`${marshal.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  if (login.status !== 200) throw new Error(`login answered ${login.status}: ${await login.text()}`);
  const token = ((await login.json()) as { data: { accessToken: string } }).data.accessToken;
  const auth = { authorization: `Bearer ${token}` };
  // The organization the token is for: its `org` claim.
  const organizationId = (JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as { org?: string }).org;
  if (!organizationId) throw new Error('the access token names no organization');

  const db = new pg.Client({ connectionString: database.url });
  await db.connect();
  cleanups.push(() => db.end());

  const results: SideResult[] = [];
  results.push(
    await measure(
      'Marshal',
      marshal,
      new URL(`${marshal.baseUrl}/api/v1/events/stream?types=${TYPE}`),
      auth,
      db,
      organizationId,
      snapshotDir,
    ),
  );
  await marshal.stop();
  const floor = await spawnChild(
    'sse floor',
    FLOOR_ENTRY,
    { DATABASE_URL: database.url, ...snapshotOptions(snapshotDir) },
    /listening on (http:\/\/\S+)/,
    logDir,
  );
  results.push(
    await measure('floor (node:http + pg)', floor, new URL(`${floor.baseUrl}/stream?types=${TYPE}`), {}, db, organizationId, snapshotDir),
  );
  await floor.stop();

  const [ours, base] = results;
  console.log(
    `\n${'side'.padEnd(26)}${'connect s'.padStart(10)}${'last p50'.padStart(10)}${'last p99'.padStart(10)}${'first p50'.padStart(11)}` +
      `${'heap KB/sub'.padStart(13)}${'RSS KB/sub'.padStart(12)}${'after events'.padStart(14)}${'µs CPU/delivery'.padStart(17)}`,
  );
  for (const r of results) {
    console.log(
      `${r.side.padEnd(26)}${r.connectSeconds.toFixed(1).padStart(10)}${r.lastDelivery.p50.toFixed(1).padStart(10)}${r.lastDelivery.p99.toFixed(1).padStart(10)}` +
        `${r.firstDelivery.p50.toFixed(1).padStart(11)}${r.heapKbPerSubscriber.toFixed(1).padStart(13)}${r.kbPerSubscriber.connected.toFixed(1).padStart(12)}${r.kbPerSubscriber.afterEvents.toFixed(1).padStart(14)}` +
        `${r.serverCpuUsPerDelivery.toFixed(1).padStart(17)}`,
    );
  }
  const ratios = {
    lastDeliveryP99: round2(ours.lastDelivery.p99 / base.lastDelivery.p99),
    heapPerSubscriber: round2(ours.heapKbPerSubscriber / base.heapKbPerSubscriber),
    rssPerSubscriber: round2(ours.kbPerSubscriber.connected / base.kbPerSubscriber.connected),
    cpuPerDelivery: round2(ours.serverCpuUsPerDelivery / base.serverCpuUsPerDelivery),
  };
  console.log(
    `\nMarshal ÷ floor: last-delivery p99 ${ratios.lastDeliveryP99}, heap per subscriber ${ratios.heapPerSubscriber}, RSS per subscriber ${ratios.rssPerSubscriber}, CPU per delivery ${ratios.cpuPerDelivery}` +
      ` (goals: p99 ≤ 100 ms, ≤ 20 KB per subscriber)`,
  );
  mkdirSync(dirname(RESULTS_FILE), { recursive: true });
  const machine = { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', load: loadavg() };
  writeFileSync(
    RESULTS_FILE,
    `${JSON.stringify({ date: new Date().toISOString(), ...machine, database: database.server, settings, results, ratios }, null, 2)}\n`,
  );
  console.log(`Wrote ${RESULTS_FILE}`);
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
