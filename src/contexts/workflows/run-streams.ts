import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { EventHub } from '../../kernel/events/event-hub.js';
import { type EventCursor, parseCursor } from '../../kernel/events/event-cursor.js';
import { type ResourceStream, socketResourceEvents, streamResourceEvents } from '../../kernel/events/resource-event-stream.js';
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

  async serveEvents(organizationId: string, id: string, lastEventId: string | undefined, req: Request, res: Response): Promise<void> {
    // Parsed before anything is written: a bad Last-Event-ID is a 400, not a broken stream.
    const after = lastEventId ? parseCursor(lastEventId) : undefined;
    await streamResourceEvents(this.hub, req, res, await this.runStream(organizationId, id, after));
  }

  /** The same events as messages; the socket closes (1000) once the run has ended, as the SSE stream does. */
  async serveWebSocket(organizationId: string, id: string, after: string | undefined, req: Request, res: Response): Promise<void> {
    const stream = await this.runStream(organizationId, id, after ? parseCursor(after, 'after') : undefined);
    await socketResourceEvents(this.hub, await this.sockets.accept(req, res), stream);
  }

  private async runStream(organizationId: string, id: string, after: EventCursor | undefined): Promise<ResourceStream> {
    const run = await this.runs.get(organizationId, id);
    return {
      filter: { organizationId, resourceType: 'workflow_run', resourceId: run.id },
      after: after ?? { txId: '0', seq: '0' },
      ends: ENDS,
      ended: FINISHED_RUN_STATUSES.includes(run.status),
    };
  }
}
