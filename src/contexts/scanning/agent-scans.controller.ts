import { pipeline } from 'node:stream/promises';
import { Body, Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AgentRoute } from '../../kernel/auth/agent-route.decorator.js';
import { Audited, NotAudited } from '../../kernel/audit/audited.decorator.js';
import { CurrentPrincipal } from '../../kernel/auth/current-principal.decorator.js';
import type { Principal } from '../../kernel/auth/principal.js';
import { BodyLimit } from '../../kernel/http/body-limit.js';
import { notFound } from '../../kernel/http/kernel.errors.js';
import { UuidParam } from '../../kernel/http/params.js';
import { ApiErrors, ApiOk, RawResponse } from '../../kernel/http/response.decorators.js';
import { IdempotentByDesign } from '../../kernel/idempotency/idempotency.decorator.js';
import { ReportScanProgressDto, SarifReceiptDto, ScanDto, UploadScanSarifDto } from './dto/scan.dto.js';
import { SARIF_BODY_LIMIT } from './sarif-log.js';
import { ScansService } from './scans.service.js';
import { sarifInvalid, scanNotHeld } from './scanning.errors.js';

/** The agent protocol of scans: what a scanner agent holding a `scan` job reads and reports. */
@ApiTags('Agent protocol')
@Controller('api/v1/agents/:id/scans/:scanId')
export class AgentScansController {
  constructor(private readonly scans: ScansService) {}

  @Get('source')
  @AgentRoute()
  @ApiOperation({
    summary: "A held scan's source, as a tar archive",
    description:
      "The files and symbolic links of the snapshot the scan reads (without its threat profile's out-of-scope paths), as an uncompressed tar, streamed. Only for the agent that holds the scan's job (409 LEASE_LOST otherwise). A stream cut short means the server failed part-way: fetch it again.",
  })
  @RawResponse({ description: 'A tar archive', contentType: 'application/x-tar', schema: { type: 'string', format: 'binary' } })
  @ApiErrors(notFound, scanNotHeld)
  async getAgentScanSource(
    @CurrentPrincipal() agent: Principal,
    @UuidParam() _id: string,
    @UuidParam('scanId') scanId: string,
    @Res() res: Response,
  ): Promise<void> {
    const archive = await this.scans.source(agent.organizationId, agent, scanId);
    res.status(200).setHeader('Content-Type', 'application/x-tar');
    await pipeline(archive, res).catch(() => res.destroy());
  }

  @Post('progress')
  @HttpCode(200)
  @AgentRoute()
  @IdempotentByDesign('bound to the lease it names: a repeat renews the same lease and reports the same progress again')
  @NotAudited('progress is streamed as events; the scan changes state only when its job completes')
  @ApiOperation({
    summary: "Report a held scan's progress",
    description:
      "Files to scan and done, results so far, a message: streamed as a scan.progress event. Marks the scan running (the first time) and renews its job's lease. 409 LEASE_LOST: stop.",
  })
  @ApiOk(ScanDto)
  @ApiErrors(notFound, scanNotHeld)
  async reportAgentScanProgress(
    @CurrentPrincipal() agent: Principal,
    @UuidParam() _id: string,
    @UuidParam('scanId') scanId: string,
    @Body() body: ReportScanProgressDto,
  ): Promise<ScanDto> {
    return ScanDto.from(await this.scans.progress(agent.organizationId, agent, scanId, body));
  }

  @Post('sarif')
  @HttpCode(200)
  @AgentRoute()
  @BodyLimit(SARIF_BODY_LIMIT)
  @IdempotentByDesign(
    'a log sent again is stored once (by its hash) and its results are the same findings seen again by the same scan: nothing changes twice',
  )
  @Audited('scan.results_upload', 'scan')
  @ApiOperation({
    summary: 'Upload SARIF for a held scan',
    description:
      "A SARIF 2.1.0 log of the scan's results (one run per tool; several uploads add up). Validated against the schema (422 SARIF_INVALID naming the JSON path, and nothing stored), stored in the blob store, and its results matched to the repository's findings by fingerprint. Complete the job afterwards: its success fixes the findings of these tools the scan did not see.",
  })
  @ApiOk(SarifReceiptDto)
  @ApiErrors(notFound, scanNotHeld, sarifInvalid)
  async uploadAgentScanSarif(
    @CurrentPrincipal() agent: Principal,
    @UuidParam() _id: string,
    @UuidParam('scanId') scanId: string,
    @Body() body: UploadScanSarifDto,
  ): Promise<SarifReceiptDto> {
    const { results, tools, sha256 } = await this.scans.uploadSarif(agent.organizationId, agent, scanId, body.leaseId, body.sarif);
    return { results, tools, sha256 };
  }
}
