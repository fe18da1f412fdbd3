import { Body, Controller, Delete, Get, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited } from '../../kernel/audit/audited.decorator.js';
import { CurrentPrincipal } from '../../kernel/auth/current-principal.decorator.js';
import type { Principal } from '../../kernel/auth/principal.js';
import { RequirePermission } from '../../kernel/auth/require-permission.decorator.js';
import { UuidParam } from '../../kernel/http/params.js';
import { ApiCreated, ApiErrors, ApiNoContent, ApiOk, ApiPage } from '../../kernel/http/response.decorators.js';
import { type Page, PageQuery } from '../../kernel/pagination/page.js';
import {
  CreateProjectDto,
  EnvironmentDto,
  ListProjectsQuery,
  ProjectDto,
  ProjectStatusDto,
  UpdateProjectDto,
} from './dto/inventory.dto.js';
import { EnvironmentsService } from './environments.service.js';
import { ProjectsService } from './projects.service.js';
import { conflict, notFound } from '../../kernel/http/kernel.errors.js';

@ApiTags('Projects')
@Controller('api/v1/projects')
export class ProjectsController {
  constructor(
    private readonly projects: ProjectsService,
    private readonly environments: EnvironmentsService,
  ) {}

  @Post()
  @RequirePermission('project.create')
  @Audited('project.create', 'project')
  @ApiOperation({
    summary: 'Create a project',
    description:
      'Creates a project in the organization you act in. The slug is derived from the name when omitted and is unique in the organization (409 when taken). Audited.',
  })
  @ApiCreated(ProjectDto)
  @ApiErrors(conflict)
  async createProject(@CurrentPrincipal() principal: Principal, @Body() body: CreateProjectDto): Promise<ProjectDto> {
    return ProjectDto.from(await this.projects.create(principal.organizationId, principal, body));
  }

  @Get()
  @RequirePermission('project.read')
  @ApiOperation({ summary: 'List projects', description: 'Filter by status; sort by name, createdAt or updatedAt.' })
  @ApiPage(ProjectDto)
  async listProjects(@CurrentPrincipal() principal: Principal, @Query() query: ListProjectsQuery): Promise<Page<ProjectDto>> {
    return (await this.projects.list(principal.organizationId, query)).map(ProjectDto.from);
  }

  @Get(':id')
  @RequirePermission('project.read')
  @ApiOperation({
    summary: 'A project',
    description: "A project of the organization you act in, with its status. Another organization's project is 404.",
  })
  @ApiOk(ProjectDto)
  @ApiErrors(notFound)
  async getProject(@CurrentPrincipal() principal: Principal, @UuidParam() id: string): Promise<ProjectDto> {
    return ProjectDto.from(await this.projects.get(principal.organizationId, id));
  }

  @Put(':id')
  @RequirePermission('project.edit')
  @Audited('project.update', 'project')
  @ApiOperation({
    summary: "Edit a project's name or description",
    description: "Changes a project's name or description; the slug stays. Audited. Another organization's project is 404.",
  })
  @ApiOk(ProjectDto)
  @ApiErrors(notFound, conflict)
  async updateProject(
    @CurrentPrincipal() principal: Principal,
    @UuidParam() id: string,
    @Body() body: UpdateProjectDto,
  ): Promise<ProjectDto> {
    return ProjectDto.from(await this.projects.update(principal.organizationId, id, body));
  }

  @Put(':id/status')
  @RequirePermission('project.edit')
  @Audited('project.status', 'project')
  @ApiOperation({
    summary: 'Archive or restore a project',
    description: "Archives a project (kept, read-only for new work) or restores it. Audited. Another organization's project is 404.",
  })
  @ApiOk(ProjectDto)
  @ApiErrors(notFound)
  async setProjectStatus(
    @CurrentPrincipal() principal: Principal,
    @UuidParam() id: string,
    @Body() body: ProjectStatusDto,
  ): Promise<ProjectDto> {
    return ProjectDto.from(await this.projects.setStatus(principal.organizationId, id, body.status));
  }

  @Delete(':id')
  @RequirePermission('project.delete')
  @Audited('project.delete', 'project')
  @ApiOperation({ summary: 'Delete a project', description: 'Only once it has no environments (409 otherwise).' })
  @ApiNoContent()
  @ApiErrors(notFound, conflict)
  async deleteProject(@CurrentPrincipal() principal: Principal, @UuidParam() id: string): Promise<void> {
    await this.projects.delete(principal.organizationId, id);
  }

  @Get(':id/environments')
  @RequirePermission('environment.read')
  @ApiOperation({
    summary: "A project's environments",
    description: "The environments of one project, paged. Another organization's project is 404.",
  })
  @ApiPage(EnvironmentDto)
  @ApiErrors(notFound)
  async listProjectEnvironments(
    @CurrentPrincipal() principal: Principal,
    @UuidParam() id: string,
    @Query() query: PageQuery,
  ): Promise<Page<EnvironmentDto>> {
    const page = await this.environments.listForProject(principal.organizationId, id, query);
    const frozen = await this.environments.frozen(
      principal.organizationId,
      page.items.map((e) => e.id),
    );
    return page.map((e) => EnvironmentDto.from(e, frozen.has(e.id)));
  }
}
