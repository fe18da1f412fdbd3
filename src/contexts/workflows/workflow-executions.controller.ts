import { Controller, Get, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited } from '../../kernel/audit/audited.decorator.js';
import { CurrentPrincipal } from '../../kernel/auth/current-principal.decorator.js';
import type { Principal } from '../../kernel/auth/principal.js';
import { RequirePermission } from '../../kernel/auth/require-permission.decorator.js';
import { UuidParam } from '../../kernel/http/params.js';
import { ApiErrors, ApiOk, ApiPage } from '../../kernel/http/response.decorators.js';
import type { Page } from '../../kernel/pagination/page.js';
import { WorkflowExecutionDto } from './dto/execution.dto.js';
import { ListWorkflowRunsQuery } from './dto/run.dto.js';
import { WorkflowRunsService } from './workflow-runs.service.js';
import { conflict, notFound } from '../../kernel/http/kernel.errors.js';

/** Seed 001's workflow executions: the workflow runs, seen as executions. */
@ApiTags('Workflow runs')
@Controller('api/v1/workflow-executions')
export class WorkflowExecutionsController {
  constructor(private readonly runs: WorkflowRunsService) {}

  @Get()
  @RequirePermission('workflow_run.read')
  @ApiOperation({
    summary: 'List workflow executions',
    description: 'The workflow runs as executions (same filters as GET /workflow-runs), newest first.',
  })
  @ApiPage(WorkflowExecutionDto)
  async listWorkflowExecutions(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListWorkflowRunsQuery,
  ): Promise<Page<WorkflowExecutionDto>> {
    return (await this.runs.list(principal.organizationId, query)).map((run) => WorkflowExecutionDto.from(run));
  }

  @Get(':id')
  @RequirePermission('workflow_run.read')
  @ApiOperation({
    summary: 'A workflow execution',
    description: 'A workflow run with references to its inputs, outputs and audit evidence, its duration, retries and failure code.',
  })
  @ApiOk(WorkflowExecutionDto)
  @ApiErrors(notFound)
  async getWorkflowExecution(@CurrentPrincipal() principal: Principal, @UuidParam() id: string): Promise<WorkflowExecutionDto> {
    return WorkflowExecutionDto.from(await this.runs.get(principal.organizationId, id));
  }

  @Post(':id/retry')
  @RequirePermission('workflow_run.execute')
  @Audited('workflow_run.retry', 'workflow_run')
  @ApiOperation({
    summary: 'Retry a failed workflow execution',
    description:
      'As POST /workflow-runs/{id}/retry: from where it failed; what succeeded is kept. Only a failed execution (409 otherwise).',
  })
  @ApiOk(WorkflowExecutionDto)
  @ApiErrors(notFound, [conflict, 'The execution has not failed'])
  async retryWorkflowExecution(@CurrentPrincipal() principal: Principal, @UuidParam() id: string): Promise<WorkflowExecutionDto> {
    return WorkflowExecutionDto.from((await this.runs.control(principal.organizationId, principal, id, 'retry')).run);
  }

  @Post(':id/cancel')
  @RequirePermission('workflow_run.execute')
  @Audited('workflow_run.cancel', 'workflow_run')
  @ApiOperation({
    summary: 'Cancel a workflow execution',
    description: 'As POST /workflow-runs/{id}/cancel: its jobs are cancelled and approvals withdrawn. One that already ended is 409.',
  })
  @ApiOk(WorkflowExecutionDto)
  @ApiErrors(notFound, [conflict, 'The execution already ended'])
  async cancelWorkflowExecution(@CurrentPrincipal() principal: Principal, @UuidParam() id: string): Promise<WorkflowExecutionDto> {
    return WorkflowExecutionDto.from((await this.runs.control(principal.organizationId, principal, id, 'cancel')).run);
  }
}
