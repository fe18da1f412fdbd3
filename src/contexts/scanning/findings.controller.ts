import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Audited } from '../../kernel/audit/audited.decorator.js';
import { CurrentPrincipal } from '../../kernel/auth/current-principal.decorator.js';
import type { Principal } from '../../kernel/auth/principal.js';
import { RequirePermission } from '../../kernel/auth/require-permission.decorator.js';
import { conflict, notFound } from '../../kernel/http/kernel.errors.js';
import { UuidParam } from '../../kernel/http/params.js';
import { ApiErrors, ApiOk, ApiPage } from '../../kernel/http/response.decorators.js';
import type { Page } from '../../kernel/pagination/page.js';
import { FindingDetailDto, FindingDto, ListFindingsQuery, TriageFindingDto } from './dto/finding.dto.js';
import { FindingsService } from './findings.service.js';
import { ScansService } from './scans.service.js';

export const FINDINGS_LIST_DESCRIPTION =
  'Sorted by severity (critical first), then most recently seen (or `sort`: severity, lastSeenAt, firstSeenAt, updatedAt, path); filter by severity, status, ruleId, tool, pathPrefix and scanId (the findings that scan saw).';

/** Findings of a repository (seed 004): read, and triaged by people. */
@ApiTags('Code findings')
@Controller('api/v1/repositories/:id/findings')
export class FindingsController {
  constructor(
    private readonly findings: FindingsService,
    private readonly scans: ScansService,
  ) {}

  @Get()
  @RequirePermission('finding.read')
  @ApiOperation({
    summary: "A repository's findings",
    description: `${FINDINGS_LIST_DESCRIPTION} Another organization's repository is 404.`,
  })
  @ApiParam({ name: 'id', description: 'The repository', format: 'uuid' })
  @ApiPage(FindingDto)
  @ApiErrors(notFound)
  async listRepositoryFindings(
    @CurrentPrincipal() principal: Principal,
    @UuidParam() repositoryId: string,
    @Query() query: ListFindingsQuery,
  ): Promise<Page<FindingDto>> {
    await this.scans.repositoryOf(principal.organizationId, repositoryId);
    return (await this.findings.list(principal.organizationId, { repositoryId }, query)).map(FindingDto.from);
  }

  @Get(':findingId')
  @RequirePermission('finding.read')
  @ApiOperation({
    summary: 'A finding',
    description:
      "With its location, snippet, rule, first and last scans, and its triage history. Another repository's or organization's finding is 404.",
  })
  @ApiParam({ name: 'id', description: 'The repository', format: 'uuid' })
  @ApiOk(FindingDetailDto)
  @ApiErrors(notFound)
  async getRepositoryFinding(
    @CurrentPrincipal() principal: Principal,
    @UuidParam() repositoryId: string,
    @UuidParam('findingId') findingId: string,
  ): Promise<FindingDetailDto> {
    const { finding, rule, history } = await this.findings.get(principal.organizationId, repositoryId, findingId);
    return FindingDetailDto.detail(finding, rule, history);
  }

  @Put(':findingId')
  @RequirePermission('finding.triage')
  @Audited('finding.triage', 'finding')
  @ApiOperation({
    summary: 'Triage a finding',
    description:
      "Sets its status: `open`, `confirmed`, or `dismissed` with a `reason` (false_positive, wont_fix, used_in_tests) and a `comment`, both required to dismiss. A triage is kept while later scans see the finding again. `fixed` is set by scans only, and a fixed finding is 409 until a scan reopens it. Audited with the actor. Another organization's finding is 404.",
  })
  @ApiParam({ name: 'id', description: 'The repository', format: 'uuid' })
  @ApiOk(FindingDetailDto)
  @ApiErrors(notFound, conflict)
  async triageRepositoryFinding(
    @CurrentPrincipal() principal: Principal,
    @UuidParam() repositoryId: string,
    @UuidParam('findingId') findingId: string,
    @Body() body: TriageFindingDto,
  ): Promise<FindingDetailDto> {
    const { finding, rule, history } = await this.findings.triage(principal.organizationId, principal, repositoryId, findingId, body);
    return FindingDetailDto.detail(finding, rule, history);
  }
}
