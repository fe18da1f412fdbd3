import pg from 'pg';
import type { RawResponse } from '../support/contract.js';
import { withClient } from '../support/database.js';
import { addMember, otherOrganization } from '../support/fixtures.js';
import { httpClient } from '../support/http.js';
import { startServer, type TestServer } from '../support/server.js';
import { closeStreams, openSocket, openSse, poll, type Socket, type SseStream } from '../support/streams.js';

/**
 * Stream order where the numbers change length. Events are ordered by (transaction id, sequence),
 * both numbers; ordered as text, 100000 sorts before 99999, and readers paging, resuming or fanning
 * out by cursor skip or reorder events. So this file makes one organization's events straddle a
 * power of ten twice: the event sequence inside one transaction (a claim that leases three jobs,
 * the sequence set just below 10^k), and the cluster's transaction ids (burnt past the next power
 * of ten between two phases of work). Every reader is then checked against the order PostgreSQL's
 * numbers give: the outbox list, SSE and WebSocket resume, a job's and a run's streams, and live
 * fan-out of one batch that holds both sides (an older transaction holds the batch back).
 */

let t: TestServer;
let token: string;
let organizationId: string;
/** Every event of the organization, in the order of its numbers. */
let truth: { cursor: string; type: string; resourceId: string; txId: bigint; seq: bigint }[];
let boundary: { txId: bigint; seq: bigint };
let jobIds: string[];
let runId: string;
let live: { sse: SseStream; ws: Socket };

/** Requests as the owner of the organization this file works in (not the server's first one). */
const http = httpClient(() => t.baseUrl, { token: () => token });
const bearer = () => ({ authorization: `Bearer ${token}` });
const nextPowerOfTen = (n: bigint) => 10n ** BigInt((n + 1n).toString().length);

/** Takes transaction ids (one committed transaction each) until the next one is at least the next power of ten. */
async function burnTransactionIdsPastPowerOfTen(): Promise<bigint> {
  return withClient(t.databaseUrl, async (client) => {
    const current = BigInt((await client.query<{ xid: string }>('SELECT pg_current_xact_id()::text AS xid')).rows[0].xid);
    const target = nextPowerOfTen(current);
    await client.query('SET synchronous_commit = off');
    await client.query(`DO $$ BEGIN LOOP EXIT WHEN pg_current_xact_id() >= '${target}'::xid8; COMMIT; END LOOP; END $$`);
    return target;
  });
}

/** Sets the events sequence so that the next three events take 10^k - 1, 10^k and 10^k + 1. */
async function sequenceJustBelowPowerOfTen(): Promise<bigint> {
  const [{ last }] = await t.sql<{ last: string }>(
    `SELECT coalesce(pg_sequence_last_value(pg_get_serial_sequence('events', 'seq')::regclass), 0)::text AS last`,
  );
  const target = nextPowerOfTen(BigInt(last));
  await t.sql(`SELECT setval(pg_get_serial_sequence('events', 'seq'), ${target - 2n})`);
  return target;
}

async function openOlderTransaction(): Promise<{ end(): Promise<void> }> {
  const client = new pg.Client({ connectionString: t.databaseUrl });
  await client.connect();
  await client.query('BEGIN');
  await client.query('SELECT pg_current_xact_id()');
  return {
    async end() {
      await client.query('COMMIT');
      await client.end();
    },
  };
}

async function submitJob(agentId: string): Promise<string> {
  return (await http.post('/api/v1/jobs', { body: { type: 'digits', targetAgentId: agentId }, idempotencyKey: true }).expect(201)).data.id;
}

beforeAll(async () => {
  t = await startServer({ WORKFLOW_POLL_INTERVAL_MS: '100' });
  const owner = (await t.login()).accessToken;
  token = (await otherOrganization(t, owner)).owner.accessToken;
  organizationId = (await http.get('/api/v1/me/permissions')).body.data.organizationId;
  const approver = await addMember(t, token, ['ops_engineer']);
  const minted = (await http.post('/api/v1/agents', { body: { name: 'digits-agent', capabilities: ['digits'] } }).expect(201)).data;
  const agent = { id: minted.agent.id as string, secret: minted.agentSecret as string };
  const asTheAgent = { token: null, agentSecret: agent.secret };
  const approvals = (
    await http
      .post('/api/v1/workflows', {
        body: { name: 'Digits', stages: [{ name: 'One', requiredApprovals: 1, roleIds: [], userIds: [approver.userId] }] },
      })
      .expect(201)
  ).data.id;
  const definitionId = (
    await http
      .post('/api/v1/workflow-templates', {
        body: {
          name: 'digits',
          nodes: [
            { id: 'gate', type: 'approval', inputs: { workflowId: approvals } },
            { id: 'after', type: 'condition', inputs: { left: 1, op: 'eq', right: 1 }, dependsOn: ['gate'] },
          ],
        },
      })
      .expect(201)
  ).data.id;

  live = {
    sse: await openSse(t.baseUrl, '/api/v1/events/stream', bearer()),
    ws: await openSocket(t.baseUrl, '/api/v1/events/ws', bearer()),
  };
  // Until it ends, nothing below is settled: live fan-out then reads both sides of both boundaries in one batch.
  const older = await openOlderTransaction();
  try {
    // Before: jobs queued, a run waiting at its gate, then one claim whose three events straddle 10^k in sequence.
    jobIds = [await submitJob(agent.id), await submitJob(agent.id), await submitJob(agent.id)];
    runId = (await http.post('/api/v1/workflow-runs', { body: { definitionId }, idempotencyKey: true }).expect(201)).data.id;
    await poll(
      'the gate to wait',
      () => gateWaiting,
      15_000,
      () => 'not waiting',
    );
    const seqBoundary = await sequenceJustBelowPowerOfTen();
    const claimed = await http.post('/api/v1/agents/{id}/jobs/claim', { params: { id: agent.id }, query: { max: 3 }, ...asTheAgent });
    expect(claimed.status).toBe(200);
    const leases = new Map<string, string>(
      claimed.body.data.claims.map((c: { job: { id: string }; lease: { id: string } }) => [c.job.id, c.lease.id]),
    );
    expect([...leases.keys()].sort()).toEqual([...jobIds].sort());

    const txBoundary = await burnTransactionIdsPastPowerOfTen();
    boundary = { txId: txBoundary, seq: seqBoundary };

    // After: the jobs run and end, the run is approved and ends, two more jobs are queued.
    for (const id of jobIds) {
      await http
        .post('/api/v1/agents/{id}/jobs/{jobId}/progress', {
          params: { id: agent.id, jobId: id },
          body: { leaseId: leases.get(id), percent: 50 },
          ...asTheAgent,
        })
        .expect(200);
      await http
        .post('/api/v1/agents/{id}/jobs/{jobId}/complete', {
          params: { id: agent.id, jobId: id },
          body: { leaseId: leases.get(id), status: 'succeeded' },
          ...asTheAgent,
        })
        .expect(204);
    }
    await http
      .post('/api/v1/workflow-runs/{id}/steps/{nodeId}/approve', {
        params: { id: runId, nodeId: 'gate' },
        body: {},
        token: approver.accessToken,
      })
      .expect(200);
    await poll(
      'the run to succeed',
      () => runSucceeded,
      15_000,
      () => 'not succeeded',
    );
    jobIds.push(await submitJob(agent.id), await submitJob(agent.id));
  } finally {
    await older.end();
  }
  for (const deadline = Date.now() + 10_000; ;) {
    const [{ n }] = await t.sql<{ n: number }>(
      'SELECT count(*)::int AS n FROM events WHERE organization_id = $1 AND tx_id >= pg_snapshot_xmin(pg_current_snapshot())',
      [organizationId],
    );
    if (n === 0) break;
    if (Date.now() > deadline) throw new Error('events not settled');
    await new Promise((r) => setTimeout(r, 50));
  }
  const rows = await t.sql<{ tx: string; seq: string; type: string; resource_id: string }>(
    'SELECT tx_id::text AS tx, seq::text AS seq, type, resource_id FROM events WHERE organization_id = $1',
    [organizationId],
  );
  truth = rows
    .map((r) => ({ cursor: `${r.tx}-${r.seq}`, type: r.type, resourceId: r.resource_id, txId: BigInt(r.tx), seq: BigInt(r.seq) }))
    .sort((a, b) => (a.txId !== b.txId ? (a.txId < b.txId ? -1 : 1) : a.seq < b.seq ? -1 : a.seq > b.seq ? 1 : 0));
}, 120_000);

// The run's state, polled through the API while the older transaction holds the streams back.
let gateWaiting = false;
let runSucceeded = false;
const watcher = setInterval(() => {
  if (!t || !runId) return;
  void http.get('/api/v1/workflow-runs/{id}', { params: { id: runId } }).then(
    (res) => {
      const run = res.body?.data;
      gateWaiting ||= run?.steps?.some((s: { nodeId: string; status: string }) => s.nodeId === 'gate' && s.status === 'waiting');
      runSucceeded ||= run?.status === 'succeeded';
    },
    () => undefined,
  );
}, 100);

afterAll(async () => {
  clearInterval(watcher);
  closeStreams();
  await t?.close();
});

const cursors = (events: { cursor: string }[]) => events.map((e) => e.cursor);

test("the organization's events straddle a power of ten in transaction id, and in sequence inside one transaction", () => {
  expect(truth.some((e) => e.txId < boundary.txId)).toBe(true);
  expect(truth.some((e) => e.txId >= boundary.txId)).toBe(true);
  const byTx = new Map<bigint, bigint[]>();
  for (const e of truth) byTx.set(e.txId, [...(byTx.get(e.txId) ?? []), e.seq]);
  expect([...byTx.values()].some((seqs) => seqs.some((s) => s < boundary.seq) && seqs.some((s) => s >= boundary.seq))).toBe(true);
  // Ordered as text, the two sides would change places: the checks below can fail.
  const asText = [...truth].sort((a, b) => (a.cursor < b.cursor ? -1 : 1));
  expect(cursors(asText)).not.toEqual(cursors(truth));
});

test('live fan-out of one batch holding both sides delivers every event once, in order, over SSE and WebSocket', async () => {
  const last = truth.at(-1)!.cursor;
  await live.sse.waitFor((f) => f.id === last, 10_000);
  await live.ws.waitFor((m) => m.cursor === last, 10_000);
  // The streams opened a moment after the organization's first events: they carry a suffix of the truth, from the first job on.
  const expected = cursors(truth.slice(truth.findIndex((e) => e.resourceId === jobIds[0])));
  const sse = live.sse.frames.map((f) => f.id!);
  expect(sse.slice(sse.length - expected.length)).toEqual(expected);
  expect(cursors(truth)).toEqual(expect.arrayContaining(sse));
  expect(new Set(sse).size).toBe(sse.length);
  const ws = cursors(live.ws.messages);
  expect(ws.slice(ws.length - expected.length)).toEqual(expected);
  expect(new Set(ws).size).toBe(ws.length);
});

test('the outbox pages by cursor (limit=5) through every event exactly once, newest first', async () => {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 100; page++) {
    const res: RawResponse = await http.get('/api/v1/events/outbox', { query: { limit: 5, cursor } }).expectResponse(200);
    seen.push(...cursors(res.body.data));
    cursor = res.body.meta.cursor.next;
    if (!cursor) break;
  }
  expect(seen).toEqual(cursors(truth).reverse());
});

/** Resume points: the first event, the last one below each boundary, and the first at or above it. */
function resumePoints(): string[] {
  const belowTx = truth.filter((e) => e.txId < boundary.txId).at(-1)!;
  const belowSeq = truth.filter((e) => e.seq < boundary.seq && e.txId < boundary.txId).at(-1)!;
  const aboveTx = truth.find((e) => e.txId >= boundary.txId)!;
  return [...new Set([truth[0].cursor, belowSeq.cursor, belowTx.cursor, aboveTx.cursor])];
}
const after = (cursor: string) => cursors(truth.slice(truth.findIndex((e) => e.cursor === cursor) + 1));

test('SSE resume with Last-Event-ID gets every later event, in order, from each side of each boundary', async () => {
  for (const point of resumePoints()) {
    const stream = await openSse(t.baseUrl, '/api/v1/events/stream', { ...bearer(), 'last-event-id': point });
    const expected = after(point);
    await stream.waitForCount(expected.length, 10_000);
    await new Promise((r) => setTimeout(r, 200));
    expect(stream.frames.map((f) => f.id)).toEqual(expected);
    stream.close();
  }
});

test('WebSocket resume with ?after= gets every later event, in order, from each side of each boundary', async () => {
  for (const point of resumePoints()) {
    const socket = await openSocket(t.baseUrl, `/api/v1/events/ws?after=${point}`, bearer());
    const expected = after(point);
    await socket.waitForCount(expected.length, 10_000);
    await new Promise((r) => setTimeout(r, 200));
    expect(cursors(socket.messages)).toEqual(expected);
    socket.ws.terminate();
  }
});

test("a job's stream replays its events across both boundaries in order, and ends", async () => {
  const id = jobIds[1];
  const expected = truth.filter((e) => e.resourceId === id);
  expect(expected.map((e) => e.type)).toEqual(['job.queued', 'job.leased', 'job.running', 'job.succeeded']);
  const stream = await openSse(t.baseUrl, `/api/v1/jobs/${id}/events`, bearer());
  await stream.waitForEnd(10_000);
  expect(stream.frames.map((f) => f.id)).toEqual(cursors(expected));
  const resumed = await openSse(t.baseUrl, `/api/v1/jobs/${id}/events`, { ...bearer(), 'last-event-id': expected[1].cursor });
  await resumed.waitForEnd(10_000);
  expect(resumed.frames.map((f) => f.id)).toEqual(cursors(expected.slice(2)));
});

test("a run's SSE and WebSocket streams replay its events across the boundary in order, and both end with it", async () => {
  // Step events are the run's too (resource workflow_run, the run's id).
  const runEvents = truth.filter((e) => e.resourceId === runId);
  expect(runEvents.some((e) => e.txId < boundary.txId) && runEvents.some((e) => e.txId >= boundary.txId)).toBe(true);
  expect(runEvents.at(-1)!.type).toBe('workflow_run.succeeded');
  const stream = await openSse(t.baseUrl, `/api/v1/workflow-runs/${runId}/events`, bearer());
  await stream.waitForEnd(10_000);
  expect(stream.frames.map((f) => f.id)).toEqual(cursors(runEvents));
  const socket = await openSocket(t.baseUrl, `/api/v1/workflow-runs/${runId}/stream`, bearer());
  expect(await socket.waitForClose(10_000)).toBe(1000);
  expect(cursors(socket.messages)).toEqual(cursors(runEvents));
});
