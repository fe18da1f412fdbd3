import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { TimestampedTenantEntity } from '../../../kernel/tenancy/tenant-owned.entity.js';

export type AgentStatus = 'active' | 'revoked';
export type AgentConnectivity = 'online' | 'stale' | 'offline';

/**
 * A process that carries out work for one organization: minted by an admin or registered with an
 * enrollment token. It authenticates with `X-Agent-Secret`, stored only as its SHA-256, and says
 * what it can do (capabilities: job types) and where it runs (labels, matched by job selectors).
 */
@Entity('agents')
@Index(['organizationId', 'name'], { unique: true })
export class Agent extends TimestampedTenantEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @Column('text', { nullable: true })
  description!: string | null;

  @Column('varchar', { length: 16, default: 'active' })
  status!: AgentStatus;

  @Column('jsonb', { default: () => "'{}'" })
  labels!: Record<string, string>;

  /** Job types it runs; `*` (or none) for any. What it last reported, or else what it was given at mint time or by an edit. */
  @Column('text', { array: true, default: () => "'{}'" })
  capabilities!: string[];

  /** When the agent last reported its capabilities itself; null while they are the ones it was given. */
  @Column('timestamptz', { nullable: true })
  capabilitiesReportedAt!: Date | null;

  @Column('bytea', { select: false })
  secretHash!: Buffer;

  /** Its X25519 public key (32 bytes, base64url) for wire envelopes. */
  @Column('text', { nullable: true })
  publicKey!: string | null;

  @Column('timestamptz', { nullable: true })
  publicKeyUpdatedAt!: Date | null;

  @Column('text', { nullable: true })
  version!: string | null;

  @Column('text', { nullable: true })
  hostname!: string | null;

  @Column('uuid', { nullable: true })
  environmentId!: string | null;

  @Column('varchar', { length: 16 })
  enrolledVia!: 'mint' | 'enrollment';

  /** The user who minted it, or null when it registered with an enrollment token. */
  @Column('uuid', { nullable: true })
  createdBy!: string | null;

  @Column('uuid', { nullable: true })
  enrollmentTokenId!: string | null;

  @Column('timestamptz', { nullable: true })
  lastSeenAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  revokedAt!: Date | null;
}

/** Online within 3 heartbeat intervals of its last sign of life, stale within 10, offline after. */
export function connectivityOf(lastSeenAt: Date | null, heartbeatIntervalSeconds: number, now = Date.now()): AgentConnectivity {
  if (!lastSeenAt) return 'offline';
  const age = (now - lastSeenAt.getTime()) / 1000;
  if (age <= heartbeatIntervalSeconds * 3) return 'online';
  if (age <= heartbeatIntervalSeconds * 10) return 'stale';
  return 'offline';
}
