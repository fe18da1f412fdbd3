import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { WebSocket } from 'ws';
import { otherOrganization } from '../support/fixtures.js';
import { useServer } from '../support/use-server.js';

/**
 * The agent task stream: a WebSocket at /agents/{id}/task-stream, authenticated by X-Agent-Secret
 * for the agent in the path. The agent says how many jobs it can take; jobs queued for it are
 * claimed and pushed with their lease, cancellations of jobs it holds are pushed too; completion
 * stays an HTTP call.
 */

const t = useServer();

const suffix = () => randomBytes(3).toString('hex');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Agent {
  id: string;
  secret: string;
}

async function mintAgent(body: Record<string, unknown> = {}, token?: string): Promise<Agent> {
  const res = await t.http.post('/api/v1/agents', { body: { name: `agent-${suffix()}`, ...body }, token }).expectResponse(201);
  return { id: res.body.data.agent.id, secret: res.body.data.agentSecret };
}

async function submit(body: Record<string, unknown>, token?: string): Promise<Record<string, any>> {
  return (await t.http.post('/api/v1/jobs', { body, token, idempotencyKey: true }).expect(201)).data;
}

async function getJob(id: string): Promise<Record<string, any>> {
  return (await t.http.get('/api/v1/jobs/{id}', { params: { id } }).expect(200)).data;
}

type Message = Record<string, any> & { type: string };

interface Stream {
  ws: WebSocket;
  messages: Message[];
  send(message: unknown): void;
  /** Waits for a message matching `ok` that was not taken yet, and takes it. */
  next(ok?: (m: Message) => boolean, timeoutMs?: number): Promise<Message>;
  /** Messages not taken yet. */
  untaken(): Message[];
}

const sockets: WebSocket[] = [];
afterEach(() => {
  for (const ws of sockets.splice(0)) ws.terminate();
});

const streamUrl = (agentId: string) => `${t.baseUrl.replace(/^http/, 'ws')}/api/v1/agents/${agentId}/task-stream`;

function connect(agent: Agent, pathId = agent.id): Promise<Stream> {
  const ws = new WebSocket(streamUrl(pathId), { headers: { 'x-agent-secret': agent.secret } });
  sockets.push(ws);
  const taken = new Set<Message>();
  const stream: Stream = {
    ws,
    messages: [],
    send: (message) => ws.send(typeof message === 'string' ? message : JSON.stringify(message)),
    untaken: () => stream.messages.filter((m) => !taken.has(m)),
    async next(ok = () => true, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = stream.messages.find((m) => !taken.has(m) && ok(m));
        if (found) {
          taken.add(found);
          return found;
        }
        if (Date.now() > deadline) throw new Error(`no such message within ${timeoutMs} ms; got ${JSON.stringify(stream.untaken())}`);
        await sleep(20);
      }
    },
  };
  ws.on('message', (data) => stream.messages.push(JSON.parse((data as Buffer).toString('utf8')) as Message));
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(stream));
    ws.once('unexpected-response', (_req, res: IncomingMessage) => reject(new Error(`handshake answered ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

/** A refused handshake: its status and error code. */
function refused(url: string, headers: Record<string, string>): Promise<{ status: number; code?: string }> {
  const ws = new WebSocket(url, { headers });
  sockets.push(ws);
  return new Promise((resolve, reject) => {
    ws.once('open', () => reject(new Error('the handshake was accepted')));
    ws.once('unexpected-response', (_req, res: IncomingMessage) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () =>
        resolve({ status: res.statusCode!, code: text ? (JSON.parse(text) as { error: { code: string } }).error.code : undefined }),
      );
    });
    ws.once('error', reject);
  });
}

/** Connects and takes the hello. */
async function ready(agent: Agent, slots: number): Promise<Stream> {
  const stream = await connect(agent);
  await stream.next((m) => m.type === 'hello');
  stream.send({ type: 'ready', slots });
  return stream;
}

describe('the task stream', () => {
  test('greets the agent with its id and timing', async () => {
    const agent = await mintAgent();
    const stream = await connect(agent);
    const hello = await stream.next();
    expect(hello).toEqual({
      type: 'hello',
      agentId: agent.id,
      timing: { heartbeatIntervalSeconds: 10, pollIntervalSeconds: 5, leaseSeconds: 30 },
    });
  });

  test('with one slot, a job queued afterwards is pushed with its lease, and completing it over HTTP works', async () => {
    const type = `pushed-${suffix()}`;
    const agent = await mintAgent({ capabilities: [type] });
    const stream = await ready(agent, 1);
    await sleep(100);
    expect(stream.untaken()).toEqual([]);
    const job = await submit({ type, payload: { n: 1 } });
    const pushed = await stream.next((m) => m.type === 'job');
    expect(pushed.job).toMatchObject({ id: job.id, status: 'leased', agentId: agent.id, attempts: 1, payload: { n: 1 } });
    expect(pushed.lease).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), expiresAt: pushed.job.leaseExpiresAt, attempt: 1 });
    expect(await getJob(job.id)).toMatchObject({ status: 'leased', agentId: agent.id });

    await t.http
      .post('/api/v1/agents/{id}/jobs/{jobId}/complete', {
        params: { id: agent.id, jobId: job.id },
        body: { leaseId: pushed.lease.id, status: 'succeeded', result: { ok: true } },
        token: null,
        agentSecret: agent.secret,
      })
      .expect(204);
    expect(await getJob(job.id)).toMatchObject({ status: 'succeeded', result: { ok: true } });
  });

  test('a slot taken is used up: the next job waits until the agent is ready again', async () => {
    const type = `slots-${suffix()}`;
    const agent = await mintAgent({ capabilities: [type] });
    const stream = await ready(agent, 1);
    const first = await submit({ type });
    expect((await stream.next((m) => m.type === 'job')).job.id).toBe(first.id);
    const second = await submit({ type });
    await sleep(500);
    expect(stream.untaken().filter((m) => m.type === 'job')).toEqual([]);
    expect((await getJob(second.id)).status).toBe('queued');
    stream.send({ type: 'ready', slots: 1 });
    expect((await stream.next((m) => m.type === 'job')).job.id).toBe(second.id);
  });

  test('with no slot nothing is pushed, and ready with slots takes what is already queued', async () => {
    const type = `idle-${suffix()}`;
    const agent = await mintAgent({ capabilities: [type] });
    const stream = await ready(agent, 0);
    const jobs = [await submit({ type }), await submit({ type }), await submit({ type })];
    await sleep(500);
    expect(stream.untaken()).toEqual([]);
    for (const job of jobs) expect((await getJob(job.id)).status).toBe('queued');
    stream.send({ type: 'ready', slots: 2 });
    const pushed = [await stream.next((m) => m.type === 'job'), await stream.next((m) => m.type === 'job')];
    expect(pushed.map((m) => m.job.id).sort()).toEqual([jobs[0].id, jobs[1].id].sort());
    await sleep(300);
    expect(stream.untaken().filter((m) => m.type === 'job')).toEqual([]);
    expect((await getJob(jobs[2].id)).status).toBe('queued');
  });

  test('only jobs this agent may run are pushed to it', async () => {
    const type = `mine-${suffix()}`;
    const agent = await mintAgent({ capabilities: [type], labels: { zone: 'a' } });
    const other = await mintAgent({ capabilities: [type] });
    const stream = await ready(agent, 5);
    const notMine = [
      await submit({ type: `${type}-x` }),
      await submit({ type, selector: { zone: 'b' } }),
      await submit({ type, targetAgentId: other.id }),
    ];
    const mine = await submit({ type, selector: { zone: 'a' } });
    expect((await stream.next((m) => m.type === 'job')).job.id).toBe(mine.id);
    await sleep(300);
    expect(stream.untaken().filter((m) => m.type === 'job')).toEqual([]);
    for (const job of notMine) expect((await getJob(job.id)).status).toBe('queued');
  });

  test('a job it could not take is pushed the moment the agent reports the capability it lacked', async () => {
    // An organization of its own: an agent of another test that takes any type would take it.
    const token = (await otherOrganization(t, t.token)).owner.accessToken;
    const type = `reported-${suffix()}`;
    const agent = await mintAgent({ capabilities: [`${type}-base`] }, token);
    const stream = await ready(agent, 1);
    const job = await submit({ type }, token);
    expect(job.blocked).toMatchObject({ code: 'NO_CAPABLE_AGENT' });
    await sleep(300);
    expect(stream.untaken().filter((m) => m.type === 'job')).toEqual([]);
    await t.http
      .post('/api/v1/agents/{id}/heartbeat', {
        params: { id: agent.id },
        body: { capabilities: [`${type}-base`, type] },
        token: null,
        agentSecret: agent.secret,
      })
      .expect(204);
    expect((await stream.next((m) => m.type === 'job')).job).toMatchObject({ id: job.id, status: 'leased', agentId: agent.id });
  });

  test('cancelling a pushed job sends a cancel message; the agent acknowledges by completing it as cancelled', async () => {
    const type = `cancel-${suffix()}`;
    const agent = await mintAgent({ capabilities: [type] });
    const stream = await ready(agent, 1);
    const job = await submit({ type });
    const pushed = await stream.next((m) => m.type === 'job');
    await t.http.post('/api/v1/jobs/{id}/cancel', { params: { id: job.id } }).expect(200);
    const cancel = await stream.next((m) => m.type === 'cancel');
    expect(cancel).toEqual({ type: 'cancel', jobIds: [job.id] });
    await t.http
      .post('/api/v1/agents/{id}/jobs/{jobId}/complete', {
        params: { id: agent.id, jobId: job.id },
        body: { leaseId: pushed.lease.id, status: 'cancelled' },
        token: null,
        agentSecret: agent.secret,
      })
      .expect(204);
    // Acknowledged: not announced again.
    const bystander = await submit({ type: `${type}-other` });
    await t.http.post('/api/v1/jobs/{id}/cancel', { params: { id: bystander.id } }).expect(200);
    await sleep(300);
    expect(stream.untaken().filter((m) => m.type === 'cancel')).toEqual([]);
    expect((await getJob(job.id)).status).toBe('cancelled');
  });

  test('ping is answered pong; bad JSON and unknown messages are answered with an error, and the stream goes on', async () => {
    const type = `talk-${suffix()}`;
    const agent = await mintAgent({ capabilities: [type] });
    const stream = await connect(agent);
    await stream.next((m) => m.type === 'hello');
    stream.send({ type: 'ping' });
    expect(await stream.next()).toEqual({ type: 'pong' });
    stream.send('{not json');
    expect(await stream.next()).toMatchObject({ type: 'error', code: 'MALFORMED_JSON' });
    for (const bad of [
      { type: 'dance' },
      { type: 'ready', slots: -1 },
      { type: 'ready', slots: 51 },
      { type: 'ready', slots: 1.5 },
      { type: 'ready' },
      [1, 2],
    ]) {
      stream.send(bad);
      expect(await stream.next()).toMatchObject({ type: 'error', code: 'UNKNOWN_MESSAGE' });
    }
    // None of those took a slot.
    const job = await submit({ type });
    await sleep(300);
    expect(stream.untaken()).toEqual([]);
    stream.send({ type: 'ready', slots: 1 });
    expect((await stream.next((m) => m.type === 'job')).job.id).toBe(job.id);
    expect(stream.ws.readyState).toBe(WebSocket.OPEN);
  });

  test('a connected agent that is revoked is pushed nothing more', async () => {
    const type = `revoked-${suffix()}`;
    const agent = await mintAgent({ capabilities: [type] });
    const stream = await ready(agent, 3);
    await t.http.post('/api/v1/agents/{id}/revoke', { params: { id: agent.id } }).expect(200);
    const job = await submit({ type });
    await sleep(500);
    expect(stream.untaken().filter((m) => m.type === 'job')).toEqual([]);
    expect(await getJob(job.id)).toMatchObject({ status: 'queued', attempts: 0 });
  });

  test('a job pushed to an agent that then disconnects is re-queued when its lease ends, not lost', async () => {
    const type = `dropped-${suffix()}`;
    const agent = await mintAgent({ capabilities: [type] });
    const stream = await ready(agent, 1);
    const job = await submit({ type, maxAttempts: 2 });
    await stream.next((m) => m.type === 'job');
    stream.ws.close();
    // Shorten the lease rather than wait 30 s; the reaper runs every second.
    await t.sql("UPDATE jobs SET lease_expires_at = now() - interval '1 millisecond' WHERE id = $1", [job.id]);
    const deadline = Date.now() + 5_000;
    let current = await getJob(job.id);
    while (current.status !== 'queued' && Date.now() < deadline) {
      await sleep(100);
      current = await getJob(job.id);
    }
    expect(current).toMatchObject({ status: 'queued', errorCode: 'LEASE_EXPIRED', attempts: 1 });
  });
});

describe('handshakes', () => {
  test('a path naming another agent is 403, whether of the same organization or another', async () => {
    const agent = await mintAgent();
    const sibling = await mintAgent();
    const foreign = await mintAgent({}, (await otherOrganization(t, t.token)).owner.accessToken);
    for (const id of [sibling.id, foreign.id]) {
      expect(await refused(streamUrl(id), { 'x-agent-secret': agent.secret })).toEqual({ status: 403, code: 'FORBIDDEN' });
    }
  });

  test('no secret, a wrong one, a user token, or a revoked agent is 401; a plain GET is 426', async () => {
    const agent = await mintAgent();
    const wrong = agent.secret.slice(0, -1) + (agent.secret.endsWith('A') ? 'B' : 'A');
    expect(await refused(streamUrl(agent.id), {})).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    expect(await refused(streamUrl(agent.id), { 'x-agent-secret': wrong })).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    expect(await refused(streamUrl(agent.id), { authorization: `Bearer ${t.token}` })).toEqual({ status: 401, code: 'UNAUTHENTICATED' });

    const plain = await t.http
      .get('/api/v1/agents/{id}/task-stream', { params: { id: agent.id }, token: null, agentSecret: agent.secret })
      .expectResponse(426);
    expect(plain.body.error.code).toBe('UPGRADE_REQUIRED');

    const revoked = await mintAgent();
    await t.http.post('/api/v1/agents/{id}/revoke', { params: { id: revoked.id } }).expect(200);
    expect(await refused(streamUrl(revoked.id), { 'x-agent-secret': revoked.secret })).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
  });
});
