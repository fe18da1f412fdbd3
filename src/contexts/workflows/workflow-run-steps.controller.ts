import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited } from '../../kernel/audit/audited.decorator.js';
import { CurrentPrincipal } from '../../kernel/auth/current-principal.decorator.js';
import type { Principal } from '../../kernel/auth/principal.js';
import { RequirePermission } from '../../kernel/auth/require-permission.decorator.js';
import { conflict, notFound } from '../../kernel/http/kernel.errors.js';
import { UuidParam } from '../../kernel/http/params.js';
import { ApiErrors, ApiOk, ApiPage } from '../../kernel/http/response.decorators.js';
import { type Page, PageQuery } from '../../kernel/pagination/page.js';
import { alreadyDecided, ApprovalStateDto, notAnApprover, requestExpired, selfApprovalForbidden } from '../approvals/index.js';
import { ApproveStepDto, ListStepLogsQuery, RejectStepDto, StepArtifactDto, StepLogDto, WorkflowStepDto } from './dto/run.dto.js';
import { ApiNodeIdParam, NodeIdParam } from './node-id.param.js';
import { WorkflowRunsService } from './workflow-runs.service.js';
import { notAwaitingApproval } from './workflows.errors.js';

/** The steps of a workflow run: where each stands, its log and artifacts, and the decisions of approval steps. */
@ApiTags('Workflow runs')
@Controller('api/v1/workflow-runs')
export class WorkflowRunStepsController {
  constructor(private readonly runs: WorkflowRunsService) {}

  @Get(':id/steps')
  @RequirePermission('workflow_run.read')
  @ApiOperation({
    summary: "A workflow run's steps",
    description: 'Every node of the run, in definition order, with its state, inputs (secret-looking values redacted) and output.',
  })
  @ApiOk(WorkflowStepDto, { isArray: true })
  @ApiErrors(notFound)
  async listWorkflowRunSteps(@CurrentPrincipal() principal: Principal, @UuidParam() id: string): Promise<WorkflowStepDto[]> {
    return (await this.runs.steps(principal.organizationId, id)).map(WorkflowStepDto.from);
  }

  @Get(':id/steps/:nodeId')
  @RequirePermission('workflow_run.read')
  @ApiNodeIdParam()
  @ApiOperation({
    summary: 'A step of a workflow run',
    description: "One step of a run: its node, status, timing, and its output or error. Another organization's run is 404.",
  })
  @ApiOk(WorkflowStepDto)
  @ApiErrors(notFound)
  async getWorkflowRunStep(
    @CurrentPrincipal() principal: Principal,
    @UuidParam() id: string,
    @NodeIdParam() nodeId: string,
  ): Promise<WorkflowStepDto> {
    return WorkflowStepDto.from(await this.runs.step(principal.organizationId, id, nodeId));
  }

  @Get(':id/steps/:nodeId/logs')
  @RequirePermission('workflow_run.read')
  @ApiNodeIdParam()
  @ApiOperation({
    summary: "A step's log",
    description: 'What the engine did for the step, attempt by attempt, oldest first (filter by attempt). Never a secret value.',
  })
  @ApiPage(StepLogDto)
  @ApiErrors(notFound)
  async listWorkflowRunStepLogs(
    @CurrentPrincipal() principal: Principal,
    @UuidParam() id: string,
    @NodeIdParam() nodeId: string,
    @Query() query: ListStepLogsQuery,
  ): Promise<Page<StepLogDto>> {
    return (await this.runs.logs(principal.organizationId, id, nodeId, query)).map(StepLogDto.from);
  }

  @Get(':id/steps/:nodeId/artifacts')
  @RequirePermission('workflow_run.read')
  @ApiNodeIdParam()
  @ApiOperation({
    summary: "A step's artifacts",
    description: "What the step produced besides its output: an HTTP step's response, a job step's job and result. Oldest first.",
  })
  @ApiPage(StepArtifactDto)
  @ApiErrors(notFound)
  async listWorkflowRunStepArtifacts(
    @CurrentPrincipal() principal: Principal,
    @UuidParam() id: string,
    @NodeIdParam() nodeId: string,
    @Query() query: PageQuery,
  ): Promise<Page<StepArtifactDto>> {
    return (await this.runs.artifacts(principal.organizationId, id, nodeId, query)).map(StepArtifactDto.from);
  }

  @Post(':id/steps/:nodeId/approve')
  @RequirePermission('approval.decide')
  @Audited('workflow_step.approve', 'workflow_run')
  @ApiNodeIdParam()
  @ApiOperation({
    summary: 'Approve an approval step',
    description:
      "A decision in the open stage of the step's approval workflow. Refused: by the run's creator (422 SELF_APPROVAL_FORBIDDEN), by anyone the stage " +
      'does not name (403 NOT_AN_APPROVER), twice (409 ALREADY_DECIDED), on a step not waiting for approval (422 NOT_AWAITING_APPROVAL). ' +
      'When the last stage passes, the step succeeds and the run moves on.',
  })
  @ApiOk(ApprovalStateDto)
  @ApiErrors(notFound, conflict, alreadyDecided, requestExpired, notAnApprover, selfApprovalForbidden, notAwaitingApproval)
  async approveWorkflowRunStep(
    @CurrentPrincipal() principal: Principal,
    @UuidParam() id: string,
    @NodeIdParam() nodeId: string,
    @Body() body: ApproveStepDto,
  ): Promise<ApprovalStateDto> {
    return ApprovalStateDto.from(await this.runs.decide(principal.organizationId, principal, id, nodeId, 'approve', body.comment ?? ''));
  }

  @Post(':id/steps/:nodeId/reject')
  @RequirePermission('approval.decide')
  @Audited('workflow_step.reject', 'workflow_run')
  @ApiNodeIdParam()
  @ApiOperation({
    summary: 'Reject an approval step',
    description:
      'The step fails for good (APPROVAL_REJECTED, no retry) and so does the run; a retry of the run asks again. Same refusals as approve.',
  })
  @ApiOk(ApprovalStateDto)
  @ApiErrors(notFound, conflict, alreadyDecided, requestExpired, notAnApprover, selfApprovalForbidden, notAwaitingApproval)
  async rejectWorkflowRunStep(
    @CurrentPrincipal() principal: Principal,
    @UuidParam() id: string,
    @NodeIdParam() nodeId: string,
    @Body() body: RejectStepDto,
  ): Promise<ApprovalStateDto> {
    return ApprovalStateDto.from(await this.runs.decide(principal.organizationId, principal, id, nodeId, 'reject', body.reason));
  }
}
