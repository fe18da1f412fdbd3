import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

export const REQUIRED_PERMISSION = 'marshal:permission';
export const ANY_PRINCIPAL = 'marshal:any-principal';

/**
 * The permission a route needs, in the organization the request acts in: `@RequirePermission('role.edit')`.
 * Checked by the access context's guard on every request (no cached grant), published as `x-permission`.
 * A route that does what two others do needs what each needs: `@RequirePermission('repository.create',
 * 'repository.edit')` requires all of them; `x-permission` names the first, `x-permissions` all.
 */
export const RequirePermission = (permission: string, ...also: string[]) =>
  applyDecorators(
    SetMetadata(REQUIRED_PERMISSION, [permission, ...also]),
    ApiExtension('x-permission', permission),
    ...(also.length ? [ApiExtension('x-permissions', [permission, ...also])] : []),
  );

/** The permissions a route's metadata requires: all of them (older metadata may hold one string). */
export const requiredPermissions = (meta: string | readonly string[] | undefined): readonly string[] =>
  meta === undefined ? [] : typeof meta === 'string' ? [meta] : meta;

/**
 * A route any authenticated principal may call, about itself (its profile, its organizations),
 * with the reason. Every authenticated route says one or the other; the app refuses to start otherwise.
 */
export const AnyPrincipal = (reason: string) => SetMetadata(ANY_PRINCIPAL, reason);
