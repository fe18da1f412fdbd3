import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { lookup } from 'node:dns/promises';
import { hostname } from 'node:os';
import WebSocket from 'ws';
import { AgentProcess, killAgents, waitFor } from '../support/agent-process.js';
import { addMember, type Member, otherOrganization } from '../support/fixtures.js';
import type { Method } from '../support/http.js';
import { useServer } from '../support/use-server.js';

/**
 * Workflow runs over HTTP against the engine: the "done when" run (approval → job on the
 * reference agent → http → condition), the controls (start, pause, resume, cancel, retry), step
 * retries and timeouts, skipped branches, SSRF at run time, the streams, seed 001's executions,
 * tenancy and permissions. Restarts and replicas are in durability.e2e-spec.ts.
 */
let approver: Member;
let viewer: Member;
let operator: Member;
let foreign: { organizationId: string; owner: Member };
let approvalWorkflow: string;
let agentId: string;

/** A local HTTP service for http steps: each path answers what `responses` says, and counts its calls. */
let service: Server;
let serviceUrl: string;
const hits = new Map<string, number>();
const scripts = new Map<string, number[]>();
/** The Authorization header each path last received. */
const authorizations = new Map<string, string | undefined>();

// Declared before useServer: after-all hooks run in the order declared, so the agent goes before the server.
afterAll(async () => {
  await killAgents();
  service?.close();
});

const t = useServer({ OUTBOUND_ALLOW_PRIVATE: 'true', WORKFLOW_POLL_INTERVAL_MS: '100', AGENT_HEARTBEAT_INTERVAL_SECONDS: '1' });

beforeAll(async () => {
  service = createServer((req, res) => {
    const path = req.url ?? '/';
    const n = (hits.get(path) ?? 0) + 1;
    hits.set(path, n);
    authorizations.set(path, req.headers.authorization);
    const script = scripts.get(path) ?? [200];
    const status = script[Math.min(n, script.length) - 1];
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ path, call: n, healthy: status === 200 }));
  });
  await new Promise<void>((resolve) => service.listen(0, '127.0.0.1', resolve));
  serviceUrl = `http://127.0.0.1:${(service.address() as { port: number }).port}`;

  [approver, viewer, operator] = await Promise.all([
    addMember(t, t.token, ['ops_engineer']),
    addMember(t, t.token, ['viewer']),
    addMember(t, t.token, ['automation_operator']),
  ]);
  foreign = await otherOrganization(t, t.token);
  approvalWorkflow = (
    await t.http
      .post('/api/v1/workflows', {
        body: { name: 'Release manager', stages: [{ name: 'Manager', requiredApprovals: 1, roleIds: [], userIds: [approver.userId] }] },
      })
      .expect(201)
  ).data.id;
  const minted = (await t.http.post('/api/v1/agents', { body: { name: 'workflow-agent', labels: { pool: 'workflows' } } }).expect(201))
    .data;
  agentId = minted.agent.id;
  new AgentProcess('workflow-agent', ['--server', t.baseUrl], {
    MARSHAL_AGENT_ID: minted.agent.id,
    MARSHAL_AGENT_SECRET: minted.agentSecret,
  });
}, 60_000);

const hex = () => randomBytes(3).toString('hex');
const RUNS = '/api/v1/workflow-runs';
const RUN = `${RUNS}/{id}`;
const STEP = `${RUN}/steps/{nodeId}`;
const TEMPLATE = '/api/v1/workflow-templates/{id}';

type Node = {
  id: string;
  type: string;
  inputs?: Record<string, unknown>;
  dependsOn?: string[];
  retry?: { maxAttempts: number; backoffSeconds?: number };
  timeoutSeconds?: number;
};

async function define(nodes: Node[], extra: Record<string, unknown> = {}): Promise<string> {
  return (await t.http.post('/api/v1/workflow-templates', { body: { name: `runs-${hex()}`, nodes, ...extra } }).expect(201)).data.id;
}

async function run(definitionId: string, body: Record<string, unknown> = {}, token?: string): Promise<{ id: string; status: string }> {
  return (await t.http.post(RUNS, { body: { definitionId, ...body }, token, idempotencyKey: true }).expect(201)).data;
}

const get = async (id: string) => (await t.http.get(RUN, { params: { id } }).expect(200)).data;
const step = async (id: string, nodeId: string) => (await t.http.get(STEP, { params: { id, nodeId } }).expect(200)).data;
const until = (id: string, statuses: string[], timeoutMs = 20_000) =>
  waitFor(
    `run ${id} to be ${statuses.join(' or ')}`,
    async () => {
      const r = await get(id);
      return statuses.includes(r.status) ? r : undefined;
    },
    timeoutMs,
  );
const stepUntil = (id: string, nodeId: string, statuses: string[]) =>
  waitFor(`step ${nodeId} of ${id} to be ${statuses.join(' or ')}`, async () => {
    const s = await step(id, nodeId);
    return statuses.includes(s.status) ? s : undefined;
  });
const control = async (id: string, action: string, status: number, code?: string) =>
  t.http.post(`${RUN}/${action}`, { params: { id } }).expect(status, code);

const check = (id: string, dependsOn: string[] = [], right: unknown = 1): Node => ({
  id,
  type: 'condition',
  inputs: { left: 1, op: 'eq', right },
  dependsOn,
});

describe('the done-when run: approval → job on the reference agent → http → condition', () => {
  test('completes, each step once, outputs flowing from step to step', async () => {
    const definitionId = await define(
      [
        { id: 'approve', type: 'approval', inputs: { workflowId: approvalWorkflow, reason: 'ship ${inputs.service}' } },
        {
          id: 'build',
          type: 'job',
          inputs: { type: 'noop', selector: { pool: 'workflows' }, payload: { service: '${inputs.service}' } },
          dependsOn: ['approve'],
        },
        {
          id: 'smoke',
          type: 'http',
          inputs: { url: `${serviceUrl}/health`, allowPrivate: true, method: 'POST', body: { built: '${nodes.build.output.ok}' } },
          dependsOn: ['build'],
        },
        {
          id: 'healthy',
          type: 'condition',
          inputs: { left: '${nodes.smoke.output.body.healthy}', op: 'eq', right: true },
          dependsOn: ['smoke'],
        },
      ],
      { inputSchema: { type: 'object', required: ['service'], properties: { service: { type: 'string' } } } },
    );
    const made = await run(definitionId, { inputs: { service: 'billing' } });
    expect(made.status).toBe('running');
    const gate = await stepUntil(made.id, 'approve', ['waiting']);
    expect(gate.inputs).toEqual({ workflowId: approvalWorkflow, reason: 'ship billing' });

    // The approver sees it in their list; the run's creator cannot approve it, a viewer may not decide.
    const pending = (await t.http.get('/api/v1/my/pending-approvals', { token: approver.accessToken }).expect(200)).data;
    expect(pending.map((p: { summary: { runId?: string } }) => p.summary.runId)).toContain(made.id);
    const approve = `${STEP}/approve`;
    await t.http.post(approve, { params: { id: made.id, nodeId: 'approve' }, body: {} }).expect(422, 'SELF_APPROVAL_FORBIDDEN');
    await t.http
      .post(approve, { params: { id: made.id, nodeId: 'approve' }, body: {}, token: viewer.accessToken })
      .expect(403, 'FORBIDDEN');
    await t.http
      .post(approve, { params: { id: made.id, nodeId: 'build' }, body: {}, token: approver.accessToken })
      .expect(422, 'NOT_AWAITING_APPROVAL');
    const decided = (
      await t.http
        .post(approve, { params: { id: made.id, nodeId: 'approve' }, body: { comment: 'go' }, token: approver.accessToken })
        .expect(200)
    ).data;
    expect(decided.status).toBe('approved');

    const done = await until(made.id, ['succeeded', 'failed']);
    expect(done).toMatchObject({ status: 'succeeded', output: { healthy: { result: true } }, failureCode: null });
    expect(done.steps.map((s: { nodeId: string; status: string; attempts: number }) => [s.nodeId, s.status, s.attempts])).toEqual([
      ['approve', 'succeeded', 1],
      ['build', 'succeeded', 1],
      ['smoke', 'succeeded', 1],
      ['healthy', 'succeeded', 1],
    ]);
    const build = await step(made.id, 'build');
    expect(build.output).toEqual({ ok: true });
    const job = (await t.http.get('/api/v1/jobs/{id}', { params: { id: build.externalRef.slice('job:'.length) } }).expect(200)).data;
    expect(job).toMatchObject({
      type: 'noop',
      status: 'succeeded',
      payload: { service: 'billing' },
      agentId,
      createdBy: { type: 'workflow_run', id: made.id },
    });
    expect(hits.get('/health')).toBe(1);
    const smoke = await step(made.id, 'smoke');
    expect(smoke.output).toMatchObject({ status: 200, body: { healthy: true } });
    const artifacts = (await t.http.get(`${STEP}/artifacts`, { params: { id: made.id, nodeId: 'smoke' } }).expect(200)).data;
    expect(artifacts).toEqual([
      expect.objectContaining({ name: 'response', attempt: 1, content: expect.objectContaining({ status: 200 }) }),
    ]);
    const logs = (await t.http.get(`${STEP}/logs`, { params: { id: made.id, nodeId: 'smoke' } }).expect(200)).data;
    expect(logs.map((l: { message: string }) => l.message)).toEqual(['attempt 1 started', 'POST answered 200', 'attempt 1 succeeded']);

    // The audit trail: created by the owner, the refused decisions, the decision, completed by the system.
    const audit = (await t.http.get('/api/v1/audit-events', { query: { resource: `workflow_run:${made.id}` } }).expect(200)).data;
    expect(
      audit.map((e: { action: string; outcome: string; actorType: string }) => `${e.action} ${e.outcome} ${e.actorType}`).sort(),
    ).toEqual([
      'workflow_run.complete success system',
      'workflow_run.create success user',
      'workflow_step.approve failure user',
      'workflow_step.approve failure user',
      'workflow_step.approve success user',
    ]);
  }, 60_000);
});

describe('creating', () => {
  test('needs an Idempotency-Key, and a retry answers the same run', async () => {
    const definitionId = await define([check('only')]);
    await t.http.post(RUNS, { body: { definitionId } }).expect(400);
    const key = `k-${hex()}`;
    const first = await t.http.post(RUNS, { body: { definitionId }, idempotencyKey: key }).expectResponse(201);
    const again = await t.http.post(RUNS, { body: { definitionId }, idempotencyKey: key }).expectResponse(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.data.id).toBe(first.body.data.id);
    const listed = await t.http.get(RUNS, { query: { definitionId } }).expect(200);
    expect(listed.meta.pagination.totalItems).toBe(1);
  });

  test('inputs are checked against the schema; unknown definitions and versions are 422', async () => {
    const definitionId = await define([check('only')], {
      inputSchema: { type: 'object', required: ['count'], properties: { count: { type: 'integer', minimum: 1 } } },
    });
    const bad = await t.http
      .post(RUNS, { body: { definitionId, inputs: { count: 0 } }, idempotencyKey: true })
      .expect(400, 'VALIDATION_FAILED');
    expect(bad.error.validationErrors[0].field).toBe('inputs.count');
    await t.http.post(RUNS, { body: { definitionId, inputs: {} }, idempotencyKey: true }).expect(400, 'VALIDATION_FAILED');
    await t.http
      .post(RUNS, { body: { definitionId: '01960000-0000-7000-8000-00000000dead' }, idempotencyKey: true })
      .expect(422, 'UNKNOWN_DEFINITION');
    await t.http
      .post(RUNS, { body: { definitionId, version: 9, inputs: { count: 1 } }, idempotencyKey: true })
      .expect(422, 'UNKNOWN_VERSION');
    await t.http.post(RUNS, { body: { definitionId, inputs: 'x' }, idempotencyKey: true }).expect(400, 'VALIDATION_FAILED');
  });

  test('a run follows the version it was made from, and keeps it when the definition changes or goes', async () => {
    const definitionId = await define([check('first')]);
    await t.http.put(TEMPLATE, { params: { id: definitionId }, body: { nodes: [check('second')] } }).expect(200);
    const old = await run(definitionId, { version: 1 });
    const current = await run(definitionId);
    expect((await until(old.id, ['succeeded'])).steps.map((s: { nodeId: string }) => s.nodeId)).toEqual(['first']);
    expect((await until(current.id, ['succeeded'])).steps.map((s: { nodeId: string }) => s.nodeId)).toEqual(['second']);
    await t.http.delete(TEMPLATE, { params: { id: definitionId } }).expectResponse(204);
    expect(await get(old.id)).toMatchObject({ definitionId: null, definitionVersion: 1, status: 'succeeded' });
  });

  test('a definition with a run still going cannot be deleted', async () => {
    const definitionId = await define([{ id: 'nap', type: 'wait', inputs: { durationSeconds: 600 } }]);
    const made = await run(definitionId);
    await t.http.delete(TEMPLATE, { params: { id: definitionId } }).expect(409, 'CONFLICT');
    await control(made.id, 'cancel', 200);
    await t.http.delete(TEMPLATE, { params: { id: definitionId } }).expectResponse(204);
  });
});

describe('flow', () => {
  test('a false condition skips what depends on it, and what depends on that; the rest runs', async () => {
    const definitionId = await define([check('gate', [], 2), check('behind', ['gate']), check('further', ['behind']), check('aside')]);
    const done = await until((await run(definitionId)).id, ['succeeded', 'failed']);
    expect(done.status).toBe('succeeded');
    expect(Object.fromEntries(done.steps.map((s: { nodeId: string; status: string }) => [s.nodeId, s.status]))).toEqual({
      gate: 'succeeded',
      behind: 'skipped',
      further: 'skipped',
      aside: 'succeeded',
    });
    expect(done.output).toEqual({ aside: { result: true } });
  });

  test('steps that start and settle at once: every event in commit order, and two log lines each', async () => {
    // The engine holds its own events and log lines back within a transaction and writes them
    // together: the order must be the order they happened in.
    const definitionId = await define([check('a'), check('b', ['a'])]);
    const made = await run(definitionId);
    await until(made.id, ['succeeded']);
    const text = (await t.http.get(`${RUN}/events`, { params: { id: made.id } }).expectResponse(200)).text;
    const events = [...text.matchAll(/^data: (.+)$/gm)].map((m) => JSON.parse(m[1]) as { type: string; data: { nodeId?: string } });
    expect(events.map((e) => (e.data.nodeId ? `${e.type} ${e.data.nodeId}` : e.type))).toEqual([
      'workflow_run.created',
      'workflow_run.started',
      'workflow_step.ready a',
      'workflow_step.started a',
      'workflow_step.succeeded a',
      'workflow_step.ready b',
      'workflow_step.started b',
      'workflow_step.succeeded b',
      'workflow_run.succeeded',
    ]);
    for (const nodeId of ['a', 'b']) {
      const logs = (await t.http.get(`${STEP}/logs`, { params: { id: made.id, nodeId } }).expect(200)).data;
      expect(logs.map((l: { message: string }) => l.message)).toEqual(['attempt 1 started', 'attempt 1 succeeded']);
    }
  });

  test("what a step's handler writes stays between the engine's events: started, then the job it queued, then waiting", async () => {
    const minted = (await t.http.post('/api/v1/agents', { body: { name: `order-agent-${hex()}`, capabilities: ['noop'] } }).expect(201))
      .data;
    const made = await run(await define([{ id: 'work', type: 'job', inputs: { type: 'noop', targetAgentId: minted.agent.id } }]));
    const waiting = await stepUntil(made.id, 'work', ['waiting']);
    const jobId = waiting.externalRef.slice('job:'.length);
    const outbox = (
      await t.http
        .get('/api/v1/events/outbox', { query: { types: 'workflow_step.started,workflow_step.waiting,job.queued', limit: 100 } })
        .expect(200)
    ).data as { type: string; resourceId: string; cursor: string }[];
    const mine = outbox.filter((e) => e.resourceId === made.id || e.resourceId === jobId).reverse(); // oldest first
    expect(mine.map((e) => e.type)).toEqual(['workflow_step.started', 'job.queued', 'workflow_step.waiting']);
    await control(made.id, 'cancel', 200);
  });

  test('parallel branches join: the join waits for both', async () => {
    const definitionId = await define([
      check('a'),
      { id: 'nap', type: 'wait', inputs: { durationSeconds: 1 } },
      check('join', ['a', 'nap']),
    ]);
    const made = await run(definitionId);
    const done = await until(made.id, ['succeeded', 'failed']);
    const steps = Object.fromEntries(done.steps.map((s: { nodeId: string; startedAt: string; finishedAt: string }) => [s.nodeId, s]));
    expect(new Date(steps.join.startedAt).getTime()).toBeGreaterThanOrEqual(new Date(steps.nap.finishedAt).getTime());
  });

  test('a step retries by its policy, then succeeds; its log tells each attempt', async () => {
    const path = `/flaky-${hex()}`;
    scripts.set(path, [503, 500, 200]);
    const definitionId = await define([
      {
        id: 'call',
        type: 'http',
        inputs: { url: `${serviceUrl}${path}`, allowPrivate: true },
        retry: { maxAttempts: 3, backoffSeconds: 0 },
      },
    ]);
    const done = await until((await run(definitionId)).id, ['succeeded', 'failed']);
    expect(done.status).toBe('succeeded');
    expect(done.steps[0]).toMatchObject({ attempts: 3, status: 'succeeded' });
    expect(hits.get(path)).toBe(3);
  });

  test('an Authorization header reaches the target but is never shown with the step', async () => {
    const path = `/authorized-${hex()}`;
    const token = `Bearer canary-${hex()}${hex()}`;
    const definitionId = await define([
      {
        id: 'call',
        type: 'http',
        inputs: { url: `${serviceUrl}${path}`, allowPrivate: true, headers: { Authorization: token, 'x-trace': 'visible' } },
      },
    ]);
    const made = await run(definitionId);
    await until(made.id, ['succeeded']);
    expect(authorizations.get(path)).toBe(token);
    const shown = await step(made.id, 'call');
    expect(shown.inputs.headers).toEqual({ Authorization: '[REDACTED]', 'x-trace': 'visible' });
    const everything = JSON.stringify([
      (await t.http.get(`${RUN}/steps`, { params: { id: made.id } })).body,
      (await t.http.get(`${STEP}/logs`, { params: { id: made.id, nodeId: 'call' } })).body,
      (await t.http.get(`${STEP}/artifacts`, { params: { id: made.id, nodeId: 'call' } })).body,
      (await t.http.get(`${RUN}/events`, { params: { id: made.id } })).text,
    ]);
    expect(everything).not.toContain(token.slice('Bearer '.length));
  });

  test('a workspace secret named in a header is sent, and only its name is ever shown', async () => {
    const key = `API_TOKEN_${hex()}`;
    const value = `canary-${hex()}${hex()}`;
    await t.http.post('/api/v1/workspace/secrets/{key}', { params: { key }, body: { value } }).expect(201);
    const path = `/with-secret-${hex()}`;
    const definitionId = await define([
      {
        id: 'call',
        type: 'http',
        inputs: {
          url: `${serviceUrl}${path}`,
          allowPrivate: true,
          headers: { Authorization: `Bearer \${secrets.${key}}`, 'x-caller': `svc \${secrets.${key}}` },
        },
      },
    ]);
    const made = await run(definitionId);
    expect(await until(made.id, ['succeeded', 'failed'])).toMatchObject({ status: 'succeeded', failureCode: null });
    expect(authorizations.get(path)).toBe(`Bearer ${value}`);
    // Shown as the definition has it: the reference (and, under a secret-looking name, not even that).
    expect((await step(made.id, 'call')).inputs.headers).toEqual({ Authorization: '[REDACTED]', 'x-caller': `svc \${secrets.${key}}` });
    const everything = JSON.stringify([
      (await t.http.get(`${RUN}/steps`, { params: { id: made.id } })).body,
      (await t.http.get(`${STEP}/logs`, { params: { id: made.id, nodeId: 'call' } })).body,
      (await t.http.get(`${RUN}/events`, { params: { id: made.id } })).text,
    ]);
    expect(everything).not.toContain(value);

    const missing = await define([
      {
        id: 'call',
        type: 'http',
        inputs: { url: `${serviceUrl}${path}`, allowPrivate: true, headers: { 'x-key': '${secrets.NOT_SET}' } },
        retry: { maxAttempts: 3 },
      },
    ]);
    const failed = await until((await run(missing)).id, ['failed']);
    expect(failed).toMatchObject({ failureCode: 'SECRET_NOT_FOUND' });
    expect(failed.steps[0].attempts).toBe(1);
  });

  test('a comparison that makes no sense fails the step for good, whatever its retries', async () => {
    const definitionId = await define([
      { id: 'odd', type: 'condition', inputs: { left: 'a', op: 'gt', right: 1 }, retry: { maxAttempts: 5 } },
    ]);
    const done = await until((await run(definitionId)).id, ['succeeded', 'failed']);
    expect(done).toMatchObject({ status: 'failed', failureCode: 'INVALID_OPERANDS', failedNodeId: 'odd' });
    expect(done.steps[0].attempts).toBe(1);
  });

  test('a job step for an agent that cannot take it waits, its job blocked with the reason, and runs once the agent reports the capability', async () => {
    const type = `report-${hex()}`;
    const minted = (await t.http.post('/api/v1/agents', { body: { name: `step-agent-${hex()}`, capabilities: ['noop'] } }).expect(201))
      .data;
    const as = { token: null, agentSecret: minted.agentSecret };
    const made = await run(await define([{ id: 'work', type: 'job', inputs: { type, targetAgentId: minted.agent.id } }]));
    const waiting = await stepUntil(made.id, 'work', ['waiting']);
    const jobId = waiting.externalRef.slice('job:'.length);
    const job = (await t.http.get('/api/v1/jobs/{id}', { params: { id: jobId } }).expect(200)).data;
    expect(job).toMatchObject({
      status: 'queued',
      createdBy: { type: 'workflow_run', id: made.id },
      blocked: { code: 'AGENT_LACKS_CAPABILITY', reason: expect.stringContaining(`does not run ${type} jobs`) },
    });
    await t.http.post('/api/v1/agents/{id}/jobs/claim', { params: { id: minted.agent.id }, ...as }).expectResponse(204);

    await t.http
      .post('/api/v1/agents/{id}/heartbeat', { params: { id: minted.agent.id }, body: { capabilities: ['noop', type] }, ...as })
      .expectResponse(204);
    expect((await t.http.get('/api/v1/jobs/{id}', { params: { id: jobId } })).body.data.blocked).toBeNull();
    const claimed = await t.http
      .post('/api/v1/agents/{id}/jobs/claim', { params: { id: minted.agent.id }, query: { wait: 5 }, ...as })
      .expect(200);
    const { lease } = claimed.data.claims[0];
    await t.http
      .post('/api/v1/agents/{id}/jobs/{jobId}/complete', {
        params: { id: minted.agent.id, jobId },
        body: { leaseId: lease.id, status: 'succeeded', result: { reported: true } },
        ...as,
      })
      .expectResponse(204);
    expect(await until(made.id, ['succeeded', 'failed'])).toMatchObject({ status: 'succeeded' });
  });

  test('a step that outlives its timeout fails TIMEOUT', async () => {
    const definitionId = await define([{ id: 'external', type: 'callback', timeoutSeconds: 1 }]);
    const done = await until((await run(definitionId)).id, ['failed']);
    expect(done).toMatchObject({ failureCode: 'TIMEOUT', failedNodeId: 'external' });
  });

  test('a name that resolves to a private address is refused at run time, unless the node allows it', async () => {
    const name = hostname();
    const addresses = await lookup(name, { all: true });
    // This machine's name resolves to a loopback or private address: what the definition check cannot see.
    expect(addresses.some((a) => /^(127\.|10\.|192\.168\.|::1$)/.test(a.address))).toBe(true);
    const port = new URL(serviceUrl).port;
    const refused = await define([
      { id: 'call', type: 'http', inputs: { url: `http://${name}:${port}/private` }, retry: { maxAttempts: 3 } },
    ]);
    const done = await until((await run(refused)).id, ['failed']);
    expect(done).toMatchObject({ failureCode: 'PRIVATE_TARGET', failedNodeId: 'call' });
    expect(done.steps[0].attempts).toBe(1);
    expect(hits.get('/private')).toBeUndefined();
  });
});

describe('controls', () => {
  test('start: a run made with start=false waits, starts once', async () => {
    const definitionId = await define([check('only')]);
    const made = await run(definitionId, { start: false });
    expect(made.status).toBe('pending');
    await new Promise((r) => setTimeout(r, 300));
    expect((await get(made.id)).steps[0].status).toBe('pending');
    const started = await control(made.id, 'start', 200);
    expect(started.data.status).toBe('running');
    await until(made.id, ['succeeded']);
    await control(made.id, 'start', 409, 'CONFLICT');
  });

  test('pause holds the run where it is; resume carries on', async () => {
    const definitionId = await define([{ id: 'nap', type: 'wait', inputs: { durationSeconds: 1 } }, check('after', ['nap'])]);
    const made = await run(definitionId);
    await stepUntil(made.id, 'nap', ['waiting']);
    expect((await control(made.id, 'pause', 200)).data.status).toBe('paused');
    await control(made.id, 'pause', 409, 'CONFLICT');
    await new Promise((r) => setTimeout(r, 1800));
    const held = await get(made.id);
    expect(held.status).toBe('paused');
    expect(held.steps.map((s: { status: string }) => s.status)).toEqual(['waiting', 'pending']);
    expect((await control(made.id, 'resume', 200)).data.status).toBe('running');
    await control(made.id, 'resume', 409, 'CONFLICT');
    expect((await until(made.id, ['succeeded'])).steps.map((s: { attempts: number }) => s.attempts)).toEqual([1, 1]);
  });

  test('cancel withdraws the approval and the job, and stops everything', async () => {
    const definitionId = await define([
      { id: 'approve', type: 'approval', inputs: { workflowId: approvalWorkflow } },
      { id: 'work', type: 'job', inputs: { type: 'sleep', targetAgentId: '01960000-0000-7000-8000-00000000beef' } },
      check('after', ['approve', 'work']),
    ]);
    const made = await run(definitionId);
    const done = await until(made.id, ['failed']);
    // A job for an agent that does not exist cannot be queued: the step fails for good.
    expect(done).toMatchObject({ failureCode: 'UNKNOWN_AGENT', failedNodeId: 'work' });
    expect(Object.fromEntries(done.steps.map((s: { nodeId: string; status: string }) => [s.nodeId, s.status]))).toEqual({
      approve: 'cancelled',
      work: 'failed',
      after: 'pending',
    });
    const pending = (await t.http.get('/api/v1/my/pending-approvals', { token: approver.accessToken }).expect(200)).data;
    expect(pending.map((p: { summary: { runId?: string } }) => p.summary.runId)).not.toContain(made.id);

    const slow = await define([
      { id: 'work', type: 'job', inputs: { type: 'sleep', payload: { seconds: 30 }, selector: { pool: 'workflows' } } },
    ]);
    const running = await run(slow);
    const waiting = await stepUntil(running.id, 'work', ['waiting']);
    const cancelled = (await control(running.id, 'cancel', 200)).data;
    expect(cancelled).toMatchObject({ status: 'cancelled', failureCode: 'CANCELLED' });
    const job = (await t.http.get('/api/v1/jobs/{id}', { params: { id: waiting.externalRef.slice('job:'.length) } }).expect(200)).data;
    expect(job.status).toBe('cancelled');
    await control(running.id, 'cancel', 409, 'CONFLICT');
    await control(running.id, 'retry', 409, 'CONFLICT');
  });

  test('retry resumes a failed run from the failed step: what succeeded is not run again', async () => {
    const path = `/down-${hex()}`;
    scripts.set(path, [500, 200]);
    const definitionId = await define([
      { id: 'before', type: 'http', inputs: { url: `${serviceUrl}/before-${path.slice(1)}`, allowPrivate: true } },
      { id: 'call', type: 'http', inputs: { url: `${serviceUrl}${path}`, allowPrivate: true }, dependsOn: ['before'] },
      check('after', ['call']),
    ]);
    const made = await run(definitionId);
    const failed = await until(made.id, ['failed']);
    expect(failed).toMatchObject({ failureCode: 'UNEXPECTED_STATUS', failedNodeId: 'call', retryCount: 0 });
    await control(made.id, 'resume', 409, 'CONFLICT');
    const retried = (await control(made.id, 'retry', 200)).data;
    expect(retried).toMatchObject({ status: 'running', retryCount: 1, retriedNodes: ['call'] });
    const done = await until(made.id, ['succeeded', 'failed']);
    expect(done.status).toBe('succeeded');
    expect(done.steps.map((s: { nodeId: string; attempts: number }) => [s.nodeId, s.attempts])).toEqual([
      ['before', 1],
      ['call', 2],
      ['after', 1],
    ]);
    expect(hits.get(`/before-${path.slice(1)}`)).toBe(1);
    expect(hits.get(path)).toBe(2);
    await control(made.id, 'retry', 409, 'CONFLICT');
  });

  test('a rejection fails the run for good; a retry asks again', async () => {
    const definitionId = await define([
      { id: 'approve', type: 'approval', inputs: { workflowId: approvalWorkflow }, retry: { maxAttempts: 3 } },
    ]);
    const made = await run(definitionId);
    await stepUntil(made.id, 'approve', ['waiting']);
    const reject = { params: { id: made.id, nodeId: 'approve' }, token: approver.accessToken };
    await t.http.post(`${STEP}/reject`, { ...reject, body: { reason: 'no' } }).expect(400, 'VALIDATION_FAILED');
    await t.http.post(`${STEP}/reject`, { ...reject, body: { reason: 'not this week' } }).expect(200);
    const failed = await until(made.id, ['failed']);
    expect(failed).toMatchObject({ failureCode: 'APPROVAL_REJECTED' });
    expect(failed.steps[0].attempts).toBe(1);
    await control(made.id, 'retry', 200);
    await stepUntil(made.id, 'approve', ['waiting']);
    await t.http.post(`${STEP}/approve`, { params: { id: made.id, nodeId: 'approve' }, body: {}, token: approver.accessToken }).expect(200);
    expect((await until(made.id, ['succeeded', 'failed'])).status).toBe('succeeded');
  });
});

describe('streams and views', () => {
  test('the SSE stream replays the run and ends with it', async () => {
    const definitionId = await define([check('a'), check('b', ['a'])]);
    const made = await run(definitionId);
    await until(made.id, ['succeeded']);
    // A text/event-stream answer: held to the media type the document declares.
    const res = await t.http.get(`${RUN}/events`, { params: { id: made.id } }).expectResponse(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const text = res.text;
    const types = [...text.matchAll(/^event: (.+)$/gm)].map((m) => m[1]);
    expect(types[0]).toBe('workflow_run.created');
    expect(types.at(-1)).toBe('workflow_run.succeeded');
    expect(types.filter((x) => x === 'workflow_step.succeeded')).toHaveLength(2);
    // Resuming after the second-last event answers only the last.
    const ids = [...text.matchAll(/^id: (.+)$/gm)].map((m) => m[1]);
    const resumed = (await t.http.get(`${RUN}/events`, { params: { id: made.id }, headers: { 'last-event-id': ids.at(-2)! } })).text;
    expect([...resumed.matchAll(/^event: (.+)$/gm)].map((m) => m[1])).toEqual(['workflow_run.succeeded']);
    await t.http.get(`${RUN}/events`, { params: { id: made.id }, token: foreign.owner.accessToken }).expect(404, 'NOT_FOUND');
  });

  test('the WebSocket stream sends the run as it goes, and the server closes it (1000) once the run has ended, as the SSE stream ends', async () => {
    const definitionId = await define([{ id: 'nap', type: 'wait', inputs: { durationSeconds: 1 } }]);
    const made = await run(definitionId);
    const open = (after?: string) => {
      const ws = new WebSocket(`${t.baseUrl.replace('http', 'ws')}${RUNS}/${made.id}/stream${after ? `?after=${after}` : ''}`, {
        headers: { authorization: `Bearer ${t.token}` },
      });
      const messages: { type: string; cursor: string }[] = [];
      ws.on('message', (m) => messages.push(JSON.parse((m as Buffer).toString()) as { type: string; cursor: string }));
      const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
      return { messages, closed };
    };
    const live = open();
    // The server ends the socket itself: no ws.close() here.
    const code = await Promise.race([live.closed, new Promise<string>((r) => setTimeout(() => r('still open after 15 s'), 15_000))]);
    expect(code).toBe(1000);
    const types = live.messages.map((m) => m.type);
    expect(types).toEqual(expect.arrayContaining(['workflow_run.created', 'workflow_step.waiting', 'workflow_step.succeeded']));
    expect(types.at(-1)).toBe('workflow_run.succeeded');

    // Opened after the end: the history, then the same close. Resumed after the end event: nothing, then the close.
    const late = open();
    expect(await late.closed).toBe(1000);
    expect(late.messages.map((m) => m.type)).toEqual(types);
    const resumed = open(live.messages.at(-1)!.cursor);
    expect(await resumed.closed).toBe(1000);
    expect(resumed.messages).toEqual([]);
    await t.http.get(`${RUN}/stream`, { params: { id: made.id } }).expect(426, 'UPGRADE_REQUIRED');
  });

  test("seed 001's executions: references, duration, retries and failure code; retry and cancel", async () => {
    const path = `/exec-${hex()}`;
    scripts.set(path, [500, 200]);
    const definitionId = await define([{ id: 'call', type: 'http', inputs: { url: `${serviceUrl}${path}`, allowPrivate: true } }]);
    const made = await run(definitionId);
    await until(made.id, ['failed']);
    const execution = { params: { id: made.id } };
    const failed = (await t.http.get('/api/v1/workflow-executions/{id}', execution).expect(200)).data;
    expect(failed).toMatchObject({
      id: made.id,
      workflowId: definitionId,
      status: 'failed',
      failureCode: 'UNEXPECTED_STATUS',
      retryCount: 0,
      outputRef: null,
      inputRef: `/api/v1/workflow-runs/${made.id}`,
    });
    expect(failed.durationMs).toBeGreaterThanOrEqual(0);
    const retried = (await t.http.post('/api/v1/workflow-executions/{id}/retry', execution).expect(200)).data;
    expect(retried).toMatchObject({ status: 'running', retryCount: 1, failureCode: null });
    await until(made.id, ['succeeded']);
    const done = (await t.http.get('/api/v1/workflow-executions/{id}', execution).expect(200)).data;
    expect(done).toMatchObject({
      status: 'succeeded',
      outputRef: `/api/v1/workflow-runs/${made.id}/steps`,
      evidenceRef: `/api/v1/audit-events?resource=workflow_run:${made.id}`,
    });
    await t.http.post('/api/v1/workflow-executions/{id}/cancel', execution).expect(409, 'CONFLICT');
    const listed = (await t.http.get('/api/v1/workflow-executions', { query: { status: 'succeeded', definitionId } }).expect(200)).data;
    expect(listed.map((e: { id: string }) => e.id)).toEqual([made.id]);
  });
});

describe('access', () => {
  test("another organization's run is 404 everywhere; viewers read, operators run, neither decides for others", async () => {
    const definitionId = await define([{ id: 'nap', type: 'wait', inputs: { durationSeconds: 600 } }]);
    const made = await run(definitionId);
    const token = foreign.owner.accessToken;
    const id = made.id;
    for (const [method, template, params] of [
      ['GET', RUN, { id }],
      ['GET', `${RUN}/steps`, { id }],
      ['GET', STEP, { id, nodeId: 'nap' }],
      ['POST', `${RUN}/pause`, { id }],
      ['POST', `${RUN}/cancel`, { id }],
      ['GET', '/api/v1/workflow-executions/{id}', { id }],
    ] as [Method, string, Record<string, string>][]) {
      await t.http.request(method, template, { params, token }).expect(404, 'NOT_FOUND');
    }
    await t.http.post(RUNS, { body: { definitionId }, token, idempotencyKey: true }).expect(422, 'UNKNOWN_DEFINITION');
    expect(((await t.http.get(RUNS, { token })).body.data as { id: string }[]).map((r) => r.id)).not.toContain(made.id);

    await t.http.get(RUN, { params: { id }, token: viewer.accessToken }).expect(200);
    await t.http.post(`${RUN}/pause`, { params: { id }, token: viewer.accessToken }).expect(403, 'FORBIDDEN');
    await t.http.post(RUNS, { body: { definitionId }, token: viewer.accessToken, idempotencyKey: true }).expect(403, 'FORBIDDEN');
    const byOperator = await run(definitionId, {}, operator.accessToken);
    expect((await get(byOperator.id)).createdBy).toBe(`user:${operator.userId}`);
    await t.http.post(`${RUN}/cancel`, { params: { id }, token: operator.accessToken }).expect(200);
    await control(byOperator.id, 'cancel', 200);

    await t.http.get(STEP, { params: { id, nodeId: 'NOT-A-NODE' } }).expect(400, 'VALIDATION_FAILED');
    await t.http.get(STEP, { params: { id, nodeId: 'ghost' } }).expect(404, 'NOT_FOUND');
    await t.http.get(RUNS, { query: { status: 'dancing' } }).expect(400, 'VALIDATION_FAILED');
  });
});
