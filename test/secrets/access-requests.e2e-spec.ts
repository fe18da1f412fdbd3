import { createCipheriv, generateKeyPairSync, randomBytes } from 'node:crypto';
import { openWireEnvelope, rawPublicKey } from '../../src/kernel/crypto/wire-envelope.js';
import { addMember, createRole, type Member, otherOrganization, roleIdByKey } from '../support/fixtures.js';
import { useServer } from '../support/use-server.js';

/**
 * The broker's flows over HTTP, with the agent's side played by the test: read (data key, sealed
 * value, single retrieval) and patch (sealed at rest, released on approval, sealed to the agent's
 * key), the approval rules, expiry, tenancy — and a canary value that must surface nowhere else.
 */
const WRAP_TTL_SECONDS = 6;
const t = useServer({ SECRET_WRAP_TTL_SECONDS: String(WRAP_TTL_SECONDS), BROKER_SWEEP_INTERVAL_MS: '250' });
let requester: Member;
let approverA: Member;
let approverB: Member;
let security: Member;
let viewer: Member;
let opsRole: string;
let agent: { id: string; secret: string; privateKey: ReturnType<typeof generateKeyPairSync>['privateKey'] };
let secretId: string;
let cluster: string;
const canaries: string[] = [];

beforeAll(async () => {
  opsRole = await roleIdByKey(t, t.token, 'ops_engineer');
  // Security approves what names it, and nothing else: not an operations engineer.
  const securityRole = await createRole(t, t.token, `Security ${hex()}`, ['approval.decide', 'secret_request.read']);
  [requester, approverA, approverB, security, viewer] = await Promise.all([
    addMember(t, t.token, ['ops_engineer']),
    addMember(t, t.token, ['ops_engineer']),
    addMember(t, t.token, ['ops_engineer']),
    addMember(t, t.token, [securityRole]),
    addMember(t, t.token, ['viewer']),
  ]);
  const minted = (await t.http.post('/api/v1/agents', { body: { name: `cluster-agent-${hex()}` } })).body.data;
  const { privateKey, publicKey } = generateKeyPairSync('x25519');
  agent = { id: minted.agent.id, secret: minted.agentSecret, privateKey };
  await t.http
    .put('/api/v1/agents/{id}/public-key', {
      params: { id: agent.id },
      body: { publicKey: rawPublicKey(publicKey).toString('base64url') },
      token: null,
      agentSecret: agent.secret,
    })
    .expect(200);
  cluster = `prod-${hex()}`;
  await t.http
    .post('/api/v1/agents/{id}/secrets/bulk', {
      params: { id: agent.id },
      body: { secrets: [{ clusterName: cluster, namespace: 'payments', provider: 'kubernetes', ref: 'db-password' }] },
      token: null,
      agentSecret: agent.secret,
    })
    .expect(200);
  secretId = (await t.http.get('/api/v1/secrets', { query: { cluster_name: cluster } })).body.data[0].id;
  // One approval from an operations engineer, for everything (the default policy).
  const workflow = await t.http
    .post('/api/v1/workflows', {
      body: { name: 'One engineer', stages: [{ name: 'Peer', requiredApprovals: 1, roleIds: [opsRole], userIds: [] }] },
    })
    .expectResponse(201);
  await t.http.post('/api/v1/policies', { body: { name: 'Default', workflowId: workflow.body.data.id, isDefault: true } }).expect(201);
});

const hex = () => randomBytes(3).toString('hex');
const canary = () => {
  const value = `canary-${randomBytes(12).toString('hex')}`;
  canaries.push(value);
  return value;
};

async function readRequest(as = requester.accessToken, body: Record<string, unknown> = {}) {
  return (
    await t.http
      .post('/api/v1/requests/read', { body: { secretId, reason: 'INC-1: check the DB password', ...body }, token: as })
      .expect(201)
  ).data;
}
const approve = (id: string, as: string, body: Record<string, unknown> = {}) =>
  t.http.post('/api/v1/requests/{id}/approve', { params: { id }, body, token: as });
const getRequest = async (id: string, as = t.token) =>
  (await t.http.get('/api/v1/requests/{id}', { params: { id }, token: as }).expect(200)).data;

async function claimJob(): Promise<{ job: { id: string; type: string; payload: Record<string, unknown> }; lease: { id: string } }> {
  const res = await t.http
    .post('/api/v1/agents/{id}/jobs/claim', { params: { id: agent.id }, query: { wait: 5 }, token: null, agentSecret: agent.secret })
    .expectResponse(200);
  return res.body.data.claims[0];
}
const completeJob = (jobId: string, leaseId: string, status = 'succeeded') =>
  t.http.post('/api/v1/agents/{id}/jobs/{jobId}/complete', {
    params: { id: agent.id, jobId },
    body: { leaseId, status, ...(status === 'failed' && { error: { code: 'BACKEND', message: 'no such secret', retryable: false } }) },
    token: null,
    agentSecret: agent.secret,
  });

type IssuedKey = { keyEnvelope: string; keyEnvelopeContext: string; wrappedKey: string; context: string };

/** The data key out of its wire envelope, as the agent that holds the private key opens it. */
const openDataKey = (dek: IssuedKey, privateKey = agent.privateKey): Buffer =>
  openWireEnvelope(privateKey, Buffer.from(dek.keyEnvelope, 'base64url'), dek.keyEnvelopeContext);

/** What the reference agent does with a data key: AES-256-GCM, the context as additional data. */
function sealUnder(dek: IssuedKey, value: string) {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', openDataKey(dek), iv);
  cipher.setAAD(Buffer.from(dek.context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
  return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), ciphertext: ciphertext.toString('base64') };
}

/** Runs the agent's side of a read job: a data key, the value sealed under it, the job completed. */
async function serveRead(value: string): Promise<string> {
  const { job, lease } = await claimJob();
  expect(job.type).toBe('secret.read');
  const dek = (
    await t.http
      .post('/api/v1/agents/{id}/dek', { params: { id: agent.id }, body: { jobId: job.id }, token: null, agentSecret: agent.secret })
      .expect(200)
  ).data;
  expect(openDataKey(dek)).toHaveLength(32);
  const posted = (
    await t.http
      .post('/api/v1/agents/{id}/wraps', {
        params: { id: agent.id },
        body: { jobId: job.id, wrappedKey: dek.wrappedKey, ...sealUnder(dek, value) },
        token: null,
        agentSecret: agent.secret,
      })
      .expect(201)
  ).data;
  await completeJob(job.id, lease.id).expect(204);
  return posted.wrapId;
}

describe('read flow', () => {
  test('requested, approved by a peer, fetched by the agent, retrieved once by the requester; then 410', async () => {
    const value = canary();
    const request = await readRequest();
    expect(request).toMatchObject({
      kind: 'read',
      status: 'pending',
      requesterId: requester.userId,
      agentId: agent.id,
      secret: { secretId, clusterName: cluster, ref: 'db-password' },
    });
    expect(request.approval).toMatchObject({
      status: 'pending',
      currentStage: 0,
      workflowName: 'One engineer',
      stages: [{ name: 'Peer', requiredApprovals: 1, approvals: 0 }],
      decisions: [],
    });

    const mine = (await t.http.get('/api/v1/my/pending-approvals', { token: approverA.accessToken }).expect(200)).data;
    expect(mine.map((p: { subjectId: string }) => p.subjectId)).toContain(request.id);
    expect(mine.find((p: { subjectId: string }) => p.subjectId === request.id)).toMatchObject({
      subjectType: 'secret_request',
      summary: { kind: 'read', ref: 'db-password' },
    });
    const own = (await t.http.get('/api/v1/my/pending-approvals', { token: requester.accessToken }).expect(200)).data;
    expect(own.map((p: { subjectId: string }) => p.subjectId)).not.toContain(request.id);

    const approved = (await approve(request.id, approverA.accessToken, { comment: 'ok' }).expect(200)).data;
    expect(approved).toMatchObject({
      status: 'approved',
      approval: { status: 'approved', decisions: [{ approverId: approverA.userId, decision: 'approve', comment: 'ok', stage: 0 }] },
    });
    expect(approved.jobId).toEqual(expect.any(String));

    const wrapId = await serveRead(value);
    expect(await getRequest(request.id)).toMatchObject({ status: 'completed', completedAt: expect.any(String) });
    const summaries = await t.http
      .get('/api/v1/requests/{id}/wraps', { params: { id: request.id }, token: requester.accessToken })
      .expectResponse(200);
    expect(summaries.body.data).toEqual([
      { id: wrapId, state: 'available', createdAt: expect.any(String), expiresAt: expect.any(String), consumedAt: null },
    ]);
    expect(summaries.text).not.toContain(value);

    // Another member, even the approver: 403; the value stays.
    await t.http
      .get('/api/v1/requests/{id}/wraps/{wrapId}', { params: { id: request.id, wrapId }, token: approverA.accessToken })
      .expect(403, 'NOT_THE_REQUESTER');
    const got = await t.http
      .get('/api/v1/requests/{id}/wraps/{wrapId}', { params: { id: request.id, wrapId }, token: requester.accessToken })
      .expectResponse(200);
    expect(got.body.data).toEqual({ wrapId, requestId: request.id, value, encoding: 'utf8' });
    expect(got.headers.get('cache-control')).toBe('no-store');
    await t.http
      .get('/api/v1/requests/{id}/wraps/{wrapId}', { params: { id: request.id, wrapId }, token: requester.accessToken })
      .expect(410, 'GONE');
    const after = (await t.http.get('/api/v1/requests/{id}/wraps', { params: { id: request.id }, token: requester.accessToken })).body.data;
    expect(after[0]).toMatchObject({ state: 'consumed', consumedAt: expect.any(String) });
    const [row] = await t.sql<{ sealed: Buffer | null; shred_reason: string }>(
      'SELECT sealed, shred_reason FROM secret_wraps WHERE id = $1',
      [wrapId],
    );
    expect(row).toEqual({ sealed: null, shred_reason: 'consumed' });
  });

  test('of 20 concurrent retrievals exactly one gets the value; the others 410', async () => {
    const value = canary();
    const request = await readRequest();
    await approve(request.id, approverB.accessToken).expect(200);
    const wrapId = await serveRead(value);
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        t.http.get('/api/v1/requests/{id}/wraps/{wrapId}', { params: { id: request.id, wrapId }, token: requester.accessToken }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, ...Array(19).fill(410)]);
    expect(results.find((r) => r.status === 200)!.body.data.value).toBe(value);
  });

  test('with a recipient key, the value leaves sealed to it: only its private key opens it', async () => {
    const value = canary();
    const { privateKey, publicKey } = generateKeyPairSync('x25519');
    await t.http
      .post('/api/v1/requests/read', {
        body: { secretId, reason: 'end to end', recipientPublicKey: 'not-a-key' },
        token: requester.accessToken,
      })
      .expect(400, 'VALIDATION_FAILED');
    const request = await readRequest(requester.accessToken, {
      recipientPublicKey: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    });
    expect(request.sealedForRecipient).toBe(true);
    await approve(request.id, approverA.accessToken).expect(200);
    const wrapId = await serveRead(value);
    const got = await t.http
      .get('/api/v1/requests/{id}/wraps/{wrapId}', { params: { id: request.id, wrapId }, token: requester.accessToken })
      .expectResponse(200);
    expect(got.text).not.toContain(value);
    expect(got.body.data).toMatchObject({ wrapId, encoding: 'wire-envelope', context: `marshal/wrap/v1/${wrapId}` });
    expect(openWireEnvelope(privateKey, Buffer.from(got.body.data.value, 'base64url'), got.body.data.context).toString('utf8')).toBe(value);
    expect(() =>
      openWireEnvelope(generateKeyPairSync('x25519').privateKey, Buffer.from(got.body.data.value, 'base64url'), got.body.data.context),
    ).toThrow();
  });

  test('an unretrieved value expires and is shredded: 410, nothing sealed left', async () => {
    const request = await readRequest();
    await approve(request.id, approverA.accessToken).expect(200);
    const wrapId = await serveRead(canary());
    await new Promise((r) => setTimeout(r, (WRAP_TTL_SECONDS + 1) * 1000));
    const [row] = await t.sql<{ sealed: Buffer | null; shred_reason: string }>(
      'SELECT sealed, shred_reason FROM secret_wraps WHERE id = $1',
      [wrapId],
    );
    expect(row).toEqual({ sealed: null, shred_reason: 'expired' });
    await t.http
      .get('/api/v1/requests/{id}/wraps/{wrapId}', { params: { id: request.id, wrapId }, token: requester.accessToken })
      .expect(410, 'GONE');
    expect(
      (await t.http.get('/api/v1/requests/{id}/wraps', { params: { id: request.id }, token: requester.accessToken })).body.data[0].state,
    ).toBe('expired');
  });

  test('the agent side refuses: a job it does not hold, a value that does not open, a second value', async () => {
    const request = await readRequest();
    const { jobId } = (await approve(request.id, approverA.accessToken).expect(200)).data;
    await t.http
      .post('/api/v1/agents/{id}/dek', { params: { id: agent.id }, body: { jobId }, token: null, agentSecret: agent.secret })
      .expect(409, 'JOB_NOT_HELD');
    const { job, lease } = await claimJob();
    expect(job.id).toBe(jobId);
    const dek = (
      await t.http.post('/api/v1/agents/{id}/dek', { params: { id: agent.id }, body: { jobId }, token: null, agentSecret: agent.secret })
    ).body.data;
    const sealed = sealUnder(dek, 'x');
    const wrongContext = sealUnder({ ...dek, context: 'elsewhere' }, 'x');
    await t.http
      .post('/api/v1/agents/{id}/wraps', {
        params: { id: agent.id },
        body: { jobId, wrappedKey: dek.wrappedKey, ...wrongContext },
        token: null,
        agentSecret: agent.secret,
      })
      .expect(422, 'INVALID_WRAP');
    const other = (
      await t.http.post('/api/v1/agents/{id}/dek', { params: { id: agent.id }, body: { jobId }, token: null, agentSecret: agent.secret })
    ).body.data;
    await t.http
      .post('/api/v1/agents/{id}/wraps', {
        params: { id: agent.id },
        body: { jobId, wrappedKey: other.wrappedKey, ...sealed },
        token: null,
        agentSecret: agent.secret,
      })
      .expect(422, 'INVALID_WRAP');
    await t.http
      .post('/api/v1/agents/{id}/wraps', {
        params: { id: agent.id },
        body: { jobId, wrappedKey: dek.wrappedKey, ...sealed, iv: 'not base64!' },
        token: null,
        agentSecret: agent.secret,
      })
      .expect(400, 'VALIDATION_FAILED');
    const posts = await Promise.all(
      Array.from({ length: 5 }, () =>
        t.http.post('/api/v1/agents/{id}/wraps', {
          params: { id: agent.id },
          body: { jobId, wrappedKey: dek.wrappedKey, ...sealed },
          token: null,
          agentSecret: agent.secret,
        }),
      ),
    );
    expect(posts.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(posts.filter((r) => r.status === 409).every((r) => r.body.error.code === 'ALREADY_POSTED')).toBe(true);
    await completeJob(job.id, lease.id).expect(204);
    await t.http
      .post('/api/v1/agents/{id}/dek', { params: { id: agent.id }, body: { jobId }, token: null, agentSecret: agent.secret })
      .expect(409, 'JOB_NOT_HELD');
  });

  test('a failed job fails the request, and a job that succeeds without a value fails it too', async () => {
    const failing = await readRequest();
    await approve(failing.id, approverA.accessToken).expect(200);
    const first = await claimJob();
    await completeJob(first.job.id, first.lease.id, 'failed').expect(204);
    expect(await getRequest(failing.id)).toMatchObject({ status: 'failed', failureCode: 'BACKEND' });
    const empty = await readRequest();
    await approve(empty.id, approverA.accessToken).expect(200);
    const second = await claimJob();
    await completeJob(second.job.id, second.lease.id).expect(204);
    expect(await getRequest(empty.id)).toMatchObject({ status: 'failed', failureCode: 'NO_VALUE' });
  });
});

describe('data keys', () => {
  test("a data key leaves only sealed to the agent's X25519 key: never in clear in the answer, a log line or the trail", async () => {
    const request = await readRequest();
    await approve(request.id, approverA.accessToken).expect(200);
    const { job, lease } = await claimJob();
    const res = await t.http
      .post('/api/v1/agents/{id}/dek', { params: { id: agent.id }, body: { jobId: job.id }, token: null, agentSecret: agent.secret })
      .expectResponse(200);
    const dek = res.body.data;
    expect(Object.keys(dek).sort()).toEqual(['algorithm', 'context', 'keyEnvelope', 'keyEnvelopeContext', 'wrappedKey']);
    expect(dek).toMatchObject({ algorithm: 'AES-256-GCM', keyEnvelopeContext: `marshal/data-key/v1/${job.id}` });
    const key = openDataKey(dek);
    expect(key).toHaveLength(32);
    // Only the agent's private key, with this context, opens it.
    expect(() => openDataKey(dek, generateKeyPairSync('x25519').privateKey)).toThrow();
    expect(() => openDataKey({ ...dek, keyEnvelopeContext: `marshal/data-key/v1/${request.id}` })).toThrow();
    // It is the key: a value sealed under it is accepted, and reaches the requester.
    const value = canary();
    const posted = (
      await t.http
        .post('/api/v1/agents/{id}/wraps', {
          params: { id: agent.id },
          body: { jobId: job.id, wrappedKey: dek.wrappedKey, ...sealUnder(dek, value) },
          token: null,
          agentSecret: agent.secret,
        })
        .expect(201)
    ).data;
    await completeJob(job.id, lease.id).expect(204);
    expect(
      (
        await t.http.get('/api/v1/requests/{id}/wraps/{wrapId}', {
          params: { id: request.id, wrapId: posted.wrapId },
          token: requester.accessToken,
        })
      ).body.data.value,
    ).toBe(value);

    const forms = [key.toString('base64'), key.toString('base64url'), key.toString('hex')];
    const places = {
      answer: res.text,
      log: t.output(),
      audit: JSON.stringify(await t.sql('SELECT * FROM audit_events')),
      events: JSON.stringify(await t.sql('SELECT * FROM events')),
    };
    for (const form of forms)
      for (const [where, text] of Object.entries(places)) expect({ where, leaked: text.includes(form) }).toEqual({ where, leaked: false });
  });

  test('an agent without a registered X25519 key gets no data key: 409 AGENT_KEY_MISSING, and the request fails with its job', async () => {
    const keyless = (await t.http.post('/api/v1/agents', { body: { name: `keyless-${hex()}` } })).body.data;
    const as = { id: keyless.agent.id, secret: keyless.agentSecret };
    const where = `keyless-${hex()}`;
    await t.http
      .post('/api/v1/agents/{id}/secrets/bulk', {
        params: { id: as.id },
        body: { secrets: [{ clusterName: where, namespace: 'payments', provider: 'kubernetes', ref: 'db-password' }] },
        token: null,
        agentSecret: as.secret,
      })
      .expect(200);
    const secret = (await t.http.get('/api/v1/secrets', { query: { cluster_name: where } })).body.data[0].id;
    const request = await readRequest(requester.accessToken, { secretId: secret });
    await approve(request.id, approverA.accessToken).expect(200);
    const claimed = await t.http.post('/api/v1/agents/{id}/jobs/claim', {
      params: { id: as.id },
      query: { wait: 5 },
      token: null,
      agentSecret: as.secret,
    });
    const { job, lease } = claimed.body.data.claims[0];
    await t.http
      .post('/api/v1/agents/{id}/dek', { params: { id: as.id }, body: { jobId: job.id }, token: null, agentSecret: as.secret })
      .expect(409, 'AGENT_KEY_MISSING');
    expect(
      await t.sql<{ action: string; outcome: string }>(
        `SELECT action, outcome FROM audit_events WHERE action = 'secret.dek_issue' AND actor_id = $1`,
        [as.id],
      ),
    ).toEqual([{ action: 'secret.dek_issue', outcome: 'failure' }]);
    await t.http
      .post('/api/v1/agents/{id}/jobs/{jobId}/complete', {
        params: { id: as.id, jobId: job.id },
        body: { leaseId: lease.id, status: 'failed', error: { code: 'AGENT_KEY_MISSING', message: 'no key', retryable: false } },
        token: null,
        agentSecret: as.secret,
      })
      .expect(204);
    expect(await getRequest(request.id)).toMatchObject({ status: 'failed', failureCode: 'AGENT_KEY_MISSING' });
  });
});

describe('a job no agent can take', () => {
  test('the agent of the secret lacks secret.read: the job waits, blocked, in the job, the request and the runtime health, until the agent reports it', async () => {
    // Minted as the README's tour mints it: what it may run is what it says, not secret.read.
    const minted = (await t.http.post('/api/v1/agents', { body: { name: `edge-${hex()}`, capabilities: ['noop', 'sleep', 'http-check'] } }))
      .body.data;
    const edge = { id: minted.agent.id, secret: minted.agentSecret };
    const where = `edge-${hex()}`;
    const { publicKey } = generateKeyPairSync('x25519');
    await t.http
      .put('/api/v1/agents/{id}/public-key', {
        params: { id: edge.id },
        body: { publicKey: rawPublicKey(publicKey).toString('base64url') },
        token: null,
        agentSecret: edge.secret,
      })
      .expect(200);
    await t.http
      .post('/api/v1/agents/{id}/secrets/bulk', {
        params: { id: edge.id },
        body: { secrets: [{ clusterName: where, namespace: 'payments', provider: 'kubernetes', ref: 'db-password' }] },
        token: null,
        agentSecret: edge.secret,
      })
      .expect(200);
    const secret = (await t.http.get('/api/v1/secrets', { query: { cluster_name: where } })).body.data[0].id;
    const request = await readRequest(requester.accessToken, { secretId: secret });
    expect(request.blocked).toBeNull();
    const { jobId } = (await approve(request.id, approverA.accessToken).expect(200)).data;

    const blocked = { code: 'AGENT_LACKS_CAPABILITY', reason: expect.stringContaining(`(${edge.id}) does not run secret.read jobs`) };
    const job = (await t.http.get('/api/v1/jobs/{id}', { params: { id: jobId } }).expect(200)).data;
    expect(job).toMatchObject({ type: 'secret.read', status: 'queued', attempts: 0, targetAgentId: edge.id, blocked });
    expect(await getRequest(request.id)).toMatchObject({ status: 'approved', jobId, blocked });
    const health = (await t.http.get('/api/v1/agent-runtime/health').expect(200)).data;
    expect(health).toMatchObject({
      status: 'degraded',
      queue: { blocked: 1 },
      blocked: [{ type: 'secret.read', targetAgentId: edge.id, selector: null, jobs: 1, ...blocked }],
    });
    expect(health.problems).toContainEqual(
      expect.stringMatching(/^1 queued job no agent can take \(see blocked\); e\.g\. secret\.read \(AGENT_LACKS_CAPABILITY\)/),
    );
    await t.http.post('/api/v1/agents/{id}/jobs/claim', { params: { id: edge.id }, token: null, agentSecret: edge.secret }).expect(204);

    // A report it cannot make: 400, nothing changes.
    await t.http
      .post('/api/v1/agents/{id}/heartbeat', {
        params: { id: edge.id },
        body: { capabilities: ['Secret Read'] },
        token: null,
        agentSecret: edge.secret,
      })
      .expect(400, 'VALIDATION_FAILED');
    // The agent reports what it runs now: the job is no longer blocked, anywhere, and the agent takes it.
    await t.http
      .post('/api/v1/agents/{id}/heartbeat', {
        params: { id: edge.id },
        body: { capabilities: ['secret.read', 'noop', 'sleep', 'http-check', 'noop'] },
        token: null,
        agentSecret: edge.secret,
      })
      .expect(204);
    const reported = (await t.http.get('/api/v1/agents/{id}', { params: { id: edge.id } }).expect(200)).data;
    expect(reported).toMatchObject({
      capabilities: ['http-check', 'noop', 'secret.read', 'sleep'],
      capabilitiesReportedAt: expect.any(String),
    });
    expect((await t.http.get('/api/v1/jobs/{id}', { params: { id: jobId } })).body.data).toMatchObject({ status: 'queued', blocked: null });
    expect(await getRequest(request.id)).toMatchObject({ status: 'approved', blocked: null });
    const after = (await t.http.get('/api/v1/agent-runtime/health')).body.data;
    expect(after.queue.blocked).toBe(0);
    expect(after.blocked).toEqual([]);
    const claimed = await t.http
      .post('/api/v1/agents/{id}/jobs/claim', { params: { id: edge.id }, query: { wait: 5 }, token: null, agentSecret: edge.secret })
      .expectResponse(200);
    expect(claimed.body.data.claims.map((c: { job: { id: string } }) => c.job.id)).toEqual([jobId]);

    // The change is on the record: one event and one audit entry, and the same report again adds neither.
    await t.http
      .post('/api/v1/agents/{id}/heartbeat', {
        params: { id: edge.id },
        body: { capabilities: ['noop', 'sleep', 'http-check', 'secret.read'] },
        token: null,
        agentSecret: edge.secret,
      })
      .expect(204);
    const events = await t.sql<{ type: string; data: Record<string, unknown> }>(
      `SELECT type, data FROM events WHERE resource_id = $1 AND type = 'agent.capabilities_changed'`,
      [edge.id],
    );
    expect(events).toEqual([
      {
        type: 'agent.capabilities_changed',
        data: {
          previous: ['http-check', 'noop', 'sleep'],
          capabilities: ['http-check', 'noop', 'secret.read', 'sleep'],
          added: ['secret.read'],
          removed: [],
        },
      },
    ]);
    expect(
      await t.sql(`SELECT actor_type, actor_id FROM audit_events WHERE action = 'agent.capabilities.report' AND resource_id = $1`, [
        edge.id,
      ]),
    ).toEqual([{ actor_type: 'agent', actor_id: edge.id }]);
    await t.http.post('/api/v1/agents/{id}/jobs/{jobId}/complete', {
      params: { id: edge.id, jobId },
      body: {
        leaseId: claimed.body.data.claims[0].lease.id,
        status: 'failed',
        error: { code: 'TEST', message: 'done with it', retryable: false },
      },
      token: null,
      agentSecret: edge.secret,
    });
  });
});

describe('patch flow', () => {
  test('the new value is sealed at rest, released on the final approval of two stages, retrieved once by the agent in a wire envelope', async () => {
    const value = canary();
    const workflow = (
      await t.http
        .post('/api/v1/workflows', {
          body: {
            name: `Two stages ${hex()}`,
            stages: [
              { name: 'Engineers', requiredApprovals: 2, roleIds: [opsRole], userIds: [] },
              { name: 'Security', requiredApprovals: 1, roleIds: [], userIds: [security.userId] },
            ],
          },
        })
        .expect(201)
    ).data;
    const policy = (
      await t.http
        .post('/api/v1/policies', {
          body: { name: `Cluster ${cluster}`, workflowId: workflow.id, clusterName: cluster, refPattern: 'db-*' },
        })
        .expect(201)
    ).data;

    const created = await t.http
      .post('/api/v1/requests', { body: { secretId, reason: 'rotate after INC-2', value }, token: requester.accessToken })
      .expectResponse(201);
    expect(created.text).not.toContain(value);
    const request = created.body.data;
    expect(request).toMatchObject({
      kind: 'patch',
      status: 'pending',
      approval: { policyId: policy.id, workflowId: workflow.id, currentStage: 0 },
    });
    const sealedRows = await t.sql<{ sealed: Buffer }>('SELECT sealed FROM secret_wraps WHERE request_id = $1', [request.id]);
    expect(sealedRows).toHaveLength(1);
    expect(sealedRows[0].sealed.includes(Buffer.from(value))).toBe(false);

    // Stage 2's approver cannot decide stage 1; stage 1 needs two engineers.
    await approve(request.id, security.accessToken).expect(403, 'NOT_AN_APPROVER');
    expect((await approve(request.id, approverA.accessToken).expect(200)).data).toMatchObject({
      status: 'pending',
      approval: { currentStage: 0, stages: [{ approvals: 1 }, { approvals: 0 }] },
    });
    await approve(request.id, approverA.accessToken).expect(409, 'ALREADY_DECIDED');
    expect((await approve(request.id, approverB.accessToken).expect(200)).data).toMatchObject({
      status: 'pending',
      approval: { currentStage: 1 },
    });
    // Nothing is released before the final approval: the agent has no job.
    await t.http.post('/api/v1/agents/{id}/jobs/claim', { params: { id: agent.id }, token: null, agentSecret: agent.secret }).expect(204);
    const pendingForSecurity = (await t.http.get('/api/v1/my/pending-approvals', { token: security.accessToken })).body.data;
    expect(pendingForSecurity.map((p: { subjectId: string }) => p.subjectId)).toContain(request.id);
    expect((await approve(request.id, security.accessToken).expect(200)).data).toMatchObject({
      status: 'approved',
      approval: { status: 'approved', currentStage: 2 },
    });

    const { job, lease } = await claimJob();
    expect(job).toMatchObject({
      type: 'secret.patch',
      payload: {
        requestId: request.id,
        secret: { clusterName: cluster, namespace: 'payments', provider: 'kubernetes', ref: 'db-password' },
      },
    });
    expect(JSON.stringify(job)).not.toContain(value);
    const wrapId = job.payload.wrapId as string;
    const got = (
      await t.http
        .get('/api/v1/agents/{id}/wraps/{wrapId}', { params: { id: agent.id, wrapId }, token: null, agentSecret: agent.secret })
        .expect(200)
    ).data;
    expect(got.envelope).not.toContain(value);
    expect(openWireEnvelope(agent.privateKey, Buffer.from(got.envelope, 'base64url'), got.context).toString('utf8')).toBe(value);
    await t.http
      .get('/api/v1/agents/{id}/wraps/{wrapId}', { params: { id: agent.id, wrapId }, token: null, agentSecret: agent.secret })
      .expect(410, 'GONE');
    await completeJob(job.id, lease.id).expect(204);
    expect(await getRequest(request.id)).toMatchObject({ status: 'completed' });
    await t.http.delete('/api/v1/policies/{id}', { params: { id: policy.id } });
  });

  test('a rejection decides at once and shreds the sealed value; no job is sent', async () => {
    const request = (
      await t.http
        .post('/api/v1/requests', { body: { secretId, reason: 'try this', value: canary() }, token: requester.accessToken })
        .expect(201)
    ).data;
    await t.http
      .post('/api/v1/requests/{id}/reject', { params: { id: request.id }, body: {}, token: approverA.accessToken })
      .expect(400, 'VALIDATION_FAILED');
    const rejected = (
      await t.http
        .post('/api/v1/requests/{id}/reject', {
          params: { id: request.id },
          body: { reason: 'not during the freeze' },
          token: approverA.accessToken,
        })
        .expect(200)
    ).data;
    expect(rejected).toMatchObject({
      status: 'rejected',
      jobId: null,
      approval: { status: 'rejected', decisions: [{ decision: 'reject', comment: 'not during the freeze' }] },
    });
    await approve(request.id, approverB.accessToken).expect(409, 'ALREADY_DECIDED');
    expect(await t.sql('SELECT sealed, shred_reason FROM secret_wraps WHERE request_id = $1', [request.id])).toEqual([
      { sealed: null, shred_reason: 'withdrawn' },
    ]);
    await t.http.post('/api/v1/agents/{id}/jobs/claim', { params: { id: agent.id }, token: null, agentSecret: agent.secret }).expect(204);
  });
});

describe('approval rules', () => {
  test('self-approval is 422, a viewer cannot approve, a body naming someone else is refused, a reason is required', async () => {
    const request = await readRequest();
    await approve(request.id, requester.accessToken).expect(422, 'SELF_APPROVAL_FORBIDDEN');
    await t.http
      .post('/api/v1/requests/{id}/reject', { params: { id: request.id }, body: { reason: 'no' + 'pe' }, token: requester.accessToken })
      .expect(422, 'SELF_APPROVAL_FORBIDDEN');
    await approve(request.id, viewer.accessToken).expect(403, 'FORBIDDEN');
    await approve(request.id, approverA.accessToken, { approverId: approverB.userId }).expect(422, 'APPROVER_MISMATCH');
    await t.http.post('/api/v1/requests/read', { body: { secretId }, token: requester.accessToken }).expect(400, 'VALIDATION_FAILED');
    await t.http.post('/api/v1/requests/read', { body: { secretId, reason: 'x' }, token: viewer.accessToken }).expect(403, 'FORBIDDEN');
    await t.http
      .post('/api/v1/requests/read', {
        body: { secretId: '00000000-0000-7000-8000-000000000000', reason: 'why not' },
        token: requester.accessToken,
      })
      .expect(422, 'UNKNOWN_SECRET');
    // None of it decided anything.
    expect(await getRequest(request.id)).toMatchObject({ status: 'pending', approval: { decisions: [] } });
    await approve(request.id, approverA.accessToken, { approverId: approverA.userId }).expect(200);
  });

  test('only the requester cancels, only while pending', async () => {
    const request = await readRequest();
    await t.http
      .post('/api/v1/requests/{id}/cancel', { params: { id: request.id }, body: {}, token: approverA.accessToken })
      .expect(403, 'NOT_THE_REQUESTER');
    expect(
      (
        await t.http
          .post('/api/v1/requests/{id}/cancel', { params: { id: request.id }, body: {}, token: requester.accessToken })
          .expect(200)
      ).data,
    ).toMatchObject({ status: 'cancelled', approval: { status: 'cancelled' } });
    await approve(request.id, approverA.accessToken).expect(409, 'ALREADY_DECIDED');
    const approved = await readRequest();
    await approve(approved.id, approverA.accessToken).expect(200);
    await t.http
      .post('/api/v1/requests/{id}/cancel', { params: { id: approved.id }, body: {}, token: requester.accessToken })
      .expect(409, 'CONFLICT');
    // Leave the queue empty for the other tests.
    const { job, lease } = await claimJob();
    await completeJob(job.id, lease.id, 'failed');
  });

  test('an undecided request expires (the sweeper), and then cannot be decided', async () => {
    const request = await readRequest();
    await t.sql(`UPDATE approval_gates SET expires_at = now() - interval '1 second' WHERE subject_id = $1`, [request.id]);
    let status = '';
    for (let i = 0; i < 40 && status !== 'expired'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      status = (await getRequest(request.id)).status;
    }
    expect(await getRequest(request.id)).toMatchObject({ status: 'expired', approval: { status: 'expired' } });
    await approve(request.id, approverA.accessToken).expect(409, 'ALREADY_DECIDED');
  });

  test('concurrent approvals of a one-approval stage dispatch exactly one job', async () => {
    const request = await readRequest();
    const results = await Promise.all([approverA, approverB, approverA, approverB].map((m) => approve(request.id, m.accessToken)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    const jobs = await t.sql<{ n: string }>(`SELECT count(*) AS n FROM jobs WHERE payload ->> 'requestId' = $1`, [request.id]);
    expect(Number(jobs[0].n)).toBe(1);
    const { job, lease } = await claimJob();
    await completeJob(job.id, lease.id, 'failed');
  });

  test("an approval that lapsed stops counting: its stage opens again, for its approvers and not the next stage's", async () => {
    const workflow = (
      await t.http
        .post('/api/v1/workflows', {
          body: {
            name: `Lapse ${hex()}`,
            stages: [
              { name: 'Engineer', requiredApprovals: 1, roleIds: [opsRole], userIds: [] },
              { name: 'Security', requiredApprovals: 1, roleIds: [], userIds: [security.userId] },
            ],
          },
        })
        .expect(201)
    ).data;
    const policy = (
      await t.http
        .post('/api/v1/policies', { body: { name: `Lapse ${hex()}`, workflowId: workflow.id, clusterName: cluster, priority: 1 } })
        .expect(201)
    ).data;
    const pendingFor = async (m: Member) =>
      (await t.http.get('/api/v1/my/pending-approvals', { token: m.accessToken })).body.data.map((p: { subjectId: string }) => p.subjectId);
    try {
      const request = await readRequest();
      await approve(request.id, approverA.accessToken).expect(200);
      expect(await pendingFor(security)).toContain(request.id);
      expect(await pendingFor(approverB)).not.toContain(request.id);

      await t.sql(
        `UPDATE approval_decisions SET expires_at = now() - interval '1 second' WHERE approver_id = $1 AND gate_id = (SELECT id FROM approval_gates WHERE subject_id = $2)`,
        [approverA.userId, request.id],
      );
      expect(await getRequest(request.id)).toMatchObject({
        status: 'pending',
        approval: { currentStage: 0, stages: [{ approvals: 0 }, { approvals: 0 }] },
      });
      expect(await pendingFor(approverB)).toContain(request.id);
      expect(await pendingFor(security)).not.toContain(request.id);
      await approve(request.id, security.accessToken).expect(403, 'NOT_AN_APPROVER');

      await approve(request.id, approverB.accessToken).expect(200);
      expect((await approve(request.id, security.accessToken).expect(200)).data.status).toBe('approved');
      const { job, lease } = await claimJob();
      await completeJob(job.id, lease.id, 'failed');
    } finally {
      await t.http.delete('/api/v1/policies/{id}', { params: { id: policy.id } });
    }
  });

  test('a cancel racing an approval: one of them wins, the other is 409, never a 500', async () => {
    for (let i = 0; i < 5; i++) {
      const request = await readRequest();
      const [cancelled, approved] = await Promise.all([
        t.http.post('/api/v1/requests/{id}/cancel', { params: { id: request.id }, body: {}, token: requester.accessToken }),
        approve(request.id, approverA.accessToken),
      ]);
      expect([cancelled.status, approved.status].sort()).toEqual([200, 409]);
      const final = await getRequest(request.id);
      expect(final.status).toBe(cancelled.status === 200 ? 'cancelled' : 'approved');
      if (final.status === 'approved') {
        const { job, lease } = await claimJob();
        await completeJob(job.id, lease.id, 'failed');
      }
    }
  });

  test('GET /requests filters by requester and status', async () => {
    const mine = (
      await t.http.get('/api/v1/requests', { query: { requester_id: requester.userId, status: 'completed', pageSize: 100 } }).expect(200)
    ).data;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((r: { requesterId: string; status: string }) => r.requesterId === requester.userId && r.status === 'completed')).toBe(
      true,
    );
    await t.http.get('/api/v1/requests', { query: { status: 'nope' } }).expect(400, 'VALIDATION_FAILED');
  });
});

describe('workflows and policies', () => {
  test('stages must name approvers that exist and can be satisfied; a workflow in use cannot be deleted', async () => {
    const stage = { name: 's', requiredApprovals: 1, roleIds: [], userIds: [] };
    await t.http.post('/api/v1/workflows', { body: { name: `w-${hex()}`, stages: [stage] } }).expect(400, 'VALIDATION_FAILED');
    await t.http
      .post('/api/v1/workflows', {
        body: { name: `w-${hex()}`, stages: [{ ...stage, roleIds: ['00000000-0000-7000-8000-000000000000'] }] },
      })
      .expect(400, 'VALIDATION_FAILED');
    await t.http
      .post('/api/v1/workflows', { body: { name: `w-${hex()}`, stages: [{ ...stage, requiredApprovals: 2, userIds: [security.userId] }] } })
      .expect(422, 'UNSATISFIABLE_STAGE');
    await t.http.post('/api/v1/workflows', { body: { name: `w-${hex()}`, stages: [] } }).expect(400, 'VALIDATION_FAILED');
    const w = (
      await t.http
        .post('/api/v1/workflows', {
          body: { name: `w-${hex()}`, stages: [{ ...stage, userIds: [security.userId] }], requestTtlSeconds: 600 },
        })
        .expect(201)
    ).data;
    await t.http
      .post('/api/v1/workflows', { body: { name: w.name, stages: [{ ...stage, userIds: [security.userId] }] } })
      .expect(409, 'CONFLICT');
    const p = (
      await t.http.post('/api/v1/policies', { body: { name: `p-${hex()}`, workflowId: w.id, refPattern: 'nothing-matches-*' } }).expect(201)
    ).data;
    await t.http.delete('/api/v1/workflows/{id}', { params: { id: w.id } }).expect(409, 'CONFLICT');
    expect(
      (await t.http.put('/api/v1/workflows/{id}', { params: { id: w.id }, body: { description: 'edited' } }).expect(200)).data,
    ).toMatchObject({ description: 'edited', requestTtlSeconds: 600 });
    for (const body of [{ name: null }, { stages: null }, { requestTtlSeconds: null }])
      await t.http.put('/api/v1/workflows/{id}', { params: { id: w.id }, body }).expect(400, 'VALIDATION_FAILED');
    await t.http.put('/api/v1/policies/{id}', { params: { id: p.id }, body: { priority: null } }).expect(400, 'VALIDATION_FAILED');
    expect(
      (await t.http.put('/api/v1/policies/{id}', { params: { id: p.id }, body: { refPattern: null, clusterName: cluster } }).expect(200))
        .data,
    ).toMatchObject({ refPattern: null, clusterName: cluster });
    await t.http.put('/api/v1/policies/{id}', { params: { id: p.id }, body: { refPattern: 'nothing-matches-*', clusterName: null } });
    await t.http.post('/api/v1/policies', { body: { name: `d-${hex()}`, workflowId: w.id, isDefault: true } }).expect(409, 'CONFLICT');
    await t.http
      .post('/api/v1/policies', { body: { name: `d-${hex()}`, workflowId: w.id, isDefault: true, clusterName: 'x' } })
      .expect(422, 'DEFAULT_POLICY_HAS_CRITERIA');
    await t.http
      .post('/api/v1/policies', { body: { name: `e-${hex()}`, workflowId: '00000000-0000-7000-8000-000000000000' } })
      .expect(422, 'UNKNOWN_WORKFLOW');
    await t.http.delete('/api/v1/policies/{id}', { params: { id: p.id } }).expect(204);
    await t.http.delete('/api/v1/workflows/{id}', { params: { id: w.id } }).expect(204);
    // Approval workflows and policies decide who may release secrets: operations engineers read them, never edit them.
    await t.http.get('/api/v1/policies', { token: approverA.accessToken }).expect(200);
    await t.http
      .post('/api/v1/workflows', {
        body: { name: `w-${hex()}`, stages: [{ ...stage, userIds: [approverA.userId] }] },
        token: approverA.accessToken,
      })
      .expect(403, 'FORBIDDEN');
  });

  test('the most specific matching policy at the lowest priority wins; without any policy a request is refused', async () => {
    const stage = { name: 's', requiredApprovals: 1, roleIds: [opsRole], userIds: [] };
    const w = (await t.http.post('/api/v1/workflows', { body: { name: `m-${hex()}`, stages: [stage] } }).expect(201)).data;
    const broad = (
      await t.http.post('/api/v1/policies', { body: { name: `broad-${hex()}`, workflowId: w.id, clusterName: cluster } }).expect(201)
    ).data;
    const narrow = (
      await t.http
        .post('/api/v1/policies', { body: { name: `narrow-${hex()}`, workflowId: w.id, clusterName: cluster, refPattern: 'db-*' } })
        .expect(201)
    ).data;
    expect((await readRequest()).approval.policyId).toBe(narrow.id);
    await t.http.put('/api/v1/policies/{id}', { params: { id: broad.id }, body: { priority: 10 } });
    const r = await readRequest();
    expect(r.approval.policyId).toBe(broad.id);
    await t.http.post('/api/v1/requests/{id}/cancel', { params: { id: r.id }, body: {}, token: requester.accessToken });
    await t.http.delete('/api/v1/policies/{id}', { params: { id: broad.id } });
    await t.http.delete('/api/v1/policies/{id}', { params: { id: narrow.id } });

    const other = await otherOrganization(t, t.token);
    const theirs = (await t.http.post('/api/v1/agents', { body: { name: 'a' }, token: other.owner.accessToken })).body.data;
    await t.http.post('/api/v1/agents/{id}/secrets/bulk', {
      params: { id: theirs.agent.id },
      body: { secrets: [{ clusterName: 'c', provider: 'vault', ref: 'r' }] },
      token: null,
      agentSecret: theirs.agentSecret,
    });
    const theirSecret = (await t.http.get('/api/v1/secrets', { token: other.owner.accessToken })).body.data[0].id;
    await t.http
      .post('/api/v1/requests/read', { body: { secretId: theirSecret, reason: 'no policy yet' }, token: other.owner.accessToken })
      .expect(422, 'NO_APPROVAL_POLICY');
  });
});

test('another organization sees none of it: requests, wraps, workflows and policies are 404; its agent cannot take a data key', async () => {
  const request = await readRequest();
  const other = await otherOrganization(t, t.token);
  const as = other.owner.accessToken;
  await t.http.get('/api/v1/requests/{id}', { params: { id: request.id }, token: as }).expect(404, 'NOT_FOUND');
  await approve(request.id, as).expect(404, 'NOT_FOUND');
  await t.http.get('/api/v1/requests/{id}/wraps', { params: { id: request.id }, token: as }).expect(404, 'NOT_FOUND');
  await t.http
    .get('/api/v1/requests/{id}/wraps/{wrapId}', { params: { id: request.id, wrapId: request.id }, token: as })
    .expect(404, 'NOT_FOUND');
  expect((await t.http.get('/api/v1/requests', { token: as })).body.data).toEqual([]);
  expect((await t.http.get('/api/v1/my/pending-approvals', { token: as })).body.data).toEqual([]);
  const ours = (await t.http.get('/api/v1/workflows')).body.data[0];
  await t.http.get('/api/v1/workflows/{id}', { params: { id: ours.id }, token: as }).expect(404, 'NOT_FOUND');
  const { jobId } = (await approve(request.id, approverA.accessToken)).body.data;
  const theirs = (await t.http.post('/api/v1/agents', { body: { name: 'b' }, token: as })).body.data;
  await t.http
    .post('/api/v1/agents/{id}/dek', { params: { id: theirs.agent.id }, body: { jobId }, token: null, agentSecret: theirs.agentSecret })
    .expect(404, 'NOT_FOUND');
  const { job, lease } = await claimJob();
  await completeJob(job.id, lease.id, 'failed');
});

test('the canary values appear in no log line, audit row, event, job or list response', async () => {
  expect(canaries.length).toBeGreaterThanOrEqual(5);
  const output = t.output();
  const audit = JSON.stringify(await t.sql('SELECT * FROM audit_events'));
  const events = JSON.stringify(await t.sql('SELECT * FROM events'));
  const jobs = JSON.stringify(await t.sql('SELECT * FROM jobs'));
  const idempotency = JSON.stringify(await t.sql('SELECT * FROM idempotency_keys'));
  const lists = [
    (await t.http.get('/api/v1/requests', { query: { pageSize: 100 } })).text,
    (await t.http.get('/api/v1/my/pending-approvals', { query: { pageSize: 100 }, token: approverA.accessToken })).text,
    (await t.http.get('/api/v1/audit-events', { query: { pageSize: 100 } })).text,
    (await t.http.get('/api/v1/jobs', { query: { pageSize: 100 } })).text,
  ].join('\n');
  for (const value of canaries) {
    for (const [where, text] of Object.entries({ output, audit, events, jobs, idempotency, lists }))
      expect({ where, found: text.includes(value) }).toEqual({ where, found: false });
  }
  // And the broker left its trail: who asked, who approved, which agent fetched, when the value was released.
  const actions = new Set((await t.sql<{ action: string }>('SELECT action FROM audit_events')).map((r) => r.action));
  for (const action of [
    'secret_request.create',
    'secret_request.approve',
    'secret_request.reject',
    'secret.dek_issue',
    'secret_wrap.create',
    'secret_wrap.release',
    'secret_request.complete',
    'secret_wrap.shred',
  ])
    expect(actions).toContain(action);
});
