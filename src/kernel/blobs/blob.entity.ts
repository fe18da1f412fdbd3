import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';

const bigintNumber = { to: (v: number) => v, from: (v: string) => Number(v) };

/** Where a blob's bytes live. Its row (hash, size, references) is always in PostgreSQL. */
export type BlobBackendName = 'postgres' | 's3';

/**
 * One organization's copy of some bytes, named by their SHA-256: the same bytes put twice are one
 * blob. Blobs are per organization, so no tenant can learn from a put whether another holds a file.
 */
@Entity('blobs')
@Unique('blobs_organization_sha256_key', ['organizationId', 'sha256'])
@Index('blobs_last_put_at_idx', ['lastPutAt'])
export class Blob {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  organizationId!: string;

  /** 32 bytes. */
  @Column('bytea')
  sha256!: Buffer;

  @Column('bigint', { transformer: bigintNumber })
  size!: number;

  /** The backend that holds the bytes: a blob stays readable after BLOB_STORE changes. */
  @Column('text')
  backend!: BlobBackendName;

  @Column('timestamptz', { default: () => 'now()' })
  createdAt!: Date;

  /** Moved by every put of the same bytes: a sweep spares a blob put again within its grace. */
  @Column('timestamptz', { default: () => 'now()' })
  lastPutAt!: Date;

  /** The last put's own id: a put that refuses what it stored discards the blob only if no later put took it. */
  @Column('uuid')
  lastPutId!: string;
}

/** A blob's bytes in the PostgreSQL backend, in chunks of at most BLOB_CHUNK_BYTES, numbered from 0. */
@Entity('blob_chunks')
export class BlobChunk {
  @PrimaryColumn('uuid')
  blobId!: string;

  @PrimaryColumn('integer')
  chunkNo!: number;

  @Column('bytea')
  data!: Buffer;
}

/**
 * Something that uses a blob (a snapshot's file, a scan's SARIF log), written in the owner's own
 * transaction: a blob with no reference is what the sweep removes. The foreign key keeps a sweep
 * from removing a blob that a reference is being written for.
 */
@Entity('blob_references')
@Index('blob_references_owner_idx', ['organizationId', 'ownerType', 'ownerId'])
export class BlobReference {
  @PrimaryColumn('uuid')
  organizationId!: string;

  @PrimaryColumn('bytea')
  sha256!: Buffer;

  /** What kind of thing holds it: `snapshot`, `sarif`, … */
  @PrimaryColumn('text')
  ownerType!: string;

  @PrimaryColumn('uuid')
  ownerId!: string;

  @Column('timestamptz', { default: () => 'now()' })
  createdAt!: Date;

  @ManyToOne(() => Blob, { onDelete: 'RESTRICT', createForeignKeyConstraints: true })
  @JoinColumn([
    { name: 'organization_id', referencedColumnName: 'organizationId' },
    { name: 'sha256', referencedColumnName: 'sha256' },
  ])
  blob?: Blob;
}

/**
 * Bytes in a backend that no blob row owns: a write in progress (its row is made once the bytes
 * are stored and hashed), a duplicate of bytes stored already, or a removed blob's. The row is made
 * before the bytes are written and dropped once they are owned or gone, so a crash at any point
 * leaves a row the sweep finishes the work from.
 */
@Entity('blob_orphans')
@Index('blob_orphans_since_idx', ['since'])
export class BlobOrphan {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  backend!: BlobBackendName;

  /** When the write began; `-infinity` for bytes to remove at once. */
  @Column('timestamptz')
  since!: Date;
}
