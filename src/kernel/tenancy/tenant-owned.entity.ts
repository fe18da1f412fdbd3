import { Column, CreateDateColumn, Index, JoinColumn, ManyToOne } from 'typeorm';

/**
 * The organization column alone, without a foreign key of its own: for a table whose rows reach
 * their organization through a parent (team_members, through its team). Prefer TenantOwnedEntity.
 */
export abstract class TenantOwnedRow {
  @Index()
  @Column('uuid')
  organizationId!: string;
}

/**
 * Base of every tenant-owned table: each row belongs to exactly one organization, and goes with it
 * (organization_id references organizations, ON DELETE CASCADE). Such tables are read and written
 * only through TenantData, which adds the organization to every query.
 */
export abstract class TenantOwnedEntity extends TenantOwnedRow {
  @ManyToOne('Organization', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  private readonly organization?: unknown;
}

/** A tenant-owned row that records when it was created (`created_at timestamptz DEFAULT now()`). */
export abstract class CreatedTenantEntity extends TenantOwnedEntity {
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/**
 * A tenant-owned row that is edited: `updated_at timestamptz DEFAULT now()` as well. It is a plain
 * column, not an UpdateDateColumn: ScopedRepository.update, updateReturning and apply stamp it (with
 * the application's clock, as the services did), and a write that is not an edit of the resource
 * (bookkeeping, a wake-up) says `{ touch: false }`. Raw SQL sets `updated_at = now()` itself.
 */
export abstract class TimestampedTenantEntity extends CreatedTenantEntity {
  @Column('timestamptz', { default: () => 'now()' })
  updatedAt!: Date;
}
