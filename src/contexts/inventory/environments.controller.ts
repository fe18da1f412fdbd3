import { Body, Controller, Delete, Get, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited } from '../../kernel/audit/audited.decorator.js';
import { CurrentPrincipal } from '../../kernel/auth/current-principal.decorator.js';
import type { Principal } from '../../kernel/auth/principal.js';
import { RequirePermission } from '../../kernel/auth/require-permission.decorator.js';
import { UuidParam } from '../../kernel/http/params.js';
import { ApiCreated, ApiErrors, ApiNoContent, ApiOk, ApiPage } from '../../kernel/http/response.decorators.js';
import type { Page } from '../../kernel/pagination/page.js';
import {
  CreateEnvironmentDto,
  CreateFreezeWindowDto,
  EnvironmentDto,
  FreezeWindowDto,
  ListEnvironmentsQuery,
  ListFreezeWindowsQuery,
  UpdateEnvironmentDto,
} from './dto/inventory.dto.js';
import type { Environment } from './entities/environment.entity.js';
import { EnvironmentsService } from './environments.service.js';
import { conflict, notFound } from '../../kernel/http/kernel.errors.js';

@ApiTags('Environments')
@Controller('api/v1/environments')
export class EnvironmentsController {
  constructor(private readonly environments: EnvironmentsService) {}

  private async dto(organizationId: string, environment: Environment): Promise<EnvironmentDto> {
    const frozen = await this.environments.frozen(organizationId, [environment.id]);
    return EnvironmentDto.from(environment, frozen.has(environment.id));
  }

  @Post()
  @RequirePermission('environment.create')
  @Audited('environment.create', 'environment')
  @ApiOperation({
    summary: 'Create an environment',
    description: 'In a project, or organization-wide without projectId. Names are unique within their project (or the organization).',
  })
  @ApiCreated(EnvironmentDto)
  @ApiErrors(notFound, conflict)
  async createEnvironment(@CurrentPrincipal() principal: Principal, @Body() body: CreateEnvironmentDto): Promise<EnvironmentDto> {
    return this.dto(principal.organizationId, await this.environments.create(principal.organizationId, body));
  }

  @Get()
  @RequirePermission('environment.read')
  @ApiOperation({ summary: 'List environments', description: 'Filter by project, tier or cluster; sort by name, tier or createdAt.' })
  @ApiPage(EnvironmentDto)
  async listEnvironments(@CurrentPrincipal() principal: Principal, @Query() query: ListEnvironmentsQuery): Promise<Page<EnvironmentDto>> {
    const page = await this.environments.list(principal.organizationId, query);
    const frozen = await this.environments.frozen(
      principal.organizationId,
      page.items.map((e) => e.id),
    );
    return page.map((e) => EnvironmentDto.from(e, frozen.has(e.id)));
  }

  @Get(':id')
  @RequirePermission('environment.read')
  @ApiOperation({
    summary: 'An environment',
    description:
      "An environment of the organization you act in, with its project, tier, clusters and labels. Another organization's environment is 404.",
  })
  @ApiOk(EnvironmentDto)
  @ApiErrors(notFound)
  async getEnvironment(@CurrentPrincipal() principal: Principal, @UuidParam() id: string): Promise<EnvironmentDto> {
    return this.dto(principal.organizationId, await this.environments.get(principal.organizationId, id));
  }

  @Put(':id')
  @RequirePermission('environment.edit')
  @Audited('environment.update', 'environment')
  @ApiOperation({ summary: 'Edit an environment', description: 'Fields left out keep their value.' })
  @ApiOk(EnvironmentDto)
  @ApiErrors(notFound, conflict)
  async updateEnvironment(
    @CurrentPrincipal() principal: Principal,
    @UuidParam() id: string,
    @Body() body: UpdateEnvironmentDto,
  ): Promise<EnvironmentDto> {
    return this.dto(principal.organizationId, await this.environments.update(principal.organizationId, id, body));
  }

  @Delete(':id')
  @RequirePermission('environment.delete')
  @Audited('environment.delete', 'environment')
  @ApiOperation({ summary: 'Delete an environment', description: 'Its freeze windows go with it.' })
  @ApiNoContent()
  @ApiErrors(notFound)
  async deleteEnvironment(@CurrentPrincipal() principal: Principal, @UuidParam() id: string): Promise<void> {
    await this.environments.delete(principal.organizationId, id);
  }

  @Post(':id/freeze-windows')
  @RequirePermission('environment.freeze')
  @Audited('environment.freeze_window.create', 'freeze_window')
  @ApiOperation({
    summary: 'Declare a freeze window',
    description: 'Local start and end in an IANA time zone (daylight saving applied); stored with the UTC instants they mean.',
  })
  @ApiCreated(FreezeWindowDto)
  @ApiErrors(notFound)
  async createFreezeWindow(
    @CurrentPrincipal() principal: Principal,
    @UuidParam() id: string,
    @Body() body: CreateFreezeWindowDto,
  ): Promise<FreezeWindowDto> {
    return FreezeWindowDto.from(await this.environments.addFreezeWindow(principal.organizationId, principal, id, body));
  }

  @Get(':id/freeze-windows')
  @RequirePermission('environment.read')
  @ApiOperation({
    summary: "An environment's freeze windows",
    description: 'Filter active, upcoming or past; sort by startsAt or createdAt.',
  })
  @ApiPage(FreezeWindowDto)
  @ApiErrors(notFound)
  async listFreezeWindows(
    @CurrentPrincipal() principal: Principal,
    @UuidParam() id: string,
    @Query() query: ListFreezeWindowsQuery,
  ): Promise<Page<FreezeWindowDto>> {
    return (await this.environments.listFreezeWindows(principal.organizationId, id, query)).map((w) => FreezeWindowDto.from(w));
  }

  @Delete(':id/freeze-windows/:windowId')
  @RequirePermission('environment.freeze')
  @Audited('environment.freeze_window.delete', 'freeze_window')
  @ApiOperation({
    summary: 'Remove a freeze window',
    description:
      'Removes a freeze window from the environment, so changes it held back may go ahead. Audited. A window of another environment or organization is 404.',
  })
  @ApiNoContent()
  @ApiErrors(notFound)
  async deleteFreezeWindow(
    @CurrentPrincipal() principal: Principal,
    @UuidParam() id: string,
    @UuidParam('windowId') windowId: string,
  ): Promise<void> {
    await this.environments.removeFreezeWindow(principal.organizationId, id, windowId);
  }
}
