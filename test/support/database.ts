import pg from 'pg';

/** Where the global setup left the test PostgreSQL: a server URL (maintenance db) and the template's name. */
export function testDatabaseServer(): { adminUrl: string; template: string } {
  const adminUrl = process.env.MARSHAL_TEST_ADMIN_URL;
  const template = process.env.MARSHAL_TEST_TEMPLATE;
  if (!adminUrl || !template) throw new Error('The e2e global setup did not run (MARSHAL_TEST_ADMIN_URL unset)');
  return { adminUrl, template };
}

/**
 * The login role the global setup made for servers to run as (it owns nothing), at `url`'s server
 * and database.
 */
export function asApplicationRole(url: string): string {
  const role = process.env.MARSHAL_TEST_APP_ROLE;
  const password = process.env.MARSHAL_TEST_APP_PASSWORD;
  if (!role || !password) throw new Error('The e2e global setup did not run (MARSHAL_TEST_APP_ROLE unset)');
  const u = new URL(url);
  u.username = role;
  u.password = password;
  return u.toString();
}

/** The same server URL pointing at another database. */
export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** CREATE DATABASE … TEMPLATE: retried while another file's copy briefly holds the template. */
export async function createDatabaseFromTemplate(adminUrl: string, name: string, template: string): Promise<string> {
  await withClient(adminUrl, async (client) => {
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)} TEMPLATE ${client.escapeIdentifier(template)}`);
        return;
      } catch (error) {
        // 55006: source database is being accessed by other users
        if ((error as { code?: string }).code !== '55006' || attempt > 50) throw error;
        await sleep(50 + Math.random() * 100);
      }
    }
  });
  return databaseUrl(adminUrl, name);
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`));
}
