/**
 * npm run openapi        writes openapi/openapi.json and the typed client (client/schema.d.ts)
 * npm run openapi:check  fails when either differs from what the code generates, or a linter
 *                        reports an error: Redocly (openapi/redocly.yaml), then Spectral with
 *                        spectral:oas and the OWASP API ruleset (openapi/spectral.yaml); or when a
 *                        third-party generator's SDK (@hey-api/openapi-ts, into a temporary
 *                        directory) does not type-check the smoke program client/smoke/hey-api-smoke.ts
 *
 * The document comes from the compiled code (the swagger CLI plugin has run), booted in preview
 * mode: no database, no listening socket. Keys are sorted, so the output is byte-stable.
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { createOpenApiDocument } from '../src/app.factory.js';
import { loadConfig } from '../src/kernel/config/load-config.js';
import { documentProblems } from '../src/kernel/openapi/openapi-document.js';
import { validationRuleGaps } from '../src/kernel/openapi/validation-rules.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SPEC = join(root, 'openapi', 'openapi.json');
const CLIENT_SCHEMA = join(root, 'client', 'schema.d.ts');
const CLIENT_HEADER = '/**\n * Generated from openapi/openapi.json by `npm run openapi`. Do not edit.\n */\n\n';

async function generate(): Promise<{ spec: string; client: string }> {
  // Preview mode needs a config but never connects: ephemeral keys, no database.
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
  const gaps: string[] = [];
  const document = await createOpenApiDocument(config, (app, doc) => gaps.push(...validationRuleGaps(app, doc)));
  // A rule the server enforces but the document does not state makes the document unfit, like a missing summary.
  const problems = [...documentProblems(document), ...gaps];
  if (problems.length) {
    console.error(`The OpenAPI document is incomplete:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exit(1);
  }
  const spec = `${JSON.stringify(document, null, 2)}\n`;
  const ast = await openapiTS(JSON.parse(spec) as Parameters<typeof openapiTS>[0], { alphabetize: true, exportType: false });
  return { spec, client: CLIENT_HEADER + astToString(ast) };
}

function read(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function firstDifference(a: string, b: string): string {
  const left = a.split('\n');
  const right = b.split('\n');
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    if (left[i] !== right[i])
      return `line ${i + 1}:\n    committed: ${left[i] ?? '(end of file)'}\n    generated: ${right[i] ?? '(end of file)'}`;
  }
  return '';
}

/** Spectral (spectral:oas + OWASP API Security Top 10): fails on errors, prints warnings. */
function lintWithSpectral(): void {
  execFileSync(
    join(root, 'node_modules', '.bin', 'spectral'),
    [
      'lint',
      SPEC,
      '--ruleset',
      join(root, 'openapi', 'spectral.yaml'),
      '--fail-severity',
      'error',
      '--display-only-failures',
      '--format',
      'text',
    ],
    { stdio: 'inherit', cwd: join(root, 'openapi') },
  );
}

const SMOKE = join(root, 'client', 'smoke');

/**
 * Generates the hey-api SDK (fetch client, types, SDK functions) from the committed document into
 * a temporary directory, and type-checks the smoke program against it with the smoke's tsconfig:
 * `rootDirs` lays the temporary directory over client/smoke, so that its `./generated/` imports
 * resolve there and errors name the committed file. The document is handed over parsed, so the
 * generator resolves no path, registry or URL; fetch is refused while it runs, so that a network
 * access fails the check instead of passing unnoticed.
 */
async function typeCheckHeyApiClient(): Promise<void> {
  const { createClient } = await import('@hey-api/openapi-ts');
  const dir = mkdtempSync(join(tmpdir(), 'marshal-hey-api-'));
  const realFetch = globalThis.fetch;
  try {
    globalThis.fetch = () => Promise.reject(new Error('openapi: the hey-api generator tried to reach the network'));
    try {
      await createClient({
        input: JSON.parse(readFileSync(SPEC, 'utf8')) as Record<string, unknown>,
        output: { path: join(dir, 'generated') },
        plugins: ['@hey-api/client-fetch', '@hey-api/typescript', '@hey-api/sdk'],
        logs: { level: 'warn', file: false },
      });
    } finally {
      globalThis.fetch = realFetch;
    }
    // The generated files are ES modules, as the smoke program is.
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify(
        { extends: join(SMOKE, 'tsconfig.json'), compilerOptions: { rootDirs: [SMOKE, dir] }, files: [join(SMOKE, 'hey-api-smoke.ts')] },
        null,
        2,
      ),
    );
    execFileSync(join(root, 'node_modules', '.bin', 'tsc'), ['--noEmit', '-p', join(dir, 'tsconfig.json')], {
      stdio: 'inherit',
      cwd: root,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const mode = process.argv[2];
  const { spec, client } = await generate();
  if (mode === 'write') {
    writeFileSync(SPEC, spec);
    writeFileSync(CLIENT_SCHEMA, client);
    console.log(`wrote ${SPEC} and ${CLIENT_SCHEMA}`);
    return;
  }
  if (mode !== 'check') {
    console.error('usage: openapi.js write|check');
    process.exit(2);
  }
  let stale = false;
  for (const [path, generated] of [
    [SPEC, spec],
    [CLIENT_SCHEMA, client],
  ] as const) {
    const committed = read(path);
    if (committed !== generated) {
      stale = true;
      console.error(`${path} is out of date with the code (${firstDifference(committed, generated)})`);
    }
  }
  if (stale) {
    console.error('Run `npm run openapi` and commit the result.');
    process.exit(1);
  }
  execFileSync(
    join(root, 'node_modules', '.bin', 'redocly'),
    ['lint', SPEC, '--config', join(root, 'openapi', 'redocly.yaml'), '--format', 'stylish'],
    {
      stdio: 'inherit',
      cwd: join(root, 'openapi'),
      // No telemetry or update checks from CI.
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    },
  );
  lintWithSpectral();
  await typeCheckHeyApiClient();
  console.log(
    'openapi: the committed contract matches the code, lints clean, and a hey-api SDK generated from it type-checks the smoke program',
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
