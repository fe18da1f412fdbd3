import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited } from '../../kernel/audit/audited.decorator.js';
import { CurrentPrincipal } from '../../kernel/auth/current-principal.decorator.js';
import type { Principal } from '../../kernel/auth/principal.js';
import { RequirePermission } from '../../kernel/auth/require-permission.decorator.js';
import { ApiCreated, ApiErrors, ApiPage } from '../../kernel/http/response.decorators.js';
import type { Page } from '../../kernel/pagination/page.js';
import { CreateWorkflowDefinitionDto, ListWorkflowDefinitionsQuery, WorkflowDefinitionDto } from './dto/definition.dto.js';
import { WorkflowDefinitionsService } from './workflow-definitions.service.js';
import { conflict } from '../../kernel/http/kernel.errors.js';

/** Seed 003's workflow definitions (its `/v1/...`, served under /api/v1): the same resource as /workflow-templates. */
@ApiTags('Workflow definitions')
@Controller('api/v1/workflow-definitions')
export class WorkflowDefinitionsController {
  constructor(private readonly definitions: WorkflowDefinitionsService) {}

  @Post()
  @RequirePermission('workflow_definition.edit')
  @Audited('workflow_definition.create', 'workflow_definition')
  @ApiOperation({
    summary: 'Create a workflow definition',
    description:
      'The same as POST /workflow-templates: a versioned DAG of nodes, checked whole first (400 VALIDATION_FAILED with each problem at `nodes[<index>]...`).',
  })
  @ApiCreated(WorkflowDefinitionDto)
  @ApiErrors(conflict)
  async createWorkflowDefinition(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateWorkflowDefinitionDto,
  ): Promise<WorkflowDefinitionDto> {
    return WorkflowDefinitionDto.from(await this.definitions.create(principal.organizationId, principal, body));
  }

  @Get()
  @RequirePermission('workflow_definition.read')
  @ApiOperation({ summary: 'List workflow definitions', description: 'The same list as GET /workflow-templates.' })
  @ApiPage(WorkflowDefinitionDto)
  async listWorkflowDefinitions(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListWorkflowDefinitionsQuery,
  ): Promise<Page<WorkflowDefinitionDto>> {
    return (await this.definitions.list(principal.organizationId, query)).map(WorkflowDefinitionDto.from);
  }
}
