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

test('the main flows pass through Prism without a violation', async () => {
  const login = expectNoViolations(await raw(prism.baseUrl, '/api/v1/auth/login', { method: 'POST', json: { email: 'owner@marshal.test', password: 'correct horse battery staple' } }), 200);
  const headers = { authorization: `Bearer ${login.body.data.accessToken}` };
  expectNoViolations(await raw(prism.baseUrl, '/api/v1/me', { headers }), 200);
  expectNoViolations(await raw(prism.baseUrl, '/api/v1/edge-agent/enrollment', { headers }), 200);
  expectNoViolations(await raw(prism.baseUrl, '/api/v1/api-keys', { method: 'POST', headers, json: { name: 'prism', permissions: ['team.read'] } }), 201);
  expectNoViolations(await raw(prism.baseUrl, '/api/v1/api-keys', { headers }), 200);
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
