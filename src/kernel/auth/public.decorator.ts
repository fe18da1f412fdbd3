import { applyDecorators, type CanActivate, SetMetadata, type Type, UseGuards } from '@nestjs/common';

export const IS_PUBLIC = 'marshal:public';

/** Marks a route authenticated by a signature over its raw body; configureHttp keeps that body for it. */
export const SIGNED_WEBHOOK = 'marshal:signed-webhook';

/** Where @nestjs/swagger keeps @ApiOperation's options (its DECORATORS.API_OPERATION). */
const API_OPERATION_METADATA = 'swagger/apiOperation';

/**
 * Merges `security` into the operation's swagger metadata. @ApiOperation itself would also reset
 * `summary` to '' when merged, so this writes the metadata directly; either order works.
 */
const SecurityRequirement =
  (security: Record<string, string[]>[]): MethodDecorator =>
  (_target, _key, descriptor) => {
    const previous = (Reflect.getMetadata(API_OPERATION_METADATA, descriptor.value as object) ?? {}) as object;
    Reflect.defineMetadata(API_OPERATION_METADATA, { ...previous, security }, descriptor.value as object);
    return descriptor;
  };

/**
 * Opens a route to unauthenticated callers. Every other route is authenticated by the global guard.
 * Also writes `security: []` into the operation, so the document says the same as the guard.
 * Method-level only: each public operation says so where it is declared.
 */
export const Public = (): MethodDecorator => applyDecorators(SetMetadata(IS_PUBLIC, true), SecurityRequirement([]));

/**
 * A webhook: public to the authentication guard (no principal calls it), but authenticated by a
 * signature over its raw body that `guard` verifies before any pipe or handler sees the request.
 * The operation names the signature's security scheme, so the document says how callers
 * authenticate, and the route keeps its raw body (req.rawBody) for the guard.
 */
export const SignedWebhook = (scheme: string, guard: Type<CanActivate>): MethodDecorator =>
  applyDecorators(
    SetMetadata(IS_PUBLIC, true),
    SetMetadata(SIGNED_WEBHOOK, scheme),
    SecurityRequirement([{ [scheme]: [] }]),
    UseGuards(guard),
  );
