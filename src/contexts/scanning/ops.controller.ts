import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited } from '../../kernel/audit/audited.decorator.js';
import { AuditNotes } from '../../kernel/audit/audit-notes.js';
import { CurrentPrincipal } from '../../kernel/auth/current-principal.decorator.js';
import type { Principal } from '../../kernel/auth/principal.js';
import { RequirePermission } from '../../kernel/auth/require-permission.decorator.js';
import { BlobStore } from '../../kernel/blobs/blob-store.js';
import { AppConfig } from '../../kernel/config/app-config.js';
import { serviceUnavailable } from '../../kernel/http/kernel.errors.js';
import { ApiErrors, ApiOk, ApiPage } from '../../kernel/http/response.decorators.js';
import { type Page, PageQuery } from '../../kernel/pagination/page.js';
import { AgentDto, AgentsService } from '../agents/index.js';
import { CleanupResultDto, ScanLimitsDto, ScanWorkerDto } from './dto/ops.dto.js';
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
  ) {}

  @Get('limits')
  @RequirePermission('ops.read')
  @ApiOperation({ summary: 'The quotas in force', description: 'The limits uploads and snapshots are held to, from the configuration.' })
  @ApiOk(ScanLimitsDto)
  getOpsLimits(): ScanLimitsDto {
    return ScanLimitsDto.from(this.config);
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
      "Removes now what the scheduled sweep would: the organization's stored content that nothing uses (the files of replaced or deleted snapshots, refused uploads) once BLOB_GRACE_SECONDS have passed since it was stored, and bytes no write finished. Answers what it removed of the organization's. Audited.",
  })
  @ApiOk(CleanupResultDto)
  @ApiErrors(serviceUnavailable)
  async runOpsCleanup(@CurrentPrincipal() principal: Principal): Promise<CleanupResultDto> {
    const counts = await this.blobs.sweep(principal.organizationId);
    const result = { blobsRemoved: counts.blobs, bytesRemoved: counts.bytes };
    this.notes.note({ resourceId: principal.organizationId, details: result });
    return result;
  }
}
