import { createHash } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { AppConfig } from '../../kernel/config/app-config.js';
import { EnvelopeCipher } from '../../kernel/crypto/envelope-cipher.js';
import { KeyRotation } from '../../kernel/crypto/key-rotation.js';
import type { Tx } from '../../kernel/database/transactions.js';

/** The envelope's additional data: a ciphertext copied to another row (or organization) does not open. */
const contextOf = (organizationId: string, endpointId: string) => `argocd-endpoint:${organizationId}:${endpointId}`;

/**
 * The Argo CD endpoints' bearer tokens, envelope-encrypted at rest (EnvelopeCipher) and bound to
 * their row. Sealed once at creation, opened only to call the endpoint; a master-key rotation
 * re-wraps them with the other stores (KeyRotation).
 */
@Injectable()
export class ArgocdTokens implements OnModuleInit {
  constructor(
    @InjectTransactionHost() private readonly tx: Tx,
    private readonly cipher: EnvelopeCipher,
    private readonly rotation: KeyRotation,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.rotation.register({ name: 'argocd_endpoints', rewrap: (limit) => this.rewrap(limit) });
  }

  seal(organizationId: string, endpointId: string, token: string): Buffer {
    return this.cipher.encrypt(token, contextOf(organizationId, endpointId));
  }

  open(organizationId: string, endpointId: string, ciphertext: Buffer): string {
    return this.cipher.decrypt(ciphertext, contextOf(organizationId, endpointId)).toString('utf8');
  }

  /** Lets a reader tell two tokens apart without either being shown. */
  fingerprint(token: string): string {
    return `sha256:${createHash('sha256').update(token, 'utf8').digest('hex').slice(0, 16)}`;
  }

  /** Moves up to `limit` tokens still under a retired master key to the current one (tokens untouched). */
  rewrap(limit: number): Promise<number> {
    const retired = this.config.encryption.previous.map((k) => Buffer.from(k.keyId, 'utf8'));
    if (retired.length === 0) return Promise.resolve(0);
    return this.tx.withTransaction(async () => {
      // The key id sits at bytes 3.. of each envelope, its length at byte 2 (see EnvelopeCipher).
      const rows = await this.tx.tx.query<{ id: string; organization_id: string; token_ciphertext: Buffer }[]>(
        `SELECT id, organization_id, token_ciphertext FROM argocd_endpoints
          WHERE substring(token_ciphertext FROM 3 FOR get_byte(token_ciphertext, 1)) = ANY($1::bytea[])
          LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [retired, limit],
      );
      for (const row of rows) {
        const rewrapped = this.cipher.rewrap(row.token_ciphertext, contextOf(row.organization_id, row.id));
        await this.tx.tx.query('UPDATE argocd_endpoints SET token_ciphertext = $2 WHERE id = $1', [row.id, rewrapped]);
      }
      return rows.length;
    });
  }
}
