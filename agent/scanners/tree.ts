/**
 * A scan's source, unpacked from the server's tar into a directory of the agent's: regular files and links only,
 * nothing outside the directory, and nothing written through a link. The archive is untrusted (it is a
 * repository's content): an entry that leaves the root, or a link that points out of it, refuses the whole
 * source with SOURCE_UNSAFE (not retryable: the same snapshot fails the same way).
 */
import { lstat, mkdir, open, realpath, symlink } from 'node:fs/promises';
import { isAbsolute, join, posix, relative, sep } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import * as tarStream from 'tar-stream';
import { JobFailure } from '../handlers/handler.js';

/** What the server answers for a scan's source: an uncompressed tar. */
export type SourceStream = ReadableStream<Uint8Array> | NodeJS.ReadableStream;

export interface UnpackedTree {
  /** The regular files written, as relative `/`-separated paths, in archive order. */
  files: string[];
  /** The links written (each lands inside the tree). */
  links: number;
}

/** The OS gives up following links after 40 hops (ELOOP); so does the check of where links land. */
const MAX_LINK_HOPS = 40;

const unsafe = (message: string) => new JobFailure('SOURCE_UNSAFE', message, false);

/** The entry's path in the tree (`''` for the root itself), or null when it is absolute or leaves the root. */
export function treePath(name: string): string | null {
  // Backslashes are separators, as the server reads them: `..\..\x` is refused too.
  const slashed = name.replace(/\\/g, '/');
  if (slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed) || slashed.includes('\0')) return null;
  const segments: string[] = [];
  for (const segment of slashed.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment !== '..') segments.push(segment);
    else if (!segments.pop()) return null;
  }
  return segments.join('/');
}

/** Where a link at `path` to `target` lands, read as written (no other link followed); null when outside the tree. */
export function linkLanding(path: string, target: string): string | null {
  if (target.startsWith('/') || /^[A-Za-z]:/.test(target) || target.includes('\0')) return null;
  const joined = posix.join(posix.dirname(path), target);
  if (joined === '..' || joined.startsWith('../')) return null;
  return joined === '.' ? '' : joined;
}

/**
 * Where `path` lands once every link on the way is followed, as the OS would follow them: null when it
 * leaves the tree. `d/s -> ..` lands at the root, which is fine, but `l -> d/s/..` then leaves it, which
 * reading each target on its own cannot see.
 */
export function resolveInTree(path: string, links: ReadonlyMap<string, string>): string | null {
  const pending = path.split('/');
  const at: string[] = [];
  let hops = 0;
  while (pending.length) {
    const segment = pending.shift()!;
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (!at.pop()) return null;
      continue;
    }
    at.push(segment);
    const target = links.get(at.join('/'));
    if (target === undefined) continue;
    // A loop: nothing can follow it anywhere.
    if (++hops > MAX_LINK_HOPS) return at.join('/');
    at.pop();
    pending.unshift(...target.split('/'));
  }
  return at.join('/');
}

function isWebStream(source: SourceStream): source is ReadableStream<Uint8Array> {
  return typeof (source as ReadableStream<Uint8Array>).getReader === 'function';
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return !(rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel));
}

/** An error of the filesystem (it has a syscall), as opposed to one of the archive's reader. Not `instanceof`: it may come from another realm. */
function systemError(error: unknown): error is NodeJS.ErrnoException {
  return typeof error === 'object' && error !== null && 'syscall' in error;
}

/** Writes entries under `root`, refusing any path that would go through something that is not a directory of ours. */
class TreeWriter {
  /** Directories known to be real directories (created here, or checked): never a link. */
  private readonly directories = new Set<string>(['']);

  constructor(private readonly root: string) {}

  /** Creates the parents of `path` one by one: `mkdir -p` would follow a link the archive planted. */
  async parentsOf(path: string): Promise<void> {
    const segments = path.split('/').slice(0, -1);
    for (let i = 1; i <= segments.length; i++) {
      const dir = segments.slice(0, i).join('/');
      if (this.directories.has(dir)) continue;
      const absolute = join(this.root, dir);
      const found = await lstat(absolute).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return null;
        throw error;
      });
      if (!found) await mkdir(absolute, { mode: 0o700 });
      else if (found.isSymbolicLink()) throw unsafe(`The entry "${path}" goes through the link "${dir}"`);
      else if (!found.isDirectory()) throw unsafe(`The entry "${path}" is inside the file "${dir}"`);
      this.directories.add(dir);
    }
  }

  async file(path: string, bytes: AsyncIterable<Buffer>): Promise<void> {
    await this.parentsOf(path);
    // `wx`: never over an existing entry, and so never through a link at this very path.
    const file = await open(join(this.root, path), 'wx', 0o600).catch(this.duplicate(path));
    try {
      // Not stream.pipeline: given a tar entry the extractor destroyed meanwhile (a truncated archive),
      // it never settles. Iterating one throws.
      for await (const chunk of bytes) await file.write(chunk);
    } finally {
      await file.close();
    }
  }

  async link(path: string, target: string): Promise<void> {
    await this.parentsOf(path);
    await symlink(target, join(this.root, path)).catch(this.duplicate(path));
  }

  private duplicate(path: string) {
    return (error: unknown): never => {
      if (systemError(error) && (error.code === 'EEXIST' || error.code === 'EISDIR'))
        throw unsafe(`The source holds "${path}" twice (or as a file and a directory)`);
      throw error;
    };
  }
}

/**
 * Unpacks the tar into `root` (an empty directory), streamed: one entry in memory at a time. Only entries
 * `keep` accepts are written; every entry is checked, kept or not. Directories are implied by the files'
 * paths; hard links, devices and FIFOs are skipped (a source tree has no use for them).
 */
export async function unpackSource(
  source: SourceStream,
  root: string,
  keep: (path: string) => boolean,
  signal: AbortSignal,
): Promise<UnpackedTree> {
  signal.throwIfAborted();
  const input: NodeJS.ReadableStream = isWebStream(source) ? Readable.fromWeb(source as WebReadableStream<Uint8Array>) : source;
  const extract = tarStream.extract();
  const stop = () => extract.destroy(new Error('the scan was stopped'));
  signal.addEventListener('abort', stop, { once: true });
  // A failure of the input (a cut connection, a truncated archive) destroys the extractor, whose iterator
  // throws; the reason is the pipeline's.
  let cause: unknown;
  pipeline(input, extract).catch((error: unknown) => (cause = error));

  const writer = new TreeWriter(root);
  const files: string[] = [];
  const links = new Map<string, string>();
  const written: string[] = [];
  try {
    for await (const entry of extract) {
      try {
        signal.throwIfAborted();
        const { header } = entry;
        const path = treePath(header.name);
        if (path === null) throw unsafe(`The entry "${header.name}" leaves the source's root`);
        if (path === '') continue;
        const type = header.type ?? 'file';
        if (type === 'file' || type === 'contiguous-file') {
          if (!keep(path)) continue;
          await writer.file(path, entry as AsyncIterable<Buffer>);
          files.push(path);
        } else if (type === 'symlink') {
          const target = (header.linkname ?? '').replace(/\\/g, '/');
          if (linkLanding(path, target) === null) throw unsafe(`The link "${path}" points out of the source tree`);
          links.set(path, target);
          if (!keep(path) || target === '') continue;
          await writer.link(path, target);
          written.push(path);
        }
      } finally {
        // What was not read is skipped, so that the next header can be parsed.
        entry.resume();
      }
    }
  } catch (error) {
    signal.throwIfAborted();
    if (error instanceof JobFailure || systemError(error)) throw error;
    const why = ((cause ?? error) as Error | undefined)?.message ?? String(cause ?? error);
    throw new JobFailure('SOURCE_UNREADABLE', `The scan's source cannot be read: ${why}`, true);
  } finally {
    signal.removeEventListener('abort', stop);
    extract.destroy();
    (input as Partial<Readable>).destroy?.();
  }

  // Every link, written or not, followed through the others.
  for (const path of links.keys()) {
    if (resolveInTree(path, links) === null) throw unsafe(`The link "${path}" points out of the source tree (through other links)`);
  }
  // And as the filesystem sees them, which may fold case where the map above does not.
  const realRoot = await realpath(root);
  for (const path of written) {
    const real = await realpath(join(root, path)).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ELOOP' || error.code === 'ENOTDIR') return null;
      throw error;
    });
    if (real !== null && !inside(realRoot, real)) throw unsafe(`The link "${path}" points out of the source tree`);
  }
  return { files, links: written.length };
}
