import { Body, Controller, Get, Headers, Post, Query, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Audited } from '../../kernel/audit/audited.decorator.js';
import { CurrentPrincipal } from '../../kernel/auth/current-principal.decorator.js';
import type { Principal } from '../../kernel/auth/principal.js';
import { RequirePermission } from '../../kernel/auth/require-permission.decorator.js';
import { UuidParam } from '../../kernel/http/params.js';
import { ApiCreated, ApiErrors, ApiOk, ApiPage, ApiWebSocket, RawResponse } from '../../kernel/http/response.decorators.js';
import { LAST_EVENT_ID_HEADER, SSE_SCHEMA } from '../../kernel/http/event-stream.js';
import { IdempotencyRequired } from '../../kernel/idempotency/idempotency.decorator.js';
import type { Page } from '../../kernel/pagination/page.js';
import { CreateWorkflowRunDto, ListWorkflowRunsQuery, RunRetryDto, WorkflowRunDto } from './dto/run.dto.js';
import { RunStreams } from './run-streams.js';
import { WorkflowRunsService } from './workflow-runs.service.js';
import { conflict, notFound } from '../../kernel/http/kernel.errors.js';
import type { AnyErrorFactory } from '../../kernel/http/app-error.js';
import { unknownDefinition, unknownVersion } from './workflows.errors.js';

const CONTROL_ERRORS: (AnyErrorFactory | [AnyErrorFactory, string])[] = [
  notFound,
  [conflict, 'The run is not in a state this control applies to (details.status)'],
];

/** Workflow runs: seed 002's /workflow-runs and seed 003's /v1/workflow-runs (served here), one resource. Their steps: WorkflowRunStepsController. */
@ApiTags('Workflow runs')
@Controller('api/v1/workflow-runs')
export class WorkflowRunsController {
  constructor(
    private readonly runs: WorkflowRunsService,
    private readonly streams: RunStreams,
  ) {}

  @Post()
  @RequirePermission('workflow_run.execute')
  @Audited('workflow_run.create', 'workflow_run')
  @IdempotencyRequired()
  @ApiOperation({
    summary: 'Create a workflow run',
    description:
      "Runs a version of a definition (its current one unless `version` is given) with inputs checked against the definition's input schema " +
      '(400 at `inputs...` otherwise). It starts at once unless `start` is false (then POST /{id}/start). Requires an Idempotency-Key: ' +
      'a retried request answers the same run instead of starting a second.',
  })
  @ApiCreated(WorkflowRunDto)
  @ApiErrors(unknownDefinition, unknownVersion)
  async createWorkflowRun(@CurrentPrincipal() principal: Principal, @Body() body: CreateWorkflowRunDto): Promise<WorkflowRunDto> {
    const { run, steps } = await this.runs.create(principal.organizationId, principal, body);
    return WorkflowRunDto.from(run, steps);
  }

  @Get()
  @RequirePermission('workflow_run.read')
  @ApiOperation({
    summary: 'List workflow runs',
    description:
      'Filter by status (one or several), definition and creation time; q searches the definition name. Newest first by default.',
  })
  @ApiPage(WorkflowRunDto)
  async listWorkflowRuns(@CurrentPrincipal() principal: Principal, @Query() query: ListWorkflowRunsQuery): Promise<Page<WorkflowRunDto>> {
    const page = await this.runs.list(principal.organizationId, query);
    const steps = await this.runs.stepsByRun(principal.organizationId, page.items);
    return page.map((run) => WorkflowRunDto.from(run, steps.get(run.id) ?? []));
  }

  @Get(':id')
  @RequirePermission('workflow_run.read')
  @ApiOperation({
    summary: 'A workflow run',
    description: 'Its status, inputs, output (once succeeded), failure, and where each step stands.',
  })
  @ApiOk(WorkflowRunDto)
  @ApiErrors(notFound)
  async getWorkflowRun(@CurrentPrincipal() principal: Principal, @UuidParam() id: string): Promise<WorkflowRunDto> {
    const { run, steps } = await this.runs.view(principal.organizationId, id);
    return WorkflowRunDto.from(run, steps);
  }

  @Post(':id/start')
  @RequirePermission('workflow_run.execute')
  @Audited('workflow_run.start', 'workflow_run')
  @ApiOperation({
    summary: 'Start a pending workflow run',
    description: 'Its first steps (those depending on nothing) become ready. Only a pending run starts (409 otherwise).',
  })
  @ApiOk(WorkflowRunDto)
  @ApiErrors(...CONTROL_ERRORS)
  async startWorkflowRun(@CurrentPrincipal() principal: Principal, @UuidParam() id: string): Promise<WorkflowRunDto> {
    const { run, steps } = await this.runs.control(principal.organizationId, principal, id, 'start');
    return WorkflowRunDto.from(run, steps);
  }

  @Post(':id/pause')
  @RequirePermission('workflow_run.execute')
  @Audited('workflow_run.pause', 'workflow_run')
  @ApiOperation({
    summary: 'Pause a workflow run',
    description:
      'No step starts, retries or times out while the run is paused. Work already handed out (an agent job, an approval, a call in flight) carries on; ' +
      'its outcome is recorded, and what follows from it waits for resume. Only a running run pauses (409 otherwise).',
  })
  @ApiOk(WorkflowRunDto)
  @ApiErrors(...CONTROL_ERRORS)
  async pauseWorkflowRun(@CurrentPrincipal() principal: Principal, @UuidParam() id: string): Promise<WorkflowRunDto> {
    const { run, steps } = await this.runs.control(principal.organizationId, principal, id, 'pause');
    return WorkflowRunDto.from(run, steps);
  }

  @Post(':id/resume')
  @RequirePermission('workflow_run.execute')
  @Audited('workflow_run.resume', 'workflow_run')
  @ApiOperation({
    summary: 'Resume a paused workflow run',
    description:
      'It carries on where it was: due steps start, timers and deadlines that passed meanwhile fire. Only a paused run resumes (409 otherwise).',
  })
  @ApiOk(WorkflowRunDto)
  @ApiErrors(...CONTROL_ERRORS)
  async resumeWorkflowRun(@CurrentPrincipal() principal: Principal, @UuidParam() id: string): Promise<WorkflowRunDto> {
    const { run, steps } = await this.runs.control(principal.organizationId, principal, id, 'resume');
    return WorkflowRunDto.from(run, steps);
  }

  @Post(':id/cancel')
  @RequirePermission('workflow_run.execute')
  @Audited('workflow_run.cancel', 'workflow_run')
  @ApiOperation({
    summary: 'Cancel a workflow run',
    description:
      'Stops it for good: agent jobs its steps queued are cancelled, pending approvals withdrawn, and every step that had not ended is cancelled. ' +
      'A call in flight finishes, but its outcome is discarded. A run that already ended is 409.',
  })
  @ApiOk(WorkflowRunDto)
  @ApiErrors(...CONTROL_ERRORS)
  async cancelWorkflowRun(@CurrentPrincipal() principal: Principal, @UuidParam() id: string): Promise<WorkflowRunDto> {
    const { run, steps } = await this.runs.control(principal.organizationId, principal, id, 'cancel');
    return WorkflowRunDto.from(run, steps);
  }

  @Post(':id/retry')
  @RequirePermission('workflow_run.execute')
  @Audited('workflow_run.retry', 'workflow_run')
  @ApiOperation({
    summary: 'Retry a failed workflow run from where it failed',
    description:
      'Steps that succeeded keep their outputs and do not run again; the failed step and those cancelled with it start over, each with its retry ' +
      "policy's attempts afresh. `retriedNodes` lists them. Only a failed run is retried (409 otherwise).",
  })
  @ApiOk(RunRetryDto)
  @ApiErrors(...CONTROL_ERRORS)
  async retryWorkflowRun(@CurrentPrincipal() principal: Principal, @UuidParam() id: string): Promise<RunRetryDto> {
    const { run, steps, retried } = await this.runs.control(principal.organizationId, principal, id, 'retry');
    return { ...WorkflowRunDto.from(run, steps), retriedNodes: retried ?? [] };
  }

  @Get(':id/events')
  @RequirePermission('workflow_run.read')
  @ApiOperation({
    summary: "Stream a workflow run's events (SSE)",
    description:
      'Its past events first (or those after Last-Event-ID), then live ones as they commit on any replica: `workflow_run.*` and `workflow_step.*`. ' +
      'The stream ends once the run has ended (succeeded, failed or cancelled) and nothing newer follows.',
  })
  @ApiHeader(LAST_EVENT_ID_HEADER)
  @RawResponse({ description: 'An event stream', contentType: 'text/event-stream', schema: SSE_SCHEMA })
  @ApiErrors(notFound)
  async streamWorkflowRunEvents(
    @CurrentPrincipal() principal: Principal,
    @UuidParam() id: string,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.streams.serveEvents(principal.organizationId, id, lastEventId, req, res);
  }

  @Get(':id/stream')
  @RequirePermission('workflow_run.read')
  @ApiOperation({
    summary: "A workflow run's events (WebSocket)",
    description:
      'Upgrade to a WebSocket: every event of the run so far, then live ones, each a DomainEvent as JSON; `after` (an event cursor) resumes. ' +
      'Once the run has ended (succeeded, failed or cancelled) and nothing newer follows, the server closes the socket normally (1000). A plain GET is 426.',
  })
  @ApiWebSocket()
  @ApiQuery({ name: 'after', required: false, description: 'An event cursor: resume after it' })
  @ApiErrors(notFound)
  async streamWorkflowRun(
    @CurrentPrincipal() principal: Principal,
    @UuidParam() id: string,
    @Query('after') after: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.streams.serveWebSocket(principal.organizationId, id, after, req, res);
  }
}
