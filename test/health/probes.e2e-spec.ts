import { dropDatabase, testDatabaseServer } from '../support/database.js';
import { httpClient } from '../support/http.js';
import { startServer } from '../support/server.js';
import { useServer } from '../support/use-server.js';

const t = useServer();

test.each(['/healthz', '/health', '/api/v1/health', '/api/v1/healthz'])('%s is 200 without credentials', async (path) => {
  const res = await t.http.get(path, { token: null }).expectResponse(200);
  expect(res.body).toEqual({ status: 'ok' });
});

test.each(['/readyz', '/api/v1/readyz'])('%s is 200 with a per-check map when the database answers', async (path) => {
  const res = await t.http.get(path, { token: null }).expectResponse(200);
  expect(res.body).toMatchObject({ status: 'ok', details: { database: { status: 'up' }, lifecycle: { status: 'up' } } });
  expect(res.headers.get('cache-control')).toBe('no-store');
});

test('/metrics exposes process metrics and request durations by route template and status', async () => {
  const { accessToken } = await t.login();
  await t.http.get('/api/v1/me', { token: accessToken });
  await t.http.get('/api/v1/me', { token: null });
  // A route the document does not have.
  await t.http.get('/api/v1/no/such/route/7f3a', { token: null });
  const res = await t.http.get('/metrics', { token: null }).expectResponse(200);
  expect(res.headers.get('content-type')).toContain('text/plain');
  expect(res.text).toContain('process_cpu_user_seconds_total');
  expect(res.text).toMatch(/http_request_duration_seconds_bucket\{[^}]*method="GET",route="\/api\/v1\/me",status="200"/);
  expect(res.text).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/me",status="401"\} 1/);
  expect(res.text).toMatch(/route="\(unmatched\)",status="404"/);
  // Raw paths never become labels.
  expect(res.text).not.toContain('7f3a');
});

test('/.well-known/engine-status reports version, commit, uptime, database, migrations and background work', async () => {
  const res = await t.http.get('/.well-known/engine-status', { token: null }).expectResponse(200);
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
  // A server of its own, whose database this test drops.
  const doomed = await startServer();
  const http = httpClient(doomed.baseUrl);
  try {
    expect((await http.get('/readyz')).status).toBe(200);
    const name = new URL(doomed.databaseUrl).pathname.slice(1);
    await dropDatabase(testDatabaseServer().adminUrl, name);
    const res = await http.get('/readyz').expectResponse(503);
    expect(res.body.status).toBe('error');
    expect(res.body.error.database.status).toBe('down');
    expect(res.body.details.lifecycle.status).toBe('up');
    expect((await http.get('/healthz')).status).toBe(200);
    const engine = await http.get('/.well-known/engine-status');
    expect(engine.body.database.status).toBe('down');
  } finally {
    await doomed.close();
  }
});
