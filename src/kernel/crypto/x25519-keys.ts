import { createPublicKey, diffieHellman, generateKeyPairSync } from 'node:crypto';
import { validationFailed } from '../http/kernel.errors.js';

/**
 * Parses an X25519 public key given as base64url or base64 of its 32 raw bytes, or as a PEM (SPKI),
 * and answers it as base64url. Refuses anything else, and the low-order points that would make
 * every shared secret zero (a test exchange with a fresh key must give a non-zero secret).
 */
export function normaliseX25519PublicKey(input: string, field = 'publicKey'): string {
  const invalid = () =>
    validationFailed([
      { field, message: `${field} must be an X25519 public key: 32 bytes in base64url or base64, or a PEM`, code: 'INVALID_PUBLIC_KEY' },
    ]);
  let raw: Buffer;
  try {
    const trimmed = input.trim();
    if (trimmed.startsWith('-----BEGIN')) {
      const key = createPublicKey(trimmed);
      if (key.asymmetricKeyType !== 'x25519') throw invalid();
      raw = Buffer.from(key.export({ format: 'jwk' }).x!, 'base64url');
    } else {
      if (!/^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed)) throw invalid();
      raw = Buffer.from(trimmed.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''), 'base64url');
    }
  } catch {
    throw invalid();
  }
  if (raw.length !== 32) throw invalid();
  const x = raw.toString('base64url');
  try {
    const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x }, format: 'jwk' });
    const { privateKey } = generateKeyPairSync('x25519');
    const shared = diffieHellman({ privateKey, publicKey });
    if (shared.every((b) => b === 0)) throw invalid();
  } catch {
    throw invalid();
  }
  return x;
}
