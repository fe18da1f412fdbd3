import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuditQuery } from '../../kernel/audit/audit-store.js';
import { AuditStore } from '../../kernel/audit/audit-store.js';
import { CurrentPrincipal } from '../../kernel/auth/current-principal.decorator.js';
import type { Principal } from '../../kernel/auth/principal.js';
import { RequirePermission } from '../../kernel/auth/require-permission.decorator.js';
import { notFound } from '../../kernel/http/app-error.js';
import { UuidParam } from '../../kernel/http/params.js';
import { ApiCursorPage, ApiErrors, ApiOk } from '../../kernel/http/response.decorators.js';
import { CursorPage } from '../../kernel/pagination/cursor-page.js';
import { AuditEventDto, AuditEventsQuery, ChainVerificationDto, PlatformAuditQuery } from './dto/audit-event.dto.js';

const toStoreQuery = (q: AuditEventsQuery, organizationId?: string): AuditQuery => ({
  organizationId,
  actorId: q.actor,
  action: q.action,
  resource: q.resource,
  correlationId: q.correlation_id,
  since: q.since,
  until: q.until,
  limit: q.limit,
  cursor: q.cursor,
});

@ApiTags('Audit')
@Controller('api/v1')
export class AuditController {
  constructor(private readonly store: AuditStore) {}

  private async page(query: AuditQuery): Promise<CursorPage<AuditEventDto>> {
    const { items, nextCursor } = await this.store.list(query);
    return new CursorPage(items.map(AuditEventDto.from), nextCursor, query.limit);
  }

  @Get('audit-events')
  @RequirePermission('audit.read')
  @ApiOperation({ summary: "The organization's audit trail", description: 'Newest first. Filter by actor, action (or prefix*), resource (type or type:id), correlation_id and time.' })
  @ApiCursorPage(AuditEventDto)
  listAuditEvents(@CurrentPrincipal() principal: Principal, @Query() query: AuditEventsQuery): Promise<CursorPage<AuditEventDto>> {
    return this.page(toStoreQuery(query, principal.organizationId));
  }

  @Get('audit-events/verify')
  @RequirePermission('audit.read')
  @ApiOperation({ summary: "Verify the organization's audit hash chain", description: 'Recomputes every link in order: an edited, removed or reordered event is reported with its position.' })
  @ApiOk(ChainVerificationDto)
  verifyAuditChain(@CurrentPrincipal() principal: Principal): Promise<ChainVerificationDto> {
    return this.store.verify(principal.organizationId);
  }

  @Get('audit-logs')
  @RequirePermission('platform.audit.read')
  @ApiOperation({ summary: 'Audit trails of every organization (platform administrators)', description: 'Same filters as /audit-events, plus organization_id.' })
  @ApiCursorPage(AuditEventDto)
  listPlatformAuditLogs(@Query() query: PlatformAuditQuery): Promise<CursorPage<AuditEventDto>> {
    return this.page(toStoreQuery(query, query.organization_id));
  }

  @Get('organizations/:id/audit-logs')
  @RequirePermission('audit.read')
  @ApiOperation({ summary: "An organization's audit trail", description: 'The organization the request acts in; any other id is 404.' })
  @ApiCursorPage(AuditEventDto)
  @ApiErrors(404)
  listOrganizationAuditLogs(@CurrentPrincipal() principal: Principal, @UuidParam() id: string, @Query() query: AuditEventsQuery): Promise<CursorPage<AuditEventDto>> {
    if (id !== principal.organizationId) throw notFound('Organization');
    return this.page(toStoreQuery(query, id));
  }
}
