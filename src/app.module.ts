import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessModule, PermissionGuard } from './contexts/access/index.js';
import { AgentRuntimeModule } from './contexts/agent-runtime/index.js';
import { AgentsModule } from './contexts/agents/index.js';
import { ApprovalsModule } from './contexts/approvals/index.js';
import { AuditModule } from './contexts/audit/index.js';
import { BillingModule } from './contexts/billing/index.js';
import { EventsModule } from './contexts/events/index.js';
import { HealthModule } from './contexts/health/index.js';
import { AuthenticationGuard, IdentityModule } from './contexts/identity/index.js';
import { IntegrationsModule } from './contexts/integrations/index.js';
import { InventoryModule } from './contexts/inventory/index.js';
import { JobsModule } from './contexts/jobs/index.js';
import { ScanningModule } from './contexts/scanning/index.js';
import { SecretsModule } from './contexts/secrets/index.js';
import { TenancyModule } from './contexts/tenancy/index.js';
import { WorkflowsModule } from './contexts/workflows/index.js';
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
        BillingModule,
        ScanningModule,
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
