import type { Readable } from 'node:stream';
import type { BlobBackendName } from './blob.entity.js';

/**
 * Where the bytes of blobs live, by blob id. The store keeps every blob's row (hash, size,
 * references) in PostgreSQL and records bytes that no row owns yet (blob_orphans), so a backend
 * need not be transactional: a write that fails half-way may leave bytes behind, and `remove`
 * of bytes that are not there succeeds.
 */
export interface BlobBackend {
  readonly name: BlobBackendName;
  /** Stores the bytes, streamed: never the whole blob in memory. Rejects if `bytes` errors. */
  write(id: string, bytes: AsyncIterable<Buffer> | Iterable<Buffer>): Promise<void>;
  /** Several small blobs at once (each within one write's smallest unit), where the backend can do better than one by one. */
  writeMany?(items: readonly { id: string; bytes: Buffer }[]): Promise<void>;
  /** The bytes, streamed. */
  read(id: string): Promise<Readable>;
  remove(id: string): Promise<void>;
}
