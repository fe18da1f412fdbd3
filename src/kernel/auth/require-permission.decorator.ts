import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

export const REQUIRED_PERMISSION = 'marshal:permission';
export const ANY_PRINCIPAL = 'marshal:any-principal';

/**
 * The permission a route needs, in the organization the request acts in: `@RequirePermission('role.edit')`.
 * Checked by the access context's guard on every request (no cached grant), published as `x-permission`.
 */
export const RequirePermission = (permission: string) =>
  applyDecorators(SetMetadata(REQUIRED_PERMISSION, permission), ApiExtension('x-permission', permission));

/**
 * A route any authenticated principal may call, about itself (its profile, its organizations),
 * with the reason. Every authenticated route says one or the other; the app refuses to start otherwise.
 */
export const AnyPrincipal = (reason: string) => SetMetadata(ANY_PRINCIPAL, reason);
