import { DynamicModule, Module } from '@nestjs/common';
import { HealthModule } from './contexts/health/health.module.js';
import { IdentityModule } from './contexts/identity/identity.module.js';
import { TenancyModule } from './contexts/tenancy/tenancy.module.js';
import { AppConfig } from './kernel/config/app-config.js';
import { KernelModule } from './kernel/kernel.module.js';
import { OpenApiModule } from './kernel/openapi/openapi.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [KernelModule.forRoot(config), OpenApiModule, HealthModule, IdentityModule, TenancyModule],
    };
  }
}
