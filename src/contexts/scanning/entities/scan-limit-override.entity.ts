import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';
import { TimestampedTenantEntity } from '../../../kernel/tenancy/tenant-owned.entity.js';

/**
 * The platform operator's overrides of an organization's scanning quotas: one row per organization,
 * each limit it names replacing the configuration's. Not workspace settings: those are the tenant's
 * own to edit, and a tenant raising its own quota defeats the quota.
 */
@Entity('scan_limit_overrides')
@Unique('scan_limit_overrides_organization_key', ['organizationId'])
export class ScanLimitOverride extends TimestampedTenantEntity {
  @PrimaryColumn('uuid')
  id!: string;

  /** By the names GET /ops/limits gives them (SCAN_LIMITS): `{"uploadMaxBytes": 1048576}`. */
  @Column('jsonb', { default: () => "'{}'" })
  limits!: Record<string, number>;

  @Column('text', { nullable: true })
  updatedBy!: string | null;
}
