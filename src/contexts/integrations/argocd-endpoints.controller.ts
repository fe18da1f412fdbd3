import { Body, Controller, Delete, Get, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited } from '../../kernel/audit/audited.decorator.js';
import { CurrentPrincipal } from '../../kernel/auth/current-principal.decorator.js';
import type { Principal } from '../../kernel/auth/principal.js';
import { RequirePermission } from '../../kernel/auth/require-permission.decorator.js';
import { UuidParam } from '../../kernel/http/params.js';
import { ApiCreated, ApiErrors, ApiNoContent, ApiOk, ApiPage } from '../../kernel/http/response.decorators.js';
import type { Page } from '../../kernel/pagination/page.js';
import { ArgocdEndpointsService } from './argocd-endpoints.service.js';
import {
  ArgocdApplicationDto,
  ArgocdEndpointDto,
  CreateArgocdEndpointDto,
  ListArgocdEndpointsQuery,
  SetArgocdEndpointEnabledDto,
} from './dto/gitops.dto.js';
import { GITOPS_OFF, GITOPS_OFF_OR_MISSING } from './gitops-docs.js';
import { conflict } from '../../kernel/http/kernel.errors.js';
import { OUTBOUND_REFUSALS, upstreamUnauthorized, upstreamUnavailable } from './integrations.errors.js';

@ApiTags('GitOps')
@Controller('api/v1/argocd-endpoints')
export class ArgocdEndpointsController {
  constructor(private readonly endpoints: ArgocdEndpointsService) {}

  @Post()
  @RequirePermission('integration.edit')
  @Audited('argocd_endpoint.create', 'argocd_endpoint')
  @ApiOperation({
    summary: 'Add an Argo CD endpoint',
    description:
      'An Argo CD API server and a bearer token to read its applications with. The token is stored encrypted and never returned: ' +
      "responses show hasToken and a fingerprint. Names are unique in the organization (409). A URL the deployment's outbound rules refuse " +
      '(a literal loopback, private or link-local host without OUTBOUND_ALLOW_PRIVATE, a host not in OUTBOUND_ALLOWED_HOSTS) is 400 at `url` ' +
      `(PRIVATE_TARGET, HOST_NOT_ALLOWED). ${GITOPS_OFF.sentence}`,
  })
  @ApiCreated(ArgocdEndpointDto)
  @ApiErrors(GITOPS_OFF.response, conflict)
  async createArgocdEndpoint(@CurrentPrincipal() principal: Principal, @Body() body: CreateArgocdEndpointDto): Promise<ArgocdEndpointDto> {
    return ArgocdEndpointDto.from(await this.endpoints.create(principal.organizationId, principal, body));
  }

  @Get()
  @RequirePermission('integration.read')
  @ApiOperation({
    summary: 'List Argo CD endpoints',
    description: `q searches names and URLs; sort by name, createdAt or updatedAt. ${GITOPS_OFF.sentence}`,
  })
  @ApiPage(ArgocdEndpointDto)
  @ApiErrors(GITOPS_OFF.response)
  async listArgocdEndpoints(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListArgocdEndpointsQuery,
  ): Promise<Page<ArgocdEndpointDto>> {
    return (await this.endpoints.list(principal.organizationId, query)).map(ArgocdEndpointDto.from);
  }

  @Get(':id/discovered-apps')
  @RequirePermission('integration.read')
  @ApiOperation({
    summary: "An Argo CD endpoint's applications",
    description:
      'Asks the endpoint live (GET /api/v1/applications, within GITOPS_TIMEOUT_MS) through the outbound rules, and records the outcome on it ' +
      '(lastDiscoveryAt, lastError). ' +
      `A disabled endpoint is 409. ${GITOPS_OFF.sentence}`,
  })
  @ApiOk(ArgocdApplicationDto, { isArray: true, description: 'The applications, by name' })
  @ApiErrors(
    ...GITOPS_OFF_OR_MISSING('Argo CD endpoint'),
    [conflict, 'The endpoint is disabled'],
    OUTBOUND_REFUSALS.PRIVATE_TARGET,
    OUTBOUND_REFUSALS.HOST_NOT_ALLOWED,
    upstreamUnavailable,
    upstreamUnauthorized,
  )
  discoverArgocdApplications(@CurrentPrincipal() principal: Principal, @UuidParam() id: string): Promise<ArgocdApplicationDto[]> {
    return this.endpoints.discover(principal.organizationId, id);
  }

  @Put(':id/enabled')
  @RequirePermission('integration.edit')
  @Audited('argocd_endpoint.set_enabled', 'argocd_endpoint')
  @ApiOperation({
    summary: 'Enable or disable an Argo CD endpoint',
    description: `A disabled endpoint keeps its mappings; it is neither discovered nor observed. ${GITOPS_OFF.sentence}`,
  })
  @ApiOk(ArgocdEndpointDto)
  @ApiErrors(...GITOPS_OFF_OR_MISSING('Argo CD endpoint'))
  async setArgocdEndpointEnabled(
    @CurrentPrincipal() principal: Principal,
    @UuidParam() id: string,
    @Body() body: SetArgocdEndpointEnabledDto,
  ): Promise<ArgocdEndpointDto> {
    return ArgocdEndpointDto.from(await this.endpoints.setEnabled(principal.organizationId, id, body.enabled));
  }

  @Delete(':id')
  @RequirePermission('integration.edit')
  @Audited('argocd_endpoint.delete', 'argocd_endpoint')
  @ApiOperation({
    summary: 'Delete an Argo CD endpoint',
    description: `Only once no app mapping refers to it (409 otherwise, with their count). ${GITOPS_OFF.sentence}`,
  })
  @ApiNoContent()
  @ApiErrors(...GITOPS_OFF_OR_MISSING('Argo CD endpoint'), [conflict, 'App mappings still refer to the endpoint'])
  async deleteArgocdEndpoint(@CurrentPrincipal() principal: Principal, @UuidParam() id: string): Promise<void> {
    await this.endpoints.delete(principal.organizationId, id);
  }
}
