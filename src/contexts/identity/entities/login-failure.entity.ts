import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Failed-login counters (LoginThrottleService), per (account, address) pair, per address and per
 * account, kept in PostgreSQL so that every replica sees the same counts without another shared
 * store, and a restart does not reset an attacker's delays.
 */
@Entity('login_failures')
export class LoginFailure {
  /**
   * `pair:<sha256 of the lower-cased email>@<address>`, `ip:<address>` or `account:<sha256 of the
   * lower-cased email>`: never the email itself.
   */
  @PrimaryColumn('text')
  key!: string;

  @Column('int')
  failures!: number;

  /** Counters are forgotten LOGIN_FAILURE_MEMORY_SECONDS after this; indexed for the sweep. */
  @Index()
  @Column('timestamptz')
  lastFailedAt!: Date;

  /** No attempt is checked before this time (429 with Retry-After); an account counter has none. */
  @Column('timestamptz', { nullable: true })
  delayedUntil!: Date | null;
}
