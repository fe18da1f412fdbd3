import { createCipheriv, generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openWireEnvelope, rawPublicKey } from '../src/kernel/crypto/wire-envelope.js';
import { cleanUp, cleanups, provisionDatabase, marshalEnv, startMarshal } from './support.js';

/*
 * `npm run bench:broker`: the secret broker's read flow, one request at a time, over HTTP against
 * one server: ask → approve → the agent claims, takes a data key, posts the sealed value,
 * completes → the requester retrieves it. Each step's latency is reported as a ratio to the
 * baseline measured in the same run, in the same loop: an authenticated GET /api/v1/me, the
 * cheapest call a user makes. BENCH_FLOWS (200) flows after BENCH_WARMUP_FLOWS (20);
 * DATABASE_URL as for the other benchmarks (default: an embedded PostgreSQL).
 */
const ADMIN = { email: 'bench@marshal.test', password: randomBytes(12).toString('hex') };
const flows = Number(process.env.BENCH_FLOWS ?? 200);
const warmup = Number(process.env.BENCH_WARMUP_FLOWS ?? 20);

type Json = Record<string, any>;

async function main(): Promise<void> {
  const workDir = mkdtempSync(join(tmpdir(), 'marshal-bench-'));
  cleanups.push(() => rmSync(workDir, { recursive: true, force: true }));
  const logDir = join(workDir, 'logs');
  mkdirSync(logDir);
  const database = await provisionDatabase(workDir);
  const marshal = await startMarshal('marshal', marshalEnv({ databaseUrl: database.url, admin: ADMIN, logLevel: 'warn' }), logDir);
  const base = marshal.baseUrl;

  const call = async (
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: unknown,
  ): Promise<{ status: number; body: Json }> => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Json) : {} };
  };
  const expectOk = (what: string, res: { status: number; body: Json }, status = 200): Json => {
    if (res.status !== status) throw new Error(`${what} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body.data as Json;
  };

  // An owner (the requester), an approver named by the workflow, an agent that reported one secret.
  const owner = { authorization: `Bearer ${expectOk('login', await call('POST', '/api/v1/auth/login', {}, ADMIN)).accessToken}` };
  const invited = expectOk(
    'invite',
    await call('POST', '/api/v1/invitations', owner, { email: `approver-${randomBytes(3).toString('hex')}@marshal.test`, roleIds: [] }),
    201,
  );
  const approverPassword = randomBytes(12).toString('hex');
  const accepted = expectOk(
    'accept',
    await call(
      'POST',
      `/api/v1/invitations/${invited.invitation.id}/accept`,
      {},
      { token: invited.acceptToken, password: approverPassword, displayName: 'Approver' },
    ),
  );
  const roles = expectOk('roles', await call('GET', '/api/v1/roles?pageSize=100', owner)) as Json[];
  const ops = roles.find((r) => r.key === 'ops_engineer')!;
  expectOk('grant', await call('POST', '/api/v1/user-roles', owner, { userId: accepted.userId, roleId: ops.id }), 201);
  const approver = {
    authorization: `Bearer ${expectOk('login', await call('POST', '/api/v1/auth/login', {}, { email: invited.invitation.email, password: approverPassword })).accessToken}`,
  };
  const workflow = expectOk(
    'workflow',
    await call('POST', '/api/v1/workflows', owner, {
      name: 'Bench',
      stages: [{ name: 'Peer', requiredApprovals: 1, roleIds: [], userIds: [accepted.userId] }],
    }),
    201,
  );
  expectOk('policy', await call('POST', '/api/v1/policies', owner, { name: 'Default', workflowId: workflow.id, isDefault: true }), 201);
  const minted = expectOk('agent', await call('POST', '/api/v1/agents', owner, { name: 'bench-agent' }), 201);
  const agent = { 'x-agent-secret': minted.agentSecret as string };
  const agentPath = `/api/v1/agents/${minted.agent.id}`;
  // Data keys come sealed to the agent's X25519 key.
  const agentKeys = generateKeyPairSync('x25519');
  expectOk(
    'public key',
    await call('PUT', `${agentPath}/public-key`, agent, { publicKey: rawPublicKey(agentKeys.publicKey).toString('base64url') }),
  );
  expectOk(
    'report',
    await call('POST', `${agentPath}/secrets/bulk`, agent, { secrets: [{ clusterName: 'bench', provider: 'vault', ref: 'db-password' }] }),
  );
  const secretId = (expectOk('secrets', await call('GET', '/api/v1/secrets?cluster_name=bench', owner)) as Json[])[0].id as string;
  const value = randomBytes(24).toString('base64');

  const steps = [
    'baseline GET /me',
    'ask (POST /requests/read)',
    'approve',
    'claim',
    'data key',
    'post value',
    'complete',
    'retrieve',
    'whole flow',
  ] as const;
  const times: Record<string, number[]> = Object.fromEntries(steps.map((s) => [s, []]));
  const timed = async <T>(step: string, run: () => Promise<T>, record: boolean): Promise<T> => {
    const start = performance.now();
    const result = await run();
    if (record) times[step].push(performance.now() - start);
    return result;
  };

  for (let i = 0; i < warmup + flows; i++) {
    const record = i >= warmup;
    const began = performance.now();
    expectOk('me', await timed('baseline GET /me', () => call('GET', '/api/v1/me', owner), record));
    const request = expectOk(
      'ask',
      await timed('ask (POST /requests/read)', () => call('POST', '/api/v1/requests/read', owner, { secretId, reason: 'bench' }), record),
      201,
    );
    expectOk('approve', await timed('approve', () => call('POST', `/api/v1/requests/${request.id}/approve`, approver, {}), record));
    const { job, lease } = expectOk('claim', await timed('claim', () => call('POST', `${agentPath}/jobs/claim?wait=5`, agent), record))
      .claims[0] as Json;
    const dek = expectOk('dek', await timed('data key', () => call('POST', `${agentPath}/dek`, agent, { jobId: job.id }), record));
    const iv = randomBytes(12);
    const key = openWireEnvelope(
      agentKeys.privateKey,
      Buffer.from(dek.keyEnvelope as string, 'base64url'),
      dek.keyEnvelopeContext as string,
    );
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(dek.context as string, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
    const sealed = {
      jobId: job.id,
      wrappedKey: dek.wrappedKey,
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      ciphertext: ciphertext.toString('base64'),
    };
    const posted = expectOk('post', await timed('post value', () => call('POST', `${agentPath}/wraps`, agent, sealed), record), 201);
    const completed = await timed(
      'complete',
      () => call('POST', `${agentPath}/jobs/${job.id}/complete`, agent, { leaseId: lease.id, status: 'succeeded' }),
      record,
    );
    if (completed.status !== 204) throw new Error(`complete answered ${completed.status}`);
    const got = expectOk(
      'retrieve',
      await timed('retrieve', () => call('GET', `/api/v1/requests/${request.id}/wraps/${posted.wrapId}`, owner), record),
    );
    if (got.value !== value) throw new Error('the retrieved value is not the one the agent sealed');
    if (record) times['whole flow'].push(performance.now() - began - times['baseline GET /me'].at(-1)!);
  }

  const percentile = (values: number[], p: number) =>
    [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];
  const baseline = percentile(times['baseline GET /me'], 50);
  console.log(`\nbroker read flow, ${flows} flows one at a time (after ${warmup} warm-up), ${database.server}`);
  console.log('step'.padEnd(28), 'p50 ms'.padStart(8), 'p99 ms'.padStart(8), 'p50 / baseline'.padStart(16));
  for (const step of steps) {
    const p50 = percentile(times[step], 50);
    console.log(
      step.padEnd(28),
      p50.toFixed(1).padStart(8),
      percentile(times[step], 99).toFixed(1).padStart(8),
      (p50 / baseline).toFixed(2).padStart(16),
    );
  }
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => cleanUp());
