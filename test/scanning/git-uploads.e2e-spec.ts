import { randomBytes } from 'node:crypto';
import { addMember, otherOrganization } from '../support/fixtures.js';
import { useServer } from '../support/use-server.js';
import { WorkingCopy } from './git-push.js';
import { newRepository } from './repositories.js';

/**
 * Temporary git remotes (POST /git-uploads) over the real `git` client: a push becomes the
 * repository's snapshot before `git push` returns; a refused push fails in git with the reason and
 * stores nothing; the remote takes its password only, serves no fetch, and ends with DELETE.
 */
const t = useServer({ BLOB_GRACE_SECONDS: '0' });
type Json = Record<string, any>;

const copies: WorkingCopy[] = [];
afterAll(async () => {
  for (const copy of copies) await copy.remove();
});

async function workingCopy(branch?: string): Promise<WorkingCopy> {
  const copy = await WorkingCopy.create(branch);
  copies.push(copy);
  return copy;
}

async function remote(repositoryId: string, body: Json = {}, token?: string): Promise<Json> {
  // expect() holds each answer to the served document.
  return (await t.http.post('/api/v1/git-uploads', { body: { repositoryId, ...body }, token }).expect(201)).data;
}

const getRemote = async (id: string): Promise<Json> => (await t.http.get('/api/v1/git-uploads/{id}', { params: { id } }).expect(200)).data;

const tree = async (repositoryId: string): Promise<Json[]> =>
  (await t.http.get('/api/v1/repositories/{id}/source-tree', { params: { id: repositoryId }, query: 'limit=100' }).expect(200)).data;

async function stored(): Promise<{ blobs: number; snapshots: number }> {
  const [row] = await t.sql<{ blobs: number; snapshots: number }>(
    `SELECT (SELECT count(*)::int FROM blobs WHERE organization_id = $1) AS blobs,
            (SELECT count(*)::int FROM source_snapshots WHERE organization_id = $1) AS snapshots`,
    [t.organizationId],
  );
  return row;
}

test('a push to a temporary remote becomes the snapshot before git returns; a second push replaces it', async () => {
  const repo = await newRepository(t.http, { sourceType: 'git-upload' });
  const created = await remote(repo.id);
  expect(created).toMatchObject({ repositoryId: repo.id, status: 'waiting', username: 'marshal', pushes: 0, snapshotId: null });
  expect(created.url).toBe(`${t.baseUrl}/git/${created.id}/source.git`);
  expect(created.password).toMatch(/^mgp_[A-Za-z0-9_-]{43}$/);

  const copy = await workingCopy();
  const first = await copy.commit({
    'src/index.ts': 'export const one = 1;\n',
    'README.md': '# app\n',
    'bin/run': { symlink: '../src/index.ts' },
  });
  const pushed = await copy.push(created.url, created.password);
  expect(pushed).toMatchObject({ code: 0 });
  expect(pushed.stdout).toContain('refs/heads/main');

  const after = await getRemote(created.id);
  expect(after).toMatchObject({ status: 'ready', pushes: 1, revision: first, error: null });
  expect(after).not.toHaveProperty('password');
  const repository = (await t.http.get('/api/v1/repositories/{id}', { params: { id: repo.id } }).expect(200)).data;
  expect(repository).toMatchObject({
    ingestStatus: 'ready',
    snapshot: { id: after.snapshotId, origin: 'push', revision: first, fileCount: 3 },
  });
  expect((await tree(repo.id)).map((e) => [e.path, e.kind])).toEqual([
    ['README.md', 'file'],
    ['bin/run', 'symlink'],
    ['src/index.ts', 'file'],
  ]);
  const file = await t.http
    .get('/api/v1/repositories/{id}/source-files/{path}', { params: { id: repo.id, path: 'src/index.ts' } })
    .expectResponse(200);
  expect(file.text).toBe('export const one = 1;\n');

  // The remote keeps nothing between pushes: the second sends the whole branch, and replaces the snapshot.
  const second = await copy.commit({ 'src/index.ts': 'export const two = 2;\n', 'README.md': null });
  expect((await copy.push(created.url, created.password)).code).toBe(0);
  expect(await getRemote(created.id)).toMatchObject({ status: 'ready', pushes: 2, revision: second });
  expect((await tree(repo.id)).map((e) => e.path)).toEqual(['bin/run', 'src/index.ts']);

  // Its trail: the remote made, and each push read, by the remote.
  const audit = (await t.http.get('/api/v1/audit-logs', { query: `resource=git_upload:${created.id}&limit=20` }).expect(200))
    .data as Json[];
  expect(audit.map((a) => [a.action, a.outcome])).toEqual(
    expect.arrayContaining([
      ['git_upload.create', 'success'],
      ['git_upload.push', 'success'],
    ]),
  );
  expect(JSON.stringify(audit)).not.toContain(created.password);
});

test("a push larger than git's post buffer (probed first, then streamed chunked) is read whole", async () => {
  const repo = await newRepository(t.http, { sourceType: 'git-upload' });
  const upload = await remote(repo.id);
  const copy = await workingCopy();
  // Random bytes do not compress: about 3 MiB of pack, past http.postBuffer's 1 MiB.
  const files = Object.fromEntries(
    Array.from({ length: 12 }, (_, i) => [`data/part-${i}.txt`, randomBytes(256 * 1024).toString('base64')]),
  );
  const commit = await copy.commit(files);
  const pushed = await copy.push(upload.url, upload.password);
  expect(pushed).toMatchObject({ code: 0 });
  // The probe is not a push: one push is counted.
  expect(await getRemote(upload.id)).toMatchObject({ status: 'ready', pushes: 1, revision: commit });
  const entries = await tree(repo.id);
  expect(entries).toHaveLength(12);
  expect(entries.every((e) => e.size === files[e.path].length)).toBe(true);
});

test('the branch that becomes the snapshot: the one named, or main among several; none to choose fails the push', async () => {
  const repo = await newRepository(t.http, { sourceType: 'git-upload' });
  const copy = await workingCopy('release');
  const release = await copy.commit({ 'a.txt': 'release\n' });
  await copy.ok(['checkout', '--quiet', '-b', 'feature']);
  await copy.commit({ 'a.txt': 'feature\n' });

  const named = await remote(repo.id, { branch: 'release' });
  expect((await copy.push(named.url, named.password, ['release', 'feature'])).code).toBe(0);
  expect(await getRemote(named.id)).toMatchObject({ status: 'ready', revision: release, branch: 'release' });

  const unnamed = await remote(repo.id);
  const refused = await copy.push(unnamed.url, unnamed.password, ['release', 'feature']);
  expect(refused.code).not.toBe(0);
  expect(refused.stderr).toContain('Marshal refused the push (NO_BRANCH)');
  expect(await getRemote(unnamed.id)).toMatchObject({ status: 'failed', pushes: 1, error: { code: 'NO_BRANCH' } });
  // The snapshot the named push made stays.
  expect((await t.http.get('/api/v1/repositories/{id}', { params: { id: repo.id } }).expect(200)).data.snapshot.revision).toBe(release);
});

test('a push the upload rules refuse (a link out of the tree, over the limit) fails in git with the reason and stores nothing', async () => {
  const repo = await newRepository(t.http, { sourceType: 'git-upload' });
  const upload = await remote(repo.id);
  const copy = await workingCopy();
  await copy.commit({ 'ok.txt': 'fine\n', escape: { symlink: '../../etc/passwd' } });

  await t.http.post('/api/v1/ops/cleanup', { body: {} }).expect(200);
  const before = await stored();
  const refused = await copy.push(upload.url, upload.password);
  expect(refused.code).not.toBe(0);
  expect(refused.stderr).toContain('Marshal refused the push (ARCHIVE_REFUSED)');
  expect(await getRemote(upload.id)).toMatchObject({ status: 'failed', error: { code: 'ARCHIVE_REFUSED' } });
  expect((await t.http.get('/api/v1/repositories/{id}', { params: { id: repo.id } }).expect(200)).data).toMatchObject({
    ingestStatus: 'failed',
    snapshot: null,
  });
  await t.http.post('/api/v1/ops/cleanup', { body: {} }).expect(200);
  expect(await stored()).toEqual(before);

  // Over the organization's upload limit: git is told before anything is read.
  await t.http
    .patch('/api/v1/ops/limits/organizations/{organizationId}', {
      params: { organizationId: t.organizationId },
      body: { uploadMaxBytes: 4096 },
    })
    .expect(200);
  try {
    const big = await workingCopy();
    await big.commit({ 'noise.bin': randomBytes(64 * 1024).toString('base64') });
    const tooLarge = await big.push(upload.url, upload.password);
    expect(tooLarge.code).not.toBe(0);
    expect(await getRemote(upload.id)).toMatchObject({ status: 'failed', error: { code: 'PUSH_TOO_LARGE' } });
  } finally {
    await t.http
      .patch('/api/v1/ops/limits/organizations/{organizationId}', {
        params: { organizationId: t.organizationId },
        body: { uploadMaxBytes: null },
      })
      .expect(200);
  }
  await t.http.post('/api/v1/ops/cleanup', { body: {} }).expect(200);
  expect(await stored()).toEqual(before);
});

test('the remote takes its own password only, serves no fetch, and takes no push once deleted or expired', async () => {
  const repo = await newRepository(t.http, { sourceType: 'git-upload' });
  const upload = await remote(repo.id);
  const other = await remote(repo.id);
  const copy = await workingCopy();
  await copy.commit({ 'a.txt': 'a\n' });

  // No password: git is challenged (401 with WWW-Authenticate) and, with no prompt, gives up.
  const challenge = await fetch(`${upload.url}/info/refs?service=git-receive-pack`);
  expect(challenge.status).toBe(401);
  expect(challenge.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
  expect((await copy.push(upload.url, null)).code).not.toBe(0);
  // Another remote's password, and a made-up one, open nothing.
  for (const password of [other.password, `mgp_${'x'.repeat(43)}`]) {
    const refused = await copy.push(upload.url, password);
    expect(refused.code).not.toBe(0);
    // git is refused with 401, and, with no prompt, cannot ask for other credentials.
    expect(refused.stderr).toMatch(/401|Authentication failed|could not read Username/);
  }
  // A fetch, even with the password, is refused.
  const basic = { authorization: `Basic ${Buffer.from(`marshal:${upload.password}`).toString('base64')}` };
  expect((await fetch(`${upload.url}/info/refs?service=git-upload-pack`, { headers: basic })).status).toBe(403);
  expect((await fetch(`${upload.url}/git-upload-pack`, { method: 'POST', headers: basic, body: '0000' })).status).toBe(403);
  expect(await getRemote(upload.id)).toMatchObject({ status: 'waiting', pushes: 0 });

  // Expired: GET says so, no push is taken, and cleanup removes it.
  await t.sql(`UPDATE git_uploads SET expires_at = now() - interval '1 second' WHERE id = $1`, [other.id]);
  expect(await getRemote(other.id)).toMatchObject({ status: 'expired' });
  expect((await copy.push(other.url, other.password)).code).not.toBe(0);
  const cleaned = (await t.http.post('/api/v1/ops/cleanup', { body: {} }).expect(200)).data;
  expect(cleaned.gitUploadsRemoved).toBeGreaterThanOrEqual(1);
  await t.http.get('/api/v1/git-uploads/{id}', { params: { id: other.id } }).expect(404);

  // Deleted: no more pushes.
  await t.http.delete('/api/v1/git-uploads/{id}', { params: { id: upload.id } }).expect(204);
  await t.http.get('/api/v1/git-uploads/{id}', { params: { id: upload.id } }).expect(404);
  expect((await copy.push(upload.url, upload.password)).code).not.toBe(0);
  expect((await t.http.get('/api/v1/repositories/{id}', { params: { id: repo.id } }).expect(200)).data.snapshot).toBeNull();
});

test("a remote is its organization's: another's repository and remote are 404; a reader may not make one; only git-upload repositories", async () => {
  const repo = await newRepository(t.http, { sourceType: 'git-upload' });
  const upload = await remote(repo.id);
  const { owner } = await otherOrganization(t, t.token);
  await t.http.post('/api/v1/git-uploads', { body: { repositoryId: repo.id }, token: owner.accessToken }).expect(404);
  await t.http.get('/api/v1/git-uploads/{id}', { params: { id: upload.id }, token: owner.accessToken }).expect(404);
  await t.http.delete('/api/v1/git-uploads/{id}', { params: { id: upload.id }, token: owner.accessToken }).expect(404);

  const reader = await addMember(t, t.token, ['viewer']);
  await t.http.post('/api/v1/git-uploads', { body: { repositoryId: repo.id }, token: reader.accessToken }).expect(403);

  const uploaded = await newRepository(t.http);
  const wrong = await t.http.post('/api/v1/git-uploads', { body: { repositoryId: uploaded.id } }).expect(409, 'CONFLICT');
  expect(wrong.error.details).toMatchObject({ sourceType: 'upload' });
  await t.http.post('/api/v1/git-uploads', { body: { repositoryId: repo.id, branch: '../x' } }).expect(400, 'VALIDATION_FAILED');
  await t.http.post('/api/v1/git-uploads', { body: { repositoryId: repo.id, expiresInSeconds: 5 } }).expect(400, 'VALIDATION_FAILED');

  // Deleting the repository deletes its remotes.
  await t.http.delete('/api/v1/repositories/{id}', { params: { id: repo.id } }).expect(204);
  await t.http.get('/api/v1/git-uploads/{id}', { params: { id: upload.id } }).expect(404);
});
