import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CreatedTenantEntity, TenantOwnedEntity, TimestampedTenantEntity } from '../../../kernel/tenancy/tenant-owned.entity.js';

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';
/** Highest first: the order lists sort by. */
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

/** open, confirmed and dismissed are a person's triage; fixed is set by scans only. */
export type FindingStatus = 'open' | 'confirmed' | 'dismissed' | 'fixed';
export const FINDING_STATUSES: readonly FindingStatus[] = ['open', 'confirmed', 'dismissed', 'fixed'];
export const TRIAGE_STATUSES = ['open', 'confirmed', 'dismissed'] as const;
export type TriageStatus = (typeof TRIAGE_STATUSES)[number];

/** Why a finding is dismissed (GitHub code scanning's reasons). */
export const DISMISSAL_REASONS = ['false_positive', 'wont_fix', 'used_in_tests'] as const;
export type DismissalReason = (typeof DISMISSAL_REASONS)[number];

/**
 * One problem in a repository, as long as its fingerprint stays the same: a result seen again in a
 * later scan is this finding again (its triage kept), one absent from a later complete scan of the
 * same tool is fixed, and one that comes back after that reopens.
 */
@Entity('findings')
@Index(['organizationId', 'repositoryId', 'tool', 'fingerprint'], { unique: true })
@Index(['organizationId', 'repositoryId', 'severityRank', 'lastSeenAt'])
@Index(['organizationId', 'projectId', 'severityRank', 'lastSeenAt'])
export class Finding extends TimestampedTenantEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  repositoryId!: string;

  /** As its repository's project; null for a session's repository without one. */
  @Column('uuid', { nullable: true })
  projectId!: string | null;

  @Column('text')
  tool!: string;

  @Column('text')
  fingerprint!: string;

  @Column('text')
  ruleId!: string;

  @Column('varchar', { length: 8 })
  severity!: Severity;

  /** 0 for critical … 4 for info: sorts by severity in one index. */
  @Column('smallint')
  severityRank!: number;

  @Column('varchar', { length: 8 })
  level!: string;

  @Column('text')
  message!: string;

  @Column({ type: 'text', nullable: true, collation: 'C' })
  path!: string | null;

  @Column('integer', { nullable: true })
  startLine!: number | null;

  @Column('integer', { nullable: true })
  startColumn!: number | null;

  @Column('integer', { nullable: true })
  endLine!: number | null;

  @Column('integer', { nullable: true })
  endColumn!: number | null;

  @Column('text', { nullable: true })
  snippet!: string | null;

  @Column('varchar', { length: 16 })
  status!: FindingStatus;

  @Column('varchar', { length: 16, nullable: true })
  dismissedReason!: DismissalReason | null;

  @Column('text', { nullable: true })
  dismissedComment!: string | null;

  @Column('uuid')
  firstScanId!: string;

  @Column('uuid')
  lastScanId!: string;

  /** The scan that found it gone, while it is fixed. */
  @Column('uuid', { nullable: true })
  fixedScanId!: string | null;

  @Column('timestamptz')
  firstSeenAt!: Date;

  @Column('timestamptz')
  lastSeenAt!: Date;
}

/** A change of a finding's status: a person's triage, or a scan's fixed and reopened. */
@Entity('finding_changes')
@Index(['findingId', 'createdAt'])
export class FindingChange extends CreatedTenantEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  findingId!: string;

  @Column('varchar', { length: 16, nullable: true })
  fromStatus!: FindingStatus | null;

  @Column('varchar', { length: 16 })
  toStatus!: FindingStatus;

  @Column('varchar', { length: 16, nullable: true })
  reason!: DismissalReason | null;

  @Column('text', { nullable: true })
  comment!: string | null;

  /** `user:<id>`, `api_key:<id>`, or `scan:<id>` for what a scan decided. */
  @Column('text')
  actor!: string;

  @Column('uuid', { nullable: true })
  scanId!: string | null;
}

/** A rule of a tool, stored once per organization: findings name it by (tool, ruleId). */
@Entity('finding_rules')
@Index(['organizationId', 'tool', 'ruleId'], { unique: true })
export class FindingRule extends TenantOwnedEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  tool!: string;

  @Column('text')
  ruleId!: string;

  @Column('text', { nullable: true })
  name!: string | null;

  @Column('text', { nullable: true })
  shortDescription!: string | null;

  @Column('text', { nullable: true })
  helpText!: string | null;

  @Column('text', { nullable: true })
  helpUri!: string | null;

  @Column('text', { array: true, default: '{}' })
  tags!: string[];

  @Column('text', { array: true, default: '{}' })
  cwe!: string[];

  @Column('real', { nullable: true })
  securitySeverity!: number | null;

  @Column('timestamptz', { default: () => 'now()' })
  updatedAt!: Date;
}

/** That a scan saw a finding: what `scanId` filters lists by. */
@Entity('finding_sightings')
@Index(['findingId'])
export class FindingSighting extends TenantOwnedEntity {
  @PrimaryColumn('uuid')
  scanId!: string;

  @PrimaryColumn('uuid')
  findingId!: string;
}
