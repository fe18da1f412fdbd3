import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PgBoss } from 'pg-boss';
import { AppConfig } from '../config/app-config.js';
import { BACKGROUND_SCHEMA } from './background-schema.js';

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
  private readonly tasks: ScheduledTask[] = [];
  private boss?: PgBoss;

  constructor(private readonly config: AppConfig) {}

  /** Call from onModuleInit. `cron` is a 5-field expression in UTC. */
  schedule(name: string, cron: string, run: () => Promise<unknown>): void {
    this.tasks.push({ name, cron, run });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.tasks.length === 0) return;
    // With a schema owner of its own (DATABASE_MIGRATION_URL, the embedded server), the owner has
    // installed pg-boss's schema at start-up; this role may only check it, not create or alter it.
    const migrate = !this.config.database.migrationUrl;
    const boss = new PgBoss({ connectionString: this.config.database.url, schema: BACKGROUND_SCHEMA, max: 2, migrate, application_name: 'marshal-background' });
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
   * details). A connection the server terminated (57P01) is expected while it shuts down.
   */
  private logError(error: unknown): void {
    const { message, code } = error as { message?: string; code?: string };
    if (code === '57P01') this.logger.warn({ code, message }, 'background jobs lost their database connection (server shutting down?)');
    else this.logger.error({ code, message }, 'background job error');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.boss?.stop({ graceful: true, timeout: 5_000 });
  }
}
