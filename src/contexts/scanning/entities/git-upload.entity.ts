import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { TimestampedTenantEntity } from '../../../kernel/tenancy/tenant-owned.entity.js';

/**
 * Where a temporary remote stands: no push read yet, its last push a snapshot, or its last push
 * refused. (Not "pushing": a push lives in one request, and a crash half-way must not leave it so.)
 */
export type GitUploadStatus = 'waiting' | 'ready' | 'failed';

/**
 * A temporary git remote of a `git-upload` repository (seed 004 `/git-uploads`): `git push` to its
 * URL, with its one-time password, makes the pushed branch the repository's newest snapshot. It
 * holds no objects between pushes: each push is received into an empty repository of its own, on
 * whichever replica serves it, and read into the blob store, so any replica serves any remote.
 */
@Entity('git_uploads')
@Index(['expiresAt'])
export class GitUpload extends TimestampedTenantEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Index()
  @Column('uuid')
  repositoryId!: string;

  /** SHA-256 of the password: the password itself is answered once, when the remote is created. */
  @Column('bytea')
  passwordHash!: Buffer;

  /** The branch that becomes the snapshot; null: the only one pushed, or `main` among several. */
  @Column('text', { nullable: true })
  branch!: string | null;

  @Column('varchar', { length: 16, default: 'waiting' })
  status!: GitUploadStatus;

  @Column('timestamptz')
  expiresAt!: Date;

  @Column('int', { default: 0 })
  pushes!: number;

  @Column('timestamptz', { nullable: true })
  lastPushAt!: Date | null;

  /** The snapshot and commit of the last push read. */
  @Column('uuid', { nullable: true })
  snapshotId!: string | null;

  @Column('varchar', { length: 64, nullable: true })
  revision!: string | null;

  /** Why the last push was refused: a stable code and a message safe to show. */
  @Column('jsonb', { nullable: true })
  error!: { code: string; message: string } | null;

  @Column('text')
  createdBy!: string;
}
