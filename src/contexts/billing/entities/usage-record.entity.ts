import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CreatedTenantEntity } from '../../../kernel/tenancy/tenant-owned.entity.js';

/**
 * One metered quantity of one resource (seed 004 billing, seed 003 usage): a scan's bytes, its
 * scanner seconds. At most one row per (resource, meter): a retried settle records nothing twice.
 * Summaries are SQL aggregates over these rows, by meter and period.
 */
@Entity('usage_records')
@Index(['organizationId', 'occurredAt'])
@Index(['organizationId', 'meter', 'occurredAt'])
@Index('usage_records_resource_meter_key', ['organizationId', 'resourceType', 'resourceId', 'meter'], { unique: true })
export class UsageRecord extends CreatedTenantEntity {
  @PrimaryColumn('uuid')
  id!: string;

  /** A stable meter name: `scan`, `scan.bytes`, `scan.scanner_seconds`. */
  @Column('varchar', { length: 64 })
  meter!: string;

  /** Exact: numeric, read as a decimal string. */
  @Column('numeric', { precision: 30, scale: 6 })
  quantity!: string;

  @Column('varchar', { length: 32 })
  resourceType!: string;

  @Column('varchar', { length: 128 })
  resourceId!: string;

  /** A few labels to break usage down by (the scanner tools, the repository). */
  @Column('jsonb', { default: () => "'{}'" })
  dimensions!: Record<string, unknown>;

  @Column('timestamptz')
  occurredAt!: Date;
}
