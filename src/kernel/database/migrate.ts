import { DataSource } from 'typeorm';
import { installBackgroundSchema } from '../background/background-schema.js';
import { dataSourceOptions, MIGRATION_BOUNDS, MIGRATIONS_TABLE } from './data-source-options.js';
import { grantApplicationRole } from './database-roles.js';

/** Arbitrary, fixed: the advisory lock that serialises migrations across replicas starting together. */
const MIGRATION_LOCK = 7_246_001;

/**
 * Applies pending migrations, each in its own transaction. Replicas that start at once queue on an
 * advisory lock, so exactly one applies each migration and the others find nothing left to do.
 * With `applicationRole` (the application runs as a role that owns nothing: `url` is the schema
 * owner's), it then installs pg-boss's schema and grants that role what it needs, under the same
 * lock. Neither the migrations nor the wait for the lock have a time limit (a migration may rewrite
 * a large table, and a replica waits for another's); connecting has. Returns the names applied.
 */
export async function runMigrations(url: string, options: { applicationRole?: string; connectTimeoutMs?: number } = {}): Promise<string[]> {
  const connectTimeoutMs = options.connectTimeoutMs ?? MIGRATION_BOUNDS.connectTimeoutMs;
  const dataSource = new DataSource({ ...dataSourceOptions(url, 2, { ...MIGRATION_BOUNDS, connectTimeoutMs }), entities: [] });
  await dataSource.initialize();
  const lock = dataSource.createQueryRunner();
  try {
    await lock.connect();
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (options.applicationRole) {
      await installBackgroundSchema(url);
      await grantApplicationRole(lock, options.applicationRole);
    }
    return applied.map((m) => m.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.release();
    await dataSource.destroy();
  }
}

export interface MigrationState {
  applied: number;
  pending: string[];
  latest: string | null;
}

/** What /.well-known/engine-status reports: applied count, pending names, the latest applied. */
export async function migrationState(dataSource: DataSource): Promise<MigrationState> {
  const known = (dataSource.migrations ?? []).map((m) => m.name ?? m.constructor.name);
  const rows: { name: string }[] = await dataSource.query(`SELECT name FROM ${MIGRATIONS_TABLE} ORDER BY timestamp DESC, id DESC`);
  const applied = new Set(rows.map((r) => r.name));
  return { applied: rows.length, pending: known.filter((n) => !applied.has(n)), latest: rows[0]?.name ?? null };
}
