import { treePath } from '../ingest/tree-paths.js';
import type { SarifArtifactLocation, SarifRun } from './sarif-types.js';

/**
 * Where a result is, as a path in the repository (`src/app.ts`), from a SARIF artifactLocation (§3.4).
 * Tools write it every way SARIF allows: relative (`src/app.ts`, `./src\app.ts`), relative to a base
 * id (`uri: "app.ts", uriBaseId: "SRCROOT"`, the base maybe defined in the run's originalUriBaseIds,
 * maybe not), absolute (`file:///home/ci/repo/src/app.ts`), or only by `index` into run.artifacts.
 *
 * A path the repository cannot hold is null, never a guess: one that leaves the root (`../x`, also
 * once percent-decoded, `..%2Fx`), one still absolute (a `file://` URI under no known base: ESLint's
 * formatter writes only those), or any other scheme. The result keeps its other fields.
 */
export type RepositoryPath = (location: SarifArtifactLocation | undefined) => string | null;

/** Where a uri points: an absolute URL, a path relative to the (unknown) root, or nowhere we can use. */
type Resolved = { absolute: URL } | { relative: string } | 'unusable';

/** A scheme of two characters or more: `C:\x` is a Windows path, not a URI of scheme `c`. */
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]+:/;

/** The path resolver of one run (its base ids and artifacts are resolved once, on first need). */
export function repositoryPaths(run: SarifRun): RepositoryPath {
  const bases = run.originalUriBaseIds ?? {};
  const resolvedBases = new Map<string, Resolved | null>();
  let roots: URL[] | undefined;

  /** A base id's location, or null when unknown (its uris are then relative to the root, as tools mean them). */
  const base = (id: string, seen: Set<string>): Resolved | null => {
    const known = resolvedBases.get(id);
    if (known !== undefined) return known;
    const entry = Object.hasOwn(bases, id) ? bases[id] : undefined;
    let resolved: Resolved | null = null;
    // A base defined in terms of itself, directly or not, is as unknown as an undefined one.
    if (typeof entry?.uri === 'string' && !seen.has(id)) {
      seen.add(id);
      // §3.14.14: a base's uri ends with a slash; some tools forget it, and a base is a directory.
      resolved = resolve(entry.uri.endsWith('/') ? entry.uri : `${entry.uri}/`, entry.uriBaseId, seen);
    }
    resolvedBases.set(id, resolved);
    return resolved;
  };

  const resolve = (uri: string, uriBaseId: string | undefined, seen: Set<string>): Resolved => {
    if (SCHEME.test(uri)) return absolute(uri);
    const from = uriBaseId === undefined ? null : base(uriBaseId, seen);
    if (from === null) return { relative: uri };
    if (from === 'unusable') return 'unusable';
    if ('absolute' in from) return absolute(uri, from.absolute);
    return { relative: from.relative + uri };
  };

  /**
   * The bases that are absolute file URIs: the places on the tool's machine a repository path can be
   * measured from. When several hold a result, the outermost wins: it is the checkout (a base for a
   * package inside it would make `packages/a/x.ts` and `packages/b/x.ts` both `x.ts`).
   */
  const fileRoots = (): URL[] => {
    roots ??= Object.keys(bases)
      .map((id) => base(id, new Set()))
      .filter((b): b is { absolute: URL } => b !== null && b !== 'unusable' && 'absolute' in b && b.absolute.protocol === 'file:')
      .map((b) => withoutQuery(b.absolute))
      .sort((a, b) => a.href.length - b.href.length);
    return roots;
  };

  // A run's results name a few files many times: each is resolved once (URL parsing is most of the cost).
  const known = new Map<string, string | null>();
  const repositoryPath = (uri: string, uriBaseId: string | undefined): string | null => {
    const key = `${uriBaseId ?? ''}\u0000${uri}`;
    let path = known.get(key);
    if (path === undefined) known.set(key, (path = relativePath(uri, uriBaseId)));
    return path;
  };

  const relativePath = (uri: string, uriBaseId: string | undefined): string | null => {
    const resolved = resolve(uri, uriBaseId, new Set());
    if (resolved === 'unusable') return null;
    if ('relative' in resolved) return treePath(percentDecoded(resolved.relative));
    if (resolved.absolute.protocol !== 'file:') return null;
    const href = withoutQuery(resolved.absolute).href;
    const root = fileRoots().find((r) => href.startsWith(r.href));
    return root ? treePath(percentDecoded(href.slice(root.href.length))) : null;
  };

  return (location) => {
    const target = artifactTarget(run, location);
    return typeof target?.uri === 'string' ? repositoryPath(target.uri, target.uriBaseId) : null;
  };
}

/**
 * The location the artifactLocation means: itself when it has a uri, else the artifact its `index` names
 * (§3.4.5). A uri the same as its artifact's takes the artifact's base id when it names none.
 */
function artifactTarget(run: SarifRun, location: SarifArtifactLocation | undefined): SarifArtifactLocation | undefined {
  if (!location) return undefined;
  const index = location.index;
  const artifact = index !== undefined && index >= 0 ? run.artifacts?.[index]?.location : undefined;
  if (location.uri === undefined) return artifact;
  if (location.uriBaseId !== undefined || artifact?.uri !== location.uri) return location;
  return { uri: location.uri, uriBaseId: artifact.uriBaseId };
}

function absolute(uri: string, base?: URL): Resolved {
  try {
    return { absolute: new URL(uri, base) };
  } catch {
    return 'unusable';
  }
}

function withoutQuery(url: URL): URL {
  const copy = new URL(url.href);
  copy.search = '';
  copy.hash = '';
  return copy;
}

/** `my%20file.ts` is `my file.ts`; a `%` that starts no escape (`100%.txt`, written by a tool that encodes nothing) stays. */
function percentDecoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
