import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PgBoss } from 'pg-boss';
import { AppConfig } from '../config/app-config.js';
import { BACKGROUND_SCHEMA } from './background-schema.js';
import { connectionBounds } from '../database/data-source-options.js';
import { isDependencyUnavailable } from '../database/unavailable.js';
import { OutageLog } from './outage-log.js';

/** While the database is away, how often BackgroundJobs looks whether it is back. */
const RECOVERY_PROBE_MS = 2_000;

interface ScheduledTask {
  name: string;
  cron: string;
  run: () => Promise<unknown>;
}

/**
 * Internal background work on pg-boss, in Marshal's own database (schema `pgboss`): contexts
 * register scheduled tasks (sweepers) while the app initialises; pg-boss runs each schedule once
 * across all replicas. Not the agent job queue: that is a domain concept of its own.
 */
@Injectable()
export class BackgroundJobs implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(BackgroundJobs.name);
  private readonly outage = new OutageLog(this.logger, 'run scheduled background tasks');
  private readonly tasks: ScheduledTask[] = [];
  private boss?: PgBoss;
  /** While the database is away: a light query now and then, to tell when it is back (pg-boss does not say). */
  private recoveryProbe?: NodeJS.Timeout;

  constructor(private readonly config: AppConfig) {}

  /** Call from onModuleInit. `cron` is a 5-field expression in UTC. */
  schedule(name: string, cron: string, run: () => Promise<unknown>): void {
    this.tasks.push({ name, cron, run });
  }

  /** The scheduled tasks registered, for the background list. */
  list(): { name: string; cron: string }[] {
    return this.tasks.map(({ name, cron }) => ({ name, cron }));
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.tasks.length === 0) return;
    // With a schema owner of its own (DATABASE_MIGRATION_URL, the embedded server), the owner has
    // installed pg-boss's schema at start-up; this role may only check it, not create or alter it.
    const migrate = !this.config.database.migrationUrl;
    const boss = new PgBoss({
      connectionString: this.config.database.url,
      schema: BACKGROUND_SCHEMA,
      max: 2,
      migrate,
      application_name: 'marshal-background',
      // pg-boss polls on a timer: while the database is away its polls fail fast, never pile up.
      ...connectionBounds(this.config.database),
    });
    boss.on('error', (error: unknown) => this.logError(error));
    await boss.start();
    this.boss = boss;
    for (const task of this.tasks) {
      await boss.createQueue(task.name);
      await boss.schedule(task.name, task.cron);
      await boss.work(task.name, async () => {
        const result = await task.run();
        this.logger.log({ task: task.name, result }, 'background task done');
      });
    }
  }

  /**
   * pg-boss attaches its pg client to errors: log the message and code only (never connection
   * details). It emits one per failed poll: an outage is logged once (and a reminder a minute),
   * not every few seconds; pg-boss carries on by itself when the database answers again.
   */
  private logError(error: unknown): void {
    if (isDependencyUnavailable(error)) {
      this.outage.failed(error);
      this.probeForRecovery();
      return;
    }
    const { message, code } = error as { message?: string; code?: string };
    this.logger.error({ code, message }, 'background job error');
  }

  private probeForRecovery(): void {
    if (this.recoveryProbe || !this.boss) return;
    const boss = this.boss;
    this.recoveryProbe = setInterval(() => {
      boss
        .getDb()
        .executeSql('SELECT 1')
        .then(
          () => {
            clearInterval(this.recoveryProbe);
            this.recoveryProbe = undefined;
            this.outage.succeeded();
          },
          () => undefined, // still away: the outage is logged already
        );
    }, RECOVERY_PROBE_MS);
    this.recoveryProbe.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.recoveryProbe);
    await this.boss?.stop({ graceful: true, timeout: 5_000 });
  }
}
