import type { SarifLevel, SarifPropertyBag, SarifReportingDescriptor } from './sarif-types.js';

/** What Marshal keeps of a tool's rule (SARIF reportingDescriptor, §3.49). */
export interface ExtractedRule {
  ruleId: string;
  name: string | null;
  shortDescription: string | null;
  fullDescription: string | null;
  helpText: string | null;
  helpUri: string | null;
  tags: string[];
  /** `CWE-79`, from tags such as `external/cwe/cwe-079`, `CWE-79` or Semgrep's `CWE-79: Improper Neutralization…`. */
  cwe: string[];
  /** GitHub's `security-severity` property, 0 to 10. */
  securitySeverity: number | null;
  defaultLevel: SarifLevel | null;
}

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

const CWE_TAG = /^(?:external\/cwe\/)?cwe-0*(\d+)(?::.*)?$/i;

export function extractRule(rule: SarifReportingDescriptor): ExtractedRule {
  const tags = Array.isArray(rule.properties?.tags) ? rule.properties.tags.filter((t) => typeof t === 'string') : [];
  const cwe = new Set<string>();
  for (const tag of tags) {
    const match = CWE_TAG.exec(tag.trim());
    if (match) cwe.add(`CWE-${match[1]}`);
  }
  return {
    ruleId: rule.id,
    name: rule.name ?? null,
    shortDescription: rule.shortDescription?.text ?? null,
    fullDescription: rule.fullDescription?.text ?? null,
    helpText: rule.help?.text ?? rule.help?.markdown ?? null,
    helpUri: webLink(rule.helpUri),
    tags,
    cwe: [...cwe],
    securitySeverity: securitySeverity(rule.properties),
    defaultLevel: rule.defaultConfiguration?.level ?? null,
  };
}

/**
 * A property bag's `security-severity` (GitHub's convention: a string such as "7.5"), or null when absent
 * or not a number from 0 to 10. A number is taken too: some tools write one, and it means the same.
 */
export function securitySeverity(properties: SarifPropertyBag | undefined): number | null {
  const raw = properties?.['security-severity'];
  // Number('') and Number(' ') are 0: only something that looks like a number is one.
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(raw) ? Number(raw) : NaN;
  return Number.isFinite(value) && value >= 0 && value <= 10 ? value : null;
}

/** GitHub code scanning's mapping of security-severity (so that a log reads the same there and here). */
export function severityOf(score: number | null, level: SarifLevel): Severity {
  if (score !== null) {
    if (score >= 9) return 'critical';
    if (score >= 7) return 'high';
    if (score >= 4) return 'medium';
    return score > 0 ? 'low' : 'info';
  }
  return LEVEL_SEVERITY[level];
}

const LEVEL_SEVERITY: Record<SarifLevel, Severity> = { error: 'high', warning: 'medium', note: 'low', none: 'info' };

/**
 * Only http(s) links: the UI renders helpUri as a link, and a `javascript:` URI is a valid URI. What is
 * not a URL at all is dropped too (ESLint's formatter writes "Please see details in message").
 */
function webLink(uri: string | undefined): string | null {
  if (uri === undefined) return null;
  try {
    const url = new URL(uri);
    return url.protocol === 'https:' || url.protocol === 'http:' ? uri : null;
  } catch {
    return null;
  }
}
