import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WorkflowsModule } from '../workflows/index.js';
import { ArgocdClient } from './argocd-client.js';
import { ArgocdEndpointsController } from './argocd-endpoints.controller.js';
import { ArgocdEndpointsService } from './argocd-endpoints.service.js';
import { ArgocdTokens } from './argocd-tokens.js';
import { ArgocdEndpoint } from './entities/argocd-endpoint.entity.js';
import { GitopsAppMapping } from './entities/gitops-app-mapping.entity.js';
import { GitopsAppMappingsController } from './gitops-app-mappings.controller.js';
import { GitopsAppMappingsService } from './gitops-app-mappings.service.js';
import { GitopsFeatureGate } from './gitops-feature.gate.js';
import { GitopsService } from './gitops.service.js';
import { WorkflowCallbackDelivery } from './entities/workflow-callback-delivery.entity.js';
import { WorkflowCallbackReceiver } from './workflow-callback-receiver.service.js';
import { WorkflowCallbackSignatureGuard } from './workflow-callback-signature.guard.js';
import { WorkflowCallbacksController } from './workflow-callbacks.controller.js';
import { WorkflowWebhookGate } from './workflow-webhook.gate.js';

/**
 * Integrations: GitOps with Argo CD (endpoints, the applications they serve, and which application
 * deploys what uses a secret), switched on by GITOPS_ENABLED; and signed workflow callbacks from
 * external executors, switched on by WORKFLOW_WEBHOOK_SECRET, handed to the workflows context's
 * WorkflowCallbacksService. Other contexts use GitopsService; WorkflowsModule is the one context
 * this module imports (it must never import this one back).
 */
@Module({
  imports: [TypeOrmModule.forFeature([ArgocdEndpoint, GitopsAppMapping, WorkflowCallbackDelivery]), WorkflowsModule],
  controllers: [ArgocdEndpointsController, GitopsAppMappingsController, WorkflowCallbacksController],
  providers: [
    ArgocdClient,
    ArgocdTokens,
    ArgocdEndpointsService,
    GitopsAppMappingsService,
    GitopsService,
    GitopsFeatureGate,
    WorkflowCallbackReceiver,
    WorkflowCallbackSignatureGuard,
    WorkflowWebhookGate,
  ],
  exports: [GitopsService],
})
export class IntegrationsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(GitopsFeatureGate).forRoutes(ArgocdEndpointsController, GitopsAppMappingsController);
    consumer.apply(WorkflowWebhookGate).forRoutes(WorkflowCallbacksController);
  }
}
