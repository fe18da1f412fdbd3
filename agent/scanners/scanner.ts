import type { SarifRun } from './sarif.js';

export type ScannerName = 'secretlint' | 'eslint-security';

export interface ScannerOutput {
  /** The formatter's runs, as it wrote them (the caller relocates their URIs and scrubs them). */
  runs: SarifRun[];
  /** Bare relative URIs in `runs` are plain paths from here. */
  relativeUrisFrom: string;
  /** Files the scanner could not parse (left out of the runs). */
  parseErrors: number;
}

/** One scanner run in-process, from the agent's own node_modules: nothing of the scanned tree is loaded or configures it. */
export interface Scanner {
  readonly name: ScannerName;
  /** Whether it reads this file (a relative, `/`-separated path). */
  accepts(path: string): boolean;
  /** Scans `files` (relative paths under `root`, all accepted); `signal` is checked between batches. */
  scan(root: string, files: readonly string[], signal: AbortSignal): Promise<ScannerOutput>;
}
