import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  type KeyObject,
  randomBytes,
} from 'node:crypto';

/**
 * The wire envelope: how a value travels to one holder of an X25519 key (an agent, a requester's
 * client), sealed so that only that key opens it. X25519 ECDH with a fresh ephemeral key, HKDF-SHA256,
 * AES-256-GCM; the byte format is documented in docs/wire-envelope.md, with a test vector, so that
 * an agent in any language can implement it.
 *
 *   version (1, = 0x01) | ephemeral public key (32) | nonce (12) | ciphertext (n) | tag (16)
 *
 *   shared = X25519(ephemeral private, recipient public)          (all-zero: refused)
 *   key    = HKDF-SHA256(ikm = shared, salt = ephemeral public ‖ recipient public,
 *                        info = "marshal/wire-envelope/v1", length = 32)
 *   aad    = version ‖ ephemeral public ‖ nonce ‖ context (UTF-8)
 */
export const WIRE_VERSION = 0x01;
export const WIRE_INFO = 'marshal/wire-envelope/v1';
const HEADER = 1 + 32 + 12;
const TAG = 16;

/** PKCS#8 DER of an X25519 private key is this prefix and the 32 raw bytes. */
const X25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex');

export function x25519PrivateKeyFromRaw(raw: Buffer): KeyObject {
  if (raw.length !== 32) throw new Error('an X25519 private key is 32 bytes');
  return createPrivateKey({ key: Buffer.concat([X25519_PKCS8_PREFIX, raw]), format: 'der', type: 'pkcs8' });
}

export function x25519PublicKeyFromRaw(raw: Buffer): KeyObject {
  if (raw.length !== 32) throw new Error('an X25519 public key is 32 bytes');
  return createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: raw.toString('base64url') }, format: 'jwk' });
}

export function rawPublicKey(key: KeyObject): Buffer {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  return Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
}

function deriveKey(shared: Buffer, ephemeralPublic: Buffer, recipientPublic: Buffer): Buffer {
  if (shared.every((b) => b === 0)) throw new Error('the X25519 exchange gave an all-zero secret (a low-order key)');
  return Buffer.from(hkdfSync('sha256', shared, Buffer.concat([ephemeralPublic, recipientPublic]), Buffer.from(WIRE_INFO, 'utf8'), 32));
}

/**
 * Seals `plaintext` for the holder of `recipientPublic` (32 raw bytes). `context` (e.g. `wrap:<id>`)
 * is bound in: the envelope opens only with the same context. `fixed` is for test vectors only.
 */
export function sealWireEnvelope(
  recipientPublic: Buffer,
  plaintext: Buffer,
  context: string,
  fixed?: { ephemeralPrivate: Buffer; nonce: Buffer },
): Buffer {
  const ephemeral = fixed ? x25519PrivateKeyFromRaw(fixed.ephemeralPrivate) : generateKeyPairSync('x25519').privateKey;
  const ephemeralPublic = rawPublicKey(ephemeral);
  const shared = diffieHellman({ privateKey: ephemeral, publicKey: x25519PublicKeyFromRaw(recipientPublic) });
  const key = deriveKey(shared, ephemeralPublic, recipientPublic);
  const nonce = fixed?.nonce ?? randomBytes(12);
  const header = Buffer.concat([Buffer.from([WIRE_VERSION]), ephemeralPublic, nonce]);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.concat([header, Buffer.from(context, 'utf8')]));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  const envelope = Buffer.concat([header, ciphertext, cipher.getAuthTag()]);
  key.fill(0);
  shared.fill(0);
  return envelope;
}

/** Opens an envelope with the recipient's private key; throws on any tampering or a wrong context. */
export function openWireEnvelope(recipientPrivate: KeyObject, envelope: Buffer, context: string): Buffer {
  if (envelope.length < HEADER + TAG || envelope[0] !== WIRE_VERSION) throw new Error('not a version 1 wire envelope');
  const ephemeralPublic = envelope.subarray(1, 33);
  const nonce = envelope.subarray(33, HEADER);
  const ciphertext = envelope.subarray(HEADER, envelope.length - TAG);
  const tag = envelope.subarray(envelope.length - TAG);
  const shared = diffieHellman({ privateKey: recipientPrivate, publicKey: x25519PublicKeyFromRaw(Buffer.from(ephemeralPublic)) });
  const key = deriveKey(shared, ephemeralPublic, rawPublicKey(recipientPrivate));
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce);
    decipher.setAAD(Buffer.concat([envelope.subarray(0, HEADER), Buffer.from(context, 'utf8')]));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } finally {
    key.fill(0);
    shared.fill(0);
  }
}
