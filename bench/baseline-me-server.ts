import { createServer, type ServerResponse } from 'node:http';
import { failure, me, pool, requestIds } from './me-floor.js';

/*
 * The raw floor for GET /api/v1/me, run by me.bench.ts as a child process: me-floor.ts's work on
 * node:http alone, with no framework, middleware or request logging. It listens on 127.0.0.1 on a
 * free port and prints "baseline listening on http://127.0.0.1:<port>".
 */

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

const server = createServer((req, res) => {
  const ids = requestIds(req.headers['x-correlation-id']);
  res.setHeader('x-request-id', ids.requestId);
  res.setHeader('x-correlation-id', ids.correlationId);
  const url = req.url ?? '/';
  if (req.method !== 'GET' || url !== '/api/v1/me') return send(res, 404, failure(ids, url, 404, 'NOT_FOUND', 'Route not found'));
  me(req.headers.authorization, ids, url).then(
    (answer) => send(res, answer.status, answer.body),
    (error: unknown) => {
      console.error(error);
      if (!res.headersSent) send(res, 500, failure(ids, url, 500, 'INTERNAL', 'Internal error'));
    },
  );
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  console.log(`baseline listening on http://127.0.0.1:${port}`);
});

process.once('SIGTERM', () => {
  server.close();
  server.closeIdleConnections();
  void pool.end().finally(() => process.exit(0));
});
