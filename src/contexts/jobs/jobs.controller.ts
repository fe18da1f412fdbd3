import { Body, Controller, Get, Headers, Post, Query, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Audited } from '../../kernel/audit/audited.decorator.js';
import { CurrentPrincipal } from '../../kernel/auth/current-principal.decorator.js';
import type { Principal } from '../../kernel/auth/principal.js';
import { RequirePermission } from '../../kernel/auth/require-permission.decorator.js';
import { EventHub } from '../../kernel/events/event-hub.js';
import { parseCursor } from '../../kernel/events/event-cursor.js';
import { streamResourceEvents } from '../../kernel/events/resource-event-stream.js';
import { LAST_EVENT_ID_HEADER, SSE_SCHEMA } from '../../kernel/http/event-stream.js';
import { UuidParam } from '../../kernel/http/params.js';
import { ApiCreated, ApiErrors, ApiOk, ApiPage, RawResponse } from '../../kernel/http/response.decorators.js';
import { IdempotencyKeptWithChange, IdempotencyKeyHeader, IdempotentByDesign } from '../../kernel/idempotency/idempotency.decorator.js';
import { answerAsReplayed } from '../../kernel/idempotency/idempotency-headers.js';
import { IdempotencyService } from '../../kernel/idempotency/idempotency.service.js';
import type { Page } from '../../kernel/pagination/page.js';
import {
  JobDto,
  JobUsageDto,
  ListJobsQuery,
  MAX_SUBMISSIONS_PER_BATCH,
  SubmissionRefusalDto,
  SubmitJobDto,
  SubmitJobsDto,
  SubmittedJobsDto,
} from './dto/job.dto.js';
import { TERMINAL_STATUSES } from './entities/job.entity.js';
import { JobsService, type SubmitJob } from './jobs.service.js';
import { conflict, notFound } from '../../kernel/http/kernel.errors.js';
import { agentRevoked, TARGET_CANNOT_RUN, unknownAgent } from './jobs.errors.js';

const TERMINAL_EVENTS = new Set(TERMINAL_STATUSES.map((s) => `job.${s}`));

@ApiTags('Jobs')
@Controller('api/v1/jobs')
export class JobsController {
  constructor(
    private readonly jobs: JobsService,
    private readonly hub: EventHub,
    private readonly idempotency: IdempotencyService,
  ) {}

  @Post()
  @RequirePermission('job.submit')
  @Audited('job.submit', 'job')
  @IdempotencyKeptWithChange('on the job it queued')
  @ApiOperation({
    summary: 'Submit a job',
    description:
      'Queues work for an agent: a type (agents claim the types among their capabilities), a payload, and either a target agent or a label selector. ' +
      'A job aimed at an agent that cannot take it is refused (422 AGENT_LACKS_CAPABILITY or AGENT_LABELS_MISMATCH); a job no agent can take yet ' +
      'is queued and shown `blocked` until one can. Requires an Idempotency-Key, kept on the job: a retry returns the same job instead of queuing it twice.',
  })
  @ApiCreated(JobDto)
  @ApiErrors(unknownAgent, agentRevoked, TARGET_CANNOT_RUN.AGENT_LACKS_CAPABILITY, TARGET_CANNOT_RUN.AGENT_LABELS_MISMATCH)
  async submitJob(
    @CurrentPrincipal() principal: Principal,
    @Body() body: SubmitJobDto,
    @IdempotencyKeyHeader() key: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<JobDto> {
    const { job, replayed } = await this.jobs.submitKeyed(principal.organizationId, this.submission(principal, body, key), {
      refuseUnrunnableTarget: true,
    });
    if (replayed) answerAsReplayed(res);
    return JobDto.from(job);
  }

  @Post('batch')
  @RequirePermission('job.submit')
  @Audited('job.submit', null)
  @IdempotentByDesign('each job carries its own idempotencyKey, kept on the job: the batch sent again answers the jobs it queued')
  @ApiOperation({
    summary: 'Submit several jobs',
    description:
      `Up to ${MAX_SUBMISSIONS_PER_BATCH} jobs in one request and one transaction, each with an idempotencyKey of its own and judged as POST /jobs ` +
      'judges one: the answer lists, in order, the job each queued (or had queued before: `replayed`) or why it was refused (422 codes of ' +
      'POST /jobs). One audit entry records the batch. What a client submitting many jobs should send.',
  })
  @ApiOk(SubmittedJobsDto)
  async submitJobs(@CurrentPrincipal() principal: Principal, @Body() body: SubmitJobsDto): Promise<SubmittedJobsDto> {
    const inputs = body.jobs.map(({ idempotencyKey, ...job }) => this.submission(principal, job, idempotencyKey));
    const outcomes = await this.jobs.submitBatch(principal.organizationId, inputs, { refuseUnrunnableTarget: true });
    const results = outcomes.map((outcome, i) => {
      const idempotencyKey = body.jobs[i].idempotencyKey;
      if ('error' in outcome) {
        const { code, message, details } = outcome.error;
        return {
          idempotencyKey,
          job: null,
          replayed: false,
          error: { code, message, ...(details && { details }) } as SubmissionRefusalDto,
        };
      }
      return { idempotencyKey, job: JobDto.from(outcome.job), replayed: outcome.replayed, error: null };
    });
    return { results };
  }

  /** A submission as the principal makes it, with its key fingerprinted as the request it names (the same for both routes). */
  private submission(principal: Principal, job: SubmitJobDto, key: string): SubmitJob {
    return {
      ...job,
      createdBy: { type: principal.type, id: principal.id },
      submitKey: { key, fingerprint: this.idempotency.fingerprint('POST', '/api/v1/jobs', job) },
    };
  }

  @Get()
  @RequirePermission('job.read')
  @ApiOperation({
    summary: 'List jobs',
    description:
      'Filter by status (one or several), type, agent and creation time; sort by createdAt, queuedAt, completedAt, priority, type or status.',
  })
  @ApiPage(JobDto)
  async listJobs(@CurrentPrincipal() principal: Principal, @Query() query: ListJobsQuery): Promise<Page<JobDto>> {
    return (await this.jobs.list(principal.organizationId, query)).map(JobDto.from);
  }

  @Get(':id')
  @RequirePermission('job.read')
  @ApiOperation({
    summary: 'A job, with its lifecycle',
    description:
      "A job of the organization you act in, with its lifecycle: status, progress, result or error, and timestamps. Another organization's job is 404.",
  })
  @ApiOk(JobDto)
  @ApiErrors(notFound)
  async getJob(@CurrentPrincipal() principal: Principal, @UuidParam() id: string): Promise<JobDto> {
    return JobDto.from(await this.jobs.get(principal.organizationId, id));
  }

  @Post(':id/cancel')
  @RequirePermission('job.cancel')
  @Audited('job.cancel', 'job')
  @ApiOperation({
    summary: 'Cancel a job',
    description:
      'A queued job is cancelled at once. A running one is marked cancelled and its agent told at its next heartbeat or claim, ' +
      'and on its task stream. Cancelling a cancelled job answers it again; a finished one is 409.',
  })
  @ApiOk(JobDto)
  @ApiErrors(notFound, conflict)
  async cancelJob(@CurrentPrincipal() principal: Principal, @UuidParam() id: string): Promise<JobDto> {
    return JobDto.from(await this.jobs.cancel(principal.organizationId, id));
  }

  @Get(':id/usage')
  @RequirePermission('job.read')
  @ApiOperation({
    summary: "A job's cost and usage",
    description: 'The estimate given at submission and the usage agents reported, summed over attempts.',
  })
  @ApiOk(JobUsageDto)
  @ApiErrors(notFound)
  async getJobUsage(@CurrentPrincipal() principal: Principal, @UuidParam() id: string): Promise<JobUsageDto> {
    return JobUsageDto.from(await this.jobs.get(principal.organizationId, id));
  }

  @Get(':id/events')
  @RequirePermission('job.read')
  @ApiOperation({
    summary: "Stream a job's events (SSE)",
    description:
      'Its past events first (or those after Last-Event-ID), then live ones as they commit on any replica. The stream ends after the job finishes.',
  })
  @ApiHeader(LAST_EVENT_ID_HEADER)
  @RawResponse({ description: 'An event stream', contentType: 'text/event-stream', schema: SSE_SCHEMA })
  @ApiErrors(notFound)
  async streamJobEvents(
    @CurrentPrincipal() principal: Principal,
    @UuidParam() id: string,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const job = await this.jobs.get(principal.organizationId, id);
    await streamResourceEvents(this.hub, req, res, {
      filter: { organizationId: principal.organizationId, resourceType: 'job', resourceId: job.id },
      after: lastEventId ? parseCursor(lastEventId) : { txId: '0', seq: '0' },
      ends: TERMINAL_EVENTS,
      ended: TERMINAL_STATUSES.includes(job.status),
    });
  }
}
