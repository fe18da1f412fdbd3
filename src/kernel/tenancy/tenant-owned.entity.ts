import { Column, Index } from 'typeorm';

/**
 * Base of every tenant-owned table: each row belongs to exactly one organization. Such tables are
 * read and written only through TenantData, which adds the organization to every query.
 */
export abstract class TenantOwnedEntity {
  @Index()
  @Column('uuid')
  organizationId!: string;
}
