import { createPublicKey, type JsonWebKey, randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import pg from 'pg';

/*
 * The work of GET /api/v1/me that no framework can save, shared by the two floors me.bench.ts
 * measures Marshal against (baseline-me-server.ts on raw node:http, baseline-nest-me-server.ts on
 * Nest + express): the ES256 check with issuer and audience against a key imported once, the one
 * indexed read of SessionsService.authenticate through a pool sized and configured like Marshal's,
 * and the same success envelope.
 *
 * Environment: DATABASE_URL, DATABASE_POOL_SIZE, BASELINE_JWK (the public JWK from Marshal's
 * /.well-known/jwks.json), JWT_ISSUER, JWT_AUDIENCE.
 */

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

const publicKey = createPublicKey({ key: JSON.parse(required('BASELINE_JWK')) as JsonWebKey, format: 'jwk' });
const verifyOptions: jwt.VerifyOptions & { complete?: false } = {
  algorithms: ['ES256'],
  issuer: required('JWT_ISSUER'),
  audience: required('JWT_AUDIENCE'),
};
// Marshal's pool settings (data-source-options.ts): a statement_timeout makes PostgreSQL arm a timer per statement.
export const pool = new pg.Pool({
  connectionString: required('DATABASE_URL'),
  max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
  application_name: 'marshal-bench-baseline',
  statement_timeout: 30_000,
  idle_in_transaction_session_timeout: 60_000,
  connectionTimeoutMillis: 5_000,
});

/** The statement TypeORM builds for SessionsService.authenticate, as it reaches PostgreSQL (unnamed, parameterised). */
const AUTHENTICATE =
  'SELECT "u"."id" AS "u_id", "u"."email" AS "u_email", "u"."display_name" AS "u_display_name", "u"."status" AS "u_status", ' +
  '"u"."last_login_at" AS "u_last_login_at", "u"."created_at" AS "u_created_at", "u"."updated_at" AS "u_updated_at", ' +
  '"s"."organization_id" AS "session_organization_id" FROM "users" "u" INNER JOIN "sessions" "s" ON "s"."user_id" = "u"."id" ' +
  'WHERE "s"."id" = $1 AND "u"."id" = $2 AND "s"."revoked_at" IS NULL AND "s"."expires_at" > now() AND "u"."status" = \'active\'';

interface Row {
  u_id: string;
  u_email: string;
  u_display_name: string;
  u_status: string;
  u_last_login_at: Date | null;
  u_created_at: Date;
  session_organization_id: string;
}

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The ids every answer carries, as Marshal's request context makes them. */
export function requestIds(incomingCorrelationId: string | string[] | undefined): { requestId: string; correlationId: string } {
  const requestId = randomUUID();
  const ok = typeof incomingCorrelationId === 'string' && CORRELATION_ID.test(incomingCorrelationId);
  return { requestId, correlationId: ok ? incomingCorrelationId : requestId };
}

const meta = (ids: { requestId: string; correlationId: string }, status: number) => ({
  ...ids,
  timestamp: new Date().toISOString(),
  status,
  version: '1',
});

/** The error envelope, as Marshal answers a refused request. */
export function failure(ids: { requestId: string; correlationId: string }, url: string, status: number, code: string, message: string) {
  return {
    success: false,
    data: null,
    error: { code, message },
    meta: meta(ids, status),
    context: { principalId: null, principalType: null, organizationId: null },
    links: { self: url },
  };
}

/** GET /api/v1/me's answer for `authorization`: the status and the envelope. */
export async function me(authorization: string | undefined, ids: { requestId: string; correlationId: string }, url: string) {
  const refused = { status: 401, body: failure(ids, url, 401, 'UNAUTHENTICATED', 'The access token is not valid') };
  const token = /^Bearer (\S+)$/i.exec(authorization ?? '')?.[1];
  let claims: jwt.JwtPayload | string;
  try {
    if (!token) return refused;
    claims = jwt.verify(token, publicKey, verifyOptions);
  } catch {
    return refused;
  }
  if (typeof claims === 'string' || typeof claims.sid !== 'string' || typeof claims.sub !== 'string') return refused;
  const { rows } = await pool.query<Row>(AUTHENTICATE, [claims.sid, claims.sub]);
  const row = rows[0];
  if (!row) return refused;
  return {
    status: 200,
    body: {
      success: true,
      data: {
        id: row.u_id,
        email: row.u_email,
        displayName: row.u_display_name,
        status: row.u_status,
        lastLoginAt: row.u_last_login_at?.toISOString() ?? null,
        createdAt: row.u_created_at.toISOString(),
      },
      error: null,
      meta: meta(ids, 200),
      context: { principalId: row.u_id, principalType: 'user', organizationId: row.session_organization_id },
      links: { self: url },
    },
  };
}
