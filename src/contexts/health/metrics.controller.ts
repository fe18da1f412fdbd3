import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { PrometheusController } from '@willsoto/nestjs-prometheus';
import type { Response } from 'express';
import { Public } from '../../kernel/auth/public.decorator.js';
import { RawResponse } from '../../kernel/http/response.decorators.js';

/** Prometheus exposition: process metrics and http_request_duration_seconds. */
@ApiTags('Health')
@Controller()
export class MetricsController extends PrometheusController {
  @Get()
  @Public()
  @ApiOperation({ summary: 'Prometheus metrics' })
  @RawResponse({ description: 'Metrics in the Prometheus text format', contentType: 'text/plain' })
  override index(@Res({ passthrough: true }) response: Response): Promise<string> {
    return super.index(response);
  }
}
