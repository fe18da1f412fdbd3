import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';

/**
 * One Idempotency-Key of one principal in one organization, kept 24 h with the outcome of the
 * first request. The outcome is envelope-encrypted: it can hold a secret shown once (a new API key).
 */
@Entity('idempotency_keys')
@Unique('idempotency_keys_scope_key', ['organizationId', 'principalId', 'key'])
export class IdempotencyKey {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  organizationId!: string;

  @Column('text')
  principalId!: string;

  @Column('text')
  key!: string;

  /** SHA-256 of method, URL and canonical body: the same key with another request is refused. */
  @Column('bytea')
  requestHash!: Buffer;

  @Column('text')
  state!: 'in_progress' | 'completed';

  /** When the request holding the key started (or took it over). */
  @Column('timestamptz')
  lockedAt!: Date;

  /**
   * The IdempotencyHolder id of the process running the request: while no session holds its
   * advisory lock, that process is gone and a retry takes the key over. Null on keys written before
   * holders were recorded; those are taken over once `lockedAt` is five minutes old.
   */
  @Column('bigint', { nullable: true })
  holder!: string | null;

  @Column('bytea', { nullable: true })
  outcome!: Buffer | null;

  @Column('timestamptz', { default: () => 'now()' })
  createdAt!: Date;

  @Index()
  @Column('timestamptz')
  expiresAt!: Date;
}
