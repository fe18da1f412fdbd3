import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

/** One refresh token of a session's rotation family, stored as the SHA-256 of its secret. */
@Entity('refresh_tokens')
export class RefreshToken {
  @PrimaryColumn('uuid')
  id!: string;

  @Index()
  @Column('uuid')
  sessionId!: string;

  @ManyToOne('Session', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  private readonly session?: unknown;

  @Column('bytea', { select: false })
  secretHash!: Buffer;

  @Column('timestamptz', { default: () => 'now()' })
  createdAt!: Date;

  @Column('timestamptz')
  expiresAt!: Date;

  /** Set when the token is exchanged; a second exchange is reuse and revokes the family. */
  @Column('timestamptz', { nullable: true })
  usedAt!: Date | null;
}
