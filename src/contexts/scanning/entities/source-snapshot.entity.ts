import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CreatedTenantEntity } from '../../../kernel/tenancy/tenant-owned.entity.js';

const bigintNumber = { to: (v: number) => v, from: (v: string) => Number(v) };

/** Where a snapshot's files came from. */
export type SnapshotOrigin = 'upload' | 'clone' | 'push';

/**
 * A repository's source at one moment, immutable: its files are rows of snapshot_files, their bytes
 * blobs of the kernel's store (deduplicated by hash), referenced by the snapshot.
 */
@Entity('source_snapshots')
@Index(['organizationId', 'repositoryId', 'createdAt'])
export class SourceSnapshot extends CreatedTenantEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  repositoryId!: string;

  @Column('varchar', { length: 16 })
  origin!: SnapshotOrigin;

  /** The commit it is, when it came from git. */
  @Column('text', { nullable: true })
  revision!: string | null;

  @Column('integer')
  fileCount!: number;

  @Column('bigint', { transformer: bigintNumber })
  totalBytes!: number;
}

/** One entry of a snapshot: a file (its bytes a blob) or a symbolic link within the tree. */
@Entity('snapshot_files')
@Index(['snapshotId', 'path'], { unique: true })
export class SnapshotFile {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  snapshotId!: string;

  /**
   * Relative, normalised, `/`-separated; never `..` or absolute. Sorted byte-wise (collation C), as
   * git sorts paths: the tree's order does not depend on the database's locale.
   */
  @Column({ type: 'text', collation: 'C' })
  path!: string;

  @Column('uuid')
  organizationId!: string;

  @Column('varchar', { length: 8 })
  kind!: 'file' | 'symlink';

  @Column('bigint', { transformer: bigintNumber })
  size!: number;

  /** The blob's SHA-256 (files only). */
  @Column('bytea', { nullable: true })
  sha256!: Buffer | null;

  /** Where a symbolic link points, relative, inside the tree. */
  @Column('text', { nullable: true })
  linkTarget!: string | null;

  /** Text or binary, decided once at ingest (a NUL byte in the first 8 KiB, or not UTF-8). */
  @Column('boolean', { default: false })
  binary!: boolean;

  @Column('boolean', { default: false })
  executable!: boolean;
}
