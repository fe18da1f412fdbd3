import { Controller, Get, Header } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Public } from '../../kernel/auth/public.decorator.js';
import { BackgroundWork } from '../../kernel/background/background-work.js';
import { AppConfig } from '../../kernel/config/app-config.js';
import { migrationState } from '../../kernel/database/migrate.js';
import { RawResponse } from '../../kernel/http/response.decorators.js';

class MigrationStatusDto {
  @ApiProperty() applied!: number;
  @ApiProperty({ type: [String] }) pending!: string[];
  @ApiProperty({ type: String, nullable: true }) latest!: string | null;
}

class DatabaseStatusDto {
  @ApiProperty({ enum: ['up', 'down'] }) status!: 'up' | 'down';
  @ApiProperty({ description: 'True when Marshal runs its own PostgreSQL under DATA_DIR' }) embedded!: boolean;
  @ApiProperty({ type: String, nullable: true, example: '18.0' }) serverVersion!: string | null;
  @ApiProperty({ type: MigrationStatusDto, nullable: true }) migrations!: MigrationStatusDto | null;
}

class BackgroundTaskDto {
  @ApiProperty({ example: 'reap expired leases' }) name!: string;
  @ApiProperty({
    enum: ['sweeper', 'schedule'],
    description: 'sweeper: a timer on every replica; schedule: a pg-boss cron run once across replicas',
  })
  kind!: 'sweeper' | 'schedule';
  @ApiPropertyOptional({ description: "A sweeper's interval", example: 30000 }) intervalMs?: number;
  @ApiPropertyOptional({ description: "A schedule's cron expression (5 fields, UTC)", example: '*/15 * * * *' }) cron?: string;
}

export class EngineStatusDto {
  @ApiProperty({ example: 'marshal' }) name!: string;
  @ApiProperty({ example: '0.1.0' }) version!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The git commit the build came from' }) commit!: string | null;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({ description: 'Seconds since the process started' }) uptimeSeconds!: number;
  @ApiProperty({ enum: ['development', 'production', 'test'] }) environment!: string;
  @ApiProperty({ type: DatabaseStatusDto }) database!: DatabaseStatusDto;
  @ApiProperty({ type: [BackgroundTaskDto], description: 'The background work this replica runs or schedules' })
  background!: BackgroundTaskDto[];
}

@ApiTags('Health')
@Controller('.well-known')
export class EngineStatusController {
  private readonly startedAt = new Date();

  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly background: BackgroundWork,
  ) {}

  @Get('engine-status')
  @Public()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Version, commit, uptime, database and migration state, background work',
    description:
      'What this replica runs: version and commit, uptime, whether the database answers and every migration is applied, and the background work it schedules (pg-boss schedules and per-replica sweepers). Public, for operators; it shows no tenant data.',
  })
  @RawResponse({ description: 'The engine status (not enveloped, like the other probes)', type: EngineStatusDto })
  async getEngineStatus(): Promise<EngineStatusDto> {
    return {
      name: 'marshal',
      version: this.config.build.version,
      commit: this.config.build.commit,
      startedAt: this.startedAt.toISOString(),
      uptimeSeconds: Math.round(process.uptime()),
      environment: this.config.env,
      database: await this.databaseStatus(),
      background: this.background.list(),
    };
  }

  private async databaseStatus(): Promise<DatabaseStatusDto> {
    const embedded = Boolean(this.config.database.embedded);
    try {
      const rows: { server_version: string }[] = await this.dataSource.query('SHOW server_version');
      return { status: 'up', embedded, serverVersion: rows[0]?.server_version ?? null, migrations: await migrationState(this.dataSource) };
    } catch {
      return { status: 'down', embedded, serverVersion: null, migrations: null };
    }
  }
}
