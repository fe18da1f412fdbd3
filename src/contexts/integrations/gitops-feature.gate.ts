import { Injectable, NestMiddleware } from '@nestjs/common';
import { AppConfig } from '../../kernel/config/app-config.js';
import { routeNotFound } from '../../kernel/http/kernel.errors.js';

/**
 * In front of the GitOps routes, before authentication: with GITOPS_ENABLED not true they answer
 * exactly what an unmatched route answers (404 ROUTE_NOT_FOUND), to anyone, so they look absent.
 * The OpenAPI document describes them either way.
 */
@Injectable()
export class GitopsFeatureGate implements NestMiddleware {
  constructor(private readonly config: AppConfig) {}

  use(_req: unknown, _res: unknown, next: (error?: unknown) => void): void {
    if (!this.config.gitops.enabled) throw routeNotFound();
    next();
  }
}
