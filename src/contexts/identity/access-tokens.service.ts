import { createHash, createPublicKey, KeyObject, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import jwt from 'jsonwebtoken';
import { AppConfig } from '../../kernel/config/app-config.js';

export const ACCESS_TOKEN_ALGORITHM = 'ES256';

/** The claims of a Marshal access token. */
export interface AccessTokenClaims {
  sub: string;
  sid: string;
  org: string;
  iss: string;
  aud: string;
  jti: string;
  iat: number;
  exp: number;
}

export interface PublicJwk {
  kty: string;
  crv: string;
  x: string;
  y: string;
  kid: string;
  alg: string;
  use: 'sig';
}

/** RFC 7638 thumbprint: a key id that anyone holding the public key can recompute. */
function thumbprint(key: KeyObject): string {
  const { crv, kty, x, y } = key.export({ format: 'jwk' });
  return createHash('sha256').update(JSON.stringify({ crv, kty, x, y })).digest('base64url');
}

/**
 * Signs access tokens (ES256, with a key id) and publishes the verification keys as a JWKS.
 * Keys kept after a rotation still verify, so tokens in flight survive the rotation.
 */
@Injectable()
export class AccessTokensService {
  private readonly signingKid: string;
  private readonly keysById: Map<string, KeyObject>;

  constructor(private readonly config: AppConfig) {
    const publicKeys = config.auth.verificationKeys;
    this.keysById = new Map(publicKeys.map((k) => [thumbprint(k), k]));
    this.signingKid = thumbprint(createPublicKey(config.auth.signingKey));
  }

  sign(subject: { userId: string; sessionId: string; organizationId: string }): { token: string; expiresAt: Date } {
    const ttl = this.config.auth.accessTokenTtlSeconds;
    const token = jwt.sign({ sid: subject.sessionId, org: subject.organizationId }, this.config.auth.signingKey, {
      algorithm: ACCESS_TOKEN_ALGORITHM,
      keyid: this.signingKid,
      subject: subject.userId,
      issuer: this.config.auth.issuer,
      audience: this.config.auth.audience,
      expiresIn: ttl,
      jwtid: randomUUID(),
    });
    return { token, expiresAt: new Date((Math.floor(Date.now() / 1000) + ttl) * 1000) };
  }

  /** The public key for a token's `kid`, or undefined for an unknown one. */
  verificationKey(kid: string | undefined): KeyObject | undefined {
    return kid ? this.keysById.get(kid) : undefined;
  }

  jwks(): { keys: PublicJwk[] } {
    return {
      keys: [...this.keysById.entries()].map(([kid, key]) => {
        const { kty, crv, x, y } = key.export({ format: 'jwk' });
        return { kty: kty!, crv: crv!, x: x!, y: y!, kid, alg: ACCESS_TOKEN_ALGORITHM, use: 'sig' };
      }),
    };
  }
}
