import { jest } from '@jest/globals';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../src/kernel/config/app-config.js';
import { dataSourceOptions } from '../../src/kernel/database/data-source-options.js';
import { AppError } from '../../src/kernel/http/app-error.js';
import { newId } from '../../src/kernel/ids.js';
import { createDatabaseFromTemplate, dropDatabase, testDatabaseServer } from '../support/database.js';
import { freePort } from '../support/ports.js';

// The transactional plugin loads ES modules through require(), which Jest's VM modules refuse; only
// its decorator is met here, and the transaction host is a stand-in holding a manager.
jest.unstable_mockModule('@nestjs-cls/transactional', () => ({ InjectTransactionHost: () => () => undefined }));
// The sweepers' registry needs nestjs-cls, which Jest's VM modules cannot load either; the store's sweep is called directly here.
jest.unstable_mockModule('../../src/kernel/background/sweepers.js', () => ({ Sweepers: class {} }));
const { BlobStore } = await import('../../src/kernel/blobs/blob-store.js');
const { PostgresBlobBackend } = await import('../../src/kernel/blobs/postgres-blob-backend.js');
type Store = InstanceType<typeof BlobStore>;

/**
 * The kernel's blob store on a real database, with its bytes in PostgreSQL and in an S3 bucket
 * (s3rver, started here): the same tests on both backends. Content in and out by streams, one blob
 * per organization and content, nothing kept of a refused or failed put, and a sweep that removes
 * exactly what nothing references.
 */
const { adminUrl, template } = testDatabaseServer();
const name = `marshal_t_${process.env.MARSHAL_TEST_RUN}_${randomBytes(5).toString('hex')}`;
const BUCKET = 'marshal-blobs';
let dataSource: DataSource;
let s3rver: S3rver;
let s3Endpoint: string;
let s3Dir: string;
const ours = newId();
const theirs = newId();

beforeAll(async () => {
  const url = await createDatabaseFromTemplate(adminUrl, name, template);
  dataSource = new DataSource({ ...dataSourceOptions(url, 6), entities: [] });
  await dataSource.initialize();
  s3Dir = mkdtempSync(join(tmpdir(), 'marshal-s3rver-'));
  const port = await freePort();
  s3rver = new S3rver({ address: '127.0.0.1', port, silent: true, directory: s3Dir, configureBuckets: [{ name: BUCKET, configs: [] }] });
  await s3rver.run();
  s3Endpoint = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await dataSource?.destroy();
  await dropDatabase(adminUrl, name);
  await s3rver?.close();
  rmSync(s3Dir, { recursive: true, force: true });
});

const s3Config = (endpoint = s3Endpoint) => ({
  endpoint,
  region: 'us-east-1',
  bucket: BUCKET,
  credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  forcePathStyle: true,
  timeoutMs: 2_000,
});

/** A transaction host whose `tx` is the manager of the transaction it runs, as the CLS host's is. */
function transactionHost() {
  const host = {
    tx: dataSource.manager,
    isTransactionActive: () => host.tx !== dataSource.manager,
    withTransaction: <T>(fn: () => Promise<T>): Promise<T> =>
      dataSource.transaction(async (manager) => {
        const outer = host.tx;
        host.tx = manager;
        try {
          return await fn();
        } finally {
          host.tx = outer;
        }
      }),
  };
  return host;
}

function storeOn(backend: 'postgres' | 's3', options: { graceSeconds?: number; endpoint?: string } = {}): Store {
  const config = {
    blobs: {
      backend,
      s3: s3Config(options.endpoint),
      sweepIntervalMs: 60_000,
      graceSeconds: options.graceSeconds ?? 0,
    },
  } as unknown as AppConfig;
  const sweepers = { register: () => ({ run: () => Promise.resolve(0) }) };
  return new BlobStore(dataSource, transactionHost() as never, config, sweepers as never);
}

/** `size` random bytes in pieces of up to `piece` bytes, counting how many pieces were read. */
function pieces(bytes: Buffer, piece = 64 * 1024): { source: AsyncIterable<Buffer>; read: () => number } {
  let read = 0;
  async function* source(): AsyncGenerator<Buffer> {
    for (let at = 0; at < bytes.length; at += piece) {
      read++;
      // A network source: each piece arrives on a later turn.
      await new Promise(setImmediate);
      yield bytes.subarray(at, at + piece);
    }
  }
  return { source: source(), read: () => read };
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function readAll(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

async function count(sql: string, values: unknown[] = []): Promise<number> {
  const [row] = await dataSource.query<{ n: number }[]>(sql, values);
  return Number(row.n);
}

async function s3Objects(): Promise<number> {
  const client = new S3Client({ ...s3Config(), maxAttempts: 1 });
  const listed = await client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'blobs/' }));
  client.destroy();
  return listed.KeyCount ?? 0;
}

/** Everything the store holds, rows and bytes, whatever the backend. */
async function holdings() {
  return {
    blobs: await count('SELECT count(*) AS n FROM blobs'),
    references: await count('SELECT count(*) AS n FROM blob_references'),
    orphans: await count('SELECT count(*) AS n FROM blob_orphans'),
    chunks: await count('SELECT count(*) AS n FROM blob_chunks'),
    objects: await s3Objects(),
  };
}

async function rejection(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe.each(['postgres', 's3'] as const)('the blob store on %s', (backend) => {
  let store: Store;
  beforeAll(() => {
    store = storeOn(backend);
  });
  beforeEach(async () => {
    // Each test starts from an empty store (the sweep removes what nothing references, grace 0).
    await dataSource.query('DELETE FROM blob_references');
    await store.sweep();
    expect(await holdings()).toEqual({ blobs: 0, references: 0, orphans: 0, chunks: 0, objects: 0 });
  });

  test('streams content in and out unchanged, named by its SHA-256, across chunk and part boundaries', async () => {
    for (const size of [0, 1, 512 * 1024, 512 * 1024 + 1, 6 * 1024 * 1024 + 17]) {
      const bytes = randomBytes(size);
      const stored = await store.put(ours, pieces(bytes, 100_003).source, { maxBytes: 10 * 1024 * 1024 });
      expect(stored).toMatchObject({ sha256: sha256(bytes), size, created: true });
      const opened = await store.open(ours, stored.sha256);
      expect(opened).toMatchObject({ sha256: stored.sha256, size });
      expect((await readAll(opened!.stream)).equals(bytes)).toBe(true);
    }
    const [row] = await dataSource.query<{ backend: string }[]>('SELECT DISTINCT backend FROM blobs');
    expect(row.backend).toBe(backend);
    expect(await count('SELECT count(*) AS n FROM blob_orphans')).toBe(0);
  });

  test('the same bytes put twice by one organization are one blob, and the second copy is not kept', async () => {
    const bytes = randomBytes(700_000);
    const first = await store.put(ours, pieces(bytes).source, { maxBytes: 1 << 20 });
    const second = await store.put(ours, pieces(bytes).source, { maxBytes: 1 << 20 });
    expect(second).toMatchObject({ sha256: first.sha256, size: first.size, created: false });
    expect(second.putId).not.toBe(first.putId);
    const held = await holdings();
    expect(held).toMatchObject({ blobs: 1, orphans: 0 });
    if (backend === 'postgres') expect(held.chunks).toBe(2);
    else expect(held.objects).toBe(1);
  });

  test('many small contents at once: one blob per distinct content, what the organization held already kept once, empty ones too', async () => {
    const held = await store.put(ours, [Buffer.from('held before the batch')], { maxBytes: 1024 });
    await store.reference(ours, { type: 'snapshot', id: newId() }, [held.sha256]);
    const contents = [Buffer.from('a'), Buffer.from('held before the batch'), Buffer.from('a'), Buffer.alloc(0), randomBytes(400_000)];
    const stored = await store.putMany(ours, contents);
    expect(stored.map((b) => b.sha256)).toEqual(contents.map(sha256));
    expect(stored.map((b) => b.created)).toEqual([true, false, true, true, true]);
    expect(stored[0].putId).toBe(stored[2].putId);
    for (const [i, content] of contents.entries())
      expect((await readAll((await store.open(ours, stored[i].sha256))!.stream)).equals(content)).toBe(true);
    expect(await holdings()).toMatchObject({ blobs: 4, orphans: 0 });
    if (backend === 'postgres') expect((await holdings()).chunks).toBe(3);
    else expect((await holdings()).objects).toBe(4);
    // A refusal after the batch: discarding what it stored leaves what something else references.
    await store.discard(ours, stored);
    expect(await holdings()).toMatchObject({ blobs: 1, orphans: 0 });
    expect(await store.open(ours, held.sha256)).not.toBeNull();
    await expect(store.putMany(ours, [Buffer.alloc(600_000)])).rejects.toThrow(/at most/);
  });

  test('content over its limit is refused as soon as it passes the limit, and nothing is kept', async () => {
    const bytes = randomBytes(2 * 1024 * 1024);
    const { source, read } = pieces(bytes, 64 * 1024);
    const error = await rejection(store.put(ours, source, { maxBytes: 1024 * 1024, what: 'The archive' }));
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 413, code: 'BLOB_TOO_LARGE', details: { limitBytes: 1024 * 1024 } });
    expect((error as Error).message).toBe('The archive is over its limit of 1048576 bytes');
    // 16 pieces make the limit; the 17th is over it, and nothing after it is read.
    expect(read()).toBe(17);
    expect(await holdings()).toEqual({ blobs: 0, references: 0, orphans: 0, chunks: 0, objects: 0 });
  });

  test('a write the sweep took for stale while it ran (it outlasted its grace) fails, and records no blob', async () => {
    async function* slow(): AsyncGenerator<Buffer> {
      yield randomBytes(1000);
      // What a sweep does to a write older than BLOB_GRACE_SECONDS: its orphan row is taken, its bytes removed.
      await dataSource.query('DELETE FROM blob_orphans');
      yield randomBytes(1000);
    }
    await expect(store.put(ours, slow(), { maxBytes: 1 << 20 })).rejects.toThrow(/longer than its grace/);
    expect(await holdings()).toEqual({ blobs: 0, references: 0, orphans: 0, chunks: 0, objects: 0 });
  });

  test('a source that fails half-way rejects with its own error, and nothing is kept', async () => {
    async function* failing(): AsyncGenerator<Buffer> {
      yield randomBytes(600_000);
      yield randomBytes(600_000);
      await new Promise(setImmediate);
      throw new Error('the client went away');
    }
    await expect(store.put(ours, failing(), { maxBytes: 1 << 30 })).rejects.toThrow('the client went away');
    expect(await holdings()).toEqual({ blobs: 0, references: 0, orphans: 0, chunks: 0, objects: 0 });
  });

  test("an organization's blob is not another's: it cannot open it, and its own copy is its own", async () => {
    const bytes = Buffer.from('the same file in two organizations\n');
    const mine = await store.put(ours, [bytes], { maxBytes: 1024 });
    expect(await store.open(theirs, mine.sha256)).toBeNull();
    const yours = await store.put(theirs, [bytes], { maxBytes: 1024 });
    expect(yours).toMatchObject({ sha256: mine.sha256, created: true });
    expect(await count('SELECT count(*) AS n FROM blobs')).toBe(2);
    expect(await text((await store.open(theirs, mine.sha256))!.stream)).toBe(bytes.toString());
    expect(await store.open(ours, 'not-a-hash')).toBeNull();
    expect(await store.open(ours, sha256(Buffer.from('never stored')))).toBeNull();
  });

  test('the sweep removes what nothing references, with its bytes, and keeps what something does', async () => {
    const kept = await store.put(ours, [randomBytes(1000)], { maxBytes: 4096 });
    const shared = await store.put(ours, [randomBytes(1000)], { maxBytes: 4096 });
    const dropped = await store.put(ours, [randomBytes(1000)], { maxBytes: 4096 });
    const snapshotA = { type: 'snapshot', id: newId() };
    const snapshotB = { type: 'snapshot', id: newId() };
    await store.reference(ours, snapshotA, [kept.sha256, shared.sha256, shared.sha256]);
    await store.reference(ours, snapshotB, [shared.sha256]);

    expect(await store.sweep()).toEqual({ blobs: 1, bytes: 1000, orphans: 1 });
    expect(await store.open(ours, dropped.sha256)).toBeNull();
    expect(await store.open(ours, kept.sha256)).not.toBeNull();

    // A blob stays while any owner references it.
    await store.release(ours, snapshotA);
    expect(await store.sweep()).toEqual({ blobs: 1, bytes: 1000, orphans: 1 });
    expect(await store.open(ours, kept.sha256)).toBeNull();
    expect(await store.open(ours, shared.sha256)).not.toBeNull();
    await store.release(ours, snapshotB);
    await store.sweep();
    expect(await holdings()).toEqual({ blobs: 0, references: 0, orphans: 0, chunks: 0, objects: 0 });
  });

  test('within its grace an unreferenced blob is kept, and a new put of it starts the grace again', async () => {
    const patient = storeOn(backend, { graceSeconds: 3600 });
    const blob = await patient.put(ours, [Buffer.from('just stored, not referenced yet')], { maxBytes: 1024 });
    expect(await patient.sweep()).toEqual({ blobs: 0, bytes: 0, orphans: 0 });
    await dataSource.query(`UPDATE blobs SET last_put_at = now() - interval '2 hours'`);
    await patient.put(ours, [Buffer.from('just stored, not referenced yet')], { maxBytes: 1024 });
    expect(await patient.sweep()).toEqual({ blobs: 0, bytes: 0, orphans: 0 });
    await dataSource.query(`UPDATE blobs SET last_put_at = now() - interval '2 hours'`);
    expect(await patient.sweep()).toMatchObject({ blobs: 1 });
    expect(await patient.open(ours, blob.sha256)).toBeNull();
  });

  test('discard removes what a put stored, unless it is referenced or a later put took it', async () => {
    const alone = await store.put(ours, [Buffer.from('refused archive')], { maxBytes: 1024 });
    await store.discard(ours, [alone]);
    expect(await holdings()).toEqual({ blobs: 0, references: 0, orphans: 0, chunks: 0, objects: 0 });

    const used = await store.put(ours, [Buffer.from('a file also in a kept snapshot')], { maxBytes: 1024 });
    await store.reference(ours, { type: 'snapshot', id: newId() }, [used.sha256]);
    const again = await store.put(ours, [Buffer.from('a file also in a kept snapshot')], { maxBytes: 1024 });
    await store.discard(ours, [again]);
    expect(await store.open(ours, used.sha256)).not.toBeNull();

    const raced = await store.put(ours, [Buffer.from('put by two uploads at once')], { maxBytes: 1024 });
    await store.put(ours, [Buffer.from('put by two uploads at once')], { maxBytes: 1024 });
    await store.discard(ours, [raced]);
    expect(await store.open(ours, raced.sha256)).not.toBeNull();
    // Another organization's discard of the same put changes nothing.
    await store.discard(theirs, [used]);
    expect(await store.open(ours, used.sha256)).not.toBeNull();
  });

  test('a reference to content the organization does not hold is a 409, and writes nothing', async () => {
    const error = await rejection(store.reference(ours, { type: 'snapshot', id: newId() }, [sha256(Buffer.from('nothing'))]));
    expect(error).toMatchObject({ status: 409, code: 'CONFLICT' });
    const theirsOnly = await store.put(theirs, [Buffer.from('only theirs')], { maxBytes: 1024 });
    await expect(store.reference(ours, { type: 'snapshot', id: newId() }, [theirsOnly.sha256])).rejects.toMatchObject({ status: 409 });
    expect(await count('SELECT count(*) AS n FROM blob_references')).toBe(0);
  });

  test('bytes a crashed write left behind are removed by the sweep once its grace is over', async () => {
    const id = newId();
    await dataSource.query(`INSERT INTO blob_orphans (id, backend, since) VALUES ($1, $2, now() - interval '2 hours')`, [id, backend]);
    const inFlight = newId();
    await dataSource.query(`INSERT INTO blob_orphans (id, backend, since) VALUES ($1, $2, now())`, [inFlight, backend]);
    const writer = backend === 'postgres' ? new PostgresBlobBackend(dataSource) : undefined;
    if (writer) {
      await writer.write(id, Readable.from([randomBytes(1000)]));
      await writer.write(inFlight, Readable.from([randomBytes(1000)]));
    } else {
      const { S3BlobBackend } = await import('../../src/kernel/blobs/s3-blob-backend.js');
      const s3 = new S3BlobBackend(s3Config());
      await s3.write(id, Readable.from([randomBytes(1000)]));
      await s3.write(inFlight, Readable.from([randomBytes(1000)]));
    }
    const patient = storeOn(backend, { graceSeconds: 3600 });
    expect(await patient.sweep()).toEqual({ blobs: 0, bytes: 0, orphans: 1 });
    // The write still within its grace is left alone.
    expect(await holdings()).toMatchObject({ orphans: 1, ...(backend === 'postgres' ? { chunks: 1 } : { objects: 1 }) });
    await dataSource.query('UPDATE blob_orphans SET since = $2 WHERE id = $1', [inFlight, new Date(0)]);
    await store.sweep();
  });
});

describe('the S3 backend when the bucket does not answer', () => {
  test('a put and a read are a fast 503, and a blob written to S3 stays readable after BLOB_STORE goes back to postgres', async () => {
    const s3 = storeOn('s3');
    const blob = await s3.put(ours, [Buffer.from('kept in the bucket')], { maxBytes: 1024 });
    const onPostgres = storeOn('postgres');
    expect(await text((await onPostgres.open(ours, blob.sha256))!.stream)).toBe('kept in the bucket');

    const nowhere = storeOn('s3', { endpoint: `http://127.0.0.1:${await freePort()}` });
    const began = Date.now();
    const error = await rejection(nowhere.put(ours, [Buffer.from('cannot be stored')], { maxBytes: 1024 }));
    expect(error).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
    await expect(nowhere.open(ours, blob.sha256)).rejects.toMatchObject({ status: 503 });
    expect(Date.now() - began).toBeLessThan(15_000);
    // What the failed put may have left is recorded for the sweep, never a blob row.
    expect(
      await count('SELECT count(*) AS n FROM blobs WHERE sha256 = $1', [createHash('sha256').update('cannot be stored').digest()]),
    ).toBe(0);
    await dataSource.query('DELETE FROM blob_orphans');
    await dataSource.query('DELETE FROM blob_references');
    await s3.sweep();
  });
});
