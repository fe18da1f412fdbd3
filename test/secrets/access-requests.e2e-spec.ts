import { createCipheriv, generateKeyPairSync, randomBytes } from 'node:crypto';
import { openWireEnvelope, rawPublicKey } from '../../src/kernel/crypto/wire-envelope.js';
import { expectResponse, raw, type RawResponse } from '../support/contract.js';
import { addMember, createRole, type Member, otherOrganization, roleIdByKey } from '../support/fixtures.js';
import { startServer, type TestServer } from '../support/server.js';

/**
 * The broker's flows over HTTP, with the agent's side played by the test: read (data key, sealed
 * value, single retrieval) and patch (sealed at rest, released on approval, sealed to the agent's
 * key), the approval rules, expiry, tenancy — and a canary value that must surface nowhere else.
 */
const WRAP_TTL_SECONDS = 6;
let t: TestServer;
let owner: string;
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
  t = await startServer({ SECRET_WRAP_TTL_SECONDS: String(WRAP_TTL_SECONDS), BROKER_SWEEP_INTERVAL_MS: '250' });
  owner = (await t.login()).accessToken;
  opsRole = await roleIdByKey(t, owner, 'ops_engineer');
  // Security approves what names it, and nothing else: not an operations engineer.
  const securityRole = await createRole(t, owner, `Security ${hex()}`, ['approval.decide', 'secret_request.read']);
  [requester, approverA, approverB, security, viewer] = await Promise.all([
    addMember(t, owner, ['ops_engineer']), addMember(t, owner, ['ops_engineer']), addMember(t, owner, ['ops_engineer']), addMember(t, owner, [securityRole]), addMember(t, owner, ['viewer']),
  ]);
  const minted = (await call('POST', '/api/v1/agents', { name: `cluster-agent-${hex()}` })).body.data;
  const { privateKey, publicKey } = generateKeyPairSync('x25519');
  agent = { id: minted.agent.id, secret: minted.agentSecret, privateKey };
  expect((await asAgent('PUT', `/api/v1/agents/${agent.id}/public-key`, { publicKey: rawPublicKey(publicKey).toString('base64url') })).status).toBe(200);
  cluster = `prod-${hex()}`;
  expect((await asAgent('POST', `/api/v1/agents/${agent.id}/secrets/bulk`, { secrets: [{ clusterName: cluster, namespace: 'payments', provider: 'kubernetes', ref: 'db-password' }] })).status).toBe(200);
  secretId = (await call('GET', `/api/v1/secrets?cluster_name=${cluster}`)).body.data[0].id;
  // One approval from an operations engineer, for everything (the default policy).
  const workflow = expectResponse(await call('POST', '/api/v1/workflows', { name: 'One engineer', stages: [{ name: 'Peer', requiredApprovals: 1, roleIds: [opsRole], userIds: [] }] }), 'POST', '/api/v1/workflows', 201);
  expectResponse(await call('POST', '/api/v1/policies', { name: 'Default', workflowId: workflow.body.data.id, isDefault: true }), 'POST', '/api/v1/policies', 201);
});
afterAll(async () => {
  await t?.close();
});

const hex = () => randomBytes(3).toString('hex');
const canary = () => {
  const value = `canary-${randomBytes(12).toString('hex')}`;
  canaries.push(value);
  return value;
};
const call = (method: string, path: string, json?: unknown, as = owner): Promise<RawResponse> => raw(t.baseUrl, path, { method, headers: { authorization: `Bearer ${as}` }, json });
const asAgent = (method: string, path: string, json?: unknown, who: { id: string; secret: string } = agent): Promise<RawResponse> =>
  raw(t.baseUrl, path, { method, headers: { 'x-agent-secret': who.secret }, json });

async function readRequest(as = requester.accessToken, body: Record<string, unknown> = {}) {
  return expectResponse(await call('POST', '/api/v1/requests/read', { secretId, reason: 'INC-1: check the DB password', ...body }, as), 'POST', '/api/v1/requests/read', 201).body.data;
}
const approve = (id: string, as: string, body: Record<string, unknown> = {}) => call('POST', `/api/v1/requests/${id}/approve`, body, as);
const getRequest = async (id: string, as = owner) => expectResponse(await call('GET', `/api/v1/requests/${id}`, undefined, as), 'GET', '/api/v1/requests/{id}', 200).body.data;

async function claimJob(): Promise<{ job: { id: string; type: string; payload: Record<string, unknown> }; lease: { id: string } }> {
  const res = await asAgent('POST', `/api/v1/agents/${agent.id}/jobs/claim?wait=5`);
  expect(res.status).toBe(200);
  return res.body.data.claims[0];
}
const completeJob = (jobId: string, leaseId: string, status = 'succeeded') =>
  asAgent('POST', `/api/v1/agents/${agent.id}/jobs/${jobId}/complete`, { leaseId, status, ...(status === 'failed' && { error: { code: 'BACKEND', message: 'no such secret', retryable: false } }) });

type IssuedKey = { keyEnvelope: string; keyEnvelopeContext: string; wrappedKey: string; context: string };

/** The data key out of its wire envelope, as the agent that holds the private key opens it. */
const openDataKey = (dek: IssuedKey, privateKey = agent.privateKey): Buffer => openWireEnvelope(privateKey, Buffer.from(dek.keyEnvelope, 'base64url'), dek.keyEnvelopeContext);

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
  const dek = expectResponse(await asAgent('POST', `/api/v1/agents/${agent.id}/dek`, { jobId: job.id }), 'POST', '/api/v1/agents/{id}/dek', 200).body.data;
  expect(openDataKey(dek)).toHaveLength(32);
  const posted = expectResponse(await asAgent('POST', `/api/v1/agents/${agent.id}/wraps`, { jobId: job.id, wrappedKey: dek.wrappedKey, ...sealUnder(dek, value) }), 'POST', '/api/v1/agents/{id}/wraps', 201).body.data;
  expect((await completeJob(job.id, lease.id)).status).toBe(204);
  return posted.wrapId;
}

describe('read flow', () => {
  test('requested, approved by a peer, fetched by the agent, retrieved once by the requester; then 410', async () => {
    const value = canary();
    const request = await readRequest();
    expect(request).toMatchObject({ kind: 'read', status: 'pending', requesterId: requester.userId, agentId: agent.id, secret: { secretId, clusterName: cluster, ref: 'db-password' } });
    expect(request.approval).toMatchObject({ status: 'pending', currentStage: 0, workflowName: 'One engineer', stages: [{ name: 'Peer', requiredApprovals: 1, approvals: 0 }], decisions: [] });

    const mine = expectResponse(await call('GET', '/api/v1/my/pending-approvals', undefined, approverA.accessToken), 'GET', '/api/v1/my/pending-approvals', 200).body.data;
    expect(mine.map((p: { subjectId: string }) => p.subjectId)).toContain(request.id);
    expect(mine.find((p: { subjectId: string }) => p.subjectId === request.id)).toMatchObject({ subjectType: 'secret_request', summary: { kind: 'read', ref: 'db-password' } });
    const own = expectResponse(await call('GET', '/api/v1/my/pending-approvals', undefined, requester.accessToken), 'GET', '/api/v1/my/pending-approvals', 200).body.data;
    expect(own.map((p: { subjectId: string }) => p.subjectId)).not.toContain(request.id);

    const approved = expectResponse(await approve(request.id, approverA.accessToken, { comment: 'ok' }), 'POST', '/api/v1/requests/{id}/approve', 200).body.data;
    expect(approved).toMatchObject({ status: 'approved', approval: { status: 'approved', decisions: [{ approverId: approverA.userId, decision: 'approve', comment: 'ok', stage: 0 }] } });
    expect(approved.jobId).toEqual(expect.any(String));

    const wrapId = await serveRead(value);
    expect(await getRequest(request.id)).toMatchObject({ status: 'completed', completedAt: expect.any(String) });
    const summaries = expectResponse(await call('GET', `/api/v1/requests/${request.id}/wraps`, undefined, requester.accessToken), 'GET', '/api/v1/requests/{id}/wraps', 200);
    expect(summaries.body.data).toEqual([{ id: wrapId, state: 'available', createdAt: expect.any(String), expiresAt: expect.any(String), consumedAt: null }]);
    expect(summaries.text).not.toContain(value);

    // Another member, even the approver: 403; the value stays.
    expectResponse(await call('GET', `/api/v1/requests/${request.id}/wraps/${wrapId}`, undefined, approverA.accessToken), 'GET', '/api/v1/requests/{id}/wraps/{wrapId}', 403, 'NOT_THE_REQUESTER');
    const got = expectResponse(await call('GET', `/api/v1/requests/${request.id}/wraps/${wrapId}`, undefined, requester.accessToken), 'GET', '/api/v1/requests/{id}/wraps/{wrapId}', 200);
    expect(got.body.data).toEqual({ wrapId, requestId: request.id, value, encoding: 'utf8' });
    expect(got.headers.get('cache-control')).toBe('no-store');
    expectResponse(await call('GET', `/api/v1/requests/${request.id}/wraps/${wrapId}`, undefined, requester.accessToken), 'GET', '/api/v1/requests/{id}/wraps/{wrapId}', 410, 'GONE');
    const after = (await call('GET', `/api/v1/requests/${request.id}/wraps`, undefined, requester.accessToken)).body.data;
    expect(after[0]).toMatchObject({ state: 'consumed', consumedAt: expect.any(String) });
    const [row] = await t.sql<{ sealed: Buffer | null; shred_reason: string }>('SELECT sealed, shred_reason FROM secret_wraps WHERE id = $1', [wrapId]);
    expect(row).toEqual({ sealed: null, shred_reason: 'consumed' });
  });

  test('of 20 concurrent retrievals exactly one gets the value; the others 410', async () => {
    const value = canary();
    const request = await readRequest();
    expectResponse(await approve(request.id, approverB.accessToken), 'POST', '/api/v1/requests/{id}/approve', 200);
    const wrapId = await serveRead(value);
    const results = await Promise.all(Array.from({ length: 20 }, () => call('GET', `/api/v1/requests/${request.id}/wraps/${wrapId}`, undefined, requester.accessToken)));
    expect(results.map((r) => r.status).sort()).toEqual([200, ...Array(19).fill(410)]);
    expect(results.find((r) => r.status === 200)!.body.data.value).toBe(value);
  });

  test('with a recipient key, the value leaves sealed to it: only its private key opens it', async () => {
    const value = canary();
    const { privateKey, publicKey } = generateKeyPairSync('x25519');
    expectResponse(await call('POST', '/api/v1/requests/read', { secretId, reason: 'end to end', recipientPublicKey: 'not-a-key' }, requester.accessToken), 'POST', '/api/v1/requests/read', 400, 'VALIDATION_FAILED');
    const request = await readRequest(requester.accessToken, { recipientPublicKey: publicKey.export({ format: 'pem', type: 'spki' }).toString() });
    expect(request.sealedForRecipient).toBe(true);
    expectResponse(await approve(request.id, approverA.accessToken), 'POST', '/api/v1/requests/{id}/approve', 200);
    const wrapId = await serveRead(value);
    const got = expectResponse(await call('GET', `/api/v1/requests/${request.id}/wraps/${wrapId}`, undefined, requester.accessToken), 'GET', '/api/v1/requests/{id}/wraps/{wrapId}', 200);
    expect(got.text).not.toContain(value);
    expect(got.body.data).toMatchObject({ wrapId, encoding: 'wire-envelope', context: `marshal/wrap/v1/${wrapId}` });
    expect(openWireEnvelope(privateKey, Buffer.from(got.body.data.value, 'base64url'), got.body.data.context).toString('utf8')).toBe(value);
    expect(() => openWireEnvelope(generateKeyPairSync('x25519').privateKey, Buffer.from(got.body.data.value, 'base64url'), got.body.data.context)).toThrow();
  });

  test('an unretrieved value expires and is shredded: 410, nothing sealed left', async () => {
    const request = await readRequest();
    expectResponse(await approve(request.id, approverA.accessToken), 'POST', '/api/v1/requests/{id}/approve', 200);
    const wrapId = await serveRead(canary());
    await new Promise((r) => setTimeout(r, (WRAP_TTL_SECONDS + 1) * 1000));
    const [row] = await t.sql<{ sealed: Buffer | null; shred_reason: string }>('SELECT sealed, shred_reason FROM secret_wraps WHERE id = $1', [wrapId]);
    expect(row).toEqual({ sealed: null, shred_reason: 'expired' });
    expectResponse(await call('GET', `/api/v1/requests/${request.id}/wraps/${wrapId}`, undefined, requester.accessToken), 'GET', '/api/v1/requests/{id}/wraps/{wrapId}', 410, 'GONE');
    expect((await call('GET', `/api/v1/requests/${request.id}/wraps`, undefined, requester.accessToken)).body.data[0].state).toBe('expired');
  });

  test("the agent side refuses: a job it does not hold, a value that does not open, a second value", async () => {
    const request = await readRequest();
    const { jobId } = expectResponse(await approve(request.id, approverA.accessToken), 'POST', '/api/v1/requests/{id}/approve', 200).body.data;
    expectResponse(await asAgent('POST', `/api/v1/agents/${agent.id}/dek`, { jobId }), 'POST', '/api/v1/agents/{id}/dek', 409, 'JOB_NOT_HELD');
    const { job, lease } = await claimJob();
    expect(job.id).toBe(jobId);
    const dek = (await asAgent('POST', `/api/v1/agents/${agent.id}/dek`, { jobId })).body.data;
    const sealed = sealUnder(dek, 'x');
    const wrongContext = sealUnder({ ...dek, context: 'elsewhere' }, 'x');
    expectResponse(await asAgent('POST', `/api/v1/agents/${agent.id}/wraps`, { jobId, wrappedKey: dek.wrappedKey, ...wrongContext }), 'POST', '/api/v1/agents/{id}/wraps', 422, 'INVALID_WRAP');
    const other = (await asAgent('POST', `/api/v1/agents/${agent.id}/dek`, { jobId })).body.data;
    expectResponse(await asAgent('POST', `/api/v1/agents/${agent.id}/wraps`, { jobId, wrappedKey: other.wrappedKey, ...sealed }), 'POST', '/api/v1/agents/{id}/wraps', 422, 'INVALID_WRAP');
    expectResponse(await asAgent('POST', `/api/v1/agents/${agent.id}/wraps`, { jobId, wrappedKey: dek.wrappedKey, ...sealed, iv: 'not base64!' }), 'POST', '/api/v1/agents/{id}/wraps', 400, 'VALIDATION_FAILED');
    const posts = await Promise.all(Array.from({ length: 5 }, () => asAgent('POST', `/api/v1/agents/${agent.id}/wraps`, { jobId, wrappedKey: dek.wrappedKey, ...sealed })));
    expect(posts.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(posts.filter((r) => r.status === 409).every((r) => r.body.error.code === 'ALREADY_POSTED')).toBe(true);
    expect((await completeJob(job.id, lease.id)).status).toBe(204);
    expectResponse(await asAgent('POST', `/api/v1/agents/${agent.id}/dek`, { jobId }), 'POST', '/api/v1/agents/{id}/dek', 409, 'JOB_NOT_HELD');
  });

  test('a failed job fails the request, and a job that succeeds without a value fails it too', async () => {
    const failing = await readRequest();
    expectResponse(await approve(failing.id, approverA.accessToken), 'POST', '/api/v1/requests/{id}/approve', 200);
    const first = await claimJob();
    expect((await completeJob(first.job.id, first.lease.id, 'failed')).status).toBe(204);
    expect(await getRequest(failing.id)).toMatchObject({ status: 'failed', failureCode: 'BACKEND' });
    const empty = await readRequest();
    expectResponse(await approve(empty.id, approverA.accessToken), 'POST', '/api/v1/requests/{id}/approve', 200);
    const second = await claimJob();
    expect((await completeJob(second.job.id, second.lease.id)).status).toBe(204);
    expect(await getRequest(empty.id)).toMatchObject({ status: 'failed', failureCode: 'NO_VALUE' });
  });
});

describe('data keys', () => {
  test("a data key leaves only sealed to the agent's X25519 key: never in clear in the answer, a log line or the trail", async () => {
    const request = await readRequest();
    expectResponse(await approve(request.id, approverA.accessToken), 'POST', '/api/v1/requests/{id}/approve', 200);
    const { job, lease } = await claimJob();
    const res = expectResponse(await asAgent('POST', `/api/v1/agents/${agent.id}/dek`, { jobId: job.id }), 'POST', '/api/v1/agents/{id}/dek', 200);
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
    const posted = expectResponse(await asAgent('POST', `/api/v1/agents/${agent.id}/wraps`, { jobId: job.id, wrappedKey: dek.wrappedKey, ...sealUnder(dek, value) }), 'POST', '/api/v1/agents/{id}/wraps', 201).body.data;
    expect((await completeJob(job.id, lease.id)).status).toBe(204);
    expect((await call('GET', `/api/v1/requests/${request.id}/wraps/${posted.wrapId}`, undefined, requester.accessToken)).body.data.value).toBe(value);

    const forms = [key.toString('base64'), key.toString('base64url'), key.toString('hex')];
    const places = { answer: res.text, log: t.output(), audit: JSON.stringify(await t.sql('SELECT * FROM audit_events')), events: JSON.stringify(await t.sql('SELECT * FROM events')) };
    for (const form of forms) for (const [where, text] of Object.entries(places)) expect({ where, leaked: text.includes(form) }).toEqual({ where, leaked: false });
  });

  test('an agent without a registered X25519 key gets no data key: 409 AGENT_KEY_MISSING, and the request fails with its job', async () => {
    const keyless = (await call('POST', '/api/v1/agents', { name: `keyless-${hex()}` })).body.data;
    const as = { id: keyless.agent.id, secret: keyless.agentSecret };
    const where = `keyless-${hex()}`;
    expect((await asAgent('POST', `/api/v1/agents/${as.id}/secrets/bulk`, { secrets: [{ clusterName: where, namespace: 'payments', provider: 'kubernetes', ref: 'db-password' }] }, as)).status).toBe(200);
    const secret = (await call('GET', `/api/v1/secrets?cluster_name=${where}`)).body.data[0].id;
    const request = await readRequest(requester.accessToken, { secretId: secret });
    expectResponse(await approve(request.id, approverA.accessToken), 'POST', '/api/v1/requests/{id}/approve', 200);
    const claimed = await asAgent('POST', `/api/v1/agents/${as.id}/jobs/claim?wait=5`, undefined, as);
    const { job, lease } = claimed.body.data.claims[0];
    expectResponse(await asAgent('POST', `/api/v1/agents/${as.id}/dek`, { jobId: job.id }, as), 'POST', '/api/v1/agents/{id}/dek', 409, 'AGENT_KEY_MISSING');
    expect((await t.sql<{ action: string; outcome: string }>(`SELECT action, outcome FROM audit_events WHERE action = 'secret.dek_issue' AND actor_id = $1`, [as.id]))).toEqual([{ action: 'secret.dek_issue', outcome: 'failure' }]);
    expect((await asAgent('POST', `/api/v1/agents/${as.id}/jobs/${job.id}/complete`, { leaseId: lease.id, status: 'failed', error: { code: 'AGENT_KEY_MISSING', message: 'no key', retryable: false } }, as)).status).toBe(204);
    expect(await getRequest(request.id)).toMatchObject({ status: 'failed', failureCode: 'AGENT_KEY_MISSING' });
  });
});

describe('a job no agent can take', () => {
  test("the agent of the secret lacks secret.read: the job waits, blocked, in the job, the request and the runtime health, until the agent reports it", async () => {
    // Minted as the README's tour mints it: what it may run is what it says, not secret.read.
    const minted = (await call('POST', '/api/v1/agents', { name: `edge-${hex()}`, capabilities: ['noop', 'sleep', 'http-check'] })).body.data;
    const edge = { id: minted.agent.id, secret: minted.agentSecret };
    const where = `edge-${hex()}`;
    const { publicKey } = generateKeyPairSync('x25519');
    expect((await asAgent('PUT', `/api/v1/agents/${edge.id}/public-key`, { publicKey: rawPublicKey(publicKey).toString('base64url') }, edge)).status).toBe(200);
    expect((await asAgent('POST', `/api/v1/agents/${edge.id}/secrets/bulk`, { secrets: [{ clusterName: where, namespace: 'payments', provider: 'kubernetes', ref: 'db-password' }] }, edge)).status).toBe(200);
    const secret = (await call('GET', `/api/v1/secrets?cluster_name=${where}`)).body.data[0].id;
    const request = await readRequest(requester.accessToken, { secretId: secret });
    expect(request.blocked).toBeNull();
    const { jobId } = expectResponse(await approve(request.id, approverA.accessToken), 'POST', '/api/v1/requests/{id}/approve', 200).body.data;

    const blocked = { code: 'AGENT_LACKS_CAPABILITY', reason: expect.stringContaining(`(${edge.id}) does not run secret.read jobs`) };
    const job = expectResponse(await call('GET', `/api/v1/jobs/${jobId}`), 'GET', '/api/v1/jobs/{id}', 200).body.data;
    expect(job).toMatchObject({ type: 'secret.read', status: 'queued', attempts: 0, targetAgentId: edge.id, blocked });
    expect(await getRequest(request.id)).toMatchObject({ status: 'approved', jobId, blocked });
    const health = expectResponse(await call('GET', '/api/v1/agent-runtime/health'), 'GET', '/api/v1/agent-runtime/health', 200).body.data;
    expect(health).toMatchObject({ status: 'degraded', queue: { blocked: 1 }, blocked: [{ type: 'secret.read', targetAgentId: edge.id, selector: null, jobs: 1, ...blocked }] });
    expect(health.problems).toContainEqual(expect.stringMatching(/^1 queued job no agent can take \(see blocked\); e\.g\. secret\.read \(AGENT_LACKS_CAPABILITY\)/));
    expect((await asAgent('POST', `/api/v1/agents/${edge.id}/jobs/claim`, undefined, edge)).status).toBe(204);

    // A report it cannot make: 400, nothing changes.
    expectResponse(await asAgent('POST', `/api/v1/agents/${edge.id}/heartbeat`, { capabilities: ['Secret Read'] }, edge), 'POST', '/api/v1/agents/{id}/heartbeat', 400, 'VALIDATION_FAILED');
    // The agent reports what it runs now: the job is no longer blocked, anywhere, and the agent takes it.
    expect((await asAgent('POST', `/api/v1/agents/${edge.id}/heartbeat`, { capabilities: ['secret.read', 'noop', 'sleep', 'http-check', 'noop'] }, edge)).status).toBe(204);
    const reported = expectResponse(await call('GET', `/api/v1/agents/${edge.id}`), 'GET', '/api/v1/agents/{id}', 200).body.data;
    expect(reported).toMatchObject({ capabilities: ['http-check', 'noop', 'secret.read', 'sleep'], capabilitiesReportedAt: expect.any(String) });
    expect((await call('GET', `/api/v1/jobs/${jobId}`)).body.data).toMatchObject({ status: 'queued', blocked: null });
    expect(await getRequest(request.id)).toMatchObject({ status: 'approved', blocked: null });
    const after = (await call('GET', '/api/v1/agent-runtime/health')).body.data;
    expect(after.queue.blocked).toBe(0);
    expect(after.blocked).toEqual([]);
    const claimed = await asAgent('POST', `/api/v1/agents/${edge.id}/jobs/claim?wait=5`, undefined, edge);
    expect(claimed.status).toBe(200);
    expect(claimed.body.data.claims.map((c: { job: { id: string } }) => c.job.id)).toEqual([jobId]);

    // The change is on the record: one event and one audit entry, and the same report again adds neither.
    expect((await asAgent('POST', `/api/v1/agents/${edge.id}/heartbeat`, { capabilities: ['noop', 'sleep', 'http-check', 'secret.read'] }, edge)).status).toBe(204);
    const events = await t.sql<{ type: string; data: Record<string, unknown> }>(`SELECT type, data FROM events WHERE resource_id = $1 AND type = 'agent.capabilities_changed'`, [edge.id]);
    expect(events).toEqual([{ type: 'agent.capabilities_changed', data: { previous: ['http-check', 'noop', 'sleep'], capabilities: ['http-check', 'noop', 'secret.read', 'sleep'], added: ['secret.read'], removed: [] } }]);
    expect(await t.sql(`SELECT actor_type, actor_id FROM audit_events WHERE action = 'agent.capabilities.report' AND resource_id = $1`, [edge.id])).toEqual([{ actor_type: 'agent', actor_id: edge.id }]);
    await asAgent('POST', `/api/v1/agents/${edge.id}/jobs/${jobId}/complete`, { leaseId: claimed.body.data.claims[0].lease.id, status: 'failed', error: { code: 'TEST', message: 'done with it', retryable: false } }, edge);
  });
});

describe('patch flow', () => {
  test('the new value is sealed at rest, released on the final approval of two stages, retrieved once by the agent in a wire envelope', async () => {
    const value = canary();
    const workflow = expectResponse(
      await call('POST', '/api/v1/workflows', {
        name: `Two stages ${hex()}`,
        stages: [{ name: 'Engineers', requiredApprovals: 2, roleIds: [opsRole], userIds: [] }, { name: 'Security', requiredApprovals: 1, roleIds: [], userIds: [security.userId] }],
      }),
      'POST', '/api/v1/workflows', 201,
    ).body.data;
    const policy = expectResponse(await call('POST', '/api/v1/policies', { name: `Cluster ${cluster}`, workflowId: workflow.id, clusterName: cluster, refPattern: 'db-*' }), 'POST', '/api/v1/policies', 201).body.data;

    const created = expectResponse(await call('POST', '/api/v1/requests', { secretId, reason: 'rotate after INC-2', value }, requester.accessToken), 'POST', '/api/v1/requests', 201);
    expect(created.text).not.toContain(value);
    const request = created.body.data;
    expect(request).toMatchObject({ kind: 'patch', status: 'pending', approval: { policyId: policy.id, workflowId: workflow.id, currentStage: 0 } });
    const sealedRows = await t.sql<{ sealed: Buffer }>('SELECT sealed FROM secret_wraps WHERE request_id = $1', [request.id]);
    expect(sealedRows).toHaveLength(1);
    expect(sealedRows[0].sealed.includes(Buffer.from(value))).toBe(false);

    // Stage 2's approver cannot decide stage 1; stage 1 needs two engineers.
    expectResponse(await approve(request.id, security.accessToken), 'POST', '/api/v1/requests/{id}/approve', 403, 'NOT_AN_APPROVER');
    expect(expectResponse(await approve(request.id, approverA.accessToken), 'POST', '/api/v1/requests/{id}/approve', 200).body.data).toMatchObject({ status: 'pending', approval: { currentStage: 0, stages: [{ approvals: 1 }, { approvals: 0 }] } });
    expectResponse(await approve(request.id, approverA.accessToken), 'POST', '/api/v1/requests/{id}/approve', 409, 'ALREADY_DECIDED');
    expect(expectResponse(await approve(request.id, approverB.accessToken), 'POST', '/api/v1/requests/{id}/approve', 200).body.data).toMatchObject({ status: 'pending', approval: { currentStage: 1 } });
    // Nothing is released before the final approval: the agent has no job.
    expect((await asAgent('POST', `/api/v1/agents/${agent.id}/jobs/claim`)).status).toBe(204);
    const pendingForSecurity = (await call('GET', '/api/v1/my/pending-approvals', undefined, security.accessToken)).body.data;
    expect(pendingForSecurity.map((p: { subjectId: string }) => p.subjectId)).toContain(request.id);
    expect(expectResponse(await approve(request.id, security.accessToken), 'POST', '/api/v1/requests/{id}/approve', 200).body.data).toMatchObject({ status: 'approved', approval: { status: 'approved', currentStage: 2 } });

    const { job, lease } = await claimJob();
    expect(job).toMatchObject({ type: 'secret.patch', payload: { requestId: request.id, secret: { clusterName: cluster, namespace: 'payments', provider: 'kubernetes', ref: 'db-password' } } });
    expect(JSON.stringify(job)).not.toContain(value);
    const wrapId = job.payload.wrapId as string;
    const got = expectResponse(await asAgent('GET', `/api/v1/agents/${agent.id}/wraps/${wrapId}`), 'GET', '/api/v1/agents/{id}/wraps/{wrapId}', 200).body.data;
    expect(got.envelope).not.toContain(value);
    expect(openWireEnvelope(agent.privateKey, Buffer.from(got.envelope, 'base64url'), got.context).toString('utf8')).toBe(value);
    expectResponse(await asAgent('GET', `/api/v1/agents/${agent.id}/wraps/${wrapId}`), 'GET', '/api/v1/agents/{id}/wraps/{wrapId}', 410, 'GONE');
    expect((await completeJob(job.id, lease.id)).status).toBe(204);
    expect(await getRequest(request.id)).toMatchObject({ status: 'completed' });
    await call('DELETE', `/api/v1/policies/${policy.id}`);
  });

  test('a rejection decides at once and shreds the sealed value; no job is sent', async () => {
    const request = expectResponse(await call('POST', '/api/v1/requests', { secretId, reason: 'try this', value: canary() }, requester.accessToken), 'POST', '/api/v1/requests', 201).body.data;
    expectResponse(await call('POST', `/api/v1/requests/${request.id}/reject`, {}, approverA.accessToken), 'POST', '/api/v1/requests/{id}/reject', 400, 'VALIDATION_FAILED');
    const rejected = expectResponse(await call('POST', `/api/v1/requests/${request.id}/reject`, { reason: 'not during the freeze' }, approverA.accessToken), 'POST', '/api/v1/requests/{id}/reject', 200).body.data;
    expect(rejected).toMatchObject({ status: 'rejected', jobId: null, approval: { status: 'rejected', decisions: [{ decision: 'reject', comment: 'not during the freeze' }] } });
    expectResponse(await approve(request.id, approverB.accessToken), 'POST', '/api/v1/requests/{id}/approve', 409, 'ALREADY_DECIDED');
    expect(await t.sql('SELECT sealed, shred_reason FROM secret_wraps WHERE request_id = $1', [request.id])).toEqual([{ sealed: null, shred_reason: 'withdrawn' }]);
    expect((await asAgent('POST', `/api/v1/agents/${agent.id}/jobs/claim`)).status).toBe(204);
  });
});

describe('approval rules', () => {
  test('self-approval is 422, a viewer cannot approve, a body naming someone else is refused, a reason is required', async () => {
    const request = await readRequest();
    expectResponse(await approve(request.id, requester.accessToken), 'POST', '/api/v1/requests/{id}/approve', 422, 'SELF_APPROVAL_FORBIDDEN');
    expectResponse(await call('POST', `/api/v1/requests/${request.id}/reject`, { reason: 'no' + 'pe' }, requester.accessToken), 'POST', '/api/v1/requests/{id}/reject', 422, 'SELF_APPROVAL_FORBIDDEN');
    expectResponse(await approve(request.id, viewer.accessToken), 'POST', '/api/v1/requests/{id}/approve', 403, 'FORBIDDEN');
    expectResponse(await approve(request.id, approverA.accessToken, { approverId: approverB.userId }), 'POST', '/api/v1/requests/{id}/approve', 422, 'APPROVER_MISMATCH');
    expectResponse(await call('POST', '/api/v1/requests/read', { secretId }, requester.accessToken), 'POST', '/api/v1/requests/read', 400, 'VALIDATION_FAILED');
    expectResponse(await call('POST', '/api/v1/requests/read', { secretId, reason: 'x' }, viewer.accessToken), 'POST', '/api/v1/requests/read', 403, 'FORBIDDEN');
    expectResponse(await call('POST', '/api/v1/requests/read', { secretId: '00000000-0000-7000-8000-000000000000', reason: 'why not' }, requester.accessToken), 'POST', '/api/v1/requests/read', 422, 'UNKNOWN_SECRET');
    // None of it decided anything.
    expect(await getRequest(request.id)).toMatchObject({ status: 'pending', approval: { decisions: [] } });
    expectResponse(await approve(request.id, approverA.accessToken, { approverId: approverA.userId }), 'POST', '/api/v1/requests/{id}/approve', 200);
  });

  test('only the requester cancels, only while pending', async () => {
    const request = await readRequest();
    expectResponse(await call('POST', `/api/v1/requests/${request.id}/cancel`, {}, approverA.accessToken), 'POST', '/api/v1/requests/{id}/cancel', 403, 'NOT_THE_REQUESTER');
    expect(expectResponse(await call('POST', `/api/v1/requests/${request.id}/cancel`, {}, requester.accessToken), 'POST', '/api/v1/requests/{id}/cancel', 200).body.data).toMatchObject({ status: 'cancelled', approval: { status: 'cancelled' } });
    expectResponse(await approve(request.id, approverA.accessToken), 'POST', '/api/v1/requests/{id}/approve', 409, 'ALREADY_DECIDED');
    const approved = await readRequest();
    expectResponse(await approve(approved.id, approverA.accessToken), 'POST', '/api/v1/requests/{id}/approve', 200);
    expectResponse(await call('POST', `/api/v1/requests/${approved.id}/cancel`, {}, requester.accessToken), 'POST', '/api/v1/requests/{id}/cancel', 409, 'CONFLICT');
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
    expectResponse(await approve(request.id, approverA.accessToken), 'POST', '/api/v1/requests/{id}/approve', 409, 'ALREADY_DECIDED');
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

  test('an approval that lapsed stops counting: its stage opens again, for its approvers and not the next stage\'s', async () => {
    const workflow = expectResponse(
      await call('POST', '/api/v1/workflows', { name: `Lapse ${hex()}`, stages: [{ name: 'Engineer', requiredApprovals: 1, roleIds: [opsRole], userIds: [] }, { name: 'Security', requiredApprovals: 1, roleIds: [], userIds: [security.userId] }] }),
      'POST', '/api/v1/workflows', 201,
    ).body.data;
    const policy = expectResponse(await call('POST', '/api/v1/policies', { name: `Lapse ${hex()}`, workflowId: workflow.id, clusterName: cluster, priority: 1 }), 'POST', '/api/v1/policies', 201).body.data;
    const pendingFor = async (m: Member) => (await call('GET', '/api/v1/my/pending-approvals', undefined, m.accessToken)).body.data.map((p: { subjectId: string }) => p.subjectId);
    try {
      const request = await readRequest();
      expectResponse(await approve(request.id, approverA.accessToken), 'POST', '/api/v1/requests/{id}/approve', 200);
      expect(await pendingFor(security)).toContain(request.id);
      expect(await pendingFor(approverB)).not.toContain(request.id);

      await t.sql(`UPDATE approval_decisions SET expires_at = now() - interval '1 second' WHERE approver_id = $1 AND gate_id = (SELECT id FROM approval_gates WHERE subject_id = $2)`, [approverA.userId, request.id]);
      expect(await getRequest(request.id)).toMatchObject({ status: 'pending', approval: { currentStage: 0, stages: [{ approvals: 0 }, { approvals: 0 }] } });
      expect(await pendingFor(approverB)).toContain(request.id);
      expect(await pendingFor(security)).not.toContain(request.id);
      expectResponse(await approve(request.id, security.accessToken), 'POST', '/api/v1/requests/{id}/approve', 403, 'NOT_AN_APPROVER');

      expectResponse(await approve(request.id, approverB.accessToken), 'POST', '/api/v1/requests/{id}/approve', 200);
      expect(expectResponse(await approve(request.id, security.accessToken), 'POST', '/api/v1/requests/{id}/approve', 200).body.data.status).toBe('approved');
      const { job, lease } = await claimJob();
      await completeJob(job.id, lease.id, 'failed');
    } finally {
      await call('DELETE', `/api/v1/policies/${policy.id}`);
    }
  });

  test('a cancel racing an approval: one of them wins, the other is 409, never a 500', async () => {
    for (let i = 0; i < 5; i++) {
      const request = await readRequest();
      const [cancelled, approved] = await Promise.all([call('POST', `/api/v1/requests/${request.id}/cancel`, {}, requester.accessToken), approve(request.id, approverA.accessToken)]);
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
    const mine = expectResponse(await call('GET', `/api/v1/requests?requester_id=${requester.userId}&status=completed&pageSize=100`), 'GET', '/api/v1/requests', 200).body.data;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((r: { requesterId: string; status: string }) => r.requesterId === requester.userId && r.status === 'completed')).toBe(true);
    expectResponse(await call('GET', '/api/v1/requests?status=nope'), 'GET', '/api/v1/requests', 400, 'VALIDATION_FAILED');
  });
});

describe('workflows and policies', () => {
  test('stages must name approvers that exist and can be satisfied; a workflow in use cannot be deleted', async () => {
    const stage = { name: 's', requiredApprovals: 1, roleIds: [], userIds: [] };
    expectResponse(await call('POST', '/api/v1/workflows', { name: `w-${hex()}`, stages: [stage] }), 'POST', '/api/v1/workflows', 400, 'VALIDATION_FAILED');
    expectResponse(await call('POST', '/api/v1/workflows', { name: `w-${hex()}`, stages: [{ ...stage, roleIds: ['00000000-0000-7000-8000-000000000000'] }] }), 'POST', '/api/v1/workflows', 400, 'VALIDATION_FAILED');
    expectResponse(await call('POST', '/api/v1/workflows', { name: `w-${hex()}`, stages: [{ ...stage, requiredApprovals: 2, userIds: [security.userId] }] }), 'POST', '/api/v1/workflows', 422, 'UNSATISFIABLE_STAGE');
    expectResponse(await call('POST', '/api/v1/workflows', { name: `w-${hex()}`, stages: [] }), 'POST', '/api/v1/workflows', 400, 'VALIDATION_FAILED');
    const w = expectResponse(await call('POST', '/api/v1/workflows', { name: `w-${hex()}`, stages: [{ ...stage, userIds: [security.userId] }], requestTtlSeconds: 600 }), 'POST', '/api/v1/workflows', 201).body.data;
    expectResponse(await call('POST', '/api/v1/workflows', { name: w.name, stages: [{ ...stage, userIds: [security.userId] }] }), 'POST', '/api/v1/workflows', 409, 'CONFLICT');
    const p = expectResponse(await call('POST', '/api/v1/policies', { name: `p-${hex()}`, workflowId: w.id, refPattern: 'nothing-matches-*' }), 'POST', '/api/v1/policies', 201).body.data;
    expectResponse(await call('DELETE', `/api/v1/workflows/${w.id}`), 'DELETE', '/api/v1/workflows/{id}', 409, 'CONFLICT');
    expect(expectResponse(await call('PUT', `/api/v1/workflows/${w.id}`, { description: 'edited' }), 'PUT', '/api/v1/workflows/{id}', 200).body.data).toMatchObject({ description: 'edited', requestTtlSeconds: 600 });
    for (const body of [{ name: null }, { stages: null }, { requestTtlSeconds: null }]) expectResponse(await call('PUT', `/api/v1/workflows/${w.id}`, body), 'PUT', '/api/v1/workflows/{id}', 400, 'VALIDATION_FAILED');
    expectResponse(await call('PUT', `/api/v1/policies/${p.id}`, { priority: null }), 'PUT', '/api/v1/policies/{id}', 400, 'VALIDATION_FAILED');
    expect(expectResponse(await call('PUT', `/api/v1/policies/${p.id}`, { refPattern: null, clusterName: cluster }), 'PUT', '/api/v1/policies/{id}', 200).body.data).toMatchObject({ refPattern: null, clusterName: cluster });
    await call('PUT', `/api/v1/policies/${p.id}`, { refPattern: 'nothing-matches-*', clusterName: null });
    expectResponse(await call('POST', '/api/v1/policies', { name: `d-${hex()}`, workflowId: w.id, isDefault: true }), 'POST', '/api/v1/policies', 409, 'CONFLICT');
    expectResponse(await call('POST', '/api/v1/policies', { name: `d-${hex()}`, workflowId: w.id, isDefault: true, clusterName: 'x' }), 'POST', '/api/v1/policies', 422, 'DEFAULT_POLICY_HAS_CRITERIA');
    expectResponse(await call('POST', '/api/v1/policies', { name: `e-${hex()}`, workflowId: '00000000-0000-7000-8000-000000000000' }), 'POST', '/api/v1/policies', 422, 'UNKNOWN_WORKFLOW');
    expectResponse(await call('DELETE', `/api/v1/policies/${p.id}`), 'DELETE', '/api/v1/policies/{id}', 204);
    expectResponse(await call('DELETE', `/api/v1/workflows/${w.id}`), 'DELETE', '/api/v1/workflows/{id}', 204);
    // Approval workflows and policies decide who may release secrets: operations engineers read them, never edit them.
    expectResponse(await call('GET', '/api/v1/policies', undefined, approverA.accessToken), 'GET', '/api/v1/policies', 200);
    expectResponse(await call('POST', '/api/v1/workflows', { name: `w-${hex()}`, stages: [{ ...stage, userIds: [approverA.userId] }] }, approverA.accessToken), 'POST', '/api/v1/workflows', 403, 'FORBIDDEN');
  });

  test('the most specific matching policy at the lowest priority wins; without any policy a request is refused', async () => {
    const stage = { name: 's', requiredApprovals: 1, roleIds: [opsRole], userIds: [] };
    const w = expectResponse(await call('POST', '/api/v1/workflows', { name: `m-${hex()}`, stages: [stage] }), 'POST', '/api/v1/workflows', 201).body.data;
    const broad = expectResponse(await call('POST', '/api/v1/policies', { name: `broad-${hex()}`, workflowId: w.id, clusterName: cluster }), 'POST', '/api/v1/policies', 201).body.data;
    const narrow = expectResponse(await call('POST', '/api/v1/policies', { name: `narrow-${hex()}`, workflowId: w.id, clusterName: cluster, refPattern: 'db-*' }), 'POST', '/api/v1/policies', 201).body.data;
    expect((await readRequest()).approval.policyId).toBe(narrow.id);
    await call('PUT', `/api/v1/policies/${broad.id}`, { priority: 10 });
    const r = await readRequest();
    expect(r.approval.policyId).toBe(broad.id);
    await call('POST', `/api/v1/requests/${r.id}/cancel`, {}, requester.accessToken);
    await call('DELETE', `/api/v1/policies/${broad.id}`);
    await call('DELETE', `/api/v1/policies/${narrow.id}`);

    const other = await otherOrganization(t, owner);
    const theirs = (await raw(t.baseUrl, '/api/v1/agents', { method: 'POST', headers: { authorization: `Bearer ${other.owner.accessToken}` }, json: { name: 'a' } })).body.data;
    await asAgent('POST', `/api/v1/agents/${theirs.agent.id}/secrets/bulk`, { secrets: [{ clusterName: 'c', provider: 'vault', ref: 'r' }] }, { id: theirs.agent.id, secret: theirs.agentSecret });
    const theirSecret = (await call('GET', '/api/v1/secrets', undefined, other.owner.accessToken)).body.data[0].id;
    expectResponse(await call('POST', '/api/v1/requests/read', { secretId: theirSecret, reason: 'no policy yet' }, other.owner.accessToken), 'POST', '/api/v1/requests/read', 422, 'NO_APPROVAL_POLICY');
  });
});

test('another organization sees none of it: requests, wraps, workflows and policies are 404; its agent cannot take a data key', async () => {
  const request = await readRequest();
  const other = await otherOrganization(t, owner);
  const as = other.owner.accessToken;
  expectResponse(await call('GET', `/api/v1/requests/${request.id}`, undefined, as), 'GET', '/api/v1/requests/{id}', 404, 'NOT_FOUND');
  expectResponse(await approve(request.id, as), 'POST', '/api/v1/requests/{id}/approve', 404, 'NOT_FOUND');
  expectResponse(await call('GET', `/api/v1/requests/${request.id}/wraps`, undefined, as), 'GET', '/api/v1/requests/{id}/wraps', 404, 'NOT_FOUND');
  expectResponse(await call('GET', `/api/v1/requests/${request.id}/wraps/${request.id}`, undefined, as), 'GET', '/api/v1/requests/{id}/wraps/{wrapId}', 404, 'NOT_FOUND');
  expect((await call('GET', '/api/v1/requests', undefined, as)).body.data).toEqual([]);
  expect((await call('GET', '/api/v1/my/pending-approvals', undefined, as)).body.data).toEqual([]);
  const ours = (await call('GET', '/api/v1/workflows')).body.data[0];
  expectResponse(await call('GET', `/api/v1/workflows/${ours.id}`, undefined, as), 'GET', '/api/v1/workflows/{id}', 404, 'NOT_FOUND');
  const { jobId } = (await approve(request.id, approverA.accessToken)).body.data;
  const theirs = (await raw(t.baseUrl, '/api/v1/agents', { method: 'POST', headers: { authorization: `Bearer ${as}` }, json: { name: 'b' } })).body.data;
  expectResponse(await asAgent('POST', `/api/v1/agents/${theirs.agent.id}/dek`, { jobId }, { id: theirs.agent.id, secret: theirs.agentSecret }), 'POST', '/api/v1/agents/{id}/dek', 404, 'NOT_FOUND');
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
    (await call('GET', '/api/v1/requests?pageSize=100')).text,
    (await call('GET', '/api/v1/my/pending-approvals?pageSize=100', undefined, approverA.accessToken)).text,
    (await call('GET', '/api/v1/audit-events?pageSize=100')).text,
    (await call('GET', '/api/v1/jobs?pageSize=100')).text,
  ].join('\n');
  for (const value of canaries) {
    for (const [where, text] of Object.entries({ output, audit, events, jobs, idempotency, lists })) expect({ where, found: text.includes(value) }).toEqual({ where, found: false });
  }
  // And the broker left its trail: who asked, who approved, which agent fetched, when the value was released.
  const actions = new Set((await t.sql<{ action: string }>('SELECT action FROM audit_events')).map((r) => r.action));
  for (const action of ['secret_request.create', 'secret_request.approve', 'secret_request.reject', 'secret.dek_issue', 'secret_wrap.create', 'secret_wrap.release', 'secret_request.complete', 'secret_wrap.shred']) expect(actions).toContain(action);
});
