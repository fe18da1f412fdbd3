import { randomBytes } from 'node:crypto';
import { useServer } from '../support/use-server.js';
import { WorkingCopy } from './git-push.js';
import { GitServer } from './git-server.js';

/**
 * `url` repositories: Marshal clones the URL with the real `git` client from a real git server
 * (`git http-backend` on a local port), through the kernel's outbound rules. A clone that is refused
 * or fails leaves no repository and no blob.
 */
const UPLOAD_LIMIT = 256 * 1024;
const CLONE_TIMEOUT_SECONDS = 5;
const t = useServer({
  OUTBOUND_ALLOW_PRIVATE: 'true',
  SCAN_UPLOAD_MAX_BYTES: String(UPLOAD_LIMIT),
  GIT_CLONE_TIMEOUT_SECONDS: String(CLONE_TIMEOUT_SECONDS),
  BLOB_GRACE_SECONDS: '0',
});
type Json = Record<string, any>;
const hex = () => randomBytes(3).toString('hex');

let server: GitServer;
const copies: WorkingCopy[] = [];
let project: string;
let mainCommit: string;
let devCommit: string;

beforeAll(async () => {
  server = await GitServer.start();
  const app = await WorkingCopy.create();
  copies.push(app);
  await app.commit({ 'README.md': '# app\n', 'src/index.js': 'console.log(1);\n' }, 'first');
  mainCommit = await app.commit({ 'src/index.js': 'console.log(2);\n' }, 'second');
  await app.ok(['checkout', '--quiet', '-b', 'dev']);
  devCommit = await app.commit({ 'src/dev.js': 'dev();\n' }, 'dev');
  await app.ok(['checkout', '--quiet', 'main']);
  await server.publish('app', app.dir);

  const big = await WorkingCopy.create();
  copies.push(big);
  await big.commit({ 'blob.bin': randomBytes(UPLOAD_LIMIT * 2).toString('base64') });
  await server.publish('big', big.dir);

  const linked = await WorkingCopy.create();
  copies.push(linked);
  await linked.commit({ 'ok.txt': 'fine\n', escape: { symlink: '../../../etc/passwd' } });
  await server.publish('linked', linked.dir);

  project = (await t.http.post('/api/v1/projects', { body: { name: `Cloned ${hex()}` } }).expect(201)).data.id;
});

afterAll(async () => {
  await server?.stop();
  for (const copy of copies) await copy.remove();
});

const create = (body: Json) => t.http.post('/api/v1/projects/{id}/repositories', { params: { id: project }, body });

async function stored(): Promise<{ blobs: number; repositories: number }> {
  const [row] = await t.sql<{ blobs: number; repositories: number }>(
    `SELECT (SELECT count(*)::int FROM blobs WHERE organization_id = $1) AS blobs,
            (SELECT count(*)::int FROM code_repositories WHERE organization_id = $1) AS repositories`,
    [t.organizationId],
  );
  return row;
}

test('a url repository is cloned at creation: its default branch, or the branch named, is its first snapshot', async () => {
  const repo = (await create({ name: `app-${hex()}`, sourceType: 'url', sourceUrl: server.url('app') }).expect(201)).data;
  expect(repo).toMatchObject({ sourceType: 'url', sourceUrl: server.url('app'), ingestStatus: 'ready', ingestError: null });
  expect(repo.snapshot).toMatchObject({ origin: 'clone', revision: mainCommit, fileCount: 2 });
  const tree = (await t.http.get('/api/v1/repositories/{id}/source-tree', { params: { id: repo.id } }).expect(200)).data;
  expect(tree.map((f: Json) => f.path)).toEqual(['README.md', 'src/index.js']);
  const file = await t.http
    .get('/api/v1/repositories/{id}/source-files/{path}', { params: { id: repo.id, path: 'src/index.js' } })
    .expectResponse(200);
  expect(file.text).toBe('console.log(2);\n');

  const dev = (await create({ name: `dev-${hex()}`, sourceType: 'url', sourceUrl: server.url('app'), branch: 'dev' }).expect(201)).data;
  expect(dev.snapshot).toMatchObject({ origin: 'clone', revision: devCommit, fileCount: 3 });

  const [entry] = await t.sql<{ details: Json }>(
    `SELECT details FROM audit_events WHERE organization_id = $1 AND action = 'repository.create' AND resource_id = $2`,
    [t.organizationId, repo.id],
  );
  expect(entry.details).toMatchObject({ sourceType: 'url', sourceUrl: server.url('app') });
});

test('a clone that fails (no such repository or branch, a redirect, too large, a link out of the tree) leaves nothing', async () => {
  const before = await stored();
  const cases: [Json, string, string][] = [
    [{ sourceUrl: server.url('missing') }, 'CLONE_FAILED', 'FAILED'],
    [{ sourceUrl: server.url('app'), branch: 'no-such-branch' }, 'CLONE_FAILED', 'FAILED'],
    [{ sourceUrl: `http://127.0.0.1:${server.port}/moved/app.git` }, 'CLONE_FAILED', 'FAILED'],
    [{ sourceUrl: server.url('big') }, 'CLONE_FAILED', 'TOO_LARGE'],
    [{ sourceUrl: server.url('linked') }, 'ARCHIVE_REFUSED', 'LINK_OUTSIDE_ROOT'],
    [{ sourceUrl: 'http://unresolvable.marshal.invalid/app.git' }, 'CLONE_FAILED', 'UNREACHABLE'],
    [{ sourceUrl: `http://127.0.0.1:${server.port}/stall/app.git` }, 'CLONE_FAILED', 'TIMEOUT'],
  ];
  for (const [body, code, reason] of cases) {
    const refused = await create({ name: `bad-${hex()}`, sourceType: 'url', ...body }).expect(422, code);
    expect({ url: body.sourceUrl, reason: refused.error.details.reason }).toEqual({ url: body.sourceUrl, reason });
  }
  // The redirect was answered, not followed.
  expect(server.requests.filter((path) => path.startsWith('/app.git/git-upload-pack')).length).toBeGreaterThan(0);
  expect(await stored()).toEqual(before);
  const [failures] = await t.sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM audit_events WHERE organization_id = $1 AND action = 'repository.create' AND outcome = 'failure'`,
    [t.organizationId],
  );
  expect(failures.n).toBeGreaterThanOrEqual(cases.length);
});

test('what the outbound rules refuse is never fetched: other schemes, credentials in the URL', async () => {
  const sent = server.requests.length;
  for (const [sourceUrl, reason] of [
    [`git://127.0.0.1:${server.port}/app.git`, 'SCHEME_NOT_ALLOWED'],
    [`file:///etc`, 'SCHEME_NOT_ALLOWED'],
    [`ext::sh -c touch% /tmp/pwned`, 'SCHEME_NOT_ALLOWED'],
    ['not a url', 'INVALID_URL'],
    [`http://user:hunter2-secret@127.0.0.1:${server.port}/app.git`, 'INVALID_URL'],
  ]) {
    const refused = await create({ name: `no-${hex()}`, sourceType: 'url', sourceUrl }).expect(422, 'SOURCE_URL_REFUSED');
    expect(refused.error.details.reason).toBe(reason);
    expect(JSON.stringify(refused)).not.toContain('hunter2-secret');
  }
  expect(server.requests.length).toBe(sent);
});

test('sourceUrl and branch belong to url repositories; a taken name is 409 before any clone', async () => {
  await create({ name: `x-${hex()}`, sourceType: 'url' }).expect(400, 'VALIDATION_FAILED');
  await create({ name: `x-${hex()}`, sourceType: 'upload', sourceUrl: server.url('app') }).expect(400, 'VALIDATION_FAILED');
  await create({ name: `x-${hex()}`, sourceType: 'git-upload', branch: 'main' }).expect(400, 'VALIDATION_FAILED');
  await create({ name: `x-${hex()}`, sourceType: 'url', sourceUrl: server.url('app'), branch: '--upload-pack=touch' }).expect(
    400,
    'VALIDATION_FAILED',
  );
  const name = `taken-${hex()}`;
  await create({ name, sourceType: 'upload' }).expect(201);
  const sent = server.requests.length;
  await create({ name, sourceType: 'url', sourceUrl: server.url('app') }).expect(409, 'CONFLICT');
  expect(server.requests.length).toBe(sent);
});
