import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MarshalSchemas } from '../../client/index.js';
import { AgentProcess, killAgents, waitFor } from '../support/agent-process.js';
import { spec } from '../support/contract.js';
import { addMember, type Member, roleIdByKey } from '../support/fixtures.js';
import { httpClient, type RequestOptions } from '../support/http.js';
import { startServer, type TestServer } from '../support/server.js';

/**
 * A server with IDEMPOTENCY_REQUIRED=true refuses every change without an Idempotency-Key, except
 * the agent protocol calls that are idempotent by design: heartbeat, claim, progress and complete.
 * The reference agent, a real process, works against it: it registers with an enrollment token
 * (a public route: no key), sets its public key and reports its secrets (with keys), and runs jobs
 * end to end, a noop and a secret read whose data key and value post carry keys.
 */
type Job = MarshalSchemas['JobDto'];

const workDir = mkdtempSync(join(tmpdir(), 'marshal-strict-'));
const secretsDir = join(workDir, 'secrets');
const stateFile = join(workDir, 'agent.json');
const canary = `canary-${randomBytes(12).toString('hex')}`;
const cluster = `strict-${randomBytes(3).toString('hex')}`;

let t: TestServer;
let owner: string;
let requester: Member;
let approver: Member;
let agent: AgentProcess;
let agentId: string;
let agentSecret: string;

/** As the owner unless a request names another token; every change carries a fresh key: this server requires one. */
const http = httpClient(() => t.baseUrl, { token: () => owner, idempotencyKeys: true });
/** As the agent, with no Idempotency-Key. */
const agentHttp = httpClient(() => t.baseUrl, { token: null });
const asAgent = (options: RequestOptions = {}): RequestOptions => ({ ...options, agentSecret });

beforeAll(async () => {
  mkdirSync(secretsDir);
  writeFileSync(join(secretsDir, 'db-password'), canary, { mode: 0o600 });
  t = await startServer({ IDEMPOTENCY_REQUIRED: 'true', AGENT_HEARTBEAT_INTERVAL_SECONDS: '1', LOG_LEVEL: 'warn' });
  owner = (await t.login()).accessToken;
  [requester, approver] = await Promise.all([addMember(t, owner, ['ops_engineer']), addMember(t, owner, ['ops_engineer'])]);
  const stage = { name: 'Peer', requiredApprovals: 1, roleIds: [await roleIdByKey(t, owner, 'ops_engineer')], userIds: [] };
  const workflow = await http.post('/api/v1/workflows', { body: { name: 'Peer review', stages: [stage] } }).expect(201);
  await http.post('/api/v1/policies', { body: { name: 'Everything', workflowId: workflow.data.id, isDefault: true } }).expect(201);
  const rotated = await http.post('/api/v1/edge-agent/enrollment/rotate', { body: {} }).expect(201);

  const args = [
    '--server',
    t.baseUrl,
    '--name',
    'strict-agent',
    '--state-file',
    stateFile,
    '--secrets-dir',
    secretsDir,
    '--cluster',
    cluster,
    '--discover-interval',
    '5',
  ];
  agent = new AgentProcess('strict-agent', args, { MARSHAL_ENROLLMENT_TOKEN: rotated.data.enrollmentToken });
  agentId = (await agent.waitForLine('its start', (l) => l.msg === 'agent started', 60_000)).agentId!;
  agentSecret = (JSON.parse(readFileSync(stateFile, 'utf8')) as { agentSecret: string }).agentSecret;
  await agent.waitForLine('its first discovery', (l) => l.msg === 'secrets reported', 60_000);
}, 120_000);

afterAll(async () => {
  await killAgents();
  await t?.close();
  rmSync(workDir, { recursive: true, force: true });
});

const job = async (id: string): Promise<Job> => (await http.get('/api/v1/jobs/{id}', { params: { id } }).expect(200)).data;
const request = async (id: string) => (await http.get('/api/v1/requests/{id}', { params: { id } }).expect(200)).data;

describe('the reference agent against a server that requires Idempotency-Keys', () => {
  test('registers, heartbeats and runs a noop job end to end', async () => {
    const submitted = (await http.post('/api/v1/jobs', { body: { type: 'noop', targetAgentId: agentId } }).expect(201)).data as Job;
    const done = await waitFor(
      `job ${submitted.id} to finish`,
      async () => {
        const now = await job(submitted.id);
        return ['succeeded', 'failed', 'cancelled', 'expired'].includes(now.status) ? now : undefined;
      },
      60_000,
    );
    expect(done).toMatchObject({ status: 'succeeded', attempts: 1, agentId });
    const me = (await http.get('/api/v1/agents/{id}', { params: { id: agentId } }).expect(200)).data;
    expect(me).toMatchObject({ status: 'active', publicKey: expect.any(String) });
    expect(agent.output).not.toMatch(/"level":"(warn|error)"/);
  }, 90_000);

  test('serves a secret read: the data key and the value are asked for and posted with keys; the requester gets the value once', async () => {
    const [secret] = (await http.get('/api/v1/secrets', { query: { cluster_name: cluster } }).expect(200)).data as { id: string }[];
    const made = (
      await http
        .post('/api/v1/requests/read', {
          body: { secretId: secret.id, reason: 'INC-9: check the credential' },
          token: requester.accessToken,
        })
        .expect(201)
    ).data;
    await http
      .post('/api/v1/requests/{id}/approve', { params: { id: made.id }, body: { comment: 'go' }, token: approver.accessToken })
      .expect(200);
    const settled = await waitFor(
      `request ${made.id} to settle`,
      async () => {
        const r = await request(made.id);
        return ['completed', 'failed'].includes(r.status) ? r : undefined;
      },
      60_000,
    );
    expect(settled.status).toBe('completed');
    const [wrap] = (await http.get('/api/v1/requests/{id}/wraps', { params: { id: made.id }, token: requester.accessToken }).expect(200))
      .data;
    const value = await http
      .get('/api/v1/requests/{id}/wraps/{wrapId}', { params: { id: made.id, wrapId: wrap.id }, token: requester.accessToken })
      .expect(200);
    expect(value.data.value).toBe(canary);

    // The agent's own changes each carried a key, named after what they do once.
    const keys = (await t.sql<{ key: string }>('SELECT key FROM idempotency_keys WHERE principal_id = $1', [`agent:${agentId}`])).map(
      (r) => r.key,
    );
    const readJob = await job(settled.jobId);
    for (const expected of [/^public-key:/, new RegExp(`^dek:${readJob.id}:1$`), new RegExp(`^wrap:${readJob.id}:1$`), /^[0-9a-f-]{36}$/]) {
      expect(keys.some((k) => expected.test(k))).toBe(true);
    }
    expect(agent.output).not.toContain(canary);
  }, 90_000);
});

describe('which agent calls need a key', () => {
  test('heartbeat, claim, progress and complete need none', async () => {
    await agentHttp.post('/api/v1/agents/{id}/heartbeat', asAgent({ params: { id: agentId }, body: {} })).expect(204);
    await agentHttp.post('/api/v1/agents/{id}/jobs/claim', asAgent({ params: { id: agentId }, query: { wait: 0 } })).expect(204);
    // A job that is not the agent's: the lease check answers, not the key check.
    const other = randomUUID();
    const lease = randomUUID();
    await agentHttp
      .post(
        '/api/v1/agents/{id}/jobs/{jobId}/progress',
        asAgent({ params: { id: agentId, jobId: other }, body: { leaseId: lease, percent: 5 } }),
      )
      .expect(404, 'NOT_FOUND');
    await agentHttp
      .post(
        '/api/v1/agents/{id}/jobs/{jobId}/complete',
        asAgent({ params: { id: agentId, jobId: other }, body: { leaseId: lease, status: 'succeeded' } }),
      )
      .expect(404, 'NOT_FOUND');
  });

  test('the other agent calls without a key are 400 at the header, and change nothing', async () => {
    const publicKey = async () => (await http.get('/api/v1/agents/{id}', { params: { id: agentId } }).expect(200)).data.publicKey;
    const before = await publicKey();
    const refused: ['POST' | 'PUT', string, unknown][] = [
      [
        'POST',
        '/api/v1/agents/{id}/secrets/bulk',
        { secrets: [{ clusterName: cluster, namespace: '', provider: 'file', ref: 'made-up', status: 'present' }] },
      ],
      ['PUT', '/api/v1/agents/{id}/public-key', { publicKey: randomBytes(32).toString('base64url') }],
      ['POST', '/api/v1/agents/{id}/dek', { jobId: randomUUID() }],
    ];
    for (const [method, template, body] of refused) {
      const res = await agentHttp.request(method, template, asAgent({ params: { id: agentId }, body })).expect(400, 'VALIDATION_FAILED');
      expect(res.error.validationErrors).toEqual([expect.objectContaining({ field: 'Idempotency-Key', code: 'REQUIRED' })]);
    }
    expect(await t.sql("SELECT id FROM discovered_secrets WHERE ref = 'made-up'")).toEqual([]);
    expect(await publicKey()).toBe(before);
  });

  test('the document says so: the protocol calls take no key and say why; the others take one, required where the server requires it', () => {
    type Parameter = { name: string; required?: boolean; description?: string };
    const op = (method: string, path: string) =>
      (spec.paths[path] as Record<string, { parameters?: (Parameter | { $ref: string })[]; 'x-idempotent-by-design'?: string }>)[method];
    // The header is declared once under components.parameters and referenced from each operation.
    const components = (spec as unknown as { components: { parameters: Record<string, Parameter> } }).components.parameters;
    const resolve = (p: Parameter | { $ref: string }): Parameter => ('$ref' in p ? components[p.$ref.split('/').pop()!] : p);
    const keyHeader = (method: string, path: string) =>
      op(method, path)
        .parameters?.map(resolve)
        .find((p) => p.name === 'Idempotency-Key');
    for (const path of [
      '/api/v1/agents/{id}/heartbeat',
      '/api/v1/agents/{id}/jobs/claim',
      '/api/v1/agents/{id}/jobs/{jobId}/progress',
      '/api/v1/agents/{id}/jobs/{jobId}/complete',
    ]) {
      expect({ path, why: typeof op('post', path)['x-idempotent-by-design'], header: keyHeader('post', path) }).toEqual({
        path,
        why: 'string',
        header: undefined,
      });
    }
    for (const [method, path] of [
      ['post', '/api/v1/agents/{id}/secrets/bulk'],
      ['put', '/api/v1/agents/{id}/public-key'],
      ['post', '/api/v1/agents/{id}/dek'],
      ['post', '/api/v1/agents/{id}/wraps'],
    ]) {
      expect({
        path,
        required: keyHeader(method, path)?.required,
        says: keyHeader(method, path)?.description?.includes('IDEMPOTENCY_REQUIRED=true'),
      }).toEqual({ path, required: false, says: true });
    }
    expect(keyHeader('post', '/api/v1/jobs')?.required).toBe(true);
  });
});
