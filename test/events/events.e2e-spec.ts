import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { expectMatchesContract, type RawResponse } from '../support/contract.js';
import { addMember, mintApiKey, otherOrganization } from '../support/fixtures.js';
import { ADMIN, type RunningServer, spawnServer } from '../support/server.js';
import {
  closeStreams,
  openSocket as openSocketAt,
  openSse as openSseAt,
  refusedHandshake as refusedHandshakeAt,
  type SseStream,
  type StreamedEvent,
} from '../support/streams.js';
import { useServer } from '../support/use-server.js';

/**
 * Domain events end to end: the SSE stream (filters, Last-Event-ID resume with nothing lost and
 * nothing repeated), a job's own event stream, the WebSocket streams (resume with ?after=, refused
 * handshakes), the outbox as a cursor-paged list, isolation between organizations, and delivery
 * across two replicas sharing one database.
 */

const t = useServer();

const suffix = () => randomBytes(3).toString('hex');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const CURSOR = /^\d+-\d+$/;

type DomainEvent = StreamedEvent;

interface Agent {
  id: string;
  secret: string;
}

async function mintAgent(token: string, body: Record<string, unknown> = {}): Promise<Agent> {
  const res = await t.http.post('/api/v1/agents', { body: { name: `agent-${suffix()}`, ...body }, token }).expectResponse(201);
  return { id: res.body.data.agent.id, secret: res.body.data.agentSecret };
}

async function submit(token: string, body: Record<string, unknown>, baseUrl?: string): Promise<Record<string, any>> {
  return (await t.http.post('/api/v1/jobs', { body, token, idempotencyKey: randomUUID(), baseUrl }).expect(201)).data;
}

const claim = (agent: Agent, query?: Record<string, number>, baseUrl?: string) =>
  t.http.post('/api/v1/agents/{id}/jobs/claim', { params: { id: agent.id }, query, token: null, agentSecret: agent.secret, baseUrl });
/** A report on one of its jobs, sent as the agent. */
const report = (step: 'progress' | 'complete') => (agent: Agent, jobId: string, body: Record<string, unknown>) =>
  t.http.post(`/api/v1/agents/{id}/jobs/{jobId}/${step}`, {
    params: { id: agent.id, jobId },
    body,
    token: null,
    agentSecret: agent.secret,
  });
const progress = report('progress');
const complete = report('complete');

/** Claims the one job waiting for `agent`, reports progress and completes it as succeeded. */
async function runJob(agent: Agent, jobId: string): Promise<void> {
  const claimed = await claim(agent).expectResponse(200);
  const { job, lease } = claimed.body.data.claims[0];
  expect(job.id).toBe(jobId);
  await progress(agent, jobId, { leaseId: lease.id, percent: 50 }).expect(200);
  await complete(agent, jobId, { leaseId: lease.id, status: 'succeeded' }).expect(204);
}

/** Asserts an event has the DomainEvent shape of the contract. */
function expectDomainEvent(event: DomainEvent, organizationId = t.organizationId): void {
  const { actorId, correlationId, ...rest } = event as DomainEvent & { actorId: unknown; correlationId: unknown };
  expect(actorId === null || typeof actorId === 'string').toBe(true);
  expect(correlationId === null || typeof correlationId === 'string').toBe(true);
  expect(rest).toEqual({
    id: expect.stringMatching(/^[0-9a-f-]{36}$/),
    cursor: expect.stringMatching(CURSOR),
    organizationId,
    type: expect.any(String),
    resourceType: expect.any(String),
    resourceId: expect.any(String),
    actorType: expect.stringMatching(/^(user|api_key|agent|system)$/),
    data: expect.any(Object),
    occurredAt: expect.any(String),
  });
}

// Stream readers (test/support/streams.ts), against this file's server unless told otherwise.

afterEach(closeStreams);
const openSse = (path: string, headers: Record<string, string>, baseUrl = t.baseUrl) => openSseAt(baseUrl, path, headers);
const openSocket = (path: string, headers: Record<string, string>) => openSocketAt(t.baseUrl, path, headers);
const refusedHandshake = (path: string, headers: Record<string, string>) => refusedHandshakeAt(t.baseUrl, path, headers);
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/**
 * A transaction that has taken a transaction id and stays open: events committed after it began
 * are not settled (readable in stream order) until it ends. Any concurrent request can be one.
 */
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

/** Waits until every event about `resourceId` is settled, as the hub reads them. */
async function settled(resourceId: string): Promise<void> {
  for (const deadline = Date.now() + 5_000; ;) {
    const [{ n }] = await t.sql<{ n: number }>(
      'SELECT count(*)::int AS n FROM events WHERE resource_id = $1 AND tx_id >= pg_snapshot_xmin(pg_current_snapshot())',
      [resourceId],
    );
    if (n === 0) return;
    if (Date.now() > deadline) throw new Error(`events of ${resourceId} not settled`);
    await sleep(20);
  }
}

// ---------------------------------------------------------------------------------------------

describe('SSE: /events/stream', () => {
  test('delivers events committed after connecting, each with its cursor as id and its type as event', async () => {
    const before = await submit(t.token, { type: `sse-${suffix()}` });
    await settled(before.id);
    const stream = await openSse('/api/v1/events/stream', bearer(t.token));
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(stream.headers.get('cache-control')).toContain('no-cache');
    const job = await submit(t.token, { type: `sse-${suffix()}`, payload: { secretish: 'payload-is-not-streamed' } });
    const frame = await stream.waitFor((f) => f.data.resourceId === job.id);
    expect(frame.event).toBe('job.queued');
    expect(frame.id).toBe(frame.data.cursor);
    expectDomainEvent(frame.data);
    expect(frame.data).toMatchObject({
      type: 'job.queued',
      resourceType: 'job',
      actorType: 'user',
      data: { jobType: job.type, status: 'queued', attempt: 0 },
    });
    expect(JSON.stringify(frame.data)).not.toContain('payload-is-not-streamed');
    // Without Last-Event-ID, nothing from before the connection is replayed.
    expect(stream.frames.some((f) => f.data.resourceId === before.id)).toBe(false);
  });

  test('?types filters by exact type or prefix', async () => {
    const agent = await mintAgent(t.token, { capabilities: [`only-${suffix()}`] });
    // Committed and settled before the streams open: none of them replays it.
    await settled(agent.id);
    const succeeded = await openSse('/api/v1/events/stream?types=job.succeeded', bearer(t.token));
    const agents = await openSse('/api/v1/events/stream?types=agent.*', bearer(t.token));
    const both = await openSse('/api/v1/events/stream?types=job.running,agent.updated', bearer(t.token));
    const type = `filtered-${suffix()}`;
    // An agent must run a type before a job may be aimed at it.
    await t.http.put('/api/v1/agents/{id}', { params: { id: agent.id }, body: { capabilities: [type] } }).expect(200);
    const job = await submit(t.token, { type, targetAgentId: agent.id });
    await runJob(agent, job.id);
    const done = await succeeded.waitFor((f) => f.data.resourceId === job.id);
    expect(done.event).toBe('job.succeeded');
    expect(succeeded.frames.map((f) => f.event)).toEqual(['job.succeeded']);
    await agents.waitFor((f) => f.event === 'agent.updated');
    expect(new Set(agents.frames.map((f) => f.event))).toEqual(new Set(['agent.updated']));
    await both.waitForCount(2);
    expect(both.frames.map((f) => f.event)).toEqual(['agent.updated', 'job.running']);
    // By the time the filtered event arrived, any earlier event the filter let through would have too.
    await sleep(200);
    expect(succeeded.frames).toHaveLength(1);

    await t.http.get('/api/v1/events/stream', { query: { types: 'Job.Queued' } }).expect(400, 'VALIDATION_FAILED');
  });

  test('Last-Event-ID resumes right after that event: everything since, in order, nothing repeated', async () => {
    // An organization of its own, so that every one of its events is accounted for.
    const token = (await otherOrganization(t, t.token)).owner.accessToken;
    const other = (await t.http.get('/api/v1/me/permissions', { token }).expect(200)).data.organizationId;
    const first = await openSse('/api/v1/events/stream', bearer(token));
    const jobs = [
      await submit(token, { type: 'resume' }),
      await submit(token, { type: 'resume' }),
      await submit(token, { type: 'resume' }),
    ];
    const seen = await first.waitForCount(3);
    expect(seen.map((f) => f.data.resourceId)).toEqual(jobs.map((j) => j.id));
    const k = seen[1];
    first.close();

    const more = [await submit(token, { type: 'resume' }), await submit(token, { type: 'resume' })];
    await t.http.post('/api/v1/jobs/{id}/cancel', { params: { id: jobs[0].id }, token }).expect(200);
    const agent = await mintAgent(token);

    const resumed = await openSse('/api/v1/events/stream', { ...bearer(token), 'last-event-id': k.id! });
    const expected = [
      ['job.queued', jobs[2].id],
      ['job.queued', more[0].id],
      ['job.queued', more[1].id],
      ['job.cancelled', jobs[0].id],
      ['agent.created', agent.id],
    ];
    await resumed.waitForCount(expected.length);
    await sleep(300);
    expect(resumed.frames.map((f) => [f.event, f.data.resourceId])).toEqual(expected);
    for (const f of resumed.frames) expectDomainEvent(f.data, other);
    const cursors = resumed.frames.map((f) => f.id!);
    expect(new Set(cursors).size).toBe(cursors.length);
    // The same events, in the same order, as the outbox lists them (newest first there).
    const outbox = await t.http.get('/api/v1/events/outbox', { query: { limit: 200 }, token }).expectResponse(200);
    const all = (outbox.body.data as DomainEvent[]).reverse();
    const at = all.findIndex((e) => e.cursor === k.id);
    expect(all.slice(at + 1).map((e) => e.cursor)).toEqual(cursors);

    // And it goes on live.
    const live = await submit(token, { type: 'resume' });
    const frame = await resumed.waitFor((f) => f.data.resourceId === live.id);
    expect(resumed.frames.indexOf(frame)).toBe(expected.length);
  });

  test('an event committed behind an older, still open transaction is delivered once that one ends: late, never lost', async () => {
    const stream = await openSse('/api/v1/events/stream?types=job.queued', bearer(t.token));
    const older = await openOlderTransaction();
    let job: Record<string, any>;
    try {
      job = await submit(t.token, { type: `late-${suffix()}` });
      await sleep(300);
    } finally {
      await older.end();
    }
    const frame = await stream.waitFor((f) => f.data.resourceId === job.id);
    expect(frame.event).toBe('job.queued');
    expect(stream.frames.filter((f) => f.data.resourceId === job.id)).toHaveLength(1);
  });

  test('a malformed Last-Event-ID is 400', async () => {
    for (const id of ['abc', '12', '1-2-3', '-1-2', '1-', '99999999999999999999999-1']) {
      const res = await t.http.get('/api/v1/events/stream', { headers: { 'last-event-id': id } }).expectResponse(400, 'VALIDATION_FAILED');
      expect(res.body.error.validationErrors).toEqual([expect.objectContaining({ field: 'Last-Event-ID', code: 'INVALID_CURSOR' })]);
    }
  });

  test("another organization's events never arrive", async () => {
    const other = await otherOrganization(t, t.token);
    const mine = await openSse('/api/v1/events/stream', bearer(t.token));
    const theirs = await openSse('/api/v1/events/stream', bearer(other.owner.accessToken));
    // A resume from the very start replays history: still only the caller's organization.
    const replay = await openSse('/api/v1/events/stream', { ...bearer(other.owner.accessToken), 'last-event-id': '0-0' });
    const foreignAgent = await mintAgent(other.owner.accessToken);
    const foreignJob = await submit(other.owner.accessToken, { type: 'theirs' });
    const marker = await submit(t.token, { type: `marker-${suffix()}` });
    await mine.waitFor((f) => f.data.resourceId === marker.id);
    await theirs.waitFor((f) => f.data.resourceId === foreignJob.id);
    await replay.waitFor((f) => f.data.resourceId === foreignJob.id);
    await sleep(200);
    expect(mine.frames.filter((f) => f.data.organizationId !== t.organizationId)).toEqual([]);
    expect(mine.frames.some((f) => [foreignAgent.id, foreignJob.id].includes(f.data.resourceId))).toBe(false);
    expect(theirs.frames.map((f) => f.data.resourceId)).toEqual([foreignAgent.id, foreignJob.id]);
    expect(replay.frames.map((f) => f.data.resourceId)).toEqual([foreignAgent.id, foreignJob.id]);
  });

  test('needs event.read, and authentication', async () => {
    const nobody = await addMember(t, t.token, []);
    await t.http.get('/api/v1/events/stream', { token: nobody.accessToken }).expect(403, 'FORBIDDEN');
    await t.http.get('/api/v1/events/stream', { token: null }).expect(401, 'UNAUTHENTICATED');
  });
});

describe("SSE: a job's events", () => {
  test("/jobs/{id}/events replays a finished job's events and ends after the terminal one", async () => {
    const type = `replayed-${suffix()}`;
    const agent = await mintAgent(t.token, { capabilities: [type] });
    const job = await submit(t.token, { type, targetAgentId: agent.id });
    await runJob(agent, job.id);
    const stream = await openSse(`/api/v1/jobs/${job.id}/events`, bearer(t.token));
    expect(stream.status).toBe(200);
    await stream.waitForEnd();
    expect(stream.frames.map((f) => f.event)).toEqual(['job.queued', 'job.leased', 'job.running', 'job.succeeded']);
    for (const f of stream.frames) expect(f.data.resourceId).toBe(job.id);

    // Resumed after the running event: only the end, then the stream closes.
    const resumed = await openSse(`/api/v1/jobs/${job.id}/events`, { ...bearer(t.token), 'last-event-id': stream.frames[2].id! });
    await resumed.waitForEnd();
    expect(resumed.frames.map((f) => f.event)).toEqual(['job.succeeded']);
  });

  test("a finished job's history is complete even while an older transaction is still open", async () => {
    const type = `held-back-${suffix()}`;
    const agent = await mintAgent(t.token, { capabilities: [type] });
    const job = await submit(t.token, { type, targetAgentId: agent.id });
    const older = await openOlderTransaction();
    let stream: SseStream;
    try {
      await runJob(agent, job.id);
      stream = await openSse(`/api/v1/jobs/${job.id}/events`, bearer(t.token));
      expect(stream.status).toBe(200);
      await sleep(300);
    } finally {
      await older.end();
    }
    await stream.waitForEnd();
    expect(stream.frames.map((f) => f.event)).toEqual(['job.queued', 'job.leased', 'job.running', 'job.succeeded']);
  });

  test('the replay of a job retried after it failed goes on to its last end', async () => {
    const type = `retried-${suffix()}`;
    const agent = await mintAgent(t.token, { capabilities: [type] });
    const job = await submit(t.token, { type, maxAttempts: 1 });
    const first = await claim(agent).expectResponse(200);
    await complete(agent, job.id, { leaseId: first.body.data.claims[0].lease.id, status: 'failed' }).expect(204);
    await t.http.post('/api/v1/agent-runtime/job-failures/{id}/retry', { params: { id: job.id } }).expect(200);
    await runJob(agent, job.id);
    await settled(job.id);
    const stream = await openSse(`/api/v1/jobs/${job.id}/events`, bearer(t.token));
    await stream.waitForEnd();
    expect(stream.frames.map((f) => f.event)).toEqual([
      'job.queued',
      'job.leased',
      'job.failed',
      'job.queued',
      'job.leased',
      'job.running',
      'job.succeeded',
    ]);
  });

  test('follows a live job and ends when it finishes; only that job', async () => {
    const type = `followed-${suffix()}`;
    const agent = await mintAgent(t.token, { capabilities: [type] });
    const job = await submit(t.token, { type, targetAgentId: agent.id });
    const bystander = await submit(t.token, { type: `bystander-${suffix()}` });
    const stream = await openSse(`/api/v1/jobs/${job.id}/events`, bearer(t.token));
    await stream.waitFor((f) => f.event === 'job.queued');
    expect(stream.ended).toBe(false);
    await t.http.post('/api/v1/jobs/{id}/cancel', { params: { id: bystander.id } }).expect(200);
    await t.http.post('/api/v1/jobs/{id}/cancel', { params: { id: job.id } }).expect(200);
    await stream.waitForEnd();
    expect(stream.frames.map((f) => [f.event, f.data.resourceId])).toEqual([
      ['job.queued', job.id],
      ['job.cancelled', job.id],
    ]);
  });

  test('an unknown job is 404, a malformed Last-Event-ID 400', async () => {
    await t.http.get('/api/v1/jobs/{id}/events', { params: { id: randomUUID() } }).expect(404, 'NOT_FOUND');
    const job = await submit(t.token, { type: `bad-cursor-${suffix()}` });
    await t.http
      .get('/api/v1/jobs/{id}/events', { params: { id: job.id }, headers: { 'last-event-id': 'nope' } })
      .expect(400, 'VALIDATION_FAILED');
  });
});

describe('WebSockets', () => {
  test('/events/ws sends each event as a DomainEvent message', async () => {
    const socket = await openSocket('/api/v1/events/ws', bearer(t.token));
    const job = await submit(t.token, { type: `ws-${suffix()}` });
    const event = await socket.waitFor((e) => e.resourceId === job.id);
    expectDomainEvent(event);
    expect(event).toMatchObject({ type: 'job.queued', resourceType: 'job', data: { jobType: job.type } });
  });

  test('/events/ws?after= resumes after that cursor, with the stream filters', async () => {
    const type = `ws-resume-${suffix()}`;
    const agent = await mintAgent(t.token, { capabilities: [type] });
    const job = await submit(t.token, { type, targetAgentId: agent.id });
    await runJob(agent, job.id);
    const history = await t.http.get('/api/v1/events/outbox', { query: { resourceId: job.id } }).expectResponse(200);
    const [succeeded, running, leased, queued] = history.body.data as DomainEvent[];
    expect([queued.type, leased.type, running.type, succeeded.type]).toEqual(['job.queued', 'job.leased', 'job.running', 'job.succeeded']);

    const socket = await openSocket(`/api/v1/events/ws?after=${queued.cursor}&resourceId=${job.id}`, bearer(t.token));
    await socket.waitForCount(3);
    await sleep(200);
    expect(socket.messages.map((m) => m.cursor)).toEqual([leased.cursor, running.cursor, succeeded.cursor]);

    const typed = await openSocket(`/api/v1/events/ws?after=${queued.cursor}&types=job.succeeded`, bearer(t.token));
    const only = await typed.waitFor((m) => m.resourceId === job.id);
    expect(only.type).toBe('job.succeeded');
    expect(typed.messages.every((m) => m.type === 'job.succeeded')).toBe(true);

    const bad = await refusedHandshake('/api/v1/events/ws?after=yesterday', bearer(t.token));
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
  });

  test('/dashboard/stream sends every event of the organization', async () => {
    // An organization of its own, so that every one of its events is accounted for.
    const token = (await otherOrganization(t, t.token)).owner.accessToken;
    const socket = await openSocket('/api/v1/dashboard/stream', bearer(token));
    const foreign = await submit(t.token, { type: `elsewhere-${suffix()}` });
    const agent = await mintAgent(token);
    const job = await submit(token, { type: 'dash' });
    await socket.waitFor((e) => e.resourceId === job.id);
    await sleep(200);
    expect(socket.messages.map((m) => [m.type, m.resourceId])).toEqual([
      ['agent.created', agent.id],
      ['job.queued', job.id],
    ]);
    expect(socket.messages.some((m) => m.resourceId === foreign.id)).toBe(false);
  });

  test('a handshake without credentials is 401, without event.read 403, for both streams', async () => {
    const nobody = await addMember(t, t.token, []);
    for (const path of ['/api/v1/events/ws', '/api/v1/dashboard/stream']) {
      const anonymous = await refusedHandshake(path, {});
      expect(anonymous.status).toBe(401);
      expectMatchesContract('GET', path, 401, anonymous.body);
      expect(anonymous.body.error.code).toBe('UNAUTHENTICATED');
      const badToken = await refusedHandshake(path, bearer('not-a-token'));
      expect(badToken.status).toBe(401);
      const forbidden = await refusedHandshake(path, bearer(nobody.accessToken));
      expect(forbidden.status).toBe(403);
      expectMatchesContract('GET', path, 403, forbidden.body);
      expect(forbidden.body.error.code).toBe('FORBIDDEN');
    }
    // An API key works as well as a user's token.
    const key = await mintApiKey(t, t.token, { permissions: ['event.read'] });
    await openSocket('/api/v1/events/ws', { 'x-api-key': key.secret });
  });

  test('a plain GET to a WebSocket endpoint is 426 UPGRADE_REQUIRED', async () => {
    for (const path of ['/api/v1/events/ws', '/api/v1/dashboard/stream']) {
      const res = await t.http.get(path).expectResponse(426);
      expect(res.headers.get('upgrade')).toBe('websocket');
      expect(res.body).toMatchObject({ success: false, data: null, error: { code: 'UPGRADE_REQUIRED' } });
    }
  });
});

describe('the outbox', () => {
  test('lists events newest first, by cursor, filtered by type and resource', async () => {
    const token = (await otherOrganization(t, t.token)).owner.accessToken;
    const agent = await mintAgent(token);
    const jobs = [await submit(token, { type: 'a' }), await submit(token, { type: 'b' }), await submit(token, { type: 'c' })];
    await t.http.post('/api/v1/jobs/{id}/cancel', { params: { id: jobs[1].id }, token }).expect(200);
    const expected = [
      ['job.cancelled', jobs[1].id],
      ['job.queued', jobs[2].id],
      ['job.queued', jobs[1].id],
      ['job.queued', jobs[0].id],
      ['agent.created', agent.id],
    ];

    const pages: DomainEvent[][] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 5; i++) {
      const res: RawResponse = await t.http.get('/api/v1/events/outbox', { query: { limit: 2, cursor }, token }).expectResponse(200);
      pages.push(res.body.data);
      cursor = res.body.meta.cursor.next;
      expect(res.body.meta.cursor).toEqual({ limit: 2, next: cursor, hasNext: cursor !== null });
      if (!cursor) break;
    }
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    expect(pages.flat().map((e) => [e.type, e.resourceId])).toEqual(expected);

    const queued = await t.http.get('/api/v1/events/outbox', { query: { types: 'job.queued' }, token }).expectResponse(200);
    expect(queued.body.data.map((e: DomainEvent) => e.resourceId)).toEqual([jobs[2].id, jobs[1].id, jobs[0].id]);
    const prefixed = await t.http.get('/api/v1/events/outbox', { query: { types: 'agent.*,job.cancelled' }, token }).expectResponse(200);
    expect(prefixed.body.data.map((e: DomainEvent) => e.type)).toEqual(['job.cancelled', 'agent.created']);
    const one = await t.http
      .get('/api/v1/events/outbox', { query: { resourceType: 'job', resourceId: jobs[1].id }, token })
      .expectResponse(200);
    expect(one.body.data.map((e: DomainEvent) => e.type)).toEqual(['job.cancelled', 'job.queued']);
    const future = await t.http
      .get('/api/v1/events/outbox', { query: { since: new Date(Date.now() + 60_000).toISOString() }, token })
      .expectResponse(200);
    expect(future.body.data).toEqual([]);

    for (const bad of ['cursor=abc', 'limit=0', 'limit=201', 'types=NOPE']) {
      await t.http.get('/api/v1/events/outbox', { query: bad, token }).expect(400, 'VALIDATION_FAILED');
    }
  });
});

describe('two replicas on one database', () => {
  let b: RunningServer | undefined;
  afterAll(async () => {
    await b?.stop();
  });

  test('an SSE client on replica B receives an event caused by a request to replica A; a long-poll on B wakes for a job queued on A', async () => {
    b = await spawnServer({
      LOG_LEVEL: 'info',
      DATABASE_URL: t.databaseUrl,
      DATABASE_POOL_SIZE: '5',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      RATE_LIMIT_ENABLED: 'false',
    });
    expect(b.baseUrl).not.toBe(t.baseUrl);
    // Each replica signs its own access tokens here (no shared key is configured): an API key works on both.
    const key = await mintApiKey(t, t.token, {});
    const onB = await openSse('/api/v1/events/stream', { 'x-api-key': key.secret }, b.baseUrl);
    expect(onB.status).toBe(200);
    const job = await submit(t.token, { type: `replicated-${suffix()}` });
    const frame = await onB.waitFor((f) => f.data.resourceId === job.id);
    expect(frame.event).toBe('job.queued');

    const type = `cross-${suffix()}`;
    const agent = await mintAgent(t.token, { capabilities: [type] });
    const started = Date.now();
    // Sent now, answered once the job is queued on A.
    const polling = claim(agent, { wait: 10 }, b.baseUrl);
    void polling.response();
    await sleep(300);
    const queued = await submit(t.token, { type });
    const claimed = await polling.expectResponse(200);
    expect(claimed.body.data.claims[0].job.id).toBe(queued.id);
    expect(Date.now() - started).toBeLessThan(5_000);
    const onReplicaB = await t.http
      .get('/api/v1/jobs/{id}', { params: { id: queued.id }, token: null, headers: { 'x-api-key': key.secret }, baseUrl: b.baseUrl })
      .expect(200);
    expect(onReplicaB.data.status).toBe('leased');
  });
});
