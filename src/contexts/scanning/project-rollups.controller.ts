import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../kernel/auth/current-principal.decorator.js';
import type { Principal } from '../../kernel/auth/principal.js';
import { RequirePermission } from '../../kernel/auth/require-permission.decorator.js';
import { DomainEvent } from '../../kernel/events/domain-event.js';
import { parseCursor } from '../../kernel/events/event-cursor.js';
import { EventHub } from '../../kernel/events/event-hub.js';
import { notFound } from '../../kernel/http/kernel.errors.js';
import { UuidParam } from '../../kernel/http/params.js';
import { ApiCursorPage, ApiErrors, ApiPage } from '../../kernel/http/response.decorators.js';
import { CursorPage } from '../../kernel/pagination/cursor-page.js';
import type { Page } from '../../kernel/pagination/page.js';
import { ProjectsService } from '../inventory/index.js';
import { FindingDto, ListFindingsQuery } from './dto/finding.dto.js';
import { ListScansQuery, ScanDto, ScanEventsQuery } from './dto/scan.dto.js';
import { FINDINGS_LIST_DESCRIPTION } from './findings.controller.js';
import { FindingsService } from './findings.service.js';
import { ScansService } from './scans.service.js';

const DEFAULT_EVENTS = 100;

/** A project's scans, findings and scan events across its repositories (seed 004's rollups). */
@ApiTags('Code scans')
@Controller('api/v1/projects/:id')
export class ProjectRollupsController {
  constructor(
    private readonly projects: ProjectsService,
    private readonly scans: ScansService,
    private readonly findings: FindingsService,
    private readonly hub: EventHub,
  ) {}

  @Get('scans')
  @RequirePermission('scan.read')
  @ApiOperation({
    summary: "A project's scans",
    description: "Of all its repositories, newest first, paged; filter by status. Another organization's project is 404.",
  })
  @ApiParam({ name: 'id', description: 'The project', format: 'uuid' })
  @ApiPage(ScanDto)
  @ApiErrors(notFound)
  async listProjectScans(
    @CurrentPrincipal() principal: Principal,
    @UuidParam() projectId: string,
    @Query() query: ListScansQuery,
  ): Promise<Page<ScanDto>> {
    await this.projects.get(principal.organizationId, projectId);
    return (await this.scans.list(principal.organizationId, { projectId }, query)).map(ScanDto.from);
  }

  @Get('findings')
  @RequirePermission('finding.read')
  @ApiOperation({
    summary: "A project's findings",
    description: `Of all its repositories. ${FINDINGS_LIST_DESCRIPTION} Another organization's project is 404.`,
  })
  @ApiParam({ name: 'id', description: 'The project', format: 'uuid' })
  @ApiPage(FindingDto)
  @ApiErrors(notFound)
  async listProjectFindings(
    @CurrentPrincipal() principal: Principal,
    @UuidParam() projectId: string,
    @Query() query: ListFindingsQuery,
  ): Promise<Page<FindingDto>> {
    await this.projects.get(principal.organizationId, projectId);
    return (await this.findings.list(principal.organizationId, { projectId }, query)).map(FindingDto.from);
  }

  @Get('events')
  @RequirePermission('scan.read')
  @ApiOperation({
    summary: "A project's scan events",
    description:
      "The progress events of all its scans, oldest first; poll with `after` set to the `cursor` of the last event you have. Another organization's project is 404.",
  })
  @ApiParam({ name: 'id', description: 'The project', format: 'uuid' })
  @ApiCursorPage(DomainEvent, { description: 'Events, oldest first; pass the last one’s cursor as `after` for newer ones' })
  @ApiErrors(notFound)
  async listProjectEvents(
    @CurrentPrincipal() principal: Principal,
    @UuidParam() projectId: string,
    @Query() query: ScanEventsQuery,
  ): Promise<CursorPage<DomainEvent>> {
    await this.projects.get(principal.organizationId, projectId);
    const limit = query.limit ?? DEFAULT_EVENTS;
    const after = query.after ? parseCursor(query.after, 'after') : { txId: '0', seq: '0' };
    const resourceIds = await this.scans.idsOfProject(principal.organizationId, projectId);
    const events = resourceIds.length
      ? await this.hub.read({ organizationId: principal.organizationId, resourceType: 'scan', resourceIds }, after, limit)
      : [];
    return new CursorPage(events, events.length === limit ? events[events.length - 1].cursor : null, limit);
  }
}
