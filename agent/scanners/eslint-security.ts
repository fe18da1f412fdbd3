import type { ESLint as ESLintClass, Linter } from 'eslint';
import { runsOf } from './sarif.js';
import type { Scanner } from './scanner.js';

/** The files the configuration below applies to: ESLint's own globs, case and all. */
const SOURCE = /\.(?:js|mjs|cjs|jsx)$/;
/** Files linted per call: the signal is checked between calls. */
const BATCH = 250;

/**
 * ESLint with eslint-plugin-security's recommended rules and the core rules against dynamic code. The
 * configuration is given whole (`overrideConfigFile: true`): no `eslint.config.*` of the scanned tree is
 * looked for, and so none is loaded. Only the files given are linted (`ignore: false`: the scan's paths
 * decide, not ESLint's default ignores). Loaded on first use, so an agent that never scans never loads ESLint.
 */
export const eslintSecurity: Scanner = {
  name: 'eslint-security',
  accepts: (path) => SOURCE.test(path),
  async scan(root, files, signal) {
    signal.throwIfAborted();
    const [{ ESLint }, { default: security }, { default: formatSarif }] = await Promise.all([
      import('eslint'),
      import('eslint-plugin-security'),
      import('@microsoft/eslint-formatter-sarif'),
    ]);
    const config: Linter.Config[] = [
      {
        files: ['**/*.{js,mjs,cjs,jsx}'],
        plugins: { security },
        rules: { ...security.configs.recommended.rules, 'no-eval': 'error', 'no-implied-eval': 'error', 'no-new-func': 'error' },
      },
      // Without it every .jsx file would be a parse error.
      { files: ['**/*.jsx'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
    ];
    const eslint = new ESLint({
      cwd: root,
      overrideConfigFile: true,
      overrideConfig: config,
      errorOnUnmatchedPattern: false,
      warnIgnored: false,
      ignore: false,
    });

    const results: ESLintClass.LintResult[] = [];
    let parseErrors = 0;
    // lintFiles([]) would lint the whole cwd.
    for (let i = 0; i < files.length; i += BATCH) {
      signal.throwIfAborted();
      for (const result of await eslint.lintFiles(files.slice(i, i + BATCH))) {
        // A message without a rule is ESLint's own: a file it could not parse (fatal), or an unused
        // disable directive. Neither is a finding; parse errors are counted instead.
        if (result.messages.some((m) => m.fatal)) parseErrors++;
        result.messages = result.messages.filter((m) => m.ruleId);
        result.suppressedMessages = result.suppressedMessages.filter((m) => m.ruleId);
        results.push(result);
      }
    }
    const runs = runsOf(formatSarif(results, { rulesMeta: eslint.getRulesMetaForResults(results), cwd: root }), 'ESLint');
    for (const run of runs) run.tool.driver.version = ESLint.version;
    return { runs, relativeUrisFrom: root, parseErrors };
  },
};
