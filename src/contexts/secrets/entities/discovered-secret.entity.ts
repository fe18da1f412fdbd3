import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { TenantOwnedEntity } from '../../../kernel/tenancy/tenant-owned.entity.js';

export type DiscoveredSecretStatus = 'present' | 'missing' | 'error';

/**
 * A secret an agent found in a cluster: where it lives and what it is, never its value. Agents
 * report them in bulk; access requests name them.
 */
@Entity('discovered_secrets')
@Index(['organizationId', 'clusterName', 'namespace', 'provider', 'ref'], { unique: true })
@Index(['organizationId', 'ref'])
// The list's default order (by cluster, then ref).
@Index(['organizationId', 'clusterName', 'ref'])
export class DiscoveredSecret extends TenantOwnedEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  clusterName!: string;

  @Column('text', { default: '' })
  namespace!: string;

  /** Where the secret is kept: kubernetes, vault, aws-secrets-manager… */
  @Column('text')
  provider!: string;

  /** Its name or path within the provider. */
  @Column('text')
  ref!: string;

  @Column('jsonb', { default: () => "'{}'" })
  labels!: Record<string, string>;

  @Column('varchar', { length: 16 })
  status!: DiscoveredSecretStatus;

  @Column('text', { nullable: true })
  version!: string | null;

  /** The agent that reported it last. */
  @Column('uuid', { nullable: true })
  agentId!: string | null;

  @Column('timestamptz', { default: () => 'now()' })
  firstSeenAt!: Date;

  @Column('timestamptz', { default: () => 'now()' })
  lastSeenAt!: Date;
}
