import type { ClientConfig } from 'pg';
import type { DataSourceOptions } from 'typeorm';
import { migrations } from '../../database/migrations/index.js';
import { BoundedClient } from './bounded-client.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

export const MIGRATIONS_TABLE = 'schema_migrations';

/** How long the database may take: see DATABASE_QUERY_TIMEOUT_MS and DATABASE_CONNECT_TIMEOUT_MS. */
export interface DatabaseBounds {
  /** One query: 0 leaves it unbounded (migrations, which may legitimately run long). */
  queryTimeoutMs: number;
  /** Opening a connection, and waiting for a free one in the pool. */
  connectTimeoutMs: number;
}

export const DEFAULT_BOUNDS: DatabaseBounds = { queryTimeoutMs: 5_000, connectTimeoutMs: 3_000 };

/** Migrations (and the lock that makes replicas take turns at them) run as long as they need. */
export const MIGRATION_BOUNDS: DatabaseBounds = { queryTimeoutMs: 0, connectTimeoutMs: DEFAULT_BOUNDS.connectTimeoutMs };

/**
 * The client-side bound comes this long after the server's own: a server that answers cancels the
 * query itself (57014) and keeps the connection; one that cannot (frozen, cut off) gets dropped.
 */
const CLIENT_MARGIN_MS = 1_000;

/**
 * node-postgres options that bound every connection Marshal opens (the pool's, the event
 * listener's, pg-boss's): a connection attempt, each query (statement_timeout on the server, which
 * a frozen server cannot enforce, so query_timeout on the client too), and TCP keepalive, so that a
 * connection whose peer vanished (a network partition) is noticed instead of waited on for good.
 */
export function connectionBounds(bounds: DatabaseBounds): ClientConfig {
  return {
    connectionTimeoutMillis: bounds.connectTimeoutMs,
    ...(bounds.queryTimeoutMs > 0
      ? { statement_timeout: bounds.queryTimeoutMs, query_timeout: bounds.queryTimeoutMs + CLIENT_MARGIN_MS }
      : {}),
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  };
}

/**
 * Connection options shared by the application, the migration runner and ormconfig.ts.
 * Entities are added by whoever builds the DataSource: Nest registers each context's own.
 */
export function dataSourceOptions(url: string, poolSize = 10, bounds: DatabaseBounds = DEFAULT_BOUNDS): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    namingStrategy: new SnakeNamingStrategy(),
    migrations,
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    extra: {
      max: poolSize,
      application_name: 'marshal',
      ...connectionBounds(bounds),
      idle_in_transaction_session_timeout: 60_000,
      // Drops a connection whose query timed out, instead of handing it to the next request.
      Client: BoundedClient,
    },
  };
}
