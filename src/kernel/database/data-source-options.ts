import type { DataSourceOptions } from 'typeorm';
import { migrations } from '../../database/migrations/index.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

export const MIGRATIONS_TABLE = 'schema_migrations';

/**
 * Connection options shared by the application, the migration runner and ormconfig.ts.
 * Entities are added by whoever builds the DataSource: Nest registers each context's own.
 */
export function dataSourceOptions(url: string, poolSize = 10): DataSourceOptions {
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
      // A query that hangs must not hold a request (or shutdown) forever.
      statement_timeout: 30_000,
      idle_in_transaction_session_timeout: 60_000,
      connectionTimeoutMillis: 5_000,
    },
  };
}
