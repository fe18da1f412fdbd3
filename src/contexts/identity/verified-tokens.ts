import type { KeyObject } from 'node:crypto';
import { sha256 } from '../../kernel/crypto/secret-tokens.js';
import type { AccessTokenClaims } from './access-tokens.service.js';

/** How many verified tokens a process remembers by default; the oldest is forgotten first. */
const CAPACITY = 10_000;

interface Verified {
  claims: AccessTokenClaims;
  /** The token's `kid` and the key it named when the signature was verified: a hit counts only while it still names that key. */
  kid: string;
  key: KeyObject;
}

/**
 * Access tokens whose signature, issuer and audience were verified, by the SHA-256 of the token, so
 * that a client sending the same token on every request pays the ES256 check once, not each time.
 * As Envoy's JWT cache does: a hit stands only for the exact bytes verified (any other token,
 * however similar, is a different digest), only until the token's `exp`, and only while its key is
 * still trusted. Nothing about the session is remembered: the strategy still reads it on every
 * request, so logout and revocation apply at once. Tokens are kept as digests, never as bearer
 * strings.
 */
export class VerifiedTokens {
  private readonly entries = new Map<string, Verified>();

  constructor(private readonly capacity = CAPACITY) {}

  /** The claims of `token` if it was verified, its `kid` still names the key that verified it, and it has not expired. */
  get(token: string, currentKey: (kid: string) => KeyObject | undefined): AccessTokenClaims | undefined {
    const digest = sha256(token).toString('base64');
    const hit = this.entries.get(digest);
    if (!hit) return undefined;
    if (currentKey(hit.kid) !== hit.key || Math.floor(Date.now() / 1000) >= hit.claims.exp) {
      this.entries.delete(digest);
      return undefined;
    }
    return hit.claims;
  }

  remember(token: string, claims: AccessTokenClaims, kid: string, key: KeyObject): void {
    if (typeof claims.exp !== 'number') return;
    const digest = sha256(token).toString('base64');
    if (!this.entries.has(digest) && this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(digest, { claims, kid, key });
  }
}
