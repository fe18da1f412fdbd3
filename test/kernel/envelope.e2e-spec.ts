import { expectMatchesContract, raw } from '../support/contract.js';
import { startServer, type TestServer } from '../support/server.js';

/**
 * Every client mistake answers the right 4xx in the error envelope, framework errors included,
 * and nothing a client can send produces a 500 or leaks a stack trace.
 */
let t: TestServer;
let token: string;
beforeAll(async () => {
  t = await startServer({ BODY_LIMIT: '2kb' });
  token = (await t.login()).accessToken;
});
afterAll(async () => {
  await t?.close();
});

function expectErrorEnvelope(body: any, status: number, code: string) {
  expect(body).toMatchObject({ success: false, data: null, error: { code }, meta: { status, version: '1' } });
  expect(typeof body.error.message).toBe('string');
  expect(body.meta.requestId).toMatch(/^[0-9a-f-]{36}$/);
  expect(JSON.stringify(body)).not.toMatch(/at \S+ \(|node_modules|QueryFailedError|SELECT |INSERT /);
}

describe('success envelope', () => {
  test('wraps data with meta, context and links', async () => {
    const res = await raw(t.baseUrl, '/api/v1/me', { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ success: true, error: null, meta: { status: 200, version: '1' }, links: { self: '/api/v1/me' } });
    expect(res.body.context).toEqual({ principalId: res.body.data.id, principalType: 'user', organizationId: expect.any(String) });
    expect(Date.parse(res.body.meta.timestamp)).not.toBeNaN();
    expectMatchesContract('GET', '/api/v1/me', 200, res.body);
  });

  test('204 has no body', async () => {
    const { accessToken } = await t.login();
    const res = await raw(t.baseUrl, '/api/v1/auth/logout', { method: 'POST', headers: { authorization: `Bearer ${accessToken}` } });
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
  });
});

describe('correlation', () => {
  test('keeps a caller correlation id and echoes it in the header, the body and the logs', async () => {
    const res = await raw(t.baseUrl, '/api/v1/me', {
      headers: { authorization: `Bearer ${token}`, 'x-correlation-id': 'deploy-42.step:7' },
    });
    expect(res.headers.get('x-correlation-id')).toBe('deploy-42.step:7');
    expect(res.body.meta.correlationId).toBe('deploy-42.step:7');
    expect(res.headers.get('x-request-id')).toBe(res.body.meta.requestId);
    await new Promise((r) => setTimeout(r, 100));
    expect(t.output()).toContain('"correlationId":"deploy-42.step:7"');
  });

  test('mints one when none (or an unsafe one) is sent', async () => {
    const res = await raw(t.baseUrl, '/api/v1/me', {
      headers: { authorization: `Bearer ${token}`, 'x-correlation-id': 'bad id with spaces and <html>' },
    });
    expect(res.headers.get('x-correlation-id')).toBe(res.body.meta.requestId);
    const none = await raw(t.baseUrl, '/nope');
    expect(none.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('client mistakes', () => {
  test('unknown route: 404 ROUTE_NOT_FOUND, for any method', async () => {
    for (const [method, path] of [
      ['GET', '/api/v1/nothing-here'],
      ['POST', '/api/v1/auth/nothing'],
      ['DELETE', '/api/v1/me'],
      ['GET', '/'],
    ]) {
      const res = await raw(t.baseUrl, path, { method, headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(404);
      expectErrorEnvelope(res.body, 404, 'ROUTE_NOT_FOUND');
    }
  });

  test('malformed JSON: 400 MALFORMED_JSON', async () => {
    const res = await raw(t.baseUrl, '/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email": "a@b.c",',
    });
    expect(res.status).toBe(400);
    expectErrorEnvelope(res.body, 400, 'MALFORMED_JSON');
    expectMatchesContract('POST', '/api/v1/auth/login', 400, res.body);
  });

  test('body over the limit: 413 PAYLOAD_TOO_LARGE, and the server still answers', async () => {
    const res = await raw(t.baseUrl, '/api/v1/auth/login', { method: 'POST', json: { email: 'a@b.c', password: 'x'.repeat(4096) } });
    expect(res.status).toBe(413);
    expectErrorEnvelope(res.body, 413, 'PAYLOAD_TOO_LARGE');
    expect((await raw(t.baseUrl, '/healthz')).status).toBe(200);
  });

  test('missing field: 400 VALIDATION_FAILED with REQUIRED', async () => {
    const res = await raw(t.baseUrl, '/api/v1/auth/login', { method: 'POST', json: { email: 'a@b.c' } });
    expect(res.status).toBe(400);
    expectErrorEnvelope(res.body, 400, 'VALIDATION_FAILED');
    expect(res.body.error.validationErrors).toEqual([{ field: 'password', message: 'password is required', code: 'REQUIRED' }]);
    expectMatchesContract('POST', '/api/v1/auth/login', 400, res.body);
  });

  test('extra field: 400 UNKNOWN_FIELD; wrong type: 400 naming the field', async () => {
    const res = await raw(t.baseUrl, '/api/v1/auth/login', { method: 'POST', json: { email: 'a@b.c', password: 12345, admin: true } });
    expect(res.status).toBe(400);
    const fields = res.body.error.validationErrors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`);
    expect(fields).toContain('admin:UNKNOWN_FIELD');
    expect(fields).toContain('password:IS_STRING');
  });

  test('validation errors never echo submitted values', async () => {
    const res = await raw(t.baseUrl, '/api/v1/auth/login', {
      method: 'POST',
      json: { email: 'not-an-email', password: 'hunter2-secret-value', extra: 'also-secret' },
    });
    expect(res.status).toBe(400);
    expect(res.text).not.toContain('hunter2-secret-value');
    expect(res.text).not.toContain('also-secret');
    expect(res.text).not.toContain('not-an-email');
  });

  test.each([
    ['an array', '[1,2,3]'],
    ['a string', '"just a string"'],
    ['null', 'null'],
    ['a number', '42'],
  ])('JSON %s where an object is expected: 400, not 500', async (_kind, body) => {
    const res = await raw(t.baseUrl, '/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(res.status).toBe(400);
    expect(['VALIDATION_FAILED', 'MALFORMED_JSON']).toContain(res.body.error.code);
  });

  test('no body or a non-JSON content type: 400 VALIDATION_FAILED', async () => {
    for (const init of [{}, { headers: { 'content-type': 'text/plain' }, body: 'email=a@b.c' }]) {
      const res = await raw(t.baseUrl, '/api/v1/auth/login', { method: 'POST', ...init });
      expect(res.status).toBe(400);
      expectErrorEnvelope(res.body, 400, 'VALIDATION_FAILED');
    }
  });

  test('unsupported body encoding: 415', async () => {
    const res = await raw(t.baseUrl, '/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'br-unknown' },
      body: '{}',
    });
    expect(res.status).toBe(415);
    expectErrorEnvelope(res.body, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  test('a bad or missing token: 401 UNAUTHENTICATED in the envelope', async () => {
    for (const authorization of [
      undefined,
      'Bearer',
      'Bearer not-a-jwt',
      `Basic ${Buffer.from('a:b').toString('base64')}`,
      `Bearer ${token}x`,
    ]) {
      const res = await raw(t.baseUrl, '/api/v1/me', { headers: authorization ? { authorization } : {} });
      expect(res.status).toBe(401);
      expectErrorEnvelope(res.body, 401, 'UNAUTHENTICATED');
      expectMatchesContract('GET', '/api/v1/me', 401, res.body);
    }
  });

  test('security headers are set and the stack is not advertised', async () => {
    const res = await raw(t.baseUrl, '/healthz');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  test('no request above produced a 500 or logged an error', () => {
    expect(t.output()).not.toMatch(/"statusCode":5\d\d/);
    expect(t.output()).not.toMatch(/"level":50/);
  });
});
