/**
 * The parts of a SARIF 2.1.0 log that ingestion reads, as the spec names them (OASIS SARIF 2.1.0, §3).
 * Declared here rather than taken from `@types/sarif`: that package is only in node_modules as a
 * dependency of secretlint's and Spectral's formatters, so a bump of either could remove it. Every
 * property is optional, as in the spec; the schema (sarif-schema.ts) guarantees the shapes and
 * types, not presence. Properties this module never reads are left out: the log keeps them.
 */

export type SarifLevel = 'none' | 'note' | 'warning' | 'error';
export type SarifResultKind = 'notApplicable' | 'pass' | 'fail' | 'review' | 'open' | 'informational';

/** §3.8: free-form properties; `tags` and GitHub's `security-severity` are the ones read. */
export interface SarifPropertyBag {
  tags?: string[];
  [key: string]: unknown;
}

/** §3.11 */
export interface SarifMessage {
  text?: string;
  markdown?: string;
  id?: string;
  arguments?: string[];
}

/** §3.12 */
export interface SarifMultiformatMessageString {
  text: string;
  markdown?: string;
}

/** §3.4 */
export interface SarifArtifactLocation {
  uri?: string;
  uriBaseId?: string;
  index?: number;
}

/** §3.24 */
export interface SarifArtifact {
  location?: SarifArtifactLocation;
}

/** §3.30 */
export interface SarifRegion {
  startLine?: number;
  startColumn?: number;
  endLine?: number;
  endColumn?: number;
  snippet?: { text?: string };
}

/** §3.29 */
export interface SarifPhysicalLocation {
  artifactLocation?: SarifArtifactLocation;
  region?: SarifRegion;
  contextRegion?: SarifRegion;
}

/** §3.28 */
export interface SarifLocation {
  physicalLocation?: SarifPhysicalLocation;
}

/** §3.50 */
export interface SarifReportingConfiguration {
  level?: SarifLevel;
}

/** §3.49: a rule. */
export interface SarifReportingDescriptor {
  id: string;
  name?: string;
  shortDescription?: SarifMultiformatMessageString;
  fullDescription?: SarifMultiformatMessageString;
  messageStrings?: Record<string, SarifMultiformatMessageString>;
  help?: SarifMultiformatMessageString;
  helpUri?: string;
  defaultConfiguration?: SarifReportingConfiguration;
  properties?: SarifPropertyBag;
}

/** §3.54 */
export interface SarifToolComponentReference {
  name?: string;
  index?: number;
  guid?: string;
}

/** §3.52 */
export interface SarifReportingDescriptorReference {
  id?: string;
  index?: number;
  guid?: string;
  toolComponent?: SarifToolComponentReference;
}

/** §3.19 */
export interface SarifToolComponent {
  name: string;
  version?: string;
  semanticVersion?: string;
  rules?: SarifReportingDescriptor[];
  globalMessageStrings?: Record<string, SarifMultiformatMessageString>;
}

/** §3.35 */
export interface SarifSuppression {
  kind: 'inSource' | 'external';
  status?: 'accepted' | 'underReview' | 'rejected';
}

/** §3.27 */
export interface SarifResult {
  ruleId?: string;
  ruleIndex?: number;
  rule?: SarifReportingDescriptorReference;
  kind?: SarifResultKind;
  level?: SarifLevel;
  message: SarifMessage;
  locations?: SarifLocation[];
  partialFingerprints?: Record<string, string>;
  fingerprints?: Record<string, string>;
  suppressions?: SarifSuppression[];
  baselineState?: 'new' | 'unchanged' | 'updated' | 'absent';
  properties?: SarifPropertyBag;
}

/** §3.14 */
export interface SarifRun {
  tool: { driver: SarifToolComponent; extensions?: SarifToolComponent[] };
  originalUriBaseIds?: Record<string, SarifArtifactLocation>;
  artifacts?: SarifArtifact[];
  results?: SarifResult[];
}

/** §3.13: a log that validateSarif accepted. */
export interface SarifLog {
  version: '2.1.0';
  $schema?: string;
  runs: SarifRun[];
}
