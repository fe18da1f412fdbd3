import { randomBytes } from 'node:crypto';
import { addMember, createRole, otherOrganization, type Member } from '../support/fixtures.js';
import { useServer } from '../support/use-server.js';
import { tarball } from './archives.js';
import { waitFor } from '../support/agent-process.js';

/**
 * The legacy sessions API (seed 004): a session is an uploaded archive with a repository and scans
 * of its own, so what it answers (status, snapshot, scan, events) is what they answer.
 */
const t = useServer({ SCAN_MAX_CONCURRENT: '5' });

type Json = Record<string, any>;
const hex = () => randomBytes(3).toString('hex');

const source = () =>
  tarball([
    { name: 'src/index.ts', content: 'export const answer = 42;\n' },
    { name: 'README.md', content: '# demo\n' },
  ]);

const createSession = (archive: Buffer, options: { type?: string; token?: string; query?: Record<string, string> } = {}) =>
  t.http.post('/api/v1/sessions', {
    rawBody: archive,
    headers: { 'content-type': options.type ?? 'application/gzip' },
    token: options.token,
    query: options.query,
  });

const getSession = (id: string, token?: string) => t.http.get('/api/v1/sessions/{sessionId}', { params: { sessionId: id }, token });

const analyze = (id: string, body?: Json, token?: string) =>
  t.http.post('/api/v1/sessions/{sessionId}/analyze', { params: { sessionId: id }, body, token });

const events = (id: string, query: Record<string, string> = {}, token?: string) =>
  t.http.get('/api/v1/sessions/{sessionId}/events', { params: { sessionId: id }, query, token });

/** A SARIF log of one secretlint result in src/index.ts. */
const sarif = () => ({
  $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
  version: '2.1.0',
  runs: [
    {
      tool: { driver: { name: 'secretlint', rules: [] } },
      results: [
        {
          ruleId: 'secretlint/aws',
          level: 'error',
          message: { text: 'found an AWS secret key' },
          locations: [{ physicalLocation: { artifactLocation: { uri: 'src/index.ts' }, region: { startLine: 1 } } }],
        },
      ],
    },
  ],
});

const count = async (table: string): Promise<number> => {
  const [row] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE organization_id = $1`, [t.organizationId]);
  return row.n;
};

/** Cancels what a test left queued: the organization's concurrent-scan quota is shared by the tests. */
afterEach(async () => {
  await t.sql(
    `UPDATE jobs SET status = 'cancelled', completed_at = now() WHERE type = 'scan' AND status IN ('queued', 'leased', 'running')`,
  );
  await t.sql(`UPDATE scans SET status = 'cancelled' WHERE status IN ('queued', 'running')`);
});

describe('a session', () => {
  test('is an uploaded archive: uploaded, with a repository of its own in no project, audited', async () => {
    const created = (await createSession(await source()).expect(201)).data;
    expect(created).toMatchObject({
      repositoryId: created.id,
      projectId: null,
      status: 'uploaded',
      snapshot: { fileCount: 2, totalBytes: 33, origin: 'upload' },
      scanId: null,
      summary: null,
      scan: null,
    });
    expect((await getSession(created.id).expect(200)).data).toEqual(created);
    // The same concepts underneath: the session's repository is a repository like any other.
    const repository = (await t.http.get('/api/v1/repositories/{id}', { params: { id: created.id } }).expect(200)).data;
    expect(repository).toMatchObject({ id: created.id, projectId: null, sourceType: 'upload', ingestStatus: 'ready' });
    const audit = await t.sql<{ action: string; outcome: string }>(
      `SELECT action, outcome FROM audit_events WHERE resource_id = $1 ORDER BY seq`,
      [created.id],
    );
    expect(audit).toEqual([
      { action: 'repository.create', outcome: 'success' },
      { action: 'session.create', outcome: 'success' },
      { action: 'repository.source_upload', outcome: 'success' },
    ]);
  });

  test('follows its newest scan: an import succeeds, a queued scan is 409 to analyze again, a cancelled one may be followed by another', async () => {
    const session = (await createSession(await source()).expect(201)).data;
    const imported = (await analyze(session.id, { sarif: sarif() }).expect(200)).data;
    expect(imported).toMatchObject({ id: session.id, status: 'succeeded', scan: { origin: 'import', status: 'succeeded' } });
    expect(imported.summary).toMatchObject({ results: 1, new: 1 });
    expect(imported.scanId).toBe(imported.scan.id);

    // Without a body: an agent scan of every scanner, queued for an agent.
    const queued = (await analyze(session.id).expect(200)).data;
    expect(queued).toMatchObject({ status: 'queued', scan: { origin: 'agent', status: 'queued' } });
    expect(queued.scanId).not.toBe(imported.scanId);
    const busy = await analyze(session.id, { scanners: ['secretlint'] }).expect(409, 'SCAN_IN_PROGRESS');
    expect(busy.error.details).toEqual({ scanId: queued.scanId, status: 'queued' });
    expect((await getSession(session.id).expect(200)).data).toMatchObject({ status: 'queued', scanId: queued.scanId });

    // Cancelled through the repository's own route: the session shows it, and may be analyzed again.
    await t.http.delete('/api/v1/repositories/{id}/scans/{scanId}', { params: { id: session.id, scanId: queued.scanId } }).expect(200);
    expect((await getSession(session.id).expect(200)).data).toMatchObject({ status: 'cancelled', scanId: queued.scanId });
    const again = (await analyze(session.id, { scanners: ['secretlint'], paths: ['src/'] }).expect(200)).data;
    expect(again.scan.configuration).toMatchObject({ scanners: ['secretlint'], paths: ['src/'] });

    // The scan configuration is validated as the repository's scan route validates it.
    await analyze(session.id, { paths: ['../etc'] }).expect(400, 'VALIDATION_FAILED');
  });

  test("lists its repository's and its scans' events, oldest first, paged by the after cursor", async () => {
    const session = (await createSession(await source()).expect(201)).data;
    const scan = (await analyze(session.id, { sarif: sarif() }).expect(200)).data.scan;
    // Events are read once every older transaction has ended (on a busy database, a moment later).
    await waitFor('the four events', async () => ((await events(session.id).expect(200)).data.length >= 4 ? true : undefined));
    const seen: Json[] = [];
    let after: string | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const page = await events(session.id, { limit: '2', ...(after && { after }) }).expect(200);
      seen.push(...page.data);
      if (page.data.length < 2) break;
      after = page.data[page.data.length - 1].cursor;
    }
    expect(seen.map((e) => [e.type, e.resourceType, e.resourceId])).toEqual([
      ['repository.created', 'repository', session.id],
      ['repository.source_ingested', 'repository', session.id],
      ['scan.results_ingested', 'scan', scan.id],
      ['scan.succeeded', 'scan', scan.id],
    ]);
    // Polling after the last one: nothing new until something happens.
    const last = seen[seen.length - 1].cursor;
    expect((await events(session.id, { after: last }).expect(200)).data).toEqual([]);
    await analyze(session.id).expect(200);
    const newer = await waitFor('the new scan', async () => {
      const page = (await events(session.id, { after: last }).expect(200)).data as Json[];
      return page.length ? page : undefined;
    });
    expect(newer.map((e: Json) => e.type)).toEqual(['scan.queued']);
    await events(session.id, { after: 'not-a-cursor' }).expect(400, 'VALIDATION_FAILED');
  });

  test("belongs to a project when given one: the project's rollups include it", async () => {
    const project = (await t.http.post('/api/v1/projects', { body: { name: `Sessions ${hex()}` } }).expect(201)).data;
    const session = (await createSession(await source(), { query: { projectId: project.id } }).expect(201)).data;
    expect(session.projectId).toBe(project.id);
    const scan = (await analyze(session.id, { sarif: sarif() }).expect(200)).data.scan;
    const scans = (await t.http.get('/api/v1/projects/{id}/scans', { params: { id: project.id } }).expect(200)).data;
    expect(scans.map((s: Json) => s.id)).toEqual([scan.id]);
    await createSession(await source(), { query: { projectId: 'nope' } }).expect(400, 'VALIDATION_FAILED');
  });

  test('a refused archive is 422 (zip-slip) or 415 (not an archive type), and leaves no session and no repository', async () => {
    const before = { sessions: await count('scan_sessions'), repositories: await count('code_repositories') };
    const evil = await tarball([
      { name: 'ok.txt', content: 'fine' },
      { name: '../evil.sh', content: 'zip-slip' },
    ]);
    const refused = await createSession(evil).expect(422, 'ARCHIVE_REFUSED');
    expect(refused.error.details).toEqual({ reason: 'PATH_OUTSIDE_ROOT', entry: '../evil.sh' });
    await createSession(Buffer.from('not an archive at all')).expect(422, 'ARCHIVE_REFUSED');
    await createSession(await source(), { type: 'text/plain' }).expect(415, 'UNSUPPORTED_MEDIA_TYPE');
    await createSession(Buffer.from('{}'), { type: 'application/json' }).expect(415, 'UNSUPPORTED_MEDIA_TYPE');
    expect({ sessions: await count('scan_sessions'), repositories: await count('code_repositories') }).toEqual(before);
    const [failures] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE organization_id = $1 AND action = 'session.create' AND outcome = 'failure'`,
      [t.organizationId],
    );
    expect(failures.n).toBeGreaterThanOrEqual(4);
  });

  test('ends with its repository', async () => {
    const session = (await createSession(await source()).expect(201)).data;
    await t.http.delete('/api/v1/repositories/{id}', { params: { id: session.id } }).expect(204);
    await getSession(session.id).expect(404, 'NOT_FOUND');
  });

  test("a project's repository is not a session", async () => {
    const project = (await t.http.post('/api/v1/projects', { body: { name: `Plain ${hex()}` } }).expect(201)).data;
    const repo = (
      await t.http
        .post('/api/v1/projects/{id}/repositories', { params: { id: project.id }, body: { name: `repo-${hex()}`, sourceType: 'upload' } })
        .expect(201)
    ).data;
    await getSession(repo.id).expect(404, 'NOT_FOUND');
    await analyze(repo.id).expect(404, 'NOT_FOUND');
    await events(repo.id).expect(404, 'NOT_FOUND');
  });
});

describe('who may', () => {
  let session: Json;
  let other: { organizationId: string; owner: Member };

  beforeAll(async () => {
    session = (await createSession(await source()).expect(201)).data;
    other = await otherOrganization(t, t.token);
  }, 60_000);

  test("another organization's session is 404 on every route, and so is its project", async () => {
    const token = other.owner.accessToken;
    await getSession(session.id, token).expect(404, 'NOT_FOUND');
    await analyze(session.id, {}, token).expect(404, 'NOT_FOUND');
    await events(session.id, {}, token).expect(404, 'NOT_FOUND');
    const project = (await t.http.post('/api/v1/projects', { body: { name: `Mine ${hex()}` } }).expect(201)).data;
    await createSession(await source(), { token, query: { projectId: project.id } }).expect(404, 'NOT_FOUND');
    expect((await getSession(session.id).expect(200)).data.status).toBe('uploaded');
  });

  test('a member without the permissions is 403; creating needs both repository.create and repository.edit', async () => {
    const powerless = await addMember(t, t.token, []);
    await createSession(await source(), { token: powerless.accessToken }).expect(403, 'FORBIDDEN');
    await getSession(session.id, powerless.accessToken).expect(403, 'FORBIDDEN');
    await analyze(session.id, {}, powerless.accessToken).expect(403, 'FORBIDDEN');
    await events(session.id, {}, powerless.accessToken).expect(403, 'FORBIDDEN');

    const creator = await addMember(t, t.token, [await createRole(t, t.token, `creator-${hex()}`, ['repository.create'])]);
    const refused = await createSession(await source(), { token: creator.accessToken }).expect(403, 'FORBIDDEN');
    expect(refused.error.message).toContain('repository.edit');
    const uploader = await addMember(t, t.token, [
      await createRole(t, t.token, `uploader-${hex()}`, ['repository.create', 'repository.edit', 'repository.read']),
    ]);
    const made = (await createSession(await source(), { token: uploader.accessToken }).expect(201)).data;
    expect((await getSession(made.id, uploader.accessToken).expect(200)).data.id).toBe(made.id);
    // Reading a session is not analyzing it.
    await analyze(made.id, {}, uploader.accessToken).expect(403, 'FORBIDDEN');
  });
});
