import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgentsModule } from '../agents/index.js';
import { AgentJobsController } from './agent-jobs.controller.js';
import { Job } from './entities/job.entity.js';
import { JobMetrics } from './job-metrics.js';
import { JobQueue } from './job-queue.service.js';
import { JobReaper } from './job-reaper.js';
import { JobsController } from './jobs.controller.js';
import { JobsService } from './jobs.service.js';

/** Jobs: the queue of work for agents, its leases (and their reaper), and its lifecycle. */
@Module({
  imports: [TypeOrmModule.forFeature([Job]), AgentsModule],
  controllers: [JobsController, AgentJobsController],
  providers: [JobsService, JobQueue, JobReaper, JobMetrics],
  exports: [JobsService, JobQueue],
})
export class JobsModule {}
