import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CreatedTenantEntity } from '../../../kernel/tenancy/tenant-owned.entity.js';

/**
 * A role granted to a member, organization-wide or narrowed to a project or an environment.
 * One grant per (member, role, scope): the unique index on the scope is in the migration.
 */
@Entity('user_roles')
@Index('user_roles_unique_grant', { synchronize: false })
export class UserRole extends CreatedTenantEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Index()
  @Column('uuid')
  userId!: string;

  @Index()
  @Column('uuid')
  roleId!: string;

  @Column('uuid', { nullable: true })
  projectId!: string | null;

  @Column('uuid', { nullable: true })
  environmentId!: string | null;

  /** The principal that granted it (a user, or an API key acting for one). */
  @Column('text', { nullable: true })
  grantedBy!: string | null;

  @ManyToOne('User', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  private readonly user?: unknown;

  // A role that is still granted cannot be deleted: the service refuses first, the key guards.
  @ManyToOne('Role', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'role_id' })
  private readonly role?: unknown;
}
