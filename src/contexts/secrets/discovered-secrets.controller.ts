import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AgentRoute } from '../../kernel/auth/agent-route.decorator.js';
import { Audited } from '../../kernel/audit/audited.decorator.js';
import { CurrentPrincipal } from '../../kernel/auth/current-principal.decorator.js';
import type { Principal } from '../../kernel/auth/principal.js';
import { RequirePermission } from '../../kernel/auth/require-permission.decorator.js';
import { BodyLimit } from '../../kernel/http/body-limit.js';
import { UuidParam } from '../../kernel/http/params.js';
import { ApiErrors, ApiOk, ApiPage } from '../../kernel/http/response.decorators.js';
import type { Page } from '../../kernel/pagination/page.js';
import { DiscoveredSecretsService } from './discovered-secrets.service.js';
import { BulkDiscoveredSecretsDto, BulkResultDto, DiscoveredSecretDto, ListDiscoveredSecretsQuery } from './dto/discovered-secret.dto.js';
import { notFound } from '../../kernel/http/kernel.errors.js';

@ApiTags('Secrets')
@Controller('api/v1')
export class DiscoveredSecretsController {
  constructor(private readonly secrets: DiscoveredSecretsService) {}

  @Post('agents/:id/secrets/bulk')
  @AgentRoute()
  // Up to 5 000 secrets per call: more than BODY_LIMIT, read only once the agent is authenticated.
  @BodyLimit('8mb')
  @Audited('secret.discover', 'agent')
  @ApiOperation({
    summary: 'Report discovered secrets',
    description:
      'An agent upserts up to 5 000 secrets it found (cluster, namespace, provider, ref, labels, status, version) in one statement. ' +
      'Never a value: any field not listed is refused with 400. The body may be up to 8 MiB; it is read only once the agent is authenticated.',
  })
  @ApiOk(BulkResultDto)
  reportDiscoveredSecrets(
    @CurrentPrincipal() agent: Principal,
    @UuidParam() _id: string,
    @Body() body: BulkDiscoveredSecretsDto,
  ): Promise<BulkResultDto> {
    return this.secrets.report(agent.organizationId, agent, body.secrets);
  }

  @Get('secrets')
  @RequirePermission('discovered_secret.read')
  @ApiOperation({
    summary: 'List discovered secrets',
    description:
      'Filter by clusterName, provider, refPrefix, status and label=key:value (repeatable); sort by clusterName, ref, firstSeenAt or lastSeenAt.',
  })
  @ApiPage(DiscoveredSecretDto)
  async listDiscoveredSecrets(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListDiscoveredSecretsQuery,
  ): Promise<Page<DiscoveredSecretDto>> {
    return (await this.secrets.list(principal.organizationId, query)).map(DiscoveredSecretDto.from);
  }

  @Get('secrets/:id')
  @RequirePermission('discovered_secret.read')
  @ApiOperation({
    summary: 'A discovered secret',
    description:
      "A secret an agent discovered: cluster, namespace, provider, ref, labels and when it was last seen. A reference only: values never pass through the control plane. Another organization's secret is 404.",
  })
  @ApiOk(DiscoveredSecretDto)
  @ApiErrors(notFound)
  async getDiscoveredSecret(@CurrentPrincipal() principal: Principal, @UuidParam() id: string): Promise<DiscoveredSecretDto> {
    return DiscoveredSecretDto.from(await this.secrets.get(principal.organizationId, id));
  }
}
