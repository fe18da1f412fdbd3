/** Types for the scanners' packages that ship none (the parts the agent uses). */

declare module 'eslint-plugin-security' {
  import type { ESLint, Linter } from 'eslint';

  const plugin: ESLint.Plugin & { configs: { recommended: { rules: Linter.RulesRecord } } };
  export default plugin;
}

declare module '@microsoft/eslint-formatter-sarif' {
  import type { ESLint } from 'eslint';

  /** The SARIF 2.1.0 log of the results, as JSON text; file URIs are absolute `file://` URLs. */
  const format: (results: ESLint.LintResult[], data: { rulesMeta: ESLint.LintResultData['rulesMeta']; cwd: string }) => string;
  export default format;
}
