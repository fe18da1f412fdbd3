import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMarshalClient, MarshalClient } from '../../client/index.js';
import { checkErrorCodes } from './error-codes.js';
import { asApplicationRole, createDatabaseFromTemplate, dropDatabase, testDatabaseServer, withClient } from './database.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SERVER_ENTRY = join(ROOT, 'dist', 'src', 'main.js');
export const ADMIN = { email: 'owner@marshal.test', password: 'correct horse battery staple' };

export interface RunningServer {
  process: ChildProcess;
  baseUrl: string;
  /** Everything the process wrote so far (JSON log lines and the banner). */
  output(): string;
  /** Sends `signal` and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  exited: Promise<number | null>;
}

function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'test', ...env };
}

/** Runs a built script (the server by default) to its exit: for start-up failures and CLI scripts. */
export function runToExit(
  env: Record<string, string>,
  args: string[] = [SERVER_ENTRY],
  timeoutMs = 60_000,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`did not exit within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** Spawns the built server with exactly `env` (plus PATH/HOME) and waits for its banner. */
export async function spawnServer(env: Record<string, string>, timeoutMs = 45_000): Promise<RunningServer> {
  if (!existsSync(SERVER_ENTRY)) throw new Error(`${SERVER_ENTRY} is missing: run "npm run build" first (npm test does)`);
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    cwd: ROOT,
    env: childEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = () => {
      const match = /API\s+(http:\/\/\S+)\/api\/v1/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1].replace('localhost', '127.0.0.1'));
      }
    };
    child.stdout.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before it was up:\n${output}`));
    });
  });

  return {
    process: child,
    baseUrl,
    output: () => output,
    exited,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode !== null) return child.exitCode;
      child.kill(signal);
      return exited;
    },
  };
}

export interface TestServer extends RunningServer {
  /** The database as its owner (the test server's superuser): what `sql` connects with. */
  databaseUrl: string;
  /** The database as the role the server runs as, which owns nothing (the owner's URL when started with `role: 'owner'`). */
  applicationUrl: string;
  /** An unauthenticated typed client. */
  api: MarshalClient;
  /** A typed client sending `Authorization: Bearer <token>`. */
  as(token: string): MarshalClient;
  /** Logs in (as the owner by default) through the typed client. */
  login(email?: string, password?: string): Promise<{ accessToken: string; refreshToken: string }>;
  /** A query straight against this server's database, as its owner, for what the API does not expose. */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Stops the server and drops its database. */
  close(): Promise<void>;
}

/**
 * The built Marshal server over HTTP on a random port, against a database of its own copied from
 * the migrated template, started exactly as `npm start` starts it (migrations, first organization
 * and owner from ADMIN_EMAIL/ADMIN_PASSWORD). `env` adds or overrides configuration.
 * As the embedded PostgreSQL runs it by default, it connects as a role that owns nothing
 * (DATABASE_URL) and migrates as the owner (DATABASE_MIGRATION_URL); `role: 'owner'` runs it as the
 * owner, with DATABASE_URL alone.
 */
export async function startServer(env: Record<string, string> = {}, options: { role?: 'application' | 'owner' } = {}): Promise<TestServer> {
  const { adminUrl, template } = testDatabaseServer();
  const name = `marshal_t_${process.env.MARSHAL_TEST_RUN}_${randomBytes(5).toString('hex')}`;
  const databaseUrl = await createDatabaseFromTemplate(adminUrl, name, template);
  const applicationUrl = options.role === 'owner' ? databaseUrl : asApplicationRole(databaseUrl);
  let server: RunningServer;
  try {
    server = await spawnServer({
      LOG_LEVEL: 'info',
      DATABASE_URL: applicationUrl,
      ...(options.role === 'owner' ? {} : { DATABASE_MIGRATION_URL: databaseUrl }),
      DATABASE_POOL_SIZE: '5',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      // Suites fire requests faster than any client would; rate limits have a file of their own.
      RATE_LIMIT_ENABLED: 'false',
      ...env,
    });
  } catch (error) {
    await dropDatabase(adminUrl, name);
    throw error;
  }
  // Every answer of the typed clients is held to the error codes its operation declares.
  const checked = checkErrorCodes();
  const api = createMarshalClient(server.baseUrl, { fetch: checked });
  return {
    ...server,
    databaseUrl,
    applicationUrl,
    api,
    as: (token) => createMarshalClient(server.baseUrl, { token, fetch: checked }),
    async login(email = ADMIN.email, password = ADMIN.password) {
      const { data, response } = await api.POST('/api/v1/auth/login', { body: { email, password } });
      if (!data) throw new Error(`login failed with ${response.status}`);
      return { accessToken: data.data.accessToken, refreshToken: data.data.refreshToken };
    },
    sql: <T>(text: string, params: unknown[] = []) => withClient(databaseUrl, async (c) => (await c.query(text, params)).rows as T[]),
    async close() {
      await server.stop('SIGTERM');
      await dropDatabase(adminUrl, name);
    },
  };
}
