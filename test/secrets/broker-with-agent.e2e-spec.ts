import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AgentProcess, killAgents, waitFor } from '../support/agent-process.js';
import { addMember, type Member, roleIdByKey } from '../support/fixtures.js';
import { ADMIN, type RunningServer, spawnServer } from '../support/server.js';
import { useServer } from '../support/use-server.js';

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
const t = useServer({
  ...shared,
  SECRET_WRAP_TTL_SECONDS: String(WRAP_TTL_SECONDS),
  BROKER_SWEEP_INTERVAL_MS: '250',
  AGENT_HEARTBEAT_INTERVAL_SECONDS: '1',
});
let replica: RunningServer | undefined;
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
  [requester, approver, viewer] = await Promise.all([
    addMember(t, t.token, ['ops_engineer']),
    addMember(t, t.token, ['ops_engineer']),
    addMember(t, t.token, ['viewer']),
  ]);
  const workflow = await t.http
    .post('/api/v1/workflows', {
      body: {
        name: 'Peer review',
        stages: [{ name: 'Peer', requiredApprovals: 1, roleIds: [await roleIdByKey(t, t.token, 'ops_engineer')], userIds: [] }],
      },
    })
    .expectResponse(201);
  await t.http
    .post('/api/v1/policies', { body: { name: 'Everything', workflowId: workflow.body.data.id, isDefault: true } })
    .expectResponse(201);

  // Minted as the README's agents tour mints it: the capabilities it is given do not include the secret jobs.
  const minted = (
    await t.http
      .post('/api/v1/agents', { body: { name: 'secrets-agent', capabilities: ['noop', 'sleep', 'http-check'], labels: { region: 'eu' } } })
      .expect(201)
  ).data;
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
  const found = (await t.http.get('/api/v1/secrets', { query: { cluster_name: cluster } }).expect(200)).data as {
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

const request = async (id: string) => (await t.http.get('/api/v1/requests/{id}', { params: { id } }).expect(200)).data;
const settled = (id: string) =>
  waitFor(`request ${id} to settle`, async () => {
    const r = await request(id);
    return ['completed', 'failed'].includes(r.status) ? r : undefined;
  });

/** The requester asks to read the secret `ref`; answers the request as made. */
async function askToRead(ref: string, reason: string): Promise<Record<string, any>> {
  const body = { secretId: secretIds[ref], reason };
  return (await t.http.post('/api/v1/requests/read', { body, token: requester.accessToken }).expect(201)).data;
}

async function approvedRead(ref: string): Promise<{ id: string; wrapId: string }> {
  const made = await askToRead(ref, 'INC-7: verify the credential');
  await t.http
    .post('/api/v1/requests/{id}/approve', { params: { id: made.id }, body: { comment: 'go' }, token: approver.accessToken })
    .expect(200);
  expect(await settled(made.id)).toMatchObject({ status: 'completed' });
  const wraps = (await t.http.get('/api/v1/requests/{id}/wraps', { params: { id: made.id }, token: requester.accessToken }).expect(200))
    .data;
  expect(wraps).toHaveLength(1);
  return { id: made.id, wrapId: wraps[0].id };
}

test("the README's tour as written: the agent minted with noop, sleep and http-check serves secrets; two stages approve; the value arrives once", async () => {
  // The agent reported what its handlers run, which replaced what it was minted with.
  const agentNow = (await t.http.get('/api/v1/agents/{id}', { params: { id: agentId } }).expect(200)).data;
  expect(agentNow).toMatchObject({
    capabilities: ['http-check', 'noop', 'secret.patch', 'secret.read', 'sleep'],
    capabilitiesReportedAt: expect.any(String),
    publicKey: expect.any(String),
  });
  const security = await addMember(t, t.token, ['ops_engineer']);
  const workflow = (
    await t.http
      .post('/api/v1/workflows', {
        body: {
          name: 'Prod secrets',
          stages: [
            { name: 'Peer', requiredApprovals: 1, roleIds: [await roleIdByKey(t, t.token, 'ops_engineer')], userIds: [] },
            { name: 'Security', requiredApprovals: 1, roleIds: [], userIds: [security.userId] },
          ],
        },
      })
      .expect(201)
  ).data;
  const policy = (
    await t.http
      .post('/api/v1/policies', { body: { name: 'Prod databases', workflowId: workflow.id, clusterName: cluster, refPattern: 'db-*' } })
      .expect(201)
  ).data;
  try {
    const made = await askToRead('db-password', 'INC-42: check the DB password');
    expect(made.approval).toMatchObject({ policyId: policy.id, stages: [{ name: 'Peer' }, { name: 'Security' }] });
    const pending = (await t.http.get('/api/v1/my/pending-approvals', { token: approver.accessToken }).expect(200)).data;
    expect(pending.map((p: { subjectId: string }) => p.subjectId)).toContain(made.id);
    expect(
      (
        await t.http
          .post('/api/v1/requests/{id}/approve', { params: { id: made.id }, body: { comment: 'ok' }, token: approver.accessToken })
          .expect(200)
      ).data.status,
    ).toBe('pending');
    expect(
      (
        await t.http
          .post('/api/v1/requests/{id}/approve', { params: { id: made.id }, body: { comment: 'ok' }, token: security.accessToken })
          .expect(200)
      ).data,
    ).toMatchObject({ status: 'approved', blocked: null });
    const done = await settled(made.id);
    expect(done).toMatchObject({ status: 'completed', blocked: null });
    const wraps = (await t.http.get('/api/v1/requests/{id}/wraps', { params: { id: made.id }, token: requester.accessToken }).expect(200))
      .data;
    expect(wraps).toEqual([expect.objectContaining({ state: 'available' })]);
    const wrap = { params: { id: made.id, wrapId: wraps[0].id }, token: requester.accessToken };
    const got = (await t.http.get('/api/v1/requests/{id}/wraps/{wrapId}', wrap).expect(200)).data;
    expect(got).toMatchObject({ value: canaries.read, encoding: 'utf8' });
    await t.http.get('/api/v1/requests/{id}/wraps/{wrapId}', wrap).expect(410, 'GONE');
  } finally {
    await t.http.delete('/api/v1/policies/{id}', { params: { id: policy.id } });
  }
});

test('read: self-approval is refused, a viewer cannot approve; a peer approves, the agent fetches, 20 concurrent retrievals yield the value once, then 410', async () => {
  const made = await askToRead('db-password', 'INC-7: verify the credential');
  const approve = '/api/v1/requests/{id}/approve';
  await t.http.post(approve, { params: { id: made.id }, body: {}, token: requester.accessToken }).expect(422, 'SELF_APPROVAL_FORBIDDEN');
  await t.http.post(approve, { params: { id: made.id }, body: {}, token: viewer.accessToken }).expect(403, 'FORBIDDEN');
  expect((await request(made.id)).status).toBe('pending');
  await t.http.post('/api/v1/requests/{id}/cancel', { params: { id: made.id }, body: {}, token: requester.accessToken });

  const { id, wrapId } = await approvedRead('db-password');
  const wrap = { params: { id, wrapId }, token: requester.accessToken };
  const results = await Promise.all(Array.from({ length: 20 }, () => t.http.get('/api/v1/requests/{id}/wraps/{wrapId}', wrap).response()));
  expect(results.map((r) => r.status).sort()).toEqual([200, ...Array(19).fill(410)]);
  expect(results.find((r) => r.status === 200)!.body.data).toEqual({ wrapId, requestId: id, value: canaries.read, encoding: 'utf8' });
  await t.http.get('/api/v1/requests/{id}/wraps/{wrapId}', wrap).expect(410, 'GONE');
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
  const results = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      t.http
        .get('/api/v1/requests/{id}/wraps/{wrapId}', {
          params: { id, wrapId },
          token: requester.accessToken,
          baseUrl: i % 2 ? replica!.baseUrl : t.baseUrl,
        })
        .response(),
    ),
  );
  expect(results.map((r) => r.status).sort()).toEqual([200, ...Array(19).fill(410)]);
  expect(results.find((r) => r.status === 200)!.body.data.value).toBe(canaries.read);
});

test('patch: approved, the agent retrieves the new value once and writes it to its backend', async () => {
  const file = join(secretsDir, 'payments', 'db-password');
  const made = (
    await t.http
      .post('/api/v1/requests', {
        body: { secretId: secretIds['db-password'], reason: 'rotate after INC-7', value: canaries.patch },
        token: requester.accessToken,
      })
      .expect(201)
  ).data;
  expect(readFileSync(file, 'utf8')).toBe(canaries.read);
  await t.http.post('/api/v1/requests/{id}/approve', { params: { id: made.id }, body: {}, token: approver.accessToken }).expect(200);
  const done = await settled(made.id);
  expect(done).toMatchObject({ status: 'completed', kind: 'patch' });
  expect(readFileSync(file, 'utf8')).toBe(canaries.patch);
  expect(statSync(file).mode & 0o777).toBe(0o600);
  const job = (await t.http.get('/api/v1/jobs/{id}', { params: { id: done.jobId } }).expect(200)).data;
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
  await t.http.get('/api/v1/requests/{id}/wraps/{wrapId}', { params: { id, wrapId }, token: requester.accessToken }).expect(410, 'GONE');
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
    requests: (await t.http.get('/api/v1/requests', { query: { pageSize: 100 } })).text,
    secrets: (await t.http.get('/api/v1/secrets', { query: { cluster_name: cluster } })).text,
    'audit list': (await t.http.get('/api/v1/audit-events', { query: { pageSize: 100 } })).text,
    'job list': (await t.http.get('/api/v1/jobs', { query: { pageSize: 100 } })).text,
    'pending approvals': (await t.http.get('/api/v1/my/pending-approvals', { token: approver.accessToken })).text,
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
