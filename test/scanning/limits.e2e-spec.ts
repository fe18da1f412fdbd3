import { randomBytes } from 'node:crypto';
import { addMember, otherOrganization, type Member } from '../support/fixtures.js';
import { useServer } from '../support/use-server.js';
import { tarball } from './archives.js';
import { newRepository } from './repositories.js';

/**
 * Per-organization limit overrides (seed 004 `/ops/limits`): the platform operator overrides an
 * organization's quotas, every enforcement point reads them at once, and a tenant cannot raise its own.
 */
const t = useServer({ SCAN_MAX_CONCURRENT: '5' });

type Json = Record<string, any>;

async function repository(token?: string): Promise<string> {
  return (await newRepository(t.http, { token, project: 'Limited' })).id;
}

// Random bytes do not compress: the archive is over 4 KiB as sent.
let archive: Buffer;
const upload = (id: string, token?: string) =>
  t.http.put('/api/v1/repositories/{id}/source', {
    params: { id },
    rawBody: archive,
    headers: { 'content-type': 'application/gzip' },
    token,
  });
const startScan = (id: string, token?: string) => t.http.post('/api/v1/repositories/{id}/scans', { params: { id }, body: {}, token });
const override = (organizationId: string, body: Json, token?: string) =>
  t.http.patch('/api/v1/ops/limits/organizations/{organizationId}', { params: { organizationId }, body, token });
const limits = async (token?: string): Promise<Json> => (await t.http.get('/api/v1/ops/limits', { token }).expect(200)).data;

let repo: string;
let tenantAdmin: Member;
let other: { organizationId: string; owner: Member };

beforeAll(async () => {
  archive = await tarball([{ name: 'blob.bin', content: randomBytes(6000) }]);
  expect(archive.length).toBeGreaterThan(4096);
  repo = await repository();
  tenantAdmin = await addMember(t, t.token, ['owner']);
  other = await otherOrganization(t, t.token);
}, 60_000);

test('GET /ops/limits answers the configuration, each limit saying so', async () => {
  const l = await limits();
  expect(l).toMatchObject({ concurrentScansMax: 5, uploadMaxBytes: 100 * 1024 * 1024, overridesUpdatedAt: null, overridesUpdatedBy: null });
  expect(Object.values(l.sources)).toEqual(Array(8).fill('configuration'));
});

test("the tenant's own owner cannot override its quotas (403); an unknown organization is 404; bad values are 400", async () => {
  await override(t.organizationId, { uploadMaxBytes: 10 * 1024 ** 3 }, tenantAdmin.accessToken).expect(403, 'FORBIDDEN');
  await override(other.organizationId, { concurrentScansMax: 100 }, other.owner.accessToken).expect(403, 'FORBIDDEN');
  await override('01960000-0000-7000-8000-0000000000aa', { concurrentScansMax: 2 }).expect(404, 'NOT_FOUND');
  for (const body of [
    { uploadMaxBytes: 10 },
    { concurrentScansMax: 0 },
    { snapshotMaxFiles: 1.5 },
    { scansPerDayMax: '3' },
    { bogus: 1 },
  ]) {
    await override(t.organizationId, body).expect(400, 'VALIDATION_FAILED');
  }
  expect(Object.values((await limits()).sources)).toEqual(Array(8).fill('configuration'));
});

test('a lower upload limit makes a formerly accepted upload 413 naming the limit; another organization is unaffected', async () => {
  await upload(repo).expect(200);
  const set = (await override(t.organizationId, { uploadMaxBytes: 4096 }).expect(200)).data;
  expect(set).toMatchObject({ uploadMaxBytes: 4096, sources: { uploadMaxBytes: 'override', concurrentScansMax: 'configuration' } });
  expect(set.overridesUpdatedBy).toMatch(/^user:/);
  expect(await limits()).toMatchObject({ uploadMaxBytes: 4096, sources: { uploadMaxBytes: 'override' } });
  const refused = await upload(repo).expect(413, 'PAYLOAD_TOO_LARGE');
  expect(refused.error.details).toEqual({ limit: 'SCAN_UPLOAD_MAX_BYTES', limitBytes: 4096 });

  const theirs = await repository(other.owner.accessToken);
  await upload(theirs, other.owner.accessToken).expect(200);
  expect((await limits(other.owner.accessToken)).sources.uploadMaxBytes).toBe('configuration');

  const audit = await t.sql<{ resource_id: string; outcome: string; details: Json }>(
    `SELECT resource_id, outcome, details FROM audit_events WHERE action = 'platform.scan_limits.update' AND outcome = 'success'`,
  );
  expect(audit).toEqual([
    expect.objectContaining({ resource_id: t.organizationId, details: expect.objectContaining({ set: { uploadMaxBytes: 4096 } }) }),
  ]);
});

test('fewer concurrent scans makes the next scan 429 naming the limit; another organization is unaffected', async () => {
  await override(t.organizationId, { concurrentScansMax: 1 }).expect(200);
  await startScan(repo).expect(201);
  const refused = await startScan(repo).expect(429, 'SCAN_LIMIT_REACHED');
  expect(refused.error.details).toEqual({ limit: 'SCAN_MAX_CONCURRENT', value: 1 });

  const theirs = await repository(other.owner.accessToken);
  await upload(theirs, other.owner.accessToken).expect(200);
  await startScan(theirs, other.owner.accessToken).expect(201);
  await startScan(theirs, other.owner.accessToken).expect(201);
});

test('null clears an override: the configuration applies again, at every enforcement point', async () => {
  // A field left out stays as it is.
  const partial = (await override(t.organizationId, { uploadMaxBytes: null }).expect(200)).data;
  expect(partial.sources).toMatchObject({ uploadMaxBytes: 'configuration', concurrentScansMax: 'override' });
  await upload(repo).expect(200);
  const cleared = (await override(t.organizationId, { concurrentScansMax: null }).expect(200)).data;
  expect(cleared).toMatchObject({ uploadMaxBytes: 100 * 1024 * 1024, concurrentScansMax: 5 });
  expect(Object.values(cleared.sources)).toEqual(Array(8).fill('configuration'));
  await startScan(repo).expect(201);
});
