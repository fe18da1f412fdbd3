import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Principal } from '../../kernel/auth/principal.js';
import { EventHub } from '../../kernel/events/event-hub.js';
import { parseCursor } from '../../kernel/events/event-cursor.js';
import { streamResourceEvents } from '../../kernel/events/resource-event-stream.js';
import { WebSockets } from '../../kernel/http/web-sockets.js';
import { FINISHED_RUN_STATUSES } from './entities/workflow-run.entity.js';
import { WorkflowRunsService } from './workflow-runs.service.js';

const ENDS = new Set(FINISHED_RUN_STATUSES.map((s) => `workflow_run.${s}`));

/** A run's events over SSE and WebSocket: the history first, then live, from any replica. */
@Injectable()
export class RunStreams {
  constructor(
    private readonly runs: WorkflowRunsService,
    private readonly hub: EventHub,
    private readonly sockets: WebSockets,
  ) {}

  async serveEvents(principal: Principal, id: string, lastEventId: string | undefined, req: Request, res: Response): Promise<void> {
    const run = await this.runs.get(principal.organizationId, id);
    // Parsed before anything is written: a bad Last-Event-ID is a 400, not a broken stream.
    const after = lastEventId ? parseCursor(lastEventId) : { txId: '0', seq: '0' };
    await streamResourceEvents(this.hub, req, res, {
      filter: { organizationId: principal.organizationId, resourceType: 'workflow_run', resourceId: run.id },
      after,
      ends: ENDS,
      ended: FINISHED_RUN_STATUSES.includes(run.status),
    });
  }

  async serveWebSocket(principal: Principal, id: string, after: string | undefined, req: Request, res: Response): Promise<void> {
    const from = after ? parseCursor(after, 'after') : { txId: '0', seq: '0' };
    const run = await this.runs.get(principal.organizationId, id);
    const ws = await this.sockets.accept(req, res);
    const subscription = await this.hub.subscribe(
      { organizationId: principal.organizationId, resourceType: 'workflow_run', resourceId: run.id },
      from,
      (event) => ws.send(JSON.stringify(event)),
      () => ws.close(1001, 'server shutting down'),
    );
    ws.on('close', () => subscription.close());
    if (ws.readyState !== ws.OPEN) subscription.close();
  }
}
