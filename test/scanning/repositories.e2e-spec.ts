import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { addMember, otherOrganization } from '../support/fixtures.js';
import { useServer } from '../support/use-server.js';
import { type Entry, tarball, zipball } from './archives.js';

/**
 * Code repositories (seed 004) and their source: archives read into immutable snapshots in the
 * blob store, every refusal leaving nothing stored, the tree and its files, and isolation.
 */
const MiB = 1024 * 1024;
const t = useServer({
  SCAN_UPLOAD_MAX_BYTES: String(8 * MiB),
  SNAPSHOT_MAX_FILES: '50',
  SNAPSHOT_MAX_BYTES: String(64 * MiB),
  SNAPSHOT_MAX_FILE_BYTES: String(1 * MiB),
  BLOB_GRACE_SECONDS: '0',
});

const hex = () => randomBytes(3).toString('hex');
const sha256 = (content: string | Buffer) => createHash('sha256').update(content).digest('hex');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), randomBytes(64)]);

async function project(as?: string): Promise<{ id: string }> {
  return (await t.http.post('/api/v1/projects', { body: { name: `Scanned ${hex()}` }, token: as }).expect(201)).data;
}

async function repository(projectId: string, as?: string): Promise<{ id: string; projectId: string; ingestStatus: string }> {
  return (
    await t.http
      .post('/api/v1/projects/{id}/repositories', {
        params: { id: projectId },
        body: { name: `repo-${hex()}`, sourceType: 'upload' },
        token: as,
      })
      .expect(201)
  ).data;
}

const upload = (id: string, archive: Buffer, type = 'application/gzip', as?: string) =>
  t.http.put('/api/v1/repositories/{id}/source', { params: { id }, rawBody: archive, headers: { 'content-type': type }, token: as });

async function stored(organizationId = t.organizationId) {
  const [row] = await t.sql<{ blobs: number; chunks: number; orphans: number; references: number }>(
    `SELECT (SELECT count(*)::int FROM blobs WHERE organization_id = $1) AS blobs,
            (SELECT count(*)::int FROM blob_chunks c JOIN blobs b ON b.id = c.blob_id WHERE b.organization_id = $1) AS chunks,
            (SELECT count(*)::int FROM blob_orphans) AS orphans,
            (SELECT count(*)::int FROM blob_references WHERE organization_id = $1) AS references`,
    [organizationId],
  );
  return row;
}

const TREE: Entry[] = [
  { name: 'README.md', content: '# Payments\n' },
  { name: 'src/', directory: true },
  { name: 'src/index.ts', content: 'export const answer = 42;\n' },
  { name: './src/util/strings.ts', content: 'export const shout = (s: string) => s.toUpperCase();\n' },
  { name: 'bin/run.sh', content: '#!/bin/sh\necho run\n', mode: 0o755 },
  { name: 'assets/logo.png', content: PNG },
  { name: 'docs/copy-of-readme.md', content: '# Payments\n' },
  { name: 'latest', symlink: 'src/index.ts' },
];

describe('repositories', () => {
  test('are created in a project, listed, read, renamed and deleted; names are unique in their project', async () => {
    const p = await project();
    const created = await repository(p.id);
    expect(created).toMatchObject({ projectId: p.id, sourceType: 'upload', ingestStatus: 'pending', snapshot: null, ingestError: null });
    const name = `renamed-${hex()}`;
    const renamed = (
      await t.http.put('/api/v1/repositories/{id}', { params: { id: created.id }, body: { name, description: 'the API' } }).expect(200)
    ).data;
    expect(renamed).toMatchObject({ name, description: 'the API' });
    await t.http
      .post('/api/v1/projects/{id}/repositories', { params: { id: p.id }, body: { name, sourceType: 'upload' } })
      .expect(409, 'CONFLICT');
    const other = await repository(p.id);
    await t.http.put('/api/v1/repositories/{id}', { params: { id: other.id }, body: { name } }).expect(409, 'CONFLICT');

    const listed = (
      await t.http.get('/api/v1/projects/{id}/repositories', { params: { id: p.id }, query: { sort: 'createdAt' } }).expect(200)
    ).data;
    expect(listed.map((r: { id: string }) => r.id)).toEqual([created.id, other.id]);
    const searched = (await t.http.get('/api/v1/projects/{id}/repositories', { params: { id: p.id }, query: { q: 'renamed' } }).expect(200))
      .data;
    expect(searched.map((r: { id: string }) => r.id)).toEqual([created.id]);

    await t.http.delete('/api/v1/repositories/{id}', { params: { id: created.id } }).expect(204);
    await t.http.get('/api/v1/repositories/{id}', { params: { id: created.id } }).expect(404, 'NOT_FOUND');
    const audit = (await t.http.get('/api/v1/audit-events', { query: { resource: `repository:${created.id}` } }).expect(200)).data;
    expect(audit.map((e: { action: string }) => e.action).sort()).toEqual(['repository.create', 'repository.delete', 'repository.update']);
  });

  test('bad input is a 400 naming the field; an unknown or foreign project is 404; a viewer reads but does not write', async () => {
    const p = await project();
    for (const body of [
      { name: '', sourceType: 'upload' },
      { name: 'x'.repeat(101), sourceType: 'upload' },
      { name: 'x', sourceType: 'ftp' },
      { name: 'x' },
      { name: 'x', sourceType: 'upload', extra: true },
    ])
      await t.http.post('/api/v1/projects/{id}/repositories', { params: { id: p.id }, body }).expect(400, 'VALIDATION_FAILED');
    await t.http
      .post('/api/v1/projects/{id}/repositories', { params: { id: randomUUID() }, body: { name: 'x', sourceType: 'upload' } })
      .expect(404, 'NOT_FOUND');
    await t.http.get('/api/v1/projects/{id}/repositories', { params: { id: 'not-a-uuid' } }).expect(400, 'VALIDATION_FAILED');

    const other = await otherOrganization(t, t.token);
    const theirs = await project(other.owner.accessToken);
    const theirRepo = await repository(theirs.id, other.owner.accessToken);
    await t.http.get('/api/v1/projects/{id}/repositories', { params: { id: theirs.id } }).expect(404, 'NOT_FOUND');
    await t.http.get('/api/v1/repositories/{id}', { params: { id: theirRepo.id } }).expect(404, 'NOT_FOUND');
    await t.http.put('/api/v1/repositories/{id}', { params: { id: theirRepo.id }, body: { name: 'mine' } }).expect(404, 'NOT_FOUND');
    await t.http.delete('/api/v1/repositories/{id}', { params: { id: theirRepo.id } }).expect(404, 'NOT_FOUND');
    await upload(theirRepo.id, await tarball(TREE)).expect(404, 'NOT_FOUND');

    const viewer = await addMember(t, t.token, ['viewer']);
    const mine = await repository(p.id);
    await t.http.get('/api/v1/repositories/{id}', { params: { id: mine.id }, token: viewer.accessToken }).expect(200);
    await t.http
      .post('/api/v1/projects/{id}/repositories', {
        params: { id: p.id },
        body: { name: 'x', sourceType: 'upload' },
        token: viewer.accessToken,
      })
      .expect(403, 'FORBIDDEN');
    await upload(mine.id, await tarball(TREE), 'application/gzip', viewer.accessToken).expect(403, 'FORBIDDEN');
  });
});

describe('source uploads', () => {
  test('a .tar.gz becomes the source: its tree by path, each file once by its SHA-256, text and binary told apart', async () => {
    const repo = await repository((await project()).id);
    const before = await stored();
    const answer = (await upload(repo.id, await tarball(TREE)).expect(200)).data;
    expect(answer).toMatchObject({
      ingestStatus: 'ready',
      ingestError: null,
      snapshot: { origin: 'upload', fileCount: 7, revision: null },
    });
    // README.md and its copy are one blob.
    expect(await stored()).toMatchObject({ blobs: before.blobs + 5, orphans: 0, references: before.references + 5 });

    const tree = (
      await t.http.get('/api/v1/repositories/{id}/source-tree', { params: { id: repo.id }, query: { pageSize: 100 } }).expect(200)
    ).data;
    expect(tree).toEqual([
      { path: 'README.md', kind: 'file', size: 11, sha256: sha256('# Payments\n'), linkTarget: null, binary: false, executable: false },
      { path: 'assets/logo.png', kind: 'file', size: PNG.length, sha256: sha256(PNG), linkTarget: null, binary: true, executable: false },
      {
        path: 'bin/run.sh',
        kind: 'file',
        size: 19,
        sha256: sha256('#!/bin/sh\necho run\n'),
        linkTarget: null,
        binary: false,
        executable: true,
      },
      expect.objectContaining({ path: 'docs/copy-of-readme.md', sha256: sha256('# Payments\n') }),
      { path: 'latest', kind: 'symlink', size: 0, sha256: null, linkTarget: 'src/index.ts', binary: false, executable: false },
      expect.objectContaining({ path: 'src/index.ts', size: 26 }),
      expect.objectContaining({ path: 'src/util/strings.ts' }),
    ]);
    const underSrc = await t.http
      .get('/api/v1/repositories/{id}/source-tree', { params: { id: repo.id }, query: { prefix: 'src/', pageSize: 1 } })
      .expectResponse(200);
    expect(underSrc.body.data.map((e: { path: string }) => e.path)).toEqual(['src/index.ts']);
    expect(underSrc.body.meta.pagination).toMatchObject({ totalItems: 2, hasNext: true });

    const file = await t.http
      .get('/api/v1/repositories/{id}/source-files/{path}', { params: { id: repo.id, path: 'src/index.ts' } })
      .expectResponse(200);
    expect(file.text).toBe('export const answer = 42;\n');
    expect(file.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(file.headers.get('etag')).toBe(`"${sha256('export const answer = 42;\n')}"`);
    // Slashes as they are work too, and If-None-Match with the ETag is a 304.
    const bySlashes = await fetch(`${t.baseUrl}/api/v1/repositories/${repo.id}/source-files/src/index.ts`, {
      headers: { authorization: `Bearer ${t.token}`, 'if-none-match': file.headers.get('etag')! },
    });
    expect(bySlashes.status).toBe(304);
    const png = await t.http
      .get('/api/v1/repositories/{id}/source-files/{path}', { params: { id: repo.id, path: 'assets/logo.png' } })
      .expectResponse(200);
    expect(png.headers.get('content-type')).toBe('application/octet-stream');
    expect(png.bytes.equals(PNG)).toBe(true);
    const link = await t.http
      .get('/api/v1/repositories/{id}/source-files/{path}', { params: { id: repo.id, path: 'latest' } })
      .expectResponse(200);
    expect(link.headers.get('x-link-target')).toBe('src/index.ts');
    for (const path of ['missing.ts', '../README.md', 'src/../../README.md', 'src'])
      await t.http.get('/api/v1/repositories/{id}/source-files/{path}', { params: { id: repo.id, path } }).expect(404, 'NOT_FOUND');
  });

  test('a .zip works the same; a new upload replaces the snapshot, and the blobs only the old one used are released for the sweep', async () => {
    const repo = await repository((await project()).id);
    const only = `only in the first upload ${hex()}\n`;
    await upload(
      repo.id,
      await zipball([...TREE.filter((e) => !('directory' in e)), { name: 'first.txt', content: only }]),
      'application/zip',
    ).expect(200);
    const tree = (
      await t.http.get('/api/v1/repositories/{id}/source-tree', { params: { id: repo.id }, query: { pageSize: 100 } }).expect(200)
    ).data;
    expect(tree.map((e: { path: string }) => e.path)).toContain('first.txt');
    expect(tree.find((e: { path: string }) => e.path === 'latest')).toMatchObject({ kind: 'symlink', linkTarget: 'src/index.ts' });
    expect(tree.find((e: { path: string }) => e.path === 'bin/run.sh')).toMatchObject({ executable: true });

    const second = (await upload(repo.id, await tarball([{ name: 'second.txt', content: 'v2\n' }])).expect(200)).data;
    expect(second.snapshot.fileCount).toBe(1);
    const now = (await t.http.get('/api/v1/repositories/{id}/source-tree', { params: { id: repo.id } }).expect(200)).data;
    expect(now.map((e: { path: string }) => e.path)).toEqual(['second.txt']);
    // The first snapshot's blobs are released: what only it used is referenced no more, for the sweep to remove.
    const [first] = await t.sql<{ blobs: number; references: number }>(
      `SELECT (SELECT count(*)::int FROM blobs WHERE organization_id = $1 AND sha256 = $2) AS blobs,
              (SELECT count(*)::int FROM blob_references WHERE organization_id = $1 AND sha256 = $2) AS references`,
      [t.organizationId, Buffer.from(sha256(only), 'hex')],
    );
    expect(first).toEqual({ blobs: 1, references: 0 });
    const [snapshots] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM source_snapshots WHERE repository_id = $1', [repo.id]);
    expect(snapshots.n).toBe(1);
  });

  test('every refused archive is a clear 4xx and leaves nothing stored; the repository keeps its snapshot and says why', async () => {
    const repo = await repository((await project()).id);
    await upload(repo.id, await tarball([{ name: 'kept.txt', content: 'the snapshot before\n' }])).expect(200);
    const zeros = (size: number) => Buffer.alloc(size);
    const cases: { archive: () => Promise<Buffer>; type?: string; status: number; code: string; reason?: string; entry?: string }[] = [
      {
        archive: () =>
          tarball([
            { name: 'ok.txt', content: 'fine' },
            { name: '../evil.sh', content: 'zip-slip' },
          ]),
        status: 422,
        code: 'ARCHIVE_REFUSED',
        reason: 'PATH_OUTSIDE_ROOT',
        entry: '../evil.sh',
      },
      {
        archive: () => tarball([{ name: '/etc/cron.d/evil', content: 'absolute' }]),
        status: 422,
        code: 'ARCHIVE_REFUSED',
        reason: 'PATH_OUTSIDE_ROOT',
      },
      {
        archive: () =>
          zipball([
            { name: 'ok.txt', content: 'fine' },
            { name: '../evil.sh', written: 'xx/evil.sh', content: 'zip-slip' },
          ]),
        type: 'application/zip',
        status: 422,
        code: 'ARCHIVE_REFUSED',
        reason: 'PATH_OUTSIDE_ROOT',
        entry: '../evil.sh',
      },
      {
        archive: () =>
          tarball([
            { name: 'src/a.ts', content: 'a' },
            { name: 'src/passwd', symlink: '../../etc/passwd' },
          ]),
        status: 422,
        code: 'ARCHIVE_REFUSED',
        reason: 'LINK_OUTSIDE_ROOT',
        entry: 'src/passwd',
      },
      {
        archive: () => zipball([{ name: 'key', symlink: '/home/user/.ssh/id_rsa' }]),
        type: 'application/zip',
        status: 422,
        code: 'ARCHIVE_REFUSED',
        reason: 'LINK_OUTSIDE_ROOT',
      },
      {
        archive: () =>
          tarball([
            { name: 'a.txt', content: 'a' },
            { name: 'b.txt', hardlink: '../outside' },
          ]),
        status: 422,
        code: 'ARCHIVE_REFUSED',
        reason: 'LINK_OUTSIDE_ROOT',
      },
      {
        archive: () => tarball([{ name: 'dev/tty', type: 'character-device' }]),
        status: 422,
        code: 'ARCHIVE_REFUSED',
        reason: 'UNSUPPORTED_ENTRY',
      },
      {
        archive: () =>
          tarball([
            { name: 'a.txt', content: 'one' },
            { name: './a.txt', content: 'two' },
          ]),
        status: 422,
        code: 'ARCHIVE_REFUSED',
        reason: 'DUPLICATE_ENTRY',
      },
      {
        archive: () => tarball(Array.from({ length: 51 }, (_, i) => ({ name: `f${i}.txt`, content: `${i}` }))),
        status: 422,
        code: 'ARCHIVE_REFUSED',
        reason: 'TOO_MANY_ENTRIES',
      },
      // 24 MiB of zeros in a few KiB: over 100 times the archive's size, past the 16 MiB floor.
      {
        archive: () =>
          tarball([
            { name: 'small.txt', content: 'x' },
            { name: 'bomb.bin', content: zeros(24 * MiB) },
          ]),
        status: 422,
        code: 'ARCHIVE_REFUSED',
        reason: 'COMPRESSION_RATIO',
        entry: 'bomb.bin',
      },
      {
        archive: () => tarball([{ name: 'huge.bin', content: zeros(65 * MiB) }]),
        status: 422,
        code: 'ARCHIVE_REFUSED',
        reason: 'UNPACKED_TOO_LARGE',
      },
      {
        archive: () => Promise.resolve(Buffer.from('this is not an archive at all')),
        status: 422,
        code: 'ARCHIVE_REFUSED',
        reason: 'NOT_AN_ARCHIVE',
      },
      {
        archive: async () => (await tarball([{ name: 'a.txt', content: randomBytes(4096) }])).subarray(0, 200),
        status: 422,
        code: 'ARCHIVE_REFUSED',
        reason: 'CORRUPT_ARCHIVE',
      },
      {
        archive: () =>
          tarball([
            { name: 'ok.txt', content: 'fine' },
            { name: 'big.bin', content: randomBytes(2 * MiB) },
          ]),
        status: 413,
        code: 'BLOB_TOO_LARGE',
      },
      { archive: () => Promise.resolve(randomBytes(9 * MiB)), status: 413, code: 'PAYLOAD_TOO_LARGE' },
      { archive: () => tarball([{ name: 'a.txt', content: 'a' }]), type: 'text/plain', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
    ];
    const before = await stored();
    for (const c of cases) {
      const res = await upload(repo.id, await c.archive(), c.type).expectResponse(c.status, c.code);
      if (c.reason)
        expect({ reason: res.body.error.details.reason, entry: res.body.error.details.entry }).toEqual({
          reason: c.reason,
          entry: c.entry ?? res.body.error.details.entry,
        });
      expect(await stored()).toEqual(before);
    }
    const after = (await t.http.get('/api/v1/repositories/{id}', { params: { id: repo.id } }).expect(200)).data;
    expect(after).toMatchObject({ ingestStatus: 'failed', ingestError: { code: 'ARCHIVE_REFUSED' }, snapshot: { fileCount: 1 } });
    const tree = (await t.http.get('/api/v1/repositories/{id}/source-tree', { params: { id: repo.id } }).expect(200)).data;
    expect(tree.map((e: { path: string }) => e.path)).toEqual(['kept.txt']);

    // The trail has the upload that was kept and each refusal, with why.
    const audit = (
      await t.http
        .get('/api/v1/audit-events', { query: { resource: `repository:${repo.id}`, action: 'repository.source_upload', limit: 100 } })
        .expect(200)
    ).data as { outcome: string; details: Record<string, unknown> }[];
    expect(audit.filter((e) => e.outcome === 'success')).toHaveLength(1);
    const refused = audit.filter((e) => e.outcome === 'failure').map((e) => e.details.reason ?? e.details.code);
    expect(refused.sort()).toEqual(cases.map((c) => c.reason ?? c.code).sort());
  });

  test('a repository without source answers 409 NO_SOURCE for its tree and files', async () => {
    const repo = await repository((await project()).id);
    await t.http.get('/api/v1/repositories/{id}/source-tree', { params: { id: repo.id } }).expect(409, 'NO_SOURCE');
    await t.http.get('/api/v1/repositories/{id}/source-files/{path}', { params: { id: repo.id, path: 'a.txt' } }).expect(409, 'NO_SOURCE');
  });

  test("another organization's source is 404 through every route, and a project's deletion takes its repositories and their blobs", async () => {
    const other = await otherOrganization(t, t.token);
    const theirProject = await project(other.owner.accessToken);
    const theirs = await repository(theirProject.id, other.owner.accessToken);
    await upload(theirs.id, await tarball(TREE), 'application/gzip', other.owner.accessToken).expect(200);
    await t.http.get('/api/v1/repositories/{id}/source-tree', { params: { id: theirs.id } }).expect(404, 'NOT_FOUND');
    await t.http
      .get('/api/v1/repositories/{id}/source-files/{path}', { params: { id: theirs.id, path: 'README.md' } })
      .expect(404, 'NOT_FOUND');

    expect((await stored(other.organizationId)).references).toBe(5);
    await t.http.delete('/api/v1/projects/{id}', { params: { id: theirProject.id }, token: other.owner.accessToken }).expect(204);
    await t.http.get('/api/v1/repositories/{id}', { params: { id: theirs.id }, token: other.owner.accessToken }).expect(404, 'NOT_FOUND');
    const [rows] = await t.sql<{ snapshots: number; files: number }>(
      `SELECT (SELECT count(*)::int FROM source_snapshots WHERE repository_id = $1) AS snapshots,
              (SELECT count(*)::int FROM snapshot_files WHERE organization_id = $2) AS files`,
      [theirs.id, other.organizationId],
    );
    expect(rows).toEqual({ snapshots: 0, files: 0 });
    expect((await stored(other.organizationId)).references).toBe(0);
  });
});

describe('threat profiles', () => {
  test('start empty at version 0; each PUT is the next version, whole; expectedVersion refuses a stale edit', async () => {
    const repo = await repository((await project()).id);
    const empty = (await t.http.get('/api/v1/repositories/{id}/threat-profile', { params: { id: repo.id } }).expect(200)).data;
    expect(empty).toEqual({
      repositoryId: repo.id,
      version: 0,
      assets: [],
      entryPoints: [],
      trustBoundaries: [],
      dataClasses: [],
      outOfScopePaths: [],
      updatedBy: null,
      updatedAt: null,
    });
    const body = {
      assets: [{ name: 'card vault', sensitivity: 'critical' }],
      entryPoints: [{ name: 'public API', kind: 'http', description: 'behind the gateway' }],
      trustBoundaries: [{ name: 'internet → gateway' }],
      dataClasses: ['payment', 'personal'],
      outOfScopePaths: ['vendor/'],
      expectedVersion: 0,
    };
    const first = (await t.http.put('/api/v1/repositories/{id}/threat-profile', { params: { id: repo.id }, body }).expect(200)).data;
    expect(first).toMatchObject({
      version: 1,
      assets: [{ name: 'card vault', description: '', sensitivity: 'critical' }],
      dataClasses: ['payment', 'personal'],
      updatedBy: expect.stringMatching(/^user:/),
    });
    // Based on version 0 again: someone else's edit came first.
    const stale = await t.http
      .put('/api/v1/repositories/{id}/threat-profile', { params: { id: repo.id }, body })
      .expectResponse(409, 'CONFLICT');
    expect(stale.body.error.details).toEqual({ version: 1 });
    const second = (
      await t.http
        .put('/api/v1/repositories/{id}/threat-profile', { params: { id: repo.id }, body: { outOfScopePaths: ['test/'] } })
        .expect(200)
    ).data;
    expect(second).toMatchObject({ version: 2, assets: [], outOfScopePaths: ['test/'] });
    expect((await t.http.get('/api/v1/repositories/{id}/threat-profile', { params: { id: repo.id } }).expect(200)).data.version).toBe(2);
    const [versions] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM threat_profile_versions WHERE repository_id = $1', [
      repo.id,
    ]);
    expect(versions.n).toBe(2);

    for (const bad of [
      { assets: [{ name: 'x', sensitivity: 'extreme' }] },
      { assets: [{ sensitivity: 'low' }] },
      { entryPoints: [{ name: 'x', kind: 'smtp' }] },
      { dataClasses: ['payment', 'payment'] },
      { dataClasses: ['gossip'] },
      { outOfScopePaths: [''] },
      { assets: Array.from({ length: 101 }, (_, i) => ({ name: `a${i}`, sensitivity: 'low' })) },
      { expectedVersion: -1 },
      { assets: 'none' },
    ])
      await t.http.put('/api/v1/repositories/{id}/threat-profile', { params: { id: repo.id }, body: bad }).expect(400, 'VALIDATION_FAILED');

    const other = await otherOrganization(t, t.token);
    const theirs = await repository((await project(other.owner.accessToken)).id, other.owner.accessToken);
    await t.http.get('/api/v1/repositories/{id}/threat-profile', { params: { id: theirs.id } }).expect(404, 'NOT_FOUND');
    await t.http.put('/api/v1/repositories/{id}/threat-profile', { params: { id: theirs.id }, body: {} }).expect(404, 'NOT_FOUND');

    await t.http.delete('/api/v1/repositories/{id}', { params: { id: repo.id } }).expect(204);
    const [left] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM threat_profile_versions WHERE repository_id = $1', [repo.id]);
    expect(left.n).toBe(0);
  });
});

describe('ops', () => {
  test('limits show the quotas in force; cleanup removes what replaced snapshots left, of the caller’s organization only', async () => {
    const limits = (await t.http.get('/api/v1/ops/limits').expect(200)).data;
    expect(limits).toEqual({
      uploadMaxBytes: 8 * MiB,
      snapshotMaxFiles: 50,
      snapshotMaxBytes: 64 * MiB,
      fileMaxBytes: 1 * MiB,
      compressionRatioMax: 100,
      concurrentScansMax: 10,
      scansPerDayMax: 500,
      sarifResultsMax: 100_000,
      sarifBodyMax: '32mb',
      blobGraceSeconds: 0,
      blobStore: 'postgres',
      // No override for this organization: every limit is the configuration's (test/scanning/limits.e2e-spec.ts).
      sources: expect.objectContaining({ uploadMaxBytes: 'configuration', concurrentScansMax: 'configuration' }),
      overridesUpdatedAt: null,
      overridesUpdatedBy: null,
    });

    const other = await otherOrganization(t, t.token);
    const theirs = await repository((await project(other.owner.accessToken)).id, other.owner.accessToken);
    await upload(
      theirs.id,
      await tarball([{ name: 'a.txt', content: `theirs ${hex()}` }]),
      'application/gzip',
      other.owner.accessToken,
    ).expect(200);
    await upload(
      theirs.id,
      await tarball([{ name: 'b.txt', content: `theirs ${hex()}` }]),
      'application/gzip',
      other.owner.accessToken,
    ).expect(200);

    const repo = await repository((await project()).id);
    const first = `first ${hex()}\n`;
    await upload(
      repo.id,
      await tarball([
        { name: 'a.txt', content: first },
        { name: 'shared.txt', content: 'in both' },
      ]),
    ).expect(200);
    await upload(
      repo.id,
      await tarball([
        { name: 'b.txt', content: `second ${hex()}\n` },
        { name: 'shared.txt', content: 'in both' },
      ]),
    ).expect(200);
    // Whatever earlier tests of this file left unreferenced goes too; what the first upload alone held is among it.
    const cleaned = (await t.http.post('/api/v1/ops/cleanup', { body: {} }).expect(200)).data;
    expect(cleaned.blobsRemoved).toBeGreaterThanOrEqual(1);
    expect(cleaned.bytesRemoved).toBeGreaterThanOrEqual(first.length);
    const [gone] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM blobs WHERE organization_id = $1 AND sha256 = $2', [
      t.organizationId,
      Buffer.from(sha256(first), 'hex'),
    ]);
    expect(gone.n).toBe(0);
    const file = await t.http
      .get('/api/v1/repositories/{id}/source-files/{path}', { params: { id: repo.id, path: 'shared.txt' } })
      .expectResponse(200);
    expect(file.text).toBe('in both');
    expect((await t.http.post('/api/v1/ops/cleanup', { body: {} }).expect(200)).data).toEqual({
      gitUploadsRemoved: 0,
      blobsRemoved: 0,
      bytesRemoved: 0,
    });
    // The other organization's unreferenced blob was not ours to remove.
    expect((await t.http.post('/api/v1/ops/cleanup', { body: {}, token: other.owner.accessToken }).expect(200)).data.blobsRemoved).toBe(1);

    const viewer = await addMember(t, t.token, ['viewer']);
    await t.http.get('/api/v1/ops/limits', { token: viewer.accessToken }).expect(200);
    await t.http.post('/api/v1/ops/cleanup', { body: {}, token: viewer.accessToken }).expect(403, 'FORBIDDEN');
  });
});
