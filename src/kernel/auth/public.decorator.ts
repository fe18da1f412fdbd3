import { applyDecorators, SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'marshal:public';

/** Where @nestjs/swagger keeps @ApiOperation's options (its DECORATORS.API_OPERATION). */
const API_OPERATION_METADATA = 'swagger/apiOperation';

/**
 * Merges `security: []` into the operation's swagger metadata. @ApiOperation itself would also
 * reset `summary` to '' when merged, so this writes the metadata directly; either order works.
 */
const NoSecurityRequirement: MethodDecorator = (_target, _key, descriptor) => {
  const previous = (Reflect.getMetadata(API_OPERATION_METADATA, descriptor.value as object) ?? {}) as object;
  Reflect.defineMetadata(API_OPERATION_METADATA, { ...previous, security: [] }, descriptor.value as object);
  return descriptor;
};

/**
 * Opens a route to unauthenticated callers. Every other route is authenticated by the global guard.
 * Also writes `security: []` into the operation, so the document says the same as the guard.
 * Method-level only: each public operation says so where it is declared.
 */
export const Public = (): MethodDecorator => applyDecorators(SetMetadata(IS_PUBLIC, true), NoSecurityRequirement);
