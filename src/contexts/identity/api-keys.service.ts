import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditNotes } from '../../kernel/audit/audit-notes.js';
import type { Principal } from '../../kernel/auth/principal.js';
import { randomSecret, secretMatchesDigest, sha256 } from '../../kernel/crypto/secret-tokens.js';
import { conflict, forbidden, unauthenticated } from '../../kernel/http/kernel.errors.js';
import { newId } from '../../kernel/ids.js';
import { type Page, paginate } from '../../kernel/pagination/page.js';
import { TenantData } from '../../kernel/tenancy/tenant-data.js';
import { AccessService } from '../access/index.js';
import type { CreateApiKeyDto, ListApiKeysQuery } from './dto/api-key.dto.js';
import { ApiKey } from './entities/api-key.entity.js';
import { User } from './entities/user.entity.js';

const API_KEY = /^mk_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;

/** `mk_<key id>_<secret>`: the id finds the row, the secret is compared against its SHA-256. */
export function looksLikeApiKey(token: string): boolean {
  return token.startsWith('mk_');
}

function parse(token: string): { id: string; secret: string } | null {
  const match = API_KEY.exec(token);
  if (!match) return null;
  const hex = match[1];
  return { id: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`, secret: match[2] };
}

export interface AuthenticatedApiKey {
  principal: Principal;
  /** The user the key acts for. */
  user: User;
}

const LAST_USED_GRANULARITY_MS = 60_000;

const AUTHENTICATE = `
  SELECT k.id, k.organization_id, k.secret_hash, k.permissions, k.created_by, k.expires_at, k.disabled_at, k.revoked_at, k.last_used_at,
         u.email AS user_email, u.display_name AS user_display_name, u.status AS user_status,
         u.last_login_at AS user_last_login_at, u.created_at AS user_created_at, u.updated_at AS user_updated_at
    FROM api_keys k JOIN users u ON u.id = k.created_by
   WHERE k.id = $1`;

interface AuthenticationRow {
  id: string;
  organization_id: string;
  secret_hash: Buffer;
  permissions: string[] | null;
  created_by: string;
  expires_at: Date | null;
  disabled_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
  user_email: string;
  user_display_name: string;
  user_status: User['status'];
  user_last_login_at: Date | null;
  user_created_at: Date;
  user_updated_at: Date;
}

@Injectable()
export class ApiKeysService {
  private readonly logger = new Logger(ApiKeysService.name);

  constructor(
    private readonly data: TenantData,
    private readonly access: AccessService,
    private readonly notes: AuditNotes,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Mints a key; the secret is returned here once and never again. */
  async create(organizationId: string, principal: Principal, input: CreateApiKeyDto): Promise<{ key: ApiKey; secret: string }> {
    const creator = principal.type === 'user' ? principal.id : principal.onBehalfOf;
    if (!creator) throw forbidden('Only users and the API keys acting for them can mint API keys');
    let permissions: string[] | null = input.permissions ? [...new Set(input.permissions)].sort() : null;
    if (permissions) {
      this.access.assertKnown(permissions);
      await this.access.assertCanGrant(principal, permissions);
    } else if (principal.type === 'api_key' && principal.permissionLimit) {
      // A key minted by a limited key inherits that limit, never the whole of the user's permissions.
      permissions = [...principal.permissionLimit].sort();
    }
    const keys = this.data.repository(ApiKey, organizationId);
    if (await keys.exists({ name: input.name, createdBy: creator })) throw conflict(`You already have an API key named "${input.name}"`);
    const id = newId();
    const secret = randomSecret(32);
    const key = await keys.insert({
      id,
      name: input.name,
      secretHash: sha256(secret),
      permissions,
      createdBy: creator,
      expiresAt: input.expiresAt ?? null,
    });
    this.notes.note({ details: { name: input.name, permissions, expiresAt: key.expiresAt } });
    return { key, secret: `mk_${id.replace(/-/g, '')}_${secret}` };
  }

  list(organizationId: string, query: ListApiKeysQuery): Promise<Page<ApiKey>> {
    const qb = this.data.repository(ApiKey, organizationId).query('k');
    if (query.createdBy) qb.andWhere('k.created_by = :createdBy', { createdBy: query.createdBy });
    if (query.q) qb.andWhere('k.name ILIKE :q', { q: `%${query.q}%` });
    if (query.status === 'revoked') qb.andWhere('k.revoked_at IS NOT NULL');
    if (query.status === 'disabled') qb.andWhere('k.revoked_at IS NULL AND k.disabled_at IS NOT NULL');
    if (query.status === 'expired') qb.andWhere('k.revoked_at IS NULL AND k.disabled_at IS NULL AND k.expires_at <= now()');
    if (query.status === 'active')
      qb.andWhere('k.revoked_at IS NULL AND k.disabled_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now())');
    return paginate(qb, query, { name: 'k.name', createdAt: 'k.created_at', lastUsedAt: 'k.last_used_at' }, '-createdAt');
  }

  /** Every key of the organization, newest first: for the credentials audit. */
  all(organizationId: string): Promise<ApiKey[]> {
    return this.data.repository(ApiKey, organizationId).find({ order: { createdAt: 'DESC' } });
  }

  get(organizationId: string, id: string): Promise<ApiKey> {
    return this.data.repository(ApiKey, organizationId).getById(id, 'API key');
  }

  async disable(organizationId: string, id: string): Promise<ApiKey> {
    const key = await this.get(organizationId, id);
    if (key.disabledAt || key.revokedAt) return key;
    return this.data.repository(ApiKey, organizationId).updateByIdReturning(id, { disabledAt: new Date() }, 'API key');
  }

  async revoke(organizationId: string, id: string): Promise<void> {
    const key = await this.get(organizationId, id);
    if (!key.revokedAt) await this.data.repository(ApiKey, organizationId).update({ id }, { revokedAt: new Date() });
  }

  /**
   * Authenticates a presented key: well-formed, known, secret matching in constant time, not
   * disabled, revoked or expired, its user still active. Any failure is the same 401.
   */
  async authenticate(token: string): Promise<AuthenticatedApiKey> {
    const parsed = parse(token);
    const invalid = () => unauthenticated('The API key is not valid');
    if (!parsed) throw invalid();
    // Authentication precedes any organization: the key's own id is the only lookup. One fixed
    // statement brings the key and the user it acts for (every request with a key runs it).
    const [row] = await this.dataSource.query<AuthenticationRow[]>(AUTHENTICATE, [parsed.id]);
    if (!row || !secretMatchesDigest(parsed.secret, row.secret_hash)) throw invalid();
    const key = Object.assign(new ApiKey(), {
      id: row.id,
      organizationId: row.organization_id,
      permissions: row.permissions,
      createdBy: row.created_by,
      expiresAt: row.expires_at,
      disabledAt: row.disabled_at,
      revokedAt: row.revoked_at,
    });
    if (key.status !== 'active' || row.user_status !== 'active') throw invalid();
    const user = Object.assign(new User(), {
      id: row.created_by,
      email: row.user_email,
      displayName: row.user_display_name,
      status: row.user_status,
      lastLoginAt: row.user_last_login_at,
      createdAt: row.user_created_at,
      updatedAt: row.user_updated_at,
    });
    // The row already says when the key was last used: write only when that is a minute old or more.
    if (!row.last_used_at || Date.now() - row.last_used_at.getTime() >= LAST_USED_GRANULARITY_MS) this.touch(key.id);
    return {
      user,
      principal: {
        type: 'api_key',
        id: key.id,
        organizationId: key.organizationId,
        onBehalfOf: key.createdBy,
        permissionLimit: key.permissions,
      },
    };
  }

  /** Records use at most once a minute per key, off the request's path. */
  private touch(id: string): void {
    this.dataSource
      // The condition repeats the check in SQL: of concurrent requests, one write lands.
      .query(
        `UPDATE api_keys SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - make_interval(secs => $2))`,
        [id, LAST_USED_GRANULARITY_MS / 1000],
      )
      .catch((error: unknown) => this.logger.warn({ err: error }, 'could not record API key use'));
  }
}
