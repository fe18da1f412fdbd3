import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { DataSource } from 'typeorm';
import { Sweepers } from '../background/sweepers.js';
import { AppConfig } from '../config/app-config.js';
import type { Tx } from '../database/transactions.js';
import { conflict } from '../http/kernel.errors.js';
import { newId } from '../ids.js';
import type { BlobBackend } from './blob-backend.js';
import type { BlobBackendName } from './blob.entity.js';
import { blobTooLarge } from './blobs.errors.js';
import { BLOB_CHUNK_BYTES, PostgresBlobBackend } from './postgres-blob-backend.js';
import { S3BlobBackend } from './s3-blob-backend.js';

/** What a put stored: the content's SHA-256 (lowercase hex) and size, and the put's own id. */
export interface StoredBlob {
  sha256: string;
  size: number;
  /** This put's id: `discard` removes the blob only if no later put of the same bytes took it. */
  putId: string;
  /** False when the organization already held these bytes (the new copy was dropped). */
  created: boolean;
}

/** A blob opened for reading: its bytes stream once. */
export interface OpenBlob {
  sha256: string;
  size: number;
  stream: Readable;
}

/** What uses a blob: `{type: 'snapshot', id}`. A blob with no owner is removed by the sweep. */
export interface BlobOwner {
  type: string;
  id: string;
}

export interface SweepCounts {
  /** Unreferenced blobs removed, and their bytes. */
  blobs: number;
  bytes: number;
  /** Orphaned bytes removed (failed or duplicate writes, removed blobs). */
  orphans: number;
}

/** What a put reads: a stream, an async generator, or an array of buffers. */
export type BlobSource = AsyncIterable<Buffer | Uint8Array | string> | Iterable<Buffer | Uint8Array | string>;

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** What putMany takes: contents that are one chunk of the PostgreSQL backend. */
export const BLOB_SMALL_BYTES = BLOB_CHUNK_BYTES;
const SWEEP_BATCH = 200;

/** Hashes and counts bytes as they stream past; fails the stream the moment it is over `maxBytes`. */
class Meter {
  private readonly hash = createHash('sha256');
  size = 0;

  constructor(private readonly limit: { maxBytes: number; what?: string }) {}

  async *measure(source: BlobSource): AsyncGenerator<Buffer> {
    for await (const piece of source) {
      const bytes = Buffer.isBuffer(piece) ? piece : Buffer.from(piece);
      this.size += bytes.length;
      if (this.size > this.limit.maxBytes) throw blobTooLarge(this.limit.maxBytes, this.limit.what);
      this.hash.update(bytes);
      yield bytes;
    }
  }

  digest(): Buffer {
    return this.hash.digest();
  }
}

/**
 * The kernel's content-addressed blob store (DESIGN.md, "Blob store"): bytes are streamed in and
 * out, never held whole; the same bytes put twice by one organization are one blob; what uses a
 * blob says so with a reference in its own transaction, and a sweep removes what nothing
 * references once its grace is over. Rows live in PostgreSQL; bytes in PostgreSQL by default or in
 * an S3 bucket (BLOB_STORE=s3), and every blob remembers which, so changing BLOB_STORE loses nothing.
 *
 * A put is not part of the caller's transaction: the bytes are stored first, and the caller's
 * reference, in its own transaction, is what keeps them. Bytes no row owns are recorded before they
 * are written (blob_orphans), so a crash at any point leaves nothing the sweep cannot finish.
 */
@Injectable()
export class BlobStore {
  private readonly logger = new Logger(BlobStore.name);
  private readonly backends: Partial<Record<BlobBackendName, BlobBackend>>;
  private readonly writeTo: BlobBackend;
  private readonly graceSeconds: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectTransactionHost() private readonly tx: Tx,
    config: AppConfig,
    sweepers: Sweepers,
  ) {
    const postgres = new PostgresBlobBackend(dataSource);
    const s3 = config.blobs.s3 ? new S3BlobBackend(config.blobs.s3) : undefined;
    this.backends = { postgres, s3 };
    this.writeTo = config.blobs.backend === 's3' && s3 ? s3 : postgres;
    this.graceSeconds = config.blobs.graceSeconds;
    const every = { batchSize: SWEEP_BATCH, intervalMs: config.blobs.sweepIntervalMs };
    sweepers.register({ name: 'remove unreferenced blobs', ...every, batch: async () => (await this.removeUnreferenced()).blobs });
    sweepers.register({ name: 'remove orphaned blob bytes', ...every, batch: () => this.removeOrphans() });
  }

  /** The backend new blobs go to (`postgres` or `s3`). */
  get backend(): BlobBackendName {
    return this.writeTo.name;
  }

  /**
   * Streams `source` into the store. Over `maxBytes` it stops reading at once and rejects with 413
   * BLOB_TOO_LARGE naming the limit (and `what`); a failing source rejects with its own error. Either
   * way nothing is kept.
   */
  async put(organizationId: string, source: BlobSource, limit: { maxBytes: number; what?: string }): Promise<StoredBlob> {
    const id = newId();
    const backend = this.writeTo;
    await this.dataSource.query('INSERT INTO blob_orphans (id, backend, since) VALUES ($1, $2, now())', [id, backend.name]);
    const meter = new Meter(limit);
    try {
      await backend.write(id, meter.measure(source));
    } catch (error) {
      await this.forget(id, backend.name);
      throw error;
    }
    const sha256 = meter.digest();
    const [stored] = await this.record(organizationId, backend, [{ id, sha256, size: meter.size }]);
    return stored;
  }

  /**
   * Stores several small contents held in memory (each at most BLOB_SMALL_BYTES), with a few
   * statements for all of them instead of a few each: what an archive of many small source files
   * needs. Answers one StoredBlob per content, in order; the same bytes twice are one blob.
   */
  async putMany(organizationId: string, contents: readonly Buffer[]): Promise<StoredBlob[]> {
    if (!contents.length) return [];
    const tooLarge = contents.find((c) => c.length > BLOB_SMALL_BYTES);
    if (tooLarge)
      throw new Error(`putMany takes contents of at most ${BLOB_SMALL_BYTES} bytes (got ${tooLarge.length}): put() streams larger ones`);
    // One write per distinct content: a multi-row upsert may not touch the same row twice.
    const byHash = new Map<string, { id: string; sha256: Buffer; size: number; bytes: Buffer }>();
    const hashes = contents.map((bytes) => {
      const sha256 = createHash('sha256').update(bytes).digest();
      const hex = sha256.toString('hex');
      if (!byHash.has(hex)) byHash.set(hex, { id: newId(), sha256, size: bytes.length, bytes });
      return hex;
    });
    const writes = [...byHash.values()];
    const backend = this.writeTo;
    await this.dataSource.query('INSERT INTO blob_orphans (id, backend, since) SELECT unnest($1::uuid[]), $2, now()', [
      writes.map((w) => w.id),
      backend.name,
    ]);
    try {
      if (backend.writeMany) await backend.writeMany(writes);
      else for (const w of writes) await backend.write(w.id, [w.bytes]);
    } catch (error) {
      for (const w of writes) await this.forget(w.id, backend.name);
      throw error;
    }
    const stored = await this.record(organizationId, backend, writes);
    const byId = new Map(stored.map((b) => [b.sha256, b]));
    return hashes.map((hex) => byId.get(hex)!);
  }

  /**
   * Gives written bytes their rows, in one transaction: a new blob for bytes the organization did not
   * hold, else a new put of the one it does (its grace starts again) and this copy an orphan to
   * remove now. A write swept as stale (it outlasted BLOB_GRACE_SECONDS) fails the whole put.
   */
  private async record(
    organizationId: string,
    backend: BlobBackend,
    writes: readonly { id: string; sha256: Buffer; size: number }[],
  ): Promise<StoredBlob[]> {
    let owners: Map<string, string>;
    try {
      owners = await this.dataSource.transaction(async (manager) => {
        const rows = await manager.query<{ id: string; sha256: Buffer }[]>(
          `INSERT INTO blobs (id, organization_id, sha256, size, backend, last_put_id)
         SELECT w.id, $1, w.sha256, w.size, $2, w.id FROM unnest($3::uuid[], $4::bytea[], $5::bigint[]) AS w(id, sha256, size)
         ON CONFLICT (organization_id, sha256) DO UPDATE SET last_put_at = now(), last_put_id = EXCLUDED.last_put_id
         RETURNING id, sha256`,
          [organizationId, backend.name, writes.map((w) => w.id), writes.map((w) => w.sha256), writes.map((w) => w.size)],
        );
        const owner = new Map(rows.map((r) => [r.sha256.toString('hex'), r.id]));
        const created = writes.filter((w) => owner.get(w.sha256.toString('hex')) === w.id).map((w) => w.id);
        const duplicates = writes.filter((w) => owner.get(w.sha256.toString('hex')) !== w.id).map((w) => w.id);
        if (duplicates.length) await manager.query(`UPDATE blob_orphans SET since = '-infinity' WHERE id = ANY($1::uuid[])`, [duplicates]);
        if (created.length) {
          // TypeORM answers [rows, count] for a DELETE.
          const [, owned] = await manager.query<[unknown[], number]>('DELETE FROM blob_orphans WHERE id = ANY($1::uuid[]) RETURNING id', [
            created,
          ]);
          if (owned !== created.length) throw new Error(`a blob write took longer than its grace (BLOB_GRACE_SECONDS) and was swept`);
        }
        return owner;
      });
    } catch (error) {
      // Nothing owns these bytes now: removed here, or by the sweep if this fails too.
      for (const w of writes) await this.forget(w.id, backend.name);
      throw error;
    }
    const answers: StoredBlob[] = [];
    for (const w of writes) {
      const created = owners.get(w.sha256.toString('hex')) === w.id;
      if (!created) await this.forget(w.id, backend.name);
      answers.push({ sha256: w.sha256.toString('hex'), size: w.size, putId: w.id, created });
    }
    return answers;
  }

  /** The organization's blob with this SHA-256, to stream; null when it holds none. */
  async open(organizationId: string, sha256: string): Promise<OpenBlob | null> {
    if (!SHA256_HEX.test(sha256)) return null;
    const [row] = await this.dataSource.query<{ id: string; size: string; backend: BlobBackendName }[]>(
      'SELECT id, size, backend FROM blobs WHERE organization_id = $1 AND sha256 = $2',
      [organizationId, Buffer.from(sha256, 'hex')],
    );
    if (!row) return null;
    const backend = this.backends[row.backend];
    if (!backend) throw new Error(`blob ${row.id} is in the ${row.backend} backend, which this server is not configured for`);
    return { sha256, size: Number(row.size), stream: await backend.read(row.id) };
  }

  /**
   * Records that `owner` uses these blobs, in the caller's transaction: they are kept as long as the
   * reference is. A blob removed meanwhile (put longer than its grace ago) is a 409 to send again.
   */
  async reference(organizationId: string, owner: BlobOwner, sha256s: readonly string[]): Promise<void> {
    if (!sha256s.length) return;
    try {
      await this.tx.tx.query(
        `INSERT INTO blob_references (organization_id, sha256, owner_type, owner_id)
         SELECT $1, decode(h, 'hex'), $3, $4 FROM unnest($2::text[]) AS h ON CONFLICT DO NOTHING`,
        [organizationId, [...new Set(sha256s)], owner.type, owner.id],
      );
    } catch (error) {
      if ((error as { code?: string }).code === '23503') throw conflict('Stored content was removed before it was used: send it again');
      throw error;
    }
  }

  /** Drops everything `owner` referenced, in the caller's transaction; the sweep removes what nothing else uses. */
  async release(organizationId: string, owner: BlobOwner): Promise<void> {
    await this.tx.tx.query('DELETE FROM blob_references WHERE organization_id = $1 AND owner_type = $2 AND owner_id = $3', [
      organizationId,
      owner.type,
      owner.id,
    ]);
  }

  /**
   * Removes what a put stored, now, when the caller refuses it (an archive that fails its checks):
   * unless something references it or a later put of the same bytes took it.
   */
  async discard(organizationId: string, blobs: readonly StoredBlob[]): Promise<void> {
    for (const blob of blobs) {
      let gone: { id: string; backend: BlobBackendName }[];
      try {
        gone = await this.dataSource.query(
          `WITH gone AS (
             DELETE FROM blobs b WHERE organization_id = $1 AND sha256 = $2 AND last_put_id = $3
               AND NOT EXISTS (SELECT 1 FROM blob_references r WHERE r.organization_id = b.organization_id AND r.sha256 = b.sha256)
             RETURNING id, backend
           )
           INSERT INTO blob_orphans (id, backend, since) SELECT id, backend, '-infinity' FROM gone RETURNING id, backend`,
          [organizationId, Buffer.from(blob.sha256, 'hex'), blob.putId],
        );
      } catch (error) {
        // A reference committed meanwhile: the bytes are in use, so they stay.
        if ((error as { code?: string }).code === '23503') continue;
        throw error;
      }
      for (const row of gone) await this.forget(row.id, row.backend);
    }
  }

  /**
   * Removes unreferenced blobs past their grace and orphaned bytes now, as the scheduled sweep does;
   * with `organizationId`, only that organization's blobs (orphaned bytes belong to no organization
   * and are removed whatever, but not counted: the counts say nothing of other tenants).
   */
  async sweep(organizationId?: string): Promise<SweepCounts> {
    const counts: SweepCounts = { blobs: 0, bytes: 0, orphans: 0 };
    for (;;) {
      const { blobs, bytes } = await this.tx.withTransaction(() => this.removeUnreferenced(organizationId));
      counts.blobs += blobs;
      counts.bytes += bytes;
      if (blobs < SWEEP_BATCH) break;
    }
    for (;;) {
      const orphans = await this.tx.withTransaction(() => this.removeOrphans());
      counts.orphans += orphans;
      if (orphans < SWEEP_BATCH) break;
    }
    return organizationId ? { ...counts, orphans: 0 } : counts;
  }

  /** One batch of the blob sweep: unreferenced blobs past their grace become orphans (their bytes go next). */
  private async removeUnreferenced(organizationId?: string): Promise<{ blobs: number; bytes: number }> {
    const gone = await this.tx.tx.query<{ size: string }[]>(
      `WITH gone AS (
         DELETE FROM blobs b WHERE b.id IN (
           SELECT c.id FROM blobs c
           WHERE c.last_put_at < now() - make_interval(secs => $1)
             AND ($3::uuid IS NULL OR c.organization_id = $3)
             AND NOT EXISTS (SELECT 1 FROM blob_references r WHERE r.organization_id = c.organization_id AND r.sha256 = c.sha256)
           ORDER BY c.last_put_at LIMIT $2 FOR UPDATE SKIP LOCKED)
         RETURNING b.id, b.backend, b.size
       ), orphaned AS (
         INSERT INTO blob_orphans (id, backend, since) SELECT id, backend, '-infinity' FROM gone
       )
       SELECT size FROM gone`,
      [this.graceSeconds, SWEEP_BATCH, organizationId ?? null],
    );
    return { blobs: gone.length, bytes: gone.reduce((sum, row) => sum + Number(row.size), 0) };
  }

  /** One batch of the orphan sweep: the bytes of stale writes, duplicates and removed blobs. */
  private async removeOrphans(): Promise<number> {
    const rows = await this.tx.tx.query<{ id: string; backend: BlobBackendName }[]>(
      `SELECT id, backend FROM blob_orphans
       WHERE since < now() - make_interval(secs => $1) AND backend = ANY($2::text[])
       ORDER BY since LIMIT $3 FOR UPDATE SKIP LOCKED`,
      [this.graceSeconds, Object.keys(this.backends).filter((name) => this.backends[name as BlobBackendName]), SWEEP_BATCH],
    );
    for (const row of rows) await this.backends[row.backend]!.remove(row.id);
    if (rows.length) await this.tx.tx.query('DELETE FROM blob_orphans WHERE id = ANY($1::uuid[])', [rows.map((r) => r.id)]);
    return rows.length;
  }

  /** Removes orphaned bytes now; on failure the orphan row stays, and the sweep tries again. */
  private async forget(id: string, backend: BlobBackendName): Promise<void> {
    try {
      await this.backends[backend]!.remove(id);
      await this.dataSource.query('DELETE FROM blob_orphans WHERE id = $1', [id]);
    } catch (error) {
      this.logger.warn(`could not remove the bytes of blob write ${id} now (the sweep will): ${(error as Error).message}`);
    }
  }
}
