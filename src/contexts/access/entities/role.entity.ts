import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A named set of permissions. System roles are shared by every organization (organization_id is
 * null), synced from code at start-up and immutable; custom roles belong to one organization.
 */
@Entity('roles')
@Index('roles_system_key_key', ['key'], { unique: true, where: '"organization_id" IS NULL' })
@Index('roles_organization_key_key', ['organizationId', 'key'], { unique: true, where: '"organization_id" IS NOT NULL' })
export class Role {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { nullable: true })
  organizationId!: string | null;

  @Column('text')
  key!: string;

  @Column('text')
  name!: string;

  @Column('text', { default: '' })
  description!: string;

  @Column('boolean', { default: false })
  isSystem!: boolean;

  @Column('text', { array: true, default: () => "'{}'" })
  permissions!: string[];

  @Column('timestamptz', { default: () => 'now()' })
  createdAt!: Date;

  @Column('timestamptz', { default: () => 'now()' })
  updatedAt!: Date;
}
