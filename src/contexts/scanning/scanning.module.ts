import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InventoryModule } from '../inventory/index.js';
import { CodeRepository } from './entities/code-repository.entity.js';
import { SnapshotFile, SourceSnapshot } from './entities/source-snapshot.entity.js';
import { SnapshotIngest } from './ingest/snapshot-ingest.js';
import { OpsController } from './ops.controller.js';
import { RepositoriesController } from './repositories.controller.js';
import { RepositoriesService } from './repositories.service.js';
import { ThreatProfilesController } from './threat-profiles.controller.js';
import { ThreatProfilesService } from './threat-profiles.service.js';
import { ThreatProfileVersion } from './entities/threat-profile.entity.js';

/** Code scanning (seed 004): repositories of projects and their source snapshots. Scans and findings come next. */
@Module({
  imports: [TypeOrmModule.forFeature([CodeRepository, SourceSnapshot, SnapshotFile, ThreatProfileVersion]), InventoryModule],
  controllers: [RepositoriesController, ThreatProfilesController, OpsController],
  providers: [RepositoriesService, SnapshotIngest, ThreatProfilesService],
  exports: [RepositoriesService],
})
export class ScanningModule {}
