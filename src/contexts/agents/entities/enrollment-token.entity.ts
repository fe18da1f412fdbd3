import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CreatedTenantEntity } from '../../../kernel/tenancy/tenant-owned.entity.js';

export type EnrollmentTokenState = 'active' | 'expired' | 'revoked';

/**
 * What a new agent presents to register itself: one live token per organization (or per
 * environment), expiring, replaced by a rotation. Stored as its SHA-256.
 */
@Entity('enrollment_tokens')
@Index(['organizationId', 'environmentId'])
export class EnrollmentToken extends CreatedTenantEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { nullable: true })
  environmentId!: string | null;

  @Column('bytea', { select: false })
  tokenHash!: Buffer;

  @Column('uuid')
  createdBy!: string;

  @Column('timestamptz')
  expiresAt!: Date;

  @Column('timestamptz', { nullable: true })
  revokedAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  lastUsedAt!: Date | null;

  @Column('int', { default: 0 })
  registrations!: number;

  get state(): EnrollmentTokenState {
    if (this.revokedAt) return 'revoked';
    if (this.expiresAt <= new Date()) return 'expired';
    return 'active';
  }
}
