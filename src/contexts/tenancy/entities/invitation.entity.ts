import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CreatedTenantEntity } from '../../../kernel/tenancy/tenant-owned.entity.js';

export type InvitationStatus = 'pending' | 'accepted' | 'revoked' | 'expired';

/**
 * An invitation to join an organization with some roles. Its accept token is shown once and
 * stored as its SHA-256; it can be accepted once, until it expires or is revoked.
 */
@Entity('invitations')
export class Invitation extends CreatedTenantEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  email!: string;

  @Column('uuid', { array: true, default: () => "'{}'" })
  roleIds!: string[];

  @Column('bytea', { select: false })
  tokenHash!: Buffer;

  @Column('text')
  invitedBy!: string;

  @Column('timestamptz')
  expiresAt!: Date;

  @Column('timestamptz', { nullable: true })
  acceptedAt!: Date | null;

  @Column('uuid', { nullable: true })
  acceptedBy!: string | null;

  @Column('timestamptz', { nullable: true })
  revokedAt!: Date | null;

  get status(): InvitationStatus {
    if (this.acceptedAt) return 'accepted';
    if (this.revokedAt) return 'revoked';
    if (this.expiresAt <= new Date()) return 'expired';
    return 'pending';
  }
}
