import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { KeyManagement } from '../crypto/key-management.js';
import { CHAIN_KEY_PURPOSE } from './audit-chain.js';

/** What the checkpoint signing seed is derived for (KeyManagement.deriveKey). */
export const CHECKPOINT_KEY_PURPOSE = 'audit-checkpoint/ed25519/v1';

/** PKCS#8 DER of an Ed25519 private key, up to its 32-byte seed (RFC 8410). */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** An Ed25519 key pair from a 32-byte seed, through node:crypto's PKCS#8 import. */
export function ed25519FromSeed(seed: Buffer): { privateKey: KeyObject; publicKey: KeyObject } {
  const privateKey = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

/**
 * The audit trail's keys, all derived from the KMS master keys and never stored: per master key,
 * the chain's HMAC key and the Ed25519 pair that signs checkpoints. Rows and checkpoints name the
 * master key they were made under, so a rotation keeps the old ones verifiable for as long as the
 * retired key is configured (ENCRYPTION_PREVIOUS_KEYS).
 */
@Injectable()
export class AuditKeys {
  private readonly chainKeys = new Map<string, KeyObject>();
  private readonly signingKeys = new Map<string, { privateKey: KeyObject; publicKey: KeyObject }>();

  constructor(private readonly kms: KeyManagement) {}

  /** The master key new links and checkpoints are made under. */
  get currentKeyId(): string {
    return this.kms.currentKeyId;
  }

  /** Every master key whose links and checkpoints this server can check: the current one first. */
  get keyIds(): readonly string[] {
    return this.kms.keyIds;
  }

  /** The HMAC key of links chained under `keyId`, or undefined when that master key is not held. */
  chainKey(keyId: string): KeyObject | undefined {
    if (!this.kms.knows(keyId)) return undefined;
    let key = this.chainKeys.get(keyId);
    if (!key) this.chainKeys.set(keyId, (key = this.kms.deriveKey(keyId, CHAIN_KEY_PURPOSE)));
    return key;
  }

  /** The checkpoint key pair of `keyId`, or undefined when that master key is not held. */
  checkpointKeys(keyId: string): { privateKey: KeyObject; publicKey: KeyObject } | undefined {
    if (!this.kms.knows(keyId)) return undefined;
    let pair = this.signingKeys.get(keyId);
    if (!pair) this.signingKeys.set(keyId, (pair = ed25519FromSeed(this.kms.deriveKey(keyId, CHECKPOINT_KEY_PURPOSE).export())));
    return pair;
  }
}
