import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

export const AUDIT_SPEC = 'marshal:audit';

export type AuditSpec = { action: string; resourceType: string | null } | { notAudited: string };

/**
 * Declares what a mutating route does, for the audit trail: `@Audited('role.create', 'role')`.
 * The mutation interceptor records it in the change's transaction (success) or after the rollback
 * (failure). The resource id is the path's `id`, else the returned `id`, unless the handler notes
 * another through AuditNotes. Published as `x-audit-action`.
 */
export const Audited = (action: string, resourceType: string | null = null) =>
  applyDecorators(SetMetadata(AUDIT_SPEC, { action, resourceType }), ApiExtension('x-audit-action', action));

/**
 * A mutating route the interceptor does not audit, with the reason: a read over POST, or a flow
 * whose service records its own entries (login, invitation acceptance). Such a route gets no
 * wrapping transaction either: its service opens its own where it needs one.
 */
export const NotAudited = (reason: string) => SetMetadata(AUDIT_SPEC, { notAudited: reason });
