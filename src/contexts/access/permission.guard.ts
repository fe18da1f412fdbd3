import { CanActivate, ExecutionContext, Injectable, OnModuleInit } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuditWriter } from '../../kernel/audit/audit-writer.js';
import { REQUIRED_PERMISSION, requiredPermissions } from '../../kernel/auth/require-permission.decorator.js';
import { forbidden } from '../../kernel/http/kernel.errors.js';
import { asMarshalRequest } from '../../kernel/http/request.js';
import { RouteInventory } from '../../kernel/routes/route-inventory.js';
import { AccessService } from './access.service.js';
import { PERMISSION_KEYS } from './permission-catalog.js';

/**
 * Enforces each route's @RequirePermission against the principal's permissions as they are now,
 * in the organization the request acts in. A refusal is 403 and an audit entry (outcome denied).
 */
@Injectable()
export class PermissionGuard implements CanActivate, OnModuleInit {
  constructor(
    private readonly reflector: Reflector,
    private readonly access: AccessService,
    private readonly audit: AuditWriter,
    private readonly routes: RouteInventory,
  ) {}

  /** A typo in a permission name would lock a route for everyone: refuse to start instead. */
  onModuleInit(): void {
    const unknown = this.routes
      .handlers()
      .flatMap((r) => requiredPermissions(r.meta<string[]>(REQUIRED_PERMISSION)).map((p) => [r, p] as const))
      .filter(([, p]) => !PERMISSION_KEYS.has(p))
      .map(([r, p]) => `${r.controller}.${r.handler} requires "${p}", which no context declares`);
    if (unknown.length) throw new Error(`Unknown permissions on routes:\n  - ${unknown.join('\n  - ')}`);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const permissions = requiredPermissions(
      this.reflector.getAllAndOverride<string[] | undefined>(REQUIRED_PERMISSION, [context.getHandler(), context.getClass()]),
    );
    const req = asMarshalRequest(context.switchToHttp().getRequest());
    const principal = req.principal;
    if (!permissions.length || !principal) return true;
    // Checked one after the other: the principal's permissions are read once per request and memoised.
    const missing: string[] = [];
    for (const p of permissions) if (!(await this.access.has(principal, p))) missing.push(p);
    if (!missing.length) return true;
    const permission = missing[0];
    await this.audit.record({
      organizationId: principal.organizationId,
      action: 'authz.denied',
      outcome: 'denied',
      details: { permission, method: req.method, route: (req.route as { path?: string } | undefined)?.path ?? req.path },
    });
    throw forbidden(`This needs the ${missing.join(' and ')} permission${missing.length > 1 ? 's' : ''}`);
  }
}
