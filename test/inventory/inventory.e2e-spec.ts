import { randomBytes, randomUUID } from 'node:crypto';
import { expectResponse, raw, type RawResponse } from '../support/contract.js';
import { otherOrganization } from '../support/fixtures.js';
import { startServer, type TestServer } from '../support/server.js';

/** Projects, environments and freeze windows: names, status, deletion rules, time zones, isolation. */
let t: TestServer;
let token: string;
beforeAll(async () => {
  t = await startServer();
  token = (await t.login()).accessToken;
});
afterAll(async () => {
  await t?.close();
});

const hex = () => randomBytes(3).toString('hex');
const call = (method: string, path: string, json?: unknown, as = token): Promise<RawResponse> =>
  raw(t.baseUrl, path, { method, headers: { authorization: `Bearer ${as}` }, json });

async function project(name = `Payments ${hex()}`, as = token) {
  return expectResponse(await call('POST', '/api/v1/projects', { name }, as), 'POST', '/api/v1/projects', 201).body.data;
}
async function environment(body: Record<string, unknown>, as = token) {
  return expectResponse(await call('POST', '/api/v1/environments', body, as), 'POST', '/api/v1/environments', 201).body.data;
}

test('projects: a slug from the name, unique names and slugs, archive and restore, deletion only without environments', async () => {
  const name = `Ünïcode Pay ${hex()}`;
  const p = await project(name);
  expect(p).toMatchObject({ name, status: 'active' });
  expect(p.slug).toMatch(/^unicode-pay-[0-9a-f]{6}$/);
  expectResponse(await call('POST', '/api/v1/projects', { name }), 'POST', '/api/v1/projects', 409, 'CONFLICT');
  expectResponse(await call('POST', '/api/v1/projects', { name: `Other ${hex()}`, slug: p.slug }), 'POST', '/api/v1/projects', 409, 'CONFLICT');
  expectResponse(await call('POST', '/api/v1/projects', { name: `Bad ${hex()}`, slug: 'Not A Slug' }), 'POST', '/api/v1/projects', 400, 'VALIDATION_FAILED');

  const archived = expectResponse(await call('PUT', `/api/v1/projects/${p.id}/status`, { status: 'archived' }), 'PUT', '/api/v1/projects/{id}/status', 200).body.data;
  expect(archived.status).toBe('archived');
  const listed = expectResponse(await call('GET', '/api/v1/projects?status=archived&pageSize=100'), 'GET', '/api/v1/projects', 200).body.data;
  expect(listed.map((x: { id: string }) => x.id)).toContain(p.id);
  expectResponse(await call('PUT', `/api/v1/projects/${p.id}/status`, { status: 'gone' }), 'PUT', '/api/v1/projects/{id}/status', 400, 'VALIDATION_FAILED');
  // Left out is "unchanged"; null is not a name (400, not a 500 from the NOT NULL column).
  for (const body of [{ name: null }, { description: null }]) expectResponse(await call('PUT', `/api/v1/projects/${p.id}`, body), 'PUT', '/api/v1/projects/{id}', 400, 'VALIDATION_FAILED');

  const env = await environment({ name: 'production', projectId: p.id, tier: 'production' });
  const refused = expectResponse(await call('DELETE', `/api/v1/projects/${p.id}`), 'DELETE', '/api/v1/projects/{id}', 409, 'CONFLICT');
  expect(refused.body.error.details).toEqual({ environments: 1 });
  expectResponse(await call('DELETE', `/api/v1/environments/${env.id}`), 'DELETE', '/api/v1/environments/{id}', 204);
  expectResponse(await call('DELETE', `/api/v1/projects/${p.id}`), 'DELETE', '/api/v1/projects/{id}', 204);
  expectResponse(await call('GET', `/api/v1/projects/${p.id}`), 'GET', '/api/v1/projects/{id}', 404, 'NOT_FOUND');
});

test('environments: names unique within their project or the organization; filters; a project of another organization is 404', async () => {
  const a = await project();
  const b = await project();
  const prodA = await environment({ name: 'production', projectId: a.id, tier: 'production', clusters: ['prod-eu-1', 'prod-eu-1'], labels: { region: 'eu' } });
  expect(prodA).toMatchObject({ projectId: a.id, tier: 'production', clusters: ['prod-eu-1'], labels: { region: 'eu' }, frozen: false });
  await environment({ name: 'production', projectId: b.id });
  const shared = `shared-${hex()}`;
  await environment({ name: shared });
  expectResponse(await call('POST', '/api/v1/environments', { name: 'production', projectId: a.id }), 'POST', '/api/v1/environments', 409, 'CONFLICT');
  expectResponse(await call('POST', '/api/v1/environments', { name: shared }), 'POST', '/api/v1/environments', 409, 'CONFLICT');
  expectResponse(await call('POST', '/api/v1/environments', { name: 'x', tier: 'prod' }), 'POST', '/api/v1/environments', 400, 'VALIDATION_FAILED');
  expectResponse(await call('POST', '/api/v1/environments', { name: 'x', clusters: ['has space'] }), 'POST', '/api/v1/environments', 400, 'VALIDATION_FAILED');

  const ofA = expectResponse(await call('GET', `/api/v1/projects/${a.id}/environments`), 'GET', '/api/v1/projects/{id}/environments', 200).body.data;
  expect(ofA.map((e: { id: string }) => e.id)).toEqual([prodA.id]);
  const byCluster = expectResponse(await call('GET', '/api/v1/environments?cluster=prod-eu-1'), 'GET', '/api/v1/environments', 200).body.data;
  expect(byCluster.map((e: { id: string }) => e.id)).toEqual([prodA.id]);
  const renamed = expectResponse(await call('PUT', `/api/v1/environments/${prodA.id}`, { name: 'prod', tier: 'staging' }), 'PUT', '/api/v1/environments/{id}', 200).body.data;
  expect(renamed).toMatchObject({ name: 'prod', tier: 'staging', clusters: ['prod-eu-1'] });

  const other = await otherOrganization(t, token);
  const theirs = await project(`Theirs ${hex()}`, other.owner.accessToken);
  expectResponse(await call('POST', '/api/v1/environments', { name: 'x', projectId: theirs.id }), 'POST', '/api/v1/environments', 404, 'NOT_FOUND');
  expectResponse(await call('GET', `/api/v1/projects/${theirs.id}/environments`), 'GET', '/api/v1/projects/{id}/environments', 404, 'NOT_FOUND');
  expectResponse(await call('GET', `/api/v1/projects/${randomUUID()}/environments`), 'GET', '/api/v1/projects/{id}/environments', 404, 'NOT_FOUND');
});

test('freeze windows: local times in a time zone become UTC instants (daylight saving included), and freeze the environment while in force', async () => {
  const env = await environment({ name: `frozen-${hex()}` });
  const path = `/api/v1/environments/${env.id}/freeze-windows`;
  // Paris is UTC+1 in winter and UTC+2 in summer.
  const winter = expectResponse(await call('POST', path, { reason: 'Year end', start: '2030-12-24T18:00', end: '2031-01-02T08:00', timeZone: 'Europe/Paris' }), 'POST', '/api/v1/environments/{id}/freeze-windows', 201).body.data;
  expect(winter).toMatchObject({ start: '2030-12-24T18:00', timeZone: 'Europe/Paris', startsAt: '2030-12-24T17:00:00.000Z', endsAt: '2031-01-02T07:00:00.000Z', active: false });
  const summer = expectResponse(await call('POST', path, { reason: 'Launch', start: '2030-07-01T09:30', end: '2030-07-01T17:00', timeZone: 'Europe/Paris' }), 'POST', '/api/v1/environments/{id}/freeze-windows', 201).body.data;
  expect(summer.startsAt).toBe('2030-07-01T07:30:00.000Z');
  const tokyo = expectResponse(await call('POST', path, { reason: 'Tokyo', start: '2030-03-01T00:00', end: '2030-03-02T00:00', timeZone: 'Asia/Tokyo' }), 'POST', '/api/v1/environments/{id}/freeze-windows', 201).body.data;
  expect(tokyo.startsAt).toBe('2030-02-28T15:00:00.000Z');

  for (const bad of [
    { reason: 'x', start: '2030-01-01T10:00', end: '2030-01-01T09:00', timeZone: 'UTC' },
    { reason: 'x', start: '2030-01-01T10:00', end: '2030-01-01T11:00', timeZone: 'Mars/Olympus' },
    { reason: 'x', start: '2030-13-01T10:00', end: '2030-01-01T11:00', timeZone: 'UTC' },
    { reason: 'x', start: '2030-01-01T10:00Z', end: '2030-01-01T11:00', timeZone: 'UTC' },
  ]) expectResponse(await call('POST', path, bad), 'POST', '/api/v1/environments/{id}/freeze-windows', 400, 'VALIDATION_FAILED');

  expect((await call('GET', `/api/v1/environments/${env.id}`)).body.data.frozen).toBe(false);
  const now = new Date();
  const local = (d: Date) => d.toISOString().slice(0, 16);
  const current = expectResponse(
    await call('POST', path, { reason: 'Now', start: local(new Date(now.getTime() - 3_600_000)), end: local(new Date(now.getTime() + 3_600_000)), timeZone: 'UTC' }),
    'POST', '/api/v1/environments/{id}/freeze-windows', 201,
  ).body.data;
  expect(current.active).toBe(true);
  expect((await call('GET', `/api/v1/environments/${env.id}`)).body.data.frozen).toBe(true);
  const active = expectResponse(await call('GET', `${path}?when=active`), 'GET', '/api/v1/environments/{id}/freeze-windows', 200).body.data;
  expect(active.map((w: { id: string }) => w.id)).toEqual([current.id]);
  const upcoming = expectResponse(await call('GET', `${path}?when=upcoming`), 'GET', '/api/v1/environments/{id}/freeze-windows', 200).body.data;
  expect(upcoming.map((w: { id: string }) => w.id)).toEqual([tokyo.id, summer.id, winter.id]);

  expectResponse(await call('DELETE', `${path}/${current.id}`), 'DELETE', '/api/v1/environments/{id}/freeze-windows/{windowId}', 204);
  expect((await call('GET', `/api/v1/environments/${env.id}`)).body.data.frozen).toBe(false);
  expectResponse(await call('DELETE', `${path}/${current.id}`), 'DELETE', '/api/v1/environments/{id}/freeze-windows/{windowId}', 404, 'NOT_FOUND');
  // A window addressed through another environment is not found.
  const elsewhere = await environment({ name: `elsewhere-${hex()}` });
  expectResponse(await call('DELETE', `/api/v1/environments/${elsewhere.id}/freeze-windows/${winter.id}`), 'DELETE', '/api/v1/environments/{id}/freeze-windows/{windowId}', 404, 'NOT_FOUND');
});
