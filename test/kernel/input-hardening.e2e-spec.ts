import { randomBytes, randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { expectMatchesContract, expectResponse, raw, spec } from '../support/contract.js';
import { ADMIN, startServer, type TestServer } from '../support/server.js';

/**
 * Input that PostgreSQL, the JSON parser or the decompressor cannot take answers a 4xx in the
 * envelope, never a 500: NUL characters in any string (refused by the validation layer at the
 * field), JSON nested deeper than the documented limit (refused before it is parsed), bodies that
 * do not decompress as their Content-Encoding says. And a route with a larger body limit (the
 * secrets bulk route, 8 MB) reads its body only once the caller is authenticated.
 */
let t: TestServer;
let token: string;
let agent: { id: string; secret: string };
let enrollmentToken: string;
const WEBHOOK_SECRET = randomBytes(24).toString('hex');

const MAX_DEPTH = 64;
const bearer = () => ({ authorization: `Bearer ${token}` });
const idempotent = () => ({ ...bearer(), 'idempotency-key': randomUUID() });

beforeAll(async () => {
  t = await startServer({ WORKFLOW_WEBHOOK_SECRET: WEBHOOK_SECRET });
  token = (await t.login()).accessToken;
  const minted = await raw(t.baseUrl, '/api/v1/agents', {
    method: 'POST',
    headers: bearer(),
    json: { name: 'hardening-agent', capabilities: ['noop'] },
  });
  agent = { id: minted.body.data.agent.id, secret: minted.body.data.agentSecret };
  enrollmentToken = (await raw(t.baseUrl, '/api/v1/edge-agent/enrollment/rotate', { method: 'POST', headers: bearer(), json: {} })).body
    .data.enrollmentToken;
});
afterAll(async () => {
  await t?.close();
});

function expectFieldErrors(res: { body: any }, expected: { field: string; code: string }[]) {
  expect(res.body.error.validationErrors.map((e: { field: string; code: string }) => ({ field: e.field, code: e.code }))).toEqual(expected);
}

describe('a NUL character (\\u0000) in any string: 400 VALIDATION_FAILED at the field', () => {
  test('a project name (an authenticated DTO route); nothing is created', async () => {
    const res = await raw(t.baseUrl, '/api/v1/projects', { method: 'POST', headers: bearer(), json: { name: 'pay\u0000ments' } });
    expectResponse(res, 'POST', '/api/v1/projects', 400, 'VALIDATION_FAILED');
    expectFieldErrors(res, [{ field: 'name', code: 'NUL_CHARACTER' }]);
    expect(await t.sql(`SELECT 1 FROM projects WHERE name LIKE 'pay%'`)).toHaveLength(0);
  });

  test('deep in a free-form job payload, in a value or in a key', async () => {
    const value = await raw(t.baseUrl, '/api/v1/jobs', {
      method: 'POST',
      headers: idempotent(),
      json: { type: 'noop', payload: { items: [{ name: 'a' }, { name: 'b' }, { name: 'c\u0000' }], note: 'ok' } },
    });
    expectResponse(value, 'POST', '/api/v1/jobs', 400, 'VALIDATION_FAILED');
    expectFieldErrors(value, [{ field: 'payload.items[2].name', code: 'NUL_CHARACTER' }]);

    const key = await raw(t.baseUrl, '/api/v1/jobs', {
      method: 'POST',
      headers: idempotent(),
      json: { type: 'noop', payload: { nested: { 'k\u0000': 1 } } },
    });
    expectResponse(key, 'POST', '/api/v1/jobs', 400, 'VALIDATION_FAILED');
    expectFieldErrors(key, [{ field: 'payload.nested', code: 'NUL_CHARACTER' }]);
    expect(await t.sql(`SELECT 1 FROM jobs WHERE payload ? 'items' OR payload ? 'nested'`)).toHaveLength(0);
  });

  test('agent labels, and a list filter (?q=)', async () => {
    const labels = await raw(t.baseUrl, '/api/v1/agents', {
      method: 'POST',
      headers: bearer(),
      json: { name: 'edge-nul', labels: { region: 'e\u0000u' } },
    });
    expectResponse(labels, 'POST', '/api/v1/agents', 400, 'VALIDATION_FAILED');
    expectFieldErrors(labels, [{ field: 'labels.region', code: 'NUL_CHARACTER' }]);

    const q = await raw(t.baseUrl, '/api/v1/projects?q=a%00b', { headers: bearer() });
    expectResponse(q, 'GET', '/api/v1/projects', 400, 'VALIDATION_FAILED');
    expectFieldErrors(q, [{ field: 'q', code: 'NUL_CHARACTER' }]);
  });

  test('a path segment', async () => {
    const key = await raw(t.baseUrl, '/api/v1/workspace/secrets/api%00key', { method: 'POST', headers: bearer(), json: { value: 'v' } });
    expectResponse(key, 'POST', '/api/v1/workspace/secrets/{key}', 400, 'VALIDATION_FAILED');
    expectFieldErrors(key, [{ field: 'key', code: 'NUL_CHARACTER' }]);
    const type = await raw(t.baseUrl, '/api/v1/step-types/ht%00tp', { headers: bearer() });
    expectResponse(type, 'GET', '/api/v1/step-types/{type}', 400, 'VALIDATION_FAILED');
    expectFieldErrors(type, [{ field: 'type', code: 'NUL_CHARACTER' }]);
  });

  test('unauthenticated login and agent registration', async () => {
    const login = await raw(t.baseUrl, '/api/v1/auth/login', {
      method: 'POST',
      json: { email: ADMIN.email, password: `${ADMIN.password}\u0000` },
    });
    expectResponse(login, 'POST', '/api/v1/auth/login', 400, 'VALIDATION_FAILED');
    expectFieldErrors(login, [{ field: 'password', code: 'NUL_CHARACTER' }]);
    const register = await raw(t.baseUrl, '/api/v1/agents/register', {
      method: 'POST',
      json: { enrollmentToken, name: 'edge\u0000', hostname: 'h\u0000' },
    });
    expectResponse(register, 'POST', '/api/v1/agents/register', 400, 'VALIDATION_FAILED');
    expectFieldErrors(register, [
      { field: 'name', code: 'NUL_CHARACTER' },
      { field: 'hostname', code: 'NUL_CHARACTER' },
    ]);
  });

  test('an agent protocol route', async () => {
    const res = await raw(t.baseUrl, `/api/v1/agents/${agent.id}/secrets/bulk`, {
      method: 'POST',
      headers: { 'x-agent-secret': agent.secret },
      json: { secrets: [{ clusterName: 'c1', provider: 'vault', ref: 'db\u0000' }] },
    });
    expectResponse(res, 'POST', '/api/v1/agents/{id}/secrets/bulk', 400, 'VALIDATION_FAILED');
    expectFieldErrors(res, [{ field: 'secrets[0].ref', code: 'NUL_CHARACTER' }]);
  });

  test('a raw NUL in a header value or the request line: 400 in the envelope, before any route', async () => {
    for (const request of [
      `GET /api/v1/me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\nx-workspace-id: ab\u0000cd\r\n\r\n`,
      `POST /api/v1/projects HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\nIdempotency-Key: k\u0000\r\nContent-Length: 2\r\n\r\n{}`,
      'GET /api/v1/pro\u0000jects HTTP/1.1\r\nHost: x\r\n\r\n',
    ]) {
      const answer = await exchange(request);
      expect(answer.status).toBe(400);
      expect(answer.headers.connection).toBe('close');
      expect(answer.body).toMatchObject({ success: false, data: null, error: { code: 'BAD_REQUEST' }, meta: { status: 400 } });
    }
  });
});

/** `[[[…]]]`, `{"a":{"a":…}}`: `levels` containers deep. */
const deepArray = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
const deepObject = (levels: number, leaf = '1') => '{"a":'.repeat(levels) + leaf + '}'.repeat(levels);

describe(`JSON nested deeper than ${MAX_DEPTH} levels: 400 JSON_TOO_DEEP, before it is parsed`, () => {
  const json = { 'content-type': 'application/json' };

  test('unauthenticated login, whole body or one field, at 3 000 and at 100 000 levels', async () => {
    for (const body of [deepArray(3000), `{"email":${deepObject(3000)},"password":"x"}`, deepArray(100_000)]) {
      const res = await raw(t.baseUrl, '/api/v1/auth/login', { method: 'POST', headers: json, body });
      expectResponse(res, 'POST', '/api/v1/auth/login', 400, 'JSON_TOO_DEEP');
    }
  });

  test('brackets inside strings do not count; escaped quotes do not end a string', async () => {
    const res = await raw(t.baseUrl, '/api/v1/auth/login', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ email: ADMIN.email, password: `${'['.repeat(500)}\\"{{{` }),
    });
    expectResponse(res, 'POST', '/api/v1/auth/login', 401, 'UNAUTHENTICATED');
  });

  test('agent registration', async () => {
    const res = await raw(t.baseUrl, '/api/v1/agents/register', {
      method: 'POST',
      headers: json,
      body: `{"enrollmentToken":"x","name":"n","labels":${deepObject(3000, '"v"')}}`,
    });
    expectResponse(res, 'POST', '/api/v1/agents/register', 400, 'JSON_TOO_DEEP');
  });

  test(`a job payload: ${MAX_DEPTH} levels in all are taken, ${MAX_DEPTH + 1} are not`, async () => {
    // The body is one level, payload another: MAX_DEPTH - 2 more objects fit inside it.
    const fits = `{"type":"noop","payload":${deepObject(MAX_DEPTH - 1)}}`;
    const accepted = await raw(t.baseUrl, '/api/v1/jobs', { method: 'POST', headers: { ...idempotent(), ...json }, body: fits });
    expectResponse(accepted, 'POST', '/api/v1/jobs', 201);
    const tooDeep = `{"type":"noop","payload":${deepObject(MAX_DEPTH)}}`;
    const refused = await raw(t.baseUrl, '/api/v1/jobs', { method: 'POST', headers: { ...idempotent(), ...json }, body: tooDeep });
    expectResponse(refused, 'POST', '/api/v1/jobs', 400, 'JSON_TOO_DEEP');
  });

  test('the signed webhook (its own parser, which keeps the raw body)', async () => {
    const res = await raw(t.baseUrl, '/api/v1/webhooks/workflow-completed', { method: 'POST', headers: json, body: deepArray(3000) });
    expectResponse(res, 'POST', '/api/v1/webhooks/workflow-completed', 400, 'JSON_TOO_DEEP');
  });

  test('the secrets bulk route (read after authentication, with its own limit)', async () => {
    const res = await raw(t.baseUrl, `/api/v1/agents/${agent.id}/secrets/bulk`, {
      method: 'POST',
      headers: { ...json, 'x-agent-secret': agent.secret },
      body: `{"secrets":${deepArray(3000)}}`,
    });
    expectResponse(res, 'POST', '/api/v1/agents/{id}/secrets/bulk', 400, 'JSON_TOO_DEEP');
  });

  test('a UTF-16 body is measured on its characters, not its bytes', async () => {
    const body = Buffer.from(deepArray(3000), 'utf16le');
    const res = await raw(t.baseUrl, '/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-16le' },
      body,
    });
    expectResponse(res, 'POST', '/api/v1/auth/login', 400, 'JSON_TOO_DEEP');
  });

  test('query strings are flat: a key that looks 3 000 levels deep is one unknown key', async () => {
    const res = await raw(t.baseUrl, `/api/v1/projects?${'a'}${'[a]'.repeat(3000)}=1`, { headers: bearer() });
    expectResponse(res, 'GET', '/api/v1/projects', 400, 'VALIDATION_FAILED');
    expect(res.body.error.validationErrors[0].code).toBe('UNKNOWN_FIELD');
  });
});

describe('a body that does not decompress as its Content-Encoding says: 400 MALFORMED_CONTENT_ENCODING', () => {
  const credentials = Buffer.from(JSON.stringify({ email: ADMIN.email, password: ADMIN.password }));

  test.each([
    ['gzip', Buffer.from('not gzip at all')],
    ['gzip', gzipSync(credentials).subarray(0, 20)], // a valid header, cut short
    ['br', Buffer.from('not brotli at all')],
    ['deflate', Buffer.from('not deflate')],
  ])('%s with a body that is not valid', async (encoding, body) => {
    const res = await raw(t.baseUrl, '/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': encoding },
      body,
    });
    expectResponse(res, 'POST', '/api/v1/auth/login', 400, 'MALFORMED_CONTENT_ENCODING');
  });

  test.each([
    ['gzip', gzipSync(credentials)],
    ['br', brotliCompressSync(credentials)],
    ['deflate', deflateSync(credentials)],
  ])('a valid %s body is read', async (encoding, body) => {
    const res = await raw(t.baseUrl, '/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': encoding },
      body,
    });
    expectResponse(res, 'POST', '/api/v1/auth/login', 200);
  });

  test('on the secrets bulk route too', async () => {
    const res = await raw(t.baseUrl, `/api/v1/agents/${agent.id}/secrets/bulk`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', 'x-agent-secret': agent.secret },
      body: Buffer.from('garbage'),
    });
    expectResponse(res, 'POST', '/api/v1/agents/{id}/secrets/bulk', 400, 'MALFORMED_CONTENT_ENCODING');
  });
});

interface Exchange {
  status: number;
  headers: Record<string, string>;
  body: any;
  /** Bytes of the request this side had written when the server closed the connection. */
  sent: number;
}

/**
 * Writes `head` (and `first`, the start of a body) on a raw connection and waits for the server
 * to answer and close it, without ever sending more. Rejects if no answer comes within `timeoutMs`.
 */
function exchange(head: string, first: Buffer = Buffer.alloc(0), timeoutMs = 20_000): Promise<Exchange> {
  const url = new URL(t.baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname);
    const chunks: Buffer[] = [];
    const sent = Buffer.byteLength(head) + first.length;
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms; received: ${Buffer.concat(chunks).toString().slice(0, 300)}`));
    }, timeoutMs);
    socket.on('connect', () => {
      socket.write(head);
      if (first.length) socket.write(first);
    });
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => undefined); // a reset after the answer: what was received is what counts
    socket.on('close', () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('utf8');
      const [top, ...rest] = text.split('\r\n\r\n');
      const [statusLine, ...headerLines] = top.split('\r\n');
      const headers = Object.fromEntries(
        headerLines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
      );
      let body: unknown;
      try {
        body = JSON.parse(rest.join('\r\n\r\n'));
      } catch {
        body = rest.join('\r\n\r\n');
      }
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body, sent });
    });
  });
}

describe('a route with a larger body limit authenticates before it reads the body', () => {
  const BIG = Math.round(7.5 * 1024 * 1024);
  const head = (path: string, headers: Record<string, string>) =>
    `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${BIG}\r\n` +
    Object.entries(headers)
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('') +
    '\r\n';
  const first = Buffer.from(`{"secrets":[${'{"clusterName":"c1","provider":"vault","ref":"r"},'.repeat(1000)}`);

  test.each([
    ['no credentials', {}],
    ['a wrong X-Agent-Secret', { 'X-Agent-Secret': `mas_${randomBytes(24).toString('base64url')}` }],
  ])('%s: 401 once the headers are in, the rest of the body never read, the connection closed', async (_case, headers) => {
    const answer = await exchange(head(`/api/v1/agents/${agent.id}/secrets/bulk`, headers), first);
    expect(answer.status).toBe(401);
    expect(answer.headers.connection).toBe('close');
    expect(answer.body).toMatchObject({ success: false, error: { code: 'UNAUTHENTICATED' } });
    expectMatchesContract('POST', '/api/v1/agents/{id}/secrets/bulk', 401, answer.body);
    expect(answer.sent).toBeLessThan(BIG / 50);
  });

  test('another agent, authenticated: 403 before the body too', async () => {
    const other = await raw(t.baseUrl, '/api/v1/agents', { method: 'POST', headers: bearer(), json: { name: 'other-agent' } });
    const answer = await exchange(
      head(`/api/v1/agents/${agent.id}/secrets/bulk`, { 'X-Agent-Secret': other.body.data.agentSecret }),
      first,
    );
    expect(answer.status).toBe(403);
    expect(answer.headers.connection).toBe('close');
  });

  test('the agent itself: a body above 1 MB is read and applied', async () => {
    const secrets = Array.from({ length: 4000 }, (_, i) => ({
      clusterName: 'big',
      provider: 'vault',
      ref: `secret-${i}`,
      labels: { note: 'n'.repeat(250) },
    }));
    const body = JSON.stringify({ secrets });
    expect(body.length).toBeGreaterThan(1024 * 1024);
    const res = await raw(t.baseUrl, `/api/v1/agents/${agent.id}/secrets/bulk`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-agent-secret': agent.secret },
      body,
    });
    expectResponse(res, 'POST', '/api/v1/agents/{id}/secrets/bulk', 200);
    expect(res.body.data).toMatchObject({ received: 4000, inserted: 4000 });
  });

  test('the agent itself: above the route limit (8 MB) is 413', async () => {
    const body = JSON.stringify({ secrets: [{ clusterName: 'c1', provider: 'vault', ref: 'r', version: 'x'.repeat(9 * 1024 * 1024) }] });
    const res = await raw(t.baseUrl, `/api/v1/agents/${agent.id}/secrets/bulk`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-agent-secret': agent.secret },
      body,
    });
    expectResponse(res, 'POST', '/api/v1/agents/{id}/secrets/bulk', 413, 'PAYLOAD_TOO_LARGE');
  });

  test('an ordinary route keeps the 1 MB limit', async () => {
    const res = await raw(t.baseUrl, '/api/v1/projects', {
      method: 'POST',
      headers: bearer(),
      json: { name: 'big', description: 'd'.repeat(1100 * 1024) },
    });
    expectResponse(res, 'POST', '/api/v1/projects', 413, 'PAYLOAD_TOO_LARGE');
  });

  test('the document says which route takes more', () => {
    expect(spec.paths['/api/v1/agents/{id}/secrets/bulk'].post).toMatchObject({ 'x-body-limit': '8mb' });
    expect(spec.paths['/api/v1/projects'].post).not.toHaveProperty('x-body-limit');
  });
});

describe('the contract', () => {
  test('every operation that takes a body declares the body codes', () => {
    for (const [path, item] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(
        item as Record<string, { requestBody?: unknown; responses: Record<string, { description: string }> }>,
      )) {
        if (!op.requestBody) continue;
        const where = `${method.toUpperCase()} ${path}`;
        for (const code of ['VALIDATION_FAILED', 'MALFORMED_JSON', 'JSON_TOO_DEEP', 'MALFORMED_CONTENT_ENCODING']) {
          expect(`${where}: ${op.responses['400']?.description}`).toContain(code);
        }
        expect(`${where}: ${op.responses['413']?.description}`).toContain('PAYLOAD_TOO_LARGE');
      }
    }
  });

  test('no request above produced a 500 or logged an error', () => {
    expect(t.output()).not.toMatch(/"statusCode":5\d\d/);
    expect(t.output()).not.toMatch(/"level":50/);
  });
});
