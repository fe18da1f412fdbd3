import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import type { Principal } from '../../kernel/auth/principal.js';
import { AuditWriter } from '../../kernel/audit/audit-writer.js';
import type { Tx } from '../../kernel/database/transactions.js';
import { EventHub } from '../../kernel/events/event-hub.js';
import { WebSockets } from '../../kernel/http/web-sockets.js';
import { AgentDto, AgentsService, type ListAgentsQuery } from '../agents/index.js';
import { JobDto, JobsService, TERMINAL_STATUSES, blockedFact } from '../jobs/index.js';
import type { Page } from '../../kernel/pagination/page.js';
import type { QueueDto, RuntimeAgentDto, RuntimeHealthDto, SmokeResultDto, SmokeTestDto } from './dto/runtime.dto.js';

const STUCK_AFTER_SECONDS = 60;

/** The operator's view of the agent runtime: health, queues, agents, and a round-trip test. */
@Injectable()
export class RuntimeService {
  constructor(
    private readonly agents: AgentsService,
    private readonly jobs: JobsService,
    private readonly hub: EventHub,
    private readonly sockets: WebSockets,
    private readonly audit: AuditWriter,
    @InjectTransactionHost() private readonly tx: Tx,
  ) {}

  async health(organizationId: string): Promise<RuntimeHealthDto> {
    const [agents, queues, failuresLastHour, blocked] = await Promise.all([
      this.agents.connectivityCounts(organizationId),
      this.jobs.queueStats(organizationId),
      this.jobs.failureCount(organizationId, new Date(Date.now() - 3600_000)),
      this.jobs.blockedWork(organizationId),
    ]);
    const sum = (f: 'ready' | 'delayed' | 'leased' | 'running') => queues.reduce((n, q) => n + q[f], 0);
    const ages = queues.map((q) => q.oldestReadyAgeSeconds).filter((a): a is number => a !== null);
    const queue = {
      ready: sum('ready'),
      delayed: sum('delayed'),
      leased: sum('leased'),
      running: sum('running'),
      oldestReadyAgeSeconds: ages.length ? Math.max(...ages) : null,
      blocked: blocked.total,
    };
    const problems: string[] = [];
    if (queue.ready > 0 && agents.online === 0) problems.push(`${queue.ready} jobs are waiting and no agent is online`);
    if ((queue.oldestReadyAgeSeconds ?? 0) > STUCK_AFTER_SECONDS)
      problems.push(`the oldest claimable job has waited ${queue.oldestReadyAgeSeconds} s`);
    if (blocked.total > 0) {
      const first = blocked.groups[0];
      problems.push(
        `${blocked.total} queued job${blocked.total === 1 ? '' : 's'} no agent can take (see blocked); e.g. ${first.type} (${first.code}): ${blockedFact(first.code, first)}`,
      );
    }
    return {
      status: problems.length ? 'degraded' : 'ok',
      problems,
      agents,
      queue,
      blocked: blocked.groups.map((g) => ({ ...g, oldestQueuedAt: g.oldestQueuedAt.toISOString() })),
      failuresLastHour,
      replica: { eventStreams: this.hub.streamCount, webSockets: this.sockets.connectionCount },
    };
  }

  async queues(organizationId: string): Promise<QueueDto[]> {
    return (await this.jobs.queueStats(organizationId)).map((q) => ({ ...q, oldestReadyAt: q.oldestReadyAt?.toISOString() ?? null }));
  }

  async agentsWithWork(organizationId: string, query: ListAgentsQuery): Promise<Page<RuntimeAgentDto>> {
    const page = await this.agents.list(organizationId, query);
    const held = await this.jobs.heldCounts(
      organizationId,
      page.items.map((a) => a.id),
    );
    const beat = this.agents.timing.heartbeatIntervalSeconds;
    return page.map((a) => ({ ...AgentDto.from(a, beat), heldJobs: held.get(a.id) ?? 0 }));
  }

  /**
   * Queues a `noop` job (committed and audited at once, so agents can see it), then waits for it
   * to finish. If no agent finishes it in time it is cancelled, and the answer says so.
   */
  async smoke(organizationId: string, principal: Principal, input: SmokeTestDto): Promise<SmokeResultDto> {
    const timeoutMs = (input.timeoutSeconds ?? 10) * 1000;
    const started = Date.now();
    const submitted = await this.tx.withTransaction(async () => {
      const job = await this.jobs.submit(
        organizationId,
        {
          type: 'noop',
          payload: { smoke: true },
          targetAgentId: input.targetAgentId,
          maxAttempts: 1,
          timeoutSeconds: Math.ceil(timeoutMs / 1000),
          priority: 100,
          createdBy: { type: principal.type, id: principal.id },
        },
        { refuseUnrunnableTarget: true },
      );
      await this.audit.record({ organizationId, action: 'agent_runtime.smoke', resourceType: 'job', resourceId: job.id });
      return job;
    });
    let job = submitted;
    const terminalEvent = (signal: { type: string }) => TERMINAL_STATUSES.some((s) => signal.type === `job.${s}`);
    while (!TERMINAL_STATUSES.includes(job.status) && Date.now() - started < timeoutMs && !this.hub.isStopping) {
      const waiting = this.hub.waitForSignal(organizationId, terminalEvent, timeoutMs - (Date.now() - started));
      job = await this.jobs.get(organizationId, submitted.id);
      if (TERMINAL_STATUSES.includes(job.status)) {
        waiting.cancel();
        break;
      }
      await waiting.promise;
      job = await this.jobs.get(organizationId, submitted.id);
    }
    const roundTripMs = (job.completedAt?.getTime() ?? Date.now()) - submitted.queuedAt.getTime();
    if (!TERMINAL_STATUSES.includes(job.status)) {
      job = await this.tx.withTransaction(async () => {
        const cancelled = await this.jobs.cancel(organizationId, submitted.id);
        await this.audit.record({
          organizationId,
          action: 'job.cancel',
          resourceType: 'job',
          resourceId: submitted.id,
          details: { reason: 'smoke test timed out' },
        });
        return cancelled;
      });
      return { outcome: 'timeout', job: JobDto.from(job), roundTripMs };
    }
    return { outcome: job.status === 'succeeded' ? 'succeeded' : 'failed', job: JobDto.from(job), roundTripMs };
  }
}
