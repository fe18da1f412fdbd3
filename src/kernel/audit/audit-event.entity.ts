import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';

export type AuditOutcome = 'success' | 'failure' | 'denied';

const bigintNumber = { to: (v: number) => v, from: (v: string) => Number(v) };

/**
 * One audited action. Append-only (triggers refuse UPDATE, DELETE and TRUNCATE, and any new row that
 * is not keyed) and chained per organization: `hash` = HMAC-SHA256(a key derived from the master key
 * named by chainKeyId, previous hash ‖ canonical fields), so any edit, deletion or reordering breaks
 * the chain at that point, and nobody without the master key can forge a link (audit-chain.ts).
 */
@Entity('audit_events')
@Unique('audit_events_organization_seq_key', ['organizationId', 'seq'])
@Index('audit_events_organization_occurred_idx', ['organizationId', 'occurredAt'])
export class AuditEvent {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  organizationId!: string;

  /** Position in the organization's chain, from 1. */
  @Column('bigint', { transformer: bigintNumber })
  seq!: number;

  @Column('timestamptz')
  occurredAt!: Date;

  @Column('text')
  actorType!: string;

  @Index()
  @Column('text', { nullable: true })
  actorId!: string | null;

  @Index()
  @Column('text')
  action!: string;

  @Column('text', { nullable: true })
  resourceType!: string | null;

  @Column('text', { nullable: true })
  resourceId!: string | null;

  @Column('text')
  outcome!: AuditOutcome;

  @Index()
  @Column('text', { nullable: true })
  correlationId!: string | null;

  @Column('text', { nullable: true })
  requestId!: string | null;

  @Column('text', { nullable: true })
  ip!: string | null;

  @Column('text', { nullable: true })
  userAgent!: string | null;

  @Column('jsonb', { default: () => "'{}'" })
  details!: Record<string, unknown>;

  @Column('bytea')
  prevHash!: Buffer;

  @Column('bytea')
  hash!: Buffer;

  /** How `hash` was computed: 1 unkeyed SHA-256 (rows from before keyed chaining), 2 keyed HMAC. */
  @Column('smallint')
  chainVersion!: number;

  /** The master key the link's HMAC key was derived from (version 2); null for version 1. */
  @Column('text', { nullable: true })
  chainKeyId!: string | null;
}

/**
 * The tip of each organization's chain: appends serialise on this row, for the length of their
 * transaction. It only moves forward (a trigger refuses a step back, DELETE and TRUNCATE); it is
 * a lock and a shortcut, not a proof: signed checkpoints are (AuditCheckpoint).
 */
@Entity('audit_chain_heads')
export class AuditChainHead {
  @PrimaryColumn('uuid')
  organizationId!: string;

  @Column('bigint', { transformer: bigintNumber })
  lastSeq!: number;

  @Column('bytea')
  lastHash!: Buffer;
}

/**
 * An Ed25519-signed statement of an organization's chain head (seq and hash) at a time, under a
 * key derived from a master key (keyId): what an auditor exports and keeps outside Marshal, so that
 * a later truncation or rewrite of the trail shows against it. Append-only, like the trail.
 */
@Entity('audit_checkpoints')
@Index('audit_checkpoints_organization_seq_idx', ['organizationId', 'seq'])
export class AuditCheckpoint {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  organizationId!: string;

  @Column('bigint', { transformer: bigintNumber })
  seq!: number;

  @Column('bytea')
  hash!: Buffer;

  @Column('timestamptz')
  signedAt!: Date;

  @Column('text')
  keyId!: string;

  /** 64 bytes: Ed25519 over the statement (audit-checkpoint.ts). */
  @Column('bytea')
  signature!: Buffer;

  /** `scheduled` (the background job) or `requested` (POST /audit-events/checkpoints). */
  @Column('text')
  origin!: 'scheduled' | 'requested';
}
