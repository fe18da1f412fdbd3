import { createPublicKey, JsonWebKey, randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import jwt from 'jsonwebtoken';
import pg from 'pg';

/*
 * The floor for GET /api/v1/me, run by me.bench.ts as a child process: the same work per request
 * as Marshal (ES256 verification with issuer and audience, the one indexed read of
 * SessionsService.authenticate through a pool of the same size, the same success envelope) on raw
 * node:http and pg, with no framework, middleware or request logging.
 *
 * Environment: DATABASE_URL, DATABASE_POOL_SIZE, BASELINE_JWK (the public JWK from Marshal's
 * /.well-known/jwks.json), JWT_ISSUER, JWT_AUDIENCE; it listens on 127.0.0.1 on a free port and
 * prints "baseline listening on http://127.0.0.1:<port>".
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
const pool = new pg.Pool({
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

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const requestId = randomUUID();
  const incoming = req.headers['x-correlation-id'];
  const correlationId = typeof incoming === 'string' && CORRELATION_ID.test(incoming) ? incoming : requestId;
  res.setHeader('x-request-id', requestId);
  res.setHeader('x-correlation-id', correlationId);
  const meta = (status: number) => ({ requestId, correlationId, timestamp: new Date().toISOString(), status, version: '1' });
  const fail = (status: number, code: string, message: string) =>
    send(res, status, {
      success: false,
      data: null,
      error: { code, message },
      meta: meta(status),
      context: { principalId: null, principalType: null, organizationId: null },
      links: { self: req.url },
    });

  if (req.method !== 'GET' || req.url !== '/api/v1/me') return fail(404, 'NOT_FOUND', 'Route not found');
  const token = /^Bearer (\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  let claims: jwt.JwtPayload | string;
  try {
    if (!token) throw new Error('no token');
    claims = jwt.verify(token, publicKey, verifyOptions);
  } catch {
    return fail(401, 'UNAUTHENTICATED', 'The access token is not valid');
  }
  if (typeof claims === 'string' || typeof claims.sid !== 'string' || typeof claims.sub !== 'string') {
    return fail(401, 'UNAUTHENTICATED', 'The access token is not valid');
  }

  const { rows } = await pool.query<Row>(AUTHENTICATE, [claims.sid, claims.sub]);
  const row = rows[0];
  if (!row) return fail(401, 'UNAUTHENTICATED', 'The access token is not valid');
  send(res, 200, {
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
    meta: meta(200),
    context: { principalId: row.u_id, principalType: 'user', organizationId: row.session_organization_id },
    links: { self: req.url },
  });
}

const server = createServer((req, res) => {
  handle(req, res).catch((error: unknown) => {
    console.error(error);
    if (!res.headersSent) send(res, 500, { success: false, data: null, error: { code: 'INTERNAL', message: 'Internal error' } });
  });
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  console.log(`baseline listening on http://127.0.0.1:${port}`);
});

process.once('SIGTERM', () => {
  server.close();
  server.closeIdleConnections();
  void pool.end().finally(() => process.exit(0));
});
