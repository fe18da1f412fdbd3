import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { TimestampedTenantEntity } from '../../../kernel/tenancy/tenant-owned.entity.js';

export type ProjectStatus = 'active' | 'archived';

/** What an organization's work is about: a product or service, with its environments. */
@Entity('projects')
@Index(['organizationId', 'name'], { unique: true })
@Index(['organizationId', 'slug'], { unique: true })
export class Project extends TimestampedTenantEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @Column('text')
  slug!: string;

  @Column('text', { default: '' })
  description!: string;

  @Column('varchar', { length: 16, default: 'active' })
  status!: ProjectStatus;

  @Column('text', { nullable: true })
  createdBy!: string | null;
}
