import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import Ajv from 'ajv-draft-04';
import { pack } from 'tar-stream';
import type { Logger } from '../log.js';
import { cleanRun, type SarifLog, type SarifRun } from '../scanners/index.js';
import type { Job } from '../server-api.js';
import { JobFailure } from './handler.js';
import { scanHandler, type ScanApi, type ScanProgress } from './scan.js';

/** A fake GitHub token, of the shape secretlint's recommended preset finds. */
const TOKEN = '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';
const GITHUB_RULE = '@secretlint/secretlint-rule-preset-recommend > @secretlint/secretlint-rule-github';

type TarEntry = { name: string; content?: string; link?: string; type?: 'directory' | 'link' | 'fifo' };

/** An uncompressed tar, in memory. */
async function tar(entries: TarEntry[]): Promise<Buffer> {
  const archive = pack();
  for (const e of entries) {
    if (e.link !== undefined) archive.entry({ name: e.name, type: e.type ?? 'symlink', linkname: e.link });
    else if (e.type) archive.entry({ name: e.name, type: e.type });
    else archive.entry({ name: e.name, mode: 0o644 }, e.content ?? '');
  }
  archive.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of archive) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The official SARIF 2.1.0 schema (draft-04), as @microsoft/jest-sarif ships it; options as the server compiles it. */
function sarifSchema() {
  const file = join(
    dirname(createRequire(import.meta.url).resolve('@microsoft/jest-sarif/package.json')),
    'lib/schemas/sarif-2.1.0-rtm.5.json',
  );
  const ajv = new Ajv.default({ strict: false, unicodeRegExp: false, validateFormats: false });
  return ajv.compile(JSON.parse(readFileSync(file, 'utf8')));
}

const silent: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {}, with: () => silent };

function fakeApi(archive: Buffer, { web = false, failProgress = false } = {}) {
  const progress: ScanProgress[] = [];
  const uploads: SarifLog[] = [];
  const api: ScanApi = {
    fetchSource: () => Promise.resolve(web ? new Blob([archive]).stream() : Readable.from([archive])),
    reportProgress: (_job, update) => {
      progress.push(update);
      return failProgress ? Promise.reject(new Error('server down')) : Promise.resolve();
    },
    uploadSarif: (_job, log) => {
      uploads.push(log as SarifLog);
      return Promise.resolve({ results: (log as SarifLog).runs.reduce((n, r) => n + (r.results?.length ?? 0), 0) });
    },
  };
  return { api, progress, uploads };
}

const payload = (over: Record<string, unknown> = {}) => ({
  scanId: 'scan-1',
  repositoryId: 'repo-1',
  snapshotId: 'snap-1',
  scanners: [],
  paths: [],
  excludePaths: [],
  ...over,
});

let tmp: string;
beforeEach(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'scan-spec-'));
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function run(api: ScanApi, body: Record<string, unknown> = payload(), signal = new AbortController().signal) {
  const job = { id: 'job-1', type: 'scan', payload: body, timeoutSeconds: 600 } as unknown as Job;
  return scanHandler(api, { tmpDir: tmp })({ job, leaseId: 'lease-1', signal, log: silent, progress: () => Promise.resolve() });
}

const uris = (log: SarifLog, tool: string) =>
  log.runs
    .filter((r) => r.tool.driver.name === tool)
    .flatMap((r) => (r.results ?? []).map((x: any) => x.locations[0].physicalLocation.artifactLocation.uri as string));
const ruleIds = (log: SarifLog, tool: string) =>
  new Set(log.runs.filter((r) => r.tool.driver.name === tool).flatMap((r) => (r.results ?? []).map((x) => x.ruleId)));

async function refusal(promise: Promise<unknown>): Promise<JobFailure> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(JobFailure);
  return error as JobFailure;
}

describe('scan handler', () => {
  test('unpacks, runs secretlint and eslint-security, uploads one clean SARIF log and removes its directory', async () => {
    const archive = await tar([
      { name: 'src/', type: 'directory' },
      { name: 'src/config.js', content: `const token = '${TOKEN}';\nmodule.exports = token;\n` },
      { name: 'src/run.js', content: 'export function run(x) {\n  return eval(x);\n}\n' },
      { name: 'src/with space.js', content: `export const again = "${TOKEN}";\n` },
      { name: 'src/broken.js', content: 'const x = {{;\n' },
      { name: 'src/link.js', link: 'config.js' },
      { name: 'README.md', content: '# nothing here\n' },
      { name: 'vendor/lib.js', content: `eval(input); const t = '${TOKEN}';\n` },
      { name: 'dev/null', type: 'fifo' },
    ]);
    const { api, progress, uploads } = fakeApi(archive, { web: true });

    const result = await run(api, payload({ excludePaths: ['vendor/'] }));

    expect(uploads).toHaveLength(1);
    const [log] = uploads;
    const valid = sarifSchema();
    expect([valid(log), valid.errors]).toEqual([true, null]);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.runs.map((r) => r.tool.driver.name)).toEqual(['secretlint', 'ESLint']);
    expect(ruleIds(log, 'secretlint')).toEqual(new Set([GITHUB_RULE]));
    expect(uris(log, 'secretlint').sort()).toEqual(['src/config.js', 'src/with%20space.js']);
    expect(ruleIds(log, 'ESLint')).toEqual(new Set(['security/detect-eval-with-expression', 'no-eval']));
    expect(new Set(uris(log, 'ESLint'))).toEqual(new Set(['src/run.js']));
    for (const r of log.runs) {
      for (const a of r.artifacts ?? []) expect(a.location?.uri).not.toMatch(/^(file:|\/|\.\.)/);
      for (const x of r.results ?? []) {
        const physical = (x as any).locations[0].physicalLocation;
        expect(physical.region.snippet).toBeUndefined();
        expect(physical.contextRegion).toBeUndefined();
        expect(physical.artifactLocation.uriBaseId).toBeUndefined();
      }
    }
    const text = JSON.stringify(log);
    expect(text).not.toContain('file://');
    expect(text).not.toContain(tmp);
    expect(text).not.toContain('marshal-scan-');
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(TOKEN.slice(4));
    expect(text).not.toContain('vendor');

    // Five files in scope (vendor/ is excluded; the link and the FIFO are not files); ESLint reads the four .js ones.
    expect(progress).toEqual([
      { filesTotal: 5, filesDone: 0, message: 'unpacked' },
      { filesDone: 1, findings: 2, message: 'secretlint done' },
      { filesDone: 5, findings: 4, message: 'eslint-security done' },
    ]);
    expect(result).toEqual({
      filesScanned: 5,
      findings: 4,
      tools: [
        { name: 'secretlint', results: 2 },
        { name: 'eslint-security', results: 2 },
      ],
      parseErrors: 1,
    });
    expect(await readdir(tmp)).toEqual([]);
  });

  test('runs the scanners named, within the paths given', async () => {
    const archive = await tar([
      { name: 'src/run.js', content: 'new Function(code)();\n' },
      { name: 'lib/other.js', content: 'eval(x);\n' },
      { name: 'src/config.js', content: `module.exports = '${TOKEN}';\n` },
    ]);
    const { api, uploads } = fakeApi(archive);
    const result = await run(api, payload({ scanners: ['eslint-security'], paths: ['src/r'] }));
    expect(uploads[0].runs.map((r) => r.tool.driver.name)).toEqual(['ESLint']);
    expect(ruleIds(uploads[0], 'ESLint')).toEqual(new Set(['no-new-func']));
    expect(result).toMatchObject({ filesScanned: 1, findings: 1, tools: [{ name: 'eslint-security', results: 1 }] });
  });

  test.each<[string, TarEntry[], RegExp]>([
    ['an entry leaving the root', [{ name: '../evil.js', content: 'x' }], /"\.\.\/evil\.js" leaves the source's root/],
    ['an absolute entry', [{ name: '/etc/evil.js', content: 'x' }], /leaves the source's root/],
    ['a link leaving the root', [{ name: 'src/out', link: '../../etc/passwd' }], /"src\/out" points out of the source tree$/],
    ['a link to an absolute path', [{ name: 'passwd', link: '/etc/passwd' }], /"passwd" points out of the source tree$/],
    [
      'a link leaving the root through another link',
      [
        { name: 'd/s', link: '..' },
        { name: 'l', link: 'd/s/..' },
      ],
      /"l" points out of the source tree \(through other links\)/,
    ],
    [
      'a file written through a link',
      [
        { name: 'a', link: 'src' },
        { name: 'src/x.js', content: 'x' },
        { name: 'a/y.js', content: 'y' },
      ],
      /"a\/y\.js" goes through the link "a"/,
    ],
    [
      'the same path twice',
      [
        { name: 'x.js', content: 'x' },
        { name: 'x.js', content: 'y' },
      ],
      /holds "x\.js" twice/,
    ],
  ])('refuses %s: SOURCE_UNSAFE, nothing uploaded, directory removed', async (_what, entries, message) => {
    const { api, uploads } = fakeApi(await tar(entries));
    const error = await refusal(run(api));
    expect([error.code, error.retryable]).toEqual(['SOURCE_UNSAFE', false]);
    expect(error.message).toMatch(message);
    expect(uploads).toEqual([]);
    expect(await readdir(tmp)).toEqual([]);
  });

  test('a truncated archive is SOURCE_UNREADABLE, retryable', async () => {
    const archive = await tar([{ name: 'src/big.js', content: 'x'.repeat(10_000) }]);
    const { api, uploads } = fakeApi(archive.subarray(0, 2048));
    const error = await refusal(run(api));
    expect([error.code, error.retryable]).toEqual(['SOURCE_UNREADABLE', true]);
    expect(error.message).toMatch(/Unexpected end of data/);
    expect(uploads).toEqual([]);
    expect(await readdir(tmp)).toEqual([]);
  });

  test("the scanned tree's eslint.config.js, .secretlintrc.json and node_modules change nothing, and are never loaded", async () => {
    const marker = join(tmp, 'loaded');
    const evil = `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(marker)}, 'loaded');\nthrow new Error('scanned code was loaded');\n`;
    const archive = await tar([
      { name: 'eslint.config.js', content: evil },
      { name: 'eslint.config.mjs', content: evil },
      { name: '.secretlintrc.json', content: JSON.stringify({ rules: [{ id: './evil-rule.mjs' }] }) },
      { name: '.secretlintignore', content: '**/*\n' },
      { name: 'evil-rule.mjs', content: evil },
      { name: 'package.json', content: JSON.stringify({ type: 'module', eslintConfig: { rules: { 'no-eval': 'off' } } }) },
      { name: 'node_modules/@secretlint/secretlint-rule-preset-recommend/package.json', content: '{"main":"index.mjs"}' },
      { name: 'node_modules/@secretlint/secretlint-rule-preset-recommend/index.mjs', content: evil },
      { name: 'src/app.js', content: `const key = '${TOKEN}';\neval(key);\n` },
    ]);
    // Progress failures do not fail the scan either.
    const { api, uploads } = fakeApi(archive, { failProgress: true });
    const result = await run(api);
    expect(existsSync(marker)).toBe(false);
    expect(uris(uploads[0], 'secretlint')).toEqual(['src/app.js']);
    expect(ruleIds(uploads[0], 'ESLint')).toContain('no-eval');
    expect(uris(uploads[0], 'ESLint')).toContain('src/app.js');
    expect(result).toMatchObject({ parseErrors: 0 });
  });

  test('stops when the job is stopped, and removes its directory', async () => {
    const archive = await tar([{ name: 'src/run.js', content: 'eval(x);\n' }]);
    const { api, uploads } = fakeApi(archive);
    const controller = new AbortController();
    api.reportProgress = () => {
      controller.abort('cancelled');
      return Promise.resolve();
    };
    await expect(run(api, payload(), controller.signal)).rejects.toBe('cancelled');
    expect(uploads).toEqual([]);
    expect(await readdir(tmp)).toEqual([]);
  });

  test.each([
    [{ scanners: ['semgrep'] }, /this agent runs the scanners secretlint, eslint-security; not semgrep/],
    [{ scanId: '' }, /scanId/],
    [{ excludePaths: 'vendor/' }, /excludePaths/],
  ])('refuses the payload %j', async (over, message) => {
    const { api } = fakeApi(await tar([]));
    const error = await refusal(run(api, payload(over)));
    expect(error.code).toBe('INVALID_PAYLOAD');
    expect(error.message).toMatch(message);
  });
});

describe('cleanRun', () => {
  test('relocates every artifact location under the scan root, drops its base ids, snippets and contents, and its name everywhere', () => {
    const root = '/tmp/marshal-scan-abc123';
    const at = (uri: string, uriBaseId?: string) => ({
      physicalLocation: {
        artifactLocation: { uri, uriBaseId },
        region: { startLine: 1, snippet: { text: 'secret' } },
        contextRegion: { snippet: { text: 'secret' } },
      },
    });
    const run = {
      tool: { driver: { name: 'tool' } },
      originalUriBaseIds: { SCAN: { uri: `file://${root}/` }, OTHER: { uri: 'https://example.com/' } },
      artifacts: [{ location: { uri: `file://${root}/a%20b/c.js` }, contents: { text: 'secret' } }],
      results: [
        {
          ruleId: 'r',
          message: { text: `found in ${root}/x.js and file://${root}/y.js` },
          locations: [at('src/x.js', 'SCAN')],
          relatedLocations: [at(`file://${root}/a%20b/c.js`), at('z.js', 'OTHER'), at('https://example.com/q.js')],
        },
      ],
      invocations: [{ executionSuccessful: true, workingDirectory: { uri: `file://${root}` }, commandLine: `lint ${root}/src` }],
    } as unknown as SarifRun;
    const cleaned = cleanRun(run, { roots: [root], relativeUrisFrom: '/' }) as any;
    expect(cleaned.originalUriBaseIds).toEqual({ OTHER: { uri: 'https://example.com/' } });
    expect(cleaned.artifacts).toEqual([{ location: { uri: 'a%20b/c.js' } }]);
    const [result] = cleaned.results;
    expect(result.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'src/x.js' }, region: { startLine: 1 } });
    expect(result.relatedLocations.map((l: any) => l.physicalLocation.artifactLocation)).toEqual([
      { uri: 'a%20b/c.js' },
      { uri: 'z.js', uriBaseId: 'OTHER' },
      { uri: 'https://example.com/q.js' },
    ]);
    expect(result.message.text).toBe('found in x.js and y.js');
    expect(cleaned.invocations[0].commandLine).toBe('lint src');
    const text = JSON.stringify(cleaned);
    expect(text).not.toContain('marshal-scan-');
    expect(text).not.toContain('secret');
  });
});
