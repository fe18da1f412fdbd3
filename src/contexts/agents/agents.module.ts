import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InventoryModule } from '../inventory/index.js';
import { AgentsController } from './agents.controller.js';
import { AgentsService } from './agents.service.js';
import { EnrollmentController } from './enrollment.controller.js';
import { EnrollmentService } from './enrollment.service.js';
import { Agent } from './entities/agent.entity.js';
import { EnrollmentToken } from './entities/enrollment-token.entity.js';

/**
 * Agents: the registry of processes that carry out work, their credentials and enrollment. Not global:
 * a module that uses AgentsService imports it; `X-Agent-Secret` is AgentAuthenticationModule's.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Agent, EnrollmentToken]), InventoryModule],
  controllers: [AgentsController, EnrollmentController],
  providers: [AgentsService, EnrollmentService],
  exports: [AgentsService, EnrollmentService],
})
export class AgentsModule {}
