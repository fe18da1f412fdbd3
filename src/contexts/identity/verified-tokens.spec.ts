import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { AccessTokenClaims } from './access-tokens.service.js';
import { VerifiedTokens } from './verified-tokens.js';

const key = (): KeyObject => generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey;
const claims = (expInSeconds: number): AccessTokenClaims => {
  const now = Math.floor(Date.now() / 1000);
  return { sub: 'u', sid: 's', org: 'o', iss: 'marshal', aud: 'marshal-api', jti: 'j', iat: now, exp: now + expInSeconds };
};

describe('VerifiedTokens', () => {
  const current = key();
  const keys = (kid: string) => (kid === 'k1' ? current : undefined);

  test('answers a remembered token with its claims, and nothing for any other string', () => {
    const tokens = new VerifiedTokens();
    const remembered = claims(60);
    tokens.remember('a.b.c', remembered, 'k1', current);
    expect(tokens.get('a.b.c', keys)).toBe(remembered);
    expect(tokens.get('a.b.d', keys)).toBeUndefined();
    expect(tokens.get('a.b.c ', keys)).toBeUndefined();
  });

  test('forgets a token once its exp is reached', () => {
    const tokens = new VerifiedTokens();
    tokens.remember('expired', claims(0), 'k1', current);
    expect(tokens.get('expired', keys)).toBeUndefined();
  });

  test('forgets a token when its kid no longer names the key that verified it', () => {
    const tokens = new VerifiedTokens();
    tokens.remember('by-old-key', claims(60), 'k1', key());
    tokens.remember('by-unknown-kid', claims(60), 'k2', current);
    expect(tokens.get('by-old-key', keys)).toBeUndefined();
    expect(tokens.get('by-unknown-kid', keys)).toBeUndefined();
  });

  test('holds at most its capacity, forgetting the oldest first', () => {
    const tokens = new VerifiedTokens(2);
    for (const token of ['first', 'second', 'third']) tokens.remember(token, claims(60), 'k1', current);
    expect(['first', 'second', 'third'].map((t) => tokens.get(t, keys) !== undefined)).toEqual([false, true, true]);
    // Remembering a token again does not evict another.
    tokens.remember('third', claims(60), 'k1', current);
    expect(tokens.get('second', keys)).toBeDefined();
  });

  test('does not remember a token without a numeric exp', () => {
    const tokens = new VerifiedTokens();
    tokens.remember('no-exp', { ...claims(60), exp: undefined as unknown as number }, 'k1', current);
    expect(tokens.get('no-exp', keys)).toBeUndefined();
  });
});
