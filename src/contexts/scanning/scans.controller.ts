import { Body, Controller, Delete, Get, Headers, Post, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Audited } from '../../kernel/audit/audited.decorator.js';
import { CurrentPrincipal } from '../../kernel/auth/current-principal.decorator.js';
import type { Principal } from '../../kernel/auth/principal.js';
import { RequirePermission } from '../../kernel/auth/require-permission.decorator.js';
import { BodyLimit } from '../../kernel/http/body-limit.js';
import { DomainEvent } from '../../kernel/events/domain-event.js';
import { parseCursor } from '../../kernel/events/event-cursor.js';
import { EventHub } from '../../kernel/events/event-hub.js';
import { streamResourceEvents } from '../../kernel/events/resource-event-stream.js';
import { replyCursorPage } from '../../kernel/http/envelope.interceptor.js';
import { wantsEventStream } from '../../kernel/http/event-stream.js';
import { notFound, serviceUnavailable } from '../../kernel/http/kernel.errors.js';
import { UuidParam } from '../../kernel/http/params.js';
import { ApiCreated, ApiCursorPageOrEventStream, ApiErrors, ApiOk, ApiPage } from '../../kernel/http/response.decorators.js';
import { CursorPage } from '../../kernel/pagination/cursor-page.js';
import type { Page } from '../../kernel/pagination/page.js';
import { CreateScanDto, ListScansQuery, ScanDto, ScanEventsQuery } from './dto/scan.dto.js';
import { FINISHED_SCAN_STATUSES } from './entities/scan.entity.js';
import { SCAN_END_EVENTS } from './scan-events.js';
import { SARIF_BODY_LIMIT } from './sarif-log.js';
import { ScansService } from './scans.service.js';
import { noSource, sarifInvalid, scanFinished, scanLimitReached } from './scanning.errors.js';

const DEFAULT_EVENTS = 100;

/** Scans of a repository (seed 004): started, read, cancelled, and their progress events. */
@ApiTags('Code scans')
@Controller('api/v1/repositories/:id/scans')
export class ScansController {
  constructor(
    private readonly scans: ScansService,
    private readonly hub: EventHub,
  ) {}

  @Post()
  @RequirePermission('scan.create')
  @Audited('scan.create', 'scan')
  @BodyLimit(SARIF_BODY_LIMIT)
  @ApiOperation({
    summary: 'Start a scan of a repository',
    description: [
      'Queues a scan of the repository’s newest snapshot as a `scan` job for an agent that runs them (one listing `scan` among its capabilities;',
      'the reference agent runs secretlint and ESLint with eslint-plugin-security). The agent reads the snapshot, reports progress and uploads',
      'SARIF; the scan ends as its job does. With `sarif`, a log from any tool is imported instead: the scan is answered `succeeded` with its',
      'results. Either way, findings are matched to those of earlier scans by fingerprint (their triage kept), and the open or confirmed findings',
      'of its tools it did not see are fixed once it succeeds. 409 NO_SOURCE before any upload; 429 SCAN_LIMIT_REACHED over a quota (GET /ops/limits);',
      "422 SARIF_INVALID for a log that is not SARIF 2.1.0. Audited. Another organization's repository is 404.",
    ].join(' '),
  })
  @ApiParam({ name: 'id', description: 'The repository', format: 'uuid' })
  @ApiCreated(ScanDto)
  @ApiErrors(notFound, noSource, scanLimitReached, sarifInvalid, serviceUnavailable)
  async createRepositoryScan(
    @CurrentPrincipal() principal: Principal,
    @UuidParam() repositoryId: string,
    @Body() body: CreateScanDto,
  ): Promise<ScanDto> {
    return ScanDto.from(await this.scans.create(principal.organizationId, principal, repositoryId, body));
  }

  @Get()
  @RequirePermission('scan.read')
  @ApiOperation({
    summary: "A repository's scans",
    description: "Newest first, paged; filter by status. Another organization's repository is 404.",
  })
  @ApiParam({ name: 'id', description: 'The repository', format: 'uuid' })
  @ApiPage(ScanDto)
  @ApiErrors(notFound)
  async listRepositoryScans(
    @CurrentPrincipal() principal: Principal,
    @UuidParam() repositoryId: string,
    @Query() query: ListScansQuery,
  ): Promise<Page<ScanDto>> {
    await this.scans.repositoryOf(principal.organizationId, repositoryId);
    return (await this.scans.list(principal.organizationId, { repositoryId }, query)).map(ScanDto.from);
  }

  @Get(':scanId')
  @RequirePermission('scan.read')
  @ApiOperation({
    summary: 'A scan',
    description:
      "Its status, progress, what its results changed, and its SARIF logs (artifacts). Another repository's or organization's scan is 404.",
  })
  @ApiParam({ name: 'id', description: 'The repository', format: 'uuid' })
  @ApiOk(ScanDto)
  @ApiErrors(notFound)
  async getRepositoryScan(
    @CurrentPrincipal() principal: Principal,
    @UuidParam() repositoryId: string,
    @UuidParam('scanId') scanId: string,
  ): Promise<ScanDto> {
    return ScanDto.from(await this.scans.get(principal.organizationId, repositoryId, scanId));
  }

  @Delete(':scanId')
  @RequirePermission('scan.cancel')
  @Audited('scan.cancel', 'scan')
  @ApiOperation({
    summary: 'Cancel a scan',
    description:
      "A queued scan is cancelled at once; a running one too, and its agent is told to stop (at its next heartbeat or claim). Its findings so far stay, but it fixes none. Answers the cancelled scan; one that has ended is 409 SCAN_FINISHED. Audited. Another organization's scan is 404.",
  })
  @ApiParam({ name: 'id', description: 'The repository', format: 'uuid' })
  @ApiOk(ScanDto)
  @ApiErrors(notFound, scanFinished)
  async cancelRepositoryScan(
    @CurrentPrincipal() principal: Principal,
    @UuidParam() repositoryId: string,
    @UuidParam('scanId') scanId: string,
  ): Promise<ScanDto> {
    return ScanDto.from(await this.scans.cancel(principal.organizationId, repositoryId, scanId));
  }

  @Get(':scanId/events')
  @RequirePermission('scan.read')
  @ApiOperation({
    summary: "A scan's progress events (a page, or a live stream)",
    description: [
      'Oldest first: scan.queued, scan.running, scan.progress (files done, findings so far), scan.results_ingested, and how it ended',
      '(scan.succeeded, scan.failed, scan.cancelled). As JSON, a page: poll with `after` set to the `cursor` of the last event you have.',
      'With Accept: text/event-stream, the same events over SSE: the past ones first (those after Last-Event-ID, or `after`), then live',
      "ones as they commit on any replica; the stream ends after the scan's end event. Another organization's scan is 404.",
    ].join(' '),
  })
  @ApiParam({ name: 'id', description: 'The repository', format: 'uuid' })
  @ApiCursorPageOrEventStream(DomainEvent, {
    description:
      'As application/json, events oldest first, a page at a time (pass the last one’s cursor as `after` for newer ones); as text/event-stream, the same events, then live ones until the scan ends',
  })
  @ApiErrors(notFound)
  async listRepositoryScanEvents(
    @CurrentPrincipal() principal: Principal,
    @UuidParam() repositoryId: string,
    @UuidParam('scanId') scanId: string,
    @Query() query: ScanEventsQuery,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    // Read first: another organization's or repository's scan is 404 before any stream starts.
    const scan = await this.scans.get(principal.organizationId, repositoryId, scanId);
    const filter = { organizationId: principal.organizationId, resourceType: 'scan', resourceId: scan.id };
    const after = query.after ? parseCursor(query.after, 'after') : { txId: '0', seq: '0' };
    if (wantsEventStream(req)) {
      await streamResourceEvents(this.hub, req, res, {
        filter,
        // An EventSource reconnecting sends Last-Event-ID; it wins over the `after` of the URL it first opened.
        after: lastEventId ? parseCursor(lastEventId) : after,
        ends: SCAN_END_EVENTS,
        ended: FINISHED_SCAN_STATUSES.includes(scan.status),
      });
      return;
    }
    const limit = query.limit ?? DEFAULT_EVENTS;
    const events = await this.hub.read(filter, after, limit);
    replyCursorPage(req, res, new CursorPage(events, events.length === limit ? events[events.length - 1].cursor : null, limit));
  }
}
