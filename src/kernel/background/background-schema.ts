import { PgBoss } from 'pg-boss';

/** The schema pg-boss keeps its queues in, in Marshal's own database. */
export const BACKGROUND_SCHEMA = 'pgboss';

/**
 * Installs (or migrates) pg-boss's schema, as the schema owner: the application's own role, when it
 * is a role of its own, may not create objects, so its pg-boss only checks the schema is there.
 */
export async function installBackgroundSchema(url: string): Promise<void> {
  const boss = new PgBoss({
    connectionString: url,
    schema: BACKGROUND_SCHEMA,
    max: 1,
    schedule: false,
    supervise: false,
    migrate: true,
    application_name: 'marshal-migrate',
  });
  boss.on('error', () => undefined);
  await boss.start();
  await boss.stop({ graceful: false, close: true });
}
