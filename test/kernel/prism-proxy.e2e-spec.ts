import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { raw, type RawResponse } from '../support/contract.js';
import { startPrismProxy, type PrismProxy } from '../support/prism.js';
import { startServer, type TestServer } from '../support/server.js';

/**
 * An independent validator (Stoplight Prism, as a validating proxy) holds the server's real answers
 * to the committed document: any violation fails.
 */
let t: TestServer;
let prism: PrismProxy;
beforeAll(async () => {
  t = await startServer();
  prism = await startPrismProxy(t.baseUrl);
}, 120_000);
afterAll(async () => {
  await prism?.stop();
  await t?.close();
});

function expectNoViolations(res: RawResponse, status: number): RawResponse {
  const violations = res.headers.get('sl-violations');
  if (violations || res.status !== status) throw new Error(`expected ${status} without violations, got ${res.status}: ${violations ?? ''} ${res.text}`);
  return res;
}

const hex = () => randomBytes(4).toString('hex');

/** One request through the proxy, as a user (bearer) or an agent (its secret); the answer must be `status` and violate nothing. */
async function via(method: string, path: string, status: number, options: { token?: string; agentSecret?: string; json?: unknown; idempotent?: boolean } = {}): Promise<any> {
  const headers: Record<string, string> = {
    ...(options.token && { authorization: `Bearer ${options.token}` }),
    ...(options.agentSecret && { 'x-agent-secret': options.agentSecret }),
    ...(options.idempotent && { 'idempotency-key': `prism-${hex()}${hex()}` }),
  };
  return expectNoViolations(await raw(prism.baseUrl, path, { method, headers, json: options.json }), status).body;
}

async function signIn(): Promise<string> {
  return (await via('POST', '/api/v1/auth/login', 200, { json: { email: 'owner@marshal.test', password: 'correct horse battery staple' } })).data.accessToken;
}

test('identity: login, me, enrollment and API keys', async () => {
  const token = await signIn();
  await via('GET', '/api/v1/me', 200, { token });
  await via('GET', '/api/v1/edge-agent/enrollment', 200, { token });
  await via('POST', '/api/v1/api-keys', 201, { token, json: { name: 'prism', permissions: ['team.read'] } });
  await via('GET', '/api/v1/api-keys', 200, { token });
}, 60_000);

test('tenancy and access: organizations, roles and grants', async () => {
  const token = await signIn();
  const created = (await via('POST', '/api/v1/organizations', 201, { token, json: { name: `Prism ${hex()}` } })).data;
  // The organization a request acts in is the default one unless x-workspace-id picks another.
  const current = (await via('GET', '/api/v1/me', 200, { token })).context.organizationId;
  await via('GET', `/api/v1/organizations/${current}`, 200, { token });
  await via('GET', `/api/v1/organizations/${current}/members`, 200, { token });
  expect((await via('GET', '/api/v1/me/organizations', 200, { token })).data.map((o: { id: string }) => o.id)).toContain(created.id);
  await via('GET', '/api/v1/permissions', 200, { token });
  const role = (await via('POST', '/api/v1/roles', 201, { token, json: { name: `Prism ${hex()}`, permissions: ['team.read'] } })).data;
  await via('GET', `/api/v1/roles/${role.id}`, 200, { token });
  await via('GET', '/api/v1/roles?pageSize=100&sort=name', 200, { token });
  const me = (await via('GET', '/api/v1/me', 200, { token })).data;
  await via('POST', '/api/v1/user-roles', 201, { token, json: { userId: me.user?.id ?? me.id, roleId: role.id } });
  await via('GET', '/api/v1/user-roles', 200, { token });
}, 60_000);

test('jobs: a user submits, an agent claims, reports progress and completes, the user reads it back', async () => {
  const token = await signIn();
  const minted = (await via('POST', '/api/v1/agents', 201, { token, json: { name: `prism-${hex()}`, capabilities: ['prism-check'] } })).data;
  const agent = { id: minted.agent.id as string, secret: minted.agentSecret as string };
  const job = (await via('POST', '/api/v1/jobs', 201, { token, idempotent: true, json: { type: 'prism-check', payload: { target: 'db' } } })).data;
  const claimed = (await via('POST', `/api/v1/agents/${agent.id}/jobs/claim?wait=5`, 200, { agentSecret: agent.secret })).data.claims[0];
  expect(claimed.job.id).toBe(job.id);
  await via('POST', `/api/v1/agents/${agent.id}/jobs/${job.id}/progress`, 200, { agentSecret: agent.secret, json: { leaseId: claimed.lease.id, percent: 50, message: 'half way' } });
  await via('POST', `/api/v1/agents/${agent.id}/jobs/${job.id}/complete`, 204, { agentSecret: agent.secret, json: { leaseId: claimed.lease.id, status: 'succeeded', result: { ok: true } } });
  await via('GET', `/api/v1/jobs/${job.id}`, 200, { token });
  await via('GET', '/api/v1/jobs?status=succeeded&status=failed&pageSize=10', 200, { token });
  await via('GET', `/api/v1/agents/${agent.id}`, 200, { token });
  await via('GET', '/api/v1/agents', 200, { token });
}, 60_000);

test('workflows: a definition, a run of it, its steps; the audit trail of it all', async () => {
  const token = await signIn();
  const definition = (await via('POST', '/api/v1/workflow-definitions', 201, { token, json: { name: `prism-${hex()}`, nodes: [{ id: 'pause', type: 'wait', inputs: { durationSeconds: 1 } }] } })).data;
  await via('GET', `/api/v1/workflow-templates/${definition.id}`, 200, { token });
  await via('GET', '/api/v1/workflow-definitions?pageSize=10', 200, { token });
  const run = (await via('POST', '/api/v1/workflow-runs', 201, { token, idempotent: true, json: { definitionId: definition.id } })).data;
  await via('GET', `/api/v1/workflow-runs/${run.id}`, 200, { token });
  await via('GET', `/api/v1/workflow-runs/${run.id}/steps`, 200, { token });
  await via('GET', `/api/v1/workflow-runs/${run.id}/steps/pause`, 200, { token });
  await via('GET', '/api/v1/workflow-runs?pageSize=10', 200, { token });
  await via('GET', '/api/v1/step-types', 200, { token });
  await via('GET', '/api/v1/audit-events?limit=20', 200, { token });
  await via('GET', '/api/v1/audit-events?action=workflow_definition.*&pageSize=5', 200, { token });
}, 60_000);

test('secrets: an agent reports what it found, a user asks for one under an approval workflow', async () => {
  const token = await signIn();
  const minted = (await via('POST', '/api/v1/agents', 201, { token, json: { name: `prism-${hex()}` } })).data;
  const agent = { id: minted.agent.id as string, secret: minted.agentSecret as string };
  const cluster = `prism-${hex()}`;
  await via('POST', `/api/v1/agents/${agent.id}/secrets/bulk`, 200, { agentSecret: agent.secret, idempotent: true, json: { secrets: [{ clusterName: cluster, namespace: 'payments', provider: 'kubernetes', ref: 'db-password' }] } });
  const secret = (await via('GET', `/api/v1/secrets?clusterName=${cluster}`, 200, { token })).data[0];
  await via('GET', `/api/v1/secrets/${secret.id}`, 200, { token });
  const approvers = (await via('POST', '/api/v1/roles', 201, { token, json: { name: `Prism approvers ${hex()}`, permissions: ['approval.decide'] } })).data;
  const workflow = (await via('POST', '/api/v1/workflows', 201, { token, json: { name: `Prism ${hex()}`, stages: [{ name: 'Peer', requiredApprovals: 1, roleIds: [approvers.id], userIds: [] }] } })).data;
  await via('POST', '/api/v1/policies', 201, { token, json: { name: `Prism ${hex()}`, workflowId: workflow.id, clusterName: cluster } });
  const request = (await via('POST', '/api/v1/requests/read', 201, { token, json: { secretId: secret.id, reason: 'prism: check the contract' } })).data;
  await via('GET', `/api/v1/requests/${request.id}`, 200, { token });
  await via('GET', '/api/v1/requests?status=pending&pageSize=10', 200, { token });
  // The server refuses a field a body does not declare (400 UNKNOWN_FIELD), and the document says so: Prism refuses it first.
  const unknownField = await raw(prism.baseUrl, `/api/v1/requests/${request.id}/cancel`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, json: { reason: 'done looking' } });
  expect(unknownField.status).toBe(422);
  expect(unknownField.text).toContain('additional properties');
  await via('POST', `/api/v1/requests/${request.id}/cancel`, 200, { token, json: {} });
}, 60_000);

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
    const res = await raw(wrong.baseUrl, '/api/v1/auth/login', { method: 'POST', json: { email: 'owner@marshal.test', password: 'correct horse battery staple' } });
    expect(res.headers.get('sl-violations')).toContain('response');
    expect(() => expectNoViolations(res, 200)).toThrow(/without violations/);
  });
});
