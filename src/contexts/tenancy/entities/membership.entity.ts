import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { CreatedTenantEntity } from '../../../kernel/tenancy/tenant-owned.entity.js';

/** A user's membership of an organization: what lets a principal act in it. */
@Entity('memberships')
@Unique('memberships_organization_user_key', ['organizationId', 'userId'])
export class Membership extends CreatedTenantEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Index()
  @Column('uuid')
  userId!: string;

  @ManyToOne('User', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  private readonly user?: unknown;
}
