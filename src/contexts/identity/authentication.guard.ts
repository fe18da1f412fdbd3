import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { IS_PUBLIC } from '../../kernel/auth/public.decorator.js';
import { RequestContext } from '../../kernel/context/request-context.js';
import { unauthenticated } from '../../kernel/http/app-error.js';
import { asMarshalRequest } from '../../kernel/http/request.js';
import type { AuthenticatedUser } from './jwt.strategy.js';

/**
 * The global guard: every route is authenticated unless marked @Public(). Failures are 401
 * UNAUTHENTICATED with a message that says what to fix, never why a signature failed.
 */
@Injectable()
export class AuthenticationGuard extends AuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    private readonly requestContext: RequestContext,
  ) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    return super.canActivate(context);
  }

  override handleRequest<T = AuthenticatedUser>(error: unknown, authenticated: T | false, info: unknown, context: ExecutionContext): T {
    if (error || !authenticated) {
      const reason = info instanceof Error ? info.name : '';
      const req = context.switchToHttp().getRequest<{ headers: Record<string, unknown> }>();
      if (!req.headers.authorization) throw unauthenticated('Authentication is required: send Authorization: Bearer <token>');
      if (reason === 'TokenExpiredError') throw unauthenticated('The access token has expired; refresh it');
      throw unauthenticated('The access token is not valid');
    }
    const { principal } = authenticated as unknown as AuthenticatedUser;
    asMarshalRequest(context.switchToHttp().getRequest()).principal = principal;
    this.requestContext.setPrincipal(principal);
    return authenticated;
  }
}
