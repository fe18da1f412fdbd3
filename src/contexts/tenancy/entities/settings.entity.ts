import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';
import { TenantOwnedEntity } from '../../../kernel/tenancy/tenant-owned.entity.js';

/** An organization's settings: one JSON document, replaced as a whole. */
@Entity('workspace_settings')
@Unique('workspace_settings_organization_key', ['organizationId'])
export class WorkspaceSettings extends TenantOwnedEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('jsonb', { default: () => "'{}'" })
  settings!: Record<string, unknown>;

  @Column('timestamptz', { default: () => 'now()' })
  updatedAt!: Date;

  @Column('text', { nullable: true })
  updatedBy!: string | null;
}

/** Platform-wide settings: a single row, edited by platform administrators. */
@Entity('platform_settings')
export class PlatformSettings {
  @PrimaryColumn('text')
  id!: 'platform';

  @Column('jsonb', { default: () => "'{}'" })
  settings!: Record<string, unknown>;

  @Column('timestamptz', { default: () => 'now()' })
  updatedAt!: Date;

  @Column('text', { nullable: true })
  updatedBy!: string | null;
}
