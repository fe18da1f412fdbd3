import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OutageLog } from '../background/outage-log.js';
import { AppConfig } from '../config/app-config.js';
import { LifecycleState } from '../lifecycle/lifecycle-state.js';
import type { DomainEvent } from './domain-event.js';
import { type EventCursor, isAfter } from './event-cursor.js';
import { type EventFilter, EventStore, matches } from './event-store.js';
import { ANY_ORGANIZATION, EventSignals, type Signal } from './event-signals.js';

// The hub's public face: callers import all of it from here.
export { type EventFilter, type EventResource, matches } from './event-store.js';
export { EVENTS_CHANNEL, type Signal, signalAtCommit } from './event-signals.js';

const BATCH = 500;
/** While streams are open, also look every second: a commit held behind an older transaction is delivered late, never lost. */
const SAFETY_POLL_MS = 1000;

export interface Subscription {
  close(): void;
}

interface Subscriber {
  filter: EventFilter;
  last: EventCursor;
  /** Live events that arrive while the subscriber is still catching up. */
  pending: DomainEvent[] | null;
  deliver: (event: DomainEvent) => void;
  end: () => void;
}

/**
 * Brings committed events to every replica: the signals (one LISTEN connection per process, see
 * EventSignals) hear the trigger's NOTIFY, then one query of the store (EventStore) reads what is new
 * for all open streams. Streams subscribe with a filter and, to resume, a cursor; long-polls wait for
 * a signal (e.g. a job queued in their organization).
 */
@Injectable()
export class EventHub implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(EventHub.name);
  private readonly readOutage = new OutageLog(this.logger, 'read new events');
  private readonly store: EventStore;
  private readonly signals: EventSignals;
  private readonly subscribers = new Set<Subscriber>();
  private position: EventCursor = { txId: '0', seq: '0' };
  private fetching: Promise<void> | null = null;
  private again = false;
  private poll?: NodeJS.Timeout;
  private stopping = false;

  constructor(config: AppConfig, @InjectDataSource() dataSource: DataSource, lifecycle: LifecycleState) {
    this.store = new EventStore(dataSource);
    this.signals = new EventSignals(config, this.logger, () => this.fetchNew());
    lifecycle.onDrain(() => this.beforeApplicationShutdown());
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.signals.start();
  }

  /** Streams end and long-polls return before the server waits for its connections to close. */
  beforeApplicationShutdown(): void {
    if (this.stopping && this.subscribers.size === 0 && this.signals.waiterCount === 0) return;
    this.stopping = true;
    clearInterval(this.poll);
    for (const s of this.subscribers) s.end();
    this.subscribers.clear();
    this.signals.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.signals.close();
  }

  get isStopping(): boolean {
    return this.stopping;
  }

  /** How many streams this replica serves (a gauge). */
  get streamCount(): number {
    return this.subscribers.size;
  }

  /**
   * Resolves with the signal when a wanted event is committed in the organization, or null at the
   * timeout or when the process begins to stop. Used by long-polls; cheap while nothing happens.
   * An `exclusive` waiter is one of a queue: a signal wakes only the longest-waiting of them, which
   * calls `passOn` if there may be more for the next (so one queued job does not wake every agent).
   */
  waitForSignal(
    organizationId: string,
    wants: (signal: Signal) => boolean,
    timeoutMs: number,
    options: { exclusive?: boolean } = {},
  ): { promise: Promise<Signal | null>; cancel: () => void; received: () => Signal | null } {
    return this.signals.waitForSignal(organizationId, wants, timeoutMs, options);
  }

  /** Wakes the next exclusive waiter this signal concerns: what a woken waiter does when more may be left. */
  passOn(signal: Signal): void {
    this.signals.passOn(signal);
  }

  /**
   * Calls `onSignal` each time a wanted event commits in the organization (on any replica), until
   * the returned function is called. A lost connection counts as a signal.
   */
  onSignal(organizationId: string, wants: (signal: Signal) => boolean, onSignal: () => void): () => void {
    return this.signals.onSignal(organizationId, wants, onSignal);
  }

  /** As onSignal, in every organization: for work that serves them all (the workflow engine). */
  onAnySignal(wants: (signal: Signal) => boolean, onSignal: () => void): () => void {
    return this.signals.onSignal(ANY_ORGANIZATION, wants, onSignal);
  }

  /**
   * Delivers matching events, in commit-safe order, from `after` (exclusive) or from now on, until
   * closed or the process stops (`onEnd`).
   */
  async subscribe(
    filter: EventFilter,
    after: EventCursor | undefined,
    onEvent: (e: DomainEvent) => void,
    onEnd: () => void,
  ): Promise<Subscription> {
    if (this.subscribers.size === 0) await this.catchUpPosition();
    const subscriber: Subscriber = { filter, last: after ?? this.position, pending: after ? [] : null, deliver: onEvent, end: onEnd };
    this.subscribers.add(subscriber);
    this.ensurePolling();
    const subscription = { close: () => this.subscribers.delete(subscriber) };
    if (after) {
      try {
        for (;;) {
          const page = await this.store.read(filter, subscriber.last, BATCH);
          for (const e of page) this.push(subscriber, e);
          if (page.length < BATCH) break;
        }
      } finally {
        const pending = subscriber.pending ?? [];
        subscriber.pending = null;
        for (const e of pending) this.push(subscriber, e);
      }
    }
    return subscription;
  }

  /** Settled events matching `filter` after `after`, oldest first. */
  read(filter: EventFilter, after: EventCursor, limit: number): Promise<DomainEvent[]> {
    return this.store.read(filter, after, limit);
  }

  /** Committed events, newest first, before `before` (exclusive): the outbox as a list. */
  history(
    filter: EventFilter & { since?: Date },
    before: EventCursor | undefined,
    limit: number,
  ): Promise<{ items: DomainEvent[]; next: string | null }> {
    return this.store.history(filter, before, limit);
  }

  /** `cursor` is the event's own, parsed once by the caller when it fans one event out to many. */
  private push(subscriber: Subscriber, event: DomainEvent, cursor: EventCursor = parseCursorUnsafe(event.cursor)): void {
    if (!isAfter(cursor, subscriber.last) || !matches(subscriber.filter, event)) return;
    subscriber.last = cursor;
    try {
      subscriber.deliver(event);
    } catch (error) {
      this.logger.warn({ err: error }, 'an event stream failed; closing it');
      this.subscribers.delete(subscriber);
      subscriber.end();
    }
  }

  private ensurePolling(): void {
    if (this.poll || this.stopping) return;
    this.poll = setInterval(() => {
      if (this.subscribers.size === 0) {
        clearInterval(this.poll);
        this.poll = undefined;
        return;
      }
      this.fetchNew();
    }, SAFETY_POLL_MS);
    this.poll.unref();
  }

  /** With no stream open nothing reads the table: jump to its settled end before the first one opens. */
  private async catchUpPosition(): Promise<void> {
    const end = await this.store.settledEnd();
    if (end && isAfter(end, this.position)) this.position = end;
  }

  /** Reads what is new for all streams; concurrent calls coalesce into one more round. */
  private fetchNew(): void {
    if (this.subscribers.size === 0 || this.stopping) return;
    if (this.fetching) {
      this.again = true;
      return;
    }
    this.fetching = (async () => {
      try {
        do {
          this.again = false;
          for (;;) {
            const rows = await this.store.readAll(this.position, BATCH);
            for (const { event, position } of rows) {
              this.position = position;
              for (const s of this.subscribers) {
                if (s.pending) s.pending.push(event);
                else this.push(s, event, position);
              }
            }
            if (rows.length < BATCH) break;
          }
        } while (this.again && !this.stopping);
        this.readOutage.succeeded();
      } catch (error) {
        if (!this.stopping) this.readOutage.failed(error);
      } finally {
        this.fetching = null;
      }
    })();
  }
}

function parseCursorUnsafe(cursor: string): EventCursor {
  const dash = cursor.indexOf('-');
  return { txId: cursor.slice(0, dash), seq: cursor.slice(dash + 1) };
}
