import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Principal } from '../../kernel/auth/principal.js';
import { EventHub } from '../../kernel/events/event-hub.js';
import { isAfter, parseCursor } from '../../kernel/events/event-cursor.js';
import { openEventStream } from '../../kernel/http/event-stream.js';
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
    const after = lastEventId ? parseCursor(lastEventId) : { txId: '0', seq: '0' };
    const run = await this.runs.get(principal.organizationId, id);
    const filter = { organizationId: principal.organizationId, resourceType: 'workflow_run', resourceId: run.id };
    // The run's newest event so far: the stream ends with it when it is an end (a retry may follow a failure).
    const latest = async () => (await this.hub.history(filter, undefined, 1)).items[0];
    const closing: { subscription?: { close(): void } } = {};
    const stream = openEventStream(req, res, () => closing.subscription?.close());
    const subscription = (closing.subscription = await this.hub.subscribe(
      filter,
      after,
      (event) => {
        stream.send({ id: event.cursor, event: event.type, data: event });
        if (ENDS.has(event.type)) {
          void latest().then((newest) => {
            if (newest?.id === event.id) stream.close();
          });
        }
      },
      () => stream.close(),
    ));
    if (stream.closed) {
      subscription.close();
      return;
    }
    // Resumed at or after the end of a run that has ended: nothing more will come.
    const newest = await latest();
    if (FINISHED_RUN_STATUSES.includes(run.status) && newest && ENDS.has(newest.type) && !isAfter(parseCursor(newest.cursor), after)) stream.close();
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
