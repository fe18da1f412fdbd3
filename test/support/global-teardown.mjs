import { rmSync } from 'node:fs';
import pg from 'pg';

export default async function globalTeardown() {
  const embedded = globalThis.__MARSHAL_TEST_PG__;
  if (embedded) {
    await embedded.database.stop();
    rmSync(embedded.dir, { recursive: true, force: true });
    return;
  }
  // On a shared server, leave nothing behind: the template and any database a crashed file left.
  const client = new pg.Client({ connectionString: process.env.MARSHAL_TEST_ADMIN_URL });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2', [
      process.env.MARSHAL_TEST_TEMPLATE,
      `marshal_t_${process.env.MARSHAL_TEST_RUN}_%`,
    ]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(datname)} WITH (FORCE)`);
    if (process.env.MARSHAL_TEST_APP_ROLE)
      await client.query(`DROP ROLE IF EXISTS ${client.escapeIdentifier(process.env.MARSHAL_TEST_APP_ROLE)}`);
  } finally {
    await client.end();
  }
}
