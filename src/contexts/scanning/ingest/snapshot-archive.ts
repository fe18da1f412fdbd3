import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Logger } from '@nestjs/common';
import { pack } from 'tar-stream';
import type { BlobStore } from '../../../kernel/blobs/blob-store.js';
import type { SnapshotFile } from '../entities/source-snapshot.entity.js';

/** Files read from the database at a time while an archive streams: memory stays flat for any snapshot. */
const PAGE = 500;
const logger = new Logger('SnapshotArchive');

/**
 * A snapshot as an uncompressed tar (what a scanner agent unpacks), streamed: file entries with
 * their mode, symbolic links as links. `nextPage(afterPath)` reads the snapshot's entries in path
 * order. A failure part-way errors the stream, so the client sees a truncated archive, never a
 * complete-looking one.
 */
export function snapshotTar(
  organizationId: string,
  blobs: BlobStore,
  nextPage: (afterPath: string | null, limit: number) => Promise<SnapshotFile[]>,
): Readable {
  const tar = pack();
  void (async () => {
    let after: string | null = null;
    for (;;) {
      const page = await nextPage(after, PAGE);
      for (const entry of page) {
        if (entry.kind === 'symlink') {
          tar.entry({ name: entry.path, type: 'symlink', linkname: entry.linkTarget ?? '' });
          continue;
        }
        const blob = await blobs.open(organizationId, entry.sha256!.toString('hex'));
        if (!blob) throw new Error(`the blob of ${entry.path} is missing`);
        const header = { name: entry.path, size: entry.size, mode: entry.executable ? 0o755 : 0o644 };
        if (entry.size === 0) {
          blob.stream.destroy();
          tar.entry(header, Buffer.alloc(0));
        } else await pipeline(blob.stream, tar.entry(header));
      }
      if (page.length < PAGE) break;
      after = page[page.length - 1].path;
    }
    tar.finalize();
  })().catch((error: unknown) => {
    logger.warn({ err: error }, 'a snapshot archive failed part-way');
    tar.destroy(error as Error);
  });
  // tar-stream's streams are streamx streams: Node's own Readable reads them as async iterables, and errors when they fail.
  return Readable.from(tar);
}
