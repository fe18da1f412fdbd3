import { callsAsPrincipal } from '../../src/kernel/openapi/openapi-document.js';
import { expectMatchesContract, expectResponse, raw, spec } from '../support/contract.js';
import { startServer, type TestServer } from '../support/server.js';

/**
 * The contract users generate clients from: served exactly as committed, every operation fully
 * described, and no operation public unless listed here with its reason.
 */
const PUBLIC_OPERATIONS: Record<string, string> = {
  login: 'obtaining credentials cannot require credentials',
  refreshSession: 'authenticated by the refresh token in its body',
  acceptInvitation: 'authenticated by the single-use accept token in its body; the invitee may have no account yet',
  getJwks: 'verifiers fetch the public keys without credentials (RFC 7517)',
  getAuditCheckpointKeys:
    'auditors verify checkpoints offline with these public keys, trusting no session of the server (docs/audit-trail.md)',
  getHealthz: 'liveness probe',
  getHealth: 'liveness probe',
  getApiHealth: 'liveness probe',
  getApiHealthz: 'liveness probe',
  getReadyz: 'readiness probe',
  getApiReadyz: 'readiness probe',
  getMetrics: 'Prometheus scrapes without credentials; expose it on a private network',
  getEngineStatus: 'a probe: version and migration state for operators and deploy checks',
  registerAgent: 'an installing agent has no credentials yet: the enrollment token in its body authenticates it',
};

/** Operations answered as-is, without the envelope (DESIGN: probes and /metrics aside, plus standard documents). */
const RAW_OPERATIONS = new Set([
  'getAgentScanSource',
  'getJwks',
  'getAuditCheckpointKeys',
  'getHealthz',
  'getHealth',
  'getApiHealth',
  'getApiHealthz',
  'getReadyz',
  'getApiReadyz',
  'getMetrics',
  'getEngineStatus',
  // Server-Sent Events streams (text/event-stream)
  'streamEvents',
  'streamJobEvents',
  'streamWorkflowRunEvents',
  // A file of a repository's source, as its bytes (text/plain or application/octet-stream)
  'getRepositorySourceFile',
]);

type Operation = {
  operationId: string;
  summary?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  responses: Record<string, any>;
  'x-websocket'?: boolean;
};
const operations: { method: string; path: string; op: Operation }[] = Object.entries(spec.paths).flatMap(([path, item]) =>
  Object.entries(item as Record<string, Operation>).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
);

let t: TestServer;
beforeAll(async () => {
  t = await startServer();
});
afterAll(async () => {
  await t?.close();
});

test.each(['/openapi.json', '/api/v1/openapi'])('%s serves exactly the committed document', async (path) => {
  const res = await raw(t.baseUrl, path);
  expect(res.status).toBe(200);
  expect(res.body).toEqual(spec);
});

describe('the contract check validates the document as served', () => {
  const ENROLLMENT = '/api/v1/edge-agent/enrollment';
  let body: any;
  beforeAll(async () => {
    const { accessToken } = await t.login();
    const res = await raw(t.baseUrl, ENROLLMENT, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(res.status).toBe(200);
    body = res.body;
  });

  test('accepts a real answer with null in a nullable reference (the token before the first rotation)', () => {
    expect(body.data.token).toBeNull();
    expect(() => expectMatchesContract('GET', ENROLLMENT, 200, body)).not.toThrow();
  });

  // Negative controls: a validator that accepts everything would pass every other suite.
  test.each([
    ['a wrong type inside the envelope', (b: any) => ({ ...b, meta: { ...b.meta, status: 'ok' } })],
    ['null where nothing is nullable', (b: any) => ({ ...b, context: null })],
    ['a principal type outside its enum', (b: any) => ({ ...b, context: { ...b.context, principalType: 'robot' } })],
    ['a nullable reference holding something else', (b: any) => ({ ...b, data: { ...b.data, token: 'not-an-object' } })],
  ])('refuses %s', (_name, spoil) => {
    expect(() => expectMatchesContract('GET', ENROLLMENT, 200, spoil(body))).toThrow(/does not match the contract/);
  });

  test('refuses a body in a media type the document does not declare for the answer, and accepts one it does', () => {
    const answer = (contentType: string) => ({
      status: 200,
      headers: new Headers({ 'content-type': contentType }),
      body: undefined,
      text: 'x',
      bytes: Buffer.from('x'),
    });
    expect(() => expectResponse(answer('text/plain'), 'GET', ENROLLMENT, 200)).toThrow(
      /answered text\/plain; the document declares application\/json/,
    );
    const events = '/api/v1/workflow-runs/{id}/events';
    expect(() => expectResponse(answer('text/event-stream; charset=utf-8'), 'GET', events, 200)).not.toThrow();
    expect(() => expectResponse(answer('text/html'), 'GET', events, 200)).toThrow(/the document declares text\/event-stream/);
  });
});

test('Swagger UI is served at /docs', async () => {
  const res = await raw(t.baseUrl, '/docs');
  expect(res.status).toBe(200);
  expect(res.text).toContain('swagger-ui');
});

describe.each(operations.map((o) => [`${o.method} ${o.path}`, o] as const))('%s', (_name, { op }) => {
  test('has an operation id, a summary, a tag and a security requirement', () => {
    expect(op.operationId).toMatch(/^[a-z][A-Za-z]+$/);
    expect(op.summary).toBeTruthy();
    expect(op.tags?.length).toBeGreaterThan(0);
    expect(Array.isArray(op.security)).toBe(true);
  });

  test('is public only with a recorded reason', () => {
    if (op.security!.length === 0) expect(PUBLIC_OPERATIONS).toHaveProperty(op.operationId);
    else expect(PUBLIC_OPERATIONS).not.toHaveProperty(op.operationId);
  });

  test('documents its success in the envelope (or is a listed raw operation) and its errors in the error envelope', () => {
    const statuses = Object.keys(op.responses);
    // A WebSocket handshake succeeds with 101 Switching Protocols, and nothing else.
    if (op['x-websocket']) {
      expect(statuses.filter((s) => /^[12]\d\d$/.test(s))).toEqual(['101']);
      expect(op.responses['101'].content).toBeUndefined();
    }
    const success = statuses.filter((s) => /^2\d\d$/.test(s));
    if (!op['x-websocket']) expect(success.length).toBeGreaterThan(0);
    for (const status of success) {
      const schema = op.responses[status].content?.['application/json']?.schema;
      if (status === '204') expect(op.responses[status].content).toBeUndefined();
      else if (RAW_OPERATIONS.has(op.operationId)) expect(op.responses[status].content).toBeDefined();
      else expect(schema.allOf[0]).toEqual({ $ref: '#/components/schemas/SuccessEnvelope' });
    }
    for (const status of statuses.filter((s) => /^[45]\d\d$/.test(s) && !(RAW_OPERATIONS.has(op.operationId) && s === '503'))) {
      // The error envelope, narrowed to the codes this operation can answer at this status.
      const schema = op.responses[status].content['application/json'].schema;
      expect(schema.allOf[0]).toEqual({ $ref: '#/components/schemas/ErrorEnvelope' });
      expect(schema.allOf[1].properties.error.properties.code.enum.length).toBeGreaterThan(0);
    }
    expect(statuses).toContain('500');
    if (op.security!.length > 0) expect(statuses).toContain('401');
    // A signed webhook has no principal, hence no permission to lack.
    if (callsAsPrincipal(op.security!)) expect(statuses).toContain('403');
  });
});
