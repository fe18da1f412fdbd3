import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CreatedTenantEntity } from '../../../kernel/tenancy/tenant-owned.entity.js';

/** to_requester: a value an agent fetched (read flow); to_agent: the new value for the agent to write (patch flow). */
export type WrapDirection = 'to_requester' | 'to_agent';
export type ShredReason = 'consumed' | 'expired' | 'withdrawn';

/**
 * A secret value in transit, sealed at rest (envelope encryption, its data key wrapped by the KMS),
 * retrievable once by its one recipient while it lasts. Retrieval, expiry and withdrawal all shred
 * it: the sealed bytes (with the wrapped data key) are deleted, and only the record remains.
 */
@Entity('secret_wraps')
@Index(['organizationId', 'requestId'])
@Index('secret_wraps_shreddable', ['expiresAt'], { where: '"sealed" IS NOT NULL' })
export class SecretWrap extends CreatedTenantEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  requestId!: string;

  /** The job it belongs to (read flow: set when the agent posts it; patch flow: when the job is queued). */
  @Column('uuid', { nullable: true })
  jobId!: string | null;

  @Column('varchar', { length: 16 })
  direction!: WrapDirection;

  /** The user (to_requester) or agent (to_agent) that may retrieve it. */
  @Column('uuid')
  recipientId!: string;

  /** The sealed value; null once shredded. Never selected unless asked for. */
  @Column('bytea', { nullable: true, select: false })
  sealed!: Buffer | null;

  /** The additional data it is sealed with. */
  @Column('text')
  context!: string;

  /** When it became retrievable (a patch's value: on final approval). */
  @Column('timestamptz', { nullable: true })
  releasedAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  expiresAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  consumedAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  shreddedAt!: Date | null;

  @Column('varchar', { length: 16, nullable: true })
  shredReason!: ShredReason | null;

  @ManyToOne('SecretRequest', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id' })
  private readonly request?: unknown;
}
