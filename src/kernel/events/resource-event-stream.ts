import type { Request, Response } from 'express';
import { openEventStream } from '../http/event-stream.js';
import { type EventCursor, isAfter, parseCursor } from './event-cursor.js';
import type { EventFilter, EventHub } from './event-hub.js';

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

/**
 * One resource's events over SSE (a job's, a workflow run's): its history first, then live ones as
 * they commit on any replica. The stream ends after an end event that is still the resource's
 * newest, so a client reading to the end gets the whole story and then EOF.
 */
export async function streamResourceEvents(hub: EventHub, req: Request, res: Response, stream: ResourceStream): Promise<void> {
  const { filter, after, ends } = stream;
  const latest = async () => (await hub.history(filter, undefined, 1)).items[0];
  const closing: { subscription?: { close(): void } } = {};
  const sse = openEventStream(req, res, () => closing.subscription?.close());
  const subscription = (closing.subscription = await hub.subscribe(
    filter,
    after,
    (event) => {
      sse.send({ id: event.cursor, event: event.type, data: event });
      if (ends.has(event.type)) {
        void latest().then((newest) => {
          if (newest?.id === event.id) sse.close();
        });
      }
    },
    () => sse.close(),
  ));
  if (sse.closed) {
    subscription.close();
    return;
  }
  // Resumed at or after the end of a resource that has ended: nothing more will come.
  const newest = await latest();
  if (stream.ended && newest && ends.has(newest.type) && !isAfter(parseCursor(newest.cursor), after)) sse.close();
}
