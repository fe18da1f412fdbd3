import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { AUDIT_SPEC } from '../audit/audited.decorator.js';
import { AGENT_ROUTE } from '../auth/agent-route.decorator.js';
import { ANY_PRINCIPAL, REQUIRED_PERMISSION } from '../auth/require-permission.decorator.js';
import { IS_PUBLIC } from '../auth/public.decorator.js';
import { BODY_LIMIT } from '../http/body-limit.js';
import { MUTATING_METHODS } from '../http/methods.js';
import { IDEMPOTENCY_REQUIRED, IDEMPOTENT_BY_DESIGN } from '../idempotency/idempotency.decorator.js';
import { RouteInventory } from './route-inventory.js';

/**
 * Refuses to start when a route forgot to say who may call it or what its trail says: every
 * authenticated route declares @RequirePermission, @AnyPrincipal or @AgentRoute, and every
 * mutating route @Audited or @NotAudited. A missing guard is impossible rather than unlikely. A
 * larger body limit (@BodyLimit) is only for authenticated routes: it is read after authentication.
 * A route cannot both require an Idempotency-Key and be idempotent by design.
 */
@Injectable()
export class RouteDeclarationsCheck implements OnApplicationBootstrap {
  constructor(private readonly routes: RouteInventory) {}

  onApplicationBootstrap(): void {
    const problems: string[] = [];
    for (const route of this.routes.handlers()) {
      const where = `${route.method} ${route.paths.join(', ')} (${route.controller}.${route.handler})`;
      const open = route.meta<boolean>(IS_PUBLIC);
      if (!open && !route.meta(REQUIRED_PERMISSION) && !route.meta(ANY_PRINCIPAL) && !route.meta(AGENT_ROUTE)) {
        problems.push(`${where}: declare @RequirePermission(...), @AnyPrincipal(reason), @AgentRoute() or @Public()`);
      }
      if (open && route.meta(BODY_LIMIT)) {
        problems.push(
          `${where}: @BodyLimit is read once the caller is authenticated; an open route (@Public, @SignedWebhook) keeps BODY_LIMIT`,
        );
      }
      if (MUTATING_METHODS.has(route.method) && !route.meta(AUDIT_SPEC)) {
        problems.push(`${where}: declare @Audited(action, resource) or @NotAudited(reason)`);
      }
      if (route.meta(IDEMPOTENT_BY_DESIGN) !== undefined && (!MUTATING_METHODS.has(route.method) || route.meta(IDEMPOTENCY_REQUIRED))) {
        problems.push(`${where}: @IdempotentByDesign is for a mutating route that does not also require a key`);
      }
    }
    if (problems.length) throw new Error(`Routes without their declarations:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}
