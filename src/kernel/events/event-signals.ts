import type { Logger } from '@nestjs/common';
import pg from 'pg';
import type { EntityManager } from 'typeorm';
import { OutageLog } from '../background/outage-log.js';
import type { AppConfig } from '../config/app-config.js';
import { connectionBounds } from '../database/data-source-options.js';

/** The channel the events table's trigger notifies, with `<organization id>:<event type>:<job type>:<target agent>`. */
export const EVENTS_CHANNEL = 'marshal_events';

export const ANY_ORGANIZATION = '*';

/**
 * Wakes signal listeners on every replica when the caller's transaction commits, without writing
 * an event: for changes that concern the machinery, not the readers of the event stream.
 */
export async function signalAtCommit(manager: EntityManager, organizationId: string, type: string): Promise<void> {
  await manager.query('SELECT pg_notify($1, $2)', [EVENTS_CHANNEL, `${organizationId}:${type}::`]);
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
 * The signals of the event hub: one LISTEN connection per process hears the trigger's NOTIFY and
 * wakes the waiters it concerns (long-polls, the engine), then `onNotified` (the hub reads the new
 * events). The connection comes back by itself after a loss, which wakes every waiter.
 */
export class EventSignals {
  private readonly listenerOutage: OutageLog;
  private readonly waiters = new Set<Waiter>();
  private listener?: pg.Client;
  private stopping = false;
  private reconnectDelayMs = 250;

  constructor(
    private readonly config: AppConfig,
    logger: Logger,
    private readonly onNotified: () => void,
  ) {
    this.listenerOutage = new OutageLog(logger, 'listen for events');
  }

  get waiterCount(): number {
    return this.waiters.size;
  }

  start(): Promise<void> {
    return this.listen();
  }

  /** Long-polls return (null) and no waiter is woken any more. */
  stop(): void {
    this.stopping = true;
    for (const w of this.waiters) if (!w.persistent) w.wake(null);
    this.waiters.clear();
  }

  async close(): Promise<void> {
    this.stopping = true;
    await this.listener?.end().catch(() => undefined);
  }

  /** See EventHub.waitForSignal. */
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

  /** See EventHub.onSignal; `ANY_ORGANIZATION` for every organization. */
  onSignal(organizationId: string, wants: (signal: Signal) => boolean, onSignal: () => void): () => void {
    const waiter: Waiter = { organizationId, wants, wake: onSignal, persistent: true };
    this.waiters.add(waiter);
    return () => this.waiters.delete(waiter);
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
    this.onNotified();
  }

  private async listen(): Promise<void> {
    if (this.stopping) return;
    // Bounded like every connection (a frozen server must not hang a reconnect); LISTEN itself
    // waits for nothing: notifications arrive on the idle connection, which keepalive watches.
    const client = new pg.Client({
      connectionString: this.config.database.url,
      application_name: 'marshal-events',
      ...connectionBounds(this.config.database),
    });
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
      this.onNotified();
    } catch (error) {
      // Within a few seconds of the database's return: long-polls wait for the signals it brings.
      this.reconnectDelayMs = Math.min(this.reconnectDelayMs * 2, 4_000);
      if (!this.stopping) this.listenerOutage.failed(error);
      setTimeout(() => void this.reconnect(), this.reconnectDelayMs).unref();
    }
  }
}
