import { Body, Controller, Delete, Get, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited } from '../../kernel/audit/audited.decorator.js';
import { CurrentPrincipal } from '../../kernel/auth/current-principal.decorator.js';
import type { Principal } from '../../kernel/auth/principal.js';
import { RequirePermission } from '../../kernel/auth/require-permission.decorator.js';
import { UuidParam } from '../../kernel/http/params.js';
import { conflict } from '../../kernel/http/kernel.errors.js';
import { ApiCreated, ApiErrors, ApiNoContent, ApiPage } from '../../kernel/http/response.decorators.js';
import { unknownEndpoint } from './integrations.errors.js';
import type { Page } from '../../kernel/pagination/page.js';
import { CreateGitopsAppMappingDto, GitopsAppMappingDto, ListGitopsAppMappingsQuery } from './dto/gitops.dto.js';
import { GitopsAppMappingsService } from './gitops-app-mappings.service.js';
import { GITOPS_OFF, GITOPS_OFF_OR_MISSING } from './gitops-docs.js';

@ApiTags('GitOps')
@Controller('api/v1/gitops-app-mappings')
export class GitopsAppMappingsController {
  constructor(private readonly mappings: GitopsAppMappingsService) {}

  @Post()
  @RequirePermission('integration.edit')
  @Audited('gitops_app_mapping.create', 'gitops_app_mapping')
  @ApiOperation({
    summary: 'Map a secret to an Argo CD application',
    description:
      "Ties a secret's location (cluster, namespace, ref: as a discovered secret names it) to an application on an Argo CD endpoint, " +
      `whose sync and health then show on access requests for that secret. One per (endpoint, application, location): 409 on a repeat. ${GITOPS_OFF.sentence}`,
  })
  @ApiCreated(GitopsAppMappingDto)
  @ApiErrors(GITOPS_OFF.response, conflict, unknownEndpoint)
  async createGitopsAppMapping(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateGitopsAppMappingDto,
  ): Promise<GitopsAppMappingDto> {
    return GitopsAppMappingDto.from(await this.mappings.create(principal.organizationId, principal, body));
  }

  @Get()
  @RequirePermission('integration.read')
  @ApiOperation({
    summary: 'List GitOps app mappings',
    description: `Filter by endpointId and clusterName; q searches application names, namespaces and refs; sort by applicationName, clusterName, namespace, ref or createdAt. ${GITOPS_OFF.sentence}`,
  })
  @ApiPage(GitopsAppMappingDto)
  @ApiErrors(GITOPS_OFF.response)
  async listGitopsAppMappings(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListGitopsAppMappingsQuery,
  ): Promise<Page<GitopsAppMappingDto>> {
    return (await this.mappings.list(principal.organizationId, query)).map(GitopsAppMappingDto.from);
  }

  @Delete(':id')
  @RequirePermission('integration.edit')
  @Audited('gitops_app_mapping.delete', 'gitops_app_mapping')
  @ApiOperation({ summary: 'Delete a GitOps app mapping', description: GITOPS_OFF.sentence })
  @ApiNoContent()
  @ApiErrors(...GITOPS_OFF_OR_MISSING('GitOps app mapping'))
  async deleteGitopsAppMapping(@CurrentPrincipal() principal: Principal, @UuidParam() id: string): Promise<void> {
    await this.mappings.delete(principal.organizationId, id);
  }
}
