import { describe, expect, test } from '@jest/globals';
import { createRequire } from 'node:module';
import { ESLint } from 'eslint';
import { runSecretLint } from 'secretlint';
import { extractFindings } from './sarif-findings.js';
import { validateSarif } from './sarif-validator.js';

/**
 * The logs real tools write (the formatters Marshal's scanner agent uses, run here on a made-up
 * checkout), not hand-written ones: a formatter update that changes their shape shows up here.
 */

const CHECKOUT = '/tmp/marshal-sarif-checkout';
// A made-up token of GitHub's shape (ghp_ and 36 characters): secretlint finds it, GitHub knows it not.
const TOKEN = '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';

type Formatter = (results: ESLint.LintResult[], data: { cwd: string; rulesMeta: ReturnType<ESLint['getRulesMetaForResults']> }) => string;

describe('real tool output', () => {
  test("ESLint's SARIF formatter: absolute file URIs, no base, suppressed results", async () => {
    const eslint = new ESLint({
      cwd: CHECKOUT,
      overrideConfigFile: true,
      overrideConfig: [{ files: ['**/*.js'], rules: { 'no-unused-vars': 'error', 'no-eval': 'warn' } }],
    });
    const code = 'const unused = 1;\n// eslint-disable-next-line no-eval\neval("a");\neval("b");\n';
    const lint = await eslint.lintText(code, { filePath: `${CHECKOUT}/src/app.js` });
    const format = createRequire(import.meta.url)('@microsoft/eslint-formatter-sarif') as Formatter;
    const log = validateSarif(JSON.parse(format(lint, { cwd: CHECKOUT, rulesMeta: eslint.getRulesMetaForResults(lint) })));

    const [run] = extractFindings(log);
    expect(run.tool.name).toBe('ESLint');
    expect(run.rules.map((r) => [r.ruleId, r.helpUri])).toEqual([
      ['no-unused-vars', 'https://eslint.org/docs/latest/rules/no-unused-vars'],
      ['no-eval', 'https://eslint.org/docs/latest/rules/no-eval'],
    ]);
    // Absolute file:/// URIs with no originalUriBaseIds: no repository path (the agent relativises them before upload).
    expect(run.results.map((r) => [r.ruleId, r.level, r.severity, r.path, r.startLine, r.suppressed])).toEqual([
      ['no-unused-vars', 'error', 'high', null, 1, false],
      ['no-eval', 'warning', 'medium', null, 4, false],
      ['no-eval', 'warning', 'medium', null, 3, true],
    ]);
    expect(new Set(run.results.map((r) => r.fingerprint)).size).toBe(3);

    // Once relativised under a base, as the agent uploads it, the path is the repository's.
    const relativised = { ...log, runs: [{ ...log.runs[0], originalUriBaseIds: { CHECKOUT: { uri: `file://${CHECKOUT}/` } } }] };
    expect(extractFindings(validateSarif(relativised))[0].results.map((r) => r.path)).toEqual(['src/app.js', 'src/app.js', 'src/app.js']);
  });

  test("secretlint's SARIF formatter: relative URIs, rules by index, masked secrets", async () => {
    const { stdout } = await runSecretLint({
      cliOptions: { cwd: CHECKOUT, stdinContent: `first line\ntoken: ${TOKEN}\n`, stdinFileName: 'config/creds.txt' },
      engineOptions: {
        cwd: CHECKOUT,
        formatter: '@secretlint/secretlint-formatter-sarif',
        configFileJSON: { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] },
        color: false,
        // The agent must ask for this: without it the secret itself is in the message, and so in the log.
        maskSecrets: true,
      },
    });
    const log = validateSarif(JSON.parse(stdout!));
    const [run] = extractFindings(log);
    expect(run.tool.name).toBe('secretlint');
    expect(run.rules.map((r) => r.ruleId)).toEqual(['@secretlint/secretlint-rule-preset-recommend > @secretlint/secretlint-rule-github']);
    expect(run.results).toEqual([
      expect.objectContaining({
        ruleId: '@secretlint/secretlint-rule-preset-recommend > @secretlint/secretlint-rule-github',
        level: 'error',
        severity: 'high',
        path: 'config/creds.txt',
        startLine: 2,
        snippet: null,
        fingerprintSource: 'computed',
      }),
    ]);
    expect(run.results[0].message).not.toContain(TOKEN);
  });
});
