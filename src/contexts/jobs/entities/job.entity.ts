import { Column, Entity, Index, PrimaryColumn, VirtualColumn } from 'typeorm';
import { TimestampedTenantEntity } from '../../../kernel/tenancy/tenant-owned.entity.js';
import { type BlockedCode, blockedCodeSql } from '../job-blockage.js';

export type JobStatus = 'queued' | 'leased' | 'running' | 'succeeded' | 'failed' | 'cancelled' | 'expired';
export const TERMINAL_STATUSES: readonly JobStatus[] = ['succeeded', 'failed', 'cancelled', 'expired'];
export const HELD_STATUSES: readonly JobStatus[] = ['leased', 'running'];

export interface JobUsage {
  durationMs?: number;
  inputTokens?: number;
  outputTokens?: number;
  cpuSeconds?: number;
  costAmount?: number;
  currency?: string;
}

/**
 * A unit of work for an agent. `queued → leased → running → succeeded | failed | cancelled | expired`:
 * a claim leases it to one agent (FOR UPDATE SKIP LOCKED); heartbeats renew the lease; an expired
 * lease puts it back in the queue with backoff until its attempts run out (then `expired`, the dead
 * letter). Completing is idempotent per attempt: the lease id names the attempt.
 */
@Entity('jobs')
// Claims read queued jobs in (priority desc, available_at, id) order: created by the migration,
// since TypeORM cannot declare a descending column.
@Index('jobs_claimable', { synchronize: false })
@Index('jobs_held_until', ['leaseExpiresAt'], { where: `status IN ('leased', 'running')` })
// Lists: newest first, and each filter newest first, so that a page reads only its own rows
// (the id that breaks ties comes from the same index entries, an incremental sort).
@Index(['organizationId', 'createdAt'])
@Index('jobs_by_status', ['organizationId', 'status', 'createdAt'])
@Index('jobs_by_type', ['organizationId', 'type', 'createdAt'])
@Index('jobs_by_agent', ['leasedBy', 'createdAt'], { where: 'leased_by IS NOT NULL' })
@Index('jobs_failures', ['organizationId', 'completedAt'], { where: `status IN ('failed', 'expired')` })
// Queue depth and statistics count only the jobs still in play, however long the history.
@Index('jobs_in_play', ['organizationId', 'status', 'type'], { where: `status IN ('queued', 'leased', 'running')` })
// What claims and heartbeats tell an agent to stop (CANCELLED_HELD_IDS): a handful of rows, however
// many jobs the agent ran before.
@Index('jobs_cancelled_unacknowledged', ['leasedBy'], {
  where: `status = 'cancelled' AND lease_id IS NOT NULL AND completed_lease_id IS DISTINCT FROM lease_id`,
})
// A submission's Idempotency-Key, one job per key and submitter: the job row carries it, so queuing
// a job and recording its key are one insert (see JobsService.submitMany).
@Index('jobs_submit_key', ['organizationId', 'createdByType', 'createdById', 'submitKey'], {
  unique: true,
  where: 'submit_key IS NOT NULL',
})
export class Job extends TimestampedTenantEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('varchar', { length: 100 })
  type!: string;

  @Column('jsonb', { default: () => "'{}'" })
  payload!: Record<string, unknown>;

  @Column('varchar', { length: 16 })
  status!: JobStatus;

  /** Higher first. */
  @Column('int', { default: 0 })
  priority!: number;

  /** Only this agent may claim it. */
  @Column('uuid', { nullable: true })
  targetAgentId!: string | null;

  /** Labels a claiming agent must carry. */
  @Column('jsonb', { nullable: true })
  selector!: Record<string, string> | null;

  @Column('int', { default: 0 })
  attempts!: number;

  @Column('int')
  maxAttempts!: number;

  /** The most one attempt may run; the lease cannot be renewed past it. */
  @Column('int')
  timeoutSeconds!: number;

  @Column('jsonb', { nullable: true })
  costEstimate!: { amount: number; currency: string } | null;

  /** Summed over attempts. */
  @Column('jsonb', { default: () => "'{}'" })
  usage!: JobUsage;

  @Column('jsonb', { nullable: true })
  result!: Record<string, unknown> | null;

  @Column('jsonb', { nullable: true })
  progress!: { percent?: number; message?: string } | null;

  @Column('varchar', { length: 100, nullable: true })
  errorCode!: string | null;

  @Column('text', { nullable: true })
  errorMessage!: string | null;

  @Column('text', { nullable: true })
  artifactUrl!: string | null;

  /** The current (or last) attempt's lease. */
  @Column('uuid', { nullable: true })
  leaseId!: string | null;

  @Column('uuid', { nullable: true })
  leasedBy!: string | null;

  @Column('timestamptz', { nullable: true })
  leaseExpiresAt!: Date | null;

  /** The lease whose completion was accepted: a repeat of it is answered the same, any other is 409. */
  @Column('uuid', { nullable: true })
  completedLeaseId!: string | null;

  @Column('timestamptz', { default: () => 'now()' })
  queuedAt!: Date;

  /** Not claimable before (backoff after a failed or expired attempt). */
  @Column('timestamptz', { default: () => 'now()' })
  availableAt!: Date;

  /** When the current (or last) attempt was claimed. */
  @Column('timestamptz', { nullable: true })
  startedAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  completedAt!: Date | null;

  @Column('varchar', { length: 16 })
  createdByType!: string;

  @Column('text', { nullable: true })
  createdById!: string | null;

  @Column('text', { nullable: true })
  correlationId!: string | null;

  /** The Idempotency-Key it was submitted with (null: none, e.g. queued by the platform): a retry with it answers this job. */
  @Column('varchar', { length: 255, nullable: true })
  submitKey!: string | null;

  /** What was submitted with that key, as an HMAC (IdempotencyService.fingerprint): the key with another request is 422. */
  @Column('bytea', { nullable: true, select: false })
  submitFingerprint!: Buffer | null;

  /**
   * Why no agent can take it while it is queued (null: some agent may): worked out from the agents
   * at each read, never stored. Absent on rows read back from a raw statement (RETURNING *).
   */
  @VirtualColumn({ type: 'varchar', query: (alias) => blockedCodeSql(alias) })
  blockedCode?: BlockedCode | null;
}
