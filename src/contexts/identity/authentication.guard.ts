import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { AgentAuthenticator } from '../../kernel/auth/agent-authenticator.js';
import { AGENT_ROUTE } from '../../kernel/auth/agent-route.decorator.js';
import { MembershipDirectory } from '../../kernel/auth/membership-directory.js';
import type { Principal } from '../../kernel/auth/principal.js';
import { IS_PUBLIC } from '../../kernel/auth/public.decorator.js';
import { RequestContext } from '../../kernel/context/request-context.js';
import { forbidden, unauthenticated } from '../../kernel/http/kernel.errors.js';
import { asMarshalRequest, type MarshalRequest } from '../../kernel/http/request.js';
import { UUID_PATTERN } from '../../kernel/ids.js';
import { ApiKeysService, looksLikeApiKey } from './api-keys.service.js';
import { type AuthenticatedUser, JwtStrategy } from './jwt.strategy.js';

/**
 * The global guard: every route is authenticated unless marked @Public(). A request carries a user
 * access token (`Authorization: Bearer <jwt>`, verified by passport-jwt) or an API key (`Bearer mk_…`
 * or `X-API-Key`; with both headers, `Authorization` is the one judged). It then acts in the credential's organization, or in the one `x-workspace-id`
 * names if the principal is a member there; naming another is 403, never a silent switch.
 * Routes of the agent protocol (@AgentRoute) take only `X-Agent-Secret`, for the agent in their path.
 */
@Injectable()
export class AuthenticationGuard extends AuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    private readonly requestContext: RequestContext,
    private readonly apiKeys: ApiKeysService,
    private readonly memberships: MembershipDirectory,
    private readonly agents: AgentAuthenticator,
    private readonly jwt: JwtStrategy,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const req = asMarshalRequest(context.switchToHttp().getRequest());
    if (this.reflector.get<boolean>(AGENT_ROUTE, context.getHandler())) return this.authenticateAgent(req);
    const apiKey = this.presentedApiKey(req);
    if (apiKey) {
      const { principal, user } = await this.apiKeys.authenticate(apiKey);
      (req as MarshalRequest & { user?: AuthenticatedUser }).user = { principal, user };
      req.principal = principal;
    } else {
      // A token this process verified before needs only its session checked: passport's per-request
      // machinery and the ES256 check are for tokens it has not seen (JwtStrategy.remembered).
      const claims = this.jwt.remembered(req);
      if (claims) {
        const authenticated = await this.jwt.sessionOf(claims);
        if (!authenticated) throw unauthenticated('The access token is not valid');
        (req as MarshalRequest & { user?: AuthenticatedUser }).user = authenticated;
        req.principal = authenticated.principal;
      } else {
        await (super.canActivate(context) as Promise<boolean>);
      }
    }
    await this.actInRequestedWorkspace(req);
    this.requestContext.setPrincipal(req.principal!);
    return true;
  }

  override handleRequest<T = AuthenticatedUser>(error: unknown, authenticated: T | false, info: unknown, context: ExecutionContext): T {
    // passport-jwt reports a token it refused as `info` (a bad signature, an expiry, an unknown
    // key); `error` is what JwtStrategy.validate threw while looking the session up: the database
    // being down, or a bug. Neither refuses the credential, so neither is a 401 (a client that
    // drops its session on 401 would lose it): it goes on to be mapped like any failure (503, 500).
    if (error) throw error as Error;
    if (!authenticated) {
      const reason = info instanceof Error ? info.name : '';
      const req = context.switchToHttp().getRequest<{ headers: Record<string, unknown> }>();
      if (!req.headers.authorization) throw unauthenticated('Authentication is required: send Authorization: Bearer <token>, or X-API-Key');
      if (reason === 'TokenExpiredError') throw unauthenticated('The access token has expired; refresh it');
      throw unauthenticated('The access token is not valid');
    }
    asMarshalRequest(context.switchToHttp().getRequest()).principal = (authenticated as unknown as AuthenticatedUser).principal;
    return authenticated;
  }

  private async authenticateAgent(req: MarshalRequest): Promise<boolean> {
    const secret = req.headers['x-agent-secret'];
    if (typeof secret !== 'string' || !secret) throw unauthenticated('This route is for agents: send X-Agent-Secret');
    const principal = await this.agents.authenticate(secret);
    const pathId = (req.params as Record<string, string | undefined>).id;
    if (pathId !== undefined && pathId.toLowerCase() !== principal.id)
      throw forbidden('An agent may act only as itself: the id in the path must be yours');
    const workspace = req.headers['x-workspace-id'];
    if (typeof workspace === 'string' && workspace.toLowerCase() !== principal.organizationId)
      throw forbidden('An agent acts only in its own organization');
    req.principal = principal;
    (req as MarshalRequest & { user?: { principal: Principal } }).user = { principal };
    this.requestContext.setPrincipal(principal);
    return true;
  }

  /**
   * The API key this request presents, if it presents one. `Authorization` takes precedence: when
   * it is sent, it is the one credential judged (a key as `Bearer mk_…`, otherwise an access token)
   * and X-API-Key is ignored, so a client configured with both schemes is neither refused nor let
   * through on the second credential when the first is bad. X-API-Key counts only on its own.
   */
  private presentedApiKey(req: MarshalRequest): string | undefined {
    const auth = req.headers.authorization;
    if (auth !== undefined) {
      const token = typeof auth === 'string' && auth.startsWith('Bearer ') ? auth.slice(7).trim() : '';
      return looksLikeApiKey(token) ? token : undefined;
    }
    const header = req.headers['x-api-key'];
    return typeof header === 'string' && header ? header : undefined;
  }

  private async actInRequestedWorkspace(req: MarshalRequest): Promise<void> {
    const header = req.headers['x-workspace-id'];
    const principal = req.principal!;
    if (header === undefined) return;
    if (typeof header !== 'string' || !UUID_PATTERN.test(header))
      throw forbidden('x-workspace-id must name an organization you are a member of');
    // Ids are compared as strings everywhere after this: keep only the canonical (lower-case) form.
    const requested = header.toLowerCase();
    if (requested === principal.organizationId) return;
    // A key or an agent belongs to one organization; only a user may act in another of its memberships.
    const member = principal.type === 'user' && (await this.memberships.isMember(requested, principal.id));
    if (!member) throw forbidden('You are not a member of the organization x-workspace-id names');
    const switched: Principal = { ...principal, organizationId: requested };
    req.principal = switched;
    (req as MarshalRequest & { user?: AuthenticatedUser }).user!.principal = switched;
  }
}
