import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { register } from 'prom-client';
import { Public } from '../../kernel/auth/public.decorator.js';
import { RawResponse } from '../../kernel/http/response.decorators.js';

/**
 * Prometheus exposition of the default registry, where @willsoto/nestjs-prometheus registers the
 * process metrics and our http_request_duration_seconds. Mounted at /metrics by PrometheusModule.
 */
@ApiTags('Health')
@Controller()
export class MetricsController {
  @Get()
  @Public()
  @ApiOperation({
    summary: 'Prometheus metrics',
    description: 'Metrics in the Prometheus text exposition format, for a scraper. Public; no tenant data.',
  })
  @RawResponse({ description: 'Metrics in the Prometheus text format', contentType: 'text/plain' })
  async getMetrics(@Res({ passthrough: true }) res: Response): Promise<string> {
    res.setHeader('Content-Type', register.contentType);
    return register.metrics();
  }
}
