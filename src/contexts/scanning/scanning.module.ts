import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgentsModule } from '../agents/index.js';
import { BillingModule } from '../billing/index.js';
import { InventoryModule } from '../inventory/index.js';
import { JobsModule } from '../jobs/index.js';
import { AgentScansController } from './agent-scans.controller.js';
import { CodeRepository } from './entities/code-repository.entity.js';
import { Finding, FindingChange, FindingRule, FindingSighting } from './entities/finding.entity.js';
import { Scan } from './entities/scan.entity.js';
import { ScanLimitOverride } from './entities/scan-limit-override.entity.js';
import { ScanSession } from './entities/scan-session.entity.js';
import { SnapshotFile, SourceSnapshot } from './entities/source-snapshot.entity.js';
import { ThreatProfileVersion } from './entities/threat-profile.entity.js';
import { GitUpload } from './entities/git-upload.entity.js';
import { GitSmartHttpController } from './git/git-smart-http.controller.js';
import { GitUploadsController } from './git/git-uploads.controller.js';
import { GitUploadsService } from './git/git-uploads.service.js';
import { FindingsController } from './findings.controller.js';
import { FindingsService } from './findings.service.js';
import { SnapshotIngest } from './ingest/snapshot-ingest.js';
import { OpsController } from './ops.controller.js';
import { ProjectRollupsController } from './project-rollups.controller.js';
import { RepositoriesController } from './repositories.controller.js';
import { RepositoriesService } from './repositories.service.js';
import { ScanLimits } from './scan-limits.js';
import { ScansController } from './scans.controller.js';
import { ScansService } from './scans.service.js';
import { SessionsController } from './sessions.controller.js';
import { SessionsService } from './sessions.service.js';
import { ThreatProfilesController } from './threat-profiles.controller.js';
import { ThreatProfilesService } from './threat-profiles.service.js';

/**
 * Code scanning (seed 004): repositories of projects and their source snapshots, scans by scanner
 * agents (or imported SARIF), and the findings they report, triaged by people.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      CodeRepository,
      SourceSnapshot,
      SnapshotFile,
      ThreatProfileVersion,
      Scan,
      Finding,
      FindingChange,
      FindingRule,
      FindingSighting,
      ScanLimitOverride,
      GitUpload,
      ScanSession,
    ]),
    InventoryModule,
    JobsModule,
    AgentsModule,
    BillingModule,
  ],
  controllers: [
    RepositoriesController,
    ThreatProfilesController,
    ScansController,
    FindingsController,
    ProjectRollupsController,
    AgentScansController,
    OpsController,
    GitUploadsController,
    GitSmartHttpController,
    SessionsController,
  ],
  providers: [
    RepositoriesService,
    SnapshotIngest,
    ThreatProfilesService,
    ScansService,
    FindingsService,
    ScanLimits,
    GitUploadsService,
    SessionsService,
  ],
  exports: [RepositoriesService, ScansService, FindingsService],
})
export class ScanningModule {}
