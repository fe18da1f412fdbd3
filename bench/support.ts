import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { chmodSync, closeSync, openSync, readFileSync } from 'node:fs';
import { connect, createServer, type Socket } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { EmbeddedDatabase } from '../src/kernel/database/embedded-database.js';
import { runMigrations } from '../src/kernel/database/migrate.js';

/** What every benchmark needs: a database of its own, servers as child processes, and cleanup. */

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..'); // from dist/bench

/** Undone in reverse order at the end, also on failure or Ctrl-C: servers, database, folders. */
export const cleanups: (() => Promise<void> | void)[] = [];
export async function cleanUp(): Promise<void> {
  for (const undo of cleanups.splice(0).reverse()) {
    try {
      await undo();
    } catch (error) {
      console.error('cleanup failed:', error);
    }
  }
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return address.port;
}

export async function query<T extends pg.QueryResultRow>(url: string, text: string, values?: unknown[]): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** A fresh, migrated database on DATABASE_URL's server or on an embedded one; dropped at the end. */
export async function provisionDatabase(workDir: string): Promise<{ url: string; server: string }> {
  let adminUrl = process.env.DATABASE_URL;
  let server = 'DATABASE_URL';
  if (!adminUrl) {
    // As root, PostgreSQL runs as "postgres", who must be able to enter the folder (mkdtemp gives 0700).
    chmodSync(workDir, 0o755);
    const db = await EmbeddedDatabase.start({
      dir: join(workDir, 'pg'),
      port: await freePort(),
      password: randomBytes(16).toString('hex'),
      ephemeral: true,
    });
    cleanups.push(() => db.stop());
    adminUrl = db.url('postgres');
    server = 'embedded';
  }
  const name = `marshal_bench_${randomBytes(5).toString('hex')}`;
  await query(adminUrl, `CREATE DATABASE ${name}`);
  const admin = adminUrl;
  cleanups.push(async () => void (await query(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await runMigrations(url.toString());
  const [{ server_version }] = await query<{ server_version: string }>(url.toString(), 'SHOW server_version');
  return { url: url.toString(), server: `${server}, PostgreSQL ${server_version}` };
}

export interface Child {
  name: string;
  baseUrl: string;
  logFile: string;
  pid: number;
  stop: () => Promise<void>;
}

export function tail(file: string, lines = 30): string {
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

/**
 * Starts `node <entry>` and waits until its output matches `ready` (group 1: the base URL). Output
 * goes to a file, not to a pipe this process reads: that would take CPU from the load generator.
 */
export async function spawnChild(name: string, entry: string, env: Record<string, string>, ready: RegExp, logDir: string): Promise<Child> {
  const slug = name.replace(/\W+/g, '-').replace(/-$/, '');
  const logFile = join(logDir, `${slug}.log`);
  const fd = openSync(logFile, 'a');
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${resolve(process.env.BENCH_CPU_PROF, slug)}`] : [];
  const child: ChildProcess = spawn(process.execPath, [...profile, entry], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const running = () => child.exitCode === null && child.signalCode === null;
  const stop = async () => {
    if (!running()) return;
    child.kill('SIGTERM');
    const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(force);
  };
  cleanups.push(stop);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const match = ready.exec(readFileSync(logFile, 'utf8'));
    if (match) return { name, baseUrl: match[1].replace('localhost', '127.0.0.1'), logFile, pid: child.pid!, stop };
    if (!running() || Date.now() > deadline) {
      throw new Error(
        `${name} did not start (${running() ? 'timed out' : `exited ${child.exitCode ?? child.signalCode}`}):\n${tail(logFile)}`,
      );
    }
    await sleep(100);
  }
}

// ---------------------------------------------------------------------------------------------
// Marshal under a bench.

/** The built server, and the line it prints once it listens (group 1: its base URL). */
export const MARSHAL_ENTRY = join(ROOT, 'dist', 'src', 'main.js');
export const MARSHAL_BANNER = /API\s+(http:\/\/\S+)\/api\/v1/;

/** The keys production mode requires; processes that must accept each other's tokens share one pair. */
export interface ServerKeys {
  signingKey: string;
  encryptionKey: string;
}

export function serverKeys(): ServerKeys {
  return {
    signingKey: generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    encryptionKey: randomBytes(32).toString('base64'),
  };
}

/**
 * Marshal's environment under a bench, as users run it: production mode with explicit keys, a free
 * port on 127.0.0.1, the bench's owner, access tokens that outlive any run and no rate limits.
 * `extra` adds variables or overrides these.
 */
export function marshalEnv(options: {
  databaseUrl: string;
  admin: { email: string; password: string };
  logLevel: string;
  keys?: ServerKeys;
  extra?: Record<string, string>;
}): Record<string, string> {
  const keys = options.keys ?? serverKeys();
  return {
    NODE_ENV: 'production',
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: options.databaseUrl,
    ADMIN_EMAIL: options.admin.email,
    ADMIN_PASSWORD: options.admin.password,
    JWT_PRIVATE_KEY: keys.signingKey,
    ENCRYPTION_KEY: keys.encryptionKey,
    LOG_LEVEL: options.logLevel,
    ACCESS_TOKEN_TTL_SECONDS: '86400',
    RATE_LIMIT_ENABLED: 'false',
    ...options.extra,
  };
}

/** Starts the built server with `env` (see marshalEnv) and waits until it listens. */
export function startMarshal(name: string, env: Record<string, string>, logDir: string): Promise<Child> {
  return spawnChild(name, MARSHAL_ENTRY, env, MARSHAL_BANNER, logDir);
}

/** An integer setting from the environment: its fallback when unset, an error when not an integer >= min. */
export function integer(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer >= ${min} (got ${raw})`);
  return value;
}

// ---------------------------------------------------------------------------------------------
// Measurements: latencies, CPU time of processes.

export const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
export const round2 = (n: number) => Math.round(n * 100) / 100;

export interface LatencySummary {
  count: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
}

export function summarise(values: number[]): LatencySummary {
  const list = Array.from(Float64Array.from(values).sort());
  const at = (p: number) => round2(percentile(list, p));
  return { count: list.length, p50: at(50), p90: at(90), p95: at(95), p99: at(99), max: round2(list.at(-1) ?? NaN) };
}

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** user + system CPU of a process in ms, or undefined when /proc does not show it (e.g. a remote database). */
export function processCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields[0] is field 3 (state)
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Statements per request: a TCP proxy in front of PostgreSQL that counts what clients ask.

export interface StatementCounter {
  /** DATABASE_URL with the proxy's address in place of the server's. */
  url: string;
  /** Statements sent through the proxy so far: simple queries (Q) and executions of prepared ones (E). */
  statements(): number;
  /**
   * Transactions committed so far: each COMMIT, and each statement sent outside a transaction
   * (it commits on its own). Tracked per connection, from the text of what it parses or sends.
   */
  commits(): number;
  /** The SQL text of what clients parse or send (P, Q) from now until the returned function is called. */
  capture(): () => string[];
}

/**
 * Reads the frontend side of the PostgreSQL wire protocol: untyped start-up packets (SSL and GSS
 * requests, then the start-up message), then typed messages (a type byte, a 4-byte length that
 * counts itself). Counting Q and E counts every statement a driver sends, parameterised or not.
 */
export async function countStatements(databaseUrl: string): Promise<StatementCounter> {
  const target = new URL(databaseUrl);
  let statements = 0;
  let commits = 0;
  let captured: string[] | undefined;
  const sockets = new Set<Socket>();
  const proxy = createServer((client) => {
    const server = connect(Number(target.port || 5432), target.hostname);
    // As pg's own socket: with Nagle's algorithm, a reply split over segments waits for a delayed ACK (40 ms).
    client.setNoDelay(true);
    server.setNoDelay(true);
    sockets.add(client).add(server);
    let buffered = Buffer.alloc(0);
    let started = false;
    // What this connection parsed last (an Execute runs it), and whether it is inside a transaction.
    let parsed = '';
    let inTransaction = false;
    const ran = (sql: string) => {
      statements++;
      if (/^\s*(BEGIN|START TRANSACTION)\b/i.test(sql)) inTransaction = true;
      else if (/^\s*(COMMIT|ROLLBACK|END)\b/i.test(sql)) {
        if (/^\s*(COMMIT|END)\b/i.test(sql)) commits++;
        inTransaction = false;
      } else if (!inTransaction) commits++;
    };
    client.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      for (;;) {
        const header = started ? 5 : 8;
        if (buffered.length < header) break;
        const length = started ? buffered.readInt32BE(1) + 1 : buffered.readInt32BE(0);
        if (buffered.length < length) break;
        if (!started) {
          const code = buffered.readInt32BE(4);
          started = code !== 80877103 && code !== 80877104; // SSLRequest, GSSENCRequest: the start-up message follows
        } else {
          // Parse: name\0 query\0 …; Query: query\0. (Named statements re-executed without a Parse
          // count as the last one parsed: node-pg and TypeORM send unnamed ones.)
          if (buffered[0] === 0x50 || buffered[0] === 0x51) {
            const body = buffered.subarray(5, length);
            const start = buffered[0] === 0x50 ? body.indexOf(0) + 1 : 0;
            const sql = body.subarray(start, body.indexOf(0, start)).toString('utf8');
            captured?.push(sql);
            if (buffered[0] === 0x51) ran(sql);
            else parsed = sql;
          } else if (buffered[0] === 0x45) ran(parsed); // 'E'
        }
        buffered = buffered.subarray(length);
      }
      server.write(chunk);
    });
    server.pipe(client);
    const close = () => {
      client.destroy();
      server.destroy();
      sockets.delete(client);
      sockets.delete(server);
    };
    client.once('error', close).once('close', close);
    server.once('error', close).once('close', close);
  });
  await new Promise<void>((resolve, reject) => proxy.once('error', reject).listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        proxy.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  );
  const address = proxy.address();
  if (typeof address !== 'object' || !address) throw new Error('no proxy address');
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String(address.port);
  return {
    url: url.toString(),
    statements: () => statements,
    commits: () => commits,
    capture() {
      const texts: string[] = [];
      captured = texts;
      return () => {
        captured = undefined;
        return texts;
      };
    },
  };
}
