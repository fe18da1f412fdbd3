import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AgentProcess, killAgents, waitFor } from '../support/agent-process.js';
import { expectResponse, raw, type RawResponse } from '../support/contract.js';
import { addMember, type Member, roleIdByKey } from '../support/fixtures.js';
import { ADMIN, type RunningServer, spawnServer, startServer, type TestServer } from '../support/server.js';

/**
 * Issue 5's "done when", end to end: the reference agent serves secrets from a directory; a user asks
 * to read one and to patch one, a peer approves, the agent fetches or writes it, the value comes
 * back to the requester once. Planted canary values must appear in no log line (server or agent),
 * audit row, event, job or list response.
 */
const WRAP_TTL_SECONDS = 4;
const secretsDir = mkdtempSync(join(tmpdir(), 'marshal-secrets-'));
const cluster = `prod-${randomBytes(3).toString('hex')}`;
const canaries = {
  read: `canary-read-${randomBytes(12).toString('hex')}`,
  patch: `canary-patch-${randomBytes(12).toString('hex')}`,
  expiring: `canary-exp-${randomBytes(12).toString('hex')}`,
};

/** Keys shared with a second replica on the same database. */
const shared = {
  JWT_PRIVATE_KEY: generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  ENCRYPTION_KEY: randomBytes(32).toString('base64'),
};
let t: TestServer;
let replica: RunningServer | undefined;
let owner: string;
let requester: Member;
let approver: Member;
let viewer: Member;
let agent: AgentProcess;
let agentSecret: string;
let agentId: string;
const secretIds: Record<string, string> = {};

beforeAll(async () => {
  mkdirSync(join(secretsDir, 'payments'));
  writeFileSync(join(secretsDir, 'payments', 'db-password'), canaries.read, { mode: 0o600 });
  writeFileSync(join(secretsDir, 'api-token'), canaries.expiring, { mode: 0o600 });
  t = await startServer({
    ...shared,
    SECRET_WRAP_TTL_SECONDS: String(WRAP_TTL_SECONDS),
    BROKER_SWEEP_INTERVAL_MS: '250',
    AGENT_HEARTBEAT_INTERVAL_SECONDS: '1',
  });
  owner = (await t.login()).accessToken;
  [requester, approver, viewer] = await Promise.all([
    addMember(t, owner, ['ops_engineer']),
    addMember(t, owner, ['ops_engineer']),
    addMember(t, owner, ['viewer']),
  ]);
  const workflow = expectResponse(
    await call('POST', '/api/v1/workflows', {
      name: 'Peer review',
      stages: [{ name: 'Peer', requiredApprovals: 1, roleIds: [await roleIdByKey(t, owner, 'ops_engineer')], userIds: [] }],
    }),
    'POST',
    '/api/v1/workflows',
    201,
  );
  expectResponse(
    await call('POST', '/api/v1/policies', { name: 'Everything', workflowId: workflow.body.data.id, isDefault: true }),
    'POST',
    '/api/v1/policies',
    201,
  );

  // Minted as the README's agents tour mints it: the capabilities it is given do not include the secret jobs.
  const minted = expectResponse(
    await call('POST', '/api/v1/agents', {
      name: 'secrets-agent',
      capabilities: ['noop', 'sleep', 'http-check'],
      labels: { region: 'eu' },
    }),
    'POST',
    '/api/v1/agents',
    201,
  ).body.data;
  agentSecret = minted.agentSecret;
  agentId = minted.agent.id;
  agent = new AgentProcess(
    'secrets-agent',
    ['--server', t.baseUrl, '--secrets-dir', secretsDir, '--cluster', cluster, '--discover-interval', '5'],
    {
      MARSHAL_AGENT_ID: minted.agent.id,
      MARSHAL_AGENT_SECRET: agentSecret,
    },
  );
  await agent.waitForLine('its first discovery', (l) => l.msg === 'secrets reported');
  const found = expectResponse(await call('GET', `/api/v1/secrets?cluster_name=${cluster}`), 'GET', '/api/v1/secrets', 200).body.data as {
    id: string;
    namespace: string;
    ref: string;
    provider: string;
  }[];
  expect(found.map((s) => `${s.provider}:${s.namespace}/${s.ref}`).sort()).toEqual(['file:/api-token', 'file:payments/db-password']);
  for (const s of found) secretIds[s.ref] = s.id;
}, 60_000);

afterAll(async () => {
  await killAgents();
  await replica?.stop();
  await t?.close();
  rmSync(secretsDir, { recursive: true, force: true });
});

const call = (method: string, path: string, json?: unknown, as = owner): Promise<RawResponse> =>
  raw(t.baseUrl, path, { method, headers: { authorization: `Bearer ${as}` }, json });
const request = async (id: string) =>
  expectResponse(await call('GET', `/api/v1/requests/${id}`), 'GET', '/api/v1/requests/{id}', 200).body.data;
const settled = (id: string) =>
  waitFor(`request ${id} to settle`, async () => {
    const r = await request(id);
    return ['completed', 'failed'].includes(r.status) ? r : undefined;
  });

async function approvedRead(ref: string): Promise<{ id: string; wrapId: string }> {
  const made = expectResponse(
    await call(
      'POST',
      '/api/v1/requests/read',
      { secretId: secretIds[ref], reason: 'INC-7: verify the credential' },
      requester.accessToken,
    ),
    'POST',
    '/api/v1/requests/read',
    201,
  ).body.data;
  expectResponse(
    await call('POST', `/api/v1/requests/${made.id}/approve`, { comment: 'go' }, approver.accessToken),
    'POST',
    '/api/v1/requests/{id}/approve',
    200,
  );
  expect(await settled(made.id)).toMatchObject({ status: 'completed' });
  const wraps = expectResponse(
    await call('GET', `/api/v1/requests/${made.id}/wraps`, undefined, requester.accessToken),
    'GET',
    '/api/v1/requests/{id}/wraps',
    200,
  ).body.data;
  expect(wraps).toHaveLength(1);
  return { id: made.id, wrapId: wraps[0].id };
}

test("the README's tour as written: the agent minted with noop, sleep and http-check serves secrets; two stages approve; the value arrives once", async () => {
  // The agent reported what its handlers run, which replaced what it was minted with.
  const agentNow = expectResponse(await call('GET', `/api/v1/agents/${agentId}`), 'GET', '/api/v1/agents/{id}', 200).body.data;
  expect(agentNow).toMatchObject({
    capabilities: ['http-check', 'noop', 'secret.patch', 'secret.read', 'sleep'],
    capabilitiesReportedAt: expect.any(String),
    publicKey: expect.any(String),
  });
  const security = await addMember(t, owner, ['ops_engineer']);
  const workflow = expectResponse(
    await call('POST', '/api/v1/workflows', {
      name: 'Prod secrets',
      stages: [
        { name: 'Peer', requiredApprovals: 1, roleIds: [await roleIdByKey(t, owner, 'ops_engineer')], userIds: [] },
        { name: 'Security', requiredApprovals: 1, roleIds: [], userIds: [security.userId] },
      ],
    }),
    'POST',
    '/api/v1/workflows',
    201,
  ).body.data;
  const policy = expectResponse(
    await call('POST', '/api/v1/policies', { name: 'Prod databases', workflowId: workflow.id, clusterName: cluster, refPattern: 'db-*' }),
    'POST',
    '/api/v1/policies',
    201,
  ).body.data;
  try {
    const made = expectResponse(
      await call(
        'POST',
        '/api/v1/requests/read',
        { secretId: secretIds['db-password'], reason: 'INC-42: check the DB password' },
        requester.accessToken,
      ),
      'POST',
      '/api/v1/requests/read',
      201,
    ).body.data;
    expect(made.approval).toMatchObject({ policyId: policy.id, stages: [{ name: 'Peer' }, { name: 'Security' }] });
    const pending = expectResponse(
      await call('GET', '/api/v1/my/pending-approvals', undefined, approver.accessToken),
      'GET',
      '/api/v1/my/pending-approvals',
      200,
    ).body.data;
    expect(pending.map((p: { subjectId: string }) => p.subjectId)).toContain(made.id);
    expect(
      expectResponse(
        await call('POST', `/api/v1/requests/${made.id}/approve`, { comment: 'ok' }, approver.accessToken),
        'POST',
        '/api/v1/requests/{id}/approve',
        200,
      ).body.data.status,
    ).toBe('pending');
    expect(
      expectResponse(
        await call('POST', `/api/v1/requests/${made.id}/approve`, { comment: 'ok' }, security.accessToken),
        'POST',
        '/api/v1/requests/{id}/approve',
        200,
      ).body.data,
    ).toMatchObject({ status: 'approved', blocked: null });
    const done = await settled(made.id);
    expect(done).toMatchObject({ status: 'completed', blocked: null });
    const wraps = expectResponse(
      await call('GET', `/api/v1/requests/${made.id}/wraps`, undefined, requester.accessToken),
      'GET',
      '/api/v1/requests/{id}/wraps',
      200,
    ).body.data;
    expect(wraps).toEqual([expect.objectContaining({ state: 'available' })]);
    const got = expectResponse(
      await call('GET', `/api/v1/requests/${made.id}/wraps/${wraps[0].id}`, undefined, requester.accessToken),
      'GET',
      '/api/v1/requests/{id}/wraps/{wrapId}',
      200,
    ).body.data;
    expect(got).toMatchObject({ value: canaries.read, encoding: 'utf8' });
    expectResponse(
      await call('GET', `/api/v1/requests/${made.id}/wraps/${wraps[0].id}`, undefined, requester.accessToken),
      'GET',
      '/api/v1/requests/{id}/wraps/{wrapId}',
      410,
      'GONE',
    );
  } finally {
    await call('DELETE', `/api/v1/policies/${policy.id}`);
  }
});

test('read: self-approval is refused, a viewer cannot approve; a peer approves, the agent fetches, 20 concurrent retrievals yield the value once, then 410', async () => {
  const made = expectResponse(
    await call(
      'POST',
      '/api/v1/requests/read',
      { secretId: secretIds['db-password'], reason: 'INC-7: verify the credential' },
      requester.accessToken,
    ),
    'POST',
    '/api/v1/requests/read',
    201,
  ).body.data;
  expectResponse(
    await call('POST', `/api/v1/requests/${made.id}/approve`, {}, requester.accessToken),
    'POST',
    '/api/v1/requests/{id}/approve',
    422,
    'SELF_APPROVAL_FORBIDDEN',
  );
  expectResponse(
    await call('POST', `/api/v1/requests/${made.id}/approve`, {}, viewer.accessToken),
    'POST',
    '/api/v1/requests/{id}/approve',
    403,
    'FORBIDDEN',
  );
  expect((await request(made.id)).status).toBe('pending');
  await call('POST', `/api/v1/requests/${made.id}/cancel`, {}, requester.accessToken);

  const { id, wrapId } = await approvedRead('db-password');
  const results = await Promise.all(
    Array.from({ length: 20 }, () => call('GET', `/api/v1/requests/${id}/wraps/${wrapId}`, undefined, requester.accessToken)),
  );
  expect(results.map((r) => r.status).sort()).toEqual([200, ...Array(19).fill(410)]);
  expect(results.find((r) => r.status === 200)!.body.data).toEqual({ wrapId, requestId: id, value: canaries.read, encoding: 'utf8' });
  expectResponse(
    await call('GET', `/api/v1/requests/${id}/wraps/${wrapId}`, undefined, requester.accessToken),
    'GET',
    '/api/v1/requests/{id}/wraps/{wrapId}',
    410,
    'GONE',
  );
});

test('two replicas on one database: 20 retrievals spread over both yield the value exactly once', async () => {
  replica = await spawnServer({
    ...shared,
    DATABASE_URL: t.databaseUrl,
    DATABASE_POOL_SIZE: '5',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    RATE_LIMIT_ENABLED: 'false',
    BROKER_SWEEP_INTERVAL_MS: '250',
  });
  const { id, wrapId } = await approvedRead('db-password');
  const path = `/api/v1/requests/${id}/wraps/${wrapId}`;
  const results = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      raw(i % 2 ? replica!.baseUrl : t.baseUrl, path, { headers: { authorization: `Bearer ${requester.accessToken}` } }),
    ),
  );
  expect(results.map((r) => r.status).sort()).toEqual([200, ...Array(19).fill(410)]);
  expect(results.find((r) => r.status === 200)!.body.data.value).toBe(canaries.read);
});

test('patch: approved, the agent retrieves the new value once and writes it to its backend', async () => {
  const file = join(secretsDir, 'payments', 'db-password');
  const made = expectResponse(
    await call(
      'POST',
      '/api/v1/requests',
      { secretId: secretIds['db-password'], reason: 'rotate after INC-7', value: canaries.patch },
      requester.accessToken,
    ),
    'POST',
    '/api/v1/requests',
    201,
  ).body.data;
  expect(readFileSync(file, 'utf8')).toBe(canaries.read);
  expectResponse(
    await call('POST', `/api/v1/requests/${made.id}/approve`, {}, approver.accessToken),
    'POST',
    '/api/v1/requests/{id}/approve',
    200,
  );
  const done = await settled(made.id);
  expect(done).toMatchObject({ status: 'completed', kind: 'patch' });
  expect(readFileSync(file, 'utf8')).toBe(canaries.patch);
  expect(statSync(file).mode & 0o777).toBe(0o600);
  const job = expectResponse(await call('GET', `/api/v1/jobs/${done.jobId}`), 'GET', '/api/v1/jobs/{id}', 200).body.data;
  expect(job).toMatchObject({ type: 'secret.patch', status: 'succeeded', result: { version: expect.any(String) } });
});

test('an unretrieved value expires: 410, and nothing sealed is left', async () => {
  const { id, wrapId } = await approvedRead('api-token');
  await waitFor(
    'the wrap to be shredded',
    async () => {
      const [row] = await t.sql<{ shred_reason: string | null }>('SELECT shred_reason FROM secret_wraps WHERE id = $1', [wrapId]);
      return row.shred_reason === 'expired' ? row : undefined;
    },
    (WRAP_TTL_SECONDS + 5) * 1000,
  );
  expectResponse(
    await call('GET', `/api/v1/requests/${id}/wraps/${wrapId}`, undefined, requester.accessToken),
    'GET',
    '/api/v1/requests/{id}/wraps/{wrapId}',
    410,
    'GONE',
  );
  expect(await t.sql('SELECT sealed FROM secret_wraps WHERE id = $1', [wrapId])).toEqual([{ sealed: null }]);
});

test('no canary in any log line, audit row, event, job or list response', async () => {
  const places: Record<string, string> = {
    'server log': t.output(),
    'replica log': replica?.output() ?? '',
    'agent log': agent.output,
    'audit rows': JSON.stringify(await t.sql('SELECT * FROM audit_events')),
    events: JSON.stringify(await t.sql('SELECT * FROM events')),
    jobs: JSON.stringify(await t.sql('SELECT * FROM jobs')),
    requests: (await call('GET', '/api/v1/requests?pageSize=100')).text,
    secrets: (await call('GET', `/api/v1/secrets?cluster_name=${cluster}`)).text,
    'audit list': (await call('GET', '/api/v1/audit-events?pageSize=100')).text,
    'job list': (await call('GET', '/api/v1/jobs?pageSize=100')).text,
    'pending approvals': (await call('GET', '/api/v1/my/pending-approvals', undefined, approver.accessToken)).text,
  };
  expect(places['agent log']).toContain('secret value posted');
  expect(places['replica log']).toContain('GET');
  for (const value of Object.values(canaries)) {
    for (const [where, text] of Object.entries(places)) expect({ where, leaked: text.includes(value) }).toEqual({ where, leaked: false });
  }
  expect(places['agent log']).not.toContain(agentSecret);
  // Who asked, who approved, which agent fetched, when the value was released: all in the trail.
  const trail = await t.sql<{ action: string; actor_type: string }>(
    `SELECT action, actor_type FROM audit_events WHERE action LIKE 'secret%' ORDER BY occurred_at`,
  );
  expect(trail).toEqual(
    expect.arrayContaining([
      { action: 'secret_request.create', actor_type: 'user' },
      { action: 'secret_request.approve', actor_type: 'user' },
      { action: 'secret.dek_issue', actor_type: 'agent' },
      { action: 'secret_wrap.create', actor_type: 'agent' },
      { action: 'secret_wrap.release', actor_type: 'user' },
      { action: 'secret_wrap.release', actor_type: 'agent' },
      { action: 'secret_wrap.shred', actor_type: 'system' },
    ]),
  );
});
