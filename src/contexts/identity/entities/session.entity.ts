import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

/**
 * A login. Its refresh tokens form one rotation family; revoking the session (logout, or reuse of a
 * rotated refresh token) ends every access and refresh token issued under it.
 */
@Entity('sessions')
export class Session {
  @PrimaryColumn('uuid')
  id!: string;

  @Index()
  @Column('uuid')
  userId!: string;

  @ManyToOne('User', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  private readonly user?: unknown;

  /** The organization the session acts in unless a request names another membership. */
  @Column('uuid')
  organizationId!: string;

  @ManyToOne('Organization', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  private readonly organization?: unknown;

  @Column('timestamptz', { default: () => 'now()' })
  createdAt!: Date;

  /** Absolute end of the session, whatever the refreshes. */
  @Column('timestamptz')
  expiresAt!: Date;

  @Column('timestamptz', { nullable: true })
  revokedAt!: Date | null;

  @Column('text', { nullable: true })
  revokedReason!: string | null;

  @Column('text', { nullable: true })
  ip!: string | null;

  @Column('text', { nullable: true })
  userAgent!: string | null;
}
