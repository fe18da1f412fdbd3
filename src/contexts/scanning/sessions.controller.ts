import { Body, Controller, Get, Headers, Post, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Audited, NotAudited } from '../../kernel/audit/audited.decorator.js';
import { CurrentPrincipal } from '../../kernel/auth/current-principal.decorator.js';
import type { Principal } from '../../kernel/auth/principal.js';
import { RequirePermission } from '../../kernel/auth/require-permission.decorator.js';
import { blobTooLarge } from '../../kernel/blobs/blobs.errors.js';
import { DEFAULT_SCAN_UPLOAD_MAX_BYTES } from '../../kernel/config/environment.js';
import { DomainEvent } from '../../kernel/events/domain-event.js';
import { parseCursor } from '../../kernel/events/event-cursor.js';
import { BodyLimit } from '../../kernel/http/body-limit.js';
import { IdempotentByDesign } from '../../kernel/idempotency/idempotency.decorator.js';
import { notFound, payloadTooLarge, serviceUnavailable } from '../../kernel/http/kernel.errors.js';
import { UuidParam } from '../../kernel/http/params.js';
import { ApiCreated, ApiCursorPage, ApiErrors, ApiOk } from '../../kernel/http/response.decorators.js';
import { CursorPage } from '../../kernel/pagination/cursor-page.js';
import { ARCHIVE_MEDIA_TYPES } from './dto/repository.dto.js';
import { CreateScanDto, ScanEventsQuery } from './dto/scan.dto.js';
import { CreateSessionQuery, SessionDto } from './dto/session.dto.js';
import { SARIF_BODY_LIMIT } from './sarif-log.js';
import { SessionsService } from './sessions.service.js';
import { archiveRefused, sarifInvalid, scanInProgress, scanLimitReached, unsupportedArchiveType } from './scanning.errors.js';

const DEFAULT_EVENTS = 100;
const SESSION_PARAM = { name: 'sessionId', description: 'The session (its repository’s id)', format: 'uuid' } as const;

/**
 * The legacy sessions API (seed 004): the older upload-then-analyze workflow, kept for existing
 * clients. New code uses projects, repositories and scans; a session is one of each underneath.
 */
@ApiTags('Code scanning sessions (legacy)')
@Controller('api/v1/sessions')
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Post()
  @RequirePermission('repository.create', 'repository.edit')
  @NotAudited('audited by the service once the archive is read (session.create): no transaction may span an upload')
  @IdempotentByDesign(
    'a streamed archive cannot be fingerprinted before it is read, so a key is ignored: a retry makes another session of the same files, which nothing else refers to',
  )
  @ApiOperation({
    summary: 'Create a session from an uploaded archive (legacy)',
    description: [
      'Legacy: new code uses projects, repositories and scans, which a session is made of. The body is the archive itself, exactly as',
      '`PUT /repositories/{id}/source` takes it (`.tar.gz`, `.tar` or `.zip`, told by its first bytes; the same limits): it becomes the source',
      'of a new `upload` repository made for the session, whose id is the session’s. The repository belongs to `projectId` when given, else to',
      'no project (so no project rolls it up or deletes it; DELETE /repositories/{id} ends the session). Refused with 413 over the upload limit',
      'or a file over `SNAPSHOT_MAX_FILE_BYTES`, 415 for another media type, and 422 ARCHIVE_REFUSED (`error.details.reason`) as an upload is;',
      'a refused archive leaves no session and no repository. Needs repository.create and repository.edit. Audited (session.create and',
      "repository.source_upload). Another organization's project is 404.",
    ].join(' '),
  })
  @ApiConsumes(...ARCHIVE_MEDIA_TYPES)
  @ApiBody({
    schema: {
      type: 'string',
      format: 'binary',
      maxLength: DEFAULT_SCAN_UPLOAD_MAX_BYTES,
      description: `The archive's bytes: at most SCAN_UPLOAD_MAX_BYTES (${DEFAULT_SCAN_UPLOAD_MAX_BYTES} by default; GET /ops/limits says what is in force)`,
    },
  })
  @ApiCreated(SessionDto)
  @ApiErrors(notFound, payloadTooLarge, blobTooLarge, unsupportedArchiveType, archiveRefused, serviceUnavailable)
  async createSession(
    @CurrentPrincipal() principal: Principal,
    @Query() query: CreateSessionQuery,
    @Headers('content-type') contentType: string | undefined,
    @Req() req: Request,
  ): Promise<SessionDto> {
    return this.sessions.create(principal.organizationId, principal, query.projectId?.toLowerCase() ?? null, req, contentType);
  }

  @Get(':sessionId')
  @RequirePermission('repository.read')
  @ApiOperation({
    summary: "A session's status (legacy)",
    description: [
      '`uploaded` until analyzed, then the status of its newest scan (`queued`, `running`, `succeeded`, `failed`, `cancelled`), with its',
      "snapshot (files, bytes), the scan and its findings summary. Another organization's session is 404.",
    ].join(' '),
  })
  @ApiParam(SESSION_PARAM)
  @ApiOk(SessionDto)
  @ApiErrors(notFound)
  async getSession(@CurrentPrincipal() principal: Principal, @UuidParam('sessionId') id: string): Promise<SessionDto> {
    return this.sessions.get(principal.organizationId, id);
  }

  @Post(':sessionId/analyze')
  @RequirePermission('scan.create')
  @Audited('scan.create', 'scan')
  @BodyLimit(SARIF_BODY_LIMIT)
  @ApiOperation({
    summary: "Analyze a session's archive (legacy)",
    description: [
      'Starts a scan of the session’s source, as `POST /repositories/{id}/scans` does, with the same optional body (scanners, rule sets,',
      'paths, or a SARIF log to import); answers the session with it. 409 SCAN_IN_PROGRESS while its newest scan is queued or running;',
      'once that one ended, analyzing again starts a new scan, which the session then shows. 429 SCAN_LIMIT_REACHED over a quota;',
      "422 SARIF_INVALID for a log that is not SARIF 2.1.0. Audited (scan.create). Another organization's session is 404.",
    ].join(' '),
  })
  @ApiParam(SESSION_PARAM)
  @ApiBody({ type: CreateScanDto, required: false })
  @ApiOk(SessionDto)
  @ApiErrors(notFound, scanInProgress, scanLimitReached, sarifInvalid, serviceUnavailable)
  async analyzeSession(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('sessionId') id: string,
    @Body() body: CreateScanDto,
  ): Promise<SessionDto> {
    return this.sessions.analyze(principal.organizationId, principal, id, body ?? {});
  }

  @Get(':sessionId/events')
  @RequirePermission('scan.read')
  @ApiOperation({
    summary: "A session's events (legacy)",
    description: [
      'Oldest first: its repository’s (repository.created, repository.source_ingested, …) and those of each of its scans (scan.queued,',
      'scan.running, scan.progress, scan.results_ingested, and how it ended), as GET /repositories/{id}/scans/{scanId}/events answers',
      "them. Poll with `after` set to the `cursor` of the last event you have. Another organization's session is 404.",
    ].join(' '),
  })
  @ApiParam(SESSION_PARAM)
  @ApiCursorPage(DomainEvent, { description: 'Events, oldest first; pass the last one’s cursor as `after` for newer ones' })
  @ApiErrors(notFound)
  async listSessionEvents(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('sessionId') id: string,
    @Query() query: ScanEventsQuery,
  ): Promise<CursorPage<DomainEvent>> {
    const limit = query.limit ?? DEFAULT_EVENTS;
    const after = query.after ? parseCursor(query.after, 'after') : { txId: '0', seq: '0' };
    const events = await this.sessions.events(principal.organizationId, id, after, limit);
    return new CursorPage(events, events.length === limit ? events[events.length - 1].cursor : null, limit);
  }
}
