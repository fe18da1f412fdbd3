import { Injectable, NestMiddleware } from '@nestjs/common';
import { AppConfig } from '../../kernel/config/app-config.js';
import { routeNotFound } from '../../kernel/http/kernel.errors.js';

/**
 * In front of the workflow callback route, before authentication: without WORKFLOW_WEBHOOK_SECRET
 * it answers exactly what an unmatched route answers (404 ROUTE_NOT_FOUND), to anyone. Accepting
 * unsigned callbacks would let anyone move a run, so an unconfigured receiver is an absent one.
 * The OpenAPI document describes the route either way.
 */
@Injectable()
export class WorkflowWebhookGate implements NestMiddleware {
  constructor(private readonly config: AppConfig) {}

  use(_req: unknown, _res: unknown, next: (error?: unknown) => void): void {
    if (!this.config.workflowWebhook.secret) throw routeNotFound();
    next();
  }
}
