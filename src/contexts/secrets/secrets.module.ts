import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgentsModule } from '../agents/index.js';
import { ApprovalsModule } from '../approvals/index.js';
import { GitopsFeatureGate, IntegrationsModule } from '../integrations/index.js';
import { InventoryModule } from '../inventory/index.js';
import { JobsModule } from '../jobs/index.js';
import { AgentSecretsController } from './agent-secrets.controller.js';
import { DiscoveredSecretsController } from './discovered-secrets.controller.js';
import { DiscoveredSecretsService } from './discovered-secrets.service.js';
import { DiscoveredSecret } from './entities/discovered-secret.entity.js';
import { SecretRequest } from './entities/secret-request.entity.js';
import { SecretWrap } from './entities/secret-wrap.entity.js';
import { SecretRequestsController } from './secret-requests.controller.js';
import { SecretRequestsService } from './secret-requests.service.js';
import { SecretWrapsService } from './secret-wraps.service.js';

/** Secrets: what agents found in clusters, access requests to read or patch them, and the values in transit. */
@Module({
  imports: [
    TypeOrmModule.forFeature([DiscoveredSecret, SecretRequest, SecretWrap]),
    AgentsModule,
    ApprovalsModule,
    InventoryModule,
    IntegrationsModule,
    JobsModule,
  ],
  controllers: [DiscoveredSecretsController, SecretRequestsController, AgentSecretsController],
  providers: [DiscoveredSecretsService, SecretRequestsService, SecretWrapsService],
  exports: [DiscoveredSecretsService],
})
export class SecretsModule implements NestModule {
  /** With GitOps off, a request's GitOps view is as absent as the GitOps routes themselves. */
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(GitopsFeatureGate).forRoutes({ path: 'api/v1/requests/:id/gitops', method: RequestMethod.GET });
  }
}
