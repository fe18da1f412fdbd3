import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { pause, waitFor } from '../support/agent-process.js';
import { spec, type RawResponse } from '../support/contract.js';
import { tablesContaining } from '../support/database-scan.js';
import type { HttpRequest } from '../support/http.js';
import { spawnServer, type RunningServer } from '../support/server.js';
import { useServer } from '../support/use-server.js';

/**
 * POST /api/v1/webhooks/workflow-completed: signed callbacks from external executors
 * (docs/workflow-callbacks.md), checked against the run engine. The signature is computed here
 * independently of the server's code. The signature checks use runs that do not exist: a callback
 * whose signature is accepted then reaches the engine and is 404 for its run, where a refused one is
 * a 401. The runs with a callback step waiting are below.
 */
const SECRET = `whsec_${randomBytes(24).toString('hex')}`;
// Shared with the replica below, which opens what this server sealed.
const ENCRYPTION_KEY = randomBytes(32).toString('base64');
const RETIRED_SECRET = `whsec_${randomBytes(24).toString('hex')}`;
const TOLERANCE = 120;
const PATH = '/api/v1/webhooks/workflow-completed';

const t = useServer({
  WORKFLOW_WEBHOOK_SECRET: SECRET,
  WORKFLOW_WEBHOOK_TOLERANCE_SECONDS: String(TOLERANCE),
  ENCRYPTION_KEY,
  // Rate limited as every unauthenticated route is, per client address; high enough for this file.
  RATE_LIMIT_ENABLED: 'true',
  RATE_LIMIT_ANONYMOUS: '100000,10000',
  WORKFLOW_POLL_INTERVAL_MS: '100',
});

const now = () => Math.floor(Date.now() / 1000);
const newDeliveryId = () => `dlv_${randomBytes(8).toString('hex')}`;
const v1 = (secret: string, timestamp: number, deliveryId: string, body: string) =>
  createHmac('sha256', secret).update(`${timestamp}.${deliveryId}.${body}`).digest('hex');

/** Every v1 value sent, to prove none reaches a log line. */
const signaturesSent: string[] = [];

interface Signing {
  deliveryId?: string;
  timestamp?: number;
  secrets?: string[];
  /** Sign these bytes instead of the ones sent. */
  signedBody?: string;
  /** Sign this delivery id instead of the one sent. */
  signedDeliveryId?: string;
}

function headersFor(body: string, signing: Signing = {}): Record<string, string> {
  const deliveryId = signing.deliveryId ?? newDeliveryId();
  const timestamp = signing.timestamp ?? now();
  const values = (signing.secrets ?? [SECRET]).map((secret) =>
    v1(secret, timestamp, signing.signedDeliveryId ?? deliveryId, signing.signedBody ?? body),
  );
  signaturesSent.push(...values);
  return { 'x-agentfield-delivery': deliveryId, 'x-agentfield-signature': `t=${timestamp},${values.map((v) => `v1=${v}`).join(',')}` };
}

/** Sends `body` as written (JSON unless `headers` name another type), with no credentials but `headers`. */
const post = (body: string, headers: Record<string, string>, baseUrl?: string) =>
  t.http.post(PATH, { rawBody: body, headers, token: null, baseUrl });

/** Sends `callback` (an object, or the exact bytes to send) signed as `signing` says. */
function deliver(callback: object | string, signing: Signing = {}, baseUrl?: string): HttpRequest {
  const body = typeof callback === 'string' ? callback : JSON.stringify(callback);
  return post(body, headersFor(body, signing), baseUrl);
}

const succeeded = (runId = randomUUID()) => ({
  executionId: runId,
  nodeId: 'deploy',
  status: 'succeeded',
  output: { revision: '9f1c2e7' },
});

/** The signature was accepted: the callback reached the run engine, which knows no such run. */
async function expectUnknownRun(request: HttpRequest): Promise<RawResponse> {
  const res = await request.expectResponse(404, 'NOT_FOUND');
  expect(res.body.error.message).toBe('Workflow run not found');
  return res;
}

const refusedWith = (request: HttpRequest, code: string) => request.expectResponse(401, code);

describe('with WORKFLOW_WEBHOOK_SECRET', () => {
  test('a signed callback passes the signature check and reaches the run engine; the route is rate limited per address', async () => {
    const callback = succeeded();
    const res = await expectUnknownRun(deliver(callback));
    expect(res.headers.get('x-ratelimit-limit')).toMatch(/^\d+$/);
  });

  test('the signature covers the bytes as sent: any spacing and key order verify, a re-serialised body does not', async () => {
    const runId = randomUUID();
    const pretty = `{\n  "status" : "succeeded",\n  "nodeId": "deploy",\n  "executionId": "${runId}"\n}\n`;
    await expectUnknownRun(deliver(pretty));
    await refusedWith(deliver(pretty, { signedBody: JSON.stringify(JSON.parse(pretty)) }), 'INVALID_SIGNATURE');
  });

  test('without a signature: 401 UNAUTHENTICATED, before the body is even validated', async () => {
    await refusedWith(post('{"nodeId":"NOT A NODE"}', { 'x-agentfield-delivery': newDeliveryId() }), 'UNAUTHENTICATED');
    await refusedWith(post(JSON.stringify(succeeded()), {}), 'UNAUTHENTICATED');
  });

  test('a signature that does not match: 401 INVALID_SIGNATURE, never showing the expected one', async () => {
    const callback = succeeded();
    const body = JSON.stringify(callback);
    const deliveryId = newDeliveryId();
    const timestamp = now();
    const expected = v1(SECRET, timestamp, deliveryId, body);
    const cases: [string, Signing][] = [
      ['another secret', { deliveryId, timestamp, secrets: [RETIRED_SECRET] }],
      ['another body', { deliveryId, timestamp, signedBody: JSON.stringify({ ...callback, status: 'failed' }) }],
      ['another delivery id', { deliveryId, timestamp, signedDeliveryId: newDeliveryId() }],
    ];
    for (const [what, signing] of cases) {
      const res = await deliver(body, signing);
      expect([what, res.status, res.body.error.code]).toEqual([what, 401, 'INVALID_SIGNATURE']);
      expect(res.text).not.toContain(expected);
    }
    const flipped = expected.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    await refusedWith(
      post(body, { 'x-agentfield-delivery': deliveryId, 'x-agentfield-signature': `t=${timestamp},v1=${flipped}` }),
      'INVALID_SIGNATURE',
    );
    // A signature for one timestamp presented with another.
    await refusedWith(
      post(body, { 'x-agentfield-delivery': deliveryId, 'x-agentfield-signature': `t=${timestamp - 1},v1=${expected}` }),
      'INVALID_SIGNATURE',
    );
  });

  test(`a timestamp more than WORKFLOW_WEBHOOK_TOLERANCE_SECONDS (${TOLERANCE}) away, past or future: 401 SIGNATURE_EXPIRED`, async () => {
    await refusedWith(deliver(succeeded(), { timestamp: now() - TOLERANCE - 30 }), 'SIGNATURE_EXPIRED');
    await refusedWith(deliver(succeeded(), { timestamp: now() + TOLERANCE + 30 }), 'SIGNATURE_EXPIRED');
    const early = succeeded();
    await expectUnknownRun(deliver(early, { timestamp: now() - TOLERANCE + 30 }));
    const ahead = succeeded();
    await expectUnknownRun(deliver(ahead, { timestamp: now() + TOLERANCE - 30 }));
  });

  test('malformed headers: MALFORMED_SIGNATURE, MISSING_DELIVERY_ID, INVALID_DELIVERY_ID', async () => {
    const body = JSON.stringify(succeeded());
    const good = headersFor(body);
    const signature = good['x-agentfield-signature'];
    const hex = signature.split('v1=')[1];
    for (const header of [
      `v1=${hex}`,
      `t=${now()}`,
      `t=soon,v1=${hex}`,
      `t=${now()},v1=${hex.slice(1)}`,
      `sha256=${hex}`,
      `${signature},`,
    ]) {
      const res = await post(body, { 'x-agentfield-delivery': good['x-agentfield-delivery'], 'x-agentfield-signature': header });
      expect([header, res.status, res.body.error.code]).toEqual([header, 401, 'MALFORMED_SIGNATURE']);
    }
    await refusedWith(post(body, { 'x-agentfield-signature': signature }), 'MISSING_DELIVERY_ID');
    for (const deliveryId of ['has space', 'dotted.id', 'x'.repeat(201)]) {
      const res = await deliver(body, { deliveryId });
      expect([deliveryId, res.status, res.body.error.code]).toEqual([deliveryId, 401, 'INVALID_DELIVERY_ID']);
    }
  });

  test('secret rotation: of several v1 signatures, one under the configured secret is enough', async () => {
    const callback = succeeded();
    await expectUnknownRun(deliver(callback, { secrets: [RETIRED_SECRET, SECRET] }));
    await refusedWith(deliver(callback, { secrets: [RETIRED_SECRET, RETIRED_SECRET] }), 'INVALID_SIGNATURE');
  });

  test('a signed but invalid body: 400 VALIDATION_FAILED, field by field', async () => {
    const runId = randomUUID();
    const cases: [object | string, string, string][] = [
      [{ nodeId: 'deploy', status: 'succeeded' }, 'executionId', 'REQUIRED'],
      [{ executionId: 'run-1', nodeId: 'deploy', status: 'succeeded' }, 'executionId', 'IS_UUID'],
      [{ executionId: runId, nodeId: 'Deploy Step', status: 'succeeded' }, 'nodeId', 'MATCHES'],
      [{ executionId: runId, nodeId: 'deploy', status: 'done' }, 'status', 'IS_IN'],
      [{ executionId: runId, nodeId: 'deploy', status: 'failed' }, 'error', 'REQUIRED'],
      [{ executionId: runId, nodeId: 'deploy', status: 'failed', error: { code: 'X' } }, 'error.message', 'REQUIRED'],
      [{ executionId: runId, nodeId: 'deploy', status: 'succeeded', error: { code: 'X', message: 'no' } }, 'error', 'ONLY_WITH_STATUS'],
      [
        { executionId: runId, nodeId: 'deploy', status: 'failed', error: { code: 'X', message: 'no' }, output: {} },
        'output',
        'ONLY_WITH_STATUS',
      ],
      [{ executionId: runId, nodeId: 'deploy', status: 'succeeded', output: [1] }, 'output', 'IS_OBJECT'],
      [{ executionId: runId, nodeId: 'deploy', status: 'succeeded', output: { blob: 'x'.repeat(256 * 1024) } }, 'output', 'IS_JSON_OBJECT'],
      [{ ...succeeded(runId), attempt: 2 }, 'attempt', 'UNKNOWN_FIELD'],
    ];
    for (const [callback, field, code] of cases) {
      const request = deliver(callback);
      const res = await request;
      expect([field, res.status]).toEqual([field, 400]);
      await request.expectResponse(400, 'VALIDATION_FAILED');
      expect(res.body.error.validationErrors).toContainEqual(expect.objectContaining({ field, code }));
    }
    await deliver('{"executionId":').expect(400, 'MALFORMED_JSON');
    // A failed step with its error is valid: it reaches the engine.
    await expectUnknownRun(
      deliver({ executionId: runId, nodeId: 'deploy', status: 'failed', error: { code: 'DEPLOY_FAILED', message: 'unhealthy' } }),
    );
  });

  test('a callback the engine refuses leaves no delivery behind: its retry is processed afresh', async () => {
    const callback = succeeded();
    const deliveryId = newDeliveryId();
    await expectUnknownRun(deliver(callback, { deliveryId }));
    expect(await t.sql('SELECT 1 FROM workflow_callback_deliveries WHERE delivery_id = $1', [deliveryId])).toEqual([]);
    await expectUnknownRun(deliver(callback, { deliveryId }));
  });

  test('concurrent copies of a delivery in flight wait for it, then all answer its outcome as duplicates', async () => {
    const deliveryId = newDeliveryId();
    const runId = randomUUID();
    // The first copy, held mid-transaction: its delivery row is written as the receiver writes it, not yet committed.
    const first = new pg.Client({ connectionString: t.databaseUrl });
    await first.connect();
    try {
      await first.query('BEGIN');
      await first.query(
        "INSERT INTO workflow_callback_deliveries (source, delivery_id, run_id, node_id, outcome) VALUES ('agentfield', $1, $2, 'deploy', 'accepted')",
        [deliveryId, runId],
      );
      const settled: RawResponse[] = [];
      const copies = Array.from({ length: 10 }, () => deliver(succeeded(runId), { deliveryId }));
      const settling = copies.map((copy) => copy.then((res) => settled.push(res)));
      await pause(1000);
      expect(settled).toEqual([]);
      await first.query('COMMIT');
      await Promise.all(settling);
      for (const copy of copies) {
        expect((await copy.expect(200)).data).toEqual({ duplicate: true, runId, nodeId: 'deploy', outcome: 'accepted' });
      }
    } finally {
      await first.end();
    }
  });
});

/** Delivery ids the engine took (accepted or ignored): each must be audited once. */
const taken: string[] = [];
const CANARY = `output-canary-${randomBytes(6).toString('hex')}`;

describe('with a run whose callback step waits', () => {
  const idempotencyKey = () => `k-${randomBytes(8).toString('hex')}`;

  /** A run whose `callback` node `deploy` waits for its report, beside anything in `others`. */
  async function waitingRun(others: object[] = []): Promise<string> {
    const nodes = [{ id: 'deploy', type: 'callback', inputs: { note: 'deploy billing' } }, ...others];
    const definitionId = (
      await t.http
        .post('/api/v1/workflow-templates', {
          body: { name: `callbacks-${randomBytes(3).toString('hex')}`, nodes },
          idempotencyKey: idempotencyKey(),
        })
        .expect(201)
    ).data.id;
    const run = (await t.http.post('/api/v1/workflow-runs', { body: { definitionId }, idempotencyKey: idempotencyKey() }).expect(201)).data;
    await waitFor('the callback step to wait', async () =>
      (await t.http.get('/api/v1/workflow-runs/{id}/steps/{nodeId}', { params: { id: run.id, nodeId: 'deploy' } }).expect(200)).data
        .status === 'waiting'
        ? true
        : undefined,
    );
    return run.id as string;
  }

  const runUntil = (id: string, statuses: string[]) =>
    waitFor(`run ${id} to be ${statuses.join(' or ')}`, async () => {
      const run = (await t.http.get('/api/v1/workflow-runs/{id}', { params: { id } }).expect(200)).data;
      return statuses.includes(run.status) ? run : undefined;
    });

  const answer = async (request: HttpRequest) => (await request.expect(200)).data;

  test('a signed success settles the step: 200 accepted, and the run succeeds with the reported output', async () => {
    const runId = await waitingRun();
    const deliveryId = newDeliveryId();
    const res = deliver(
      { executionId: runId, nodeId: 'deploy', status: 'succeeded', output: { revision: '9f1c2e7', note: CANARY } },
      { deliveryId },
    );
    expect(await answer(res)).toEqual({ duplicate: false, runId, nodeId: 'deploy', outcome: 'accepted' });
    taken.push(deliveryId);
    expect(await runUntil(runId, ['succeeded', 'failed'])).toMatchObject({
      status: 'succeeded',
      output: { deploy: { revision: '9f1c2e7', note: CANARY } },
    });
  });

  test('a signed failure fails the step, and the run, with the reported error', async () => {
    const runId = await waitingRun();
    const deliveryId = newDeliveryId();
    const res = deliver(
      { executionId: runId, nodeId: 'deploy', status: 'failed', error: { code: 'DEPLOY_FAILED', message: 'the rollout stayed unhealthy' } },
      { deliveryId },
    );
    expect(await answer(res)).toEqual({ duplicate: false, runId, nodeId: 'deploy', outcome: 'accepted' });
    taken.push(deliveryId);
    expect(await runUntil(runId, ['succeeded', 'failed'])).toMatchObject({
      status: 'failed',
      failedNodeId: 'deploy',
      failureCode: 'DEPLOY_FAILED',
    });
  });

  test('a replay changes nothing and answers the first outcome, whatever it carries; a new delivery for the ended step is ignored', async () => {
    const runId = await waitingRun();
    const deliveryId = newDeliveryId();
    const success = { executionId: runId, nodeId: 'deploy', status: 'succeeded', output: { revision: 'a1' } };
    expect(await answer(deliver(success, { deliveryId }))).toMatchObject({ duplicate: false, outcome: 'accepted' });
    taken.push(deliveryId);
    const done = await runUntil(runId, ['succeeded', 'failed']);
    const rows = await t.sql('SELECT * FROM workflow_callback_deliveries WHERE delivery_id = $1', [deliveryId]);
    // A sender's retry re-signs with a fresh timestamp; even a different body gets the first answer.
    for (const replay of [
      success,
      { executionId: runId, nodeId: 'deploy', status: 'failed', error: { code: 'LATE', message: 'changed my mind' } },
    ]) {
      expect(await answer(deliver(replay, { deliveryId }))).toEqual({ duplicate: true, runId, nodeId: 'deploy', outcome: 'accepted' });
    }
    expect(await t.sql('SELECT * FROM workflow_callback_deliveries WHERE delivery_id = $1', [deliveryId])).toEqual(rows);
    expect(await runUntil(runId, ['succeeded', 'failed'])).toEqual(done);

    const late = newDeliveryId();
    expect(await answer(deliver({ ...success, output: { revision: 'b2' } }, { deliveryId: late }))).toEqual({
      duplicate: false,
      runId,
      nodeId: 'deploy',
      outcome: 'ignored',
    });
    taken.push(late);
    expect(await runUntil(runId, ['succeeded', 'failed'])).toEqual(done);
  });

  test('ten concurrent copies of one delivery: exactly one takes effect, the other nine answer it as duplicates', async () => {
    const runId = await waitingRun();
    const deliveryId = newDeliveryId();
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        answer(deliver({ executionId: runId, nodeId: 'deploy', status: 'succeeded', output: { revision: 'c3' } }, { deliveryId })),
      ),
    );
    expect(answers.filter((a) => !a.duplicate)).toEqual([{ duplicate: false, runId, nodeId: 'deploy', outcome: 'accepted' }]);
    expect(answers.filter((a) => a.duplicate)).toEqual(Array(9).fill({ duplicate: true, runId, nodeId: 'deploy', outcome: 'accepted' }));
    taken.push(deliveryId);
    expect(await runUntil(runId, ['succeeded', 'failed'])).toMatchObject({ status: 'succeeded' });
  });

  test('a step that takes no callback is 409 NOT_A_CALLBACK_STEP, a node the run lacks 404; neither is recorded', async () => {
    const runId = await waitingRun([{ id: 'pause', type: 'wait', inputs: { durationSeconds: 60 } }]);
    const deliveryId = newDeliveryId();
    for (let attempt = 0; attempt < 2; attempt++) {
      await deliver({ executionId: runId, nodeId: 'pause', status: 'succeeded' }, { deliveryId }).expect(409, 'NOT_A_CALLBACK_STEP');
    }
    await deliver({ executionId: runId, nodeId: 'nothing', status: 'succeeded' }).expect(404, 'NOT_FOUND');
    expect(await t.sql('SELECT 1 FROM workflow_callback_deliveries WHERE run_id = $1', [runId])).toEqual([]);
  });
});

describe('what stays out of the trail and the logs', () => {
  test("each delivery the engine took is audited once in its run's organization, with the webhook as actor and without the output", async () => {
    const organizationId = (await t.http.get('/api/v1/me').expect(200)).context.organizationId as string;
    const rows = await t.sql<{
      organization_id: string;
      actor_type: string;
      actor_id: string;
      resource_type: string;
      details: Record<string, unknown>;
    }>("SELECT organization_id, actor_type, actor_id, resource_type, details FROM audit_events WHERE action = 'workflow_run.callback'");
    expect(rows.map((row) => row.details.deliveryId).sort()).toEqual([...taken].sort());
    for (const row of rows) {
      expect(row).toMatchObject({
        organization_id: organizationId,
        actor_type: 'webhook',
        actor_id: 'agentfield',
        resource_type: 'workflow_run',
        details: { nodeId: 'deploy' },
      });
      expect(['accepted', 'ignored']).toContain(row.details.outcome);
    }
    expect(JSON.stringify(rows)).not.toContain(CANARY);
    // The trail serves them like any other entry.
    const listed = await t.http.get('/api/v1/audit-events', { query: { action: 'workflow_run.callback' } }).expect(200);
    expect(listed.data).toHaveLength(taken.length);
  });

  test('the secret and the signatures reach no log line, response or table', async () => {
    const log = t.output();
    expect(log).toContain(PATH);
    expect(signaturesSent.length).toBeGreaterThan(20);
    for (const secret of [SECRET, RETIRED_SECRET]) expect(log.includes(secret)).toBe(false);
    expect(signaturesSent.filter((signature) => log.includes(signature))).toEqual([]);
    expect(await tablesContaining(t, SECRET)).toEqual([]);
  });
});

describe('without WORKFLOW_WEBHOOK_SECRET', () => {
  let off: RunningServer;
  const aged = newDeliveryId();
  const recent = newDeliveryId();
  beforeAll(async () => {
    // Seeded before the replica starts: it sweeps once at start-up.
    await t.sql(
      `INSERT INTO workflow_callback_deliveries (source, delivery_id, run_id, node_id, outcome, received_at)
       VALUES ('agentfield', $1, $3, 'deploy', 'accepted', now() - interval '25 hours'), ('agentfield', $2, $3, 'deploy', 'accepted', now() - interval '23 hours')`,
      [aged, recent, randomUUID()],
    );
    off = await spawnServer({ DATABASE_URL: t.databaseUrl, RATE_LIMIT_ENABLED: 'false', LOG_LEVEL: 'warn', ENCRYPTION_KEY });
  });
  afterAll(async () => {
    await off?.stop();
  });

  test('the route answers 404 ROUTE_NOT_FOUND to anyone, signed or not, exactly as an unmatched route; the document still describes it', async () => {
    // A route the document does not have: the answer is inspected by hand.
    const unmatched = await t.http.post('/api/v1/webhooks/no-such-hook', { baseUrl: off.baseUrl, token: null, body: {} });
    expect(unmatched.status).toBe(404);
    for (const request of [
      deliver(succeeded(), {}, off.baseUrl),
      post('{}', {}, off.baseUrl),
      post('not json at all', { 'content-type': 'text/plain' }, off.baseUrl),
    ]) {
      const body = await request.expect(404, 'ROUTE_NOT_FOUND');
      expect(body.error.message).toBe(unmatched.body.error.message);
    }
    // The served document itself, which the document does not describe: read by hand.
    const document = await t.http.get('/openapi.json', { baseUrl: off.baseUrl, token: null });
    expect(document.body.paths[PATH].post.security).toEqual([{ agentfieldSignature: [] }]);
    expect(spec.paths[PATH]).toBeDefined();
  });

  test('a replica forgets deliveries older than 24 hours at start-up and keeps the rest', async () => {
    const left = await waitFor('the aged delivery to be swept', async () => {
      const rows = await t.sql<{ delivery_id: string }>(
        'SELECT delivery_id FROM workflow_callback_deliveries WHERE delivery_id = ANY($1)',
        [[aged, recent]],
      );
      return rows.length === 1 ? rows : undefined;
    });
    expect(left.map((row) => row.delivery_id)).toEqual([recent]);
  });
});
