import { EVENT_CURSOR_MAX_LENGTH } from '../events/event-cursor.js';
import type { Request, Response } from 'express';

const KEEP_ALIVE_MS = 15_000;

/**
 * One timer for every open stream of the process, not one per stream. It is made when this module
 * loads, outside any request: a timer made while a request is handled would keep that request's
 * async context (its CLS store: the principal, what the request memoised) alive for as long as
 * the stream lasts. With no stream open it wakes every 15 s to do nothing.
 */
const keepAlives = new Set<Response>();
setInterval(() => {
  for (const res of keepAlives) res.write(': keep-alive\n\n');
}, KEEP_ALIVE_MS).unref();

/**
 * An event fanned out to many streams is the same object for each: its frame is built once, not once
 * per stream. Data sent on a stream is not changed afterwards (events never are).
 */
const framedOnce = new WeakMap<object, { id?: string; event?: string; frame: string }>();
function frameOf(id: string | undefined, event: string | undefined, data: unknown): string {
  const known = typeof data === 'object' && data !== null ? framedOnce.get(data) : undefined;
  if (known && known.id === id && known.event === event) return known.frame;
  let frame = '';
  if (id) frame += `id: ${id}\n`;
  if (event) frame += `event: ${event}\n`;
  frame += `data: ${JSON.stringify(data)}\n\n`;
  if (typeof data === 'object' && data !== null) framedOnce.set(data, { id, event, frame });
  return frame;
}

export interface EventStream {
  send(event: { id?: string; event?: string; data: unknown }): void;
  close(): void;
  /** Whether the client has gone. */
  readonly closed: boolean;
}

/**
 * Opens a Server-Sent Events response: no buffering by proxies, a comment every 15 s so idle
 * connections survive, and `onClose` once, whoever ends it. Data is written as one JSON line.
 */
export function openEventStream(req: Request, res: Response, onClose: () => void): EventStream {
  res.status(200);
  res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
  res.setHeader('Cache-Control', 'no-cache, no-transform');
  res.setHeader('Connection', 'keep-alive');
  res.setHeader('X-Accel-Buffering', 'no');
  res.flushHeaders();
  res.write('retry: 2000\n\n');
  let closed = false;
  keepAlives.add(res);
  const finish = () => {
    if (closed) return;
    closed = true;
    keepAlives.delete(res);
    onClose();
  };
  req.on('close', finish);
  return {
    send({ id, event, data }) {
      if (closed) return;
      res.write(frameOf(id, event, data));
    },
    close() {
      if (closed) return;
      finish();
      res.end();
    },
    get closed() {
      return closed;
    },
  };
}

/**
 * Whether a request to an operation that answers both JSON and SSE (@ApiCursorPageOrEventStream)
 * asks for the stream: `text/event-stream` preferred over `application/json` by its Accept header.
 * A request with no Accept header, or one taking any type, gets JSON.
 */
export function wantsEventStream(req: Request): boolean {
  return req.accepts(['application/json', 'text/event-stream']) === 'text/event-stream';
}

/** The OpenAPI description of an SSE response. */
/** The header an EventSource sends back on reconnection (parseCursor reads it). */
export const LAST_EVENT_ID_HEADER = {
  name: 'Last-Event-ID',
  required: false,
  description: 'Resume after this event: the `id` of the last event received',
  schema: { type: 'string' as const, example: '7312-88410', maxLength: EVENT_CURSOR_MAX_LENGTH },
};

export const SSE_SCHEMA = {
  type: 'string',
  description:
    'text/event-stream: each event has `id` (its cursor; send it back as Last-Event-ID to resume), `event` (its type) and `data` (a DomainEvent as JSON)',
};
