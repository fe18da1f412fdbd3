import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectMatchesContract, raw } from '../support/contract.js';
import { checkErrorCodes, declaredErrorCodes, undeclaredErrorCode, UndeclaredErrorCode } from '../support/error-codes.js';
import { ROOT, startServer, type TestServer } from '../support/server.js';

/**
 * Every error answer is one its operation declares: the typed clients and `raw` of test/support
 * fail any suite whose traffic meets an undeclared code (test/support/error-codes.ts). This file
 * proves that the check holds, on the served document and on real answers, and that it fails.
 */
let t: TestServer;
let token: string;
beforeAll(async () => {
  t = await startServer();
  token = (await t.login()).accessToken;
});
afterAll(async () => {
  await t?.close();
});

const auth = () => ({ authorization: `Bearer ${token}` });

test('the served document is the committed one the check reads', async () => {
  const served = await raw(t.baseUrl, '/openapi.json');
  expect(served.status).toBe(200);
  expect(served.body).toEqual(JSON.parse(readFileSync(join(ROOT, 'openapi', 'openapi.json'), 'utf8')));
});

test('each error status lists its codes as an enum on error.code', () => {
  expect(declaredErrorCodes('GET', '/api/v1/jobs/{id}', 404)).toEqual(['NOT_FOUND']);
  expect(declaredErrorCodes('POST', '/api/v1/jobs', 422)).toEqual(
    expect.arrayContaining(['UNKNOWN_AGENT', 'AGENT_REVOKED', 'IDEMPOTENCY_KEY_REUSED']),
  );
  // The common codes, attached where the document is completed.
  expect(declaredErrorCodes('POST', '/api/v1/jobs', 400)).toEqual(expect.arrayContaining(['VALIDATION_FAILED', 'MALFORMED_JSON']));
  expect(declaredErrorCodes('GET', '/api/v1/me', 401)).toEqual(['UNAUTHENTICATED']);
  expect(declaredErrorCodes('GET', '/api/v1/me', 500)).toEqual(['INTERNAL']);
});

test('a declared code passes the check and matches the contract', async () => {
  const res = await raw(t.baseUrl, '/api/v1/jobs/00000000-0000-4000-8000-000000000000', { headers: auth() });
  expect(res.status).toBe(404);
  expect(res.body.error.code).toBe('NOT_FOUND');
  expectMatchesContract('GET', '/api/v1/jobs/{id}', 404, res.body);
});

test('a 422 rule code passes through the typed client', async () => {
  const { error, response } = await t.as(token).POST('/api/v1/jobs', {
    params: { header: { 'Idempotency-Key': 'error-codes-1' } },
    body: { type: 'noop', targetAgentId: '00000000-0000-4000-8000-000000000000', maxAttempts: 1, priority: 0, timeoutSeconds: 60 },
  });
  expect(response.status).toBe(422);
  expect(error?.error.code).toBe('UNKNOWN_AGENT');
});

describe('negative control: the check fails on a code its operation does not declare', () => {
  test('the document refuses an undeclared code at a declared status, and an undeclared status', () => {
    expect(undeclaredErrorCode('GET', '/api/v1/jobs/123', 404, { error: { code: 'NOT_FOUND' } })).toBeNull();
    expect(undeclaredErrorCode('GET', '/api/v1/jobs/123', 404, { error: { code: 'LEASE_LOST' } })).toMatch(
      /GET \/api\/v1\/jobs\/\{id\} answered 404 LEASE_LOST/,
    );
    expect(undeclaredErrorCode('GET', '/api/v1/jobs/123', 418, { error: { code: 'TEAPOT' } })).toMatch(
      /a status its operation does not declare/,
    );
    // An unmatched route is no operation's: ROUTE_NOT_FOUND there is not checked.
    expect(undeclaredErrorCode('GET', '/api/v1/no-such-thing', 404, { error: { code: 'ROUTE_NOT_FOUND' } })).toBeNull();
  });

  test('a real answer held to another operation fails the request', async () => {
    // The same 404 NOT_FOUND answer, as if GET /api/v1/me had given it: /me declares no 404.
    const pretend = checkErrorCodes(async (input, init) => {
      const answer = await fetch(`${t.baseUrl}/api/v1/jobs/00000000-0000-4000-8000-000000000000`, init);
      void input;
      return answer;
    });
    await expect(pretend(`${t.baseUrl}/api/v1/me`, { headers: auth() })).rejects.toThrow(UndeclaredErrorCode);
    await expect(pretend(`${t.baseUrl}/api/v1/me`, { headers: auth() })).rejects.toThrow(
      /GET \/api\/v1\/me answered 404 NOT_FOUND, a status its operation does not declare/,
    );
  });
});
