import { createCipheriv, createDecipheriv, createSecretKey, hkdfSync, KeyObject, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';

/**
 * Where master keys live: they wrap the data keys that encrypt values at rest, and never leave the
 * provider. A wrapped key is 60 bytes (IV 12 ‖ tag 16 ‖ key 32) under a named master key; `context`
 * is bound in, so a wrapped key moved to another use does not unwrap. A cloud KMS can implement the
 * same operations (key derivation as its HMAC or key-derivation call).
 */
export abstract class KeyManagement {
  /** The key new wraps use. */
  abstract readonly currentKeyId: string;
  /** Every master key held: the current one first, then those kept after a rotation. */
  abstract readonly keyIds: readonly string[];
  /** Whether this master key can still unwrap (current or kept after a rotation). */
  abstract knows(keyId: string): boolean;
  /**
   * A 32-byte key for one purpose (`purpose` names it and its version), derived from a master key:
   * keys that must not live in the database (the audit chain's HMAC key, the checkpoint signing
   * seed) without storing anything. Throws for an unknown master key.
   */
  abstract deriveKey(keyId: string, purpose: string): KeyObject;
  abstract wrapKey(dataKey: Buffer, context: Buffer): { keyId: string; wrapped: Buffer };
  /** Throws on a wrong context, any tampering, or an unknown master key. */
  abstract unwrapKey(keyId: string, wrapped: Buffer, context: Buffer): Buffer;
}

/**
 * The local provider: AES-256-GCM master keys from the configuration, ENCRYPTION_KEY (current,
 * named ENCRYPTION_KEY_ID) and ENCRYPTION_PREVIOUS_KEYS (retired: they unwrap, never wrap).
 * The key id is part of the authenticated data, so a wrap cannot be passed off as another key's.
 */
@Injectable()
export class LocalKeyManagement extends KeyManagement {
  readonly currentKeyId: string;
  private readonly keys: Map<string, Buffer>;

  constructor(config: AppConfig) {
    super();
    this.currentKeyId = config.encryption.keyId;
    this.keys = new Map([[config.encryption.keyId, config.encryption.key]]);
    for (const old of config.encryption.previous ?? []) if (!this.keys.has(old.keyId)) this.keys.set(old.keyId, old.key);
  }

  get keyIds(): readonly string[] {
    return [...this.keys.keys()];
  }

  knows(keyId: string): boolean {
    return this.keys.has(keyId);
  }

  /** HKDF-SHA256 (RFC 5869): the master key as input, no salt, `marshal/<purpose>` as info. */
  deriveKey(keyId: string, purpose: string): KeyObject {
    const master = this.keys.get(keyId);
    if (!master) throw new Error(`unknown master key ${keyId}`);
    return createSecretKey(Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `marshal/${purpose}`, 32)));
  }

  wrapKey(dataKey: Buffer, context: Buffer): { keyId: string; wrapped: Buffer } {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.currentKeyId)!, iv);
    cipher.setAAD(Buffer.concat([Buffer.from(this.currentKeyId, 'utf8'), context]));
    const sealed = Buffer.concat([cipher.update(dataKey), cipher.final()]);
    return { keyId: this.currentKeyId, wrapped: Buffer.concat([iv, cipher.getAuthTag(), sealed]) };
  }

  unwrapKey(keyId: string, wrapped: Buffer, context: Buffer): Buffer {
    const master = this.keys.get(keyId);
    if (!master) throw new Error(`unknown master key ${keyId}`);
    const decipher = createDecipheriv('aes-256-gcm', master, wrapped.subarray(0, 12));
    decipher.setAAD(Buffer.concat([Buffer.from(keyId, 'utf8'), context]));
    decipher.setAuthTag(wrapped.subarray(12, 28));
    return Buffer.concat([decipher.update(wrapped.subarray(28)), decipher.final()]);
  }
}
