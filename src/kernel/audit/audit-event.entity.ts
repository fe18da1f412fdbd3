import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';

export type AuditOutcome = 'success' | 'failure' | 'denied';

/**
 * One audited action. Append-only (a trigger refuses UPDATE and DELETE) and hash-chained per
 * organization: `hash` = SHA-256(previous hash ‖ canonical fields), so any edit, deletion or
 * reordering breaks the chain at that point.
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
  @Column('bigint', { transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
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
}

/** The tip of each organization's chain: appends serialise on this row, for the length of their transaction. */
@Entity('audit_chain_heads')
export class AuditChainHead {
  @PrimaryColumn('uuid')
  organizationId!: string;

  @Column('bigint', { transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  lastSeq!: number;

  @Column('bytea')
  lastHash!: Buffer;
}
