import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CreatedTenantEntity } from '../../../kernel/tenancy/tenant-owned.entity.js';

/**
 * Ties a secret's location (cluster, namespace, ref: as a discovered secret names it) to the Argo CD
 * application that deploys what uses it, on one endpoint. An endpoint cannot be deleted while
 * mappings refer to it.
 */
@Entity('gitops_app_mappings')
@Index(['organizationId', 'endpointId', 'applicationName', 'clusterName', 'namespace', 'ref'], { unique: true })
@Index(['organizationId', 'clusterName', 'namespace', 'ref'])
@Index(['endpointId'])
export class GitopsAppMapping extends CreatedTenantEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  endpointId!: string;

  /** The Argo CD application's name. */
  @Column('text')
  applicationName!: string;

  @Column('text')
  clusterName!: string;

  @Column('text', { default: '' })
  namespace!: string;

  /** The secret's name or path within its provider. */
  @Column('text')
  ref!: string;

  @Column('text', { nullable: true })
  createdBy!: string | null;

  @ManyToOne('ArgocdEndpoint', { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'endpoint_id' })
  private readonly endpoint?: unknown;
}
