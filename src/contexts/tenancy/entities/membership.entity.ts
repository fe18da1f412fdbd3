import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';

/** A user's membership of an organization: what lets a principal act in it. */
@Entity('memberships')
@Unique('memberships_organization_user_key', ['organizationId', 'userId'])
export class Membership {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  organizationId!: string;

  @ManyToOne('Organization', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  private readonly organization?: unknown;

  @Index()
  @Column('uuid')
  userId!: string;

  @ManyToOne('User', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  private readonly user?: unknown;

  @Column('timestamptz', { default: () => 'now()' })
  createdAt!: Date;
}
