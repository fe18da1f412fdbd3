import pino from 'pino';
import { createApp } from './app.factory.js';
import { FirstRunSetupService, FirstRunResult } from './contexts/tenancy/index.js';
import { AppConfig } from './kernel/config/app-config.js';
import { ConfigError, loadConfig } from './kernel/config/load-config.js';
import { EmbeddedDatabase } from './kernel/database/embedded-database.js';
import { chooseEmbeddedPort } from './kernel/database/embedded-port.js';
import { describeApplicationRole, roleOf } from './kernel/database/database-roles.js';
import { runMigrations } from './kernel/database/migrate.js';
import { LifecycleState } from './kernel/lifecycle/lifecycle-state.js';

function banner(config: AppConfig, baseUrl: string, setup: FirstRunResult | null): string {
  const lines = [
    '',
    `  Marshal ${config.build.version} is up (${config.env}${config.database.embedded ? ', embedded PostgreSQL' : ''})`,
    `    API           ${baseUrl}/api/v1`,
    `    Swagger UI    ${baseUrl}/docs`,
    `    OpenAPI       ${baseUrl}/openapi.json`,
  ];
  if (setup) {
    lines.push('', `  Created the first organization and its owner: ${setup.email}`);
    if (setup.generatedPassword) {
      lines.push(`  Generated password (shown this once; set ADMIN_PASSWORD to choose one): ${setup.generatedPassword}`);
    }
  }
  return `${lines.join('\n')}\n\n`;
}

/**
 * Migrations, as the schema owner (DATABASE_MIGRATION_URL or the embedded superuser) when the
 * application runs as a role of its own, which is then granted what it needs and no more; and a
 * warning when the application's role could disable the audit trail's triggers.
 */
async function prepareDatabase(config: AppConfig, log: pino.Logger): Promise<string[]> {
  const { url, migrationUrl } = config.database;
  let applied: string[];
  if (migrationUrl) {
    const [owner, application] = await Promise.all([roleOf(migrationUrl), roleOf(url!)]);
    if (owner === application) {
      // The same role both ways: nothing to grant it (revoking would strip the owner itself).
      config.database.migrationUrl = undefined;
      applied = await runMigrations(url!, { connectTimeoutMs: config.database.connectTimeoutMs });
    } else {
      applied = await runMigrations(migrationUrl, { applicationRole: application, connectTimeoutMs: config.database.connectTimeoutMs });
    }
  } else {
    applied = await runMigrations(url!, { connectTimeoutMs: config.database.connectTimeoutMs });
  }
  const role = await describeApplicationRole(url!);
  if (role.superuser || role.ownsAuditTables) {
    log.warn(
      { role: role.role, superuser: role.superuser, ownsAuditTables: role.ownsAuditTables },
      "the application connects as a database role that could disable the audit trail's append-only triggers: run it as a role that owns nothing, " +
        'with DATABASE_MIGRATION_URL naming the owner (docs/audit-trail.md)',
    );
  }
  return applied;
}

/**
 * `npm start`: validate config, start the embedded database when no DATABASE_URL is set, migrate,
 * create the first organization on an empty database, serve. SIGTERM or Ctrl-C drains in-flight
 * requests, closes the pool and stops the embedded database, within SHUTDOWN_TIMEOUT_MS.
 */
export async function runServer(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const log = pino({ level: config.logLevel, base: { context: 'Bootstrap' } });

  let embedded: EmbeddedDatabase | undefined;
  if (config.database.embedded) {
    const { port, chosen } = await chooseEmbeddedPort(config.dataDir, config.database.embedded.port).catch((error: Error) => {
      // Said plainly, once: which port, and which variable to set.
      log.fatal(`start-up failed: ${error.message}`);
      process.exit(1);
    });
    if (chosen)
      log.info(
        { port },
        `the embedded PostgreSQL's usual port is taken: using ${port}, remembered under DATA_DIR (EMBEDDED_DB_PORT sets one)`,
      );
    log.info({ dir: config.database.embedded.dir, port }, 'starting embedded PostgreSQL');
    embedded = await EmbeddedDatabase.start({ ...config.database.embedded, port, onLog: (line) => log.debug({ postgres: line }) });
    // The superuser owns the schema and migrates; the application logs in as a role that owns nothing.
    const { application } = config.database.embedded;
    await embedded.ensureLoginRole(application.role, application.password);
    config.database.migrationUrl = embedded.url();
    config.database.url = embedded.url('marshal', application);
  }
  const stopDatabase = async () => {
    await embedded?.stop().catch((error: unknown) => log.error({ err: error }, 'embedded PostgreSQL did not stop cleanly'));
  };

  let app: Awaited<ReturnType<typeof createApp>>;
  let setup: FirstRunResult | null;
  try {
    const applied = await prepareDatabase(config, log);
    if (applied.length) log.info({ migrations: applied }, 'applied migrations');
    app = await createApp(config);
    setup = await app.get(FirstRunSetupService).ensureFirstOrganization();
    await app.listen(config.port, config.host);
  } catch (error) {
    log.fatal({ err: error }, 'start-up failed');
    await stopDatabase();
    process.exit(1);
  }

  const server = app.getHttpServer();
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  process.stdout.write(banner(config, `http://${host}:${port}`, setup));

  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    log.info({ signal }, 'shutting down: draining in-flight requests');
    app.get(LifecycleState).beginShutdown();
    const deadline = setTimeout(() => {
      log.error({ timeoutMs: config.shutdownTimeoutMs }, 'shutdown timed out; closing remaining connections');
      server.closeAllConnections();
      void stopDatabase().finally(() => process.exit(1));
    }, config.shutdownTimeoutMs);
    deadline.unref();
    // Stop accepting now; keep-alive sockets are closed as soon as their request is answered.
    // Streams, long-polls and sockets let go at beginShutdown; the requests in flight finish
    // before the application (and its database pool) closes.
    const drained = new Promise<void>((resolve) => server.close(() => resolve()));
    const idleSweep = setInterval(() => server.closeIdleConnections(), 100);
    await drained;
    // Handlers whose client hung up are not connections any more, but they still run.
    await app.get(LifecycleState).idle();
    try {
      await app.close();
    } catch (error) {
      log.error({ err: error }, 'error while closing the application');
    }
    clearInterval(idleSweep);
    await stopDatabase();
    clearTimeout(deadline);
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', (s) => void shutdown(s));
  process.on('SIGINT', (s) => void shutdown(s));
}
