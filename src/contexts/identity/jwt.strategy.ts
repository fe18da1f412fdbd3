import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AppConfig } from '../../kernel/config/app-config.js';
import type { Principal } from '../../kernel/auth/principal.js';
import { ACCESS_TOKEN_ALGORITHM, AccessTokenClaims, AccessTokensService } from './access-tokens.service.js';
import type { User } from './entities/user.entity.js';
import { SessionsService } from './sessions.service.js';
import { VerifiedTokens } from './verified-tokens.js';

const bearerToken = ExtractJwt.fromAuthHeaderAsBearerToken();

/** The `kid` of a compact JWS, reading only its header (the signature is checked after). */
function keyIdOf(token: string): string | undefined {
  try {
    const header = JSON.parse(Buffer.from(token.slice(0, token.indexOf('.')), 'base64url').toString('utf8')) as { kid?: unknown };
    return typeof header.kid === 'string' ? header.kid : undefined;
  } catch {
    return undefined;
  }
}

/** What a successful authentication attaches to the request. */
export interface AuthenticatedUser {
  principal: Principal;
  user: User;
}

/**
 * Verifies user access tokens: ES256 only (no `none`, no HMAC confusion), the key chosen by `kid`
 * from our own key set, issuer and audience checked; then the session must still be live, so logout
 * and revocation take effect on the very next request. A token verified once is remembered
 * (VerifiedTokens) until it expires, so its signature is not checked again on every request; the
 * session is. AuthenticationGuard asks remembered() first and sends only other tokens through passport.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  private readonly verified = new VerifiedTokens();

  constructor(
    config: AppConfig,
    private readonly tokens: AccessTokensService,
    private readonly sessions: SessionsService,
  ) {
    super({
      jwtFromRequest: bearerToken,
      algorithms: [ACCESS_TOKEN_ALGORITHM],
      issuer: config.auth.issuer,
      audience: config.auth.audience,
      ignoreExpiration: false,
      passReqToCallback: true,
      secretOrKeyProvider: (_req: unknown, rawToken: string, done: (err: Error | null, key?: string) => void) => {
        const key = tokens.verificationKey(keyIdOf(rawToken));
        // jsonwebtoken accepts a KeyObject (its types say string): no PEM parsing per request.
        if (key) done(null, key as unknown as string);
        else done(new Error('unknown signing key'));
      },
    });
  }

  /**
   * The claims of the request's bearer token if this process verified it before and it still
   * holds (VerifiedTokens); undefined sends the request through passport-jwt's verification.
   */
  remembered(req: Request): AccessTokenClaims | undefined {
    const token = bearerToken(req);
    return token ? this.verified.get(token, (kid) => this.tokens.verificationKey(kid)) : undefined;
  }

  /** Who verified `claims` stand for, if their session is still live (read on every request). */
  async sessionOf(claims: AccessTokenClaims): Promise<AuthenticatedUser | false> {
    if (typeof claims.sid !== 'string' || typeof claims.sub !== 'string') return false;
    const found = await this.sessions.authenticate(claims.sid, claims.sub);
    if (!found) return false;
    return {
      user: found.user,
      principal: { type: 'user', id: found.user.id, organizationId: found.session.organizationId, sessionId: found.session.id },
    };
  }

  /** passport-jwt's callback, reached only once it has verified the token: checks the session, then remembers the token. */
  async validate(req: Request, claims: AccessTokenClaims): Promise<AuthenticatedUser | false> {
    const authenticated = await this.sessionOf(claims);
    const token = bearerToken(req);
    const kid = token ? keyIdOf(token) : undefined;
    const key = this.tokens.verificationKey(kid);
    if (authenticated && token && kid && key) this.verified.remember(token, claims, kid, key);
    return authenticated;
  }
}
