import { Injectable } from '@nestjs/common';
import { BlobStore, type StoredBlob } from '../../../kernel/blobs/blob-store.js';
import { type ArchiveLimits, ArchiveRefusal, readArchive } from './archive.js';

/** One entry of a snapshot as ingest found it, before it is a row. */
export interface IngestedEntry {
  path: string;
  kind: 'file' | 'symlink';
  size: number;
  /** Lowercase hex, files only. */
  sha256: string | null;
  linkTarget: string | null;
  binary: boolean;
  executable: boolean;
}

export interface IngestedTree {
  entries: IngestedEntry[];
  totalBytes: number;
  /** What the puts stored: discarded if the snapshot is not recorded after all. */
  stored: StoredBlob[];
}

export interface IngestLimits extends ArchiveLimits {
  /** One file's size. */
  maxFileBytes: number;
}

/** How much of a file decides whether it is text: git looks at 8,000 bytes, for the same reason. */
const SNIFF_BYTES = 8192;

/** Whether a file held in memory is binary, by the rule TextSniffer applies to a stream. */
function isBinary(bytes: Buffer): boolean {
  const head = bytes.subarray(0, SNIFF_BYTES);
  if (head.includes(0)) return true;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: head.length < bytes.length });
    return false;
  } catch {
    return true;
  }
}

/**
 * Files up to this size are read into memory and stored in batches (BlobStore.putMany): an archive
 * of source is mostly small files, and a few statements per batch cost less than a few per file.
 */
const SMALL_FILE_BYTES = 64 * 1024;
const BATCH_FILES = 200;
const BATCH_BYTES = 8 * 1024 * 1024;

/** Watches a file's bytes go by and decides, from its start, whether it is text (UTF-8 without NUL). */
class TextSniffer {
  private seen = 0;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  binary = false;

  async *watch(bytes: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    for await (const chunk of bytes) {
      if (!this.binary && this.seen < SNIFF_BYTES) {
        const head = chunk.subarray(0, SNIFF_BYTES - this.seen);
        this.seen += head.length;
        if (head.includes(0)) this.binary = true;
        else {
          try {
            // stream: a character cut at the window's edge is not a fault.
            this.decoder.decode(head, { stream: true });
          } catch {
            this.binary = true;
          }
        }
      }
      yield chunk;
    }
  }
}

/**
 * Turns a source tree into blobs and the entries of a snapshot: every file's bytes go to the kernel's
 * blob store (deduplicated by hash), checked against the limits as they stream. A refusal, or any
 * failure half-way, discards what this ingest stored before it is rethrown, so nothing is kept.
 */
@Injectable()
export class SnapshotIngest {
  constructor(private readonly blobs: BlobStore) {}

  async fromArchive(organizationId: string, file: string, limits: IngestLimits): Promise<IngestedTree> {
    const entries: IngestedEntry[] = [];
    const stored: StoredBlob[] = [];
    const byPath = new Map<string, IngestedEntry>();
    // Small files read but not stored yet: their entries get their hash when the batch is stored.
    let batch: { entry: IngestedEntry; bytes: Buffer }[] = [];
    let batchBytes = 0;
    const flush = async () => {
      if (!batch.length) return;
      const blobs = await this.blobs.putMany(
        organizationId,
        batch.map((b) => b.bytes),
      );
      blobs.forEach((blob, i) => (batch[i].entry.sha256 = blob.sha256));
      stored.push(...blobs);
      batch = [];
      batchBytes = 0;
    };
    let totalBytes = 0;
    try {
      for await (const item of readArchive(file, limits)) {
        let entry: IngestedEntry;
        if (item.kind === 'file' && item.size <= SMALL_FILE_BYTES && item.size <= limits.maxFileBytes) {
          const bytes = await readAll(item.bytes, item.size, item.path);
          entry = {
            path: item.path,
            kind: 'file',
            size: bytes.length,
            sha256: null,
            linkTarget: null,
            binary: isBinary(bytes),
            executable: item.executable,
          };
          batch.push({ entry, bytes });
          batchBytes += bytes.length;
          totalBytes += bytes.length;
          if (batch.length >= BATCH_FILES || batchBytes >= BATCH_BYTES) await flush();
        } else if (item.kind === 'file') {
          const sniffer = new TextSniffer();
          const blob = await this.blobs.put(organizationId, sniffer.watch(item.bytes), {
            maxBytes: limits.maxFileBytes,
            what: `The file "${item.path}"`,
          });
          stored.push(blob);
          entry = {
            path: item.path,
            kind: 'file',
            size: blob.size,
            sha256: blob.sha256,
            linkTarget: null,
            binary: sniffer.binary,
            executable: item.executable,
          };
          totalBytes += blob.size;
        } else if (item.kind === 'hardlink') {
          // A hard link is the same bytes under a second name: the file it names must come first (and be stored).
          await flush();
          const target = byPath.get(item.target);
          if (!target || target.kind !== 'file')
            throw new ArchiveRefusal('LINK_OUTSIDE_ROOT', `The hard link "${item.path}" names no earlier file of the archive`, item.path);
          entry = { ...target, path: item.path };
          totalBytes += target.size;
        } else {
          entry = { path: item.path, kind: 'symlink', size: 0, sha256: null, linkTarget: item.target, binary: false, executable: false };
        }
        entries.push(entry);
        byPath.set(entry.path, entry);
      }
      await flush();
    } catch (error) {
      await this.blobs.discard(organizationId, stored);
      throw error;
    }
    return { entries, totalBytes, stored };
  }
}

/** A small file's bytes, which the archive's reader holds to the size it stated. */
async function readAll(bytes: AsyncIterable<Buffer>, size: number, path: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of bytes) parts.push(part);
  const whole = Buffer.concat(parts);
  if (whole.length !== size)
    throw new ArchiveRefusal('CORRUPT_ARCHIVE', `The entry "${path}" does not hold the ${size} bytes the archive states`, path);
  return whole;
}
