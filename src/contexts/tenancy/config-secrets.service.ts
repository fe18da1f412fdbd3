import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectTransactionHost, Transactional } from '@nestjs-cls/transactional';
import { IsNull } from 'typeorm';
import { AuditNotes } from '../../kernel/audit/audit-notes.js';
import type { Principal } from '../../kernel/auth/principal.js';
import { AppConfig } from '../../kernel/config/app-config.js';
import { EnvelopeCipher } from '../../kernel/crypto/envelope-cipher.js';
import { KeyRotation } from '../../kernel/crypto/key-rotation.js';
import type { Tx } from '../../kernel/database/transactions.js';
import { Upserted } from '../../kernel/http/upserted.js';
import { newId } from '../../kernel/ids.js';
import { ConfigSecret } from './entities/config-secret.entity.js';
import {
  CONFIG_SECRETS_UNDER_RETIRED_KEYS,
  REWRAP_CONFIG_SECRET,
  SET_ORGANIZATION_CONFIG_SECRET,
  SET_PLATFORM_CONFIG_SECRET,
} from './tenancy.sql.js';

/** Whose secrets: one organization's (workspace) or the platform's. */
export type SecretScope = { organizationId: string } | 'platform';

const contextOf = (scope: SecretScope, key: string) => `config-secret:${scope === 'platform' ? 'platform' : scope.organizationId}:${key}`;

/**
 * Configuration secrets, envelope-encrypted at rest with the ciphertext bound to its scope and key.
 * Values go in and never come out through the API; lists show names and metadata only.
 */
@Injectable()
export class ConfigSecretsService implements OnModuleInit {
  constructor(
    @InjectTransactionHost() private readonly tx: Tx,
    private readonly cipher: EnvelopeCipher,
    private readonly notes: AuditNotes,
    private readonly rotation: KeyRotation,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.rotation.register({ name: 'config_secrets', rewrap: (limit) => this.rewrap(limit) });
  }

  /** Moves up to `limit` values still under a retired master key to the current one (values untouched). */
  rewrap(limit: number): Promise<number> {
    const retired = this.config.encryption.previous.map((k) => Buffer.from(k.keyId, 'utf8'));
    if (retired.length === 0) return Promise.resolve(0);
    return this.tx.withTransaction(async () => {
      const rows = await this.tx.tx.query<{ id: string; organization_id: string | null; key: string; ciphertext: Buffer }[]>(
        CONFIG_SECRETS_UNDER_RETIRED_KEYS,
        [retired, limit],
      );
      for (const row of rows) {
        const scope: SecretScope = row.organization_id ? { organizationId: row.organization_id } : 'platform';
        await this.tx.tx.query(REWRAP_CONFIG_SECRET, [row.id, this.cipher.rewrap(row.ciphertext, contextOf(scope, row.key))]);
      }
      return rows.length;
    });
  }

  list(scope: SecretScope): Promise<ConfigSecret[]> {
    // Also platform secrets (organization_id null), which no scoped repository reaches.
    return this.tx.tx.getRepository(ConfigSecret).find({
      where: { organizationId: scope === 'platform' ? IsNull() : scope.organizationId },
      order: { key: 'ASC' },
    });
  }

  /**
   * A value in clear, for the server's own use (signing a workflow's webhook): never for an API
   * answer. Null when the key is not set. The caller zeroes nothing: strings cannot be, so keep it short-lived.
   */
  async reveal(scope: SecretScope, key: string): Promise<string | null> {
    // The ciphertext is never selected by default (select: false): ask for it here only.
    const [secret] = await this.tx.tx.query<{ ciphertext: Buffer }[]>(
      'SELECT ciphertext FROM config_secrets WHERE key = $1 AND organization_id IS NOT DISTINCT FROM $2',
      [key, scope === 'platform' ? null : scope.organizationId],
    );
    if (!secret) return null;
    const plain = this.cipher.decrypt(secret.ciphertext, contextOf(scope, key));
    try {
      return plain.toString('utf8');
    } finally {
      plain.fill(0);
    }
  }

  /** Sets (or replaces) a value; the version counts the times it was set. */
  /** Creates the secret, or replaces its value (one more version); says which. */
  @Transactional()
  async set(principal: Principal, scope: SecretScope, key: string, value: string): Promise<Upserted<ConfigSecret>> {
    const organizationId = scope === 'platform' ? null : scope.organizationId;
    const ciphertext = this.cipher.encrypt(value, contextOf(scope, key));
    const [row] = await this.tx.tx.query<{ id: string; inserted: boolean }[]>(
      organizationId ? SET_ORGANIZATION_CONFIG_SECRET : SET_PLATFORM_CONFIG_SECRET,
      [newId(), organizationId, key, ciphertext, `${principal.type}:${principal.id}`],
    );
    // The row just upserted, platform or organization: no scoped repository covers both.
    const secret = await this.tx.tx.getRepository(ConfigSecret).findOneByOrFail({ id: row.id });
    this.notes.note({ resourceId: key, details: { key, version: secret.version } });
    return new Upserted(secret, row.inserted);
  }
}
