import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { waitFor } from '../support/agent-process.js';
import { httpClient } from '../support/http.js';
import { ADMIN, type RunningServer, spawnServer, startServer, type TestServer } from '../support/server.js';

/**
 * Runs outlive processes: a server killed with SIGKILL mid-run is replaced by a new one on the
 * same database, and the run carries on: timers keep their time, nothing that finished runs
 * again, and a call cut off by the kill counts as an interrupted attempt that runs again only if
 * the node's retry policy says so. Two replicas on one database advance runs without conflict.
 */
let t: TestServer;
/** The server answering now: `t` until it is killed, then its replacement. */
let current: RunningServer;
let replacement: RunningServer | undefined;
let owner: string;

let service: Server;
let serviceUrl: string;
const hits = new Map<string, number>();
/** Paths whose first call never gets an answer (the server is killed meanwhile). */
const hangFirst = new Set<string>();
const hanging: ServerResponse[] = [];

/** What every server of this suite shares: the engine's settings and the keys (tokens and data made by one are valid on the others). */
const ENGINE = {
  WORKFLOW_HTTP_ALLOW_PRIVATE: 'true',
  WORKFLOW_POLL_INTERVAL_MS: '100',
  JWT_PRIVATE_KEY: generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  ENCRYPTION_KEY: randomBytes(32).toString('base64'),
};

beforeAll(async () => {
  service = createServer((req, res) => {
    const path = req.url ?? '/';
    const n = (hits.get(path) ?? 0) + 1;
    hits.set(path, n);
    if (n === 1 && hangFirst.has(path)) {
      hanging.push(res);
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ call: n }));
  });
  await new Promise<void>((resolve) => service.listen(0, '127.0.0.1', resolve));
  serviceUrl = `http://127.0.0.1:${(service.address() as { port: number }).port}`;
  t = await startServer(ENGINE);
  current = t;
  owner = (await t.login()).accessToken;
}, 60_000);

afterAll(async () => {
  for (const res of hanging) res.destroy();
  await replacement?.stop('SIGTERM');
  await t?.close();
  service?.close();
});

const hex = () => randomBytes(3).toString('hex');
/** Requests to the server answering now, as the owner; `baseUrl` names another. */
const http = httpClient(() => current.baseUrl, { token: () => owner });

async function define(nodes: unknown[]): Promise<string> {
  return (await http.post('/api/v1/workflow-templates', { body: { name: `durable-${hex()}`, nodes } }).expect(201)).data.id;
}
async function run(definitionId: string, server = current): Promise<string> {
  return (
    await http
      .post('/api/v1/workflow-runs', { body: { definitionId }, idempotencyKey: `k-${hex()}${hex()}`, baseUrl: server.baseUrl })
      .expect(201)
  ).data.id;
}
const get = async (id: string, server = current) =>
  (await http.get('/api/v1/workflow-runs/{id}', { params: { id }, baseUrl: server.baseUrl }).expect(200)).data;
const until = (id: string, statuses: string[], timeoutMs = 30_000) =>
  waitFor(
    `run ${id} to be ${statuses.join(' or ')}`,
    async () => {
      const r = await get(id);
      return statuses.includes(r.status) ? r : undefined;
    },
    timeoutMs,
  );
const stepStatus = async (id: string, nodeId: string) =>
  (await get(id)).steps.find((s: { nodeId: string }) => s.nodeId === nodeId)?.status as string;

/** SIGKILL the serving process (no shutdown of any kind), then serve the same database from a new one. */
async function killAndReplace(): Promise<void> {
  await current.stop('SIGKILL');
  replacement = await spawnServer({
    LOG_LEVEL: 'info',
    DATABASE_URL: t.databaseUrl,
    DATABASE_POOL_SIZE: '5',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    RATE_LIMIT_ENABLED: 'false',
    ...ENGINE,
  });
  current = replacement;
}

const check = (id: string, dependsOn: string[] = []) => ({ id, type: 'condition', inputs: { left: 1, op: 'eq', right: 1 }, dependsOn });

describe('two replicas on one database', () => {
  test('advance 30 runs together: every run completes, every step runs exactly once', async () => {
    const other = await spawnServer({
      LOG_LEVEL: 'info',
      DATABASE_URL: t.databaseUrl,
      DATABASE_POOL_SIZE: '5',
      RATE_LIMIT_ENABLED: 'false',
      ...ENGINE,
    });
    try {
      const definitionId = await define([
        check('a'),
        check('b', ['a']),
        { id: 'nap', type: 'wait', inputs: { durationSeconds: 1 } },
        check('c', ['b', 'nap']),
        check('d', ['c']),
      ]);
      const ids = await Promise.all(Array.from({ length: 30 }, (_, i) => run(definitionId, i % 2 ? other : t)));
      for (const id of ids) await until(id, ['succeeded', 'failed']);
      const rows = await t.sql<{ status: string; n: string; max: number }>(
        `SELECT s.status, count(*) AS n, max(s.attempts) AS max FROM workflow_run_steps s WHERE s.run_id = ANY($1::uuid[]) GROUP BY s.status`,
        [ids],
      );
      expect(rows).toEqual([{ status: 'succeeded', n: '150', max: 1 }]);
      const runs = await t.sql<{ status: string }>(`SELECT DISTINCT status FROM workflow_runs WHERE id = ANY($1::uuid[])`, [ids]);
      expect(runs).toEqual([{ status: 'succeeded' }]);
      // Each step started once: one `started` event per step, whichever replica took it.
      const [{ started }] = await t.sql<{ started: string }>(
        `SELECT count(*) AS started FROM events WHERE type = 'workflow_step.started' AND resource_id = ANY($1::text[])`,
        [ids],
      );
      expect(Number(started)).toBe(150);
      expect(other.output()).not.toMatch(/"level":"(error|fatal)"/);
    } finally {
      await other.stop('SIGTERM');
    }
  }, 120_000);
});

describe('a restart mid-run', () => {
  test('after SIGKILL, a timer keeps its time, finished steps do not run again, a cut-off call retries as its policy says', async () => {
    const waiting = await define([
      check('first'),
      { id: 'nap', type: 'wait', inputs: { durationSeconds: 2 } },
      check('after', ['first', 'nap']),
    ]);
    const retried = `/retried-${hex()}`;
    const once = `/once-${hex()}`;
    hangFirst.add(retried);
    hangFirst.add(once);
    const cutRetried = await define([
      {
        id: 'call',
        type: 'http',
        inputs: { url: `${serviceUrl}${retried}`, allowPrivate: true },
        timeoutSeconds: 1,
        retry: { maxAttempts: 2 },
      },
    ]);
    const cutOnce = await define([
      { id: 'call', type: 'http', inputs: { url: `${serviceUrl}${once}`, allowPrivate: true }, timeoutSeconds: 1 },
    ]);

    const napping = await run(waiting);
    const calling = await run(cutRetried);
    const callingOnce = await run(cutOnce);
    await waitFor('the wait to be on its timer', async () => ((await stepStatus(napping, 'nap')) === 'waiting' ? true : undefined));
    await waitFor('both calls to be in flight', () => (hits.get(retried) === 1 && hits.get(once) === 1 ? true : undefined));
    const firstDoneAt = (await get(napping)).steps[0].finishedAt;

    await killAndReplace();

    const napped = await until(napping, ['succeeded', 'failed']);
    expect(napped.status).toBe('succeeded');
    expect(napped.steps.map((s: { nodeId: string; attempts: number }) => [s.nodeId, s.attempts])).toEqual([
      ['first', 1],
      ['nap', 1],
      ['after', 1],
    ]);
    expect(napped.steps[0].finishedAt).toBe(firstDoneAt);

    // The cut-off calls: each step's lease (its 1 s timeout and a 5 s grace) runs out, the attempt counts as interrupted.
    const again = await until(calling, ['succeeded', 'failed'], 30_000);
    expect(again.status).toBe('succeeded');
    expect(again.steps[0].attempts).toBe(2);
    expect(hits.get(retried)).toBe(2);
    const logs = (await http.get('/api/v1/workflow-runs/{id}/steps/{nodeId}/logs', { params: { id: calling, nodeId: 'call' } }).expect(200))
      .data;
    expect(logs.map((l: { message: string }) => l.message)).toContain('attempt 1 failed: INTERRUPTED');

    const lost = await until(callingOnce, ['succeeded', 'failed'], 30_000);
    expect(lost).toMatchObject({ status: 'failed', failureCode: 'INTERRUPTED', failedNodeId: 'call' });
    expect(hits.get(once)).toBe(1);
  }, 120_000);
});

describe('a replica without the engine', () => {
  test('serves runs but advances none (WORKFLOW_ENGINE_ENABLED=false); a replica with the engine takes them over', async () => {
    const apiOnly = await spawnServer({
      LOG_LEVEL: 'info',
      DATABASE_URL: t.databaseUrl,
      DATABASE_POOL_SIZE: '5',
      RATE_LIMIT_ENABLED: 'false',
      ...ENGINE,
      WORKFLOW_ENGINE_ENABLED: 'false',
    });
    // The engine-carrying server of this suite stops, so that only apiOnly could advance the run.
    await current.stop('SIGTERM');
    current = apiOnly;
    try {
      const definitionId = await define([check('only')]);
      const id = await run(definitionId, apiOnly);
      await new Promise((r) => setTimeout(r, 1500));
      const held = await get(id, apiOnly);
      expect(held.status).toBe('running');
      expect(held.steps[0]).toMatchObject({ status: 'ready', attempts: 0 });
      replacement = await spawnServer({
        LOG_LEVEL: 'info',
        DATABASE_URL: t.databaseUrl,
        DATABASE_POOL_SIZE: '5',
        RATE_LIMIT_ENABLED: 'false',
        ...ENGINE,
      });
      current = replacement;
      expect((await until(id, ['succeeded', 'failed'])).status).toBe('succeeded');
    } finally {
      await apiOnly.stop('SIGTERM');
    }
  }, 120_000);
});
