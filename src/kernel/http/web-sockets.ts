import { BeforeApplicationShutdown, Injectable } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { LifecycleState } from '../lifecycle/lifecycle-state.js';
import { upgradeRequired } from './kernel.errors.js';

/** What the upgrade router attaches to a WebSocket handshake before Express sees it. */
interface UpgradeRequest extends IncomingMessage {
  webSocketUpgrade?: { socket: Duplex; head: Buffer };
}

/**
 * Routes WebSocket handshakes through the normal HTTP pipeline: each upgrade request is handed to
 * Express as a GET with a response bound to the raw socket, so authentication, the workspace header,
 * rate limits, permissions and the error envelope apply as to any route. A handler accepts the
 * socket with `WebSockets.accept`; any error before that is written as a plain HTTP answer.
 */
export function routeWebSocketUpgrades(app: INestApplication): void {
  const handle = app.getHttpAdapter().getInstance() as (req: IncomingMessage, res: ServerResponse) => void;
  const server = app.getHttpServer() as import('node:http').Server;
  server.on('upgrade', (req: UpgradeRequest, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    req.webSocketUpgrade = { socket, head };
    const res = new ServerResponse(req);
    res.assignSocket(socket as import('node:net').Socket);
    // An answer instead of an upgrade (401, 404, 429…) ends the connection once written.
    res.on('finish', () => {
      if (req.webSocketUpgrade) socket.destroy();
    });
    handle(req, res);
  });
}

/** Accepts and tracks WebSocket connections; closes them (1001 going away) when the process stops. */
@Injectable()
export class WebSockets implements BeforeApplicationShutdown {
  private readonly server = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  private readonly open = new Set<WebSocket>();

  constructor(lifecycle: LifecycleState) {
    lifecycle.onDrain(() => this.beforeApplicationShutdown());
  }

  /** Whether this request is a WebSocket handshake (a plain GET is answered 426). */
  isUpgrade(req: IncomingMessage): boolean {
    return (req as UpgradeRequest).webSocketUpgrade !== undefined;
  }

  /** Completes the handshake. Throws 426 UPGRADE_REQUIRED for a request that is not one. */
  accept(req: IncomingMessage, res: ServerResponse): Promise<WebSocket> {
    const upgrade = (req as UpgradeRequest).webSocketUpgrade;
    if (!upgrade) {
      throw upgradeRequired();
    }
    (req as UpgradeRequest).webSocketUpgrade = undefined;
    res.detachSocket(upgrade.socket as import('node:net').Socket);
    return new Promise((resolve) => {
      this.server.handleUpgrade(req, upgrade.socket, upgrade.head, (ws) => {
        this.open.add(ws);
        ws.on('close', () => this.open.delete(ws));
        resolve(ws);
      });
    });
  }

  get connectionCount(): number {
    return this.open.size;
  }

  beforeApplicationShutdown(): void {
    for (const ws of this.open) ws.close(1001, 'server shutting down');
    // Sockets that do not answer the close handshake go anyway.
    setTimeout(() => {
      for (const ws of this.open) ws.terminate();
    }, 1000).unref();
  }
}
