import { createHash } from 'node:crypto';

/**
 * A result's identity across scans: the finding it is. GitHub code scanning's idea, that an edit above a
 * finding must not make it a new one, so NO line or column number goes in: adding an import at the top
 * of a file moves every result below it, and each would open as new while the same one closed as
 * fixed, its triage lost. What goes in instead is what the result is about:
 *
 * - the tool's own fingerprints when it writes them (`partialFingerprints`, else `fingerprints`, §3.27.16–17):
 *   the tool knows best what makes two of its results the same;
 * - else the rule, the file, and the text matched: the snippet when the tool gives one, else the
 *   message, whitespace runs collapsed (re-indenting changes nothing either).
 *
 * The parts are hashed as a JSON array, so no choice of values can make two different lists hash alike.
 */

export type FingerprintSource = 'partial' | 'computed';

export interface FingerprintInput {
  tool: string;
  ruleId: string;
  path: string | null;
  snippet: string | null;
  message: string;
  partialFingerprints?: Record<string, string>;
  fingerprints?: Record<string, string>;
}

export function baseFingerprint(input: FingerprintInput): { fingerprint: string; source: FingerprintSource } {
  const own = nonEmpty(input.partialFingerprints) ?? nonEmpty(input.fingerprints);
  if (own) {
    const pairs = Object.entries(own)
      .map(([key, value]) => `${key}=${String(value)}`)
      .sort();
    return { fingerprint: sha256([input.tool, ...pairs]), source: 'partial' };
  }
  const text = normalised(input.snippet ?? input.message);
  return { fingerprint: sha256([input.tool, input.ruleId, input.path ?? '', text]), source: 'computed' };
}

/**
 * Gives each result of a run its own fingerprint. Two identical results in one file (the same call
 * twice, with the same text) share a base fingerprint; the second is `<base>#2`, the third `<base>#3`,
 * in the order the run lists them. Tools list results in file order, so this holds across scans as
 * long as the copies keep their order, and an edit elsewhere in the file changes none of them.
 */
export function occurrences(): (base: string) => string {
  const seen = new Map<string, number>();
  return (base) => {
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  };
}

function normalised(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function nonEmpty(record: Record<string, string> | undefined): Record<string, string> | undefined {
  return record && Object.keys(record).length > 0 ? record : undefined;
}

function sha256(parts: string[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}
