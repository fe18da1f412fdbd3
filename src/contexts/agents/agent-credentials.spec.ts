import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { AppError } from '../../kernel/http/app-error.js';
import { normaliseX25519PublicKey } from '../../kernel/crypto/x25519-keys.js';
import { formatSecret, parseSecret } from './agent-secrets.js';

describe('agent secrets and enrollment tokens', () => {
  const id = '0192f0a1-2b3c-7d4e-8f90-a1b2c3d4e5f6';
  const secret = 'A'.repeat(43);

  test('carry the id of their row, and parse back to it', () => {
    const formatted = formatSecret('mas', id, secret);
    expect(formatted).toBe(`mas_0192f0a12b3c7d4e8f90a1b2c3d4e5f6_${secret}`);
    expect(parseSecret('mas', formatted)).toEqual({ id, secret });
  });

  test('are refused when of the other kind or malformed', () => {
    expect(parseSecret('met', formatSecret('mas', id, secret))).toBeNull();
    expect(parseSecret('mas', `mas_${'0'.repeat(32)}_short`)).toBeNull();
    expect(parseSecret('mas', `mas_${'G'.repeat(32)}_${secret}`)).toBeNull();
    expect(parseSecret('mas', 'mk_whatever')).toBeNull();
  });
});

describe('X25519 public keys', () => {
  const { publicKey } = generateKeyPairSync('x25519');
  const raw = publicKey.export({ format: 'jwk' }).x!;

  test('are accepted as base64url, base64 or PEM, and answered as base64url', () => {
    expect(normaliseX25519PublicKey(raw)).toBe(raw);
    expect(normaliseX25519PublicKey(Buffer.from(raw, 'base64url').toString('base64'))).toBe(raw);
    expect(normaliseX25519PublicKey(publicKey.export({ format: 'pem', type: 'spki' }).toString())).toBe(raw);
  });

  test.each([
    ['too short', Buffer.alloc(31, 7).toString('base64url')],
    ['too long', Buffer.alloc(33, 7).toString('base64url')],
    ['not base64', '!'.repeat(43)],
    ['the all-zero point (every shared secret would be zero)', Buffer.alloc(32).toString('base64url')],
    ['an Ed25519 key in PEM', generateKeyPairSync('ed25519').publicKey.export({ format: 'pem', type: 'spki' }).toString()],
    ['garbage PEM', '-----BEGIN PUBLIC KEY-----\nnope\n-----END PUBLIC KEY-----'],
  ])('refuses %s with a 400', (_why, value) => {
    let caught: unknown;
    try {
      normaliseX25519PublicKey(value);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).status).toBe(400);
  });

  test('the accepted form is a key node:crypto can use', () => {
    expect(() => createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: normaliseX25519PublicKey(raw) }, format: 'jwk' })).not.toThrow();
  });
});
