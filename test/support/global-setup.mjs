// Jest loads global setup outside its module system, so this is plain JavaScript and uses the
// compiled code in dist/ (`npm test` builds first): the migrations tested are the ones that ship.
import { chmodSync, existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

async function compiled(path) {
  const file = join(root, 'dist', path);
  if (!existsSync(file)) throw new Error(`${file} is missing: run "npm run build" first (npm test does)`);
  return import(file);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * Starts an embedded PostgreSQL for the run (or uses DATABASE_URL's server), migrates a template
 * database once, and tells the test workers where it is through the environment.
 */
export default async function globalSetup() {
  const { EmbeddedDatabase } = await compiled('src/kernel/database/embedded-database.js');
  const { runMigrations } = await compiled('src/kernel/database/migrate.js');
  let adminUrl;
  if (process.env.DATABASE_URL) {
    adminUrl = withDatabase(process.env.DATABASE_URL, 'postgres');
  } else {
    // mkdtemp folders are 0700; PostgreSQL runs as another user when we are root and must enter it.
    const dir = mkdtempSync(join(tmpdir(), 'marshal-test-pg-'));
    chmodSync(dir, 0o755);
    const database = await EmbeddedDatabase.start({
      dir: join(dir, 'pg'),
      port: await freePort(),
      password: randomBytes(16).toString('hex'),
      ephemeral: true,
    });
    globalThis.__MARSHAL_TEST_PG__ = { database, dir };
    adminUrl = database.url('postgres');
  }
  const template = `marshal_template_${process.pid}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${template}`);
  } finally {
    await client.end();
  }
  await runMigrations(withDatabase(adminUrl, template));
  // pg-boss installs its own schema on first start; do it once here so every copy starts with it.
  const { installBackgroundSchema } = await compiled('src/kernel/background/background-schema.js');
  await installBackgroundSchema(withDatabase(adminUrl, template));
  // The login role servers run as, as in production: it owns nothing, and each server's start-up
  // (migrating as the owner, DATABASE_MIGRATION_URL) grants it what it needs in its own database.
  const appRole = `marshal_app_t${process.pid}`;
  const appPassword = randomBytes(16).toString('hex');
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE ROLE ${appRole} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '${appPassword}'`);
  } finally {
    await admin.end();
  }
  process.env.MARSHAL_TEST_APP_ROLE = appRole;
  process.env.MARSHAL_TEST_APP_PASSWORD = appPassword;
  process.env.MARSHAL_TEST_ADMIN_URL = adminUrl;
  process.env.MARSHAL_TEST_TEMPLATE = template;
  // Each file's database is named after the run, so teardown can find any a crashed file left.
  process.env.MARSHAL_TEST_RUN = String(process.pid);
}
