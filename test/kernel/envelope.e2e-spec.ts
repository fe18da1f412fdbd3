import type { Method } from '../support/http.js';
import { useServer } from '../support/use-server.js';

/**
 * Every client mistake answers the right 4xx in the error envelope, framework errors included,
 * and nothing a client can send produces a 500 or leaks a stack trace.
 */
const t = useServer({ BODY_LIMIT: '2kb' });

function expectErrorEnvelope(body: any, status: number, code: string) {
  expect(body).toMatchObject({ success: false, data: null, error: { code }, meta: { status, version: '1' } });
  expect(typeof body.error.message).toBe('string');
  expect(body.meta.requestId).toMatch(/^[0-9a-f-]{36}$/);
  expect(JSON.stringify(body)).not.toMatch(/at \S+ \(|node_modules|QueryFailedError|SELECT |INSERT /);
}

describe('success envelope', () => {
  test('wraps data with meta, context and links', async () => {
    const body = await t.http.get('/api/v1/me').expect(200);
    expect(body).toMatchObject({ success: true, error: null, meta: { status: 200, version: '1' }, links: { self: '/api/v1/me' } });
    expect(body.context).toEqual({ principalId: body.data.id, principalType: 'user', organizationId: expect.any(String) });
    expect(Date.parse(body.meta.timestamp)).not.toBeNaN();
  });

  test('204 has no body', async () => {
    const { accessToken } = await t.login();
    const res = await t.http.post('/api/v1/auth/logout', { token: accessToken }).expectResponse(204);
    expect(res.text).toBe('');
  });
});

describe('correlation', () => {
  test('keeps a caller correlation id and echoes it in the header, the body and the logs', async () => {
    const res = await t.http.get('/api/v1/me', { headers: { 'x-correlation-id': 'deploy-42.step:7' } }).expectResponse(200);
    expect(res.headers.get('x-correlation-id')).toBe('deploy-42.step:7');
    expect(res.body.meta.correlationId).toBe('deploy-42.step:7');
    expect(res.headers.get('x-request-id')).toBe(res.body.meta.requestId);
    await new Promise((r) => setTimeout(r, 100));
    expect(t.output()).toContain('"correlationId":"deploy-42.step:7"');
  });

  test('mints one when none (or an unsafe one) is sent', async () => {
    const res = await t.http.get('/api/v1/me', { headers: { 'x-correlation-id': 'bad id with spaces and <html>' } }).expectResponse(200);
    expect(res.headers.get('x-correlation-id')).toBe(res.body.meta.requestId);
    // A route the document does not have: the answer is inspected by hand.
    const none = await t.http.get('/nope', { token: null });
    expect(none.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('client mistakes', () => {
  test('unknown route: 404 ROUTE_NOT_FOUND, for any method', async () => {
    // Routes (and a method) the document does not have: the answers are inspected by hand.
    for (const [method, path] of [
      ['GET', '/api/v1/nothing-here'],
      ['POST', '/api/v1/auth/nothing'],
      ['DELETE', '/api/v1/me'],
      ['GET', '/'],
    ] as [Method, string][]) {
      const res = await t.http.request(method, path);
      expect(res.status).toBe(404);
      expectErrorEnvelope(res.body, 404, 'ROUTE_NOT_FOUND');
    }
  });

  test('malformed JSON: 400 MALFORMED_JSON', async () => {
    const body = await t.http.post('/api/v1/auth/login', { token: null, rawBody: '{"email": "a@b.c",' }).expect(400, 'MALFORMED_JSON');
    expectErrorEnvelope(body, 400, 'MALFORMED_JSON');
  });

  test('body over the limit: 413 PAYLOAD_TOO_LARGE, and the server still answers', async () => {
    const body = await t.http
      .post('/api/v1/auth/login', { token: null, body: { email: 'a@b.c', password: 'x'.repeat(4096) } })
      .expect(413, 'PAYLOAD_TOO_LARGE');
    expectErrorEnvelope(body, 413, 'PAYLOAD_TOO_LARGE');
    // A probe's body is not the envelope (.expect assumes it for a 2xx): its status is checked by hand.
    expect((await t.http.get('/healthz', { token: null })).status).toBe(200);
  });

  test('missing field: 400 VALIDATION_FAILED with REQUIRED', async () => {
    const body = await t.http.post('/api/v1/auth/login', { token: null, body: { email: 'a@b.c' } }).expect(400, 'VALIDATION_FAILED');
    expectErrorEnvelope(body, 400, 'VALIDATION_FAILED');
    expect(body.error.validationErrors).toEqual([{ field: 'password', message: 'password is required', code: 'REQUIRED' }]);
  });

  test('extra field: 400 UNKNOWN_FIELD; wrong type: 400 naming the field', async () => {
    const body = await t.http
      .post('/api/v1/auth/login', { token: null, body: { email: 'a@b.c', password: 12345, admin: true } })
      .expect(400);
    const fields = body.error.validationErrors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`);
    expect(fields).toContain('admin:UNKNOWN_FIELD');
    expect(fields).toContain('password:IS_STRING');
  });

  test('validation errors never echo submitted values', async () => {
    const res = await t.http
      .post('/api/v1/auth/login', { token: null, body: { email: 'not-an-email', password: 'hunter2-secret-value', extra: 'also-secret' } })
      .expectResponse(400);
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
    const answer = await t.http.post('/api/v1/auth/login', { token: null, rawBody: body }).expect(400);
    expect(['VALIDATION_FAILED', 'MALFORMED_JSON']).toContain(answer.error.code);
  });

  test('no body or a non-JSON content type: 400 VALIDATION_FAILED', async () => {
    for (const options of [{}, { headers: { 'content-type': 'text/plain' }, rawBody: 'email=a@b.c' }]) {
      const body = await t.http.post('/api/v1/auth/login', { token: null, ...options }).expect(400, 'VALIDATION_FAILED');
      expectErrorEnvelope(body, 400, 'VALIDATION_FAILED');
    }
  });

  test('unsupported body encoding: 415', async () => {
    const body = await t.http
      .post('/api/v1/auth/login', { token: null, headers: { 'content-encoding': 'br-unknown' }, rawBody: '{}' })
      .expect(415, 'UNSUPPORTED_MEDIA_TYPE');
    expectErrorEnvelope(body, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  test('a bad or missing token: 401 UNAUTHENTICATED in the envelope', async () => {
    for (const authorization of [
      undefined,
      'Bearer',
      'Bearer not-a-jwt',
      `Basic ${Buffer.from('a:b').toString('base64')}`,
      `Bearer ${t.token}x`,
    ]) {
      const body = await t.http.get('/api/v1/me', { token: null, headers: { authorization } }).expect(401, 'UNAUTHENTICATED');
      expectErrorEnvelope(body, 401, 'UNAUTHENTICATED');
    }
  });

  test('security headers are set and the stack is not advertised', async () => {
    const res = await t.http.get('/healthz', { token: null });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  test('no request above produced a 500 or logged an error', () => {
    expect(t.output()).not.toMatch(/"statusCode":5\d\d/);
    expect(t.output()).not.toMatch(/"level":50/);
  });
});
