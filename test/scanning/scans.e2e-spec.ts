import { randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import * as tarStream from 'tar-stream';
import { addMember, otherOrganization } from '../support/fixtures.js';
import { closeStreams, openSse } from '../support/streams.js';
import { useServer } from '../support/use-server.js';
import { tarball } from './archives.js';
import { newRepository } from './repositories.js';
import { waitFor } from '../support/agent-process.js';

/**
 * Scans (seed 004) over the agent protocol and by SARIF import: a scanner agent claims the scan
 * job, reads the snapshot as a tar, reports progress and uploads SARIF; findings keep their triage
 * across rescans by fingerprint, are fixed when a newer scan no longer sees them, and reopen.
 */
const t = useServer({ SCAN_MAX_CONCURRENT: '3', BLOB_GRACE_SECONDS: '0' });

const hex = () => randomBytes(3).toString('hex');
type Json = Record<string, any>;

interface Agent {
  id: string;
  secret: string;
}

async function scannerAgent(token?: string): Promise<Agent> {
  const res = await t.http.post('/api/v1/agents', { body: { name: `scanner-${hex()}`, capabilities: ['scan'] }, token }).expect(201);
  return { id: res.data.agent.id, secret: res.data.agentSecret };
}

async function repositoryWithSource(files: Record<string, string>, token?: string): Promise<{ id: string; projectId: string }> {
  const repo = await newRepository(t.http, { token });
  await uploadSource(repo.id, files, token);
  return repo;
}

async function uploadSource(id: string, files: Record<string, string>, token?: string): Promise<void> {
  const archive = await tarball(Object.entries(files).map(([name, content]) => ({ name, content })));
  await t.http
    .put('/api/v1/repositories/{id}/source', { params: { id }, rawBody: archive, headers: { 'content-type': 'application/gzip' }, token })
    .expect(200);
}

const startScan = (repositoryId: string, body: Json = {}, token?: string) =>
  t.http.post('/api/v1/repositories/{id}/scans', { params: { id: repositoryId }, body, token });

const getScan = async (repositoryId: string, scanId: string): Promise<Json> =>
  (await t.http.get('/api/v1/repositories/{id}/scans/{scanId}', { params: { id: repositoryId, scanId } }).expect(200)).data;

async function claimScan(agent: Agent): Promise<{ job: Json; leaseId: string }> {
  const res = await t.http
    .post('/api/v1/agents/{id}/jobs/claim', { params: { id: agent.id }, query: 'max=1', token: null, agentSecret: agent.secret })
    .expectResponse(200);
  const [claim] = res.body.data.claims;
  expect(claim.job.type).toBe('scan');
  return { job: claim.job, leaseId: claim.lease.id };
}

const agentCall = (agent: Agent, what: 'progress' | 'sarif', scanId: string, body: Json) =>
  t.http.post(`/api/v1/agents/{id}/scans/{scanId}/${what}`, {
    params: { id: agent.id, scanId },
    body,
    token: null,
    agentSecret: agent.secret,
  });

const complete = (agent: Agent, jobId: string, leaseId: string, status = 'succeeded') =>
  t.http
    .post('/api/v1/agents/{id}/jobs/{jobId}/complete', {
      params: { id: agent.id, jobId },
      body: {
        leaseId,
        status,
        ...(status === 'failed' && { error: { code: 'SCANNER_CRASHED', message: 'eslint crashed', retryable: false } }),
      },
      token: null,
      agentSecret: agent.secret,
    })
    .expect(204);

async function untarred(bytes: Buffer): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const extract = tarStream.extract();
  Readable.from([bytes]).pipe(extract);
  for await (const entry of extract) {
    const chunks: Buffer[] = [];
    for await (const chunk of entry) chunks.push(chunk as Buffer);
    files.set(entry.header.name, entry.header.type === 'symlink' ? `-> ${entry.header.linkname}` : Buffer.concat(chunks).toString());
  }
  return files;
}

/** A result as secretlint's and ESLint's SARIF formatters write them (no fingerprints: Marshal computes them). */
function result(ruleId: string, level: string, message: string, uri: string, line: number, snippet?: string): Json {
  return {
    ruleId,
    level,
    message: { text: message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri },
          region: { startLine: line, startColumn: 3, endLine: line, endColumn: 20, ...(snippet && { snippet: { text: snippet } }) },
        },
      },
    ],
  };
}

const run = (name: string, results: Json[], rules: Json[] = []): Json => ({ tool: { driver: { name, rules } }, results });
const log = (...runs: Json[]): Json => ({ $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs });

const ESLINT_RULES = [
  {
    id: 'security/detect-eval-with-expression',
    shortDescription: { text: 'Detects "eval(variable)"' },
    helpUri: 'https://github.com/eslint-community/eslint-plugin-security/blob/main/docs/rules/detect-eval-with-expression.md',
    properties: { tags: ['security', 'external/cwe/cwe-095'], 'security-severity': '9.3' },
  },
  { id: 'security/detect-child-process', properties: { 'security-severity': '6.5' } },
];

async function findings(repositoryId: string, query = ''): Promise<Json[]> {
  return (await t.http.get('/api/v1/repositories/{id}/findings', { params: { id: repositoryId }, query }).expect(200)).data;
}

/** Polls until `done` holds (or 10 s pass, answering the last read for the assertion to show). */
async function settled<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 10_000;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

async function blobCount(): Promise<number> {
  const [row] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM blobs WHERE organization_id = $1', [t.organizationId]);
  return row.n;
}

/** Cancels what a test left queued, so the next one's agent claims its own scan. */
afterEach(async () => {
  await t.sql(
    `UPDATE jobs SET status = 'cancelled', completed_at = now() WHERE type = 'scan' AND status IN ('queued', 'leased', 'running')`,
  );
  await t.sql(`UPDATE scans SET status = 'cancelled' WHERE status IN ('queued', 'running')`);
});

describe('an agent scan', () => {
  test('is claimed, read as a tar, reported, ingested and settled; a rescan keeps triage, fixes what is gone, opens what is new', async () => {
    const agent = await scannerAgent();
    const repo = await repositoryWithSource({
      'src/config.js': 'const token = "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";\n',
      'src/run.js': 'function run(x) {\n  return eval(x);\n}\n',
      'vendor/lib.js': 'eval("1")\n',
    });
    await t.http
      .put('/api/v1/repositories/{id}/threat-profile', { params: { id: repo.id }, body: { outOfScopePaths: ['vendor/'] } })
      .expect(200);

    const queued = (await startScan(repo.id, { scanners: ['secretlint', 'eslint-security'] }).expect(201)).data;
    expect(queued).toMatchObject({ status: 'queued', origin: 'agent', configuration: { excludePaths: ['vendor/'] } });
    const { job, leaseId } = await claimScan(agent);
    expect(job.payload).toMatchObject({ scanId: queued.id, scanners: ['secretlint', 'eslint-security'], excludePaths: ['vendor/'] });

    // The snapshot as the agent reads it: without the out-of-scope paths.
    const source = await t.http
      .get('/api/v1/agents/{id}/scans/{scanId}/source', {
        params: { id: agent.id, scanId: queued.id },
        token: null,
        agentSecret: agent.secret,
      })
      .expectResponse(200);
    expect(source.headers.get('content-type')).toBe('application/x-tar');
    const files = await untarred(source.bytes);
    expect([...files.keys()]).toEqual(['src/config.js', 'src/run.js']);
    expect(files.get('src/run.js')).toContain('eval(x)');

    const reported = (
      await agentCall(agent, 'progress', queued.id, { leaseId, filesTotal: 2, filesDone: 1, message: 'secretlint done' }).expect(200)
    ).data;
    expect(reported).toMatchObject({ status: 'running', progress: { filesTotal: 2, filesDone: 1, message: 'secretlint done' } });
    expect((await t.http.get('/api/v1/jobs/{id}', { params: { id: job.id } }).expect(200)).data.progress).toMatchObject({ percent: 50 });

    const first = log(
      run('secretlint', [result('@secretlint/secretlint-rule-github', 'error', 'found GitHub Token(****): ****', 'src/config.js', 1)]),
      run(
        'ESLint',
        [result('security/detect-eval-with-expression', 'warning', 'eval with argument of type Identifier', 'src/run.js', 2, 'eval(x)')],
        ESLINT_RULES,
      ),
    );
    const receipt = (await agentCall(agent, 'sarif', queued.id, { leaseId, sarif: first }).expect(200)).data;
    expect(receipt).toMatchObject({ results: 2, tools: ['secretlint', 'ESLint'] });
    // The same log again (a lost answer): the same receipt, nothing counted twice.
    expect((await agentCall(agent, 'sarif', queued.id, { leaseId, sarif: first }).expect(200)).data).toEqual(receipt);
    await complete(agent, job.id, leaseId);

    const done = await getScan(repo.id, queued.id);
    expect(done).toMatchObject({
      status: 'succeeded',
      tools: ['secretlint', 'ESLint'],
      summary: { results: 2, new: 2, reopened: 0, fixed: 0, bySeverity: { high: 1, critical: 1 } },
    });
    expect(done.artifacts).toHaveLength(1);
    expect(done.finishedAt).not.toBeNull();

    // The list answers settled events only (none can still commit before them), so a poll never skips
    // one: a transaction elsewhere on the cluster may hold the newest back for a moment.
    const events = await settled(
      async () =>
        (await t.http.get('/api/v1/repositories/{id}/scans/{scanId}/events', { params: { id: repo.id, scanId: queued.id } }).expect(200))
          .data as Json[],
      (list) => list.some((e) => e.type === 'scan.succeeded'),
    );
    expect(events.map((e: Json) => e.type)).toEqual([
      'scan.queued',
      'scan.running',
      'scan.progress',
      'scan.results_ingested',
      'scan.succeeded',
    ]);
    const afterProgress = (
      await t.http
        .get('/api/v1/repositories/{id}/scans/{scanId}/events', {
          params: { id: repo.id, scanId: queued.id },
          query: `after=${events[2].cursor}`,
        })
        .expect(200)
    ).data;
    expect(afterProgress.map((e: Json) => e.type)).toEqual(['scan.results_ingested', 'scan.succeeded']);

    // Severity first: the eval (security-severity 9.3: critical) before the token (error: high).
    const listed = await findings(repo.id);
    expect(listed.map((f: Json) => [f.tool, f.severity, f.status, f.location.path])).toEqual([
      ['ESLint', 'critical', 'open', 'src/run.js'],
      ['secretlint', 'high', 'open', 'src/config.js'],
    ]);
    const [evalFinding, tokenFinding] = listed;
    const detail = (
      await t.http.get('/api/v1/repositories/{id}/findings/{findingId}', { params: { id: repo.id, findingId: evalFinding.id } }).expect(200)
    ).data;
    expect(detail).toMatchObject({
      snippet: 'eval(x)',
      rule: { ruleId: 'security/detect-eval-with-expression', cwe: ['CWE-95'], securitySeverity: 9.3 },
      firstScanId: queued.id,
      history: [{ fromStatus: null, toStatus: 'open', actor: `scan:${queued.id}` }],
    });

    // Triage: a dismissal needs a reason from the list and a comment.
    const triage = (body: Json) =>
      t.http.put('/api/v1/repositories/{id}/findings/{findingId}', { params: { id: repo.id, findingId: evalFinding.id }, body });
    await triage({ status: 'dismissed', reason: 'false_positive' }).expect(400, 'VALIDATION_FAILED');
    await triage({ status: 'dismissed', reason: 'because', comment: 'x' }).expect(400, 'VALIDATION_FAILED');
    await triage({ status: 'fixed' }).expect(400, 'VALIDATION_FAILED');
    const dismissed = (
      await triage({ status: 'dismissed', reason: 'used_in_tests', comment: 'only the test harness calls run()' }).expect(200)
    ).data;
    expect(dismissed).toMatchObject({ status: 'dismissed', dismissedReason: 'used_in_tests' });
    const me = (await t.http.get('/api/v1/me').expect(200)).data;
    expect(dismissed.history.at(-1)).toMatchObject({ fromStatus: 'open', toStatus: 'dismissed', actor: `user:${me.id}` });
    const [audit] = await t.sql<Json>(
      `SELECT action, actor_id, outcome FROM audit_events WHERE resource_id = $1 AND action = 'finding.triage'`,
      [evalFinding.id],
    );
    expect(audit).toMatchObject({ action: 'finding.triage', actor_id: me.id, outcome: 'success' });

    // The code is edited above the dismissed eval, the token removed, a child process added.
    await uploadSource(repo.id, {
      'src/run.js': '// runs what the harness sends\n\nfunction run(x) {\n  return eval(x);\n}\n',
      'src/spawn.js': 'require("child_process").exec(cmd);\n',
    });
    const second = (await startScan(repo.id).expect(201)).data;
    const again = await claimScan(agent);
    expect(again.job.payload.snapshotId).not.toBe(queued.snapshotId);
    await agentCall(agent, 'sarif', second.id, {
      leaseId: again.leaseId,
      sarif: log(
        run('secretlint', []),
        run(
          'ESLint',
          [
            result('security/detect-eval-with-expression', 'warning', 'eval with argument of type Identifier', 'src/run.js', 4, 'eval(x)'),
            result(
              'security/detect-child-process',
              'warning',
              'Found require("child_process")',
              'src/spawn.js',
              1,
              'require("child_process")',
            ),
          ],
          ESLINT_RULES,
        ),
      ),
    }).expect(200);
    await complete(agent, again.job.id, again.leaseId);
    expect(await getScan(repo.id, second.id)).toMatchObject({ status: 'succeeded', summary: { results: 2, new: 1, fixed: 1 } });

    const byId = new Map((await findings(repo.id)).map((f: Json) => [f.id, f]));
    expect(byId.get(evalFinding.id)).toMatchObject({ status: 'dismissed', location: { startLine: 4 }, lastScanId: second.id });
    expect(byId.get(tokenFinding.id)).toMatchObject({ status: 'fixed', fixedScanId: second.id });
    const fresh = [...byId.values()].find((f) => f.ruleId === 'security/detect-child-process');
    expect(fresh).toMatchObject({ status: 'open', severity: 'medium', firstScanId: second.id });
    expect((await findings(repo.id, `scanId=${queued.id}`)).map((f: Json) => f.id).sort()).toEqual(
      [evalFinding.id, tokenFinding.id].sort(),
    );
    expect((await findings(repo.id, 'status=fixed')).map((f: Json) => f.id)).toEqual([tokenFinding.id]);
    await t.http
      .put('/api/v1/repositories/{id}/findings/{findingId}', {
        params: { id: repo.id, findingId: tokenFinding.id },
        body: { status: 'confirmed' },
      })
      .expect(409, 'CONFLICT');

    // The token comes back: the fixed finding reopens.
    const third = (await startScan(repo.id).expect(201)).data;
    const more = await claimScan(agent);
    await agentCall(agent, 'sarif', third.id, {
      leaseId: more.leaseId,
      sarif: log(
        run('secretlint', [result('@secretlint/secretlint-rule-github', 'error', 'found GitHub Token(****): ****', 'src/config.js', 7)]),
      ),
    }).expect(200);
    await complete(agent, more.job.id, more.leaseId);
    expect(await getScan(repo.id, third.id)).toMatchObject({ summary: { reopened: 1, fixed: 0 } });
    const reopened = (
      await t.http
        .get('/api/v1/repositories/{id}/findings/{findingId}', { params: { id: repo.id, findingId: tokenFinding.id } })
        .expect(200)
    ).data;
    expect(reopened.status).toBe('open');
    expect(reopened.history.map((c: Json) => c.toStatus)).toEqual(['open', 'fixed', 'open']);
    // ESLint did not run in the third scan: its findings are not judged by it.
    expect((await findings(repo.id, 'tool=ESLint&status=open,dismissed')).length).toBe(2);

    // The project's rollups and the ops view.
    const projectScans = (await t.http.get('/api/v1/projects/{id}/scans', { params: { id: repo.projectId } }).expect(200)).data;
    expect(projectScans.map((s: Json) => s.id)).toEqual([third.id, second.id, queued.id]);
    expect(
      (await t.http.get('/api/v1/projects/{id}/findings', { params: { id: repo.projectId }, query: 'severity=critical' }).expect(200)).data,
    ).toHaveLength(1);
    const projectEvents = await settled(
      async () =>
        (await t.http.get('/api/v1/projects/{id}/events', { params: { id: repo.projectId }, query: 'limit=500' }).expect(200))
          .data as Json[],
      (list) => list.filter((e) => e.type === 'scan.succeeded').length === 3,
    );
    expect(projectEvents.filter((e: Json) => e.type === 'scan.succeeded')).toHaveLength(3);
  });

  test('a failed job fails its scan; a cancelled scan stops its job; an ended one is 409', async () => {
    const agent = await scannerAgent();
    const repo = await repositoryWithSource({ 'a.js': 'x\n' });
    const scan = (await startScan(repo.id).expect(201)).data;
    const { job, leaseId } = await claimScan(agent);
    const workers = (await t.http.get('/api/v1/ops/workers').expect(200)).data;
    expect(workers.find((w: Json) => w.agent.id === agent.id)).toMatchObject({ scans: [{ scanId: scan.id, repositoryId: repo.id }] });
    await complete(agent, job.id, leaseId, 'failed');
    expect(await getScan(repo.id, scan.id)).toMatchObject({ status: 'failed', error: { code: 'SCANNER_CRASHED' } });
    await t.http
      .delete('/api/v1/repositories/{id}/scans/{scanId}', { params: { id: repo.id, scanId: scan.id } })
      .expect(409, 'SCAN_FINISHED');

    const queued = (await startScan(repo.id).expect(201)).data;
    const cancelled = (
      await t.http.delete('/api/v1/repositories/{id}/scans/{scanId}', { params: { id: repo.id, scanId: queued.id } }).expect(200)
    ).data;
    expect(cancelled).toMatchObject({ status: 'cancelled', error: { code: 'CANCELLED' } });
    expect((await t.http.get('/api/v1/jobs/{id}', { params: { id: queued.jobId } }).expect(200)).data.status).toBe('cancelled');
    // Its agent may no longer read or report.
    await agentCall(agent, 'progress', queued.id, { leaseId: randomUUID() }).expect(409, 'LEASE_LOST');
  });

  test('quotas: more scans at once than SCAN_MAX_CONCURRENT is 429 naming the limit', async () => {
    const repo = await repositoryWithSource({ 'a.js': 'x\n' });
    for (let i = 0; i < 3; i++) await startScan(repo.id).expect(201);
    const refused = await startScan(repo.id).expect(429, 'SCAN_LIMIT_REACHED');
    expect(refused.error.details).toEqual({ limit: 'SCAN_MAX_CONCURRENT', value: 3 });
    expect((await t.http.get('/api/v1/ops/limits').expect(200)).data).toMatchObject({ concurrentScansMax: 3 });
  });
});

describe('an imported SARIF log', () => {
  // A tool the project does not run, written by hand from the SARIF 2.1.0 spec, with its own fingerprints.
  const handWritten = (line: number) =>
    log({
      tool: {
        driver: {
          name: 'HandAudit',
          version: '1.0',
          rules: [
            { id: 'HA001', name: 'HardcodedCredential', defaultConfiguration: { level: 'error' }, properties: { tags: ['CWE-798'] } },
          ],
        },
      },
      originalUriBaseIds: { SRCROOT: { uri: 'file:///build/checkout/' } },
      artifacts: [{ location: { uri: 'src/db%20config.ts', uriBaseId: 'SRCROOT' } }],
      results: [
        {
          ruleId: 'HA001',
          ruleIndex: 0,
          message: { text: 'A password is written in the code' },
          locations: [{ physicalLocation: { artifactLocation: { index: 0 }, region: { startLine: line } } }],
          partialFingerprints: { primaryLocationLineHash: 'c0ffee:1' },
        },
        { ruleId: 'HA001', kind: 'pass', message: { text: 'checked, fine' } },
        // Suppressed in the source: the code's own dismissal, not a finding.
        {
          ruleId: 'HA001',
          message: { text: 'A password in a fixture' },
          locations: [{ physicalLocation: { artifactLocation: { index: 0 }, region: { startLine: 9 } } }],
          suppressions: [{ kind: 'inSource' }],
        },
      ],
    });

  test('is ingested as a succeeded scan: its own fingerprints, its paths resolved; a wrong log is 422 at its JSON path and stores nothing', async () => {
    const repo = await repositoryWithSource({ 'src/db config.ts': 'const password = "hunter2";\n' });
    const imported = (await startScan(repo.id, { sarif: handWritten(1) }).expect(201)).data;
    expect(imported).toMatchObject({
      origin: 'import',
      status: 'succeeded',
      jobId: null,
      tools: ['HandAudit'],
      summary: { results: 1, new: 1 },
    });
    const [finding] = await findings(repo.id);
    expect(finding).toMatchObject({
      tool: 'HandAudit',
      ruleId: 'HA001',
      severity: 'high',
      level: 'error',
      location: { path: 'src/db config.ts', startLine: 1 },
    });

    // The same fingerprints at another line: the same finding.
    const moved = (await startScan(repo.id, { sarif: handWritten(30) }).expect(201)).data;
    expect(moved.summary).toMatchObject({ new: 0, fixed: 0 });
    expect(await findings(repo.id)).toMatchObject([{ id: finding.id, location: { startLine: 30 }, lastScanId: moved.id }]);

    const [scansBefore] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM scans WHERE repository_id = $1', [repo.id]);
    const blobsBefore = await blobCount();
    const wrong = handWritten(1);
    wrong.runs[0].results[0].level = 'fatal';
    const refused = await startScan(repo.id, { sarif: wrong }).expect(422, 'SARIF_INVALID');
    expect(refused.error.details).toEqual({ path: '$.runs[0].results[0].level' });
    expect(refused.error.message).toContain('none, note, warning, error');
    await startScan(repo.id, { sarif: { version: '2.0.0', runs: [] } }).expect(422, 'SARIF_INVALID');
    await startScan(repo.id, { sarif: { version: '2.1.0' } }).expect(422, 'SARIF_INVALID');
    const [scansAfter] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM scans WHERE repository_id = $1', [repo.id]);
    expect(scansAfter.n).toBe(scansBefore.n);
    expect(await blobCount()).toBe(blobsBefore);
  });

  test('deleting the repository deletes its scans and findings', async () => {
    const repo = await repositoryWithSource({ 'src/db config.ts': 'x\n' });
    await startScan(repo.id, { sarif: handWritten(1) }).expect(201);
    await t.http.delete('/api/v1/repositories/{id}', { params: { id: repo.id } }).expect(204);
    const [left] = await t.sql<{ scans: number; findings: number }>(
      `SELECT (SELECT count(*)::int FROM scans WHERE repository_id = $1) AS scans, (SELECT count(*)::int FROM findings WHERE repository_id = $1) AS findings`,
      [repo.id],
    );
    expect(left).toEqual({ scans: 0, findings: 0 });
  });
});

describe('the events of a scan over SSE (Accept: text/event-stream on the same route)', () => {
  afterEach(closeStreams);
  const eventsPath = (repositoryId: string, scanId: string, query = '') =>
    `/api/v1/repositories/${repositoryId}/scans/${scanId}/events${query}`;
  const bearer = (token = t.token) => ({ authorization: `Bearer ${token}` });
  const pageOf = async (repositoryId: string, scanId: string, headers?: Record<string, string>): Promise<Json[]> =>
    (await t.http.get('/api/v1/repositories/{id}/scans/{scanId}/events', { params: { id: repositoryId, scanId }, headers }).expect(200))
      .data;
  const sarif = () => log(run('HandAudit', [result('HA001', 'error', 'A password is written in the code', 'a.js', 1)]));

  test("an ended scan's stream: its events as the JSON page has them, then EOF; resumed by Last-Event-ID or `after`", async () => {
    const repo = await repositoryWithSource({ 'a.js': 'const password = "hunter2";\n' });
    const scan = (await startScan(repo.id, { sarif: sarif() }).expect(201)).data;
    // Events are read once every older transaction has ended (on a busy database, a moment later).
    const page = await waitFor('the events', async () => {
      const events = await pageOf(repo.id, scan.id);
      return events.length >= 2 ? events : undefined;
    });
    expect(page.map((e) => e.type)).toEqual(['scan.results_ingested', 'scan.succeeded']);
    // No Accept, or one preferring JSON, is the page: the envelope as before.
    expect(await pageOf(repo.id, scan.id, { accept: '*/*' })).toEqual(page);
    expect(await pageOf(repo.id, scan.id, { accept: 'application/json, text/event-stream;q=0.5' })).toEqual(page);

    const stream = await openSse(t.baseUrl, eventsPath(repo.id, scan.id), bearer());
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    await stream.waitForEnd();
    expect(stream.frames.map((f) => [f.id, f.event, f.data.id])).toEqual(page.map((e) => [e.cursor, e.type, e.id]));
    expect(stream.frames[1].data).toMatchObject({ resourceType: 'scan', resourceId: scan.id, data: { repositoryId: repo.id } });

    const resumed = await openSse(t.baseUrl, eventsPath(repo.id, scan.id), { ...bearer(), 'last-event-id': page[0].cursor });
    await resumed.waitForEnd();
    expect(resumed.frames.map((f) => f.event)).toEqual(['scan.succeeded']);
    const after = await openSse(t.baseUrl, eventsPath(repo.id, scan.id, `?after=${page[0].cursor}`), bearer());
    await after.waitForEnd();
    expect(after.frames.map((f) => f.event)).toEqual(['scan.succeeded']);
    // Resumed after its end: nothing more will come, so the stream ends at once.
    const atEnd = await openSse(t.baseUrl, eventsPath(repo.id, scan.id), { ...bearer(), 'last-event-id': page[1].cursor });
    await atEnd.waitForEnd();
    expect(atEnd.frames).toEqual([]);
  });

  test('a live scan streams its events as they commit: cancelled while the stream is open, it delivers scan.cancelled and ends', async () => {
    const repo = await repositoryWithSource({ 'a.js': 'x\n' });
    const scan = (await startScan(repo.id).expect(201)).data;
    const stream = await openSse(t.baseUrl, eventsPath(repo.id, scan.id), bearer());
    expect(stream.status).toBe(200);
    await stream.waitFor((f) => f.event === 'scan.queued');
    expect(stream.ended).toBe(false);
    await t.http.delete('/api/v1/repositories/{id}/scans/{scanId}', { params: { id: repo.id, scanId: scan.id } }).expect(200);
    const cancelled = await stream.waitFor((f) => f.event === 'scan.cancelled');
    expect(cancelled.data).toMatchObject({ resourceId: scan.id, data: { status: 'cancelled', error: { code: 'CANCELLED' } } });
    await stream.waitForEnd();
    expect(stream.frames.map((f) => f.event)).toEqual((await pageOf(repo.id, scan.id)).map((e) => e.type));
  });

  test("another organization's scan, or another repository's, is 404 before any stream starts; without scan.read 403", async () => {
    const repo = await repositoryWithSource({ 'a.js': 'x\n' });
    const scan = (await startScan(repo.id, { sarif: sarif() }).expect(201)).data;
    const other = await otherOrganization(t, t.token);
    const refused = await openSse(t.baseUrl, eventsPath(repo.id, scan.id), bearer(other.owner.accessToken));
    expect(refused.status).toBe(404);
    expect(refused.headers.get('content-type')).toMatch(/^application\/json/);
    expect(JSON.parse(refused.text)).toMatchObject({ success: false, error: { code: 'NOT_FOUND' } });
    const elsewhere = await newRepository(t.http);
    const wrongRepository = await openSse(t.baseUrl, eventsPath(elsewhere.id, scan.id), bearer());
    expect(wrongRepository.status).toBe(404);
    const nobody = await addMember(t, t.token, []);
    const forbidden = await openSse(t.baseUrl, eventsPath(repo.id, scan.id), bearer(nobody.accessToken));
    expect(forbidden.status).toBe(403);
    expect(JSON.parse(forbidden.text)).toMatchObject({ error: { code: 'FORBIDDEN' } });
    const unauthenticated = await openSse(t.baseUrl, eventsPath(repo.id, scan.id), {});
    expect(unauthenticated.status).toBe(401);
  });
});

describe('isolation', () => {
  test("another organization's scans and findings are 404, to its users and its agents; a member without scan.create is 403", async () => {
    const repo = await repositoryWithSource({ 'a.js': 'x\n' });
    const scan = (await startScan(repo.id).expect(201)).data;
    const other = await otherOrganization(t, t.token);
    const token = other.owner.accessToken;
    await t.http.get('/api/v1/repositories/{id}/scans', { params: { id: repo.id }, token }).expect(404, 'NOT_FOUND');
    await t.http
      .get('/api/v1/repositories/{id}/scans/{scanId}', { params: { id: repo.id, scanId: scan.id }, token })
      .expect(404, 'NOT_FOUND');
    await t.http.get('/api/v1/repositories/{id}/findings', { params: { id: repo.id }, token }).expect(404, 'NOT_FOUND');
    await startScan(repo.id, {}, token).expect(404, 'NOT_FOUND');
    const theirAgent = await scannerAgent(token);
    await t.http
      .get('/api/v1/agents/{id}/scans/{scanId}/source', {
        params: { id: theirAgent.id, scanId: scan.id },
        token: null,
        agentSecret: theirAgent.secret,
      })
      .expect(404, 'NOT_FOUND');
    // An agent of this organization that does not hold the scan's job reads nothing.
    const bystander = await scannerAgent();
    await t.http
      .get('/api/v1/agents/{id}/scans/{scanId}/source', {
        params: { id: bystander.id, scanId: scan.id },
        token: null,
        agentSecret: bystander.secret,
      })
      .expect(409, 'LEASE_LOST');
    const viewer = await addMember(t, t.token, ['viewer']);
    await startScan(repo.id, {}, viewer.accessToken).expect(403, 'FORBIDDEN');
    expect(
      (await t.http.get('/api/v1/repositories/{id}/scans', { params: { id: repo.id }, token: viewer.accessToken }).expect(200)).data,
    ).toHaveLength(1);
  });
});
