import { Body, Controller, Delete, Get, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited, NotAudited } from '../../kernel/audit/audited.decorator.js';
import { CurrentPrincipal } from '../../kernel/auth/current-principal.decorator.js';
import type { Principal } from '../../kernel/auth/principal.js';
import { RequirePermission } from '../../kernel/auth/require-permission.decorator.js';
import { UuidParam } from '../../kernel/http/params.js';
import { ApiCreated, ApiErrors, ApiNoContent, ApiOk, ApiPage } from '../../kernel/http/response.decorators.js';
import { type Page, PageQuery } from '../../kernel/pagination/page.js';
import {
  CreateWorkflowDefinitionDto,
  ListWorkflowDefinitionsQuery,
  UpdateWorkflowDefinitionDto,
  ValidateWorkflowDefinitionDto,
  WorkflowDefinitionDto,
  WorkflowDefinitionVersionDto,
  WorkflowValidationDto,
} from './dto/definition.dto.js';
import { WorkflowDefinitionsService } from './workflow-definitions.service.js';
import { conflict, notFound } from '../../kernel/http/kernel.errors.js';

/** Seed 002's workflow templates: the workflow definitions, with full CRUD, versions and validation. */
@ApiTags('Workflow definitions')
@Controller('api/v1/workflow-templates')
export class WorkflowTemplatesController {
  constructor(private readonly definitions: WorkflowDefinitionsService) {}

  @Post()
  @RequirePermission('workflow_definition.edit')
  @Audited('workflow_definition.create', 'workflow_definition')
  @ApiOperation({
    summary: 'Create a workflow template',
    description:
      'A versioned DAG of steps (version 1). The whole graph is checked first: an invalid one is 400 VALIDATION_FAILED with every problem at `nodes[<index>]...`. The same resource as /workflow-definitions.',
  })
  @ApiCreated(WorkflowDefinitionDto)
  @ApiErrors(conflict)
  async createWorkflowTemplate(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateWorkflowDefinitionDto,
  ): Promise<WorkflowDefinitionDto> {
    return WorkflowDefinitionDto.from(await this.definitions.create(principal.organizationId, principal, body));
  }

  @Get()
  @RequirePermission('workflow_definition.read')
  @ApiOperation({
    summary: 'List workflow templates',
    description: 'Sort by name (default), createdAt, updatedAt or version; q searches name and description.',
  })
  @ApiPage(WorkflowDefinitionDto)
  async listWorkflowTemplates(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListWorkflowDefinitionsQuery,
  ): Promise<Page<WorkflowDefinitionDto>> {
    return (await this.definitions.list(principal.organizationId, query)).map(WorkflowDefinitionDto.from);
  }

  @Get(':id')
  @RequirePermission('workflow_definition.read')
  @ApiOperation({ summary: 'A workflow template', description: 'Its current version.' })
  @ApiOk(WorkflowDefinitionDto)
  @ApiErrors(notFound)
  async getWorkflowTemplate(@CurrentPrincipal() principal: Principal, @UuidParam() id: string): Promise<WorkflowDefinitionDto> {
    return WorkflowDefinitionDto.from(await this.definitions.get(principal.organizationId, id));
  }

  @Get(':id/versions')
  @RequirePermission('workflow_definition.read')
  @ApiOperation({
    summary: "A workflow template's versions",
    description:
      'Every version of the graph as it was made, newest first (sort by version or createdAt). Versions never change; runs pin one.',
  })
  @ApiPage(WorkflowDefinitionVersionDto)
  @ApiErrors(notFound)
  async listWorkflowTemplateVersions(
    @CurrentPrincipal() principal: Principal,
    @UuidParam() id: string,
    @Query() query: PageQuery,
  ): Promise<Page<WorkflowDefinitionVersionDto>> {
    return (await this.definitions.versions(principal.organizationId, id, query)).map(WorkflowDefinitionVersionDto.from);
  }

  @Put(':id')
  @RequirePermission('workflow_definition.edit')
  @Audited('workflow_definition.update', 'workflow_definition')
  @ApiOperation({
    summary: 'Edit a workflow template',
    description:
      'Fields left out stay. A change to the nodes or the input schema makes a new version (version + 1); the previous ones stay readable at /versions. Name and description edits keep the version.',
  })
  @ApiOk(WorkflowDefinitionDto)
  @ApiErrors(notFound, conflict)
  async updateWorkflowTemplate(
    @CurrentPrincipal() principal: Principal,
    @UuidParam() id: string,
    @Body() body: UpdateWorkflowDefinitionDto,
  ): Promise<WorkflowDefinitionDto> {
    return WorkflowDefinitionDto.from(await this.definitions.update(principal.organizationId, principal, id, body));
  }

  @Delete(':id')
  @RequirePermission('workflow_definition.edit')
  @Audited('workflow_definition.delete', 'workflow_definition')
  @ApiOperation({
    summary: 'Delete a workflow template',
    description: 'With all its versions; refused (409) while one of its runs is still going.',
  })
  @ApiNoContent()
  @ApiErrors(notFound, [conflict, 'A run of the template is still going'])
  async deleteWorkflowTemplate(@CurrentPrincipal() principal: Principal, @UuidParam() id: string): Promise<void> {
    await this.definitions.delete(principal.organizationId, id);
  }

  @Post(':id/validate')
  @RequirePermission('workflow_definition.read')
  @NotAudited('a read over POST: checks a graph and changes nothing')
  @ApiOperation({
    summary: 'Validate a workflow template',
    description:
      'Checks the stored graph, or a draft `nodes` given in the body, and answers 200 either way: `{valid: true, errors: []}`, or `{valid: false, errors}` ' +
      'with each problem at `nodes[<index>]...` and its code (DUPLICATE_NODE_ID, UNKNOWN_STEP_TYPE, INVALID_INPUT, PRIVATE_TARGET, UNKNOWN_DEPENDENCY, UNKNOWN_REFERENCE, CYCLE, UNREACHABLE). ' +
      'A body that is not even shaped like nodes (a missing id, a bad retry) is 400.',
  })
  @ApiOk(WorkflowValidationDto)
  @ApiErrors(notFound)
  async validateWorkflowTemplate(
    @CurrentPrincipal() principal: Principal,
    @UuidParam() id: string,
    @Body() body: ValidateWorkflowDefinitionDto,
  ): Promise<WorkflowValidationDto> {
    const errors = await this.definitions.validate(principal.organizationId, id, body.nodes);
    return { valid: errors.length === 0, errors };
  }
}
