import { Controller, Get, Headers, Query, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal } from '../../kernel/auth/current-principal.decorator.js';
import type { Principal } from '../../kernel/auth/principal.js';
import { RequirePermission } from '../../kernel/auth/require-permission.decorator.js';
import { DomainEvent } from '../../kernel/events/domain-event.js';
import { parseCursor } from '../../kernel/events/event-cursor.js';
import { EventHub } from '../../kernel/events/event-hub.js';
import { LAST_EVENT_ID_HEADER, openEventStream, SSE_SCHEMA } from '../../kernel/http/event-stream.js';
import { ApiCursorPage, ApiWebSocket, RawResponse } from '../../kernel/http/response.decorators.js';
import { WebSockets } from '../../kernel/http/web-sockets.js';
import { CursorPage } from '../../kernel/pagination/cursor-page.js';
import { OutboxQuery, StreamQuery, WebSocketStreamQuery } from './dto/event.dto.js';

@ApiTags('Events')
@Controller('api/v1')
export class EventsController {
  constructor(
    private readonly hub: EventHub,
    private readonly sockets: WebSockets,
  ) {}

  @Get('events/stream')
  @RequirePermission('event.read')
  @ApiOperation({
    summary: "Stream the organization's events (SSE)",
    description:
      'Live domain events as they commit on any replica, filtered by type or resource. Reconnecting with Last-Event-ID resumes ' +
      'right after that event, in commit order, with nothing lost and nothing repeated.',
  })
  @ApiHeader(LAST_EVENT_ID_HEADER)
  @RawResponse({ description: 'An event stream', contentType: 'text/event-stream', schema: SSE_SCHEMA })
  async streamEvents(
    @CurrentPrincipal() principal: Principal,
    @Query() query: StreamQuery,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const after = lastEventId ? parseCursor(lastEventId) : undefined;
    const closing: { subscription?: { close(): void } } = {};
    const stream = openEventStream(req, res, () => closing.subscription?.close());
    const subscription = (closing.subscription = await this.hub.subscribe(
      { organizationId: principal.organizationId, types: query.types, resourceType: query.resourceType, resourceId: query.resourceId },
      after,
      (event) => stream.send({ id: event.cursor, event: event.type, data: event }),
      () => stream.close(),
    ));
    if (stream.closed) subscription.close();
  }

  @Get('events/ws')
  @RequirePermission('event.read')
  @ApiOperation({
    summary: "Stream the organization's events (WebSocket)",
    description:
      'Upgrade to a WebSocket; each message is a DomainEvent as JSON. Same filters as the SSE stream, plus `after` (an event cursor) to resume. A plain GET is 426.',
  })
  @ApiWebSocket()
  async streamEventsOverWebSocket(
    @CurrentPrincipal() principal: Principal,
    @Query() query: WebSocketStreamQuery,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.serveWebSocket(principal, query, query.after, req, res);
  }

  @Get('dashboard/stream')
  @RequirePermission('event.read')
  @ApiOperation({
    summary: 'Live feed for the operator dashboard (WebSocket)',
    description: 'The event stream for dashboards: every event of the organization as it commits, as JSON messages. A plain GET is 426.',
  })
  @ApiWebSocket()
  async streamDashboard(
    @CurrentPrincipal() principal: Principal,
    @Query() query: StreamQuery,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.serveWebSocket(principal, query, undefined, req, res);
  }

  @Get('events/outbox')
  @RequirePermission('event.read')
  @ApiOperation({
    summary: 'The event outbox',
    description: 'Every committed domain event of the organization, newest first, by cursor; filter by type, resource and time.',
  })
  @ApiCursorPage(DomainEvent)
  async listOutboxEvents(@CurrentPrincipal() principal: Principal, @Query() query: OutboxQuery): Promise<CursorPage<DomainEvent>> {
    const before = query.cursor ? parseCursor(query.cursor, 'cursor') : undefined;
    const { items, next } = await this.hub.history(
      {
        organizationId: principal.organizationId,
        types: query.types,
        resourceType: query.resourceType,
        resourceId: query.resourceId,
        since: query.since,
      },
      before,
      query.limit,
    );
    return new CursorPage(items, next, query.limit);
  }

  private async serveWebSocket(
    principal: Principal,
    query: StreamQuery,
    after: string | undefined,
    req: Request,
    res: Response,
  ): Promise<void> {
    const from = after ? parseCursor(after, 'after') : undefined;
    const ws = await this.sockets.accept(req, res);
    const subscription = await this.hub.subscribe(
      { organizationId: principal.organizationId, types: query.types, resourceType: query.resourceType, resourceId: query.resourceId },
      from,
      (event) => ws.send(JSON.stringify(event)),
      () => ws.close(1001, 'server shutting down'),
    );
    ws.on('close', () => subscription.close());
    if (ws.readyState !== ws.OPEN) subscription.close();
  }
}
