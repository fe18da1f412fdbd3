import { Injectable, Logger } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { WebSocket } from 'ws';
import type { Principal } from '../../kernel/auth/principal.js';
import { RequestContext } from '../../kernel/context/request-context.js';
import { EventHub } from '../../kernel/events/event-hub.js';
import { AgentsService } from '../agents/index.js';
import { JobDto, JobQueue } from '../jobs/index.js';

const MAX_SLOTS = 50;
/** What may give a connected agent work: a job (re)queued or cancelled, or an agent now running types it did not. */
const WAKE_ON = new Set(['job.queued', 'job.requeued', 'job.retrying', 'job.cancelled', 'agent.capabilities_changed']);

/**
 * Pushes work to a connected agent over a WebSocket: the agent says how many jobs it can take
 * (`{"type":"ready","slots":N}`), and each job queued for it is claimed and sent as
 * `{"type":"job","job":…,"lease":…}` as soon as it commits. Cancellations of jobs it holds arrive as
 * `{"type":"cancel","jobIds":[…]}`. Claims, leases and completions are the same as over HTTP, and
 * polling stays the fallback.
 */
@Injectable()
export class TaskStreamService {
  private readonly logger = new Logger(TaskStreamService.name);

  constructor(
    private readonly queue: JobQueue,
    private readonly hub: EventHub,
    private readonly agents: AgentsService,
    private readonly cls: ClsService,
    private readonly context: RequestContext,
  ) {}

  serve(organizationId: string, agent: Principal, ws: WebSocket): void {
    let slots = 0;
    let pumping = false;
    let again = false;
    let closed = false;
    const send = (message: object) => {
      if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message));
    };
    // Socket callbacks run outside the handshake's request: each round gets a context of its own.
    const asAgent = <T>(fn: () => Promise<T>) =>
      this.cls.run(() => {
        this.context.setPrincipal(agent);
        return fn();
      });
    const pump = async (): Promise<void> => {
      if (pumping) {
        again = true;
        return;
      }
      pumping = true;
      try {
        do {
          again = false;
          const { claims, cancelJobIds } = await asAgent(() =>
            this.queue.claim(organizationId, agent, { max: Math.max(slots, 1), waitSeconds: 0, gone: () => closed || slots === 0 }),
          );
          if (cancelJobIds.length) send({ type: 'cancel', jobIds: cancelJobIds });
          slots -= claims.length;
          for (const job of claims) {
            send({
              type: 'job',
              job: JobDto.from(job),
              lease: { id: job.leaseId, expiresAt: job.leaseExpiresAt?.toISOString(), attempt: job.attempts },
            });
          }
          if (claims.length > 0 && slots > 0) again = true;
        } while (again && !closed);
      } catch (error) {
        this.logger.warn({ message: (error as Error).message, agentId: agent.id }, 'task stream could not claim; the agent can poll');
      } finally {
        pumping = false;
      }
    };
    const stop = this.hub.onSignal(
      organizationId,
      (signal) => WAKE_ON.has(signal.type),
      () => void pump(),
    );
    const ping = setInterval(() => ws.readyState === WebSocket.OPEN && ws.ping(), 25_000);
    ping.unref();
    ws.on('close', () => {
      closed = true;
      stop();
      clearInterval(ping);
    });
    ws.on('message', (raw) => {
      let message: { type?: unknown; slots?: unknown };
      try {
        message = JSON.parse(
          Buffer.isBuffer(raw) ? raw.toString('utf8') : Buffer.concat(raw as Buffer[]).toString('utf8'),
        ) as typeof message;
      } catch {
        send({ type: 'error', code: 'MALFORMED_JSON', message: 'Messages are JSON objects' });
        return;
      }
      if (
        message.type === 'ready' &&
        Number.isInteger(message.slots) &&
        (message.slots as number) >= 0 &&
        (message.slots as number) <= MAX_SLOTS
      ) {
        slots = message.slots as number;
        void pump();
      } else if (message.type === 'ping') {
        send({ type: 'pong' });
      } else {
        send({ type: 'error', code: 'UNKNOWN_MESSAGE', message: `Send {"type":"ready","slots":0..${MAX_SLOTS}} or {"type":"ping"}` });
      }
    });
    send({ type: 'hello', agentId: agent.id, timing: this.agents.timing });
  }
}
