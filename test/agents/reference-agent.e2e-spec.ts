import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MarshalSchemas } from '../../client/index.js';
import { AgentProcess, killAgents, startedAgents, waitFor } from '../support/agent-process.js';
import { httpClient } from '../support/http.js';
import { ADMIN, type RunningServer, spawnServer, startServer, type TestServer } from '../support/server.js';

/**
 * The reference agent (agent/, built to dist/agent/main.js) end to end: real agent processes
 * against the built server. Two agents drain a stream of jobs, each job claimed and completed
 * exactly once; a cancelled job stops; a SIGKILLed agent's job is re-run elsewhere once its lease
 * expires; SIGTERM lets running jobs finish or re-queues them; a revoked agent exits non-zero; and
 * with two replicas on one database, jobs still complete exactly once, even across a replica restart.
 */

type Job = MarshalSchemas['JobDto'];
type DomainEvent = MarshalSchemas['DomainEvent'];

/** Heartbeats every second and a reaper that looks five times a second: leases expire within a test's patience. */
const FAST = { AGENT_HEARTBEAT_INTERVAL_SECONDS: '1', JOB_REAPER_INTERVAL_MS: '200', LOG_LEVEL: 'warn' };
const TERMINAL = new Set(['succeeded', 'failed', 'cancelled', 'expired']);
const STREAM_SIZE = 60;
const CONCURRENCY = 2;

const stateDir = mkdtempSync(join(tmpdir(), 'marshal-agent-'));
/** Every secret an agent was given or got: none may appear in any agent's output. */
const secrets: string[] = [];

afterAll(async () => {
  await killAgents();
  rmSync(stateDir, { recursive: true, force: true });
});

function stateFile(name: string): string {
  return join(stateDir, `${name}.json`);
}

function readState(name: string): { agentId: string; agentSecret: string } {
  return JSON.parse(readFileSync(stateFile(name), 'utf8'));
}

/** Registers with the enrollment token (first start) or reuses the state file (restarts). */
function startAgent(server: string, name: string, options: { enrollmentToken?: string; extra?: string[] } = {}): AgentProcess {
  const args = [
    '--server',
    server,
    '--name',
    name,
    '--state-file',
    stateFile(name),
    '--concurrency',
    String(CONCURRENCY),
    '--allow-command',
    'echo',
    ...(options.extra ?? []),
  ];
  return new AgentProcess(name, args, options.enrollmentToken ? { MARSHAL_ENROLLMENT_TOKEN: options.enrollmentToken } : {});
}

/** The owner's view of one server, through its HTTP API, every answer checked against the contract. */
function owner(baseUrl: string, token: string) {
  const http = httpClient(baseUrl, { token });
  const job = async (id: string): Promise<Job> => (await http.get('/api/v1/jobs/{id}', { params: { id } }).expect(200)).data;
  return {
    http,
    job,
    submit: async (body: Record<string, unknown>): Promise<Job> =>
      (await http.post('/api/v1/jobs', { body, idempotencyKey: true }).expect(201)).data,
    cancel: async (id: string): Promise<Job> => (await http.post('/api/v1/jobs/{id}/cancel', { params: { id } }).expect(200)).data,
    agent: async (id: string) => (await http.get('/api/v1/agents/{id}', { params: { id } }).expect(200)).data,
    waitForJob: (id: string, what: string, predicate: (job: Job) => boolean, timeoutMs = 15_000): Promise<Job> => {
      let last: Job | undefined;
      return waitFor(
        `job ${id} to be ${what} (last seen: ${JSON.stringify(last)})`,
        async () => ((last = await job(id)), predicate(last) ? last : undefined),
        timeoutMs,
      );
    },
    /** Jobs created since `since`, every page. */
    async jobsSince(since: string): Promise<Job[]> {
      const all: Job[] = [];
      for (let page = 1; ; page++) {
        const res = await http.get('/api/v1/jobs', { query: { since, pageSize: 100, page } }).expectResponse(200);
        all.push(...(res.body.data as Job[]));
        if (!res.body.meta.pagination.hasNext) return all;
      }
    },
    /** Events of these types since `since`, every page of the outbox. */
    async events(types: string, since: string): Promise<DomainEvent[]> {
      const all: DomainEvent[] = [];
      let cursor: string | null = null;
      do {
        const res = await http.get('/api/v1/events/outbox', { query: { types, since, limit: 200, cursor } }).expectResponse(200);
        all.push(...(res.body.data as DomainEvent[]));
        cursor = res.body.meta.cursor.next;
      } while (cursor);
      return all;
    },
  };
}
type Owner = ReturnType<typeof owner>;

async function rotateEnrollmentToken(api: Owner): Promise<string> {
  const token: string = (await api.http.post('/api/v1/edge-agent/enrollment/rotate', { body: {} }).expect(201)).data.enrollmentToken;
  secrets.push(token);
  return token;
}

/** Noop jobs, and every third a short sleep so both agents get to hold some; submitted through each server in turn. */
async function submitStream(servers: Owner[], count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < count; start += 10) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(10, count - start) }, (_, k) => {
        const n = start + k;
        return servers[n % servers.length].submit(n % 3 === 0 ? { type: 'sleep', payload: { seconds: 0.2 } } : { type: 'noop' });
      }),
    );
    ids.push(...batch.map((job) => job.id));
  }
  return ids;
}

/**
 * Every job succeeded on its first attempt; the outbox holds exactly one job.leased and one
 * job.succeeded for it; exactly one agent process ever started it, the one the server says held it;
 * and no agent ran more jobs at once than its --concurrency. Answers the jobs each agent ran.
 */
async function expectEachCompletedOnce(api: Owner, ids: string[], since: string, workers: AgentProcess[]): Promise<Map<string, number>> {
  const jobs = await waitFor(
    `${ids.length} jobs to finish`,
    async () => {
      const byId = new Map((await api.jobsSince(since)).map((job) => [job.id, job]));
      const mine = ids.map((id) => byId.get(id));
      return mine.every((job) => job && TERMINAL.has(job.status)) ? (mine as Job[]) : undefined;
    },
    45_000,
  );
  const events = await api.events('job.leased,job.succeeded', since);
  const count = (type: string, id: string) => events.filter((e) => e.type === type && e.resourceId === id).length;
  const starts = workers.flatMap((agent) => agent.lines().filter((line) => line.msg === 'job started'));
  const problems = jobs.flatMap((job) => {
    const startedBy = starts.filter((line) => line.jobId === job.id).map((line) => line.agentId);
    const found = {
      status: job.status,
      attempts: job.attempts,
      leasedEvents: count('job.leased', job.id),
      succeededEvents: count('job.succeeded', job.id),
      startedBy,
      durationMs: typeof job.usage.durationMs,
    };
    const expected = {
      status: 'succeeded',
      attempts: 1,
      leasedEvents: 1,
      succeededEvents: 1,
      startedBy: [job.agentId],
      durationMs: 'number',
    };
    return JSON.stringify(found) === JSON.stringify(expected) ? [] : [{ job: job.id, found }];
  });
  expect(problems).toEqual([]);

  for (const agent of workers) {
    let running = 0;
    let most = 0;
    for (const line of agent.lines()) {
      if (line.msg === 'job started') most = Math.max(most, ++running);
      if (line.msg === 'job finished' || line.msg.startsWith('job dropped')) running--;
    }
    expect(most).toBeLessThanOrEqual(CONCURRENCY);
  }
  const perAgent = new Map<string, number>();
  for (const job of jobs) perAgent.set(job.agentId!, (perAgent.get(job.agentId!) ?? 0) + 1);
  return perAgent;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe('one server, two agents', () => {
  let t: TestServer;
  let api: Owner;
  let enrollmentToken: string;
  let a: AgentProcess;
  let b: AgentProcess;
  let aId: string;
  let bId: string;

  beforeAll(async () => {
    t = await startServer({ ...FAST, JOB_LEASE_SECONDS: '3' });
    api = owner(t.baseUrl, (await t.login()).accessToken);
    enrollmentToken = await rotateEnrollmentToken(api);
    // One reads the token from the environment, the other from the command line.
    a = startAgent(t.baseUrl, 'agent-a', { enrollmentToken, extra: ['--labels', 'pool=main,zone=a'] });
    b = startAgent(t.baseUrl, 'agent-b', { extra: ['--enrollment-token', enrollmentToken, '--labels', 'pool=main,zone=b'] });
    aId = (await a.waitForLine('its start', (l) => l.msg === 'agent started')).agentId!;
    bId = (await b.waitForLine('its start', (l) => l.msg === 'agent started')).agentId!;
    for (const name of ['agent-a', 'agent-b']) secrets.push(readState(name).agentSecret);
  });
  afterAll(async () => {
    await killAgents();
    await t?.close();
  });

  test('they register with the enrollment token, keep id and secret in a 0600 state file, and heartbeat', async () => {
    for (const [name, id] of [
      ['agent-a', aId],
      ['agent-b', bId],
    ]) {
      expect(statSync(stateFile(name)).mode & 0o777).toBe(0o600);
      expect(readState(name)).toMatchObject({ agentId: id, agentSecret: expect.stringMatching(/^mas_/) });
    }
    const agentA = await waitFor('agent-a to be seen', async () => {
      const agent = await api.agent(aId);
      return agent.lastSeenAt ? agent : undefined;
    });
    expect(agentA).toMatchObject({
      name: 'agent-a',
      status: 'active',
      connectivity: 'online',
      enrolledVia: 'enrollment',
      labels: { pool: 'main', zone: 'a' },
      version: '0.1.0',
      // shell only because the agents allow a command (the server keeps them sorted)
      capabilities: ['http-check', 'noop', 'shell', 'sleep'],
    });
    expect(a.child.exitCode).toBeNull();
  });

  test(`a stream of ${STREAM_SIZE} jobs: each succeeds, claimed once and completed once, by one agent at a time`, async () => {
    const since = new Date().toISOString();
    const ids = await submitStream([api], STREAM_SIZE);
    const perAgent = await expectEachCompletedOnce(api, ids, since, [a, b]);
    expect([...perAgent.keys()].sort()).toEqual([aId, bId].sort());
  }, 60_000);

  test('built-in handlers: shell runs allowed programs without a shell and refuses the rest; http-check', async () => {
    const health = `${t.baseUrl}/api/v1/health`;
    const closedPort = await freePort();
    const [echo, refused, checked, unexpected, unreachable, badPayload] = await Promise.all([
      api.submit({ type: 'shell', payload: { command: 'echo', args: ['hello', '$HOME;', '*'] } }),
      api.submit({ type: 'shell', payload: { command: 'ls', args: ['/'] } }),
      api.submit({ type: 'http-check', payload: { url: health } }),
      api.submit({ type: 'http-check', payload: { url: health, expectStatus: 201 }, maxAttempts: 1 }),
      api.submit({ type: 'http-check', payload: { url: `http://127.0.0.1:${closedPort}/`, timeoutMs: 2000 }, maxAttempts: 1 }),
      api.submit({ type: 'sleep', payload: { seconds: 'ten' } }),
    ]);
    const done = (job: Job) => api.waitForJob(job.id, 'finished', (j) => TERMINAL.has(j.status));

    // No shell: "$HOME;" and "*" reach echo as they are.
    expect(await done(echo)).toMatchObject({
      status: 'succeeded',
      result: { exitCode: 0, stdoutTail: 'hello $HOME; *\n', stderrTail: '' },
    });
    // Not retried although attempts remain: the same command would be refused again.
    expect(await done(refused)).toMatchObject({ status: 'failed', errorCode: 'COMMAND_NOT_ALLOWED', attempts: 1, maxAttempts: 3 });
    expect(await done(checked)).toMatchObject({ status: 'succeeded', result: { status: 200, latencyMs: expect.any(Number) } });
    expect(await done(unexpected)).toMatchObject({ status: 'failed', errorCode: 'HTTP_200', result: { status: 200 } });
    expect(await done(unreachable)).toMatchObject({ status: 'failed', errorCode: 'NETWORK_ERROR' });
    expect(await done(badPayload)).toMatchObject({ status: 'failed', errorCode: 'INVALID_PAYLOAD', attempts: 1 });
  });

  test('a cancelled running sleep job stops; the agent completes it as cancelled and keeps working', async () => {
    const job = await api.submit({ type: 'sleep', payload: { seconds: 60 }, targetAgentId: aId });
    await api.waitForJob(job.id, 'running', (j) => j.status === 'running');
    expect(await api.cancel(job.id)).toMatchObject({ status: 'cancelled' });

    const completed = await a.waitForLine('the cancelled completion', (l) => l.msg === 'job completed' && l.jobId === job.id);
    expect(completed.status).toBe('cancelled');
    const after = await api.job(job.id);
    // The agent's completion is what added the usage: it reported, and stopped well before 60 s.
    expect(after).toMatchObject({ status: 'cancelled', errorCode: 'CANCELLED', attempts: 1, agentId: aId });
    expect(after.usage.durationMs).toBeLessThan(60_000);

    const next = await api.submit({ type: 'noop', targetAgentId: aId });
    expect(await api.waitForJob(next.id, 'succeeded', (j) => j.status === 'succeeded')).toMatchObject({ agentId: aId, attempts: 1 });
  });

  test("a SIGKILLed agent's job is re-run by the other agent once its lease expires", async () => {
    const since = new Date().toISOString();
    const job = await api.submit({ type: 'sleep', payload: { seconds: 3 } });
    const held = await api.waitForJob(job.id, 'running', (j) => j.status === 'running');
    const [killed, survivor] = held.agentId === aId ? [a, b] : [b, a];
    const victimId = held.agentId!;
    await killed.kill('SIGKILL');

    const rerun = await api.waitForJob(job.id, 'succeeded', (j) => TERMINAL.has(j.status), 30_000);
    const survivorId = survivor === a ? aId : bId;
    expect(rerun).toMatchObject({ status: 'succeeded', attempts: 2, retryCount: 1, agentId: survivorId });

    // Newest first in the outbox; progress events come and go with the sleep's ticks.
    const events = (await api.events('job.*', since)).filter((e) => e.resourceId === job.id && e.type !== 'job.progress').reverse();
    expect(events.map((e) => [e.type, e.data.agentId ?? null])).toEqual([
      ['job.queued', null],
      ['job.leased', victimId],
      ['job.running', victimId],
      ['job.requeued', null],
      ['job.leased', survivorId],
      ['job.running', survivorId],
      ['job.succeeded', survivorId],
    ]);
    expect(events[3].data).toMatchObject({ reason: 'LEASE_EXPIRED' });
    // Never held by both at once: the second lease came after the first one was reaped.
    expect(Date.parse(events[4].occurredAt)).toBeGreaterThanOrEqual(Date.parse(events[3].occurredAt));
    expect(
      survivor
        .lines()
        .filter((l) => l.msg === 'job started' && l.jobId === job.id)
        .map((l) => l.attempt),
    ).toEqual([2]);
  }, 40_000);

  test('SIGTERM: a running job finishes within the grace period, nothing new is claimed, exit 0', async () => {
    const agent = startAgent(t.baseUrl, 'agent-c', { enrollmentToken, extra: ['--grace-seconds', '20'] });
    const agentId = (await agent.waitForLine('its start', (l) => l.msg === 'agent started')).agentId!;
    secrets.push(readState('agent-c').agentSecret);
    const job = await api.submit({ type: 'sleep', payload: { seconds: 2 }, targetAgentId: agentId });
    await api.waitForJob(job.id, 'running', (j) => j.status === 'running');
    agent.child.kill('SIGTERM');
    await agent.waitForLine('that it stops claiming', (l) => l.msg.startsWith('shutting down'));
    // It has a free slot, and this job is for it alone: only having stopped claiming keeps it queued.
    const late = await api.submit({ type: 'noop', targetAgentId: agentId });

    expect(await agent.exited).toBe(0);
    expect(await api.job(job.id)).toMatchObject({ status: 'succeeded', attempts: 1, agentId });
    expect(await api.job(late.id)).toMatchObject({ status: 'queued', attempts: 0 });
    await api.cancel(late.id);
  }, 30_000);

  test('SIGTERM past the grace period: the job fails as AGENT_SHUTDOWN, is re-queued at once, and the restarted agent (same state file) runs it', async () => {
    const impatient = startAgent(t.baseUrl, 'agent-d', { enrollmentToken, extra: ['--grace-seconds', '1'] });
    const agentId = (await impatient.waitForLine('its start', (l) => l.msg === 'agent started')).agentId!;
    secrets.push(readState('agent-d').agentSecret);
    const job = await api.submit({ type: 'sleep', payload: { seconds: 60 }, targetAgentId: agentId });
    await api.waitForJob(job.id, 'running', (j) => j.status === 'running');
    impatient.child.kill('SIGTERM');
    expect(await impatient.exited).toBe(0);

    // Re-queued by the agent's own completion, not by the reaper after its lease.
    expect(await api.job(job.id)).toMatchObject({ status: 'queued', attempts: 1, errorCode: 'AGENT_SHUTDOWN', agentId: null });
    const events = await api.events('job.retrying,job.requeued', new Date(Date.parse(job.createdAt) - 1000).toISOString());
    expect(events.filter((e) => e.resourceId === job.id).map((e) => e.type)).toEqual(['job.retrying']);

    // No token this time: the state file makes it the same agent, so the job aimed at it is its own.
    const agentsBefore = (await api.http.get('/api/v1/agents').expect(200)).meta.pagination.totalItems;
    const again = startAgent(t.baseUrl, 'agent-d');
    expect((await again.waitForLine('its start', (l) => l.msg === 'agent started')).agentId).toBe(agentId);
    await api.waitForJob(job.id, 'running again', (j) => j.status === 'running' && j.attempts === 2, 20_000);
    expect((await api.http.get('/api/v1/agents').expect(200)).meta.pagination.totalItems).toBe(agentsBefore);
    await api.cancel(job.id);
    await again.waitForLine('the cancelled completion', (l) => l.msg === 'job completed' && l.jobId === job.id && l.status === 'cancelled');
  }, 40_000);

  test('an agent minted by a user runs with its id and secret, and exits 2 once revoked', async () => {
    const minted = (await api.http.post('/api/v1/agents', { body: { name: 'minted-1' } }).expect(201)).data;
    secrets.push(minted.agentSecret);
    const agent = new AgentProcess('minted-1', ['--server', t.baseUrl], {
      MARSHAL_AGENT_ID: minted.agent.id,
      MARSHAL_AGENT_SECRET: minted.agentSecret,
    });
    const job = await api.submit({ type: 'noop', targetAgentId: minted.agent.id });
    expect(await api.waitForJob(job.id, 'succeeded', (j) => j.status === 'succeeded')).toMatchObject({ agentId: minted.agent.id });

    await api.http.post('/api/v1/agents/{id}/revoke', { params: { id: minted.agent.id } }).expect(200);
    expect(await agent.exited).toBe(2);
    expect(agent.lines().find((l) => l.level === 'error')?.msg).toMatch(/revoked/);
  });

  test('it refuses to start without usable credentials', async () => {
    const bogusToken = `met_${randomBytes(16).toString('hex')}_nope`;
    secrets.push(bogusToken);
    const bogus = new AgentProcess('bogus', ['--server', t.baseUrl, '--name', 'bogus'], { MARSHAL_ENROLLMENT_TOKEN: bogusToken });
    expect(await bogus.exited).toBe(2);
    expect(bogus.lines().find((l) => l.level === 'error')?.msg).toMatch(/refused/);

    const none = new AgentProcess('none', ['--server', t.baseUrl]);
    expect(await none.exited).toBe(1);
    expect(none.output).toMatch(/No credentials/);
  });

  test('agents log JSON lines, and never a secret', () => {
    const checked = startedAgents().filter((agent) => !['none'].includes(agent.label));
    expect(checked.length).toBeGreaterThan(5);
    for (const agent of checked) {
      const lines = agent.output.split('\n').filter(Boolean);
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines)
        expect(JSON.parse(line)).toMatchObject({ time: expect.any(String), level: expect.any(String), msg: expect.any(String) });
      for (const secret of secrets) expect(agent.output).not.toContain(secret);
    }
  });
});

describe('two replicas on one database', () => {
  // Replicas share their keys, as a deployment configures them.
  const shared = {
    ...FAST,
    JWT_PRIVATE_KEY: generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  };
  let first: TestServer;
  let firstPort: string;
  let second: RunningServer;
  let restarted: RunningServer | undefined;
  let viaFirst: Owner;
  let viaSecond: Owner;
  let x: AgentProcess;
  let y: AgentProcess;
  let xId: string;

  const replicaEnv = () => ({
    ...shared,
    DATABASE_URL: first.databaseUrl,
    DATABASE_POOL_SIZE: '5',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    RATE_LIMIT_ENABLED: 'false',
  });

  beforeAll(async () => {
    // A fixed port, so that the first replica can come back where its agent looks for it.
    firstPort = String(await freePort());
    first = await startServer({ ...shared, PORT: firstPort });
    second = await spawnServer({ ...replicaEnv(), PORT: '0' });
    const token = (await first.login()).accessToken;
    viaFirst = owner(first.baseUrl, token);
    viaSecond = owner(second.baseUrl, token);
    const enrollmentToken = await rotateEnrollmentToken(viaFirst);
    x = startAgent(first.baseUrl, 'replica-agent-x', { enrollmentToken });
    y = startAgent(second.baseUrl, 'replica-agent-y', { enrollmentToken });
    xId = (await x.waitForLine('its start', (l) => l.msg === 'agent started')).agentId!;
    await y.waitForLine('its start', (l) => l.msg === 'agent started');
  });
  afterAll(async () => {
    await Promise.all([x?.kill('SIGKILL'), y?.kill('SIGKILL')]);
    await restarted?.stop();
    await second?.stop();
    await first?.close();
  });

  test(`${STREAM_SIZE} jobs submitted through either replica, to agents on either, each complete exactly once`, async () => {
    const since = new Date().toISOString();
    const ids = await submitStream([viaFirst, viaSecond], STREAM_SIZE);
    const perAgent = await expectEachCompletedOnce(viaSecond, ids, since, [x, y]);
    expect(perAgent.size).toBe(2);
  }, 60_000);

  test('an agent rides out a restart of its replica, and completes the job it finished meanwhile', async () => {
    const job = await viaSecond.submit({ type: 'sleep', payload: { seconds: 2 }, targetAgentId: xId });
    await viaSecond.waitForJob(job.id, 'running', (j) => j.status === 'running');
    await first.stop('SIGTERM');

    await x.waitForLine('the job finishing', (l) => l.msg === 'job finished' && l.jobId === job.id);
    await x.waitForLine('the completion failing', (l) => l.msg.startsWith('completion not delivered') && l.jobId === job.id);
    expect(await viaSecond.job(job.id)).toMatchObject({ status: 'running' });

    restarted = await spawnServer({ ...replicaEnv(), PORT: firstPort });
    expect(await viaSecond.waitForJob(job.id, 'succeeded', (j) => TERMINAL.has(j.status), 20_000)).toMatchObject({
      status: 'succeeded',
      attempts: 1,
      agentId: xId,
    });
    const next = await viaSecond.submit({ type: 'noop', targetAgentId: xId });
    expect(await viaSecond.waitForJob(next.id, 'succeeded', (j) => TERMINAL.has(j.status), 20_000)).toMatchObject({
      status: 'succeeded',
      agentId: xId,
    });
  }, 45_000);
});
