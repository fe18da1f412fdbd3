import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { pipeline, type Readable, Transform } from 'node:stream';
import { createGunzip } from 'node:zlib';
import * as tarStream from 'tar-stream';
import yauzl from 'yauzl';
import { linkDestination, treePath } from './tree-paths.js';

/** Why an archive is refused: `error.details.reason` of 422 ARCHIVE_REFUSED. */
export type ArchiveRefusalReason =
  | 'NOT_AN_ARCHIVE'
  | 'CORRUPT_ARCHIVE'
  | 'PATH_OUTSIDE_ROOT'
  | 'LINK_OUTSIDE_ROOT'
  | 'UNSUPPORTED_ENTRY'
  | 'DUPLICATE_ENTRY'
  | 'TOO_MANY_ENTRIES'
  | 'UNPACKED_TOO_LARGE'
  | 'COMPRESSION_RATIO';

export const ARCHIVE_REFUSAL_REASONS: readonly ArchiveRefusalReason[] = [
  'NOT_AN_ARCHIVE',
  'CORRUPT_ARCHIVE',
  'PATH_OUTSIDE_ROOT',
  'LINK_OUTSIDE_ROOT',
  'UNSUPPORTED_ENTRY',
  'DUPLICATE_ENTRY',
  'TOO_MANY_ENTRIES',
  'UNPACKED_TOO_LARGE',
  'COMPRESSION_RATIO',
];

export class ArchiveRefusal extends Error {
  constructor(
    readonly reason: ArchiveRefusalReason,
    message: string,
    readonly entry?: string,
  ) {
    super(message);
    this.name = 'ArchiveRefusal';
  }
}

export interface ArchiveLimits {
  /** Files and links (directories are not counted: they are implied by paths). */
  maxEntries: number;
  maxUnpackedBytes: number;
  /** Unpacked bytes may reach this many times the archive's size (beyond BOMB_FLOOR_BYTES): more is a bomb. */
  maxRatio: number;
}

/** Below this, no ratio is a bomb: a small archive of one compressible file is fine. */
export const BOMB_FLOOR_BYTES = 16 * 1024 * 1024;

/** A regular file: its bytes stream once and must be read (or left) before the next item is asked for. */
export interface ArchiveFile {
  kind: 'file';
  path: string;
  executable: boolean;
  /** The size the archive states, which its reader holds the bytes to. */
  size: number;
  bytes: AsyncIterable<Buffer>;
}

/** A link inside the tree: symbolic (relative target), or hard (to an earlier file's path). */
export interface ArchiveLink {
  kind: 'symlink' | 'hardlink';
  path: string;
  target: string;
}

export type ArchiveItem = ArchiveFile | ArchiveLink;

type Format = 'tar.gz' | 'tar' | 'zip';

async function sniff(file: string): Promise<Format | null> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(512);
    const { bytesRead } = await handle.read(head, 0, 512, 0);
    if (bytesRead >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'tar.gz';
    if (bytesRead >= 4 && head.readUInt32LE(0) === 0x04034b50) return 'zip'; // PK\3\4
    if (bytesRead >= 4 && head.readUInt32LE(0) === 0x06054b50) return 'zip'; // an empty zip: PK\5\6
    if (bytesRead >= 262 && head.toString('latin1', 257, 262) === 'ustar') return 'tar';
    return null;
  } finally {
    await handle.close();
  }
}

/** Counts unpacked bytes against the limits: what entries declare (tar and zip streams hold to it), before they are read. */
class Budget {
  private unpacked = 0;
  private readonly ceiling: number;

  constructor(
    private readonly limits: ArchiveLimits,
    packedBytes: number,
  ) {
    this.ceiling = Math.max(BOMB_FLOOR_BYTES, limits.maxRatio * packedBytes);
  }

  /**
   * Guards the decompressed tar stream itself, headers and padding included (each entry takes at most
   * 1.5 KiB of them), so that gigabytes of padding or headers cannot pass for a small archive either.
   */
  inflated(): Transform {
    let total = 0;
    const allowance = Math.min(this.ceiling, this.limits.maxUnpackedBytes) + (this.limits.maxEntries + 2) * 1536;
    return new Transform({
      transform: (chunk: Buffer, _encoding, callback) => {
        total += chunk.length;
        if (total <= allowance) return callback(null, chunk);
        const tooLarge = this.ceiling >= this.limits.maxUnpackedBytes;
        callback(
          tooLarge
            ? new ArchiveRefusal(
                'UNPACKED_TOO_LARGE',
                `The archive unpacks to more than its limit of ${this.limits.maxUnpackedBytes} bytes`,
              )
            : new ArchiveRefusal(
                'COMPRESSION_RATIO',
                `The archive unpacks to more than ${this.limits.maxRatio} times its size: it is refused as a decompression bomb`,
              ),
        );
      },
    });
  }

  /** Refuses as soon as the bytes announced or read pass a limit, before they are stored. */
  spend(bytes: number, path: string): void {
    this.unpacked += bytes;
    if (this.unpacked > this.limits.maxUnpackedBytes)
      throw new ArchiveRefusal(
        'UNPACKED_TOO_LARGE',
        `The archive unpacks to more than its limit of ${this.limits.maxUnpackedBytes} bytes`,
        path,
      );
    if (this.unpacked > this.ceiling)
      throw new ArchiveRefusal(
        'COMPRESSION_RATIO',
        `The archive unpacks to more than ${this.limits.maxRatio} times its size: it is refused as a decompression bomb`,
        path,
      );
  }
}

/** The checks every entry passes whatever the format: a path inside the root, once, within the count. */
class EntryRules {
  private readonly seen = new Set<string>();

  constructor(private readonly limits: ArchiveLimits) {}

  admit(name: string): string {
    const path = treePath(name);
    if (path === null) throw new ArchiveRefusal('PATH_OUTSIDE_ROOT', `The entry "${name}" leaves the archive's root`, name);
    if (this.seen.has(path)) throw new ArchiveRefusal('DUPLICATE_ENTRY', `The archive holds "${path}" twice`, path);
    this.seen.add(path);
    if (this.seen.size > this.limits.maxEntries)
      throw new ArchiveRefusal('TOO_MANY_ENTRIES', `The archive holds more than its limit of ${this.limits.maxEntries} entries`, path);
    return path;
  }

  symlink(path: string, target: string): ArchiveLink {
    if (linkDestination(path, target) === null)
      throw new ArchiveRefusal('LINK_OUTSIDE_ROOT', `The link "${path}" points out of the tree`, path);
    return { kind: 'symlink', path, target };
  }

  hardlink(path: string, target: string): ArchiveLink {
    const landing = treePath(target);
    if (landing === null) throw new ArchiveRefusal('LINK_OUTSIDE_ROOT', `The link "${path}" points out of the tree`, path);
    return { kind: 'hardlink', path, target: landing };
  }
}

/**
 * A failure while reading the archive (zlib, the tar parser, yauzl) is the archive's fault: CORRUPT_ARCHIVE with
 * the reader's own words. A fault of the code (a TypeError…) is not dressed up as one, and stays a 500.
 */
function corrupt(error: unknown): unknown {
  if (error instanceof ArchiveRefusal || error instanceof TypeError || error instanceof ReferenceError || error instanceof RangeError)
    return error;
  if (!(error instanceof Error) || 'status' in error) return error;
  return new ArchiveRefusal('CORRUPT_ARCHIVE', `The archive cannot be read: ${error.message}`);
}

/** An entry's bytes, whose read failures (a truncated gzip, a bad CRC) are the archive's fault, whoever reads them. */
async function* readable(bytes: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  try {
    yield* bytes;
  } catch (error) {
    throw corrupt(error);
  }
}

async function* tarItems(file: string, gzipped: boolean, rules: EntryRules, budget: Budget): AsyncGenerator<ArchiveItem> {
  const extract = tarStream.extract();
  const source = createReadStream(file);
  // A pipeline's failure (a corrupt gzip, a refusal of the guard) destroys the extractor, whose iterator throws it.
  if (gzipped) pipeline(source, createGunzip(), budget.inflated(), extract, () => undefined);
  else pipeline(source, budget.inflated(), extract, () => undefined);
  try {
    for await (const entry of extract) {
      const { header } = entry;
      try {
        if (header.type === 'directory') continue;
        const path = rules.admit(header.name);
        if (header.type === 'file' || header.type === 'contiguous-file') {
          budget.spend(header.size ?? 0, path);
          yield {
            kind: 'file',
            path,
            executable: ((header.mode ?? 0) & 0o111) !== 0,
            size: header.size ?? 0,
            bytes: readable(entry as AsyncIterable<Buffer>),
          };
        } else if (header.type === 'symlink') yield rules.symlink(path, header.linkname ?? '');
        else if (header.type === 'link') yield rules.hardlink(path, header.linkname ?? '');
        else
          throw new ArchiveRefusal('UNSUPPORTED_ENTRY', `The entry "${path}" is a ${header.type}, which a source tree cannot hold`, path);
      } finally {
        // What the consumer left unread is skipped, so the next header can be parsed.
        entry.resume();
      }
    }
  } catch (error) {
    throw corrupt(error);
  } finally {
    source.destroy();
    extract.destroy();
  }
}

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
/** A symbolic link's stored content is its target: nothing longer is one. */
const MAX_LINK_TARGET_BYTES = 4096;

async function readSmall(stream: Readable, max: number, path: string): Promise<string> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) throw new ArchiveRefusal('UNSUPPORTED_ENTRY', `The link "${path}" has a target longer than ${max} bytes`, path);
    parts.push(chunk);
  }
  return Buffer.concat(parts).toString('utf8');
}

async function* zipItems(file: string, rules: EntryRules, budget: Budget): AsyncGenerator<ArchiveItem> {
  let zip: yauzl.ZipFile;
  try {
    // Names are decoded here, not by yauzl, so that a name leaving the root is PATH_OUTSIDE_ROOT, not a parse error.
    zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.open(file, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true }, (error, z) =>
        error ? reject(error) : resolve(z),
      ),
    );
  } catch (error) {
    throw corrupt(error);
  }
  const next = () =>
    new Promise<yauzl.Entry | null>((resolve, reject) => {
      const done = () => {
        zip.off('entry', onEntry).off('end', onEnd).off('error', onError);
      };
      const onEntry = (entry: yauzl.Entry) => (done(), resolve(entry));
      const onEnd = () => (done(), resolve(null));
      const onError = (error: Error) => (done(), reject(error));
      zip.on('entry', onEntry).on('end', onEnd).on('error', onError);
      zip.readEntry();
    });
  const openEntry = (entry: yauzl.Entry) =>
    new Promise<Readable>((resolve, reject) => zip.openReadStream(entry, (error, stream) => (error ? reject(error) : resolve(stream))));
  try {
    for (let entry = await next(); entry; entry = await next()) {
      // Bit 11: the name is UTF-8; otherwise it is CP437, of which latin1 is close enough for ASCII names.
      const raw = entry.fileName as unknown as Buffer;
      const name = raw.toString(entry.generalPurposeBitFlag & 0x800 ? 'utf8' : 'latin1');
      const mode = (entry.externalFileAttributes >>> 16) & 0xffff;
      const type = mode & S_IFMT;
      if (name.endsWith('/') || type === S_IFDIR) continue;
      const path = rules.admit(name);
      if (type === S_IFLNK) {
        yield rules.symlink(path, await readSmall(await openEntry(entry), MAX_LINK_TARGET_BYTES, path));
        continue;
      }
      if (type !== 0 && type !== S_IFREG)
        throw new ArchiveRefusal('UNSUPPORTED_ENTRY', `The entry "${path}" is not a file, a directory or a link`, path);
      // The sizes the archive states are refused before anything is read; yauzl holds the stream to them.
      budget.spend(entry.uncompressedSize, path);
      const stream = await openEntry(entry);
      try {
        yield {
          kind: 'file',
          path,
          executable: (mode & 0o111) !== 0,
          size: entry.uncompressedSize,
          bytes: readable(stream as AsyncIterable<Buffer>),
        };
      } finally {
        stream.destroy();
      }
    }
  } catch (error) {
    throw corrupt(error);
  } finally {
    zip.close();
  }
}

/**
 * The items of an archive on disk (.tar.gz, .tar or .zip, told by their first bytes), checked as
 * they come: every path inside the root and given once, links pointing inside the tree, no devices,
 * and the count, the unpacked size and the compression ratio within `limits`. A refusal is an
 * ArchiveRefusal thrown before the offending bytes are handed on.
 */
export async function* readArchive(file: string, limits: ArchiveLimits): AsyncGenerator<ArchiveItem> {
  const format = await sniff(file);
  if (!format) throw new ArchiveRefusal('NOT_AN_ARCHIVE', 'The upload is not a .tar.gz, .tar or .zip archive');
  const rules = new EntryRules(limits);
  const budget = new Budget(limits, (await stat(file)).size);
  if (format === 'zip') yield* zipItems(file, rules, budget);
  else yield* tarItems(file, format === 'tar.gz', rules, budget);
}
