import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { TimestampedTenantEntity } from '../../../kernel/tenancy/tenant-owned.entity.js';

/** A scan's life: waiting for a scanner agent, running on one, and how it ended. */
export type ScanStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
export const SCAN_STATUSES: readonly ScanStatus[] = ['queued', 'running', 'succeeded', 'failed', 'cancelled'];
export const FINISHED_SCAN_STATUSES: readonly ScanStatus[] = ['succeeded', 'failed', 'cancelled'];

/** The scanners the reference agent runs; an agent may offer others, named the same way. */
export const SCANNERS = ['secretlint', 'eslint-security'] as const;

/** Where a scan's results come from: a scanner agent running a job, or a SARIF log someone uploaded. */
export type ScanOrigin = 'agent' | 'import';

export interface ScanConfiguration {
  /** Scanners to run; every scanner the agent offers when empty. */
  scanners: string[];
  /** Rule sets to apply, as the scanners name them; their defaults when empty. */
  ruleSets: string[];
  /** Path prefixes to scan; the whole tree when empty. Findings outside them are neither seen nor fixed. */
  paths: string[];
  /** Never scanned: the repository's threat profile's out-of-scope paths when the scan was made. */
  excludePaths: string[];
}

export interface ScanProgress {
  filesTotal: number | null;
  filesDone: number | null;
  findings: number | null;
  message: string | null;
}

/** How many findings a scan reported, by severity, and what it changed. */
export interface ScanSummary {
  results: number;
  bySeverity: Record<string, number>;
  new: number;
  reopened: number;
  fixed: number;
}

/** A SARIF log a scan stored: a blob of the kernel's store. */
export interface ScanArtifact {
  kind: 'sarif';
  sha256: string;
  size: number;
  tools: string[];
  results: number;
  uploadedAt: string;
}

/**
 * One scan of a repository's snapshot (seed 004). An agent scan is a `scan` job for an agent that
 * runs them; the scan mirrors the job's life and keeps what the job cannot: the snapshot it read,
 * its SARIF logs, its progress and what its results changed.
 */
@Entity('scans')
@Index(['organizationId', 'repositoryId', 'createdAt'])
@Index(['organizationId', 'projectId', 'createdAt'])
@Index(['jobId'], { unique: true, where: 'job_id IS NOT NULL' })
export class Scan extends TimestampedTenantEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  repositoryId!: string;

  /** As its repository's project; null for a session's repository without one. */
  @Column('uuid', { nullable: true })
  projectId!: string | null;

  @Column('uuid')
  snapshotId!: string;

  @Column('varchar', { length: 8 })
  origin!: ScanOrigin;

  @Column('uuid', { nullable: true })
  jobId!: string | null;

  @Column('varchar', { length: 16 })
  status!: ScanStatus;

  @Column('jsonb')
  configuration!: ScanConfiguration;

  @Column('jsonb')
  progress!: ScanProgress;

  @Column('jsonb', { nullable: true })
  summary!: ScanSummary | null;

  /** The tools whose results it holds: a finding of another tool is not fixed by its absence here. */
  @Column('text', { array: true, default: '{}' })
  tools!: string[];

  @Column('jsonb', { default: '[]' })
  artifacts!: ScanArtifact[];

  /** Why it failed or was cancelled: a stable code and a message safe to show. */
  @Column('jsonb', { nullable: true })
  error!: { code: string; message: string } | null;

  @Column('text')
  requestedBy!: string;

  @Column('timestamptz', { nullable: true })
  startedAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  finishedAt!: Date | null;

  /** Seconds a scanner spent on it (started to finished), metered for billing. */
  @Column('integer', { nullable: true })
  scannerSeconds!: number | null;
}
