import { Module } from '@nestjs/common';
import { AgentsModule } from '../agents/index.js';
import { IdentityModule } from '../identity/index.js';
import { JobsModule } from '../jobs/index.js';
import { AgentProtocolController } from './agent-protocol.controller.js';
import { CredentialsController } from './credentials.controller.js';
import { CredentialsService } from './credentials.service.js';
import { RuntimeController } from './runtime.controller.js';
import { RuntimeService } from './runtime.service.js';
import { TaskStreamService } from './task-stream.service.js';

/**
 * The agent runtime: where agents and jobs meet. The agent protocol's heartbeat (liveness and lease
 * renewal) and task stream, the operator's runtime views, and the credentials audit.
 */
@Module({
  imports: [AgentsModule, JobsModule, IdentityModule],
  controllers: [AgentProtocolController, RuntimeController, CredentialsController],
  providers: [RuntimeService, TaskStreamService, CredentialsService],
})
export class AgentRuntimeModule {}
