import { Injectable } from '@nestjs/common';
import { InjectTransactionHost, Transactional } from '@nestjs-cls/transactional';
import { IsNull } from 'typeorm';
import type { Principal } from '../../kernel/auth/principal.js';
import { AuditNotes } from '../../kernel/audit/audit-notes.js';
import { randomSecret, secretMatchesDigest, sha256 } from '../../kernel/crypto/secret-tokens.js';
import type { Tx } from '../../kernel/database/transactions.js';
import { forbidden, unauthenticated } from '../../kernel/http/kernel.errors.js';
import { newId } from '../../kernel/ids.js';
import { TenantData } from '../../kernel/tenancy/tenant-data.js';
import { EnvironmentsService } from '../inventory/index.js';
import { formatSecret, parseSecret } from './agent-secrets.js';
import { EnrollmentToken } from './entities/enrollment-token.entity.js';

const DEFAULT_TTL_SECONDS = 7 * 24 * 3600;

/**
 * Enrollment tokens: one live token per organization, or per environment, that new agents present
 * to register. A rotation revokes the previous one at once and shows the new one once.
 */
@Injectable()
export class EnrollmentService {
  constructor(
    private readonly data: TenantData,
    private readonly notes: AuditNotes,
    @InjectTransactionHost() private readonly tx: Tx,
    private readonly environments: EnvironmentsService,
  ) {}

  /** The latest token of the organization (or environment), whatever its state; null if none was ever made. */
  async current(organizationId: string, environmentId?: string): Promise<EnrollmentToken | null> {
    const [token] = await this.data
      .repository(EnrollmentToken, organizationId)
      .find({ where: { environmentId: environmentId ?? IsNull() }, order: { createdAt: 'DESC', id: 'DESC' }, take: 1 });
    return token ?? null;
  }

  @Transactional()
  async rotate(
    organizationId: string,
    principal: Principal,
    input: { environmentId?: string; ttlSeconds?: number },
  ): Promise<{ token: EnrollmentToken; secret: string }> {
    const createdBy = principal.type === 'user' ? principal.id : principal.onBehalfOf;
    if (!createdBy) throw forbidden('Only users and the API keys acting for them can rotate enrollment tokens');
    const tokens = this.data.repository(EnrollmentToken, organizationId);
    const environmentId = input.environmentId ?? null;
    if (environmentId) await this.environments.assertExists(organizationId, environmentId);
    const revoked = await tokens.update({ environmentId: environmentId ?? IsNull(), revokedAt: IsNull() }, { revokedAt: new Date() });
    const id = newId();
    const secret = randomSecret(32);
    const ttl = input.ttlSeconds ?? DEFAULT_TTL_SECONDS;
    const token = await tokens.insert({
      id,
      environmentId,
      tokenHash: sha256(secret),
      createdBy,
      expiresAt: new Date(Date.now() + ttl * 1000),
    });
    this.notes.note({ resourceId: id, details: { environmentId, ttlSeconds: ttl, revokedPrevious: revoked } });
    return { token, secret: formatSecret('met', id, secret) };
  }

  /** Checks a presented token (any failure is the same 401) and counts the registration. */
  @Transactional()
  async redeem(presented: string): Promise<EnrollmentToken> {
    const invalid = () => unauthenticated('The enrollment token is not valid, has expired or was rotated');
    const parsed = parseSecret('met', presented);
    if (!parsed) throw invalid();
    // No organization yet: the token's own id is the only lookup, as for API keys.
    const token = await this.tx.tx
      .getRepository(EnrollmentToken)
      .createQueryBuilder('t')
      .addSelect('t.tokenHash')
      .where('t.id = :id', { id: parsed.id })
      .setLock('pessimistic_write')
      .getOne();
    if (!token || !secretMatchesDigest(parsed.secret, token.tokenHash) || token.state !== 'active') throw invalid();
    await this.tx.tx.query('UPDATE enrollment_tokens SET registrations = registrations + 1, last_used_at = now() WHERE id = $1', [
      token.id,
    ]);
    return token;
  }

  /** Every token of the organization, for the credentials audit. */
  all(organizationId: string): Promise<EnrollmentToken[]> {
    return this.data.repository(EnrollmentToken, organizationId).find({ order: { createdAt: 'DESC' } });
  }
}
