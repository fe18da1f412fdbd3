import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { TimestampedTenantEntity } from '../../../kernel/tenancy/tenant-owned.entity.js';

/** How a repository's source arrives: cloned from a URL, uploaded as an archive, or pushed with git. */
export type SourceType = 'url' | 'upload' | 'git-upload';
export const SOURCE_TYPES: readonly SourceType[] = ['url', 'upload', 'git-upload'];

/** Where its newest source stands: waiting for it, being read, read (a snapshot), or refused. */
export type IngestStatus = 'pending' | 'ingesting' | 'ready' | 'failed';
export const INGEST_STATUSES: readonly IngestStatus[] = ['pending', 'ingesting', 'ready', 'failed'];

/** A code repository of a project (seed 004): its source is an immutable snapshot, and scans read it. */
@Entity('code_repositories')
@Index(['organizationId', 'projectId', 'name'], { unique: true })
export class CodeRepository extends TimestampedTenantEntity {
  @PrimaryColumn('uuid')
  id!: string;

  /** Null for a legacy session's repository (POST /sessions without a project): no project rolls it up or deletes it. */
  @Column('uuid', { nullable: true })
  projectId!: string | null;

  @Column('text')
  name!: string;

  @Column('text', { default: '' })
  description!: string;

  @Column('varchar', { length: 16 })
  sourceType!: SourceType;

  /** For `url`: what is cloned. Never holds credentials (refused on the way in). */
  @Column('text', { nullable: true })
  sourceUrl!: string | null;

  @Column('varchar', { length: 16, default: 'pending' })
  ingestStatus!: IngestStatus;

  /** Why the last ingest failed: a stable code and a message safe to show. */
  @Column('jsonb', { nullable: true })
  ingestError!: { code: string; message: string } | null;

  /** The newest snapshot: what the source tree shows and new scans read. */
  @Column('uuid', { nullable: true })
  snapshotId!: string | null;

  @Column('text')
  createdBy!: string;
}
