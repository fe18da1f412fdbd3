import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgentAuthenticator } from '../../kernel/auth/agent-authenticator.js';
import { InventoryModule } from '../inventory/inventory.module.js';
import { AgentsController } from './agents.controller.js';
import { AgentsService } from './agents.service.js';
import { EnrollmentController } from './enrollment.controller.js';
import { EnrollmentService } from './enrollment.service.js';
import { Agent } from './entities/agent.entity.js';
import { EnrollmentToken } from './entities/enrollment-token.entity.js';

/**
 * Agents: the registry of processes that carry out work, their credentials and enrollment.
 * Global because it implements the kernel's AgentAuthenticator, which the authentication guard
 * (identity) uses for `X-Agent-Secret`.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([Agent, EnrollmentToken]), InventoryModule],
  controllers: [AgentsController, EnrollmentController],
  providers: [AgentsService, EnrollmentService, { provide: AgentAuthenticator, useExisting: AgentsService }],
  exports: [AgentsService, EnrollmentService, AgentAuthenticator],
})
export class AgentsModule {}
