import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Counter, Gauge, Histogram, type Metric, register } from 'prom-client';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../kernel/config/app-config.js';

function single<T extends Metric>(name: string, make: () => T): T {
  return (register.getSingleMetric(name) as T | undefined) ?? make();
}

/**
 * The queue's metrics: claim latency and lease expiries counted as they happen; queue depth and
 * agents online read from the database when Prometheus scrapes (one grouped query each).
 */
@Injectable()
export class JobMetrics {
  readonly claimLatency: Histogram<'outcome'>;
  readonly leaseExpiries: Counter<'outcome'>;
  readonly transitions: Counter<'status'>;

  constructor(@InjectDataSource() dataSource: DataSource, config: AppConfig) {
    this.claimLatency = single(
      'marshal_job_claim_duration_seconds',
      () =>
        new Histogram({
          name: 'marshal_job_claim_duration_seconds',
          help: 'Time to answer a claim, long-poll waiting included, by outcome (claimed or empty)',
          labelNames: ['outcome'],
          buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5, 15, 30],
        }),
    );
    this.leaseExpiries = single(
      'marshal_job_lease_expiries_total',
      () =>
        new Counter({
          name: 'marshal_job_lease_expiries_total',
          help: 'Leases that expired, by outcome: requeued, or expired for good (attempts exhausted)',
          labelNames: ['outcome'],
        }),
    );
    this.transitions = single(
      'marshal_job_transitions_total',
      () =>
        new Counter({
          name: 'marshal_job_transitions_total',
          help: 'Job state changes made by this replica, by new status',
          labelNames: ['status'],
        }),
    );
    single(
      'marshal_job_queue_depth',
      () =>
        new Gauge({
          name: 'marshal_job_queue_depth',
          help: 'Jobs waiting or held, by status and type (all organizations)',
          labelNames: ['status', 'type'],
          async collect() {
            const rows = await dataSource.query<{ status: string; type: string; n: string }[]>(
              `SELECT status, type, count(*) AS n FROM jobs WHERE status IN ('queued', 'leased', 'running') GROUP BY status, type`,
            );
            this.reset();
            for (const r of rows) this.set({ status: r.status, type: r.type }, Number(r.n));
          },
        }),
    );
    single(
      'marshal_agents_online',
      () =>
        new Gauge({
          name: 'marshal_agents_online',
          help: 'Active agents seen within 3 heartbeat intervals (all organizations)',
          async collect() {
            const [row] = await dataSource.query<{ n: string }[]>(
              `SELECT count(*) AS n FROM agents WHERE status = 'active' AND last_seen_at >= now() - make_interval(secs => $1)`,
              [config.agents.heartbeatIntervalSeconds * 3],
            );
            this.set(Number(row.n));
          },
        }),
    );
  }
}
