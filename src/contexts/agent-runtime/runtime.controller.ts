import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited, NotAudited } from '../../kernel/audit/audited.decorator.js';
import { CurrentPrincipal } from '../../kernel/auth/current-principal.decorator.js';
import type { Principal } from '../../kernel/auth/principal.js';
import { RequirePermission } from '../../kernel/auth/require-permission.decorator.js';
import { conflict, notFound } from '../../kernel/http/kernel.errors.js';
import { UuidParam } from '../../kernel/http/params.js';
import { ApiErrors, ApiNoContent, ApiOk, ApiPage } from '../../kernel/http/response.decorators.js';
import type { Page } from '../../kernel/pagination/page.js';
import { ListAgentsQuery } from '../agents/index.js';
import { JobDto, JobsService } from '../jobs/index.js';
import { FailuresQuery, QueueDto, RuntimeAgentDto, RuntimeHealthDto, SmokeResultDto, SmokeTestDto } from './dto/runtime.dto.js';
import { RuntimeService } from './runtime.service.js';
import { agentRevoked, TARGET_CANNOT_RUN, unknownAgent } from '../jobs/index.js';

@ApiTags('Agent runtime')
@Controller('api/v1/agent-runtime')
export class RuntimeController {
  constructor(
    private readonly runtime: RuntimeService,
    private readonly jobs: JobsService,
  ) {}

  @Get('health')
  @RequirePermission('agent.read')
  @ApiOperation({
    summary: 'Health of the agent runtime',
    description: 'Agents by connectivity, queue totals, recent failures, and what this replica streams.',
  })
  @ApiOk(RuntimeHealthDto)
  getRuntimeHealth(@CurrentPrincipal() principal: Principal): Promise<RuntimeHealthDto> {
    return this.runtime.health(principal.organizationId);
  }

  @Get('queues')
  @RequirePermission('job.read')
  @ApiOperation({
    summary: 'Queue depth and age per job type',
    description:
      'One row per job type in the organization you act in: how many jobs are ready to claim, waiting out a retry backoff, leased and running, and how long the oldest ready one has waited.',
  })
  @ApiOk(QueueDto, { isArray: true })
  listRuntimeQueues(@CurrentPrincipal() principal: Principal): Promise<QueueDto[]> {
    return this.runtime.queues(principal.organizationId);
  }

  @Get('failures')
  @RequirePermission('job.read')
  @ApiOperation({
    summary: 'Failed and expired jobs',
    description: 'Newest first; retry one with POST /api/v1/agent-runtime/job-failures/{id}/retry.',
  })
  @ApiPage(JobDto)
  async listRuntimeFailures(@CurrentPrincipal() principal: Principal, @Query() query: FailuresQuery): Promise<Page<JobDto>> {
    return (await this.jobs.failures(principal.organizationId, query)).map(JobDto.from);
  }

  @Get('agents')
  @RequirePermission('agent.read')
  @ApiOperation({
    summary: 'Agents with the work they hold',
    description: "The agent list (same filters) with each agent's held job count.",
  })
  @ApiPage(RuntimeAgentDto)
  listRuntimeAgents(@CurrentPrincipal() principal: Principal, @Query() query: ListAgentsQuery): Promise<Page<RuntimeAgentDto>> {
    return this.runtime.agentsWithWork(principal.organizationId, query);
  }

  @Post('job-failures/:id/retry')
  @RequirePermission('job.retry')
  @Audited('job.retry', 'job')
  @ApiOperation({
    summary: 'Retry a failed or expired job',
    description: 'Back in the queue now, with one more attempt. Any other state is 409.',
  })
  @ApiOk(JobDto)
  @ApiErrors(notFound, conflict)
  async retryJobFailure(@CurrentPrincipal() principal: Principal, @UuidParam() id: string): Promise<JobDto> {
    return JobDto.from(await this.jobs.retry(principal.organizationId, id));
  }

  @Post('outbox-failures/:id/retry')
  @RequirePermission('event.retry')
  @Audited('event.delivery.retry', 'event_delivery')
  @ApiOperation({
    summary: 'Retry a failed outbox delivery',
    description:
      'Events reach streams through the database itself and cannot fail to be published; deliveries that can fail are outbound ' +
      'webhooks. Until webhook subscriptions exist there is no failed delivery, and every id is 404.',
  })
  @ApiNoContent('Queued for another delivery attempt')
  @ApiErrors(notFound)
  retryOutboxFailure(@UuidParam() _id: string): Promise<void> {
    throw notFound('Failed outbox delivery');
  }

  @Post('smoke')
  @RequirePermission('job.submit')
  @NotAudited('the service commits and audits the test job before waiting for it, so an agent can see it')
  @ApiOperation({
    summary: 'Test the round trip through an agent',
    description:
      'Queues a `noop` job at top priority and waits (up to timeoutSeconds) for an agent to run it; reports the outcome and round-trip time.',
  })
  @ApiOk(SmokeResultDto)
  @ApiErrors(unknownAgent, agentRevoked, [TARGET_CANNOT_RUN.AGENT_LACKS_CAPABILITY, 'targetAgentId names an agent that does not run noop'])
  runRuntimeSmokeTest(@CurrentPrincipal() principal: Principal, @Body() body: SmokeTestDto): Promise<SmokeResultDto> {
    return this.runtime.smoke(principal.organizationId, principal, body);
  }
}
