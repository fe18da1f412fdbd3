import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { asMarshalRequest } from '../http/request.js';
import type { Principal } from './principal.js';

/** The authenticated principal. Only on routes behind the global guard (i.e. not @Public). */
export const CurrentPrincipal = createParamDecorator((_data: unknown, ctx: ExecutionContext): Principal => {
  const principal = asMarshalRequest(ctx.switchToHttp().getRequest()).principal;
  if (!principal) throw new Error('CurrentPrincipal used on a route without authentication');
  return principal;
});
