import { createRequire } from 'node:module';
import { join } from 'node:path';
import { runsOf } from './sarif.js';
import type { Scanner } from './scanner.js';

const require = createRequire(import.meta.url);

/**
 * The rules, by package name: secretlint resolves it from its own location in the agent's node_modules
 * (never from the scanned tree or the cwd), and the name is the prefix of every rule id it reports
 * (`@secretlint/secretlint-rule-preset-recommend > @secretlint/secretlint-rule-github`).
 */
const PRESET = '@secretlint/secretlint-rule-preset-recommend';
/** By absolute path: secretlint's formatter loader would otherwise look in the cwd first. */
const SARIF_FORMATTER = require.resolve('@secretlint/secretlint-formatter-sarif');
/** The SARIF formatter writes "1.0.0" whatever runs. */
const VERSION = (require('@secretlint/node/package.json') as { version: string }).version;

/**
 * secretlint with the recommended preset, through `@secretlint/node`'s engine: `createEngine` with the
 * configuration given as JSON (so no `.secretlintrc` is looked for, and no `.secretlintignore` is read:
 * the engine lints exactly the files it is given), then `executeOnFiles`, which answers the formatted log.
 * Found secrets are masked in its messages (`maskSecrets`).
 */
export const secretlint: Scanner = {
  name: 'secretlint',
  accepts: () => true,
  async scan(root, files, signal) {
    signal.throwIfAborted();
    const { createEngine } = await import('@secretlint/node');
    const engine = await createEngine({
      configFileJSON: { rules: [{ id: PRESET }] },
      formatter: SARIF_FORMATTER,
      color: false,
      terminalLink: false,
      maskSecrets: true,
    });
    const { output } = await engine.executeOnFiles({ filePathList: files.map((file) => join(root, file)) });
    const runs = runsOf(output, 'secretlint');
    for (const run of runs) run.tool.driver.version = VERSION;
    // The formatter writes each file's path relative to the process's cwd, unencoded.
    return { runs, relativeUrisFrom: process.cwd(), parseErrors: 0 };
  },
};
