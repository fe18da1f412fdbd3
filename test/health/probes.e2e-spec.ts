import { expectMatchesContract, raw } from '../support/contract.js';
import { dropDatabase, testDatabaseServer } from '../support/database.js';
import { startServer, type TestServer } from '../support/server.js';

let t: TestServer;
beforeAll(async () => {
  t = await startServer();
});
afterAll(async () => {
  await t?.close();
});

test.each(['/healthz', '/health', '/api/v1/health', '/api/v1/healthz'])('%s is 200 without credentials', async (path) => {
  const res = await raw(t.baseUrl, path);
  expect(res.status).toBe(200);
  expect(res.body).toEqual({ status: 'ok' });
  expectMatchesContract('GET', path, 200, res.body);
});

test.each(['/readyz', '/api/v1/readyz'])('%s is 200 with a per-check map when the database answers', async (path) => {
  const res = await raw(t.baseUrl, path);
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ status: 'ok', details: { database: { status: 'up' }, lifecycle: { status: 'up' } } });
  expect(res.headers.get('cache-control')).toBe('no-store');
  expectMatchesContract('GET', path, 200, res.body);
});

test('/metrics exposes process metrics and request durations by route template and status', async () => {
  const { accessToken } = await t.login();
  await raw(t.baseUrl, '/api/v1/me', { headers: { authorization: `Bearer ${accessToken}` } });
  await raw(t.baseUrl, '/api/v1/me');
  await raw(t.baseUrl, '/api/v1/no/such/route/7f3a');
  const res = await raw(t.baseUrl, '/metrics');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/plain');
  expect(res.text).toContain('process_cpu_user_seconds_total');
  expect(res.text).toMatch(/http_request_duration_seconds_bucket\{[^}]*method="GET",route="\/api\/v1\/me",status="200"/);
  expect(res.text).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/me",status="401"\} 1/);
  expect(res.text).toMatch(/route="\(unmatched\)",status="404"/);
  // Raw paths never become labels.
  expect(res.text).not.toContain('7f3a');
});

test('/.well-known/engine-status reports version, commit, uptime, database, migrations and background work', async () => {
  const res = await raw(t.baseUrl, '/.well-known/engine-status');
  expect(res.status).toBe(200);
  expectMatchesContract('GET', '/.well-known/engine-status', 200, res.body);
  expect(res.body).toMatchObject({
    name: 'marshal',
    version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    environment: 'test',
    database: { status: 'up', embedded: false, migrations: { pending: [] } },
  });
  expect(res.body.database.migrations.applied).toBeGreaterThan(0);
  expect(res.body.uptimeSeconds).toBeGreaterThanOrEqual(0);
  expect(res.body.background).toEqual(
    expect.arrayContaining([
      { name: 'reap expired leases', kind: 'sweeper', intervalMs: expect.any(Number) },
      { name: 'expire approvals', kind: 'sweeper', intervalMs: expect.any(Number) },
      { name: 'shred expired wraps', kind: 'sweeper', intervalMs: expect.any(Number) },
      { name: 'forget old workflow callback deliveries', kind: 'sweeper', intervalMs: 600_000 },
      { name: 'sweep-idempotency-keys', kind: 'schedule', cron: '*/15 * * * *' },
    ]),
  );
});

test('readiness is 503 with the failing check named when the database is gone; liveness stays 200', async () => {
  const doomed = await startServer();
  try {
    expect((await raw(doomed.baseUrl, '/readyz')).status).toBe(200);
    const name = new URL(doomed.databaseUrl).pathname.slice(1);
    await dropDatabase(testDatabaseServer().adminUrl, name);
    const res = await raw(doomed.baseUrl, '/readyz');
    expect(res.status).toBe(503);
    expect(res.body.status).toBe('error');
    expect(res.body.error.database.status).toBe('down');
    expect(res.body.details.lifecycle.status).toBe('up');
    expectMatchesContract('GET', '/readyz', 503, res.body);
    expect((await raw(doomed.baseUrl, '/healthz')).status).toBe(200);
    const engine = await raw(doomed.baseUrl, '/.well-known/engine-status');
    expect(engine.body.database.status).toBe('down');
  } finally {
    await doomed.close();
  }
});
