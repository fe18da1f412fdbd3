import { createServer, type Server, type Socket } from 'node:net';
import pg from 'pg';
import { QueryFailedError, QueryRunnerAlreadyReleasedError } from 'typeorm';
import { unauthenticated } from '../http/kernel.errors.js';
import { isDependencyUnavailable, unavailabilityReason } from './unavailable.js';

/** A TCP server that accepts connections and never says a word: a frozen PostgreSQL, as a client sees it. */
async function silentServer(): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const sqlError = (code: string, message = 'x') =>
  new QueryFailedError('SELECT secret FROM t WHERE v = $1', ['hunter2'], Object.assign(new Error(message), { code }));

describe('isDependencyUnavailable', () => {
  test('a refused connection, as node-postgres reports it', async () => {
    const client = new pg.Client({ host: '127.0.0.1', port: await closedPort(), connectionTimeoutMillis: 2_000 });
    const error = await client.connect().then(
      () => null,
      (e: unknown) => e,
    );
    expect(isDependencyUnavailable(error)).toBe(true);
    expect(unavailabilityReason(error)).toMatch(/ECONNREFUSED/);
  });

  test("a server that does not answer: the pool's connection timeout, and its wait for a free connection", async () => {
    const silent = await silentServer();
    const pool = new pg.Pool({ host: '127.0.0.1', port: silent.port, max: 1, connectionTimeoutMillis: 200 });
    try {
      const [opening, waiting] = await Promise.all([
        pool.connect().then(
          () => null,
          (e: unknown) => e,
        ),
        pool.connect().then(
          () => null,
          (e: unknown) => e,
        ),
      ]);
      for (const error of [opening, waiting])
        expect({ error: String(error), unavailable: isDependencyUnavailable(error) }).toEqual({ error: String(error), unavailable: true });
    } finally {
      await pool.end();
      await silent.close();
    }
  });

  test('a query that outlived its client-side timeout, wrapped by TypeORM', () => {
    expect(isDependencyUnavailable(new QueryFailedError('SELECT 1', [], new Error('Query read timeout')))).toBe(true);
  });

  test('the next statement of a transaction whose connection broke (TypeORM released its runner)', () => {
    expect(isDependencyUnavailable(new QueryRunnerAlreadyReleasedError())).toBe(true);
  });

  test.each([
    ['57P01', 'terminating connection due to administrator command'],
    ['57P02', 'terminating connection due to crash of another server process'],
    ['57P03', 'the database system is starting up'],
    ['57014', 'canceling statement due to statement timeout'],
    ['53300', 'sorry, too many clients already'],
    ['08006', 'connection failure'],
    ['08P01', 'protocol violation'],
  ])('SQLSTATE %s (%s)', (code, message) => {
    expect(isDependencyUnavailable(sqlError(code, message))).toBe(true);
    // What a log line may say: the code and message, never the statement or its parameters.
    expect(unavailabilityReason(sqlError(code, message))).toBe(`${code}: ${message}`);
  });

  test('a lost connection, a closed client, causes, aggregates, and what pg-boss emits (an error spread into an object)', () => {
    expect(isDependencyUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDependencyUnavailable(new Error('Client has encountered a connection error and is not queryable'))).toBe(true);
    expect(
      isDependencyUnavailable(new Error('a wrapper', { cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) })),
    ).toBe(true);
    expect(
      isDependencyUnavailable(
        new AggregateError([Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' })], ''),
      ),
    ).toBe(true);
    expect(isDependencyUnavailable({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:5432', stack: '…' })).toBe(true);
    expect(isDependencyUnavailable({ message: 'Query read timeout (Queue: sweep-idempotency-keys, Worker: 6c18…)', stack: '…' })).toBe(
      true,
    );
  });

  test('Redis (ioredis) without an offline queue', () => {
    expect(
      isDependencyUnavailable(
        Object.assign(new Error('Reached the max retries per request limit (which is 1).'), { name: 'MaxRetriesPerRequestError' }),
      ),
    ).toBe(true);
    expect(isDependencyUnavailable(new Error("Stream isn't writeable and enableOfflineQueue options is false"))).toBe(true);
  });

  test('not an outage: client mistakes, refusals, deadlocks, bugs and wrong credentials for the database', () => {
    for (const error of [
      sqlError('23505'),
      sqlError('22P02'),
      sqlError('40P01'),
      sqlError('28P01', 'password authentication failed for user "marshal"'),
      unauthenticated(),
      new TypeError("Cannot read properties of undefined (reading 'id')"),
      'ECONNREFUSED',
      null,
      undefined,
    ]) {
      expect({ error: String(error), unavailable: isDependencyUnavailable(error) }).toEqual({ error: String(error), unavailable: false });
    }
    expect(unavailabilityReason(new TypeError('x'))).toBeUndefined();
  });

  test('a cycle of causes ends the search', () => {
    const a = new Error('a') as Error & { cause?: unknown };
    const b = new Error('b', { cause: a });
    a.cause = b;
    expect(isDependencyUnavailable(a)).toBe(false);
  });
});
