import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { EmbeddedDatabase } from '../../src/kernel/database/embedded-database.js';
import { runMigrations } from '../../src/kernel/database/migrate.js';
import { freePort } from './ports.js';

/** The processes whose parent is `pid` (Linux /proc). */
function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Field 4 (ppid) follows the command name, which sits in parentheses and may hold spaces.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) children.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return children;
}

/**
 * A PostgreSQL of a suite's own, which the suite may stop, start again or freeze: the shared test
 * server must never be harmed. Its data survives a stop; `destroy` removes it.
 */
export class OwnPostgres {
  private database?: EmbeddedDatabase;
  private frozen: number[] = [];

  private constructor(
    private readonly dir: string,
    private readonly port: number,
    private readonly password: string,
  ) {}

  /** Starts a fresh cluster on a free port and migrates database `marshal` on it. */
  static async create(): Promise<OwnPostgres> {
    // PostgreSQL runs as its own user when we are root: the folder must be enterable (mkdtemp is 0700).
    const dir = mkdtempSync(join(tmpdir(), 'marshal-own-pg-'));
    chmodSync(dir, 0o755);
    const pg = new OwnPostgres(dir, await freePort(), randomBytes(16).toString('hex'));
    await pg.start();
    await runMigrations(pg.url);
    return pg;
  }

  get url(): string {
    return `postgres://postgres:${this.password}@127.0.0.1:${this.port}/marshal`;
  }

  /** A query on the cluster, on a connection of its own. */
  async query<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
    const client = new pg.Client({ connectionString: this.url });
    await client.connect();
    try {
      return (await client.query(text, params)).rows as T[];
    } finally {
      await client.end();
    }
  }

  async start(): Promise<void> {
    this.database = await EmbeddedDatabase.start({ dir: join(this.dir, 'pg'), port: this.port, password: this.password });
  }

  /** A fast shutdown (SIGINT): clients' connections are terminated, new ones refused. */
  async stop(): Promise<void> {
    this.thaw();
    await this.database?.stop();
    this.database = undefined;
  }

  /** The postmaster and its backends, stopped with SIGSTOP: connections stay open and nothing answers. */
  freeze(): void {
    const postmaster = Number(readFileSync(join(this.dir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    // The postmaster first, so that it forks no new backend meanwhile.
    this.frozen = [postmaster, ...childrenOf(postmaster)];
    for (const pid of this.frozen) process.kill(pid, 'SIGSTOP');
  }

  thaw(): void {
    for (const pid of this.frozen.reverse()) {
      try {
        process.kill(pid, 'SIGCONT');
      } catch {
        // gone already
      }
    }
    this.frozen = [];
  }

  /** Always safe to call (afterAll): thaws, stops and removes the cluster's files. */
  async destroy(): Promise<void> {
    try {
      await this.stop();
    } finally {
      rmSync(this.dir, { recursive: true, force: true });
    }
  }
}
