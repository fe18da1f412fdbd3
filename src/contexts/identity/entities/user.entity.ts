import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type UserStatus = 'active' | 'disabled';

@Entity('users')
@Check('users_status_check', `"status" IN ('active', 'disabled')`)
// Emails are unique case-insensitively; the expression index is created by the migration.
@Index('users_email_lower_key', { synchronize: false })
export class User {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  email!: string;

  @Column('text')
  displayName!: string;

  /** argon2id; null for a user who cannot log in with a password. */
  @Column('text', { nullable: true, select: false })
  passwordHash!: string | null;

  @Column('text', { default: 'active' })
  status!: UserStatus;

  @Column('timestamptz', { nullable: true })
  lastLoginAt!: Date | null;

  @Column('timestamptz', { default: () => 'now()' })
  createdAt!: Date;

  @Column('timestamptz', { default: () => 'now()' })
  updatedAt!: Date;
}
