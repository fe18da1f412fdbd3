import { Readable } from 'node:stream';
import type { DataSource } from 'typeorm';
import type { BlobBackend } from './blob-backend.js';

/** A chunk is one row: small enough for one statement's bounds, large enough that a 50 MB blob is 100 rows. */
export const BLOB_CHUNK_BYTES = 512 * 1024;

/** Chunks read per statement while streaming a blob out: what a reader holds in memory at most. */
const CHUNKS_PER_READ = 2;

/** Cuts a stream of buffers of any size into buffers of exactly `size` bytes (the last one shorter). */
export async function* rechunk(source: AsyncIterable<Buffer> | Iterable<Buffer>, size: number): AsyncGenerator<Buffer> {
  let held: Buffer[] = [];
  let heldBytes = 0;
  for await (const piece of source) {
    let rest = piece;
    while (heldBytes + rest.length >= size) {
      const take = size - heldBytes;
      held.push(rest.subarray(0, take));
      yield Buffer.concat(held, size);
      rest = rest.subarray(take);
      held = [];
      heldBytes = 0;
    }
    if (rest.length) {
      held.push(rest);
      heldBytes += rest.length;
    }
  }
  if (heldBytes) yield Buffer.concat(held, heldBytes);
}

/**
 * The default backend: chunks in blob_chunks, so every replica on the database sees every blob
 * with nothing to set up. Each chunk is its own short statement on the pool: a slow upload holds
 * no connection between chunks.
 */
export class PostgresBlobBackend implements BlobBackend {
  readonly name = 'postgres' as const;

  constructor(private readonly dataSource: DataSource) {}

  async write(id: string, bytes: AsyncIterable<Buffer> | Iterable<Buffer>): Promise<void> {
    let chunkNo = 0;
    for await (const chunk of rechunk(bytes, BLOB_CHUNK_BYTES)) {
      await this.dataSource.query('INSERT INTO blob_chunks (blob_id, chunk_no, data) VALUES ($1, $2, $3)', [id, chunkNo++, chunk]);
    }
  }

  /** One statement for all: each item is one chunk (an empty blob has none). */
  async writeMany(items: readonly { id: string; bytes: Buffer }[]): Promise<void> {
    const filled = items.filter((item) => item.bytes.length > 0);
    if (filled.some((item) => item.bytes.length > BLOB_CHUNK_BYTES))
      throw new Error(`writeMany takes items of at most ${BLOB_CHUNK_BYTES} bytes`);
    if (!filled.length) return;
    // One parameter per chunk, not a bytea[]: node-pg sends a Buffer parameter as binary, an array of them as hex text.
    const rows = filled.map((_, i) => `($${2 * i + 1}::uuid, 0, $${2 * i + 2}::bytea)`).join(', ');
    await this.dataSource.query(
      `INSERT INTO blob_chunks (blob_id, chunk_no, data) VALUES ${rows}`,
      filled.flatMap((item) => [item.id, item.bytes]),
    );
  }

  read(id: string): Promise<Readable> {
    const dataSource = this.dataSource;
    async function* chunks(): AsyncGenerator<Buffer> {
      for (let next = 0; ; next += CHUNKS_PER_READ) {
        const rows = await dataSource.query<{ data: Buffer }[]>(
          'SELECT data FROM blob_chunks WHERE blob_id = $1 AND chunk_no >= $2 ORDER BY chunk_no LIMIT $3',
          [id, next, CHUNKS_PER_READ],
        );
        for (const row of rows) yield row.data;
        if (rows.length < CHUNKS_PER_READ) return;
      }
    }
    return Promise.resolve(Readable.from(chunks(), { objectMode: false }));
  }

  async remove(id: string): Promise<void> {
    await this.dataSource.query('DELETE FROM blob_chunks WHERE blob_id = $1', [id]);
  }
}
