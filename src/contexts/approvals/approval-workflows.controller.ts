import { Body, Controller, Delete, Get, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited } from '../../kernel/audit/audited.decorator.js';
import { CurrentPrincipal } from '../../kernel/auth/current-principal.decorator.js';
import type { Principal } from '../../kernel/auth/principal.js';
import { RequirePermission } from '../../kernel/auth/require-permission.decorator.js';
import { UuidParam } from '../../kernel/http/params.js';
import { ApiCreated, ApiErrors, ApiNoContent, ApiOk, ApiPage } from '../../kernel/http/response.decorators.js';
import type { Page } from '../../kernel/pagination/page.js';
import { ApprovalWorkflowsService } from './approval-workflows.service.js';
import {
  ApprovalWorkflowDto,
  CreateApprovalWorkflowDto,
  ListApprovalWorkflowsQuery,
  UpdateApprovalWorkflowDto,
} from './dto/workflow.dto.js';
import { conflict, notFound } from '../../kernel/http/kernel.errors.js';
import { unsatisfiableStage } from './approvals.errors.js';

@ApiTags('Approval workflows')
@Controller('api/v1/workflows')
export class ApprovalWorkflowsController {
  constructor(private readonly workflows: ApprovalWorkflowsService) {}

  @Post()
  @RequirePermission('approval_workflow.edit')
  @Audited('approval_workflow.create', 'approval_workflow')
  @ApiOperation({
    summary: 'Create an approval workflow',
    description:
      'Ordered stages, each needing N approvals from holders of a role or from named members. A stage is decided by its first rejection or its Nth approval.',
  })
  @ApiCreated(ApprovalWorkflowDto)
  @ApiErrors(conflict, unsatisfiableStage)
  async createApprovalWorkflow(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateApprovalWorkflowDto,
  ): Promise<ApprovalWorkflowDto> {
    return ApprovalWorkflowDto.from(await this.workflows.create(principal.organizationId, principal, body));
  }

  @Get()
  @RequirePermission('approval_workflow.read')
  @ApiOperation({
    summary: 'List approval workflows',
    description: 'The approval workflows of the organization you act in, with their stages, paged.',
  })
  @ApiPage(ApprovalWorkflowDto)
  async listApprovalWorkflows(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListApprovalWorkflowsQuery,
  ): Promise<Page<ApprovalWorkflowDto>> {
    return (await this.workflows.list(principal.organizationId, query)).map(ApprovalWorkflowDto.from);
  }

  @Get(':id')
  @RequirePermission('approval_workflow.read')
  @ApiOperation({
    summary: 'An approval workflow',
    description:
      "An approval workflow: its stages in order, how many approvals each needs, and its time limits. Another organization's workflow is 404.",
  })
  @ApiOk(ApprovalWorkflowDto)
  @ApiErrors(notFound)
  async getApprovalWorkflow(@CurrentPrincipal() principal: Principal, @UuidParam() id: string): Promise<ApprovalWorkflowDto> {
    return ApprovalWorkflowDto.from(await this.workflows.get(principal.organizationId, id));
  }

  @Put(':id')
  @RequirePermission('approval_workflow.edit')
  @Audited('approval_workflow.update', 'approval_workflow')
  @ApiOperation({
    summary: 'Edit an approval workflow',
    description: 'Requests already awaiting approval keep the stages they opened with.',
  })
  @ApiOk(ApprovalWorkflowDto)
  @ApiErrors(notFound, conflict, unsatisfiableStage)
  async updateApprovalWorkflow(
    @CurrentPrincipal() principal: Principal,
    @UuidParam() id: string,
    @Body() body: UpdateApprovalWorkflowDto,
  ): Promise<ApprovalWorkflowDto> {
    return ApprovalWorkflowDto.from(await this.workflows.update(principal.organizationId, id, body));
  }

  @Delete(':id')
  @RequirePermission('approval_workflow.edit')
  @Audited('approval_workflow.delete', 'approval_workflow')
  @ApiOperation({ summary: 'Delete an approval workflow', description: 'Only once no policy uses it (409 otherwise).' })
  @ApiNoContent()
  @ApiErrors(notFound, conflict)
  async deleteApprovalWorkflow(@CurrentPrincipal() principal: Principal, @UuidParam() id: string): Promise<void> {
    await this.workflows.delete(principal.organizationId, id);
  }
}
