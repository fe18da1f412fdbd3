import { randomBytes } from 'node:crypto';
import { AgentProcess, killAgents, waitFor } from '../support/agent-process.js';
import { useServer } from '../support/use-server.js';
import { WorkingCopy } from './git-push.js';
import { newRepository } from './repositories.js';

/**
 * Issue 15's whole scenario. A repository's source comes by `git push` (the real client) to a
 * temporary remote; the reference agent as a real process runs scans: it claims the `scan` job, reads the snapshot
 * through the agent API, runs secretlint (recommended preset) and ESLint with eslint-plugin-security,
 * reports progress and uploads SARIF. Triage then survives an edit above the finding and a rescan.
 */
const t = useServer({ BLOB_GRACE_SECONDS: '0' });

/** A fake GitHub token, of the shape secretlint's recommended preset finds. */
const TOKEN = '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';
const hex = () => randomBytes(3).toString('hex');
type Json = Record<string, any>;

const SECRETLINT = 'secretlint';
const ESLINT = 'ESLint';

afterAll(async () => {
  await killAgents();
});

let copy: WorkingCopy | undefined;
afterAll(async () => {
  await copy?.remove();
});

/** Commits the files and pushes them with the real git client to a new temporary remote of the repository. */
async function push(repositoryId: string, files: Record<string, string>): Promise<void> {
  copy ??= await WorkingCopy.create();
  const revision = await copy.commit(files);
  const remote = (await t.http.post('/api/v1/git-uploads', { body: { repositoryId } }).expect(201)).data;
  expect(await copy.push(remote.url, remote.password)).toMatchObject({ code: 0 });
  expect((await t.http.get('/api/v1/git-uploads/{id}', { params: { id: remote.id } }).expect(200)).data).toMatchObject({
    status: 'ready',
    revision,
  });
}

async function scanToEnd(repositoryId: string): Promise<Json> {
  const queued = (await t.http.post('/api/v1/repositories/{id}/scans', { params: { id: repositoryId }, body: {} }).expect(201)).data;
  return waitFor(
    `scan ${queued.id} to end`,
    async () => {
      const scan = (
        await t.http.get('/api/v1/repositories/{id}/scans/{scanId}', { params: { id: repositoryId, scanId: queued.id } }).expect(200)
      ).data;
      return ['succeeded', 'failed', 'cancelled'].includes(scan.status) ? scan : undefined;
    },
    60_000,
  );
}

const findings = async (repositoryId: string): Promise<Json[]> =>
  (await t.http.get('/api/v1/repositories/{id}/findings', { params: { id: repositoryId }, query: 'limit=100' }).expect(200)).data;

test('a pushed repository is scanned by the reference agent with secretlint and ESLint security; triage survives an edit, a push and a rescan', async () => {
  const minted = (await t.http.post('/api/v1/agents', { body: { name: `scanner-${hex()}`, capabilities: ['scan'] } }).expect(201)).data;
  const agent = new AgentProcess('scanner', ['--server', t.baseUrl, '--capabilities', 'scan'], {
    MARSHAL_AGENT_ID: minted.agent.id,
    MARSHAL_AGENT_SECRET: minted.agentSecret,
  });

  const repo = await newRepository(t.http, { name: 'app', sourceType: 'git-upload' });
  await push(repo.id, {
    'config/deploy.env': `GITHUB_TOKEN=${TOKEN}\n`,
    'src/run.js': 'export function run(input) {\n  return eval(input);\n}\n',
    'src/calc.js': 'export const add = (a, b) => a + b;\n',
  });

  const first = await scanToEnd(repo.id);
  expect(first).toMatchObject({ status: 'succeeded', origin: 'agent' });
  const found = await findings(repo.id);
  const secret = found.find((f) => f.tool === SECRETLINT);
  const evalFinding = found.find((f) => f.tool === ESLINT && f.ruleId === 'security/detect-eval-with-expression');
  expect(secret).toMatchObject({ status: 'open', location: { path: 'config/deploy.env' } });
  expect(evalFinding).toMatchObject({ status: 'open', location: { path: 'src/run.js', startLine: 2 } });
  // The agent never sends the planted value: no snippet, no message carries it.
  expect(JSON.stringify(found)).not.toContain(TOKEN);

  // The scan's progress came from the agent, as events of the scan.
  const events = await waitFor('the scan progress events', async () => {
    const list = (
      await t.http.get('/api/v1/repositories/{id}/scans/{scanId}/events', { params: { id: repo.id, scanId: first.id } }).expect(200)
    ).data as Json[];
    return list.some((e) => e.type === 'scan.succeeded') ? list : undefined;
  });
  expect(events.filter((e) => e.type === 'scan.progress').map((e) => e.data.progress.message)).toEqual(
    expect.arrayContaining(['unpacked', 'secretlint done', 'eslint-security done']),
  );

  await t.http
    .put('/api/v1/repositories/{id}/findings/{findingId}', {
      params: { id: repo.id, findingId: evalFinding!.id },
      body: { status: 'dismissed', reason: 'used_in_tests', comment: 'only the test harness calls run()' },
    })
    .expect(200);

  // Lines above the dismissed eval, the token removed, a new eval elsewhere.
  await push(repo.id, {
    'config/deploy.env': 'GITHUB_TOKEN=${GITHUB_TOKEN}\n',
    'src/run.js': '// Runs what the test harness hands it.\n\nexport function run(input) {\n  return eval(input);\n}\n',
    'src/calc.js': 'export const add = (a, b) => a + b;\nexport const calc = (expression) => eval(expression);\n',
  });
  const second = await scanToEnd(repo.id);
  expect(second.status).toBe('succeeded');

  const after = new Map((await findings(repo.id)).map((f) => [f.id, f]));
  expect(after.get(evalFinding!.id)).toMatchObject({ status: 'dismissed', lastScanId: second.id, location: { startLine: 4 } });
  expect(after.get(secret!.id)).toMatchObject({ status: 'fixed', fixedScanId: second.id });
  const fresh = [...after.values()].filter((f) => f.firstScanId === second.id);
  expect(fresh.length).toBeGreaterThan(0);
  for (const f of fresh) expect(f).toMatchObject({ status: 'open', tool: ESLINT, location: { path: 'src/calc.js' } });
  expect(fresh.map((f) => f.ruleId)).toContain('security/detect-eval-with-expression');

  // The agent logged what it did, and never the token.
  await agent.waitForLine('the second upload', (l) => l.msg === 'scan results uploaded' && l.scanId === second.id);
  expect(agent.output).not.toContain(TOKEN);
  expect(agent.output).not.toContain(minted.agentSecret);
});
