import { Injectable } from '@nestjs/common';
import { InjectTransactionHost, Propagation } from '@nestjs-cls/transactional';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AuditWriter } from '../../kernel/audit/audit-writer.js';
import { AppConfig } from '../../kernel/config/app-config.js';
import type { Tx } from '../../kernel/database/transactions.js';
import { randomSecret, secretMatchesDigest, sha256 } from '../../kernel/crypto/secret-tokens.js';
import { unauthenticated } from '../../kernel/http/kernel.errors.js';
import { newId } from '../../kernel/ids.js';
import { RefreshToken } from './entities/refresh-token.entity.js';
import { Session } from './entities/session.entity.js';
import { User } from './entities/user.entity.js';

const REFRESH_TOKEN = /^mrt_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;

/** `mrt_<token id>_<secret>`: the id finds the row, the secret is compared against its hash. */
function formatRefreshToken(id: string, secret: string): string {
  return `mrt_${id.replace(/-/g, '')}_${secret}`;
}

function parseRefreshToken(token: string): { id: string; secret: string } | null {
  const match = REFRESH_TOKEN.exec(token);
  if (!match) return null;
  const hex = match[1];
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { id, secret: match[2] };
}

const AUTHENTICATE = `
  SELECT u.id, u.email, u.display_name, u.status, u.last_login_at, u.created_at, u.updated_at, s.organization_id
    FROM sessions s JOIN users u ON u.id = s.user_id
   WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.status = 'active'`;

interface AuthenticationRow {
  id: string;
  email: string;
  display_name: string;
  status: User['status'];
  last_login_at: Date | null;
  created_at: Date;
  updated_at: Date;
  organization_id: string;
}

export interface IssuedRefreshToken {
  token: string;
  expiresAt: Date;
}

export interface AuthenticatedSession {
  session: Pick<Session, 'id' | 'organizationId'>;
  user: User;
}

type RotationOutcome = { ok: true; session: Session; refresh: IssuedRefreshToken } | { ok: false; reason: string };

/**
 * Sessions and their refresh-token families. A refresh token is single-use: exchanging it marks it
 * used and issues the next one; presenting a used one again means it leaked, so the whole family
 * (the session) is revoked, which also kills every access token issued under it.
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectTransactionHost() private readonly tx: Tx,
    private readonly audit: AuditWriter,
  ) {}

  /** Joins the caller's transaction (login: with its audit entry). */
  async start(input: {
    userId: string;
    organizationId: string;
    ip?: string;
    userAgent?: string;
  }): Promise<{ session: Session; refresh: IssuedRefreshToken }> {
    return this.tx.withTransaction(async () => {
      const manager = this.tx.tx;
      const session = manager.create(Session, {
        id: newId(),
        userId: input.userId,
        organizationId: input.organizationId,
        expiresAt: new Date(Date.now() + this.config.auth.sessionMaxAgeSeconds * 1000),
        ip: input.ip ?? null,
        userAgent: input.userAgent?.slice(0, 512) ?? null,
      });
      await manager.insert(Session, session);
      return { session, refresh: await this.issueRefreshToken(manager, session) };
    });
  }

  /** Exchanges a refresh token for the next one of its family. Any failure is a uniform 401. */
  async rotate(presented: string): Promise<{ session: Session; refresh: IssuedRefreshToken }> {
    const parsed = parseRefreshToken(presented);
    if (!parsed) throw unauthenticated('The refresh token is not valid');

    // A transaction of its own: a reuse revokes the family and must commit although the request fails.
    const outcome = await this.tx.withTransaction(Propagation.RequiresNew, async (): Promise<RotationOutcome> => {
      const manager = this.tx.tx;
      // Row lock: of two concurrent exchanges of one token, the second sees it used.
      const token = await manager
        .createQueryBuilder(RefreshToken, 't')
        .addSelect('t.secretHash')
        .where('t.id = :id', { id: parsed.id })
        .setLock('pessimistic_write')
        .getOne();
      if (!token || !secretMatchesDigest(parsed.secret, token.secretHash)) return { ok: false, reason: 'unknown' };
      const session = await manager.findOneBy(Session, { id: token.sessionId });
      if (!session || session.revokedAt || session.expiresAt <= new Date()) return { ok: false, reason: 'session_ended' };
      if (token.usedAt) {
        await this.revokeWith(manager, session.id, 'refresh_token_reuse');
        await this.audit.record({
          organizationId: session.organizationId,
          action: 'session.refresh_token_reuse',
          outcome: 'denied',
          actor: { type: 'user', id: session.userId },
          resourceType: 'session',
          resourceId: session.id,
          details: { effect: 'every token of the session revoked' },
        });
        return { ok: false, reason: 'reuse' };
      }
      if (token.expiresAt <= new Date()) return { ok: false, reason: 'expired' };
      const user = await manager.findOneBy(User, { id: session.userId });
      if (user?.status !== 'active') return { ok: false, reason: 'user_inactive' };
      await manager.update(RefreshToken, { id: token.id }, { usedAt: () => 'now()' });
      return { ok: true, session, refresh: await this.issueRefreshToken(manager, session) };
    });
    // Thrown after the commit, so that a reuse's revocation is kept.
    if (!outcome.ok) throw unauthenticated('The refresh token is not valid');
    return outcome;
  }

  /** Joins the caller's transaction (logout: with its audit entry). */
  async revoke(sessionId: string, reason: string): Promise<void> {
    await this.revokeWith(this.tx.tx, sessionId, reason);
  }

  /**
   * The per-request check behind every access token, in one indexed read: the session is live and
   * its user active. Returns the user too, so that handlers need not read it again.
   */
  async authenticate(sessionId: string, userId: string): Promise<AuthenticatedSession | null> {
    // Every authenticated request runs this: a fixed statement mapped by hand costs a fraction of
    // building it through the query builder each time (measured in bench/me.bench.ts).
    const rows: AuthenticationRow[] = await this.dataSource.query(AUTHENTICATE, [sessionId, userId]);
    const row = rows[0];
    if (!row) return null;
    const user = Object.assign(new User(), {
      id: row.id,
      email: row.email,
      displayName: row.display_name,
      status: row.status,
      lastLoginAt: row.last_login_at,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    });
    return { user, session: { id: sessionId, organizationId: row.organization_id } };
  }

  private async revokeWith(manager: EntityManager, sessionId: string, reason: string): Promise<void> {
    await manager.update(Session, { id: sessionId, revokedAt: IsNull() }, { revokedAt: () => 'now()', revokedReason: reason });
  }

  private async issueRefreshToken(manager: EntityManager, session: Session): Promise<IssuedRefreshToken> {
    const secret = randomSecret(32);
    const ttlMs = this.config.auth.refreshTokenTtlSeconds * 1000;
    // A refresh token never outlives its session.
    const expiresAt = new Date(Math.min(Date.now() + ttlMs, session.expiresAt.getTime()));
    const id = newId();
    await manager.insert(RefreshToken, { id, sessionId: session.id, secretHash: sha256(secret), expiresAt });
    return { token: formatRefreshToken(id, secret), expiresAt };
  }
}
