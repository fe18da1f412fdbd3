import { randomBytes, randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { WebSocket } from 'ws';
import { raw } from '../support/contract.js';
import { startServer, type TestServer } from '../support/server.js';

/**
 * A client that sends its request slowly cannot hold a connection beyond HTTP_HEADERS_TIMEOUT_MS
 * for its headers and HTTP_REQUEST_TIMEOUT_MS for the whole request, however it trickles the
 * bytes; while responses that legitimately last (an event stream, a long-poll claim, a WebSocket)
 * outlive those bounds. The bounds are short here; the defaults are 10 s and 30 s.
 */
const HEADERS_TIMEOUT_MS = 2_000;
const REQUEST_TIMEOUT_MS = 3_000;
/** Generous: Node checks the bounds about once a second. Before they were set, a trickle held on for minutes. */
const CUT_WITHIN_MS = REQUEST_TIMEOUT_MS + 5_000;
/** How long this test lets a trickle go on before it counts it as not cut at all. */
const GIVE_UP_MS = 25_000;

let t: TestServer;
let token: string;
beforeAll(async () => {
  t = await startServer({ HTTP_HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS), HTTP_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS) });
  token = (await t.login()).accessToken;
});
afterAll(async () => {
  await t?.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Opens a raw connection, writes `head`, then one byte of `drip` every `everyMs` until the server
 * answers or closes. Answers what it received and when the connection ended (or GIVE_UP_MS).
 */
function trickle(head: string, drip: string, everyMs: number): Promise<{ received: string; afterMs: number; closed: boolean }> {
  const { port, hostname } = new URL(t.baseUrl);
  return new Promise((resolve) => {
    const started = Date.now();
    let received = '';
    const socket = connect(Number(port), hostname, () => socket.write(head));
    let sent = 0;
    const timer = setInterval(() => {
      if (!socket.destroyed && socket.writable) socket.write(drip[sent++ % drip.length]);
    }, everyMs);
    const giveUp = setTimeout(() => finish(false), GIVE_UP_MS);
    const finish = (closed: boolean) => {
      clearInterval(timer);
      clearTimeout(giveUp);
      socket.destroy();
      resolve({ received, afterMs: Date.now() - started, closed });
    };
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => finish(true));
  });
}

describe('slow clients', () => {
  test('an anonymous body trickled a byte a second is cut off with 408 within the request timeout', async () => {
    const head =
      'POST /api/v1/auth/login HTTP/1.1\r\nHost: marshal\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"email":"';
    const cut = await trickle(head, 'a', 1_000);
    expect({ closed: cut.closed, within: cut.afterMs < CUT_WITHIN_MS }).toEqual({ closed: true, within: true });
    // Node answers 408 itself when no response has begun; a connection closed without a word would do too.
    if (cut.received) expect(cut.received).toMatch(/^HTTP\/1\.1 408 /);
  }, 40_000);

  test('headers trickled a line every second are cut off within the headers timeout', async () => {
    const cut = await trickle('GET /api/v1/me HTTP/1.1\r\nHost: marshal\r\n', 'X-Slow: yes\r\n', 1_000);
    expect({ closed: cut.closed, within: cut.afterMs < HEADERS_TIMEOUT_MS + 5_000 }).toEqual({ closed: true, within: true });
    if (cut.received) expect(cut.received).toMatch(/^HTTP\/1\.1 408 /);
  }, 40_000);

  test('a request sent at a normal pace is unaffected, on the same kind of route', async () => {
    const res = await raw(t.baseUrl, '/api/v1/auth/login', {
      method: 'POST',
      json: { email: 'nobody@marshal.test', password: 'wrong password here' },
    });
    expect(res.status).toBe(401);
  });
});

describe('responses that last', () => {
  test('an event stream stays open well past the request timeout, and still delivers', async () => {
    const controller = new AbortController();
    const res = await fetch(`${t.baseUrl}/api/v1/events/stream?types=job.queued`, {
      headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
      signal: controller.signal,
    });
    expect(res.status).toBe(200);
    let seen = '';
    let ended = false;
    const reading = (async () => {
      const decoder = new TextDecoder();
      try {
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) seen += decoder.decode(chunk);
      } catch {
        // aborted at the end of the test
      }
      ended = true;
    })();
    try {
      await sleep(REQUEST_TIMEOUT_MS * 3);
      expect(ended).toBe(false);
      const job = await raw(t.baseUrl, '/api/v1/jobs', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'idempotency-key': randomUUID() },
        json: { type: 'noop', payload: {} },
      });
      expect(job.status).toBe(201);
      const deadline = Date.now() + 10_000;
      while (!seen.includes(job.body.data.id) && Date.now() < deadline) await sleep(50);
      expect(seen).toContain(job.body.data.id);
    } finally {
      controller.abort();
      await reading;
    }
  }, 40_000);

  test('a long-poll claim waits longer than the request timeout and answers 204 at the end of its wait', async () => {
    const minted = await raw(t.baseUrl, '/api/v1/agents', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      json: { name: `slow-${randomBytes(3).toString('hex')}`, capabilities: ['nothing-queued'] },
    });
    const agent = { id: minted.body.data.agent.id as string, secret: minted.body.data.agentSecret as string };
    const waitSeconds = (REQUEST_TIMEOUT_MS * 2) / 1000;
    const started = Date.now();
    const claim = await raw(t.baseUrl, `/api/v1/agents/${agent.id}/jobs/claim?wait=${waitSeconds}`, {
      method: 'POST',
      headers: { 'x-agent-secret': agent.secret },
    });
    expect(claim.status).toBe(204);
    expect(Date.now() - started).toBeGreaterThanOrEqual(waitSeconds * 1000 - 500);
  }, 40_000);

  test('a WebSocket stays open past the request timeout', async () => {
    const minted = await raw(t.baseUrl, '/api/v1/agents', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      json: { name: `ws-${randomBytes(3).toString('hex')}` },
    });
    const agent = { id: minted.body.data.agent.id as string, secret: minted.body.data.agentSecret as string };
    const ws = new WebSocket(`${t.baseUrl.replace(/^http/, 'ws')}/api/v1/agents/${agent.id}/task-stream`, {
      headers: { 'x-agent-secret': agent.secret },
    });
    try {
      await new Promise<void>((resolve, reject) => {
        ws.once('open', () => resolve());
        ws.once('error', reject);
      });
      let closed = false;
      ws.once('close', () => (closed = true));
      await sleep(REQUEST_TIMEOUT_MS * 3);
      expect(closed).toBe(false);
      expect(ws.readyState).toBe(WebSocket.OPEN);
    } finally {
      ws.terminate();
    }
  }, 40_000);
});
