import { baseFingerprint, type FingerprintSource, occurrences } from './sarif-fingerprint.js';
import { repositoryPaths } from './sarif-paths.js';
import { type ExtractedRule, extractRule, securitySeverity, type Severity, severityOf } from './sarif-rules.js';
import type {
  SarifLevel,
  SarifLog,
  SarifMessage,
  SarifReportingDescriptor,
  SarifResult,
  SarifRun,
  SarifToolComponent,
  SarifToolComponentReference,
} from './sarif-types.js';

export type { ExtractedRule, Severity };

/**
 * What ingestion stores of a validated SARIF log (validateSarif): per run, its tool, its rules, and its
 * results normalised into findings. Pure: no I/O, nothing of the log changed.
 */

export interface ExtractedRun {
  tool: { name: string; version: string | null };
  rules: ExtractedRule[];
  results: ExtractedResult[];
}

export interface ExtractedResult {
  ruleId: string;
  level: SarifLevel;
  severity: Severity;
  /** At most MESSAGE_MAX characters. */
  message: string;
  /** The path in the repository, or null when the log names none it can hold (sarif-paths.ts). */
  path: string | null;
  startLine: number | null;
  startColumn: number | null;
  endLine: number | null;
  endColumn: number | null;
  /** At most SNIPPET_MAX characters. */
  snippet: string | null;
  /** Unique within the run (sarif-fingerprint.ts). */
  fingerprint: string;
  fingerprintSource: FingerprintSource;
  /**
   * An accepted suppression is on it (§3.35: `// eslint-disable…`, `# nosec`, a suppression file). Such
   * results are still extracted (ESLint's formatter writes them by default): whether one is a finding,
   * and dismissed, is ingestion's choice.
   */
  suppressed: boolean;
}

export interface ExtractOptions {
  /** Only runs whose driver has one of these names (exactly). Absent: every run. */
  toolFilter?: string[];
}

export const MESSAGE_MAX = 4000;
export const SNIPPET_MAX = 2000;

export function extractFindings(log: SarifLog, options: ExtractOptions = {}): ExtractedRun[] {
  const { toolFilter } = options;
  return log.runs.filter((run) => !toolFilter || toolFilter.includes(run.tool.driver.name)).map(extractRun);
}

/** A rule as a result finds it: the descriptor (for its message strings) and what is kept of it. */
interface RuleEntry {
  descriptor: SarifReportingDescriptor;
  rule: ExtractedRule;
  component: SarifToolComponent;
}

function extractRun(run: SarifRun): ExtractedRun {
  const { driver, extensions = [] } = run.tool;
  const components = [driver, ...extensions];
  const entries = components.map((component) =>
    (component.rules ?? []).map((descriptor): RuleEntry => ({ descriptor, rule: extractRule(descriptor), component })),
  );
  // By id, the driver's first: an extension repeating a rule of the driver does not take it over.
  const byId = new Map<string, RuleEntry>();
  for (const entry of entries.flat()) if (!byId.has(entry.rule.ruleId)) byId.set(entry.rule.ruleId, entry);

  const pathOf = repositoryPaths(run);
  const unique = occurrences();
  const tool = driver.name;
  const results: ExtractedResult[] = [];
  for (const result of run.results ?? []) {
    if (!reportsProblem(result)) continue;
    const indexed = indexedEntry(result, components, entries);
    const ruleId = result.ruleId ?? indexed?.rule.ruleId ?? result.rule?.id ?? 'unknown';
    const entry = ruleEntry(result, indexed, byId);
    const kind = result.kind ?? 'fail';
    // §3.27.10: a result that is not a failure has level "none"; a failure's level is its rule's default, else warning.
    const level = result.level ?? (kind === 'fail' ? (entry?.rule.defaultLevel ?? 'warning') : 'none');
    // The result's own security-severity is the more precise; GitHub reads the rule's.
    const score = securitySeverity(result.properties) ?? entry?.rule.securitySeverity ?? null;
    const text = messageText(result.message, entry) ?? entry?.rule.shortDescription ?? ruleId;
    const physical = result.locations?.[0]?.physicalLocation;
    const region = physical?.region;
    const snippet = region?.snippet?.text ?? physical?.contextRegion?.snippet?.text ?? null;
    const path = pathOf(physical?.artifactLocation);
    const base = baseFingerprint({
      tool,
      ruleId,
      path,
      snippet,
      message: text,
      partialFingerprints: result.partialFingerprints,
      fingerprints: result.fingerprints,
    });
    const startLine = region?.startLine ?? null;
    results.push({
      ruleId,
      level,
      severity: severityOf(score, level),
      message: cut(text, MESSAGE_MAX),
      path,
      startLine,
      startColumn: region?.startColumn ?? null,
      // §3.30.7: an absent endLine is the startLine (a region within one line).
      endLine: region?.endLine ?? startLine,
      endColumn: region?.endColumn ?? null,
      snippet: snippet === null ? null : cut(snippet, SNIPPET_MAX),
      fingerprint: unique(base.fingerprint),
      fingerprintSource: base.source,
      suppressed: (result.suppressions ?? []).some((s) => s.status === undefined || s.status === 'accepted'),
    });
  }
  return {
    tool: { name: tool, version: driver.version ?? driver.semanticVersion ?? null },
    rules: entries.flat().map((e) => e.rule),
    results,
  };
}

/**
 * Not every result is a problem (§3.27.9, §3.27.24): `pass` and `notApplicable` say a rule held or did
 * not apply (compliance scanners report each check so), and a baselineState of `absent` says a result
 * of the baseline is gone. Counting those as findings would open one for every check that passed.
 */
function reportsProblem(result: SarifResult): boolean {
  return result.kind !== 'pass' && result.kind !== 'notApplicable' && result.baselineState !== 'absent';
}

/** The rule a result names by index into its tool component's rules (§3.27.6–7, §3.52): the driver's unless `rule.toolComponent` names an extension. */
function indexedEntry(result: SarifResult, components: SarifToolComponent[], entries: RuleEntry[][]): RuleEntry | undefined {
  const index = result.ruleIndex ?? result.rule?.index ?? -1;
  return index >= 0 ? entries[componentIndex(result.rule?.toolComponent, components)]?.[index] : undefined;
}

/**
 * The rule of a result (for its default level, severity and message strings): the one it names by index,
 * unless that one has another id than the result's (then the index is not trusted); else by id, a
 * hierarchical id (`CA2101/1`, §3.27.5) falling back to its parents.
 */
function ruleEntry(result: SarifResult, indexed: RuleEntry | undefined, byId: Map<string, RuleEntry>): RuleEntry | undefined {
  const id = result.ruleId ?? result.rule?.id;
  if (indexed && (id === undefined || indexed.rule.ruleId === id || id.startsWith(`${indexed.rule.ruleId}/`))) return indexed;
  for (let at = id; at; at = at.includes('/') ? at.slice(0, at.lastIndexOf('/')) : undefined) {
    const entry = byId.get(at);
    if (entry) return entry;
  }
  return undefined;
}

/** 0 for the driver, 1 + i for run.tool.extensions[i] (§3.54.3: a reference to the driver has no index). */
function componentIndex(reference: SarifToolComponentReference | undefined, components: SarifToolComponent[]): number {
  if (!reference) return 0;
  if (reference.index !== undefined && reference.index >= 0) return reference.index + 1;
  const named = reference.name === undefined ? -1 : components.findIndex((c) => c.name === reference.name);
  return named >= 0 ? named : 0;
}

/**
 * A message's text (§3.11): its own text or Markdown, else the message string its id names in the rule
 * or the tool component (§3.11.7), with `{0}`-style placeholders filled from its arguments (§3.11.5).
 */
function messageText(message: SarifMessage, entry: RuleEntry | undefined): string | undefined {
  let text = message.text ?? message.markdown;
  if (text === undefined && message.id !== undefined) {
    const strings = [entry?.descriptor.messageStrings, entry?.component.globalMessageStrings];
    // Own keys only: an id "constructor" must not find Object.prototype's.
    const found = strings.find((s) => s && Object.hasOwn(s, message.id!))?.[message.id];
    text = found?.text ?? found?.markdown;
  }
  if (text === undefined || !message.arguments?.length) return text;
  const args = message.arguments;
  return text.replace(/\{\{|\}\}|\{(\d+)\}/g, (match, n?: string) => {
    if (n === undefined) return match[0];
    const arg = args[Number(n)];
    return arg === undefined ? match : String(arg);
  });
}

/** At most `max` UTF-16 units, never half a surrogate pair (PostgreSQL refuses a lone one in jsonb). */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text[max - 1]) ? max - 1 : max;
  return text.slice(0, end);
}
