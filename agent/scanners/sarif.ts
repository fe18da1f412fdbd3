/**
 * The SARIF 2.1.0 the agent uploads: the parts it reads or rewrites, as the spec names them (OASIS SARIF
 * 2.1.0, §3). Declared here rather than taken from `@types/sarif`, which is only in node_modules as a
 * dependency of other packages. Everything else a formatter writes is kept as it is.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** §3.4 */
export interface SarifArtifactLocation {
  uri?: string;
  uriBaseId?: string;
  index?: number;
  [key: string]: unknown;
}

/** §3.14 */
export interface SarifRun {
  tool: { driver: { name: string; version?: string; [key: string]: unknown } };
  results?: Record<string, unknown>[];
  artifacts?: { location?: SarifArtifactLocation; contents?: unknown; [key: string]: unknown }[];
  originalUriBaseIds?: Record<string, SarifArtifactLocation>;
  [key: string]: unknown;
}

/** §3.13 */
export interface SarifLog {
  version: '2.1.0';
  $schema: string;
  runs: SarifRun[];
}

/** The runs of a formatter's output. */
export function runsOf(text: string, tool: string): SarifRun[] {
  const log = JSON.parse(text) as Partial<SarifLog> | null;
  if (log?.version !== '2.1.0' || !Array.isArray(log.runs)) throw new Error(`${tool}'s formatter did not write a SARIF 2.1.0 log`);
  return log.runs;
}

export function sarifLog(runs: SarifRun[]): SarifLog {
  return { version: '2.1.0', $schema: SARIF_SCHEMA, runs };
}

/** Where a run was made: the scan's directory, under every name it has (mkdtemp's, and the real one). */
export interface ScanRoot {
  roots: readonly string[];
  /** A bare relative URI is a plain path from here (secretlint's formatter writes them relative to the process's cwd). */
  relativeUrisFrom: string;
}

/** §3.4.3: a relative reference, `/`-separated, each segment percent-encoded (RFC 3986). */
export function relativeUri(path: string): string {
  return path.split(sep).map(encodeURIComponent).join('/');
}

function fileUrl(uri: string): string | null {
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}

function within(roots: readonly string[], absolute: string): string | null {
  for (const root of roots) {
    const rel = relative(root, absolute);
    if (rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel)) return rel;
  }
  return null;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * Makes a formatter's run fit to leave the agent: every artifact location relative to the scan's root
 * (`src/config.js`, percent-encoded, no base id), no snippet, context region or embedded file content
 * (which could hold a secret the rules found), and no name of the scan's directory anywhere.
 */
export function cleanRun(run: SarifRun, where: ScanRoot): SarifRun {
  // Base ids naming the scan's directory (or a place inside it): resolved, then dropped.
  const bases = new Map<string, string>();
  for (const [id, base] of Object.entries(run.originalUriBaseIds ?? {})) {
    const path = typeof base.uri === 'string' && /^file:/i.test(base.uri) ? fileUrl(base.uri) : null;
    // resolve(): `file:///tmp/x/` is the directory /tmp/x, trailing slash and all (§3.14.14 asks for one).
    if (path !== null && (where.roots.includes(resolve(path)) || within(where.roots, path) !== null)) bases.set(id, resolve(path));
  }

  const relocate = (location: SarifArtifactLocation) => {
    if (typeof location.uri !== 'string') return;
    let absolute: string | null = null;
    if (location.uriBaseId !== undefined) {
      const base = bases.get(location.uriBaseId);
      if (base !== undefined) absolute = fileUrl(new URL(location.uri, pathToFileURL(base + sep)).href);
    } else if (/^file:/i.test(location.uri)) absolute = fileUrl(location.uri);
    else if (!/^[a-z][a-z0-9+.-]*:/i.test(location.uri)) absolute = resolve(where.relativeUrisFrom, location.uri);
    const rel = absolute === null ? null : within(where.roots, absolute);
    if (rel === null) return;
    location.uri = relativeUri(rel);
    delete location.uriBaseId;
  };

  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (!isObject(value)) return;
    for (const [key, child] of Object.entries(value)) {
      if ((key === 'artifactLocation' || key === 'analysisTarget') && isObject(child)) relocate(child);
      if (key === 'physicalLocation' && isObject(child)) {
        delete child.contextRegion;
        if (isObject(child.region)) delete child.region.snippet;
      }
      walk(child);
    }
  };
  for (const artifact of run.artifacts ?? []) {
    if (isObject(artifact.location)) relocate(artifact.location);
    delete artifact.contents;
  }
  walk(run);

  if (run.originalUriBaseIds) {
    for (const id of bases.keys()) delete run.originalUriBaseIds[id];
    if (!Object.keys(run.originalUriBaseIds).length) delete run.originalUriBaseIds;
  }
  scrub(run, replacements(where));
  return run;
}

/** The scan directory's names as they may appear in text, longest first: URL, path, path from the cwd. */
function replacements(where: ScanRoot): [string, string][] {
  const pairs: [string, string][] = [];
  for (const root of where.roots) {
    const url = pathToFileURL(root).href;
    pairs.push([`${url}/`, ''], [url, '.'], [root + sep, ''], [root, '.']);
    const fromCwd = relative(process.cwd(), root);
    if (fromCwd !== '' && !isAbsolute(fromCwd)) pairs.push([fromCwd + sep, '']);
  }
  return pairs.sort(([a], [b]) => b.length - a.length);
}

function scrub(value: Record<string, unknown> | unknown[], pairs: [string, string][]): void {
  const clean = (text: string) => pairs.reduce((out, [from, to]) => out.split(from).join(to), text);
  for (const [key, child] of Object.entries(value)) {
    const target = value as Record<string, unknown>;
    if (typeof child === 'string') target[key] = clean(child);
    else if (isObject(child) || Array.isArray(child)) scrub(child, pairs);
  }
}

/** The last guard before upload: a log that still names the scan's directory is a bug, not something to send. */
export function assertNoTrace(log: SarifLog, marker: string): void {
  if (JSON.stringify(log).includes(marker)) throw new Error('the SARIF log still names the scan directory; it was not uploaded');
}
