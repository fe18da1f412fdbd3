import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { User } from './entities/user.entity.js';
import type { AuthenticatedUser } from './jwt.strategy.js';

/** The authenticated user, as the guard loaded it: no second read. Undefined for non-user principals. */
export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): User | undefined => {
  const req = ctx.switchToHttp().getRequest<{ user?: AuthenticatedUser }>();
  return req.user?.user;
});
