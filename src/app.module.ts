import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessModule } from './contexts/access/access.module.js';
import { AgentRuntimeModule } from './contexts/agent-runtime/agent-runtime.module.js';
import { AgentsModule } from './contexts/agents/agents.module.js';
import { ApprovalsModule } from './contexts/approvals/approvals.module.js';
import { PermissionGuard } from './contexts/access/permission.guard.js';
import { AuditModule } from './contexts/audit/audit.module.js';
import { EventsModule } from './contexts/events/events.module.js';
import { HealthModule } from './contexts/health/health.module.js';
import { AuthenticationGuard } from './contexts/identity/authentication.guard.js';
import { IdentityModule } from './contexts/identity/identity.module.js';
import { IntegrationsModule } from './contexts/integrations/integrations.module.js';
import { InventoryModule } from './contexts/inventory/inventory.module.js';
import { JobsModule } from './contexts/jobs/jobs.module.js';
import { SecretsModule } from './contexts/secrets/secrets.module.js';
import { TenancyModule } from './contexts/tenancy/tenancy.module.js';
import { WorkflowsModule } from './contexts/workflows/workflows.module.js';
import { AppConfig } from './kernel/config/app-config.js';
import { KernelModule } from './kernel/kernel.module.js';
import { OpenApiModule } from './kernel/openapi/openapi.module.js';
import { RateLimitGuard } from './kernel/rate-limit/rate-limit.guard.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        KernelModule.forRoot(config),
        OpenApiModule,
        HealthModule,
        IdentityModule,
        AccessModule,
        TenancyModule,
        AuditModule,
        AgentsModule,
        JobsModule,
        AgentRuntimeModule,
        EventsModule,
        InventoryModule,
        ApprovalsModule,
        SecretsModule,
        IntegrationsModule,
        WorkflowsModule,
      ],
      // The request pipeline, in this order: who is calling (and in which organization), how much
      // it may call, what it may do.
      providers: [
        { provide: APP_GUARD, useExisting: AuthenticationGuard },
        { provide: APP_GUARD, useExisting: RateLimitGuard },
        { provide: APP_GUARD, useExisting: PermissionGuard },
      ],
    };
  }
}
