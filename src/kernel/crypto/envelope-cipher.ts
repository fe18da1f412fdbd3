import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';

const VERSION = 1;
const IV = 12;
const TAG = 16;
const KEY = 32;

function seal(key: Buffer, plaintext: Buffer, aad: Buffer): { iv: Buffer; tag: Buffer; ciphertext: Buffer } {
  const iv = randomBytes(IV);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, tag: cipher.getAuthTag(), ciphertext };
}

function open(key: Buffer, iv: Buffer, tag: Buffer, ciphertext: Buffer, aad: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(aad);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
}

/**
 * Envelope encryption at rest (node:crypto only): each value gets a fresh AES-256-GCM data key,
 * which is itself sealed by the master key (ENCRYPTION_KEY, named by ENCRYPTION_KEY_ID). `context`
 * is bound in as additional data, so a ciphertext moved to another row (another context) fails to
 * open. The output is one self-describing buffer:
 *
 *   version(1) | keyIdLength(1) | keyId | wrapIv(12) | wrapTag(16) | wrappedKey(32) | iv(12) | tag(16) | ciphertext
 */
@Injectable()
export class EnvelopeCipher {
  private readonly keys: Map<string, Buffer>;
  private readonly currentKeyId: string;

  constructor(config: AppConfig) {
    this.currentKeyId = config.encryption.keyId;
    this.keys = new Map([[config.encryption.keyId, config.encryption.key]]);
  }

  encrypt(plaintext: string | Buffer, context: string): Buffer {
    const dataKey = randomBytes(KEY);
    const keyId = Buffer.from(this.currentKeyId, 'utf8');
    const aad = Buffer.from(context, 'utf8');
    const wrapped = seal(this.keys.get(this.currentKeyId)!, dataKey, Buffer.concat([keyId, aad]));
    const sealed = seal(dataKey, Buffer.isBuffer(plaintext) ? plaintext : Buffer.from(plaintext, 'utf8'), aad);
    dataKey.fill(0);
    return Buffer.concat([Buffer.from([VERSION, keyId.length]), keyId, wrapped.iv, wrapped.tag, wrapped.ciphertext, sealed.iv, sealed.tag, sealed.ciphertext]);
  }

  /** Throws on any tampering, a wrong context or an unknown master key. */
  decrypt(envelope: Buffer, context: string): Buffer {
    if (envelope[0] !== VERSION) throw new Error('unknown envelope version');
    const keyIdLength = envelope[1];
    let at = 2;
    const keyId = envelope.subarray(at, (at += keyIdLength));
    const masterKey = this.keys.get(keyId.toString('utf8'));
    if (!masterKey) throw new Error(`unknown master key ${keyId.toString('utf8')}`);
    const take = (n: number) => envelope.subarray(at, (at += n));
    const [wrapIv, wrapTag, wrappedKey, iv, tag] = [take(IV), take(TAG), take(KEY), take(IV), take(TAG)];
    const ciphertext = envelope.subarray(at);
    const aad = Buffer.from(context, 'utf8');
    const dataKey = open(masterKey, wrapIv, wrapTag, wrappedKey, Buffer.concat([keyId, aad]));
    try {
      return open(dataKey, iv, tag, ciphertext, aad);
    } finally {
      dataKey.fill(0);
    }
  }
}
