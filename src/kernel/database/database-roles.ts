import pg from 'pg';
import { ADVANCE_ONLY_TABLES, APPEND_ONLY_TABLES } from '../audit/audit-tables.js';

/** A connection of the schema owner's (a TypeORM query runner, a pg client): `query` answers the rows. */
type Queryable = { query(text: string): Promise<unknown> };

/** Start-up checks: a database that does not answer fails the start in seconds, never hangs it. */
const connect = (url: string) =>
  new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000, statement_timeout: 10_000, application_name: 'marshal-migrate' });

/** The role a connection URL logs in as (which also proves the credentials work). */
export async function roleOf(url: string): Promise<string> {
  const client = connect(url);
  await client.connect();
  try {
    const { rows } = await client.query<{ role: string }>('SELECT current_user AS role');
    return rows[0].role;
  } finally {
    await client.end();
  }
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * What the application's role may do, granted by the schema owner after every migration run (so
 * tables a migration adds are covered): read and write rows everywhere, except that the audit
 * tables take only SELECT and INSERT (and the chain heads UPDATE too, which their trigger keeps
 * forward-only), and the migration history is read-only. No TRUNCATE, no REFERENCES, no TRIGGER,
 * and no ownership: the role can neither alter an audit table nor disable its triggers.
 *
 * Not a migration: the role's name is the deployment's (DATABASE_URL's user), known only at run
 * time, and a grant names it. Idempotent; runs under the migration lock (concurrent GRANTs on one
 * table fail with "tuple concurrently updated").
 */
export async function grantApplicationRole(owner: Queryable, role: string): Promise<void> {
  const r = ident(role);
  const tables = (names: readonly string[]) => names.map(ident).join(', ');
  const statements = [
    `GRANT USAGE ON SCHEMA public TO ${r}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`,
    // Whatever an earlier setup may have granted beyond that.
    `REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM ${r}`,
    `REVOKE UPDATE, DELETE ON ${tables(APPEND_ONLY_TABLES)} FROM ${r}`,
    `REVOKE DELETE ON ${tables(ADVANCE_ONLY_TABLES)} FROM ${r}`,
    `REVOKE INSERT, UPDATE, DELETE ON "schema_migrations" FROM ${r}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`,
  ];
  // pg-boss (background jobs): the owner installs its schema too; the application works its queues.
  const [pgboss] = (await owner.query(`SELECT 1 FROM pg_namespace WHERE nspname = 'pgboss'`)) as unknown[];
  if (pgboss) {
    statements.push(
      `GRANT USAGE ON SCHEMA pgboss TO ${r}`,
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA pgboss TO ${r}`,
      `REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA pgboss FROM ${r}`,
      `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA pgboss TO ${r}`,
      `GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA pgboss TO ${r}`,
    );
  }
  // One transaction: a replica already serving never sees the role half-granted.
  await owner.query('BEGIN');
  try {
    for (const statement of statements) await owner.query(statement);
    await owner.query('COMMIT');
  } catch (error) {
    await owner.query('ROLLBACK');
    throw error;
  }
}

/** How far the application's role could reach past the audit trail's protections. */
export interface ApplicationRoleReport {
  role: string;
  superuser: boolean;
  /** It owns (or is a member of the owner of) audit_events: it could disable its triggers. */
  ownsAuditTables: boolean;
}

export async function describeApplicationRole(url: string): Promise<ApplicationRoleReport> {
  const client = connect(url);
  await client.connect();
  try {
    const { rows } = await client.query<ApplicationRoleReport>(
      `SELECT current_user AS role, r.rolsuper AS superuser, pg_has_role(current_user, c.relowner, 'MEMBER') AS "ownsAuditTables"
         FROM pg_roles r, pg_class c
        WHERE r.rolname = current_user AND c.oid = 'audit_events'::regclass`,
    );
    return rows[0];
  } finally {
    await client.end();
  }
}
