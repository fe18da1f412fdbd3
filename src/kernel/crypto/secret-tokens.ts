import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** SHA-256 of a high-entropy secret: how tokens and keys are stored (never the secret itself). */
export function sha256(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** A random secret of `bytes` bytes, base64url. */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Compares a presented secret against a stored SHA-256 digest in constant time. */
export function secretMatchesDigest(presented: string, storedDigest: Buffer): boolean {
  const digest = sha256(presented);
  return digest.length === storedDigest.length && timingSafeEqual(digest, storedDigest);
}
