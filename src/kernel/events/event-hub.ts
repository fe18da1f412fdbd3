import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import pg from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import { OutageLog } from '../background/outage-log.js';
import { AppConfig } from '../config/app-config.js';
import { connectionBounds } from '../database/data-source-options.js';
import { LifecycleState } from '../lifecycle/lifecycle-state.js';
import type { DomainEvent } from './domain-event.js';
import { type EventCursor, formatCursor, isAfter } from './event-cursor.js';

/** The channel the events table's trigger notifies, with `<organization id>:<event type>:<job type>:<target agent>`. */
export const EVENTS_CHANNEL = 'marshal_events';

const BATCH = 500;
const ANY_ORGANIZATION = '*';

/**
 * Wakes signal listeners on every replica when the caller's transaction commits, without writing
 * an event: for changes that concern the machinery, not the readers of the event stream.
 */
export async function signalAtCommit(manager: EntityManager, organizationId: string, type: string): Promise<void> {
  await manager.query('SELECT pg_notify($1, $2)', [EVENTS_CHANNEL, `${organizationId}:${type}::`]);
}
/** While streams are open, also look every second: a commit held behind an older transaction is delivered late, never lost. */
const SAFETY_POLL_MS = 1000;

interface EventRow {
  id: string;
  tx_id: string;
  seq: string;
  organization_id: string;
  type: string;
  resource_type: string;
  resource_id: string;
  actor_type: string;
  actor_id: string | null;
  correlation_id: string | null;
  data: Record<string, unknown>;
  occurred_at: Date;
}

const COLUMNS = `id, tx_id::text AS tx_id, seq::text AS seq, organization_id, type, resource_type, resource_id, actor_type, actor_id, correlation_id, data, occurred_at`;
/**
 * Stream order, by the table's own columns. The select list casts them to text under the same
 * names, and a bare `ORDER BY tx_id` would sort by that output column, as text ('993' after
 * '1032'): qualified names refer to the xid8 and bigint columns and use the index.
 */
const STREAM_ORDER = 'events.tx_id, events.seq';
const NEWEST_FIRST = 'events.tx_id DESC, events.seq DESC';
/** Only events of transactions older than every running one: nothing can commit behind them any more. */
const SETTLED = `tx_id < pg_snapshot_xmin(pg_current_snapshot())`;

function toEvent(row: EventRow): DomainEvent {
  return {
    id: row.id,
    cursor: formatCursor({ txId: row.tx_id, seq: row.seq }),
    organizationId: row.organization_id,
    type: row.type,
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    actorType: row.actor_type,
    actorId: row.actor_id,
    correlationId: row.correlation_id,
    data: row.data,
    occurredAt: row.occurred_at,
  };
}

export interface EventFilter {
  organizationId: string;
  /** Exact types, or prefixes ending in `*` (`job.*`); all when empty. */
  types?: string[];
  resourceType?: string;
  resourceId?: string;
}

export function matches(filter: EventFilter, event: Pick<DomainEvent, 'organizationId' | 'type' | 'resourceType' | 'resourceId'>): boolean {
  if (event.organizationId !== filter.organizationId) return false;
  if (filter.resourceType && event.resourceType !== filter.resourceType) return false;
  if (filter.resourceId && event.resourceId !== filter.resourceId) return false;
  if (!filter.types?.length) return true;
  return filter.types.some((t) => (t.endsWith('*') ? event.type.startsWith(t.slice(0, -1)) : event.type === t));
}

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

/** What a NOTIFY says: enough for a waiter to tell whether the event could concern it. */
export interface Signal {
  organizationId: string;
  type: string;
  /** For job events: the job's type and the agent it is aimed at, if any. */
  jobType?: string;
  targetAgentId?: string;
}

interface Waiter {
  organizationId: string;
  wants: (signal: Signal) => boolean;
  wake: (signal: Signal | null) => void;
  /** Stays registered after waking (onSignal), instead of once (waitForSignal). */
  persistent?: boolean;
  /** One such waiter is woken per signal (see waitForSignal). */
  exclusive?: boolean;
}

/**
 * Brings committed events to every replica: one LISTEN connection per process hears the trigger's
 * NOTIFY, then one query reads what is new for all open streams. Streams subscribe with a filter
 * and, to resume, a cursor; long-polls wait for a signal (e.g. a job queued in their organization).
 */
@Injectable()
export class EventHub implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(EventHub.name);
  private readonly listenerOutage = new OutageLog(this.logger, 'listen for events');
  private readonly readOutage = new OutageLog(this.logger, 'read new events');
  private readonly subscribers = new Set<Subscriber>();
  private readonly waiters = new Set<Waiter>();
  private listener?: pg.Client;
  private position: EventCursor = { txId: '0', seq: '0' };
  private fetching: Promise<void> | null = null;
  private again = false;
  private poll?: NodeJS.Timeout;
  private stopping = false;
  private reconnectDelayMs = 250;

  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    lifecycle: LifecycleState,
  ) {
    lifecycle.onDrain(() => this.beforeApplicationShutdown());
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.listen();
  }

  /** Streams end and long-polls return before the server waits for its connections to close. */
  beforeApplicationShutdown(): void {
    if (this.stopping && this.subscribers.size === 0 && this.waiters.size === 0) return;
    this.stopping = true;
    clearInterval(this.poll);
    for (const s of this.subscribers) s.end();
    this.subscribers.clear();
    for (const w of this.waiters) if (!w.persistent) w.wake(null);
    this.waiters.clear();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.listener?.end().catch(() => undefined);
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
    let cancel = () => undefined as void;
    let received: Signal | null = null;
    const promise = new Promise<Signal | null>((resolve) => {
      if (this.stopping) return resolve(null);
      const done = (value: Signal | null) => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
        received ??= value;
        resolve(this.stopping ? null : value);
      };
      const waiter: Waiter = { organizationId, wants, wake: done, exclusive: options.exclusive };
      const timer = setTimeout(() => done(null), timeoutMs);
      this.waiters.add(waiter);
      cancel = () => done(null);
    });
    return { promise, cancel, received: () => received };
  }

  /** Wakes the next exclusive waiter this signal concerns: what a woken waiter does when more may be left. */
  passOn(signal: Signal): void {
    for (const w of this.waiters) {
      if (w.exclusive && w.organizationId === signal.organizationId && w.wants(signal)) {
        w.wake(signal);
        return;
      }
    }
  }

  /**
   * Calls `onSignal` each time a wanted event commits in the organization (on any replica), until
   * the returned function is called. A lost connection counts as a signal.
   */
  onSignal(organizationId: string, wants: (signal: Signal) => boolean, onSignal: () => void): () => void {
    const waiter: Waiter = { organizationId, wants, wake: onSignal, persistent: true };
    this.waiters.add(waiter);
    return () => this.waiters.delete(waiter);
  }

  /** As onSignal, in every organization: for work that serves them all (the workflow engine). */
  onAnySignal(wants: (signal: Signal) => boolean, onSignal: () => void): () => void {
    return this.onSignal(ANY_ORGANIZATION, wants, onSignal);
  }

  /**
   * Delivers matching events, in commit-safe order, from `after` (exclusive) or from now on, until
   * closed or the process stops (`onEnd`).
   */
  async subscribe(filter: EventFilter, after: EventCursor | undefined, onEvent: (e: DomainEvent) => void, onEnd: () => void): Promise<Subscription> {
    if (this.subscribers.size === 0) await this.catchUpPosition();
    const subscriber: Subscriber = { filter, last: after ?? this.position, pending: after ? [] : null, deliver: onEvent, end: onEnd };
    this.subscribers.add(subscriber);
    this.ensurePolling();
    const subscription = { close: () => this.subscribers.delete(subscriber) };
    if (after) {
      try {
        for (;;) {
          const page = await this.read(filter, subscriber.last, BATCH);
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
  async read(filter: EventFilter, after: EventCursor, limit: number): Promise<DomainEvent[]> {
    const params: unknown[] = [filter.organizationId, after.txId, after.seq, limit];
    let where = `organization_id = $1 AND (tx_id, seq) > ($2::xid8, $3::bigint) AND ${SETTLED}`;
    if (filter.resourceType) {
      params.push(filter.resourceType);
      where += ` AND resource_type = $${params.length}`;
    }
    if (filter.resourceId) {
      params.push(filter.resourceId);
      where += ` AND resource_id = $${params.length}`;
    }
    if (filter.types?.length) {
      params.push(filter.types.filter((t) => !t.endsWith('*')));
      params.push(filter.types.filter((t) => t.endsWith('*')).map((t) => `${t.slice(0, -1).replace(/[\\%_]/g, '\\$&')}%`));
      where += ` AND (type = ANY($${params.length - 1}::text[]) OR type LIKE ANY($${params.length}::text[]))`;
    }
    const rows = await this.dataSource.query<EventRow[]>(`SELECT ${COLUMNS} FROM events WHERE ${where} ORDER BY ${STREAM_ORDER} LIMIT $4`, params);
    return rows.map(toEvent);
  }

  /** Committed events, newest first, before `before` (exclusive): the outbox as a list. */
  async history(filter: EventFilter & { since?: Date }, before: EventCursor | undefined, limit: number): Promise<{ items: DomainEvent[]; next: string | null }> {
    const params: unknown[] = [filter.organizationId, limit + 1];
    let where = 'organization_id = $1';
    const add = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (before) where += ` AND (tx_id, seq) < (${add(before.txId)}::xid8, ${add(before.seq)}::bigint)`;
    if (filter.resourceType) where += ` AND resource_type = ${add(filter.resourceType)}`;
    if (filter.resourceId) where += ` AND resource_id = ${add(filter.resourceId)}`;
    if (filter.since) where += ` AND occurred_at >= ${add(filter.since)}`;
    if (filter.types?.length) {
      const exact = add(filter.types.filter((t) => !t.endsWith('*')));
      const prefixes = add(filter.types.filter((t) => t.endsWith('*')).map((t) => `${t.slice(0, -1).replace(/[\\%_]/g, '\\$&')}%`));
      where += ` AND (type = ANY(${exact}::text[]) OR type LIKE ANY(${prefixes}::text[]))`;
    }
    const rows = await this.dataSource.query<EventRow[]>(`SELECT ${COLUMNS} FROM events WHERE ${where} ORDER BY ${NEWEST_FIRST} LIMIT $2`, params);
    const items = rows.slice(0, limit).map(toEvent);
    return { items, next: rows.length > limit ? items[items.length - 1].cursor : null };
  }

  private push(subscriber: Subscriber, event: DomainEvent): void {
    const cursor = parseCursorUnsafe(event.cursor);
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
    const [row] = await this.dataSource.query<{ tx_id: string; seq: string }[]>(
      `SELECT tx_id::text AS tx_id, seq::text AS seq FROM events WHERE ${SETTLED} ORDER BY ${NEWEST_FIRST} LIMIT 1`,
    );
    if (row && isAfter({ txId: row.tx_id, seq: row.seq }, this.position)) this.position = { txId: row.tx_id, seq: row.seq };
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
            const rows = await this.dataSource.query<EventRow[]>(
              `SELECT ${COLUMNS} FROM events WHERE (tx_id, seq) > ($1::xid8, $2::bigint) AND ${SETTLED} ORDER BY ${STREAM_ORDER} LIMIT ${BATCH}`,
              [this.position.txId, this.position.seq],
            );
            for (const row of rows) {
              const event = toEvent(row);
              this.position = { txId: row.tx_id, seq: row.seq };
              for (const s of this.subscribers) {
                if (s.pending) s.pending.push(event);
                else this.push(s, event);
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

  private onNotification(payload: string | undefined): void {
    if (!payload) return;
    const [organizationId, type, jobType, targetAgentId] = payload.split(':');
    const signal: Signal = { organizationId, type, jobType: jobType || undefined, targetAgentId: targetAgentId || undefined };
    let handedOver = false;
    for (const w of this.waiters) {
      if ((w.organizationId !== organizationId && w.organizationId !== ANY_ORGANIZATION) || !w.wants(signal)) continue;
      if (w.exclusive) {
        if (handedOver) continue;
        handedOver = true;
      }
      w.wake(signal);
    }
    this.fetchNew();
  }

  private async listen(): Promise<void> {
    if (this.stopping) return;
    // Bounded like every connection (a frozen server must not hang a reconnect); LISTEN itself
    // waits for nothing: notifications arrive on the idle connection, which keepalive watches.
    const client = new pg.Client({ connectionString: this.config.database.url, application_name: 'marshal-events', ...connectionBounds(this.config.database) });
    client.on('notification', (n) => this.onNotification(n.payload));
    // The loss is logged when the connection ends, once per outage (see listenerOutage).
    let lost: unknown;
    client.on('error', (error) => (lost = error));
    try {
      await client.connect();
      await client.query(`LISTEN ${EVENTS_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    this.listener = client;
    this.reconnectDelayMs = 250;
    client.on('end', () => {
      if (this.stopping) return;
      this.listener = undefined;
      this.listenerOutage.failed(lost ?? new Error('Connection terminated unexpectedly'));
      setTimeout(() => void this.reconnect(), this.reconnectDelayMs).unref();
    });
  }

  private async reconnect(): Promise<void> {
    if (this.stopping) return;
    try {
      await this.listen();
      this.listenerOutage.succeeded();
      // Whatever was notified while disconnected: wake every long-poll to look again, and read.
      for (const w of this.waiters) w.wake(null);
      this.fetchNew();
    } catch (error) {
      // Within a few seconds of the database's return: long-polls wait for the signals it brings.
      this.reconnectDelayMs = Math.min(this.reconnectDelayMs * 2, 4_000);
      if (!this.stopping) this.listenerOutage.failed(error);
      setTimeout(() => void this.reconnect(), this.reconnectDelayMs).unref();
    }
  }
}

function parseCursorUnsafe(cursor: string): EventCursor {
  const dash = cursor.indexOf('-');
  return { txId: cursor.slice(0, dash), seq: cursor.slice(dash + 1) };
}
