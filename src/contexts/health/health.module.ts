import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { PrometheusModule } from '@willsoto/nestjs-prometheus';
import { EngineStatusController } from './engine-status.controller.js';
import { MetricsController } from './metrics.controller.js';
import { ProbesController } from './probes.controller.js';

/** Probes, metrics and engine status: what operators and orchestrators read. */
@Module({
  imports: [
    TerminusModule.forRoot({ errorLogStyle: 'json' }),
    PrometheusModule.register({ path: '/metrics', controller: MetricsController, defaultMetrics: { enabled: true } }),
  ],
  controllers: [ProbesController, EngineStatusController],
})
export class HealthModule {}
