import { Body, Controller, Get, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AgentRoute } from '../../kernel/auth/agent-route.decorator.js';
import { NotAudited } from '../../kernel/audit/audited.decorator.js';
import { CurrentPrincipal } from '../../kernel/auth/current-principal.decorator.js';
import type { Principal } from '../../kernel/auth/principal.js';
import { UuidParam } from '../../kernel/http/params.js';
import { ApiNoContent, ApiWebSocket } from '../../kernel/http/response.decorators.js';
import { IdempotentByDesign } from '../../kernel/idempotency/idempotency.decorator.js';
import { WebSockets } from '../../kernel/http/web-sockets.js';
import { AgentsService, HeartbeatDto } from '../agents/index.js';
import { CANCEL_JOBS_HEADER, JobQueue } from '../jobs/index.js';
import { TaskStreamService } from './task-stream.service.js';

/** The agent protocol's liveness and push channel. */
@ApiTags('Agent protocol')
@Controller('api/v1/agents/:id')
export class AgentProtocolController {
  constructor(
    private readonly agents: AgentsService,
    private readonly queue: JobQueue,
    private readonly sockets: WebSockets,
    private readonly taskStream: TaskStreamService,
  ) {}

  @Post('heartbeat')
  @AgentRoute()
  @IdempotentByDesign('a liveness signal: each beat records now and renews the leases held now, so a repeat is just another beat')
  @NotAudited('a liveness signal, recorded as last_seen_at: auditing every beat would bury the trail')
  @ApiOperation({
    summary: 'Heartbeat',
    description:
      'Records that the agent is alive and renews the leases of the jobs it holds. The headers say when to beat next and which held jobs were cancelled.',
  })
  @ApiNoContent('Alive', {
    'Marshal-Heartbeat-Interval': { description: 'Seconds until the next heartbeat', schema: { type: 'integer' } },
    'Marshal-Poll-Interval': { description: 'Seconds between claims when not long-polling', schema: { type: 'integer' } },
    [CANCEL_JOBS_HEADER]: { description: 'Comma-separated ids of held jobs that were cancelled: stop them', schema: { type: 'string' } },
  })
  async heartbeat(
    @CurrentPrincipal() agent: Principal,
    @UuidParam() _id: string,
    @Body() body: HeartbeatDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    await this.agents.heartbeat(agent.organizationId, agent, body);
    await this.queue.renewLeases(
      agent.organizationId,
      agent,
      body.jobIds?.map((id) => id.toLowerCase()),
    );
    const cancelled = await this.queue.cancelledHeldBy(agent.organizationId, agent);
    const { heartbeatIntervalSeconds, pollIntervalSeconds } = this.agents.timing;
    res.setHeader('Marshal-Heartbeat-Interval', String(heartbeatIntervalSeconds));
    res.setHeader('Marshal-Poll-Interval', String(pollIntervalSeconds));
    if (cancelled.length) res.setHeader(CANCEL_JOBS_HEADER, cancelled.join(','));
  }

  @Get('task-stream')
  @AgentRoute()
  @ApiOperation({
    summary: 'Receive jobs over a WebSocket',
    description:
      'Upgrade to a WebSocket. Send `{"type":"ready","slots":N}` to take up to N jobs; each is claimed for you and pushed as ' +
      '`{"type":"job","job":…,"lease":…}` the moment it is queued. Held jobs that get cancelled arrive as `{"type":"cancel","jobIds":[…]}`. ' +
      'Progress, completion and heartbeats stay HTTP calls; claiming over HTTP stays the fallback. A plain GET is 426.',
  })
  @ApiWebSocket()
  async streamAgentTasks(
    @CurrentPrincipal() agent: Principal,
    @UuidParam() _id: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const ws = await this.sockets.accept(req, res);
    this.taskStream.serve(agent.organizationId, agent, ws);
  }
}
