import { randomBytes, randomUUID } from 'node:crypto';
import { otherOrganization } from '../support/fixtures.js';
import { useServer } from '../support/use-server.js';

/** Projects, environments and freeze windows: names, status, deletion rules, time zones, isolation. */
const t = useServer();

const hex = () => randomBytes(3).toString('hex');

async function project(name = `Payments ${hex()}`, as?: string) {
  return (await t.http.post('/api/v1/projects', { body: { name }, token: as }).expect(201)).data;
}
async function environment(body: Record<string, unknown>, as?: string) {
  return (await t.http.post('/api/v1/environments', { body, token: as }).expect(201)).data;
}

test('projects: a slug from the name, unique names and slugs, archive and restore, deletion only without environments', async () => {
  const name = `Ünïcode Pay ${hex()}`;
  const p = await project(name);
  expect(p).toMatchObject({ name, status: 'active' });
  expect(p.slug).toMatch(/^unicode-pay-[0-9a-f]{6}$/);
  await t.http.post('/api/v1/projects', { body: { name } }).expect(409, 'CONFLICT');
  await t.http.post('/api/v1/projects', { body: { name: `Other ${hex()}`, slug: p.slug } }).expect(409, 'CONFLICT');
  await t.http.post('/api/v1/projects', { body: { name: `Bad ${hex()}`, slug: 'Not A Slug' } }).expect(400, 'VALIDATION_FAILED');

  const archived = (await t.http.put('/api/v1/projects/{id}/status', { params: { id: p.id }, body: { status: 'archived' } }).expect(200))
    .data;
  expect(archived.status).toBe('archived');
  const listed = (await t.http.get('/api/v1/projects', { query: { status: 'archived', pageSize: 100 } }).expect(200)).data;
  expect(listed.map((x: { id: string }) => x.id)).toContain(p.id);
  await t.http.put('/api/v1/projects/{id}/status', { params: { id: p.id }, body: { status: 'gone' } }).expect(400, 'VALIDATION_FAILED');
  // Left out is "unchanged"; null is not a name (400, not a 500 from the NOT NULL column).
  for (const body of [{ name: null }, { description: null }])
    await t.http.put('/api/v1/projects/{id}', { params: { id: p.id }, body }).expect(400, 'VALIDATION_FAILED');

  const env = await environment({ name: 'production', projectId: p.id, tier: 'production' });
  const refused = await t.http.delete('/api/v1/projects/{id}', { params: { id: p.id } }).expectResponse(409, 'CONFLICT');
  expect(refused.body.error.details).toEqual({ environments: 1 });
  await t.http.delete('/api/v1/environments/{id}', { params: { id: env.id } }).expect(204);
  await t.http.delete('/api/v1/projects/{id}', { params: { id: p.id } }).expect(204);
  await t.http.get('/api/v1/projects/{id}', { params: { id: p.id } }).expect(404, 'NOT_FOUND');
});

test('environments: names unique within their project or the organization; filters; a project of another organization is 404', async () => {
  const a = await project();
  const b = await project();
  const prodA = await environment({
    name: 'production',
    projectId: a.id,
    tier: 'production',
    clusters: ['prod-eu-1', 'prod-eu-1'],
    labels: { region: 'eu' },
  });
  expect(prodA).toMatchObject({ projectId: a.id, tier: 'production', clusters: ['prod-eu-1'], labels: { region: 'eu' }, frozen: false });
  await environment({ name: 'production', projectId: b.id });
  const shared = `shared-${hex()}`;
  await environment({ name: shared });
  await t.http.post('/api/v1/environments', { body: { name: 'production', projectId: a.id } }).expect(409, 'CONFLICT');
  await t.http.post('/api/v1/environments', { body: { name: shared } }).expect(409, 'CONFLICT');
  await t.http.post('/api/v1/environments', { body: { name: 'x', tier: 'prod' } }).expect(400, 'VALIDATION_FAILED');
  await t.http.post('/api/v1/environments', { body: { name: 'x', clusters: ['has space'] } }).expect(400, 'VALIDATION_FAILED');

  const ofA = (await t.http.get('/api/v1/projects/{id}/environments', { params: { id: a.id } }).expect(200)).data;
  expect(ofA.map((e: { id: string }) => e.id)).toEqual([prodA.id]);
  const byCluster = (await t.http.get('/api/v1/environments', { query: { cluster: 'prod-eu-1' } }).expect(200)).data;
  expect(byCluster.map((e: { id: string }) => e.id)).toEqual([prodA.id]);
  const renamed = (
    await t.http.put('/api/v1/environments/{id}', { params: { id: prodA.id }, body: { name: 'prod', tier: 'staging' } }).expect(200)
  ).data;
  expect(renamed).toMatchObject({ name: 'prod', tier: 'staging', clusters: ['prod-eu-1'] });

  const other = await otherOrganization(t, t.token);
  const theirs = await project(`Theirs ${hex()}`, other.owner.accessToken);
  await t.http.post('/api/v1/environments', { body: { name: 'x', projectId: theirs.id } }).expect(404, 'NOT_FOUND');
  await t.http.get('/api/v1/projects/{id}/environments', { params: { id: theirs.id } }).expect(404, 'NOT_FOUND');
  await t.http.get('/api/v1/projects/{id}/environments', { params: { id: randomUUID() } }).expect(404, 'NOT_FOUND');
});

test('freeze windows: local times in a time zone become UTC instants (daylight saving included), and freeze the environment while in force', async () => {
  const env = await environment({ name: `frozen-${hex()}` });
  // Paris is UTC+1 in winter and UTC+2 in summer.
  const winter = (
    await t.http
      .post('/api/v1/environments/{id}/freeze-windows', {
        params: { id: env.id },
        body: { reason: 'Year end', start: '2030-12-24T18:00', end: '2031-01-02T08:00', timeZone: 'Europe/Paris' },
      })
      .expect(201)
  ).data;
  expect(winter).toMatchObject({
    start: '2030-12-24T18:00',
    timeZone: 'Europe/Paris',
    startsAt: '2030-12-24T17:00:00.000Z',
    endsAt: '2031-01-02T07:00:00.000Z',
    active: false,
  });
  const summer = (
    await t.http
      .post('/api/v1/environments/{id}/freeze-windows', {
        params: { id: env.id },
        body: { reason: 'Launch', start: '2030-07-01T09:30', end: '2030-07-01T17:00', timeZone: 'Europe/Paris' },
      })
      .expect(201)
  ).data;
  expect(summer.startsAt).toBe('2030-07-01T07:30:00.000Z');
  const tokyo = (
    await t.http
      .post('/api/v1/environments/{id}/freeze-windows', {
        params: { id: env.id },
        body: { reason: 'Tokyo', start: '2030-03-01T00:00', end: '2030-03-02T00:00', timeZone: 'Asia/Tokyo' },
      })
      .expect(201)
  ).data;
  expect(tokyo.startsAt).toBe('2030-02-28T15:00:00.000Z');

  for (const bad of [
    { reason: 'x', start: '2030-01-01T10:00', end: '2030-01-01T09:00', timeZone: 'UTC' },
    { reason: 'x', start: '2030-01-01T10:00', end: '2030-01-01T11:00', timeZone: 'Mars/Olympus' },
    { reason: 'x', start: '2030-13-01T10:00', end: '2030-01-01T11:00', timeZone: 'UTC' },
    { reason: 'x', start: '2030-01-01T10:00Z', end: '2030-01-01T11:00', timeZone: 'UTC' },
  ])
    await t.http.post('/api/v1/environments/{id}/freeze-windows', { params: { id: env.id }, body: bad }).expect(400, 'VALIDATION_FAILED');

  expect((await t.http.get('/api/v1/environments/{id}', { params: { id: env.id } })).body.data.frozen).toBe(false);
  const now = new Date();
  const local = (d: Date) => d.toISOString().slice(0, 16);
  const current = (
    await t.http
      .post('/api/v1/environments/{id}/freeze-windows', {
        params: { id: env.id },
        body: {
          reason: 'Now',
          start: local(new Date(now.getTime() - 3_600_000)),
          end: local(new Date(now.getTime() + 3_600_000)),
          timeZone: 'UTC',
        },
      })
      .expect(201)
  ).data;
  expect(current.active).toBe(true);
  expect((await t.http.get('/api/v1/environments/{id}', { params: { id: env.id } })).body.data.frozen).toBe(true);
  const active = (
    await t.http.get('/api/v1/environments/{id}/freeze-windows', { params: { id: env.id }, query: { when: 'active' } }).expect(200)
  ).data;
  expect(active.map((w: { id: string }) => w.id)).toEqual([current.id]);
  const upcoming = (
    await t.http.get('/api/v1/environments/{id}/freeze-windows', { params: { id: env.id }, query: { when: 'upcoming' } }).expect(200)
  ).data;
  expect(upcoming.map((w: { id: string }) => w.id)).toEqual([tokyo.id, summer.id, winter.id]);

  await t.http.delete('/api/v1/environments/{id}/freeze-windows/{windowId}', { params: { id: env.id, windowId: current.id } }).expect(204);
  expect((await t.http.get('/api/v1/environments/{id}', { params: { id: env.id } })).body.data.frozen).toBe(false);
  await t.http
    .delete('/api/v1/environments/{id}/freeze-windows/{windowId}', { params: { id: env.id, windowId: current.id } })
    .expect(404, 'NOT_FOUND');
  // A window addressed through another environment is not found.
  const elsewhere = await environment({ name: `elsewhere-${hex()}` });
  await t.http
    .delete('/api/v1/environments/{id}/freeze-windows/{windowId}', { params: { id: elsewhere.id, windowId: winter.id } })
    .expect(404, 'NOT_FOUND');
});
