import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { rawPublicKey } from '../../src/kernel/crypto/wire-envelope.js';
import { raw, type RawResponse } from '../support/contract.js';
import { addMember } from '../support/fixtures.js';
import { startPrismProxy, type PrismProxy } from '../support/prism.js';
import { startServer, type TestServer } from '../support/server.js';

/**
 * An independent validator (Stoplight Prism, as a validating proxy) holds the server's real answers
 * to the committed document: every request of the main flows goes through it, and any violation, of
 * the request or of the response, fails. Set-up the flows do not walk (members) goes straight to the
 * server. One server, one Prism, the calls in sequence: the tests share what they create.
 */
let t: TestServer;
let prism: PrismProxy;
beforeAll(async () => {
  t = await startServer({ WORKFLOW_POLL_INTERVAL_MS: '100' });
  prism = await startPrismProxy(t.baseUrl);
}, 120_000);
afterAll(async () => {
  await prism?.stop();
  await t?.close();
});

const hex = () => randomBytes(3).toString('hex');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function expectNoViolations(res: RawResponse, status: number): RawResponse {
  const violations = res.headers.get('sl-violations');
  if (violations || res.status !== status)
    throw new Error(`expected ${status} without violations, got ${res.status}: ${violations ?? ''} ${res.text}`);
  return res;
}

interface Caller {
  /** A user's access token (Authorization: Bearer). */
  token?: string;
  /** An agent's secret (X-Agent-Secret). */
  agentSecret?: string;
  workspace?: string;
  json?: unknown;
}

/**
 * One request through Prism, held to `status` and to no violation. A user's changes carry an
 * Idempotency-Key (required by some operations, accepted by all a user may call).
 */
async function via(method: string, path: string, status: number, caller: Caller = {}): Promise<RawResponse> {
  const headers: Record<string, string> = {};
  if (caller.token) headers.authorization = `Bearer ${caller.token}`;
  if (caller.agentSecret) headers['x-agent-secret'] = caller.agentSecret;
  if (caller.workspace) headers['x-workspace-id'] = caller.workspace;
  if (caller.token && method !== 'GET') headers['idempotency-key'] = randomUUID();
  return expectNoViolations(await raw(prism.baseUrl, path, { method, headers, json: caller.json }), status);
}

/** Polls `path` through Prism (each answer checked) until `done` holds. */
async function until(
  path: string,
  caller: Caller,
  done: (data: Record<string, any>) => boolean,
  timeoutMs = 10_000,
): Promise<Record<string, any>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const data = (await via('GET', path, 200, caller)).body.data;
    if (done(data)) return data;
    if (Date.now() > deadline) throw new Error(`${path}: not reached within ${timeoutMs} ms; last: ${JSON.stringify(data)}`);
    await sleep(150);
  }
}

let owner: string;
let ownerId: string;

describe('the main flows pass through Prism without a violation', () => {
  test('login, me, edge-agent enrollment, API keys', async () => {
    const login = await via('POST', '/api/v1/auth/login', 200, {
      json: { email: 'owner@marshal.test', password: 'correct horse battery staple' },
    });
    owner = login.body.data.accessToken;
    ownerId = (await via('GET', '/api/v1/me', 200, { token: owner })).body.data.id;
    await via('GET', '/api/v1/edge-agent/enrollment', 200, { token: owner });
    await via('POST', '/api/v1/api-keys', 201, { token: owner, json: { name: 'prism', permissions: ['team.read'] } });
    const keys = (await via('GET', '/api/v1/api-keys', 200, { token: owner })).body.data;
    expect(keys.map((k: { name: string }) => k.name)).toContain('prism');
  }, 30_000);

  test('organizations: create, get, list, update its settings', async () => {
    const name = `Prism ${hex()}`;
    const org = (await via('POST', '/api/v1/organizations', 201, { token: owner, json: { name } })).body.data;
    expect(org).toMatchObject({ name });
    const workspace = org.id as string;
    expect((await via('GET', `/api/v1/organizations/${workspace}`, 200, { token: owner, workspace })).body.data).toMatchObject({
      id: workspace,
      name,
    });
    const mine = (await via('GET', '/api/v1/me/organizations', 200, { token: owner })).body.data;
    expect(mine.map((o: { id: string }) => o.id)).toContain(workspace);
    await via('PUT', '/api/v1/workspace/settings', 200, { token: owner, workspace, json: { settings: { timezone: 'Europe/Paris' } } });
    expect((await via('GET', '/api/v1/workspace/settings', 200, { token: owner, workspace })).body.data.settings).toEqual({
      timezone: 'Europe/Paris',
    });
    await via('GET', `/api/v1/organizations/${workspace}/members`, 200, { token: owner, workspace });
  }, 30_000);

  test('roles: list, create a custom role, change it, grant it', async () => {
    const roles = (await via('GET', '/api/v1/roles?pageSize=100', 200, { token: owner })).body.data;
    expect(roles.map((r: { key: string }) => r.key)).toContain('owner');
    const role = (
      await via('POST', '/api/v1/roles', 201, { token: owner, json: { name: `Prism reader ${hex()}`, permissions: ['team.read'] } })
    ).body.data;
    await via('PUT', `/api/v1/roles/${role.id}/permissions`, 200, { token: owner, json: { permissions: ['team.read', 'member.read'] } });
    expect((await via('GET', `/api/v1/roles/${role.id}`, 200, { token: owner })).body.data.permissions).toEqual(
      expect.arrayContaining(['team.read', 'member.read']),
    );
    const member = await addMember(t, owner);
    await via('POST', '/api/v1/user-roles', 201, { token: owner, json: { userId: member.userId, roleId: role.id } });
    const held = (await via('GET', `/api/v1/users/${member.userId}/roles`, 200, { token: owner })).body.data;
    expect(JSON.stringify(held)).toContain(role.id);
  }, 30_000);

  test('jobs: submitted, listed and read by a user; claimed, reported on and completed by an agent', async () => {
    const type = `prism-${hex()}`;
    const minted = (
      await via('POST', '/api/v1/agents', 201, { token: owner, json: { name: `prism-agent-${hex()}`, capabilities: [type] } })
    ).body.data;
    const agent = { id: minted.agent.id as string, agentSecret: minted.agentSecret as string };
    const job = (await via('POST', '/api/v1/jobs', 201, { token: owner, json: { type, payload: { n: 1 }, priority: 5 } })).body.data;
    expect(job).toMatchObject({ type, status: 'queued' });
    const listed = (await via('GET', `/api/v1/jobs?type=${type}`, 200, { token: owner })).body.data;
    expect(listed.map((j: { id: string }) => j.id)).toEqual([job.id]);
    await via('GET', `/api/v1/jobs/${job.id}`, 200, { token: owner });

    await via('POST', `/api/v1/agents/${agent.id}/heartbeat`, 204, { agentSecret: agent.agentSecret, json: {} });
    const claimed = (await via('POST', `/api/v1/agents/${agent.id}/jobs/claim`, 200, { agentSecret: agent.agentSecret })).body.data;
    expect(claimed.claims).toHaveLength(1);
    const [{ job: leased, lease }] = claimed.claims;
    expect(leased).toMatchObject({ id: job.id, status: 'leased', agentId: agent.id });
    await via('POST', `/api/v1/agents/${agent.id}/jobs/${job.id}/progress`, 200, {
      agentSecret: agent.agentSecret,
      json: { leaseId: lease.id, percent: 50, message: 'half way' },
    });
    await via('POST', `/api/v1/agents/${agent.id}/jobs/${job.id}/complete`, 204, {
      agentSecret: agent.agentSecret,
      json: { leaseId: lease.id, status: 'succeeded', result: { ok: true }, usage: { durationMs: 12 } },
    });
    // Nothing is left to claim: 204 with no body.
    await via('POST', `/api/v1/agents/${agent.id}/jobs/claim`, 204, { agentSecret: agent.agentSecret });
    expect((await via('GET', `/api/v1/jobs/${job.id}`, 200, { token: owner })).body.data).toMatchObject({
      status: 'succeeded',
      result: { ok: true },
    });
    await via('GET', `/api/v1/jobs/${job.id}/events`, 200, { token: owner });
    await via('GET', `/api/v1/jobs/${job.id}/usage`, 200, { token: owner });
  }, 30_000);

  test('workflows: a definition, a run started, listed, read until it succeeds, its steps', async () => {
    const definition = (
      await via('POST', '/api/v1/workflow-templates', 201, {
        token: owner,
        json: {
          name: `prism-${hex()}`,
          nodes: [{ id: 'check', type: 'condition', inputs: { left: '${inputs.n}', op: 'eq', right: 1 } }],
          inputSchema: { type: 'object', properties: { n: { type: 'integer' } } },
        },
      })
    ).body.data;
    await via('GET', `/api/v1/workflow-templates/${definition.id}`, 200, { token: owner });
    const run = (await via('POST', '/api/v1/workflow-runs', 201, { token: owner, json: { definitionId: definition.id, inputs: { n: 1 } } }))
      .body.data;
    const runs = (await via('GET', `/api/v1/workflow-runs?pageSize=100`, 200, { token: owner })).body.data;
    expect(runs.map((r: { id: string }) => r.id)).toContain(run.id);
    const done = await until(`/api/v1/workflow-runs/${run.id}`, { token: owner }, (r) => !['pending', 'running'].includes(r.status));
    expect(done.status).toBe('succeeded');
    await via('GET', `/api/v1/workflow-runs/${run.id}/steps`, 200, { token: owner });
    await via('GET', `/api/v1/workflow-runs/${run.id}/events`, 200, { token: owner });
  }, 30_000);

  test('secrets broker: a discovered secret, a read request, listed, read, approved', async () => {
    const minted = (await via('POST', '/api/v1/agents', 201, { token: owner, json: { name: `prism-cluster-${hex()}` } })).body.data;
    const agent = { id: minted.agent.id as string, agentSecret: minted.agentSecret as string };
    const { publicKey } = generateKeyPairSync('x25519');
    await via('PUT', `/api/v1/agents/${agent.id}/public-key`, 200, {
      agentSecret: agent.agentSecret,
      json: { publicKey: rawPublicKey(publicKey).toString('base64url') },
    });
    const cluster = `prism-${hex()}`;
    await via('POST', `/api/v1/agents/${agent.id}/secrets/bulk`, 200, {
      agentSecret: agent.agentSecret,
      json: { secrets: [{ clusterName: cluster, namespace: 'payments', provider: 'kubernetes', ref: 'db-password' }] },
    });
    const [secret] = (await via('GET', `/api/v1/secrets?clusterName=${cluster}`, 200, { token: owner })).body.data;
    await via('GET', `/api/v1/secrets/${secret.id}`, 200, { token: owner });
    // One approval, from the owner: the requester is someone else, who may not approve their own request.
    const workflow = (
      await via('POST', '/api/v1/workflows', 201, {
        token: owner,
        json: { name: `Owner ${hex()}`, stages: [{ name: 'Owner', requiredApprovals: 1, roleIds: [], userIds: [ownerId] }] },
      })
    ).body.data;
    await via('POST', '/api/v1/policies', 201, {
      token: owner,
      json: { name: `Default ${hex()}`, workflowId: workflow.id, isDefault: true },
    });
    const requester = await addMember(t, owner, ['ops_engineer']);

    const request = (
      await via('POST', '/api/v1/requests/read', 201, {
        token: requester.accessToken,
        json: { secretId: secret.id, reason: 'INC-1: check the DB password' },
      })
    ).body.data;
    expect(request).toMatchObject({ kind: 'read', status: 'pending' });
    const listed = (await via('GET', '/api/v1/requests', 200, { token: owner })).body.data;
    expect(listed.map((r: { id: string }) => r.id)).toContain(request.id);
    await via('GET', `/api/v1/requests/${request.id}`, 200, { token: requester.accessToken });
    const pending = (await via('GET', '/api/v1/my/pending-approvals', 200, { token: owner })).body.data;
    expect(pending.map((p: { subjectId: string }) => p.subjectId)).toContain(request.id);
    const approved = (await via('POST', `/api/v1/requests/${request.id}/approve`, 200, { token: owner, json: { comment: 'ok' } })).body
      .data;
    expect(approved).toMatchObject({ status: 'approved', jobId: expect.any(String) });
  }, 30_000);

  test('audit: the events of the flows above, and the chain verified', async () => {
    const events = (await via('GET', '/api/v1/audit-events?pageSize=100', 200, { token: owner })).body.data;
    expect(events.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['organization.create', 'role.create']));
    await via('GET', '/api/v1/audit-events/verify', 200, { token: owner });
  }, 30_000);

  test('a request the document refuses is reported by Prism, not passed on', async () => {
    // `password` is required by the login body.
    const res = await raw(prism.baseUrl, '/api/v1/auth/login', { method: 'POST', json: { email: 'owner@marshal.test' } });
    // Prism's own problem, not the server's 400 envelope: the request never reached the server.
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      type: 'https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY',
      validation: [expect.objectContaining({ location: ['body'], message: expect.stringContaining('password') })],
    });
    expect(() => expectNoViolations(res, 200)).toThrow(/without violations/);
  });

  test('a body field the server does not know (its 400 UNKNOWN_FIELD) is refused by the document too', async () => {
    const res = await raw(prism.baseUrl, '/api/v1/auth/login', {
      method: 'POST',
      json: { email: 'owner@marshal.test', password: 'correct horse battery staple', remember: true },
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      validation: [expect.objectContaining({ location: ['body'], message: expect.stringContaining('additional properties') })],
    });
  });
});

describe('negative control', () => {
  let stub: Server;
  let wrong: PrismProxy;
  beforeAll(async () => {
    // Answers every request with an envelope whose meta.status is a string.
    stub = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ success: true, data: null, error: null, meta: { status: 'ok' }, context: null, links: { self: '/' } }));
    });
    await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
    const { port } = stub.address() as { port: number };
    wrong = await startPrismProxy(`http://127.0.0.1:${port}`);
  }, 120_000);
  afterAll(async () => {
    await wrong?.stop();
    await new Promise((resolve) => stub?.close(resolve));
  });

  test('a wrong body for a documented path is reported as a violation', async () => {
    const res = await raw(wrong.baseUrl, '/api/v1/auth/login', {
      method: 'POST',
      json: { email: 'owner@marshal.test', password: 'correct horse battery staple' },
    });
    expect(res.headers.get('sl-violations')).toContain('response');
    expect(() => expectNoViolations(res, 200)).toThrow(/without violations/);
  });
});
