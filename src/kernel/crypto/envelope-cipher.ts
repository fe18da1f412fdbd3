import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { KeyManagement } from './key-management.js';

const VERSION = 1;
const IV = 12;
const TAG = 16;
const KEY = 32;
const WRAPPED = IV + TAG + KEY;

/**
 * Envelope encryption at rest (node:crypto only): each value gets a fresh AES-256-GCM data key,
 * which the KMS wraps under its current master key. `context` is bound in as additional data, so a
 * ciphertext moved to another row (another context) fails to open. One self-describing buffer:
 *
 *   version(1) | keyIdLength(1) | keyId | wrappedKey (iv 12 ‖ tag 16 ‖ key 32) | iv(12) | tag(16) | ciphertext
 *
 * A rotation re-wraps only the data key (`rewrap`): the value's own ciphertext is untouched.
 */
@Injectable()
export class EnvelopeCipher {
  constructor(private readonly kms: KeyManagement) {}

  get currentKeyId(): string {
    return this.kms.currentKeyId;
  }

  encrypt(plaintext: string | Buffer, context: string): Buffer {
    const dataKey = randomBytes(KEY);
    const aad = Buffer.from(context, 'utf8');
    try {
      const { keyId, wrapped } = this.kms.wrapKey(dataKey, aad);
      const iv = randomBytes(IV);
      const cipher = createCipheriv('aes-256-gcm', dataKey, iv);
      cipher.setAAD(aad);
      const ciphertext = Buffer.concat([
        cipher.update(Buffer.isBuffer(plaintext) ? plaintext : Buffer.from(plaintext, 'utf8')),
        cipher.final(),
      ]);
      return Buffer.concat([header(keyId), wrapped, iv, cipher.getAuthTag(), ciphertext]);
    } finally {
      dataKey.fill(0);
    }
  }

  /** Throws on any tampering, a wrong context or an unknown master key. */
  decrypt(envelope: Buffer, context: string): Buffer {
    const parts = parse(envelope);
    const aad = Buffer.from(context, 'utf8');
    const dataKey = this.kms.unwrapKey(parts.keyId, parts.wrapped, aad);
    try {
      const decipher = createDecipheriv('aes-256-gcm', dataKey, parts.iv);
      decipher.setAAD(aad);
      decipher.setAuthTag(parts.tag);
      return Buffer.concat([decipher.update(parts.ciphertext), decipher.final()]);
    } finally {
      dataKey.fill(0);
    }
  }

  /**
   * A fresh data key for a value sealed elsewhere (by an agent): the key, to use once, and its
   * wrap under the current master key, which comes back with the ciphertext (see `assemble`).
   */
  issueDataKey(context: string): { key: Buffer; wrappedKey: Buffer } {
    const key = randomBytes(KEY);
    const { keyId, wrapped } = this.kms.wrapKey(key, Buffer.from(context, 'utf8'));
    return { key, wrappedKey: Buffer.concat([header(keyId), wrapped]) };
  }

  /**
   * The envelope made of an issued key's wrap and what was sealed under that key elsewhere
   * (AES-256-GCM, the same context as additional data). Throws unless it opens: a value that
   * cannot be read back is refused when it arrives, not when someone needs it.
   */
  assemble(wrappedKey: Buffer, iv: Buffer, tag: Buffer, ciphertext: Buffer, context: string): Buffer {
    if (iv.length !== IV || tag.length !== TAG) throw new Error('the IV is 12 bytes and the tag 16');
    if (wrappedKey.length !== 2 + wrappedKey[1] + WRAPPED) throw new Error('not a wrapped data key issued here');
    const envelope = Buffer.concat([wrappedKey, iv, tag, ciphertext]);
    this.decrypt(envelope, context).fill(0);
    return envelope;
  }

  /** The master key an envelope's data key is wrapped under. */
  keyIdOf(envelope: Buffer): string {
    return parse(envelope).keyId;
  }

  /** The same envelope with its data key wrapped under the current master key (unchanged if it already is). */
  rewrap(envelope: Buffer, context: string): Buffer {
    const parts = parse(envelope);
    if (parts.keyId === this.kms.currentKeyId) return envelope;
    const aad = Buffer.from(context, 'utf8');
    const dataKey = this.kms.unwrapKey(parts.keyId, parts.wrapped, aad);
    try {
      const { keyId, wrapped } = this.kms.wrapKey(dataKey, aad);
      return Buffer.concat([header(keyId), wrapped, parts.iv, parts.tag, parts.ciphertext]);
    } finally {
      dataKey.fill(0);
    }
  }
}

function header(keyId: string): Buffer {
  const id = Buffer.from(keyId, 'utf8');
  return Buffer.concat([Buffer.from([VERSION, id.length]), id]);
}

function parse(envelope: Buffer): { keyId: string; wrapped: Buffer; iv: Buffer; tag: Buffer; ciphertext: Buffer } {
  if (envelope[0] !== VERSION || envelope.length < 2 + envelope[1] + WRAPPED + IV + TAG) throw new Error('unknown envelope version');
  let at = 2;
  const take = (n: number) => envelope.subarray(at, (at += n));
  const keyId = take(envelope[1]).toString('utf8');
  return { keyId, wrapped: take(WRAPPED), iv: take(IV), tag: take(TAG), ciphertext: envelope.subarray(at) };
}
