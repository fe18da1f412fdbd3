import { createServer, type Server, type Socket } from 'node:net';
import pg from 'pg';
import { BoundedClient } from './bounded-client.js';

/**
 * A PostgreSQL that completes the start-up exchange (no password, ready for queries) and then
 * never answers a query: what a frozen server looks like to a pooled connection.
 */
async function answersNothingAfterStartup(): Promise<{ port: number; connections: () => number; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  let opened = 0;
  const server: Server = createServer((socket) => {
    opened++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.once('data', () => {
      const authenticationOk = Buffer.from([0x52, 0, 0, 0, 8, 0, 0, 0, 0]);
      const readyForQuery = Buffer.from([0x5a, 0, 0, 0, 5, 0x49]);
      socket.write(Buffer.concat([authenticationOk, readyForQuery]));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    connections: () => opened,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

describe('BoundedClient', () => {
  test('a query that times out takes its connection with it: the pool opens a fresh one for the next', async () => {
    const server = await answersNothingAfterStartup();
    const pool = new pg.Pool({
      host: '127.0.0.1',
      port: server.port,
      user: 'marshal',
      database: 'marshal',
      max: 1,
      query_timeout: 100,
      Client: BoundedClient,
    });
    try {
      for (let round = 1; round <= 2; round++) {
        const client = await pool.connect();
        await expect(client.query('SELECT 1')).rejects.toThrow('Query read timeout');
        // Released as TypeORM releases it: without an error.
        client.release();
        // Not kept for the next request, still waiting behind the unanswered query.
        expect(pool.totalCount).toBe(0);
        expect(server.connections()).toBe(round);
      }
    } finally {
      await pool.end();
      await server.close();
    }
  });

  test('also for a query given a callback (pool.query)', async () => {
    const server = await answersNothingAfterStartup();
    const pool = new pg.Pool({
      host: '127.0.0.1',
      port: server.port,
      user: 'marshal',
      database: 'marshal',
      max: 1,
      query_timeout: 100,
      Client: BoundedClient,
    });
    try {
      const client = await pool.connect();
      const error = await new Promise<Error>((resolve) => client.query('SELECT 1', [], (e: Error) => resolve(e)));
      expect(error.message).toBe('Query read timeout');
      client.release();
      expect(pool.totalCount).toBe(0);
    } finally {
      await pool.end();
      await server.close();
    }
  });
});
