import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AppConfig } from '../../kernel/config/app-config.js';
import type { Principal } from '../../kernel/auth/principal.js';
import { ACCESS_TOKEN_ALGORITHM, AccessTokenClaims, AccessTokensService } from './access-tokens.service.js';
import type { User } from './entities/user.entity.js';
import { SessionsService } from './sessions.service.js';

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
 * and revocation take effect on the very next request.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    config: AppConfig,
    tokens: AccessTokensService,
    private readonly sessions: SessionsService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      algorithms: [ACCESS_TOKEN_ALGORITHM],
      issuer: config.auth.issuer,
      audience: config.auth.audience,
      ignoreExpiration: false,
      secretOrKeyProvider: (_req: unknown, rawToken: string, done: (err: Error | null, key?: string) => void) => {
        const key = tokens.verificationKey(keyIdOf(rawToken));
        // jsonwebtoken accepts a KeyObject (its types say string): no PEM parsing per request.
        if (key) done(null, key as unknown as string);
        else done(new Error('unknown signing key'));
      },
    });
  }

  async validate(claims: AccessTokenClaims): Promise<AuthenticatedUser | false> {
    if (typeof claims.sid !== 'string' || typeof claims.sub !== 'string') return false;
    const found = await this.sessions.authenticate(claims.sid, claims.sub);
    if (!found) return false;
    return {
      user: found.user,
      principal: { type: 'user', id: found.user.id, organizationId: found.session.organizationId, sessionId: found.session.id },
    };
  }
}
