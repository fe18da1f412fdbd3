import { createServer, type ServerResponse } from 'node:http';
import pg from 'pg';

/*
 * The floor for SSE fan-out, run by fanout.bench.ts as a child process: node:http and one pg
 * client, nothing else. GET /stream?types=T holds the response open; a LISTEN on Marshal's events
 * channel triggers one read of the events committed since the last one, and each event is framed
 * once and written to every stream whose type matches. No authentication, framework or logging:
 * what is left is the socket, the response and the write. Prints "sse floor listening on
 * http://127.0.0.1:<port>". Environment: DATABASE_URL.
 */

interface Stream {
  res: ServerResponse;
  type: string;
}

const streams = new Set<Stream>();
const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
let last = { txId: '0', seq: '0' };
let reading = false;
let again = false;

async function readNew(): Promise<void> {
  if (reading) {
    again = true;
    return;
  }
  reading = true;
  try {
    do {
      again = false;
      const { rows } = await db.query<{ tx_id: string; seq: string; type: string; data: unknown; id: string; resource_id: string }>(
        `SELECT tx_id::text AS tx_id, seq::text AS seq, id, type, resource_id, data FROM events
          WHERE (tx_id, seq) > ($1::xid8, $2::bigint) AND tx_id < pg_snapshot_xmin(pg_current_snapshot())
          ORDER BY events.tx_id, events.seq LIMIT 500`,
        [last.txId, last.seq],
      );
      for (const row of rows) {
        last = { txId: row.tx_id, seq: row.seq };
        const frame = `id: ${row.tx_id}-${row.seq}\nevent: ${row.type}\ndata: ${JSON.stringify({ id: row.id, type: row.type, resourceId: row.resource_id, data: row.data })}\n\n`;
        for (const s of streams) if (s.type === row.type) s.res.write(frame);
      }
      if (rows.length === 500) again = true;
    } while (again);
  } finally {
    reading = false;
  }
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://floor');
  if (req.method !== 'GET' || url.pathname !== '/stream') {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
  res.write('retry: 2000\n\n');
  const stream = { res, type: url.searchParams.get('types') ?? '' };
  streams.add(stream);
  req.on('close', () => streams.delete(stream));
});

await db.connect();
await listener.connect();
const [{ end }] = (
  await db.query<{ end: { tx_id: string; seq: string } | null }>(
    `SELECT (SELECT jsonb_build_object('tx_id', tx_id::text, 'seq', seq::text) FROM events ORDER BY events.tx_id DESC, events.seq DESC LIMIT 1) AS end`,
  )
).rows;
if (end) last = { txId: end.tx_id, seq: end.seq };
listener.on('notification', () => void readNew().catch((error: unknown) => console.error(error)));
await listener.query('LISTEN marshal_events');

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  console.log(`sse floor listening on http://127.0.0.1:${port}`);
});

process.once('SIGTERM', () => {
  for (const s of streams) s.res.end();
  server.close();
  void Promise.all([db.end(), listener.end()]).finally(() => process.exit(0));
});
