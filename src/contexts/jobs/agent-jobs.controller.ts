import { Body, Controller, Post, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AgentRoute } from '../../kernel/auth/agent-route.decorator.js';
import { Audited, NotAudited } from '../../kernel/audit/audited.decorator.js';
import { CurrentPrincipal } from '../../kernel/auth/current-principal.decorator.js';
import type { Principal } from '../../kernel/auth/principal.js';
import { replyOkOrNoContent } from '../../kernel/http/envelope.js';
import { UuidParam } from '../../kernel/http/params.js';
import type { MarshalRequest } from '../../kernel/http/request.js';
import { ApiErrors, ApiNoContent, ApiOk, ApiOkOrNoContent } from '../../kernel/http/response.decorators.js';
import { IdempotentByDesign } from '../../kernel/idempotency/idempotency.decorator.js';
import {
  ClaimedJobsDto,
  ClaimQuery,
  CompletedJobsDto,
  CompleteJobDto,
  CompleteJobsDto,
  JobDto,
  MAX_COMPLETIONS_PER_BATCH,
  ReportProgressDto,
} from './dto/job.dto.js';
import { CANCEL_JOBS_HEADER } from './job-events.js';
import { JobQueue } from './job-queue.service.js';
import { notFound } from '../../kernel/http/kernel.errors.js';
import { jobCancelled, leaseLost } from './jobs.errors.js';

/** The agent protocol's work loop: claim, report progress, complete. */
@ApiTags('Agent protocol')
@Controller('api/v1/agents/:id/jobs')
export class AgentJobsController {
  constructor(private readonly queue: JobQueue) {}

  @Post('claim')
  @AgentRoute()
  @IdempotentByDesign(
    'a claim whose answer was lost leaves jobs leased to an agent that does not run them: they go back to the queue when the lease expires, or sooner when its heartbeats do not name them',
  )
  @NotAudited(
    "a lease is recorded in each job's event history; the audit link that ends the attempt (completion or expiry) names who ran it and since when",
  )
  @ApiOperation({
    summary: 'Claim jobs',
    description:
      'Leases up to `max` queued jobs this agent may run (its capabilities and labels, or aimed at it), highest priority first. ' +
      'With `wait`, answers as soon as one is queued on any replica, or 204 after that many seconds. Each job comes with its lease: ' +
      'send the lease id with progress and completion, and heartbeat to keep it. `cancelJobIds` (also the Marshal-Cancel-Jobs header) ' +
      'lists jobs you hold that were cancelled.',
  })
  @ApiOkOrNoContent(ClaimedJobsDto, 'No job for this agent (within `wait` seconds)')
  async claimJobs(
    @CurrentPrincipal() agent: Principal,
    @UuidParam() _id: string,
    @Query() query: ClaimQuery,
    @Req() req: MarshalRequest,
    @Res() res: Response,
  ): Promise<void> {
    let gone = false;
    res.on('close', () => (gone = true));
    const outcome = await this.queue.claim(agent.organizationId, agent, {
      max: query.max ?? 1,
      waitSeconds: query.wait ?? 0,
      gone: () => gone,
    });
    if (outcome.cancelJobIds.length) res.setHeader(CANCEL_JOBS_HEADER, outcome.cancelJobIds.join(','));
    if (gone) return;
    const body = outcome.claims.length
      ? {
          claims: outcome.claims.map((job) => ({
            job: JobDto.from(job),
            lease: { id: job.leaseId!, expiresAt: job.leaseExpiresAt!.toISOString(), attempt: job.attempts },
          })),
          cancelJobIds: outcome.cancelJobIds,
        }
      : null;
    replyOkOrNoContent(req, res, body);
  }

  @Post('complete')
  @AgentRoute()
  @IdempotentByDesign('idempotent per attempt: each completion is bound to its lease, and a repeat is recorded again as recorded')
  // The entry's resource is the agent (the path's id); its details name each job and how its attempt ended.
  @Audited('job.complete', 'agent')
  @ApiOperation({
    summary: 'Complete several held jobs',
    description:
      `Up to ${MAX_COMPLETIONS_PER_BATCH} completions in one request and one transaction, each judged as a completion of one job is: ` +
      'the answer lists, in order, whether each was recorded (a repeat for the same lease counts as recorded) or why not ' +
      '(LEASE_LOST: drop the job; NOT_FOUND). One audit entry records the batch. What an agent that finishes jobs faster ' +
      'than one round trip each should send.',
  })
  @ApiOk(CompletedJobsDto)
  async completeJobs(
    @CurrentPrincipal() agent: Principal,
    @UuidParam() _id: string,
    @Body() body: CompleteJobsDto,
  ): Promise<CompletedJobsDto> {
    return { results: await this.queue.completeMany(agent.organizationId, agent, body.completions) };
  }

  @Post(':jobId/progress')
  @AgentRoute()
  @IdempotentByDesign('bound to the lease it names: a repeat renews the same lease and reports the same progress again')
  @NotAudited('progress is streamed as events; the job changes state only when it completes')
  @ApiOperation({
    summary: "Report a held job's progress",
    description:
      'Marks it running (the first time), renews its lease and streams the progress to its watchers. 409 LEASE_LOST or JOB_CANCELLED: stop the job.',
  })
  @ApiOk(JobDto)
  @ApiErrors(notFound, leaseLost, jobCancelled)
  async reportJobProgress(
    @CurrentPrincipal() agent: Principal,
    @UuidParam() _id: string,
    @UuidParam('jobId') jobId: string,
    @Body() body: ReportProgressDto,
  ): Promise<JobDto> {
    return JobDto.from(await this.queue.progress(agent.organizationId, agent, jobId, body));
  }

  @Post(':jobId/complete')
  @AgentRoute()
  @IdempotentByDesign('idempotent per attempt: a repeat for the same lease is answered 204 again and changes nothing')
  @Audited('job.complete', 'job')
  @ApiOperation({
    summary: 'Complete a held job',
    description:
      'Ends the attempt its lease names: succeeded, failed (retried with backoff while attempts remain, unless error.retryable is false) ' +
      'or cancelled. Idempotent per attempt: a repeat is answered 204 again. A lease you no longer hold is 409 LEASE_LOST.',
  })
  @ApiNoContent('Recorded')
  @ApiErrors(notFound, leaseLost)
  async completeJob(
    @CurrentPrincipal() agent: Principal,
    @UuidParam() _id: string,
    @UuidParam('jobId') jobId: string,
    @Body() body: CompleteJobDto,
  ): Promise<void> {
    await this.queue.complete(agent.organizationId, agent, jobId, body);
  }
}
