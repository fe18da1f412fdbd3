import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import type { AppConfig } from './kernel/config/app-config.js';
import { configureHttp } from './kernel/http/configure-http.js';
import { routeWebSocketUpgrades } from './kernel/http/web-sockets.js';
import { buildOpenApiDocument } from './kernel/openapi/openapi-document.js';
import { OpenApiDocumentHolder } from './kernel/openapi/openapi.module.js';

/**
 * Builds the application exactly as production runs it: the server, the e2e tests and the
 * benchmarks all go through here. The database must already be migrated.
 */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  configureHttp(app, config);
  routeWebSocketUpgrades(app);
  const document = buildOpenApiDocument(app, config.build.version);
  app.get(OpenApiDocumentHolder).document = document;
  SwaggerModule.setup('docs', app, document, {
    raw: false,
    customSiteTitle: 'Marshal API',
    // Tags start collapsed, with a filter box: with every tag listed open, Swagger UI 5 stops
    // rendering after the first tags once the document passes about 130 operations.
    swaggerOptions: {
      persistAuthorization: true,
      displayOperationId: true,
      tryItOutEnabled: true,
      validatorUrl: null,
      docExpansion: 'none',
      filter: true,
    },
  });
  await app.init();
  return app;
}

/**
 * The document alone, without a database: the spec writer uses this. `inspect` sees the
 * application beside its document before it closes (the validation-rule comparison needs both).
 */
export async function createOpenApiDocument(
  config: AppConfig,
  inspect?: (app: INestApplicationContext, document: OpenAPIObject) => void,
): Promise<OpenAPIObject> {
  const app = await NestFactory.create(AppModule.forRoot(config), { preview: true, logger: false, abortOnError: false });
  const document = buildOpenApiDocument(app, config.build.version);
  inspect?.(app, document);
  await app.close();
  return document;
}
