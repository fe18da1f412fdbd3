import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR, DiscoveryModule } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { ClsPluginTransactional } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClsModule } from 'nestjs-cls';
import { LoggerModule } from 'nestjs-pino';
import { AuditCheckpoints } from './audit/audit-checkpoints.js';
import { AuditChainHead, AuditCheckpoint, AuditEvent } from './audit/audit-event.entity.js';
import { AuditKeys } from './audit/audit-keys.js';
import { AUDIT_NOTE, AuditNotes } from './audit/audit-notes.js';
import { AuditStore } from './audit/audit-store.js';
import { AuditWriter } from './audit/audit-writer.js';
import { BackgroundJobs } from './background/background-jobs.js';
import { Blob, BlobChunk, BlobOrphan, BlobReference } from './blobs/blob.entity.js';
import { BlobStore } from './blobs/blob-store.js';
import { BackgroundWork } from './background/background-work.js';
import { Sweepers } from './background/sweepers.js';
import { AppConfig } from './config/app-config.js';
import { RequestContext } from './context/request-context.js';
import { EnvelopeCipher } from './crypto/envelope-cipher.js';
import { KeyManagement, LocalKeyManagement } from './crypto/key-management.js';
import { KeyRotation } from './crypto/key-rotation.js';
import { dataSourceOptions } from './database/data-source-options.js';
import { EventHub } from './events/event-hub.js';
import { EventOutbox } from './events/event-outbox.js';
import { DeferredBodyInterceptor } from './http/body-limit.js';
import { EnvelopeInterceptor } from './http/envelope.interceptor.js';
import { WebSockets } from './http/web-sockets.js';
import type { MarshalRequest } from './http/request.js';
import { IdempotencyHolder } from './idempotency/idempotency-holder.js';
import { IdempotencyKey } from './idempotency/idempotency-key.entity.js';
import { IdempotencyService } from './idempotency/idempotency.service.js';
import { InFlightInterceptor } from './lifecycle/in-flight.interceptor.js';
import { LifecycleState } from './lifecycle/lifecycle-state.js';
import { correlationMixin } from './logging/correlation-mixin.js';
import { loggingOptions } from './logging/logging.options.js';
import { httpRequestDurationProvider } from './metrics/http-metrics.js';
import { MutationInterceptor } from './mutations/mutation.interceptor.js';
import { OutboundCalls } from './outbound/outbound-calls.js';
import { MemoryThrottlerStorage } from './rate-limit/memory-throttler.storage.js';
import { RateLimitGuard } from './rate-limit/rate-limit.guard.js';
import { RateLimiter } from './rate-limit/rate-limiter.js';
import { RedisThrottlerStorage } from './rate-limit/redis-throttler.storage.js';
import { RedisConnection } from './redis/redis-connection.js';
import { RouteDeclarationsCheck } from './routes/route-declarations.check.js';
import { RouteInventory } from './routes/route-inventory.js';
import { TenantData } from './tenancy/tenant-data.js';

const SHARED = [
  RequestContext,
  LifecycleState,
  TenantData,
  EnvelopeCipher,
  KeyRotation,
  AuditKeys,
  AuditWriter,
  AuditStore,
  AuditCheckpoints,
  AuditNotes,
  EventOutbox,
  EventHub,
  WebSockets,
  IdempotencyService,
  BackgroundJobs,
  Sweepers,
  BackgroundWork,
  OutboundCalls,
  BlobStore,
  RedisConnection,
  RateLimiter,
  RateLimitGuard,
  RouteInventory,
  httpRequestDurationProvider,
];

/**
 * Cross-cutting infrastructure, global to every context: typed config, request context and its
 * transaction, JSON logging, the database, the envelope, audit, idempotency, rate limits and
 * background jobs. Knows no domain.
 */
@Global()
@Module({})
export class KernelModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: KernelModule,
      imports: [
        DiscoveryModule,
        TypeOrmModule.forRoot({
          ...dataSourceOptions(config.database.url ?? 'postgres://unconfigured', config.database.poolSize, config.database),
          autoLoadEntities: true,
          retryAttempts: 2,
          retryDelay: 1000,
        }),
        TypeOrmModule.forFeature([AuditEvent, AuditChainHead, AuditCheckpoint, IdempotencyKey, Blob, BlobChunk, BlobReference, BlobOrphan]),
        ClsModule.forRoot({
          global: true,
          middleware: {
            mount: true,
            generateId: true,
            idGenerator: (req: MarshalRequest) => req.requestId,
            setup: (cls, req: MarshalRequest) => {
              cls.set('correlationId', req.correlationId);
              cls.set('ip', req.ip);
              cls.set('userAgent', req.headers['user-agent']);
              // One holder per request, mutated in place, so nested CLS contexts (@Transactional) share it.
              cls.set(AUDIT_NOTE, {});
            },
            // No proxy providers, and the transactional plugin has no per-request hooks.
            resolveProxyProviders: false,
            initializePlugins: false,
          },
          plugins: [new ClsPluginTransactional({ adapter: new TransactionalAdapterTypeOrm({ dataSourceToken: getDataSourceToken() }) })],
        }),
        LoggerModule.forRoot(loggingOptions(config, correlationMixin)),
        ThrottlerModule.forRootAsync({
          inject: [RedisConnection],
          useFactory: (redis: RedisConnection) => ({
            throttlers: [],
            storage: redis.client ? new RedisThrottlerStorage(redis.client) : new MemoryThrottlerStorage(),
          }),
        }),
      ],
      providers: [
        { provide: AppConfig, useValue: config },
        { provide: KeyManagement, useClass: LocalKeyManagement },
        ...SHARED,
        IdempotencyHolder,
        RouteDeclarationsCheck,
        // Registration order is nesting order: the envelope wraps what the mutation interceptor returns.
        { provide: APP_INTERCEPTOR, useClass: InFlightInterceptor },
        // First after the guards: a @BodyLimit route's body is read here, once the caller is let in.
        { provide: APP_INTERCEPTOR, useClass: DeferredBodyInterceptor },
        { provide: APP_INTERCEPTOR, useClass: EnvelopeInterceptor },
        { provide: APP_INTERCEPTOR, useClass: MutationInterceptor },
      ],
      exports: [AppConfig, KeyManagement, ...SHARED],
    };
  }
}
