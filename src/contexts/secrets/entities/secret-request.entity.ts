import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { TimestampedTenantEntity } from '../../../kernel/tenancy/tenant-owned.entity.js';

export type SecretRequestKind = 'read' | 'patch';
/**
 * pending → approved (a job went to the cluster's agent) → completed | failed;
 * pending → rejected | cancelled | expired.
 */
export type SecretRequestStatus = 'pending' | 'approved' | 'completed' | 'failed' | 'rejected' | 'cancelled' | 'expired';

/**
 * Someone's request to read or patch a secret an agent discovered. Where the secret lives is
 * copied in, so the request reads the same after the inventory changes. The patch's new value is
 * not here: it waits, sealed, in a wrap for the agent.
 */
@Entity('secret_requests')
// Lists: newest first, and each filter newest first.
@Index(['organizationId', 'createdAt'])
@Index(['organizationId', 'status', 'createdAt'])
@Index(['organizationId', 'requesterId', 'createdAt'])
@Index(['organizationId', 'secretId', 'createdAt'])
export class SecretRequest extends TimestampedTenantEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('varchar', { length: 8 })
  kind!: SecretRequestKind;

  @Column('uuid')
  secretId!: string;

  @Column('text')
  clusterName!: string;

  @Column('text')
  namespace!: string;

  @Column('text')
  provider!: string;

  @Column('text')
  ref!: string;

  @Column('uuid', { nullable: true })
  projectId!: string | null;

  @Column('uuid', { nullable: true })
  environmentId!: string | null;

  /** The agent of the secret's cluster, which fetches or patches it. */
  @Column('uuid')
  agentId!: string;

  @Column('uuid')
  requesterId!: string;

  @Column('text')
  reason!: string;

  /** A read request's X25519 key (base64url): the value is then released sealed to it, end to end. */
  @Column('text', { nullable: true })
  recipientPublicKey!: string | null;

  @Column('varchar', { length: 16, default: 'pending' })
  status!: SecretRequestStatus;

  @Column('uuid', { nullable: true })
  jobId!: string | null;

  @Column('text', { nullable: true })
  failureCode!: string | null;

  @Column('text', { nullable: true })
  failureMessage!: string | null;

  @Column('timestamptz', { nullable: true })
  decidedAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  completedAt!: Date | null;
}
