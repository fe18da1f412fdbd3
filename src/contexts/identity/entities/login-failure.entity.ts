import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Failed-login counters, per account and per client IP, kept in PostgreSQL so that every replica
 * sees the same counts without any other shared store.
 */
@Entity('login_failures')
export class LoginFailure {
  /** `account:<sha256 of the lower-cased email>` or `ip:<address>`: never the email itself. */
  @PrimaryColumn('text')
  key!: string;

  @Column('int')
  failures!: number;

  /** Indexed for the sweep that deletes counters whose window has passed. */
  @Index()
  @Column('timestamptz')
  windowStartedAt!: Date;

  @Column('timestamptz', { nullable: true })
  lockedUntil!: Date | null;
}
