import { randomBytes } from 'node:crypto';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { connectionBounds } from '../database/data-source-options.js';
import { OutageLog } from '../background/outage-log.js';
import { AppConfig } from '../config/app-config.js';

/** Until PostgreSQL itself notices a vanished host (no FIN, no RST): idle 10 s, then 3 probes 5 s apart. */
const SERVER_KEEPALIVE = '-c tcp_keepalives_idle=10 -c tcp_keepalives_interval=5 -c tcp_keepalives_count=3';
/** Short: while the lock is gone, retries of this process's keys in flight could take them over. */
const MAX_RECONNECT_DELAY_MS = 4_000;

/**
 * SQL: whether some session holds the advisory lock of the holder id in `column` (a bigint).
 * pg_locks shows a bigint advisory key as its high half (classid) and low half (objid), objsubid 1.
 */
export const holderLockHeld = (column: string) =>
  `EXISTS (SELECT 1 FROM pg_locks l WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
     AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
     AND l.classid = (${column} >> 32)::oid AND l.objid = (${column} & 4294967295)::oid)`;

/**
 * This process as the holder of the idempotency keys its requests claim. It keeps one
 * session-level advisory lock, keyed by a random 63-bit id, on a connection of its own for its
 * whole life, and a key in progress records that id. PostgreSQL drops the lock as soon as that
 * session ends, so any replica can tell a key whose request may still run (the lock is held) from
 * one whose process died (it is not), without a clock. A killed process's socket closes at once;
 * a vanished host is noticed by the server-side TCP keepalives set here, within about 25 s.
 *
 * The lock is taken in shared mode so that after a lost connection the process takes the same
 * lock again, even while the server still keeps the old session: the keys claimed before are its
 * own again. In the gap a retry may take one of them over; the request that held it then cannot
 * record its outcome (IdempotencyService.complete), and its change rolls back with its transaction.
 */
@Injectable()
export class IdempotencyHolder implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(IdempotencyHolder.name);
  private readonly outage = new OutageLog(this.logger, 'hold the idempotency lock');
  /** A bigint as PostgreSQL takes it: random, positive, so unique among processes in practice. */
  readonly id = (randomBytes(8).readBigUInt64BE() >> 1n).toString();
  private client?: pg.Client;
  private stopping = false;
  private reconnectDelayMs = 250;

  constructor(private readonly config: AppConfig) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.connect();
  }

  /** After the requests in flight finished (the server drains them before the application closes). */
  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.config.database.url,
      application_name: 'marshal-idempotency',
      // Bounded like every connection (a frozen database must not hang the start or a reconnect),
      // with server-side keepalives too: the server must notice a vanished host and free its lock.
      ...connectionBounds(this.config.database),
      options: SERVER_KEEPALIVE,
    });
    // The loss is logged when the connection ends, once per outage (see outage).
    let lost: unknown;
    client.on('error', (error) => (lost = error));
    try {
      await client.connect();
      await client.query('SELECT pg_advisory_lock_shared($1::bigint)', [this.id]);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    this.client = client;
    this.reconnectDelayMs = 250;
    client.on('end', () => {
      if (this.stopping) return;
      this.client = undefined;
      this.outage.failed(lost ?? new Error('Connection terminated unexpectedly'));
      setTimeout(() => void this.reconnect(), this.reconnectDelayMs).unref();
    });
  }

  private async reconnect(): Promise<void> {
    if (this.stopping) return;
    try {
      await this.connect();
      this.outage.succeeded();
    } catch (error) {
      this.reconnectDelayMs = Math.min(this.reconnectDelayMs * 2, MAX_RECONNECT_DELAY_MS);
      this.outage.failed(error);
      setTimeout(() => void this.reconnect(), this.reconnectDelayMs).unref();
    }
  }
}
