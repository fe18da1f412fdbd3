import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited } from '../../kernel/audit/audited.decorator.js';
import { AuditNotes } from '../../kernel/audit/audit-notes.js';
import { CurrentPrincipal } from '../../kernel/auth/current-principal.decorator.js';
import type { Principal } from '../../kernel/auth/principal.js';
import { RequirePermission } from '../../kernel/auth/require-permission.decorator.js';
import { BlobStore } from '../../kernel/blobs/blob-store.js';
import { AppConfig } from '../../kernel/config/app-config.js';
import { serviceUnavailable } from '../../kernel/http/kernel.errors.js';
import { ApiErrors, ApiOk } from '../../kernel/http/response.decorators.js';
import { CleanupResultDto, ScanLimitsDto } from './dto/ops.dto.js';

/** Code scanning's operational state (seed 004 `/ops`): the quotas in force, and cleanup on demand. */
@ApiTags('Code scanning operations')
@Controller('api/v1/ops')
export class OpsController {
  constructor(
    private readonly config: AppConfig,
    private readonly blobs: BlobStore,
    private readonly notes: AuditNotes,
  ) {}

  @Get('limits')
  @RequirePermission('ops.read')
  @ApiOperation({ summary: 'The quotas in force', description: 'The limits uploads and snapshots are held to, from the configuration.' })
  @ApiOk(ScanLimitsDto)
  getOpsLimits(): ScanLimitsDto {
    return ScanLimitsDto.from(this.config);
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
