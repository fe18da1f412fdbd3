import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { getToken } from '@willsoto/nestjs-prometheus';
import { HTTP_REQUEST_DURATION, recordHttpMetrics } from '../metrics/http-metrics.js';
import { SIGNED_WEBHOOK } from '../auth/public.decorator.js';
import type { AppConfig } from '../config/app-config.js';
import { RouteInventory } from '../routes/route-inventory.js';
import { RateLimiter } from '../rate-limit/rate-limiter.js';
import { AllExceptionsFilter, type BeforeErrorSent, sendError } from './all-exceptions.filter.js';
import { BODY_LIMIT } from './body-limit.js';
import { answerMalformedRequests } from './client-errors.js';
import { deferBody, isBodyDeferred, jsonBodyParser } from './json-body.js';
import { asMarshalRequest } from './request.js';
import { requestIdentity } from './request-identity.middleware.js';
import { createValidationPipe } from './validation.js';

/** Headers a browser client may read on a cross-origin response. */
const EXPOSED_HEADERS = [
  'x-request-id',
  'x-correlation-id',
  'idempotent-replayed',
  'retry-after',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
  'ratelimit',
  'ratelimit-policy',
  'etag',
];

/**
 * How long a client may take to send its request, however slowly it trickles it (one byte every
 * few seconds would otherwise hold a connection for Node's 5 minutes): its headers within
 * HTTP_HEADERS_TIMEOUT_MS and the whole request, body included, within HTTP_REQUEST_TIMEOUT_MS of
 * its first byte; then Node answers 408 and closes the connection. These bound receiving only:
 * once a request is in, its response takes as long as it needs (event streams, long-poll claims,
 * WebSockets). Node checks them on a timer, 30 s apart by default, which would stretch each bound
 * by as much: here every second (or more often for bounds under two seconds).
 */
function boundRequestReceipt(server: Server, config: AppConfig): void {
  server.headersTimeout = config.http.headersTimeoutMs;
  server.requestTimeout = config.http.requestTimeoutMs;
  // Read when the server starts listening; @types/node knows it only as a createServer option.
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval = Math.min(
    1_000,
    config.http.headersTimeoutMs / 2,
  );
}

/**
 * The HTTP pipeline every Marshal process uses (server, tests, spec writer), in order: bounds on
 * receiving a request, request identity, security headers, CORS, JSON body parsing with its own
 * error envelope, then Nest's validation pipe, exception filter and envelope interceptor
 * (registered in AppModule). Requests Node cannot parse at all are answered in the envelope too.
 */
export function configureHttp(app: INestApplication, config: AppConfig): void {
  const expressApp = app as NestExpressApplication;
  boundRequestReceipt(expressApp.getHttpServer(), config);
  expressApp.set('trust proxy', config.http.trustProxy);
  expressApp.disable('x-powered-by');
  // Express would hash every JSON body for a weak ETag. API responses are not cached that way;
  // an operation that is cacheable sets its own ETag.
  expressApp.set('etag', false);
  app.use(requestIdentity);
  app.use(recordHttpMetrics(app.get(getToken(HTTP_REQUEST_DURATION))));
  app.use(
    helmet({
      // Swagger UI at /docs styles itself inline and loads its images as data: URLs.
      contentSecurityPolicy: {
        directives: { 'img-src': ["'self'", 'data:'], 'style-src': ["'self'", "'unsafe-inline'"] },
      },
    }),
  );
  if (config.http.corsOrigins) {
    app.enableCors({
      origin: config.http.corsOrigins === '*' ? true : config.http.corsOrigins,
      credentials: false,
      exposedHeaders: EXPOSED_HEADERS,
      maxAge: 600,
    });
  }
  answerMalformedRequests(app.getHttpServer() as Server);
  const routes = app.get(RouteInventory).handlers();
  // Routes with a larger limit (@BodyLimit) read their body after the guards (DeferredBodyInterceptor),
  // so that nobody makes the server read megabytes without credentials: the parsers below leave them.
  for (const route of routes.filter((r) => r.meta(BODY_LIMIT))) {
    for (const path of route.paths) {
      app.use(path, (req: Request, _res: Response, next: NextFunction) => {
        if (route.method === 'ALL' || req.method === route.method) deferBody(req);
        next();
      });
    }
  }
  // Signed webhooks (@SignedWebhook) verify their signature over the exact bytes received, so they
  // keep them as req.rawBody (Nest's RawBodyRequest); no other route holds a second copy of its body.
  const signedWebhooks = routes.filter((route) => route.meta(SIGNED_WEBHOOK));
  for (const path of signedWebhooks.flatMap((route) => route.paths)) {
    app.use(path, jsonBodyParser({ limit: config.http.bodyLimit, keepRawBody: true }));
  }
  const parseJson = jsonBodyParser({ limit: config.http.bodyLimit });
  app.use((req: Request, res: Response, next: NextFunction) => (isBodyDeferred(req) ? next() : parseJson(req, res, next)));
  // Refusals carry the rate-limit headers too: the limiter counts what its guard never saw.
  const limiter = app.get(RateLimiter);
  const beforeErrorSent: BeforeErrorSent = (error, req, res) => limiter.beforeErrorSent(error, req, res);
  // body-parser reports malformed or oversized bodies through Express's error chain, before Nest.
  app.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    void sendError(error, asMarshalRequest(req), res, beforeErrorSent);
  });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter(beforeErrorSent));
}
