import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { HealthCheckResult } from '@nestjs/terminus';
import type { Response } from 'express';
import { Public } from '../../kernel/auth/public.decorator.js';
import { LifecycleState } from '../../kernel/lifecycle/lifecycle-state.js';
import { RedisConnection } from '../../kernel/redis/redis-connection.js';
import { SkipRateLimit } from '../../kernel/rate-limit/skip-rate-limit.decorator.js';
import { RawResponse } from '../../kernel/http/response.decorators.js';

const LIVENESS_SCHEMA = { type: 'object', required: ['status'], properties: { status: { type: 'string', enum: ['ok'] } } };
const CHECK_MAP = {
  type: 'object',
  additionalProperties: { type: 'object', properties: { status: { type: 'string', enum: ['up', 'down'] } }, additionalProperties: true },
};
const READINESS_SCHEMA = {
  type: 'object',
  required: ['status', 'details'],
  properties: {
    status: { type: 'string', enum: ['ok', 'error', 'shutting_down'] },
    info: CHECK_MAP,
    error: { ...CHECK_MAP, description: 'The failing checks, each with its reason' },
    details: CHECK_MAP,
  },
};

const alive = () => ({ status: 'ok' as const });

/**
 * Liveness answers 200 while the process serves HTTP at all. Readiness answers 200 only when the
 * database (and every other configured dependency) answers, and 503 from the start of a shutdown.
 * Neither is enveloped: load balancers and orchestrators read them as they are.
 */
@ApiTags('Health')
@Controller()
export class ProbesController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly lifecycle: LifecycleState,
    private readonly redis: RedisConnection,
  ) {}

  @Get('healthz')
  @Public()
  @ApiOperation({
    summary: 'Liveness',
    description: 'Liveness: 200 while the process serves requests; it checks no dependency (GET /readyz does). Public.',
  })
  @RawResponse({ description: 'The process is alive', schema: LIVENESS_SCHEMA })
  getHealthz() {
    return alive();
  }

  @Get('health')
  @Public()
  @ApiOperation({
    summary: 'Liveness (alias of /healthz)',
    description: 'Liveness: 200 while the process serves requests. Alias of GET /healthz. Public.',
  })
  @RawResponse({ description: 'The process is alive', schema: LIVENESS_SCHEMA })
  getHealth() {
    return alive();
  }

  @Get('api/v1/health')
  @Public()
  @SkipRateLimit()
  @ApiOperation({
    summary: 'Liveness (alias of /healthz)',
    description: 'Liveness under the API prefix: 200 while the process serves requests. Same answer as GET /healthz. Public.',
  })
  @RawResponse({ description: 'The process is alive', schema: LIVENESS_SCHEMA })
  getApiHealth() {
    return alive();
  }

  @Get('api/v1/healthz')
  @Public()
  @SkipRateLimit()
  @ApiOperation({
    summary: 'Liveness (alias of /healthz)',
    description: 'Liveness under the API prefix: 200 while the process serves requests. Same answer as GET /healthz. Public.',
  })
  @RawResponse({ description: 'The process is alive', schema: LIVENESS_SCHEMA })
  getApiHealthz() {
    return alive();
  }

  @Get('readyz')
  @Public()
  @ApiOperation({
    summary: 'Readiness',
    description: '503 with a per-check failure map when a dependency is down or the process is shutting down.',
  })
  @RawResponse({ description: 'Every dependency answers', schema: READINESS_SCHEMA })
  @ApiResponse({ status: 503, description: 'A dependency does not answer, or the process is shutting down', schema: READINESS_SCHEMA })
  async getReadyz(@Res() res: Response): Promise<void> {
    await this.readiness(res);
  }

  @Get('api/v1/readyz')
  @Public()
  @SkipRateLimit()
  @ApiOperation({
    summary: 'Readiness (alias of /readyz)',
    description:
      'Readiness under the API prefix: 200 when the database answers and migrations are applied, 503 otherwise, so a load balancer stops sending traffic. Same answer as GET /readyz. Public.',
  })
  @RawResponse({ description: 'Every dependency answers', schema: READINESS_SCHEMA })
  @ApiResponse({ status: 503, description: 'A dependency does not answer, or the process is shutting down', schema: READINESS_SCHEMA })
  async getApiReadyz(@Res() res: Response): Promise<void> {
    await this.readiness(res);
  }

  /** Writes the response itself: the status depends on the outcome, which a declared code cannot express. */
  private async readiness(res: Response): Promise<void> {
    let status = 200;
    let body: HealthCheckResult;
    try {
      body = await this.health.check([
        () => this.database.pingCheck('database', { timeout: 2000 }),
        () => {
          const check = this.indicators.check('lifecycle');
          return this.lifecycle.isShuttingDown ? check.down({ message: 'shutting down' }) : check.up();
        },
        // Only when configured: REDIS_URL holds the shared rate-limit counters.
        ...(this.redis.client
          ? [
              async () =>
                (await this.redis.ping())
                  ? this.indicators.check('redis').up()
                  : this.indicators.check('redis').down({ message: 'no answer to PING' }),
            ]
          : []),
      ]);
    } catch (error) {
      // Terminus reports a failed check by throwing 503 with the per-check result as its body.
      const failure = (error as { getResponse?: () => unknown }).getResponse?.();
      if (!failure) throw error;
      status = 503;
      body = failure as HealthCheckResult;
    }
    res.status(status).setHeader('Cache-Control', 'no-store').json(body);
  }
}
