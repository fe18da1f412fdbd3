import { Controller, Get, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditCheckpoints } from '../../kernel/audit/audit-checkpoints.js';
import { AuditNotes } from '../../kernel/audit/audit-notes.js';
import type { AuditQuery } from '../../kernel/audit/audit-store.js';
import { AuditStore } from '../../kernel/audit/audit-store.js';
import { Audited } from '../../kernel/audit/audited.decorator.js';
import { CurrentPrincipal } from '../../kernel/auth/current-principal.decorator.js';
import type { Principal } from '../../kernel/auth/principal.js';
import { RequirePermission } from '../../kernel/auth/require-permission.decorator.js';
import { notFound } from '../../kernel/http/kernel.errors.js';
import { UuidParam } from '../../kernel/http/params.js';
import { ApiCreated, ApiCursorPage, ApiErrors, ApiOk } from '../../kernel/http/response.decorators.js';
import { CursorPage, CursorQuery } from '../../kernel/pagination/cursor-page.js';
import {
  ACTOR_TYPES,
  AuditCheckpointDto,
  AuditEventDto,
  AuditEventsQuery,
  ChainVerificationDto,
  PlatformAuditQuery,
  VerifyAuditChainQuery,
} from './dto/audit-event.dto.js';
import { auditChainInvalid, CHECKPOINT_REFUSAL_ERRORS } from '../../kernel/audit/audit.errors.js';

/** `user:<id>` (the form the trail's readers see everywhere) to type and id; a bare value is an id of any type. */
function actorFilter(actor: string | undefined): Pick<AuditQuery, 'actorType' | 'actorId'> {
  if (actor === undefined) return {};
  const colon = actor.indexOf(':');
  const type = actor.slice(0, colon);
  if (colon > 0 && (ACTOR_TYPES as readonly string[]).includes(type)) return { actorType: type, actorId: actor.slice(colon + 1) };
  return { actorId: actor };
}

const toStoreQuery = (q: AuditEventsQuery, organizationId?: string): AuditQuery => ({
  organizationId,
  ...actorFilter(q.actor),
  action: q.action,
  resource: q.resource,
  correlationId: q.correlationId,
  since: q.since,
  until: q.until,
  limit: q.limit,
  cursor: q.cursor,
});

@ApiTags('Audit')
@Controller('api/v1')
export class AuditController {
  constructor(
    private readonly store: AuditStore,
    private readonly checkpoints: AuditCheckpoints,
    private readonly notes: AuditNotes,
  ) {}

  private async page(query: AuditQuery): Promise<CursorPage<AuditEventDto>> {
    const { items, nextCursor } = await this.store.list(query);
    return new CursorPage(items.map(AuditEventDto.from), nextCursor, query.limit);
  }

  @Get('audit-events')
  @RequirePermission('audit.read')
  @ApiOperation({
    summary: "The organization's audit trail",
    description:
      'Newest first. Filter by actor (`<type>:<id>` or a bare id), action (or prefix*), resource (type or type:id), correlationId and time.',
  })
  @ApiCursorPage(AuditEventDto)
  listAuditEvents(@CurrentPrincipal() principal: Principal, @Query() query: AuditEventsQuery): Promise<CursorPage<AuditEventDto>> {
    return this.page(toStoreQuery(query, principal.organizationId));
  }

  @Get('audit-events/verify')
  @RequirePermission('audit.read')
  @ApiOperation({
    summary: "Verify the organization's audit chain, optionally against a checkpoint",
    description:
      'Recomputes every link in order, each under the scheme and key it names: an edited, removed, forged or reordered event is reported with its position ' +
      'and a failure code. The trail must also extend the newest checkpoint stored for the organization and, when given, a checkpoint an auditor kept ' +
      '(`checkpoint`): its event still there with its hash. A checkpoint that is not genuine is refused (400). See docs/audit-trail.md.',
  })
  @ApiOk(ChainVerificationDto)
  @ApiErrors(...CHECKPOINT_REFUSAL_ERRORS)
  verifyAuditChain(@CurrentPrincipal() principal: Principal, @Query() query: VerifyAuditChainQuery): Promise<ChainVerificationDto> {
    const checkpoint =
      query.checkpoint === undefined ? undefined : this.checkpoints.authenticate(query.checkpoint, principal.organizationId);
    return this.store.verify(principal.organizationId, checkpoint);
  }

  @Post('audit-events/checkpoints')
  @RequirePermission('audit.checkpoint')
  @Audited('audit.checkpoint', 'audit_checkpoint')
  @ApiOperation({
    summary: "Sign the organization's audit chain head now",
    description:
      'An Ed25519-signed statement of the head (organization, seq, hash, time, key id) to export and keep outside Marshal; the public keys are at ' +
      '/.well-known/audit-checkpoint-keys. The links since the last checkpoint are verified first: a trail that does not verify is not signed (409). ' +
      'Checkpoints are also signed on a schedule (AUDIT_CHECKPOINT_SCHEDULE). This request is itself audited, as the event after the one it signs.',
  })
  @ApiCreated(AuditCheckpointDto)
  @ApiErrors(auditChainInvalid)
  async createAuditCheckpoint(@CurrentPrincipal() principal: Principal): Promise<AuditCheckpointDto> {
    const checkpoint = await this.checkpoints.signNow(principal.organizationId);
    this.notes.note({ details: { seq: checkpoint.seq, keyId: checkpoint.keyId } });
    return AuditCheckpointDto.from(checkpoint);
  }

  @Get('audit-events/checkpoints')
  @RequirePermission('audit.read')
  @ApiOperation({
    summary: "The organization's signed checkpoints",
    description: 'Newest first, scheduled and requested ones alike, each with its token.',
  })
  @ApiCursorPage(AuditCheckpointDto)
  async listAuditCheckpoints(
    @CurrentPrincipal() principal: Principal,
    @Query() query: CursorQuery,
  ): Promise<CursorPage<AuditCheckpointDto>> {
    const { items, nextCursor } = await this.checkpoints.list(principal.organizationId, query.limit, query.cursor);
    return new CursorPage(items.map(AuditCheckpointDto.from), nextCursor, query.limit);
  }

  @Get('audit-logs')
  @RequirePermission('platform.audit.read')
  @ApiOperation({
    summary: 'Audit trails of every organization (platform administrators)',
    description: 'Same filters as /audit-events, plus organizationId.',
  })
  @ApiCursorPage(AuditEventDto)
  listPlatformAuditLogs(@Query() query: PlatformAuditQuery): Promise<CursorPage<AuditEventDto>> {
    return this.page(toStoreQuery(query, query.organizationId));
  }

  @Get('organizations/:id/audit-logs')
  @RequirePermission('audit.read')
  @ApiOperation({ summary: "An organization's audit trail", description: 'The organization the request acts in; any other id is 404.' })
  @ApiCursorPage(AuditEventDto)
  @ApiErrors(notFound)
  listOrganizationAuditLogs(
    @CurrentPrincipal() principal: Principal,
    @UuidParam() id: string,
    @Query() query: AuditEventsQuery,
  ): Promise<CursorPage<AuditEventDto>> {
    if (id !== principal.organizationId) throw notFound('Organization');
    return this.page(toStoreQuery(query, id));
  }
}
