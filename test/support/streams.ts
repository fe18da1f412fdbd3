import type { IncomingMessage } from 'node:http';
import { WebSocket } from 'ws';

/**
 * Readers for the event streams over HTTP: a text/event-stream reader on fetch (frames split on
 * blank lines) and a WebSocket client, each collecting what arrives. Files call `closeStreams()`
 * after each test.
 */

/** A domain event as the streams carry it. */
export interface StreamedEvent {
  id: string;
  cursor: string;
  organizationId: string;
  type: string;
  resourceType: string;
  resourceId: string;
  actorType: string;
  data: Record<string, any>;
}

export interface SseFrame {
  id?: string;
  event?: string;
  data: StreamedEvent;
}

export interface SseStream {
  status: number;
  headers: Headers;
  frames: SseFrame[];
  /** Set once the server ended the response. */
  ended: boolean;
  /** The body of a refused request. */
  text: string;
  close(): void;
  /** Waits for a frame matching `ok` (default: any new frame), and answers it. */
  waitFor(ok: (f: SseFrame) => boolean, timeoutMs?: number): Promise<SseFrame>;
  /** Waits until `n` frames have arrived. */
  waitForCount(n: number, timeoutMs?: number): Promise<SseFrame[]>;
  waitForEnd(timeoutMs?: number): Promise<void>;
}

export interface Socket {
  ws: WebSocket;
  messages: StreamedEvent[];
  /** The close code, once the socket has closed. */
  closeCode?: number;
  waitFor(ok: (e: StreamedEvent) => boolean, timeoutMs?: number): Promise<StreamedEvent>;
  waitForCount(n: number, timeoutMs?: number): Promise<StreamedEvent[]>;
  waitForClose(timeoutMs?: number): Promise<number>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const openStreams: SseStream[] = [];
const openSockets: WebSocket[] = [];

/** Closes every stream and socket the test opened. */
export function closeStreams(): void {
  for (const s of openStreams.splice(0)) s.close();
  for (const ws of openSockets.splice(0)) ws.terminate();
}

export async function poll(what: string, ok: () => boolean, timeoutMs: number, describe: () => unknown): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`${what} within ${timeoutMs} ms; got ${JSON.stringify(describe())}`);
    await sleep(20);
  }
}

export async function openSse(baseUrl: string, path: string, headers: Record<string, string>): Promise<SseStream> {
  const controller = new AbortController();
  const res = await fetch(baseUrl + path, { headers: { accept: 'text/event-stream', ...headers }, signal: controller.signal });
  const stream: SseStream = {
    status: res.status,
    headers: res.headers,
    frames: [],
    ended: false,
    text: '',
    close: () => controller.abort(),
    async waitFor(ok, timeoutMs = 5_000) {
      let found: SseFrame | undefined;
      await poll(
        'no matching event',
        () => (found = stream.frames.find(ok)) !== undefined,
        timeoutMs,
        () => stream.frames.map((f) => f.event),
      );
      return found!;
    },
    async waitForCount(n, timeoutMs = 5_000) {
      await poll(
        `fewer than ${n} events`,
        () => stream.frames.length >= n,
        timeoutMs,
        () => stream.frames.map((f) => f.event),
      );
      return stream.frames;
    },
    async waitForEnd(timeoutMs = 5_000) {
      await poll(
        'the stream did not end',
        () => stream.ended,
        timeoutMs,
        () => stream.frames.map((f) => f.event),
      );
    },
  };
  openStreams.push(stream);
  if (res.status !== 200 || !res.body) {
    stream.text = await res.text();
    stream.ended = true;
    return stream;
  }
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  void (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const frame: Partial<SseFrame> & { dataLines: string[] } = { dataLines: [] };
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) continue;
            const colon = line.indexOf(':');
            const field = colon < 0 ? line : line.slice(0, colon);
            const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
            if (field === 'id') frame.id = value;
            else if (field === 'event') frame.event = value;
            else if (field === 'data') frame.dataLines.push(value);
          }
          if (frame.dataLines.length)
            stream.frames.push({ id: frame.id, event: frame.event, data: JSON.parse(frame.dataLines.join('\n')) as StreamedEvent });
        }
      }
    } catch {
      // aborted by close()
    } finally {
      stream.ended = true;
    }
  })();
  return stream;
}

const wsUrl = (baseUrl: string, path: string) => baseUrl.replace(/^http/, 'ws') + path;

export function openSocket(baseUrl: string, path: string, headers: Record<string, string>): Promise<Socket> {
  const ws = new WebSocket(wsUrl(baseUrl, path), { headers });
  openSockets.push(ws);
  const socket: Socket = {
    ws,
    messages: [],
    async waitFor(ok, timeoutMs = 5_000) {
      let found: StreamedEvent | undefined;
      await poll(
        'no matching message',
        () => (found = socket.messages.find(ok)) !== undefined,
        timeoutMs,
        () => socket.messages.map((m) => m.type),
      );
      return found!;
    },
    async waitForCount(n, timeoutMs = 5_000) {
      await poll(
        `fewer than ${n} messages`,
        () => socket.messages.length >= n,
        timeoutMs,
        () => socket.messages.map((m) => m.type),
      );
      return socket.messages;
    },
    async waitForClose(timeoutMs = 5_000) {
      await poll(
        'the socket did not close',
        () => socket.closeCode !== undefined,
        timeoutMs,
        () => socket.messages.map((m) => m.type),
      );
      return socket.closeCode!;
    },
  };
  ws.on('message', (data) => socket.messages.push(JSON.parse((data as Buffer).toString('utf8')) as StreamedEvent));
  ws.on('close', (code) => (socket.closeCode = code));
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(socket));
    ws.once('unexpected-response', (_req, res: IncomingMessage) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => reject(new Error(`handshake answered ${res.statusCode}: ${text}`)));
    });
    ws.once('error', reject);
  });
}

/** A handshake the server refuses: its status and JSON body. */
export function refusedHandshake(baseUrl: string, path: string, headers: Record<string, string>): Promise<{ status: number; body: any }> {
  const ws = new WebSocket(wsUrl(baseUrl, path), { headers });
  openSockets.push(ws);
  return new Promise((resolve, reject) => {
    ws.once('open', () => reject(new Error('the handshake was accepted')));
    ws.once('unexpected-response', (_req, res: IncomingMessage) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, body: text ? JSON.parse(text) : undefined }));
      res.on('error', () => resolve({ status: res.statusCode!, body: undefined }));
    });
    ws.once('error', (error) => reject(error));
  });
}
