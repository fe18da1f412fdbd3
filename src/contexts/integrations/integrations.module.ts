import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
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

/**
 * Integrations: GitOps with Argo CD (endpoints, the applications they serve, and which application
 * deploys what uses a secret), switched on by GITOPS_ENABLED. Other contexts use GitopsService;
 * this module imports none of theirs.
 */
@Module({
  imports: [TypeOrmModule.forFeature([ArgocdEndpoint, GitopsAppMapping])],
  controllers: [ArgocdEndpointsController, GitopsAppMappingsController],
  providers: [ArgocdClient, ArgocdTokens, ArgocdEndpointsService, GitopsAppMappingsService, GitopsService, GitopsFeatureGate],
  exports: [GitopsService],
})
export class IntegrationsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(GitopsFeatureGate).forRoutes(ArgocdEndpointsController, GitopsAppMappingsController);
  }
}
