import type { Request, Response } from 'express';
import type { WebSocket } from 'ws';
import { openEventStream } from '../http/event-stream.js';
import type { DomainEvent } from './domain-event.js';
import { type EventCursor, isAfter, parseCursor } from './event-cursor.js';
import type { EventFilter, EventHub, Subscription } from './event-hub.js';

export interface ResourceStream {
  /** The resource's events (organization, type and id). */
  filter: EventFilter;
  /** Resume after this event; from the resource's first event otherwise. */
  after: EventCursor;
  /** Event types that end the resource's life (a retry may still follow one). */
  ends: ReadonlySet<string>;
  /** Whether the resource had ended when the stream was asked for. */
  ended: boolean;
}

/** Where a resource's events go: an SSE response or a WebSocket. */
interface EventSink {
  send(event: DomainEvent): void;
  /** The resource has ended and nothing newer follows. */
  finish(): void;
  /** The process is stopping. */
  abort(): void;
  readonly closed: boolean;
}

/**
 * One resource's events over SSE (a job's, a workflow run's): its history first, then live ones as
 * they commit on any replica. The stream ends after an end event that is still the resource's
 * newest, so a client reading to the end gets the whole story and then EOF.
 */
export async function streamResourceEvents(hub: EventHub, req: Request, res: Response, stream: ResourceStream): Promise<void> {
  const closing: { subscription?: Subscription } = {};
  const sse = openEventStream(req, res, () => closing.subscription?.close());
  await follow(
    hub,
    {
      send: (event) => sse.send({ id: event.cursor, event: event.type, data: event }),
      finish: () => sse.close(),
      abort: () => sse.close(),
      get closed() {
        return sse.closed;
      },
    },
    stream,
    closing,
  );
}

/**
 * The same over an accepted WebSocket: each event a JSON message, then a normal closure (1000) once
 * the resource has ended, exactly when the SSE stream would end; 1001 when the process stops.
 */
export async function socketResourceEvents(hub: EventHub, ws: WebSocket, stream: ResourceStream): Promise<void> {
  const closing: { subscription?: Subscription } = {};
  ws.on('close', () => closing.subscription?.close());
  await follow(
    hub,
    {
      send: (event) => ws.send(JSON.stringify(event)),
      finish: () => ws.close(1000, 'ended'),
      abort: () => ws.close(1001, 'server shutting down'),
      get closed() {
        return ws.readyState !== ws.OPEN;
      },
    },
    stream,
    closing,
  );
}

async function follow(hub: EventHub, sink: EventSink, stream: ResourceStream, closing: { subscription?: Subscription }): Promise<void> {
  const { filter, after, ends } = stream;
  const latest = async () => (await hub.history(filter, undefined, 1)).items[0];
  const subscription = (closing.subscription = await hub.subscribe(
    filter,
    after,
    (event) => {
      sink.send(event);
      if (ends.has(event.type)) {
        void latest().then((newest) => {
          if (newest?.id === event.id) sink.finish();
        });
      }
    },
    () => sink.abort(),
  ));
  if (sink.closed) {
    subscription.close();
    return;
  }
  // Resumed at or after the end of a resource that has ended: nothing more will come.
  const newest = await latest();
  if (stream.ended && newest && ends.has(newest.type) && !isAfter(parseCursor(newest.cursor), after)) sink.finish();
}
