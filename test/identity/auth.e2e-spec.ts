import { createPublicKey, generateKeyPairSync, verify as verifySignature } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { expectMatchesContract } from '../support/contract.js';
import { ADMIN } from '../support/server.js';
import { useServer } from '../support/use-server.js';

/** The server signs with a key this file knows, so it can forge tokens the server must refuse. */
const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const SIGNING_KEY_PEM = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

// Throttling has its own file; here a few deliberate failures must not lock the owner out.
const t = useServer({ JWT_PRIVATE_KEY: SIGNING_KEY_PEM, ACCESS_TOKEN_TTL_SECONDS: '600', LOGIN_FREE_FAILURES_PER_PAIR: '100' });

const status = async (token: string) => (await t.http.get('/api/v1/me', { token })).status;
const login = (body: { email: string; password: string }) => t.http.post('/api/v1/auth/login', { body, token: null });
const refresh = (refreshToken: string) => t.http.post('/api/v1/auth/refresh', { body: { refreshToken }, token: null });
// The JWKS is answered without the envelope, which `.expect` requires of a 2xx JSON answer: checked by hand.
const jwks = () => t.http.get('/.well-known/jwks.json', { token: null });

describe('login', () => {
  test('returns an ES256 token pair and the user, matching the contract', async () => {
    const res = await login(ADMIN).expectResponse(200);
    const pair = res.body.data;
    expect(pair).toMatchObject({ tokenType: 'Bearer', user: { email: ADMIN.email, status: 'active' } });
    expect(pair.refreshToken).toMatch(/^mrt_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/);
    expect(pair.expiresIn).toBeGreaterThan(590);
    const header = jwt.decode(pair.accessToken, { complete: true })!.header;
    expect(header.alg).toBe('ES256');
    expect(header.kid).toBeTruthy();
    expect(res.body).not.toHaveProperty('data.user.passwordHash');
  });

  test('the email matches whatever its case', async () => {
    await login({ email: ADMIN.email.toUpperCase(), password: ADMIN.password }).expect(200);
  });

  test('emails are unique whatever their case, down to the database', async () => {
    await expect(
      t.sql("INSERT INTO users (id, email, display_name, status) VALUES ('00000000-0000-7000-8000-000000000001', $1, 'Twin', 'active')", [
        ADMIN.email.toUpperCase(),
      ]),
    ).rejects.toThrow(/users_email_lower_key/);
  });

  test('a wrong password and an unknown account fail the same way', async () => {
    const wrong = await login({ email: ADMIN.email, password: 'not the password' }).expectResponse(401);
    const unknown = await login({ email: 'nobody@marshal.test', password: 'not the password' }).expectResponse(401);
    expect(wrong.body.error).toEqual(unknown.body.error);
    expect(wrong.body.error).toEqual({ code: 'UNAUTHENTICATED', message: 'Invalid email or password' });
  });

  test('the password never reaches the logs', async () => {
    await login({ email: ADMIN.email, password: 'a-distinctive-wrong-password' });
    await new Promise((r) => setTimeout(r, 100));
    expect(t.output()).not.toContain('a-distinctive-wrong-password');
    expect(t.output()).not.toContain(ADMIN.password);
  });
});

describe('the typed client (login → me) agrees with the server', () => {
  test('/api/v1/me and /api/v1/auth/me return the logged-in user', async () => {
    const { data: login } = await t.api.POST('/api/v1/auth/login', { body: ADMIN });
    const authed = t.as(login!.data.accessToken);
    const me = await authed.GET('/api/v1/me');
    const authMe = await authed.GET('/api/v1/auth/me');
    expect(me.response.status).toBe(200);
    expect(me.data!.data).toEqual(authMe.data!.data);
    expect(me.data!.data.id).toBe(login!.data.user.id);
    expectMatchesContract('GET', '/api/v1/auth/me', 200, authMe.data);
  });
});

describe('JWKS', () => {
  test('publishes the public key that verifies issued tokens', async () => {
    const { accessToken } = await t.login();
    const res = await jwks().expectResponse(200);
    const { kid } = jwt.decode(accessToken, { complete: true })!.header;
    const jwk = res.body.keys.find((k: { kid: string }) => k.kid === kid);
    expect(jwk).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect(jwk).not.toHaveProperty('d');
    const [h, p, s] = accessToken.split('.');
    const ok = verifySignature(
      'sha256',
      Buffer.from(`${h}.${p}`),
      { key: createPublicKey({ key: jwk, format: 'jwk' }), dsaEncoding: 'ieee-p1363' },
      Buffer.from(s, 'base64url'),
    );
    expect(ok).toBe(true);
  });
});

describe('refresh', () => {
  test('rotates: the new pair works and the old refresh token is single-use', async () => {
    const first = await t.login();
    const res = await refresh(first.refreshToken).expectResponse(200);
    expect(res.body.data.refreshToken).not.toBe(first.refreshToken);
    expect(await status(res.body.data.accessToken)).toBe(200);
  });

  test('reusing a rotated refresh token revokes the whole family', async () => {
    const first = await t.login();
    const second = (await refresh(first.refreshToken).expect(200)).data;
    await refresh(first.refreshToken).expect(401);
    // Everything issued under the session is dead: the newest refresh token and both access tokens.
    await refresh(second.refreshToken).expect(401);
    expect(await status(second.accessToken)).toBe(401);
    expect(await status(first.accessToken)).toBe(401);
    const [session] = await t.sql<{ revoked_reason: string }>(
      'SELECT s.revoked_reason FROM sessions s JOIN refresh_tokens r ON r.session_id = s.id WHERE r.id = $1',
      [uuidOf(first.refreshToken)],
    );
    expect(session.revoked_reason).toBe('refresh_token_reuse');
  });

  test('of concurrent exchanges of one token, exactly one succeeds (and the race counts as reuse)', async () => {
    const { refreshToken } = await t.login();
    const results = await Promise.all(Array.from({ length: 8 }, () => refresh(refreshToken).response()));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 401)).toHaveLength(7);
  });

  test('garbage, unknown and tampered refresh tokens are a uniform 401', async () => {
    const { refreshToken } = await t.login();
    const tampered = refreshToken.slice(0, -1) + (refreshToken.endsWith('A') ? 'B' : 'A');
    const unknown = `mrt_${'0'.repeat(32)}_${'A'.repeat(43)}`;
    for (const candidate of ['nonsense', unknown, tampered]) {
      const res = await refresh(candidate).expectResponse(401);
      expect(res.body.error).toEqual({ code: 'UNAUTHENTICATED', message: 'The refresh token is not valid' });
    }
    // The tampered attempt did not burn the genuine token.
    await refresh(refreshToken).expect(200);
  });
});

describe('logout', () => {
  test('revokes the session: its access and refresh tokens stop working at once', async () => {
    const pair = await t.login();
    const other = await t.login();
    expect(await status(pair.accessToken)).toBe(200);
    await t.http.post('/api/v1/auth/logout', { token: pair.accessToken }).expect(204);
    expect(await status(pair.accessToken)).toBe(401);
    await refresh(pair.refreshToken).expect(401);
    // Another session of the same user is untouched.
    expect(await status(other.accessToken)).toBe(200);
  });

  test('needs authentication', async () => {
    await t.http.post('/api/v1/auth/logout', { token: null }).expect(401);
  });
});

describe('forged and unusable access tokens are refused', () => {
  let claims: { sub: string; sid: string; org: string };
  beforeAll(async () => {
    const { accessToken } = await t.login();
    const decoded = jwt.decode(accessToken) as { sub: string; sid: string; org: string };
    claims = { sub: decoded.sub, sid: decoded.sid, org: decoded.org };
  });
  const sign = (payload: { exp?: number; [claim: string]: unknown }, options: jwt.SignOptions, key: jwt.Secret = SIGNING_KEY_PEM) =>
    jwt.sign(payload, key, {
      algorithm: 'ES256',
      issuer: 'marshal',
      audience: 'marshal-api',
      ...(payload.exp ? {} : { expiresIn: 300 }),
      ...options,
    });

  async function serverKid(): Promise<string> {
    return (await jwks()).body.keys[0].kid;
  }

  test('a correctly signed token is accepted (the control)', async () => {
    expect(await status(sign({ sid: claims.sid, org: claims.org }, { subject: claims.sub, keyid: await serverKid() }))).toBe(200);
  });

  test('expired', async () => {
    const token = sign(
      { sid: claims.sid, org: claims.org, exp: Math.floor(Date.now() / 1000) - 10 },
      { subject: claims.sub, keyid: await serverKid() },
    );
    const res = await t.http.get('/api/v1/me', { token }).expectResponse(401);
    expect(res.body.error.message).toMatch(/expired/);
  });

  test('a token accepted before is refused once it expires, and its signature still counts byte for byte', async () => {
    // Accepted once, the token is remembered as verified (VerifiedTokens): the memory must end at exp.
    const token = sign(
      { sid: claims.sid, org: claims.org, exp: Math.floor(Date.now() / 1000) + 2 },
      { subject: claims.sub, keyid: await serverKid() },
    );
    expect(await status(token)).toBe(200);
    expect(await status(token)).toBe(200);
    // The same header and claims under another signature are another token: verified, and refused.
    const [header, payload, signature] = token.split('.');
    const flipped = `${header}.${payload}.${signature.slice(0, 10)}${signature[10] === 'A' ? 'B' : 'A'}${signature.slice(11)}`;
    expect(await status(flipped)).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, (Math.floor(Date.now() / 1000) + 3) * 1000 - Date.now()));
    const res = await t.http.get('/api/v1/me', { token }).expectResponse(401);
    expect(res.body.error.message).toMatch(/expired/);
  });

  test('wrong issuer or audience', async () => {
    const k = await serverKid();
    expect(await status(sign({ sid: claims.sid }, { subject: claims.sub, keyid: k, issuer: 'someone-else' }))).toBe(401);
    expect(await status(sign({ sid: claims.sid }, { subject: claims.sub, keyid: k, audience: 'another-api' }))).toBe(401);
  });

  test('signed by another key, with our kid or an unknown one', async () => {
    const other = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(await status(sign({ sid: claims.sid }, { subject: claims.sub, keyid: await serverKid() }, other))).toBe(401);
    expect(await status(sign({ sid: claims.sid }, { subject: claims.sub, keyid: 'unknown-kid' }, other))).toBe(401);
  });

  test('alg "none"', async () => {
    const unsigned = jwt.sign({ sid: claims.sid, sub: claims.sub, iss: 'marshal', aud: 'marshal-api' }, '', { algorithm: 'none' });
    expect(await status(unsigned)).toBe(401);
  });

  test('HS256 signed with the public key (algorithm confusion)', async () => {
    const jwk = (await jwks()).body.keys[0];
    const publicPem = createPublicKey({ key: jwk, format: 'jwk' }).export({ type: 'spki', format: 'pem' }).toString();
    const [h, p] = [
      Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid: jwk.kid })).toString('base64url'),
      Buffer.from(
        JSON.stringify({ sub: claims.sub, sid: claims.sid, iss: 'marshal', aud: 'marshal-api', exp: Math.floor(Date.now() / 1000) + 300 }),
      ).toString('base64url'),
    ];
    const { createHmac } = await import('node:crypto');
    const s = createHmac('sha256', publicPem).update(`${h}.${p}`).digest('base64url');
    expect(await status(`${h}.${p}.${s}`)).toBe(401);
  });

  test('a valid signature over a session that does not exist, or another user', async () => {
    const k = await serverKid();
    expect(await status(sign({ sid: '00000000-0000-7000-8000-000000000000' }, { subject: claims.sub, keyid: k }))).toBe(401);
    expect(await status(sign({ sid: claims.sid }, { subject: '00000000-0000-7000-8000-000000000000', keyid: k }))).toBe(401);
  });

  test('a disabled user is refused on the very next request', async () => {
    const { accessToken } = await t.login();
    expect(await status(accessToken)).toBe(200);
    await t.sql("UPDATE users SET status = 'disabled' WHERE email = $1", [ADMIN.email]);
    try {
      expect(await status(accessToken)).toBe(401);
      await login(ADMIN).expect(401);
    } finally {
      await t.sql("UPDATE users SET status = 'active' WHERE email = $1", [ADMIN.email]);
    }
  });
});

function uuidOf(refreshToken: string): string {
  const hex = /^mrt_([0-9a-f]{32})_/.exec(refreshToken)![1];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
