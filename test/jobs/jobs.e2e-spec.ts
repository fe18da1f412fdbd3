import { randomBytes, randomUUID } from 'node:crypto';
import type { RawResponse } from '../support/contract.js';
import { addMember, otherOrganization, type Member } from '../support/fixtures.js';
import { useServer } from '../support/use-server.js';

/**
 * The job queue end to end, with short timing (2 s leases, a 200 ms reaper, 1 s heartbeats):
 * submission (Idempotency-Key required), claims (matching, order, SKIP LOCKED under a race,
 * long-polls), progress, completion (idempotent per attempt, retries with backoff), lease expiry
 * and renewal, cancellation (the holding agent is told), the runtime views and the smoke test, what
 * happens to jobs when their agent goes away, and isolation between organizations.
 */

const t = useServer({ JOB_LEASE_SECONDS: '2', JOB_REAPER_INTERVAL_MS: '200', AGENT_HEARTBEAT_INTERVAL_SECONDS: '1' });

const suffix = () => randomBytes(3).toString('hex');
/** A job type of its own for each test: agents of other tests never match it. */
const jobType = (what = 'job') => `${what}-${suffix()}`;
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

async function getJob(id: string, token?: string): Promise<Record<string, any>> {
  return (await t.http.get('/api/v1/jobs/{id}', { params: { id }, token }).expect(200)).data;
}

const claimRequest = (agent: Agent, query = '') =>
  t.http.post('/api/v1/agents/{id}/jobs/claim', { params: { id: agent.id }, query, token: null, agentSecret: agent.secret });

async function claim(agent: Agent, query = ''): Promise<RawResponse> {
  const request = claimRequest(agent, query);
  const res = await request;
  if (res.status === 200 || res.status === 204) await request.expectResponse(res.status);
  return res;
}

interface Claim {
  job: Record<string, any>;
  lease: { id: string; expiresAt: string; attempt: number };
}

/** Claims and expects jobs: answers the claims. */
async function claimSome(agent: Agent, query = ''): Promise<Claim[]> {
  const res = await claim(agent, query);
  if (res.status !== 200) throw new Error(`claim answered ${res.status}: ${res.text}`);
  return res.body.data.claims;
}

async function claimOne(agent: Agent, query = ''): Promise<Claim> {
  const claims = await claimSome(agent, query);
  expect(claims).toHaveLength(1);
  return claims[0];
}

async function expectNothingToClaim(agent: Agent, query = ''): Promise<RawResponse> {
  const res = await claim(agent, query);
  expect({ status: res.status, text: res.text }).toEqual({ status: 204, text: '' });
  return res;
}

const complete = (agent: Agent, jobId: string, json: Record<string, unknown>) =>
  t.http.post('/api/v1/agents/{id}/jobs/{jobId}/complete', {
    params: { id: agent.id, jobId },
    body: json,
    token: null,
    agentSecret: agent.secret,
  });
const progress = (agent: Agent, jobId: string, json: Record<string, unknown>) =>
  t.http.post('/api/v1/agents/{id}/jobs/{jobId}/progress', {
    params: { id: agent.id, jobId },
    body: json,
    token: null,
    agentSecret: agent.secret,
  });
const heartbeat = (agent: Agent) =>
  t.http.post('/api/v1/agents/{id}/heartbeat', { params: { id: agent.id }, body: {}, token: null, agentSecret: agent.secret });

/** The job's events, oldest first. */
async function eventsOf(jobId: string, token?: string): Promise<{ type: string; data: Record<string, any>; actorType: string }[]> {
  const res = await t.http.get('/api/v1/events/outbox', { query: { limit: 200, resourceId: jobId }, token }).expectResponse(200);
  return res.body.data.reverse();
}

/** Polls until `ok`, or fails with the last value seen. */
async function until<T>(what: string, fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await fn();
  while (!ok(last)) {
    if (Date.now() > deadline) throw new Error(`${what}: not reached within ${timeoutMs} ms; last: ${JSON.stringify(last)}`);
    await sleep(100);
    last = await fn();
  }
  return last;
}

describe('submitting', () => {
  test('without an Idempotency-Key is 400 and queues nothing', async () => {
    const type = jobType();
    const res = await t.http.post('/api/v1/jobs', { body: { type } }).expectResponse(400, 'VALIDATION_FAILED');
    expect(res.body.error.validationErrors).toEqual([expect.objectContaining({ field: 'Idempotency-Key' })]);
    const list = await t.http.get('/api/v1/jobs', { query: { type } }).expectResponse(200);
    expect(list.body.meta.pagination.totalItems).toBe(0);
  });

  test('answers 201 with the queued job; a replay with the same key answers the same job, and only one exists', async () => {
    const type = jobType();
    const key = randomUUID();
    const body = {
      type,
      payload: { url: 'https://example.com/healthz' },
      priority: 5,
      maxAttempts: 4,
      timeoutSeconds: 120,
      costEstimate: { amount: 0.42, currency: 'USD' },
    };
    const first = await t.http.post('/api/v1/jobs', { body, idempotencyKey: key }).expectResponse(201);
    const job = first.body.data;
    expect(job).toMatchObject({
      type,
      status: 'queued',
      priority: 5,
      payload: body.payload,
      maxAttempts: 4,
      timeoutSeconds: 120,
      costEstimate: { amount: 0.42, currency: 'USD' },
      attempts: 0,
      retryCount: 0,
      agentId: null,
      targetAgentId: null,
      selector: null,
      usage: {},
      result: null,
      progress: null,
      errorCode: null,
      leaseExpiresAt: null,
      startedAt: null,
      completedAt: null,
      createdBy: { type: 'user' },
    });
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const replay = await t.http.post('/api/v1/jobs', { body, idempotencyKey: key }).expectResponse(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body.data.id).toBe(job.id);
    // The same key for another request is refused.
    await t.http.post('/api/v1/jobs', { body: { ...body, priority: 6 }, idempotencyKey: key }).expect(422, 'IDEMPOTENCY_KEY_REUSED');
    const list = await t.http.get('/api/v1/jobs', { query: { type } }).expectResponse(200);
    expect(list.body.data.map((j: { id: string }) => j.id)).toEqual([job.id]);
    expect((await eventsOf(job.id)).map((e) => e.type)).toEqual(['job.queued']);
  });

  test.each([
    ['no type', { type: undefined }, 'type'],
    ['an upper-case type', { type: 'Deploy' }, 'type'],
    ['a type starting with a digit', { type: '1job' }, 'type'],
    ['a 101-character type', { type: 'a'.repeat(101) }, 'type'],
    ['a payload that is an array', { payload: [1, 2] }, 'payload'],
    ['a payload over 256 KiB', { payload: { blob: 'x'.repeat(262_145) } }, 'payload'],
    ['a target that is not a uuid', { targetAgentId: 'agent-1' }, 'targetAgentId'],
    ['a selector with a number', { selector: { region: 1 } }, 'selector'],
    ['priority 101', { priority: 101 }, 'priority'],
    ['priority -101', { priority: -101 }, 'priority'],
    ['priority 1.5', { priority: 1.5 }, 'priority'],
    ['maxAttempts 0', { maxAttempts: 0 }, 'maxAttempts'],
    ['maxAttempts 21', { maxAttempts: 21 }, 'maxAttempts'],
    ['timeoutSeconds 0', { timeoutSeconds: 0 }, 'timeoutSeconds'],
    ['timeoutSeconds 86401', { timeoutSeconds: 86_401 }, 'timeoutSeconds'],
    ['a cost in a lower-case currency', { costEstimate: { amount: 1, currency: 'usd' } }, 'costEstimate'],
    ['a negative cost', { costEstimate: { amount: -1, currency: 'USD' } }, 'costEstimate'],
  ])('%s is 400', async (_what, body: Record<string, unknown>, field) => {
    const type = jobType();
    const res = await t.http
      .post('/api/v1/jobs', { body: { type, ...body }, idempotencyKey: true })
      .expectResponse(400, 'VALIDATION_FAILED');
    expect(res.body.error.validationErrors.map((e: { field: string }) => e.field.split(/[.[]/)[0])).toContain(field);
    const [{ n }] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM jobs WHERE type = $1', [
      typeof body.type === 'string' ? body.type : type,
    ]);
    expect(n).toBe(0);
  });

  test('an unknown target agent, or one of another organization, is 422 UNKNOWN_AGENT; a revoked one 422 AGENT_REVOKED', async () => {
    const type = jobType();
    const other = await otherOrganization(t, t.token);
    const foreign = await mintAgent({}, other.owner.accessToken);
    for (const targetAgentId of [randomUUID(), foreign.id]) {
      await t.http.post('/api/v1/jobs', { body: { type, targetAgentId }, idempotencyKey: true }).expect(422, 'UNKNOWN_AGENT');
    }
    const revoked = await mintAgent();
    await t.http.post('/api/v1/agents/{id}/revoke', { params: { id: revoked.id } }).expect(200);
    await t.http.post('/api/v1/jobs', { body: { type, targetAgentId: revoked.id }, idempotencyKey: true }).expect(422, 'AGENT_REVOKED');
    const [{ n }] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM jobs WHERE type = $1', [type]);
    expect(n).toBe(0);
  });
});

describe('idempotency kept on the job', () => {
  const submitAudits = (jobId: string) =>
    t.sql<{ resource_id: string | null; details: Record<string, any> }>(
      "SELECT resource_id, details FROM audit_events WHERE action = 'job.submit' AND details::text || coalesce(resource_id::text, '') LIKE '%' || $1 || '%'",
      [jobId],
    );

  test('the key lives on the job: no separate record, a replay audited once, a refusal kept nowhere and judged anew', async () => {
    const type = jobType();
    const key = randomUUID();
    const first = await t.http.post('/api/v1/jobs', { body: { type }, idempotencyKey: key }).expectResponse(201);
    const replay = await t.http.post('/api/v1/jobs', { body: { type }, idempotencyKey: key }).expectResponse(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body.data.id).toBe(first.body.data.id);
    expect(await t.sql('SELECT id FROM idempotency_keys WHERE key = $1', [key])).toEqual([]);
    expect(await submitAudits(first.body.data.id)).toHaveLength(1);
    // The same key from another principal (another organization's owner) is another key.
    const other = await otherOrganization(t, t.token);
    const theirs = await t.http
      .post('/api/v1/jobs', { body: { type }, idempotencyKey: key, token: other.owner.accessToken })
      .expectResponse(201);
    expect(theirs.body.data.id).not.toBe(first.body.data.id);
    expect(theirs.headers.get('idempotent-replayed')).toBeNull();

    // A refusal queued nothing, so it keeps nothing: the retry is judged again, and succeeds once it can.
    const target = await mintAgent({ capabilities: ['other-type'] });
    const refusedKey = randomUUID();
    const aimed = { type, targetAgentId: target.id };
    await t.http.post('/api/v1/jobs', { body: aimed, idempotencyKey: refusedKey }).expect(422, 'AGENT_LACKS_CAPABILITY');
    await t.http.put('/api/v1/agents/{id}', { params: { id: target.id }, body: { capabilities: [type] } }).expect(200);
    const later = await t.http.post('/api/v1/jobs', { body: aimed, idempotencyKey: refusedKey }).expectResponse(201);
    expect(later.headers.get('idempotent-replayed')).toBeNull();
    expect(later.body.data.targetAgentId).toBe(target.id);
  });

  test('the same key sent five times at once queues one job; every answer names it', async () => {
    const type = jobType();
    const key = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => t.http.post('/api/v1/jobs', { body: { type }, idempotencyKey: key })),
    );
    for (const answer of answers) expect(answer.status).toBe(201);
    const ids = new Set(answers.map((a) => a.body.data.id));
    expect(ids.size).toBe(1);
    expect(answers.filter((a) => a.headers.get('idempotent-replayed') === 'true')).toHaveLength(4);
    const [{ n }] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM jobs WHERE type = $1', [type]);
    expect(n).toBe(1);
    expect((await eventsOf([...ids][0])).map((e) => e.type)).toEqual(['job.queued']);
  });
});

describe('submitting in a batch', () => {
  const submitMany = (jobs: unknown, token?: string) => t.http.post('/api/v1/jobs/batch', { body: { jobs }, token });

  test('each job is judged on its own, answered in order; a batch sent again answers the same jobs; one audit entry', async () => {
    const type = jobType();
    const capable = await mintAgent({ capabilities: [type] });
    const incapable = await mintAgent({ capabilities: ['nothing-' + suffix()] });
    const single = randomUUID();
    const singly = await t.http.post('/api/v1/jobs', { body: { type, priority: 3 }, idempotencyKey: single }).expectResponse(201);
    const jobs = [
      { idempotencyKey: `a-${suffix()}`, type, payload: { n: 1 } },
      { idempotencyKey: `b-${suffix()}`, type, targetAgentId: capable.id, priority: 7 },
      { idempotencyKey: `c-${suffix()}`, type, targetAgentId: incapable.id },
      { idempotencyKey: `d-${suffix()}`, type, targetAgentId: randomUUID() },
      { idempotencyKey: single, type, priority: 3 }, // the key POST /jobs used, for the same job
      { idempotencyKey: single.toUpperCase(), type }, // another key (keys are case-sensitive)
    ];
    const res = await submitMany(jobs).expectResponse(200);
    const results = res.body.data.results;
    expect(results.map((r: any) => [r.idempotencyKey, r.error?.code ?? null, r.replayed])).toEqual([
      [jobs[0].idempotencyKey, null, false],
      [jobs[1].idempotencyKey, null, false],
      [jobs[2].idempotencyKey, 'AGENT_LACKS_CAPABILITY', false],
      [jobs[3].idempotencyKey, 'UNKNOWN_AGENT', false],
      [single, null, true],
      [single.toUpperCase(), null, false],
    ]);
    expect(results[0].job).toMatchObject({ type, status: 'queued', payload: { n: 1 }, createdBy: { type: 'user' } });
    expect(results[1].job).toMatchObject({ targetAgentId: capable.id, priority: 7 });
    expect(results[2]).toMatchObject({ job: null, error: { details: { targetAgentId: incapable.id, type } } });
    expect(results[4].job.id).toBe(singly.body.data.id);
    const [{ n }] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM jobs WHERE type = $1', [type]);
    expect(n).toBe(4);
    const queued = [results[0], results[1], results[5]].map((r: any) => r.job.id);
    for (const id of queued) expect((await eventsOf(id)).map((e) => e.type)).toEqual(['job.queued']);

    // One audit entry for the batch, naming each job or refusal.
    const [audit, ...more] = await t.sql<{ resource_id: string | null; details: Record<string, any> }>(
      "SELECT resource_id, details FROM audit_events WHERE action = 'job.submit' AND details::text LIKE '%' || $1 || '%'",
      [queued[0]],
    );
    expect(more).toHaveLength(0);
    expect(audit.resource_id).toBeNull();
    expect(audit.details.jobs).toEqual([
      { jobId: queued[0], type, priority: 0, targetAgentId: null },
      { jobId: queued[1], type, priority: 7, targetAgentId: capable.id },
      { refused: 'AGENT_LACKS_CAPABILITY' },
      { refused: 'UNKNOWN_AGENT' },
      { jobId: singly.body.data.id, type, priority: 3, targetAgentId: null, replayed: true },
      { jobId: queued[2], type, priority: 0, targetAgentId: null },
    ]);

    // Sent again: the same jobs, replayed; another job under a used key is that item's 422.
    const again = await submitMany([...jobs.slice(0, 2), { ...jobs[5], priority: 9 }]).expectResponse(200);
    expect(again.body.data.results.map((r: any) => [r.job?.id ?? null, r.replayed, r.error?.code ?? null])).toEqual([
      [queued[0], true, null],
      [queued[1], true, null],
      [null, false, 'IDEMPOTENCY_KEY_REUSED'],
    ]);
    const [{ m }] = await t.sql<{ m: number }>('SELECT count(*)::int AS m FROM jobs WHERE type = $1', [type]);
    expect(m).toBe(4);
  });

  test('an empty batch, one over 100, a key named twice, a job without a key or a malformed one is 400 and queues nothing', async () => {
    const type = jobType();
    const key = () => `k-${suffix()}`;
    const many = Array.from({ length: 101 }, () => ({ idempotencyKey: key(), type }));
    const twice = key();
    for (const bad of [
      [],
      many,
      [
        { idempotencyKey: twice, type },
        { idempotencyKey: twice, type, priority: 1 },
      ],
      [{ type }],
      [{ idempotencyKey: 'has space', type }],
      [{ idempotencyKey: key(), type: 'Upper' }],
      [
        { idempotencyKey: key(), type },
        { idempotencyKey: key(), type, priority: 101 },
      ],
      'x',
    ]) {
      await submitMany(bad).expect(400, 'VALIDATION_FAILED');
    }
    const [{ n }] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM jobs WHERE type = $1', [type]);
    expect(n).toBe(0);
  });

  test('a member without job.submit is 403; two batches racing on the same keys queue each job once', async () => {
    const viewer: Member = await addMember(t, t.token, ['viewer']);
    const type = jobType();
    await submitMany([{ idempotencyKey: `v-${suffix()}`, type }], viewer.accessToken).expect(403, 'FORBIDDEN');
    const jobs = Array.from({ length: 10 }, (_, i) => ({ idempotencyKey: `race-${suffix()}-${i}`, type }));
    const [a, b] = await Promise.all([submitMany(jobs), submitMany([...jobs].reverse())]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const idsA = a.body.data.results.map((r: any) => r.job.id);
    const idsB = b.body.data.results.map((r: any) => r.job.id).reverse();
    expect(idsB).toEqual(idsA);
    const [{ n }] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM jobs WHERE type = $1', [type]);
    expect(n).toBe(10);
  });
});

describe('claiming', () => {
  test('a claim answers the job with its lease, then 204 when nothing is left', async () => {
    const type = jobType();
    const agent = await mintAgent({ capabilities: [type] });
    const job = await submit({ type, payload: { n: 1 } });
    const res = await claim(agent);
    expect(res.status).toBe(200);
    expect(res.body.data.cancelJobIds).toEqual([]);
    const [{ job: claimed, lease }] = res.body.data.claims;
    expect(claimed).toMatchObject({ id: job.id, status: 'leased', agentId: agent.id, attempts: 1, retryCount: 0, payload: { n: 1 } });
    expect(lease.attempt).toBe(1);
    expect(lease.expiresAt).toBe(claimed.leaseExpiresAt);
    // JOB_LEASE_SECONDS=2.
    const ttl = Date.parse(lease.expiresAt) - Date.now();
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(2_500);
    expect(claimed.startedAt).not.toBeNull();
    await expectNothingToClaim(agent);
    expect((await getJob(job.id)).status).toBe('leased');
    expect((await eventsOf(job.id)).map((e) => e.type)).toEqual(['job.queued', 'job.leased']);
  });

  test('only agents declaring the type (or * or no capability at all) claim it', async () => {
    // An organization of its own: agents taking any type would take other tests' jobs.
    const token = (await otherOrganization(t, t.token)).owner.accessToken;
    const type = jobType();
    const wrong = await mintAgent({ capabilities: [`${type}-other`, 'noop'] }, token);
    const exact = await mintAgent({ capabilities: [type] }, token);
    const star = await mintAgent({ capabilities: ['*'] }, token);
    const any = await mintAgent({ capabilities: [] }, token);
    const jobs = [await submit({ type }, token), await submit({ type }, token), await submit({ type }, token)];
    await expectNothingToClaim(wrong);
    const got = [(await claimOne(exact)).job.id, (await claimOne(star)).job.id, (await claimOne(any)).job.id];
    expect(got.sort()).toEqual(jobs.map((j) => j.id).sort());
    for (const agent of [wrong, exact, star, any]) await expectNothingToClaim(agent);
  });

  test('a selector needs every one of its labels on the agent', async () => {
    const type = jobType();
    const partial = await mintAgent({ capabilities: [type], labels: { region: 'eu' } });
    const otherValue = await mintAgent({ capabilities: [type], labels: { region: 'us', tier: 'gold' } });
    const full = await mintAgent({ capabilities: [type], labels: { region: 'eu', tier: 'gold', extra: 'x' } });
    const job = await submit({ type, selector: { region: 'eu', tier: 'gold' } });
    expect(job.selector).toEqual({ region: 'eu', tier: 'gold' });
    await expectNothingToClaim(partial);
    await expectNothingToClaim(otherValue);
    expect((await claimOne(full)).job.id).toBe(job.id);
  });

  test('a job aimed at an agent is claimed by that agent only', async () => {
    const type = jobType();
    const bystander = await mintAgent({ capabilities: [type] });
    const target = await mintAgent({ capabilities: [type] });
    const job = await submit({ type, targetAgentId: target.id });
    expect(job.targetAgentId).toBe(target.id);
    await expectNothingToClaim(bystander);
    expect((await claimOne(target)).job.id).toBe(job.id);
  });

  test('highest priority first, then first queued first', async () => {
    const type = jobType();
    const agent = await mintAgent({ capabilities: [type] });
    const p0a = await submit({ type, priority: 0 });
    const p10a = await submit({ type, priority: 10 });
    const p0b = await submit({ type, priority: 0 });
    const pm5 = await submit({ type, priority: -5 });
    const p10b = await submit({ type, priority: 10 });
    const order: string[] = [];
    for (let i = 0; i < 5; i++) order.push((await claimOne(agent)).job.id);
    expect(order).toEqual([p10a.id, p10b.id, p0a.id, p0b.id, pm5.id]);
    await expectNothingToClaim(agent);
  });

  test('?max=3 claims three jobs at once, each with a lease of its own', async () => {
    const type = jobType();
    const agent = await mintAgent({ capabilities: [type] });
    for (let i = 0; i < 5; i++) await submit({ type });
    const claims = await claimSome(agent, 'max=3');
    expect(claims).toHaveLength(3);
    expect(new Set(claims.map((c) => c.job.id)).size).toBe(3);
    expect(new Set(claims.map((c) => c.lease.id)).size).toBe(3);
    expect(await claimSome(agent, 'max=50')).toHaveLength(2);
    for (const bad of ['max=0', 'max=51', 'wait=31', 'wait=-1', 'max=two']) {
      await claimRequest(agent, bad).expect(400, 'VALIDATION_FAILED');
    }
  });

  test('a long-poll answers as soon as a job is queued; with nothing queued it answers 204 after the wait', async () => {
    const type = jobType();
    const agent = await mintAgent({ capabilities: [type] });
    const started = Date.now();
    const polling = claim(agent, 'wait=5');
    await sleep(300);
    const job = await submit({ type });
    const res = await polling;
    const elapsed = Date.now() - started;
    expect(res.status).toBe(200);
    expect(res.body.data.claims.map((c: Claim) => c.job.id)).toEqual([job.id]);
    expect(elapsed).toBeLessThan(4_000);

    const idleStart = Date.now();
    await expectNothingToClaim(agent, 'wait=1');
    expect(Date.now() - idleStart).toBeGreaterThanOrEqual(900);
  });

  test('a long-poll takes a job whose retry backoff ends during the wait', async () => {
    // An organization of its own, where no other event wakes the poll by chance.
    const token = (await otherOrganization(t, t.token)).owner.accessToken;
    const type = jobType();
    const agent = await mintAgent({ capabilities: [type] }, token);
    await submit({ type, maxAttempts: 3 }, token);
    const first = await claimOne(agent);
    await complete(agent, first.job.id, { leaseId: first.lease.id, status: 'failed', error: { code: 'E', message: 'once' } }).expect(204);
    // Claimable again 1 s from now; the poll waits up to 4 s.
    const res = await claim(agent, 'wait=4');
    expect(res.status).toBe(200);
    expect(res.body.data.claims[0].job.id).toBe(first.job.id);
    expect(res.body.data.claims[0].lease.attempt).toBe(2);
  });

  test('20 claims at once by 5 agents on 10 jobs: every job is claimed exactly once', async () => {
    const type = jobType('race');
    const agents = await Promise.all(Array.from({ length: 5 }, () => mintAgent({ capabilities: [type] })));
    const jobs: string[] = [];
    for (let i = 0; i < 10; i++) jobs.push((await submit({ type })).id);
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => claim(agents[i % 5])));
    expect(answers.every((r) => r.status === 200 || r.status === 204)).toBe(true);
    const claimed = answers.filter((r) => r.status === 200).flatMap((r) => r.body.data.claims.map((c: Claim) => c.job.id as string));
    expect(new Set(claimed).size).toBe(claimed.length);
    // SKIP LOCKED may leave a job for a later claim, never give one twice.
    for (;;) {
      const more = await claim(agents[0]);
      if (more.status === 204) break;
      claimed.push(...more.body.data.claims.map((c: Claim) => c.job.id as string));
    }
    expect(claimed.sort()).toEqual([...jobs].sort());
    const rows = await t.sql<{ attempts: number; status: string }>('SELECT attempts, status FROM jobs WHERE type = $1', [type]);
    expect(rows).toHaveLength(10);
    for (const r of rows) expect(r).toEqual({ attempts: 1, status: 'leased' });
    const [{ n }] = await t.sql<{ n: number }>(
      "SELECT count(*)::int AS n FROM events WHERE type = 'job.leased' AND resource_id = ANY($1)",
      [jobs],
    );
    expect(n).toBe(10);
  });
});

describe('progress and completion', () => {
  test('progress marks the job running and renews its lease; a wrong lease is 409 LEASE_LOST', async () => {
    const type = jobType();
    const agent = await mintAgent({ capabilities: [type] });
    await submit({ type });
    const { job, lease } = await claimOne(agent);
    const first = await progress(agent, job.id, { leaseId: lease.id, percent: 10, message: 'starting' }).expectResponse(200);
    expect(first.body.data).toMatchObject({ id: job.id, status: 'running', progress: { percent: 10, message: 'starting' } });
    expect(Date.parse(first.body.data.leaseExpiresAt)).toBeGreaterThanOrEqual(Date.parse(lease.expiresAt));
    const second = await progress(agent, job.id, { leaseId: lease.id, percent: 60 }).expectResponse(200);
    expect(second.body.data).toMatchObject({ status: 'running', progress: { percent: 60 } });
    await progress(agent, job.id, { leaseId: randomUUID(), percent: 70 }).expect(409, 'LEASE_LOST');
    await progress(agent, job.id, { leaseId: lease.id, percent: 101 }).expect(400, 'VALIDATION_FAILED');
    await progress(agent, job.id, { leaseId: 'nope' }).expect(400, 'VALIDATION_FAILED');
    expect((await getJob(job.id)).progress).toEqual({ percent: 60 });
    expect((await eventsOf(job.id)).map((e) => e.type)).toEqual(['job.queued', 'job.leased', 'job.running', 'job.progress']);
  });

  test('succeeded is 204 and records the result, usage and times; a repeat is 204 with no second event', async () => {
    const type = jobType();
    const agent = await mintAgent({ capabilities: [type] });
    await submit({ type, costEstimate: { amount: 1.5, currency: 'EUR' } });
    const { job, lease } = await claimOne(agent);
    const body = {
      leaseId: lease.id,
      status: 'succeeded',
      result: { ok: true, code: 200 },
      artifactUrl: 'https://artifacts.example.com/run/1.tar.gz',
      usage: { durationMs: 1200, inputTokens: 10, outputTokens: 20, cpuSeconds: 0.5, costAmount: 0.02, currency: 'EUR' },
    };
    const res = await complete(agent, job.id, body).expectResponse(204);
    expect(res.text).toBe('');
    const done = await getJob(job.id);
    expect(done).toMatchObject({
      status: 'succeeded',
      result: { ok: true, code: 200 },
      usage: body.usage,
      attempts: 1,
      retryCount: 0,
      agentId: agent.id,
      errorCode: null,
      errorMessage: null,
      leaseExpiresAt: null,
      artifactUrl: body.artifactUrl,
    });
    expect(done.completedAt).not.toBeNull();
    expect(Date.parse(done.completedAt)).toBeGreaterThanOrEqual(Date.parse(done.startedAt));

    // The same completion again, or another status with the same lease: answered alike, changes nothing.
    await complete(agent, job.id, body).expect(204);
    await complete(agent, job.id, { leaseId: lease.id, status: 'failed', error: { code: 'LATE', message: 'x' } }).expect(204);
    const after = await getJob(job.id);
    expect(after).toMatchObject({ status: 'succeeded', usage: body.usage, errorCode: null, completedAt: done.completedAt });
    expect((await eventsOf(job.id)).filter((e) => e.type === 'job.succeeded')).toHaveLength(1);
    // A lease that is not this attempt's is 409 even after the end.
    await complete(agent, job.id, { leaseId: randomUUID(), status: 'succeeded' }).expect(409, 'LEASE_LOST');

    const usage = await t.http.get('/api/v1/jobs/{id}/usage', { params: { id: job.id } }).expectResponse(200);
    expect(usage.body.data).toMatchObject({
      jobId: job.id,
      status: 'succeeded',
      attempts: 1,
      costEstimate: { amount: 1.5, currency: 'EUR' },
      usage: body.usage,
    });
    expect(usage.body.data.totalMs).toBe(Date.parse(done.completedAt) - Date.parse(done.queuedAt));
  });

  test('a wrong lease, or another agent, completing a held job is 409 LEASE_LOST and the job stays held', async () => {
    const type = jobType();
    const holder = await mintAgent({ capabilities: [type] });
    const intruder = await mintAgent({ capabilities: [type] });
    await submit({ type });
    const { job, lease } = await claimOne(holder);
    await complete(holder, job.id, { leaseId: randomUUID(), status: 'succeeded' }).expect(409, 'LEASE_LOST');
    await complete(intruder, job.id, { leaseId: lease.id, status: 'succeeded' }).expect(409, 'LEASE_LOST');
    await progress(intruder, job.id, { leaseId: lease.id }).expect(409, 'LEASE_LOST');
    for (const bad of [
      { leaseId: lease.id, status: 'done' },
      { leaseId: 'x', status: 'succeeded' },
      { leaseId: lease.id, status: 'succeeded', artifactUrl: 'ftp://x/y' },
      { leaseId: lease.id, status: 'failed', error: { code: 'has space', message: 'x' } },
      { leaseId: lease.id, status: 'succeeded', usage: { durationMs: -1 } },
    ]) {
      await complete(holder, job.id, bad).expect(400, 'VALIDATION_FAILED');
    }
    await complete(holder, randomUUID(), { leaseId: lease.id, status: 'succeeded' }).expect(404, 'NOT_FOUND');
    expect(await getJob(job.id)).toMatchObject({ status: 'leased', agentId: holder.id });
    await complete(holder, job.id, { leaseId: lease.id, status: 'succeeded' }).expect(204);
    // Once it is done, the holder's repeat is answered alike; another agent presenting that lease is not.
    await complete(holder, job.id, { leaseId: lease.id, status: 'succeeded' }).expect(204);
    await complete(intruder, job.id, { leaseId: lease.id, status: 'succeeded' }).expect(409, 'LEASE_LOST');
  });

  test('failed with attempts left goes back to the queue after a backoff (job.retrying); usage adds up over attempts', async () => {
    const type = jobType();
    const agent = await mintAgent({ capabilities: [type] });
    await submit({ type, maxAttempts: 3 });
    const first = await claimOne(agent);
    const failedAt = Date.now();
    await complete(agent, first.job.id, {
      leaseId: first.lease.id,
      status: 'failed',
      error: { code: 'HTTP_503', message: 'upstream down' },
      usage: { durationMs: 100, inputTokens: 10 },
    }).expect(204);
    const queued = await getJob(first.job.id);
    expect(queued).toMatchObject({
      status: 'queued',
      errorCode: 'HTTP_503',
      errorMessage: 'upstream down',
      attempts: 1,
      agentId: null,
      completedAt: null,
      leaseExpiresAt: null,
    });
    // 2^(1-1) = 1 s.
    expect(Date.parse(queued.availableAt)).toBeGreaterThan(failedAt);
    expect(Date.parse(queued.availableAt)).toBeLessThanOrEqual(Date.now() + 1_500);
    const retrying = (await eventsOf(first.job.id)).at(-1)!;
    expect(retrying).toMatchObject({ type: 'job.retrying', data: { retryInSeconds: 1, errorCode: 'HTTP_503', attempt: 1 } });
    await expectNothingToClaim(agent);

    await sleep(Math.max(0, Date.parse(queued.availableAt) - Date.now() + 50));
    const second = await claimOne(agent);
    expect(second.job.id).toBe(first.job.id);
    expect(second.lease.attempt).toBe(2);
    expect(second.lease.id).not.toBe(first.lease.id);
    // A late repeat of the first attempt's completion is answered as before, and leaves the second attempt alone.
    await complete(agent, first.job.id, {
      leaseId: first.lease.id,
      status: 'failed',
      error: { code: 'HTTP_503', message: 'upstream down' },
    }).expect(204);
    expect(await getJob(first.job.id)).toMatchObject({ status: 'leased', attempts: 2, agentId: agent.id });
    // A lease that never was is 409.
    await complete(agent, first.job.id, { leaseId: randomUUID(), status: 'succeeded' }).expect(409, 'LEASE_LOST');
    await complete(agent, first.job.id, {
      leaseId: second.lease.id,
      status: 'succeeded',
      usage: { durationMs: 50, inputTokens: 5, currency: 'USD' },
    }).expect(204);
    expect(await getJob(first.job.id)).toMatchObject({
      status: 'succeeded',
      attempts: 2,
      retryCount: 1,
      errorCode: null,
      errorMessage: null,
      usage: { durationMs: 150, inputTokens: 15, currency: 'USD' },
    });
  });

  test('failed with retryable false, or on its last attempt, is failed for good', async () => {
    const type = jobType();
    const agent = await mintAgent({ capabilities: [type] });
    const a = await submit({ type, maxAttempts: 5 });
    const b = await submit({ type, maxAttempts: 1 });
    const claims = await claimSome(agent, 'max=2');
    const lease = (id: string) => claims.find((c) => c.job.id === id)!.lease.id;
    await complete(agent, a.id, {
      leaseId: lease(a.id),
      status: 'failed',
      error: { code: 'BAD_INPUT', message: 'no', retryable: false },
    }).expect(204);
    await complete(agent, b.id, { leaseId: lease(b.id), status: 'failed' }).expect(204);
    const failedA = await getJob(a.id);
    expect(failedA).toMatchObject({ status: 'failed', errorCode: 'BAD_INPUT', attempts: 1 });
    expect(failedA.completedAt).not.toBeNull();
    expect(await getJob(b.id)).toMatchObject({ status: 'failed', errorCode: 'FAILED', attempts: 1 });
    expect((await eventsOf(a.id)).at(-1)!.type).toBe('job.failed');
    await expectNothingToClaim(agent);
  });
});

const completeMany = (agent: Agent, completions: unknown) =>
  t.http.post('/api/v1/agents/{id}/jobs/complete', {
    params: { id: agent.id },
    body: { completions },
    token: null,
    agentSecret: agent.secret,
  });

/** The audit entries of job completions that name this job. */
const completionAudits = (jobId: string) =>
  t.sql<{ actor_id: string; resource_type: string; resource_id: string | null; details: Record<string, any> }>(
    "SELECT actor_id, resource_type, resource_id, details FROM audit_events WHERE action = 'job.complete' AND details::text LIKE '%' || $1 || '%'",
    [jobId],
  );

describe('completing in a batch', () => {
  test('each completion is judged on its own, answered in order; one audit entry records the batch; a repeat changes nothing', async () => {
    const type = jobType();
    const agent = await mintAgent({ capabilities: [type] });
    const other = await otherOrganization(t, t.token);
    const foreignJob = await submit({ type }, other.owner.accessToken);
    const jobs = [await submit({ type, maxAttempts: 3 }), await submit({ type, maxAttempts: 3 }), await submit({ type })];
    const claims = await claimSome(agent, 'max=3');
    const lease = (id: string) => claims.find((c) => c.job.id === id)!.lease.id;
    const [ok, retried, lost] = jobs.map((j) => j.id);
    const completions = [
      { jobId: ok, leaseId: lease(ok), status: 'succeeded', result: { n: 1 }, usage: { durationMs: 10 } },
      { jobId: retried, leaseId: lease(retried), status: 'failed', error: { code: 'HTTP_503', message: 'down' } },
      { jobId: lost, leaseId: randomUUID(), status: 'succeeded' },
      { jobId: foreignJob.id, leaseId: randomUUID(), status: 'succeeded' },
    ];
    const res = await completeMany(agent, completions).expectResponse(200);
    expect(res.body.data.results).toEqual([
      { jobId: ok, recorded: true, error: null },
      { jobId: retried, recorded: true, error: null },
      { jobId: lost, recorded: false, error: { code: 'LEASE_LOST', message: expect.any(String) } },
      { jobId: foreignJob.id, recorded: false, error: { code: 'NOT_FOUND', message: 'Job not found' } },
    ]);
    expect(await getJob(ok)).toMatchObject({ status: 'succeeded', result: { n: 1 }, usage: { durationMs: 10 }, attempts: 1 });
    expect(await getJob(retried)).toMatchObject({ status: 'queued', errorCode: 'HTTP_503', attempts: 1, agentId: null });
    expect(await getJob(lost)).toMatchObject({ status: 'leased', agentId: agent.id });
    expect((await getJob(foreignJob.id, other.owner.accessToken)).status).toBe('queued');
    expect((await eventsOf(retried)).at(-1)).toMatchObject({ type: 'job.retrying', data: { retryInSeconds: 1 } });

    // One entry, by the agent, naming each completion with the attempt it ended and since when.
    const [audit, ...more] = await completionAudits(ok);
    expect(more).toHaveLength(0);
    expect(audit).toMatchObject({ actor_id: agent.id, resource_type: 'agent', resource_id: agent.id });
    expect(audit.details.completions).toEqual([
      { jobId: ok, status: 'succeeded', attempt: 1, startedAt: expect.any(String) },
      { jobId: retried, status: 'failed', attempt: 1, startedAt: expect.any(String), errorCode: 'HTTP_503' },
      { jobId: lost, status: 'succeeded', attempt: 1, startedAt: expect.any(String), refused: 'LEASE_LOST' },
    ]);

    // The same batch again: the recorded ones are answered alike, and nothing changes or is emitted twice.
    const again = await completeMany(agent, completions.slice(0, 2)).expectResponse(200);
    expect(again.body.data.results.map((r: { recorded: boolean }) => r.recorded)).toEqual([true, true]);
    expect((await eventsOf(ok)).filter((e) => e.type === 'job.succeeded')).toHaveLength(1);
    expect((await eventsOf(retried)).filter((e) => e.type === 'job.retrying')).toHaveLength(1);
    await completeMany(agent, [{ jobId: lost, leaseId: lease(lost), status: 'succeeded' }]).expectResponse(200);
    expect(await getJob(lost)).toMatchObject({ status: 'succeeded' });
  });

  test('an empty batch, one over 100, a job named twice or one malformed item is 400 and records nothing', async () => {
    const type = jobType();
    const agent = await mintAgent({ capabilities: [type] });
    const job = await submit({ type });
    const { lease } = await claimOne(agent);
    const good = { jobId: job.id, leaseId: lease.id, status: 'succeeded' };
    const many = Array.from({ length: 101 }, () => ({ ...good, jobId: randomUUID() }));
    for (const bad of [
      [],
      many,
      [good, { ...good, status: 'failed' }],
      [good, { jobId: 'x', leaseId: lease.id, status: 'succeeded' }],
      'x',
    ]) {
      await completeMany(agent, bad).expect(400, 'VALIDATION_FAILED');
    }
    await t.http
      .post('/api/v1/agents/{id}/jobs/complete', { params: { id: agent.id }, body: {}, token: null, agentSecret: agent.secret })
      .expect(400, 'VALIDATION_FAILED');
    expect(await getJob(job.id)).toMatchObject({ status: 'leased', agentId: agent.id });
    // Another agent's secret on this agent's path is refused before anything is judged.
    const intruder = await mintAgent({ capabilities: [type] });
    await t.http
      .post('/api/v1/agents/{id}/jobs/complete', {
        params: { id: agent.id },
        body: { completions: [good] },
        token: null,
        agentSecret: intruder.secret,
      })
      .expect(403);
    expect(await getJob(job.id)).toMatchObject({ status: 'leased' });
  });

  test('two batches naming the same jobs in opposite orders, at once: no deadlock, each job completed once', async () => {
    const type = jobType();
    const agent = await mintAgent({ capabilities: [type] });
    for (let i = 0; i < 8; i++) await submit({ type });
    const claims = await claimSome(agent, 'max=8');
    expect(claims).toHaveLength(8);
    const completions = claims.map((c) => ({ jobId: c.job.id, leaseId: c.lease.id, status: 'succeeded' }));
    const answers = await Promise.all([completeMany(agent, completions), completeMany(agent, [...completions].reverse())]);
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.body.data.results.every((r: { recorded: boolean }) => r.recorded)).toBe(true);
    }
    for (const c of claims) {
      expect((await eventsOf(c.job.id)).filter((e) => e.type === 'job.succeeded')).toHaveLength(1);
      expect((await getJob(c.job.id)).status).toBe('succeeded');
    }
  });
});

describe('leases', () => {
  test('a lease not renewed expires: re-queued (LEASE_EXPIRED) while attempts remain, else expired; heartbeats keep theirs, up to the timeout', async () => {
    const type = jobType();
    const silent = await mintAgent({ capabilities: [type] });
    const beating = await mintAgent({ capabilities: [type] });
    const twice = await submit({ type, maxAttempts: 2, priority: 3 });
    const once = await submit({ type, maxAttempts: 1, priority: 2 });
    const kept = await submit({ type, maxAttempts: 1, priority: 1 });
    const short = await submit({ type, maxAttempts: 1, timeoutSeconds: 1, priority: 0 });
    const silentClaims = await claimSome(silent, 'max=2');
    expect(silentClaims.map((c) => c.job.id).sort()).toEqual([twice.id, once.id].sort());
    const beatingClaims = await claimSome(beating, 'max=2');
    expect(beatingClaims.map((c) => c.job.id).sort()).toEqual([kept.id, short.id].sort());
    const leaseOf = (claims: Claim[], id: string) => claims.find((c) => c.job.id === id)!;
    // A lease is never longer than the job's timeout.
    const shortClaim = leaseOf(beatingClaims, short.id);
    expect(Date.parse(shortClaim.lease.expiresAt) - Date.parse(shortClaim.job.startedAt)).toBeLessThanOrEqual(1_000);

    const start = Date.now();
    let cancelHeader: string | null = 'unset';
    while (Date.now() - start < 3_500) {
      const res = await heartbeat(beating).expectResponse(204);
      cancelHeader = res.headers.get('marshal-cancel-jobs');
      await sleep(400);
    }
    expect(cancelHeader).toBeNull();

    const requeued = await until(
      're-queued',
      () => getJob(twice.id),
      (j) => j.status === 'queued',
    );
    expect(requeued).toMatchObject({
      status: 'queued',
      errorCode: 'LEASE_EXPIRED',
      attempts: 1,
      agentId: null,
      leaseExpiresAt: null,
      completedAt: null,
    });
    const expired = await until(
      'expired',
      () => getJob(once.id),
      (j) => j.status === 'expired',
    );
    expect(expired).toMatchObject({ errorCode: 'LEASE_EXPIRED', attempts: 1, agentId: silent.id });
    expect(expired.completedAt).not.toBeNull();
    const timedOut = await until(
      'timed out',
      () => getJob(short.id),
      (j) => j.status === 'expired',
    );
    expect(timedOut).toMatchObject({ errorCode: 'TIMEOUT', attempts: 1 });
    // Heartbeats kept this one well past JOB_LEASE_SECONDS.
    const held = await getJob(kept.id);
    expect(held).toMatchObject({ status: 'leased', agentId: beating.id, errorCode: null });
    expect(Date.now() - Date.parse(held.startedAt)).toBeGreaterThan(3_000);
    await complete(beating, kept.id, { leaseId: leaseOf(beatingClaims, kept.id).lease.id, status: 'succeeded' }).expect(204);
    // The silent agent's leases are gone.
    await complete(silent, twice.id, { leaseId: leaseOf(silentClaims, twice.id).lease.id, status: 'succeeded' }).expect(409, 'LEASE_LOST');

    expect((await eventsOf(twice.id)).map((e) => e.type)).toEqual(['job.queued', 'job.leased', 'job.requeued']);
    expect((await eventsOf(twice.id)).at(-1)).toMatchObject({ actorType: 'system', data: { reason: 'LEASE_EXPIRED' } });
    expect((await eventsOf(once.id)).map((e) => e.type)).toEqual(['job.queued', 'job.leased', 'job.expired']);

    // The re-queued job comes back for its second and last attempt, then dead-letters.
    await sleep(Math.max(0, Date.parse(requeued.availableAt) - Date.now() + 50));
    const again = await claimOne(silent);
    expect(again.job.id).toBe(twice.id);
    expect(again.lease.attempt).toBe(2);
    const dead = await until(
      'dead letter',
      () => getJob(twice.id),
      (j) => j.status === 'expired',
      6_000,
    );
    expect(dead).toMatchObject({ attempts: 2, retryCount: 1, errorCode: 'LEASE_EXPIRED' });

    const failures = await t.http.get('/api/v1/agent-runtime/failures', { query: { type, pageSize: 100 } }).expectResponse(200);
    expect(failures.body.data.map((j: { id: string }) => j.id).sort()).toEqual([twice.id, once.id, short.id].sort());
  });
});

describe('heartbeats naming their jobs', () => {
  test('renew the leases they name and release the others the agent has forgotten, but not a claim younger than two beats', async () => {
    const type = jobType();
    const agent = await mintAgent({ capabilities: [type] });
    const remembered = await submit({ type, priority: 2 });
    const forgotten = await submit({ type, priority: 1 });
    const claims = await claimSome(agent, 'max=2');
    expect(claims.map((c) => c.job.id)).toEqual([remembered.id, forgotten.id]);
    const beat = (jobIds: string[]) =>
      t.http.post('/api/v1/agents/{id}/heartbeat', { params: { id: agent.id }, body: { jobIds }, token: null, agentSecret: agent.secret });
    // Just claimed: a heartbeat sent before the claim's answer arrived must not release it.
    await beat([remembered.id]).expect(204);
    expect((await getJob(forgotten.id)).status).toBe('leased');
    // Beating within the 2 s lease, past two 1 s heartbeat intervals.
    for (let i = 0; i < 3; i++) {
      await sleep(800);
      await beat([remembered.id]).expect(204);
    }
    const released = await until(
      'released',
      () => getJob(forgotten.id),
      (j) => j.status === 'queued',
    );
    expect(released).toMatchObject({ errorCode: 'LEASE_EXPIRED', agentId: null, attempts: 1 });
    expect((await getJob(remembered.id)).status).toBe('leased');
    await complete(agent, remembered.id, { leaseId: claims[0].lease.id, status: 'succeeded' }).expect(204);
    // Malformed ids are a 400 that changes nothing.
    await beat(['not-a-uuid']).expect(400);
  });
});

describe('cancelling', () => {
  test('a queued job is cancelled at once and never claimed; cancelling again answers it again', async () => {
    const type = jobType();
    const agent = await mintAgent({ capabilities: [type] });
    const job = await submit({ type });
    const res = await t.http.post('/api/v1/jobs/{id}/cancel', { params: { id: job.id } }).expectResponse(200);
    expect(res.body.data).toMatchObject({ id: job.id, status: 'cancelled', errorCode: 'CANCELLED', agentId: null });
    expect(res.body.data.completedAt).not.toBeNull();
    await expectNothingToClaim(agent);
    const again = await t.http.post('/api/v1/jobs/{id}/cancel', { params: { id: job.id } }).expectResponse(200);
    expect(again.body.data).toMatchObject({ status: 'cancelled', completedAt: res.body.data.completedAt });
    expect((await eventsOf(job.id)).map((e) => e.type)).toEqual(['job.queued', 'job.cancelled']);
    await t.http.post('/api/v1/jobs/{id}/cancel', { params: { id: randomUUID() } }).expect(404, 'NOT_FOUND');
  });

  test('a held job is cancelled and its agent told by heartbeat and claim, until it completes it as cancelled', async () => {
    const type = jobType();
    const agent = await mintAgent({ capabilities: [type] });
    const held = await submit({ type });
    const { lease } = await claimOne(agent);
    await progress(agent, held.id, { leaseId: lease.id, percent: 5 }).expect(200);
    const cancelled = await t.http.post('/api/v1/jobs/{id}/cancel', { params: { id: held.id } }).expectResponse(200);
    expect(cancelled.body.data).toMatchObject({ status: 'cancelled', agentId: agent.id });
    expect((await eventsOf(held.id)).at(-1)).toMatchObject({ type: 'job.cancelled', data: { wasHeld: true } });

    const beat = await heartbeat(agent).expectResponse(204);
    expect(beat.headers.get('marshal-cancel-jobs')).toBe(held.id);
    const empty = await expectNothingToClaim(agent);
    expect(empty.headers.get('marshal-cancel-jobs')).toBe(held.id);
    const next = await submit({ type });
    const res = await claim(agent);
    expect(res.status).toBe(200);
    expect(res.body.data.cancelJobIds).toEqual([held.id]);
    expect(res.headers.get('marshal-cancel-jobs')).toBe(held.id);
    expect(res.body.data.claims.map((c: Claim) => c.job.id)).toEqual([next.id]);
    await progress(agent, held.id, { leaseId: lease.id, percent: 50 }).expect(409, 'JOB_CANCELLED');

    await complete(agent, held.id, { leaseId: lease.id, status: 'cancelled', usage: { durationMs: 10 } }).expect(204);
    const after = await heartbeat(agent).expectResponse(204);
    expect(after.headers.get('marshal-cancel-jobs')).toBeNull();
    const more = await expectNothingToClaim(agent);
    expect(more.headers.get('marshal-cancel-jobs')).toBeNull();
    expect(await getJob(held.id)).toMatchObject({ status: 'cancelled', usage: { durationMs: 10 }, errorCode: 'CANCELLED' });
    // Completing a cancelled job as succeeded does not bring it back either.
    await complete(agent, held.id, { leaseId: lease.id, status: 'succeeded' }).expect(204);
    expect((await getJob(held.id)).status).toBe('cancelled');
    expect((await eventsOf(held.id)).filter((e) => e.type === 'job.succeeded')).toEqual([]);
  });

  test('a finished job is 409', async () => {
    const type = jobType();
    const agent = await mintAgent({ capabilities: [type] });
    const job = await submit({ type });
    const { lease } = await claimOne(agent);
    await complete(agent, job.id, { leaseId: lease.id, status: 'succeeded' }).expect(204);
    await t.http.post('/api/v1/jobs/{id}/cancel', { params: { id: job.id } }).expect(409, 'CONFLICT');
    expect((await getJob(job.id)).status).toBe('succeeded');
  });
});

describe('listing', () => {
  test('GET /jobs filters by status (repeated or comma-separated), type, agent and creation time', async () => {
    const type = jobType();
    const agent = await mintAgent({ capabilities: [type] });
    const before = new Date(Date.now() - 1_000).toISOString();
    const done = await submit({ type });
    const { lease } = await claimOne(agent);
    await complete(agent, done.id, { leaseId: lease.id, status: 'succeeded' }).expect(204);
    const cancelled = await submit({ type });
    await t.http.post('/api/v1/jobs/{id}/cancel', { params: { id: cancelled.id } }).expect(200);
    const queued = await submit({ type });
    await submit({ type: jobType() });

    const ids = async (query: string) => {
      const res = await t.http.get('/api/v1/jobs', { query: `pageSize=100&${query}` }).expectResponse(200);
      return res.body.data.map((j: { id: string }) => j.id);
    };
    // Newest first by default.
    expect(await ids(`type=${type}`)).toEqual([queued.id, cancelled.id, done.id]);
    expect(await ids(`type=${type}&status=queued`)).toEqual([queued.id]);
    expect(await ids(`type=${type}&status=queued&status=cancelled`)).toEqual([queued.id, cancelled.id]);
    expect(await ids(`type=${type}&status=queued,succeeded`)).toEqual([queued.id, done.id]);
    expect(await ids(`agentId=${agent.id}`)).toEqual([done.id]);
    expect(await ids(`type=${type}&since=${encodeURIComponent(before)}`)).toHaveLength(3);
    expect(await ids(`type=${type}&since=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).toEqual([]);
    expect(await ids(`type=${type}&until=${encodeURIComponent(before)}`)).toEqual([]);
    expect(await ids(`type=${type}&sort=createdAt`)).toEqual([done.id, cancelled.id, queued.id]);
    for (const bad of ['status=done', 'status=queued,nope', 'agentId=abc', 'since=yesterday', 'sort=payload']) {
      await t.http.get('/api/v1/jobs', { query: `${bad}` }).expect(400, 'VALIDATION_FAILED');
    }
  });

  test('/jobs/{id}/usage of a queued job: the estimate, no usage, no total yet', async () => {
    const job = await submit({ type: jobType(), costEstimate: { amount: 3, currency: 'USD' } });
    const res = await t.http.get('/api/v1/jobs/{id}/usage', { params: { id: job.id } }).expectResponse(200);
    expect(res.body.data).toEqual({
      jobId: job.id,
      status: 'queued',
      attempts: 0,
      costEstimate: { amount: 3, currency: 'USD' },
      usage: {},
      totalMs: null,
    });
    await t.http.get('/api/v1/jobs/{id}/usage', { params: { id: randomUUID() } }).expect(404, 'NOT_FOUND');
  });
});

describe('agent runtime', () => {
  test('health is degraded while jobs wait with no agent online, ok once one is; queues count per type', async () => {
    const other = await otherOrganization(t, t.token);
    const token = other.owner.accessToken;
    const empty = await t.http.get('/api/v1/agent-runtime/health', { token }).expectResponse(200);
    expect(empty.body.data).toMatchObject({
      status: 'ok',
      problems: [],
      agents: { online: 0, stale: 0, offline: 0, revoked: 0 },
      queue: { ready: 0, delayed: 0, leased: 0, running: 0, oldestReadyAgeSeconds: null },
      failuresLastHour: 0,
    });

    for (let i = 0; i < 3; i++) await submit({ type: 'alpha', maxAttempts: 3 }, token);
    await submit({ type: 'beta' }, token);
    const waiting = await t.http.get('/api/v1/agent-runtime/health', { token }).expectResponse(200);
    expect(waiting.body.data.status).toBe('degraded');
    // With no agent at all, nobody can take them either.
    expect(waiting.body.data.problems).toEqual([
      '4 jobs are waiting and no agent is online',
      expect.stringMatching(/^4 queued jobs no agent can take \(see blocked\); e\.g\. alpha \(NO_CAPABLE_AGENT\)/),
    ]);
    expect(waiting.body.data.queue).toMatchObject({ ready: 4, delayed: 0, leased: 0, running: 0, blocked: 4 });
    expect(waiting.body.data.blocked.map((g: { type: string; jobs: number }) => [g.type, g.jobs])).toEqual([
      ['alpha', 3],
      ['beta', 1],
    ]);

    const agent = await mintAgent({ capabilities: ['alpha', 'beta'] }, token);
    const offline = await t.http.get('/api/v1/agent-runtime/health', { token }).expectResponse(200);
    expect(offline.body.data).toMatchObject({
      status: 'degraded',
      problems: ['4 jobs are waiting and no agent is online'],
      agents: { online: 0, offline: 1 },
      queue: { blocked: 0 },
      blocked: [],
    });
    await heartbeat(agent).expect(204);
    const [a, b, c] = await claimSome(agent, 'max=3');
    await progress(agent, b.job.id, { leaseId: b.lease.id }).expect(200);
    await complete(agent, c.job.id, { leaseId: c.lease.id, status: 'failed', error: { code: 'X', message: 'y' } }).expect(204);
    const ok = await t.http.get('/api/v1/agent-runtime/health', { token }).expectResponse(200);
    expect(ok.body.data).toMatchObject({
      status: 'ok',
      problems: [],
      agents: { online: 1, offline: 0 },
      queue: { ready: 1, delayed: 1, leased: 1, running: 1 },
    });
    expect(ok.body.data.queue.oldestReadyAgeSeconds).toBeGreaterThanOrEqual(0);

    const queues = await t.http.get('/api/v1/agent-runtime/queues', { token }).expectResponse(200);
    expect(queues.body.data.map(({ oldestReadyAt: _a, oldestReadyAgeSeconds: _b, ...q }: Record<string, unknown>) => q)).toEqual([
      { type: 'alpha', ready: 0, delayed: 1, leased: 1, running: 1 },
      { type: 'beta', ready: 1, delayed: 0, leased: 0, running: 0 },
    ]);
    expect(queues.body.data[0].oldestReadyAt).toBeNull();
    expect(queues.body.data[1].oldestReadyAt).not.toBeNull();

    const agents = await t.http.get('/api/v1/agent-runtime/agents', { token }).expectResponse(200);
    expect(agents.body.data).toEqual([expect.objectContaining({ id: agent.id, connectivity: 'online', heldJobs: 2 })]);
    expect(a.job.id).not.toBe(b.job.id);
  });

  test('a failed job can be retried into the queue; a queued one is 409, an unknown one 404', async () => {
    const type = jobType();
    const agent = await mintAgent({ capabilities: [type] });
    const job = await submit({ type, maxAttempts: 1 });
    const { lease } = await claimOne(agent);
    await complete(agent, job.id, { leaseId: lease.id, status: 'failed', error: { code: 'BOOM', message: 'broke' } }).expect(204);
    const failures = await t.http.get('/api/v1/agent-runtime/failures', { query: { type } }).expectResponse(200);
    expect(failures.body.data.map((j: { id: string }) => j.id)).toEqual([job.id]);

    const retried = await t.http.post('/api/v1/agent-runtime/job-failures/{id}/retry', { params: { id: job.id } }).expectResponse(200);
    expect(retried.body.data).toMatchObject({
      id: job.id,
      status: 'queued',
      attempts: 1,
      maxAttempts: 2,
      completedAt: null,
      agentId: null,
    });
    expect((await eventsOf(job.id)).at(-1)).toMatchObject({ type: 'job.queued', data: { retry: true } });
    const failuresAfter = await t.http.get('/api/v1/agent-runtime/failures', { query: { type } }).expectResponse(200);
    expect(failuresAfter.body.data).toEqual([]);
    await t.http.post('/api/v1/agent-runtime/job-failures/{id}/retry', { params: { id: job.id } }).expect(409, 'CONFLICT');
    await t.http.post('/api/v1/agent-runtime/job-failures/{id}/retry', { params: { id: randomUUID() } }).expect(404, 'NOT_FOUND');

    const second = await claimOne(agent);
    expect(second.job.id).toBe(job.id);
    expect(second.lease.attempt).toBe(2);
    await complete(agent, job.id, { leaseId: second.lease.id, status: 'succeeded' }).expect(204);
    expect(await getJob(job.id)).toMatchObject({ status: 'succeeded', attempts: 2, errorCode: null });
  });

  test('the smoke test times out with no agent (and cancels its job), and succeeds with one polling', async () => {
    const other = await otherOrganization(t, t.token);
    const token = other.owner.accessToken;
    const timeout = await t.http.post('/api/v1/agent-runtime/smoke', { body: { timeoutSeconds: 1 }, token }).expectResponse(200);
    expect(timeout.body.data.outcome).toBe('timeout');
    expect(timeout.body.data.job).toMatchObject({ type: 'noop', status: 'cancelled', priority: 100, maxAttempts: 1 });
    expect(timeout.body.data.roundTripMs).toBeGreaterThanOrEqual(900);
    expect((await getJob(timeout.body.data.job.id, token)).status).toBe('cancelled');

    const agent = await mintAgent({ capabilities: ['noop'] }, token);
    const smoke = t.http.post('/api/v1/agent-runtime/smoke', { body: { timeoutSeconds: 10 }, token });
    // Sent now: the claim below waits for the job the smoke test queues.
    void smoke.response();
    const res = await claim(agent, 'wait=8');
    expect(res.status).toBe(200);
    const { job, lease } = res.body.data.claims[0];
    expect(job).toMatchObject({ type: 'noop', payload: { smoke: true } });
    await complete(agent, job.id, { leaseId: lease.id, status: 'succeeded' }).expect(204);
    const done = await smoke.expectResponse(200);
    expect(done.body.data).toMatchObject({ outcome: 'succeeded', job: { id: job.id, status: 'succeeded' } });
    expect(done.body.data.roundTripMs).toBeGreaterThanOrEqual(0);

    await t.http.post('/api/v1/agent-runtime/smoke', { body: { timeoutSeconds: 31 }, token }).expect(400, 'VALIDATION_FAILED');
    await t.http.post('/api/v1/agent-runtime/smoke', { body: { targetAgentId: randomUUID() }, token }).expect(422, 'UNKNOWN_AGENT');
  });
});

describe('work no agent can take', () => {
  const report = (agent: Agent, capabilities: string[]) =>
    t.http.post('/api/v1/agents/{id}/heartbeat', {
      params: { id: agent.id },
      body: { capabilities },
      token: null,
      agentSecret: agent.secret,
    });

  test('aimed at an agent that does not run its type, or lacks its labels: 422 with a code of its own, and nothing is queued', async () => {
    const type = jobType();
    const base = jobType('base');
    const agent = await mintAgent({ capabilities: [base], labels: { region: 'eu' } });
    const submitRaw = (body: Record<string, unknown>) => t.http.post('/api/v1/jobs', { body, idempotencyKey: true });
    const lacking = await submitRaw({ type, targetAgentId: agent.id }).expectResponse(422, 'AGENT_LACKS_CAPABILITY');
    expect(lacking.body.error).toMatchObject({
      message: expect.stringContaining(`does not run ${type} jobs`),
      details: { targetAgentId: agent.id, type },
    });
    await submitRaw({ type: base, targetAgentId: agent.id, selector: { region: 'us' } }).expect(422, 'AGENT_LABELS_MISMATCH');
    await t.http
      .post('/api/v1/agent-runtime/smoke', { body: { targetAgentId: agent.id, timeoutSeconds: 1 } })
      .expect(422, 'AGENT_LACKS_CAPABILITY');
    expect(await t.sql(`SELECT id FROM jobs WHERE type = $1 OR target_agent_id = $2`, [type, agent.id])).toEqual([]);

    // Once the agent says it runs the type, the same job is taken.
    await report(agent, [base, type]).expect(204);
    const job = await submit({ type, targetAgentId: agent.id });
    expect(job.blocked).toBeNull();
    expect((await claimOne(agent)).job.id).toBe(job.id);
  });

  test('a job no agent runs yet is queued, shown blocked with its reason, and taken once an agent reports the type', async () => {
    const other = await otherOrganization(t, t.token);
    const token = other.owner.accessToken;
    const type = jobType();
    const blocked = {
      code: 'NO_CAPABLE_AGENT',
      reason: expect.stringContaining(`No active agent runs ${type} jobs with the labels pool=ci`),
    };
    const job = await submit({ type, selector: { pool: 'ci' } }, token);
    expect(job).toMatchObject({ status: 'queued', blocked });
    // The type without the labels, the labels without the type: still nobody.
    const unlabelled = await mintAgent({ capabilities: [type] }, token);
    const builder = await mintAgent({ capabilities: ['noop'], labels: { pool: 'ci' } }, token);
    expect(await getJob(job.id, token)).toMatchObject({ blocked });
    const listed = (await t.http.get('/api/v1/jobs', { query: { type }, token }).expect(200)).data;
    expect(listed).toEqual([expect.objectContaining({ id: job.id, blocked })]);
    const health = (await t.http.get('/api/v1/agent-runtime/health', { token }).expect(200)).data;
    expect(health).toMatchObject({
      status: 'degraded',
      queue: { blocked: 1 },
      blocked: [{ type, targetAgentId: null, selector: { pool: 'ci' }, jobs: 1, ...blocked }],
    });
    await expectNothingToClaim(unlabelled);
    await expectNothingToClaim(builder);

    await report(builder, ['noop', type]).expect(204);
    expect(await getJob(job.id, token)).toMatchObject({ status: 'queued', blocked: null });
    expect((await t.http.get('/api/v1/agent-runtime/health', { token })).body.data).toMatchObject({ queue: { blocked: 0 }, blocked: [] });
    expect((await claimOne(builder)).job.id).toBe(job.id);
    expect((await getJob(job.id, token)).blocked).toBeNull();
  });

  test("an agent's report replaces the capabilities it was minted with; an edit stands until its next report", async () => {
    const agent = await mintAgent({ capabilities: ['noop', 'sleep'] });
    const read = async () => (await t.http.get('/api/v1/agents/{id}', { params: { id: agent.id } }).expect(200)).data;
    expect(await read()).toMatchObject({ capabilities: ['noop', 'sleep'], capabilitiesReportedAt: null });
    await report(agent, ['shell', 'noop']).expect(204);
    expect(await read()).toMatchObject({ capabilities: ['noop', 'shell'], capabilitiesReportedAt: expect.any(String) });
    // A heartbeat that says nothing of them leaves them be.
    await heartbeat(agent).expect(204);
    expect((await read()).capabilities).toEqual(['noop', 'shell']);
    const edited = (
      await t.http.put('/api/v1/agents/{id}', { params: { id: agent.id }, body: { capabilities: ['http-check'] } }).expect(200)
    ).data;
    expect(edited).toMatchObject({ capabilities: ['http-check'], capabilitiesReportedAt: null });
    await report(agent, ['noop']).expect(204);
    expect(await read()).toMatchObject({ capabilities: ['noop'], capabilitiesReportedAt: expect.any(String) });
    await report(
      agent,
      Array.from({ length: 101 }, (_, i) => `type-${i}`),
    ).expect(400, 'VALIDATION_FAILED');
    await report(agent, ['UPPER']).expect(400, 'VALIDATION_FAILED');
    const changes = await t.sql<{ data: { added: string[]; removed: string[] } }>(
      `SELECT data FROM events WHERE resource_id = $1 AND type = 'agent.capabilities_changed' ORDER BY tx_id, seq`,
      [agent.id],
    );
    expect(changes.map((c) => [c.data.added, c.data.removed])).toEqual([
      [['shell'], ['sleep']],
      [['noop'], ['http-check']],
    ]);
  });
});

describe('when an agent goes away', () => {
  test('revoking an agent re-queues the jobs it holds and cancels those aimed at it alone', async () => {
    const type = jobType();
    const agent = await mintAgent({ capabilities: [type] });
    const held = await submit({ type, priority: 10 });
    await claimOne(agent);
    const aimed = await submit({ type, targetAgentId: agent.id });
    const open = await submit({ type });
    await t.http.post('/api/v1/agents/{id}/revoke', { params: { id: agent.id } }).expect(200);

    const requeued = await until(
      're-queued',
      () => getJob(held.id),
      (j) => j.status === 'queued',
      3_000,
    );
    expect(requeued).toMatchObject({ errorCode: 'LEASE_EXPIRED', attempts: 1, agentId: null });
    expect(await getJob(aimed.id)).toMatchObject({ status: 'cancelled', errorCode: 'AGENT_REMOVED' });
    expect((await eventsOf(aimed.id)).at(-1)).toMatchObject({ type: 'job.cancelled', data: { reason: 'agent_removed' } });
    expect((await getJob(open.id)).status).toBe('queued');
  });

  test('deleting an agent cancels the queued jobs aimed at it (AGENT_REMOVED) and re-queues what it held', async () => {
    const type = jobType();
    const agent = await mintAgent({ capabilities: [type] });
    const held = await submit({ type, priority: 10 });
    await claimOne(agent);
    const aimed = [await submit({ type, targetAgentId: agent.id }), await submit({ type, targetAgentId: agent.id })];
    await t.http.delete('/api/v1/agents/{id}', { params: { id: agent.id } }).expect(204);
    for (const job of aimed) {
      const cancelled = await getJob(job.id);
      expect(cancelled).toMatchObject({ status: 'cancelled', errorCode: 'AGENT_REMOVED' });
      expect(cancelled.errorMessage).toContain('deleted');
    }
    await until(
      're-queued',
      () => getJob(held.id),
      (j) => j.status === 'queued',
      3_000,
    );
    await t.http.post('/api/v1/jobs', { body: { type, targetAgentId: agent.id }, idempotencyKey: true }).expect(422, 'UNKNOWN_AGENT');
  });
});

describe('organizations and permissions', () => {
  test("another organization's job is 404 to read, cancel, meter, stream and to its agents", async () => {
    const other = await otherOrganization(t, t.token);
    const type = jobType();
    const foreignAgent = await mintAgent({ capabilities: [type] }, other.owner.accessToken);
    const mine = await mintAgent({ capabilities: [type] });
    const job = await submit({ type });
    const { lease } = await claimOne(mine);
    const foreignJob = await submit({ type }, other.owner.accessToken);

    await t.http.get('/api/v1/jobs/{id}', { params: { id: foreignJob.id } }).expect(404, 'NOT_FOUND');
    await t.http.post('/api/v1/jobs/{id}/cancel', { params: { id: foreignJob.id } }).expect(404, 'NOT_FOUND');
    await t.http.get('/api/v1/jobs/{id}/usage', { params: { id: foreignJob.id } }).expect(404, 'NOT_FOUND');
    await t.http.get('/api/v1/jobs/{id}/events', { params: { id: foreignJob.id } }).expect(404, 'NOT_FOUND');
    await t.http.post('/api/v1/agent-runtime/job-failures/{id}/retry', { params: { id: foreignJob.id } }).expect(404, 'NOT_FOUND');
    const list = await t.http.get('/api/v1/jobs', { query: { type } }).expectResponse(200);
    expect(list.body.data.map((j: { id: string }) => j.id)).toEqual([job.id]);

    // The other organization's agent, even with a valid lease id, cannot touch this job; nor claim it.
    await complete(foreignAgent, job.id, { leaseId: lease.id, status: 'succeeded' }).expect(404, 'NOT_FOUND');
    await progress(foreignAgent, job.id, { leaseId: lease.id }).expect(404, 'NOT_FOUND');
    expect((await claimOne(foreignAgent)).job.id).toBe(foreignJob.id);
    expect(await getJob(job.id)).toMatchObject({ status: 'leased', agentId: mine.id });
    expect((await getJob(foreignJob.id, other.owner.accessToken)).status).toBe('leased');
  });

  test('a member without job.submit, job.cancel or job.retry is 403; reading is allowed to a viewer', async () => {
    const viewer: Member = await addMember(t, t.token, ['viewer']);
    const nobody: Member = await addMember(t, t.token, []);
    const type = jobType();
    const job = await submit({ type });
    await t.http.post('/api/v1/jobs', { body: { type }, token: viewer.accessToken, idempotencyKey: true }).expect(403, 'FORBIDDEN');
    await t.http.post('/api/v1/jobs/{id}/cancel', { params: { id: job.id }, token: viewer.accessToken }).expect(403, 'FORBIDDEN');
    await t.http
      .post('/api/v1/agent-runtime/job-failures/{id}/retry', { params: { id: job.id }, token: viewer.accessToken })
      .expect(403, 'FORBIDDEN');
    await t.http.post('/api/v1/agent-runtime/smoke', { body: { timeoutSeconds: 1 }, token: viewer.accessToken }).expect(403, 'FORBIDDEN');
    await t.http.get('/api/v1/jobs/{id}', { params: { id: job.id }, token: viewer.accessToken }).expect(200);
    await t.http.get('/api/v1/agent-runtime/queues', { token: viewer.accessToken }).expect(200);
    await t.http.get('/api/v1/jobs', { token: nobody.accessToken }).expect(403, 'FORBIDDEN');
    await t.http.get('/api/v1/agent-runtime/health', { token: nobody.accessToken }).expect(403, 'FORBIDDEN');
    expect(await getJob(job.id)).toMatchObject({ status: 'queued' });
    const [{ n }] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM jobs WHERE type = $1', [type]);
    expect(n).toBe(1);
  });
});
