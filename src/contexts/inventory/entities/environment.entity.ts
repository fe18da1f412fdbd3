import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { TimestampedTenantEntity } from '../../../kernel/tenancy/tenant-owned.entity.js';

export type EnvironmentTier = 'development' | 'testing' | 'staging' | 'production' | 'other';

/** Where things run (dev, staging, prod), within a project or for the whole organization. */
@Entity('environments')
@Index(['organizationId', 'projectId', 'name'], { unique: true, where: 'project_id IS NOT NULL' })
@Index(['organizationId', 'name'], { unique: true, where: 'project_id IS NULL' })
export class Environment extends TimestampedTenantEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { nullable: true })
  projectId!: string | null;

  @Column('text')
  name!: string;

  @Column('varchar', { length: 16, default: 'other' })
  tier!: EnvironmentTier;

  @Column('text', { default: '' })
  description!: string;

  /** The clusters it spans: secrets and agents of these clusters belong to it. */
  @Column('text', { array: true, default: () => "'{}'" })
  clusters!: string[];

  @Column('jsonb', { default: () => "'{}'" })
  labels!: Record<string, string>;

  @ManyToOne('Project', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'project_id' })
  private readonly project?: unknown;
}
