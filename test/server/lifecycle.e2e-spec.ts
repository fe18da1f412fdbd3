import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { raw } from '../support/contract.js';
import { createDatabaseFromTemplate, databaseUrl, dropDatabase, testDatabaseServer, withClient } from '../support/database.js';
import { ADMIN, ROOT, runToExit, spawnServer, startServer } from '../support/server.js';

/** How the process starts, refuses to start, and stops: what `npm start` users and orchestrators see. */

const freshName = () => `marshal_t_${process.env.MARSHAL_TEST_RUN}_${randomBytes(5).toString('hex')}`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('configuration', () => {
  test('each bad variable is named in one message and the process exits 1, echoing no secret', async () => {
    const { code, output } = await runToExit({
      PORT: 'eighty',
      LOG_LEVEL: 'chatty',
      DATABASE_URL: 'mysql://root:hunter2-db-password@localhost/x',
      ADMIN_PASSWORD: 'short',
    });
    expect(code).toBe(1);
    expect(output).toContain('Invalid configuration');
    expect(output).toContain('PORT: must be an integer number (got "eighty")');
    expect(output).toMatch(/LOG_LEVEL: /);
    expect(output).toMatch(/DATABASE_URL: must be a postgres/);
    expect(output).toContain('ADMIN_PASSWORD: must be at least 12 characters');
    expect(output).not.toContain('hunter2-db-password');
    expect(output).not.toContain('short');
    expect(output).not.toMatch(/\n\s+at /); // no stack trace
  });

  test('production refuses to start without explicit signing and encryption keys', async () => {
    const { code, output } = await runToExit({ NODE_ENV: 'production', DATABASE_URL: 'postgres://127.0.0.1:1/x' });
    expect(code).toBe(1);
    expect(output).toContain('JWT_PRIVATE_KEY: is required in production');
    expect(output).toContain('ENCRYPTION_KEY: is required in production');
  });

  test('a signing key that is not EC P-256 is refused', async () => {
    const { code, output } = await runToExit({
      JWT_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----',
      DATABASE_URL: 'postgres://127.0.0.1:1/x',
    });
    expect(code).toBe(1);
    expect(output).toContain('JWT_PRIVATE_KEY: is not a readable PEM private key');
  });

  test('an unreachable database fails start-up with a clear log line and exit 1', async () => {
    const { code, output } = await runToExit({
      DATABASE_URL: `postgres://postgres@127.0.0.1:${await freePort()}/nothing`,
      LOG_LEVEL: 'info',
    });
    expect(code).toBe(1);
    expect(output).toContain('start-up failed');
  });
});

describe('zero-setup start on the embedded PostgreSQL', () => {
  let dataDir: string;
  beforeAll(() => {
    // PostgreSQL runs as its own user when we are root: the folder must be enterable (mkdtemp is 0700).
    dataDir = mkdtempSync(join(tmpdir(), 'marshal-embedded-'));
    chmodSync(dataDir, 0o755);
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  test('first start creates the owner with a printed password; data and keys survive a restart; Ctrl-C stops everything', async () => {
    const env = {
      NODE_ENV: 'development',
      DATA_DIR: join(dataDir, 'data'),
      EMBEDDED_DB_PORT: String(await freePort()),
      ADMIN_EMAIL: 'first@marshal.test',
      LOG_LEVEL: 'warn',
    };
    const first = await spawnServer(env, 90_000);
    const password = /Generated password[^:]*: (\S+)/.exec(first.output())?.[1];
    expect(password).toBeTruthy();
    expect(first.output()).toContain('embedded PostgreSQL');
    expect(first.output()).toContain('/docs');
    const login = await raw(first.baseUrl, '/api/v1/auth/login', { method: 'POST', json: { email: 'first@marshal.test', password } });
    expect(login.status).toBe(200);
    const token = login.body.data.accessToken as string;
    // The superuser owns the schema; the application runs as a login role that owns nothing.
    const { databasePassword } = JSON.parse(readFileSync(join(dataDir, 'data', 'secrets.json'), 'utf8')) as { databasePassword: string };
    const superuserUrl = `postgres://postgres:${encodeURIComponent(databasePassword)}@127.0.0.1:${env.EMBEDDED_DB_PORT}/marshal`;
    const roles = await withClient(
      superuserUrl,
      async (c) =>
        (
          await c.query(
            `SELECT (SELECT string_agg(DISTINCT usename::text, ',') FROM pg_stat_activity WHERE datname = 'marshal' AND application_name LIKE 'marshal%') AS sessions,
              (SELECT rolsuper FROM pg_roles WHERE rolname = 'marshal_app') AS superuser,
              pg_get_userbyid((SELECT relowner FROM pg_class WHERE oid = 'audit_events'::regclass)) AS owner,
              has_table_privilege('marshal_app', 'audit_events', 'INSERT') AS can_insert,
              has_table_privilege('marshal_app', 'audit_events', 'UPDATE') AS can_update,
              has_table_privilege('marshal_app', 'audit_events', 'TRUNCATE') AS can_truncate`,
          )
        ).rows[0],
    );
    expect(roles).toEqual({
      sessions: 'marshal_app',
      superuser: false,
      owner: 'postgres',
      can_insert: true,
      can_update: false,
      can_truncate: false,
    });
    expect(await first.stop('SIGINT')).toBe(0);
    // The embedded server stopped with us: no postmaster left holding the data folder.
    expect(existsSync(join(dataDir, 'data', 'pg', 'postmaster.pid'))).toBe(false);

    const second = await spawnServer(env, 90_000);
    try {
      expect(second.output()).not.toContain('Generated password');
      expect(second.output()).not.toContain('Created the first organization');
      // Same signing key (kept under DATA_DIR): the token from the first run still works.
      expect((await raw(second.baseUrl, '/api/v1/me', { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
      expect(
        (await raw(second.baseUrl, '/api/v1/auth/login', { method: 'POST', json: { email: 'first@marshal.test', password } })).status,
      ).toBe(200);
    } finally {
      expect(await second.stop('SIGTERM')).toBe(0);
    }
    expect(existsSync(join(dataDir, 'data', 'pg', 'postmaster.pid'))).toBe(false);
  });
});

describe('the embedded PostgreSQL port', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'marshal-embedded-port-'));
    chmodSync(dataDir, 0o755);
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  /** Holds 127.0.0.1:port the way a second checkout's PostgreSQL would; resolves false when something already does. */
  function hold(port: number): Promise<{ release(): Promise<void> } | false> {
    return new Promise((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => resolve({ release: () => new Promise<void>((r) => server.close(() => r())) }));
    });
  }

  test('an EMBEDDED_DB_PORT that is taken stops the start with one line naming the variable, no stack trace', async () => {
    const port = await freePort();
    const held = await hold(port);
    try {
      const { code, output } = await runToExit({
        NODE_ENV: 'development',
        DATA_DIR: join(dataDir, 'explicit'),
        EMBEDDED_DB_PORT: String(port),
        LOG_LEVEL: 'info',
      });
      expect(code).toBe(1);
      expect(output).toContain(`cannot listen on 127.0.0.1:${port} (EMBEDDED_DB_PORT)`);
      expect(output).toContain('Set EMBEDDED_DB_PORT to a free port');
      expect(output).not.toMatch(/\n\s+at /);
    } finally {
      if (held) await held.release();
    }
  });

  test('unset, a second checkout whose usual port is taken picks a free one, remembers it under DATA_DIR and keeps it on restart', async () => {
    // Another checkout's PostgreSQL on the usual port (or anything else that already holds it).
    const held = await hold(54329);
    try {
      const env = { NODE_ENV: 'development', DATA_DIR: join(dataDir, 'second'), ADMIN_EMAIL: 'second@marshal.test', LOG_LEVEL: 'info' };
      const first = await spawnServer(env, 90_000);
      const remembered = Number(readFileSync(join(dataDir, 'second', 'embedded-db-port'), 'utf8'));
      try {
        expect(remembered).not.toBe(54329);
        expect(first.output()).toContain(`using ${remembered}, remembered under DATA_DIR`);
        expect((await raw(first.baseUrl, '/readyz')).status).toBe(200);
      } finally {
        expect(await first.stop('SIGTERM')).toBe(0);
      }
      const second = await spawnServer(env, 90_000);
      try {
        expect(Number(readFileSync(join(dataDir, 'second', 'embedded-db-port'), 'utf8'))).toBe(remembered);
        expect(second.output()).toContain(`"port":${remembered}`);
        expect((await raw(second.baseUrl, '/readyz')).status).toBe(200);
      } finally {
        expect(await second.stop('SIGTERM')).toBe(0);
      }
    } finally {
      if (held) await held.release();
    }
  }, 200_000);
});

describe('graceful shutdown', () => {
  test('SIGTERM stops accepting, finishes the request in flight, then exits 0', async () => {
    const t = await startServer();
    try {
      const { port } = new URL(t.baseUrl);
      const body = JSON.stringify(ADMIN);
      // Headers now, body later: the request is in flight on the server when the signal arrives.
      const socket = connect(Number(port), '127.0.0.1');
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      let response = '';
      socket.on('data', (chunk: Buffer) => (response += chunk.toString()));
      const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
      socket.write(
        `POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`,
      );
      await new Promise((r) => setTimeout(r, 200));
      t.process.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 300));
      // No new connections once draining.
      await expect(fetch(`${t.baseUrl}/healthz`)).rejects.toThrow();
      socket.write(body);
      await closed;
      expect(response).toMatch(/^HTTP\/1\.1 200 /);
      expect(response).toContain('"accessToken"');
      expect(await t.exited).toBe(0);
      expect(t.output()).toContain('"msg":"stopped"');
    } finally {
      await t.close();
    }
  });
});

describe('graceful shutdown with connections held open on purpose', () => {
  test('a long-polling claim answers 204 and an event stream ends at once, before the database closes; exit 0', async () => {
    const t = await startServer();
    try {
      const { accessToken } = await t.login();
      const auth = { authorization: `Bearer ${accessToken}` };
      const minted = await raw(t.baseUrl, '/api/v1/agents', {
        method: 'POST',
        headers: auth,
        json: { name: `drain-${randomBytes(3).toString('hex')}` },
      });
      const { agent, agentSecret } = minted.body.data as { agent: { id: string }; agentSecret: string };
      const stream = await fetch(`${t.baseUrl}/api/v1/events/stream`, { headers: auth });
      expect(stream.status).toBe(200);
      const streamEnded = stream.text();
      const started = Date.now();
      const claimPath = `${t.baseUrl}/api/v1/agents/${agent.id}/jobs/claim?wait=25`;
      const claim = raw(t.baseUrl, claimPath.slice(t.baseUrl.length), { method: 'POST', headers: { 'x-agent-secret': agentSecret } });
      // And a claim whose agent hung up: its handler still waits on the server, and must finish first.
      const hangUp = new AbortController();
      const abandoned = fetch(claimPath, { method: 'POST', headers: { 'x-agent-secret': agentSecret }, signal: hangUp.signal }).catch(
        () => 'aborted',
      );
      await new Promise((r) => setTimeout(r, 500));
      hangUp.abort();
      expect(await abandoned).toBe('aborted');
      t.process.kill('SIGTERM');
      const answered = await claim;
      expect(answered.status).toBe(204);
      expect(Date.now() - started).toBeLessThan(10_000);
      await streamEnded;
      expect(await t.exited).toBe(0);
      // Nothing failed on the way out (a query on a closed pool would be logged at error level).
      expect(t.output()).not.toContain('"level":50');
    } finally {
      await t.close();
    }
  });
});

describe('several replicas on one database', () => {
  test('started together on an empty database, they migrate once and create one organization', async () => {
    const { adminUrl } = testDatabaseServer();
    const name = freshName();
    await withClient(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
    // Replicas share their keys, as a real deployment configures them.
    const key = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const env = {
      DATABASE_URL: databaseUrl(adminUrl, name),
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'warn',
      JWT_PRIVATE_KEY: key,
      ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    };
    const replicas = await Promise.all([spawnServer(env), spawnServer(env), spawnServer(env)]);
    try {
      const counts = await withClient(databaseUrl(adminUrl, name), async (c) => ({
        organizations: (await c.query('SELECT count(*)::int AS n FROM organizations')).rows[0].n as number,
        users: (await c.query('SELECT count(*)::int AS n FROM users')).rows[0].n as number,
        migrations: (await c.query('SELECT count(*)::int AS n FROM schema_migrations')).rows[0].n as number,
      }));
      expect(counts.organizations).toBe(1);
      expect(counts.users).toBe(1);
      expect(replicas.filter((r) => r.output().includes('Created the first organization'))).toHaveLength(1);
      // A session started on one replica is honoured by the others.
      const login = await raw(replicas[0].baseUrl, '/api/v1/auth/login', { method: 'POST', json: ADMIN });
      for (const replica of replicas) {
        const res = await raw(replica.baseUrl, '/api/v1/me', { headers: { authorization: `Bearer ${login.body.data.accessToken}` } });
        expect(res.status).toBe(200);
      }
      expect(counts.migrations).toBeGreaterThan(0);
    } finally {
      await Promise.all(replicas.map((r) => r.stop()));
      await dropDatabase(adminUrl, name);
    }
  });
});

describe('schema', () => {
  test('the entities and the migrations agree (no migration would be generated)', async () => {
    const { adminUrl, template } = testDatabaseServer();
    const name = freshName();
    const url = await createDatabaseFromTemplate(adminUrl, name, template);
    try {
      const { code, output } = await runToExit({ DATABASE_URL: url }, [join(ROOT, 'dist', 'scripts', 'generate-migration.js'), '--check']);
      expect(output).toContain('no changes');
      expect(code).toBe(0);
    } finally {
      await dropDatabase(adminUrl, name);
    }
  });
});
