import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClsModule } from 'nestjs-cls';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from './config/app-config.js';
import { RequestContext } from './context/request-context.js';
import { dataSourceOptions } from './database/data-source-options.js';
import { EnvelopeInterceptor } from './http/envelope.interceptor.js';
import type { MarshalRequest } from './http/request.js';
import { LifecycleState } from './lifecycle/lifecycle-state.js';
import { loggingOptions } from './logging/logging.options.js';
import { httpRequestDurationProvider } from './metrics/http-metrics.js';

/**
 * Cross-cutting infrastructure, global to every context: the typed config, request context,
 * JSON logging, the database connection and the envelope. Knows no domain.
 */
@Global()
@Module({})
export class KernelModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: KernelModule,
      imports: [
        ClsModule.forRoot({
          global: true,
          middleware: {
            mount: true,
            generateId: true,
            idGenerator: (req: MarshalRequest) => req.requestId,
            setup: (cls, req: MarshalRequest) => cls.set('correlationId', req.correlationId),
            // No proxy providers or plugins: skip their per-request hooks.
            resolveProxyProviders: false,
            initializePlugins: false,
          },
        }),
        LoggerModule.forRoot(loggingOptions(config)),
        TypeOrmModule.forRoot({
          ...dataSourceOptions(config.database.url ?? 'postgres://unconfigured', config.database.poolSize),
          autoLoadEntities: true,
          retryAttempts: 2,
          retryDelay: 1000,
        }),
      ],
      providers: [
        { provide: AppConfig, useValue: config },
        RequestContext,
        LifecycleState,
        httpRequestDurationProvider,
        { provide: APP_INTERCEPTOR, useClass: EnvelopeInterceptor },
      ],
      exports: [AppConfig, RequestContext, LifecycleState, httpRequestDurationProvider],
    };
  }
}
