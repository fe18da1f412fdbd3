import { eslintSecurity } from './eslint-security.js';
import type { Scanner, ScannerName } from './scanner.js';
import { secretlint } from './secretlint.js';

export type { Scanner, ScannerName, ScannerOutput } from './scanner.js';
export { assertNoTrace, cleanRun, sarifLog, type SarifLog, type SarifRun } from './sarif.js';
export { unpackSource, type SourceStream, type UnpackedTree } from './tree.js';

/** The scanners this agent runs, in the order a scan that names none runs them. */
export const SCANNERS: ReadonlyMap<ScannerName, Scanner> = new Map([
  ['secretlint', secretlint],
  ['eslint-security', eslintSecurity],
]);
