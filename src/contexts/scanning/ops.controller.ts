import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Audited } from '../../kernel/audit/audited.decorator.js';
import { AuditNotes } from '../../kernel/audit/audit-notes.js';
import { CurrentPrincipal } from '../../kernel/auth/current-principal.decorator.js';
import type { Principal } from '../../kernel/auth/principal.js';
import { RequirePermission } from '../../kernel/auth/require-permission.decorator.js';
import { BlobStore } from '../../kernel/blobs/blob-store.js';
import { AppConfig } from '../../kernel/config/app-config.js';
import { notFound, serviceUnavailable } from '../../kernel/http/kernel.errors.js';
import { UuidParam } from '../../kernel/http/params.js';
import { ApiErrors, ApiOk, ApiPage } from '../../kernel/http/response.decorators.js';
import { type Page, PageQuery } from '../../kernel/pagination/page.js';
import { AgentDto, AgentsService } from '../agents/index.js';
import { CleanupResultDto, ScanLimitsDto, ScanWorkerDto, UpdateScanLimitOverridesDto } from './dto/ops.dto.js';
import { GitUploadsService } from './git/git-uploads.service.js';
import { ScanLimits } from './scan-limits.js';
import { SCAN_JOB_TYPE, ScansService } from './scans.service.js';

/** Code scanning's operational state (seed 004 `/ops`): the quotas in force, and cleanup on demand. */
@ApiTags('Code scanning operations')
@Controller('api/v1/ops')
export class OpsController {
  constructor(
    private readonly config: AppConfig,
    private readonly blobs: BlobStore,
    private readonly notes: AuditNotes,
    private readonly agents: AgentsService,
    private readonly scans: ScansService,
    private readonly limits: ScanLimits,
    private readonly gitUploads: GitUploadsService,
  ) {}

  @Get('limits')
  @RequirePermission('ops.read')
  @ApiOperation({
    summary: 'The quotas in force',
    description:
      "The limits the organization's uploads, snapshots and scans are held to: the configuration's, or the platform operator's override for the organization (`sources` says which, per limit). Exceeding one is 413 or 429 naming it (`error.details.limit`), or 422 ARCHIVE_REFUSED with its reason.",
  })
  @ApiOk(ScanLimitsDto)
  async getOpsLimits(@CurrentPrincipal() principal: Principal): Promise<ScanLimitsDto> {
    return ScanLimitsDto.from(this.config, await this.limits.for(principal.organizationId));
  }

  @Patch('limits/organizations/:organizationId')
  @RequirePermission('platform.limits.write')
  @Audited('platform.scan_limits.update', 'organization')
  @ApiOperation({
    summary: "Override an organization's scanning quotas (platform administrators)",
    description: [
      "Sets the limits named in the body for that organization, in place of the configuration's: a number sets an override, null clears it",
      '(the configuration applies again), a field left out stays as it is. Every enforcement point reads them at once. Answers the limits now in',
      'force for the organization, as GET /ops/limits shows them to it. Platform administrators only: a tenant cannot raise its own quota.',
      'Audited (in the platform administrator’s organization, naming the organization changed). 404 for an organization that does not exist.',
    ].join(' '),
  })
  @ApiParam({ name: 'organizationId', description: 'The organization whose limits change', format: 'uuid' })
  @ApiOk(ScanLimitsDto)
  @ApiErrors(notFound)
  async updateOrganizationScanLimits(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('organizationId') organizationId: string,
    @Body() body: UpdateScanLimitOverridesDto,
  ): Promise<ScanLimitsDto> {
    const { limits, set, clear } = await this.limits.override(principal, organizationId, body);
    this.notes.note({ resourceId: organizationId, details: { set, cleared: clear } });
    return ScanLimitsDto.from(this.config, limits);
  }

  @Get('workers')
  @RequirePermission('ops.read')
  @ApiOperation({
    summary: 'Scanner agents',
    description:
      'The active agents that run scans (`scan` among their capabilities), by name, paged: each with its heartbeat (lastSeenAt, connectivity), capabilities, labels, and the scans it holds now.',
  })
  @ApiPage(ScanWorkerDto)
  async listOpsWorkers(@CurrentPrincipal() principal: Principal, @Query() query: PageQuery): Promise<Page<ScanWorkerDto>> {
    const page = await this.agents.list(principal.organizationId, { ...query, capability: SCAN_JOB_TYPE, status: 'active' });
    const held = await this.scans.heldBy(principal.organizationId);
    const beat = this.agents.timing.heartbeatIntervalSeconds;
    return page.map((agent) => ({ agent: AgentDto.from(agent, beat), scans: held.get(agent.id) ?? [] }));
  }

  @Post('cleanup')
  @HttpCode(200)
  @RequirePermission('ops.cleanup')
  @Audited('ops.cleanup', 'organization')
  @ApiOperation({
    summary: 'Clean up stale artifacts now',
    description:
      "Removes now the organization's expired git remotes (POST /git-uploads), and what the scheduled sweep would: its stored content that nothing uses (the files of replaced or deleted snapshots, refused uploads) once BLOB_GRACE_SECONDS have passed since it was stored, and bytes no write finished. Answers what it removed of the organization's. Audited.",
  })
  @ApiOk(CleanupResultDto)
  @ApiErrors(serviceUnavailable)
  async runOpsCleanup(@CurrentPrincipal() principal: Principal): Promise<CleanupResultDto> {
    const gitUploadsRemoved = await this.gitUploads.removeExpired(principal.organizationId);
    const counts = await this.blobs.sweep(principal.organizationId);
    const result = { gitUploadsRemoved, blobsRemoved: counts.blobs, bytesRemoved: counts.bytes };
    this.notes.note({ resourceId: principal.organizationId, details: result });
    return result;
  }
}
