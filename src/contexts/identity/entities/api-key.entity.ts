import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CreatedTenantEntity } from '../../../kernel/tenancy/tenant-owned.entity.js';

export type ApiKeyStatus = 'active' | 'disabled' | 'revoked' | 'expired';

/**
 * A long-lived credential of an organization, acting for the user who created it and never
 * holding more than that user holds now. The secret is stored only as its SHA-256.
 */
@Entity('api_keys')
export class ApiKey extends CreatedTenantEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @Column('bytea', { select: false })
  secretHash!: Buffer;

  /** The subset of the creator's permissions the key may use; null: all of them. */
  @Column('text', { array: true, nullable: true })
  permissions!: string[] | null;

  @Column('uuid')
  createdBy!: string;

  @Column('timestamptz', { nullable: true })
  expiresAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  lastUsedAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  disabledAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  revokedAt!: Date | null;

  @ManyToOne('User', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'created_by' })
  private readonly creator?: unknown;

  get status(): ApiKeyStatus {
    if (this.revokedAt) return 'revoked';
    if (this.disabledAt) return 'disabled';
    if (this.expiresAt && this.expiresAt <= new Date()) return 'expired';
    return 'active';
  }
}
