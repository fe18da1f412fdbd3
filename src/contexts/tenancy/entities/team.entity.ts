import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { TenantOwnedRow, TimestampedTenantEntity } from '../../../kernel/tenancy/tenant-owned.entity.js';

@Entity('teams')
@Unique('teams_organization_name_key', ['organizationId', 'name'])
export class Team extends TimestampedTenantEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @Column('text', { default: '' })
  description!: string;
}

@Entity('team_members')
@Unique('team_members_team_user_key', ['teamId', 'userId'])
export class TeamMember extends TenantOwnedRow {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  teamId!: string;

  @Index()
  @Column('uuid')
  userId!: string;

  @Column('timestamptz', { default: () => 'now()' })
  createdAt!: Date;

  @ManyToOne('Team', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'team_id' })
  private readonly team?: unknown;

  @ManyToOne('User', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  private readonly user?: unknown;
}
