import { Injectable } from '@nestjs/common';

/**
 * Whether the process is draining: readiness answers 503 from the moment shutdown begins, and
 * what holds a connection open on purpose (event streams, long-polls, WebSockets) lets go then,
 * so that the requests in flight can finish before the database goes away.
 */
@Injectable()
export class LifecycleState {
  private draining = false;
  private readonly drainListeners: (() => void)[] = [];
  private inFlight = 0;
  private idleWaiters: (() => void)[] = [];

  get isShuttingDown(): boolean {
    return this.draining;
  }

  /** Called once when shutdown begins. */
  onDrain(listener: () => void): void {
    this.drainListeners.push(listener);
  }

  /** A handler started (the in-flight interceptor counts them). */
  enter(): void {
    this.inFlight++;
  }

  /** A handler finished, whether or not its client is still there to hear the answer. */
  leave(): void {
    this.inFlight--;
    if (this.inFlight === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  /**
   * Resolves when no handler runs: a handler whose client hung up still runs, and must finish
   * before the database pool closes under it.
   */
  idle(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  beginShutdown(): void {
    if (this.draining) return;
    this.draining = true;
    for (const listener of this.drainListeners) listener();
  }
}
