import { createHash, randomBytes } from 'node:crypto';
import { expectMatchesContract, type RawResponse, spec } from '../support/contract.js';
import { addMember, createRole, type Member, mintApiKey, otherOrganization } from '../support/fixtures.js';
import type { Method } from '../support/http.js';
import { useServer } from '../support/use-server.js';

/**
 * API keys end to end: minted once, stored only as a SHA-256, accepted as a bearer token or in
 * X-API-Key, refused alike whatever is wrong with them, limited to a subset of their creator's
 * permissions (and never more than the creator holds now), bound to one organization, audited
 * without their secret. Every body from a documented operation is checked against the contract.
 */

const t = useServer();
let ownerId: string;

beforeAll(async () => {
  const me = await t.http.get('/api/v1/me/permissions').expect(200);
  ownerId = me.data.principalId;
});

const KEY_FORMAT = /^mk_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;
const secretPart = (key: string) => KEY_FORMAT.exec(key)![2];
const suffix = () => randomBytes(3).toString('hex');

async function create(token: string, body: Record<string, unknown>): Promise<{ id: string; secret: string; res: RawResponse }> {
  const res = await t.http.post('/api/v1/api-keys', { body: { name: `key-${suffix()}`, ...body }, token }).expectResponse(201);
  return { id: res.body.data.apiKey.id, secret: res.body.data.secret, res };
}

async function getKey(
  id: string,
): Promise<{ status: string; lastUsedAt: string | null; permissions: string[] | null; [k: string]: unknown }> {
  return (await t.http.get('/api/v1/api-keys/{id}', { params: { id } }).expect(200)).data;
}

const teams = (key: string) => t.http.get('/api/v1/organizations/{id}/teams', { params: { id: t.organizationId }, token: key });
const meStatus = async (key: string) => {
  const res = await t.http.get('/api/v1/me', { token: key });
  expectMatchesContract('GET', '/api/v1/me', res.status, res.body);
  return res.status;
};

describe('minting', () => {
  test('returns the key once, as mk_<32 hex>_<43 chars>, whose hex is the key id', async () => {
    const { id, secret, res } = await create(t.token, { name: `ci-${suffix()}`, permissions: ['team.read'] });
    expect(secret).toMatch(KEY_FORMAT);
    expect(KEY_FORMAT.exec(secret)![1]).toBe(id.replace(/-/g, ''));
    expect(res.body.data.apiKey).toMatchObject({
      status: 'active',
      permissions: ['team.read'],
      createdBy: ownerId,
      expiresAt: null,
      lastUsedAt: null,
    });
    expect(res.body.data.apiKey.hint).toBe(`mk_${id.replace(/-/g, '').slice(0, 8)}…`);
    expect(res.body.data.apiKey.hint).not.toContain(secretPart(secret));
  });

  test('list and get never show the secret nor its hash', async () => {
    const { id, secret } = await create(t.token, {});
    const digest = createHash('sha256').update(secretPart(secret)).digest();
    const list = await t.http.get('/api/v1/api-keys', { query: { pageSize: 100 } }).expectResponse(200);
    const one = await t.http.get('/api/v1/api-keys/{id}', { params: { id } }).expectResponse(200);
    expect(list.body.data.map((k: { id: string }) => k.id)).toContain(id);
    for (const text of [list.text, one.text]) {
      expect(text).not.toContain(secretPart(secret));
      expect(text).not.toContain(digest.toString('hex'));
      expect(text).not.toContain(digest.toString('base64'));
      expect(text).not.toMatch(/secret|hash/i);
    }
    expect(Object.keys(one.body.data).sort()).toEqual([
      'createdAt',
      'createdBy',
      'expiresAt',
      'hint',
      'id',
      'lastUsedAt',
      'name',
      'permissions',
      'status',
    ]);
  });

  test('the database holds only the 32-byte SHA-256 of the secret, never the secret', async () => {
    const { id, secret } = await create(t.token, {});
    const [row] = await t.sql<{ secret_hash: Buffer }>('SELECT secret_hash FROM api_keys WHERE id = $1', [id]);
    expect(row.secret_hash).toHaveLength(32);
    expect(row.secret_hash.equals(createHash('sha256').update(secretPart(secret)).digest())).toBe(true);
    const [whole] = await t.sql<{ text: string }>('SELECT row_to_json(k)::text AS text FROM api_keys k WHERE id = $1', [id]);
    expect(whole.text).not.toContain(secretPart(secret));
  });

  test('expiresAt in the past is 400; a duplicate name for the same creator is 409', async () => {
    const past = await t.http
      .post('/api/v1/api-keys', { body: { name: `old-${suffix()}`, expiresAt: new Date(Date.now() - 60_000).toISOString() } })
      .expectResponse(400, 'VALIDATION_FAILED');
    expect(past.body.error.validationErrors).toEqual([expect.objectContaining({ field: 'expiresAt' })]);
    const name = `twin-${suffix()}`;
    await create(t.token, { name });
    await t.http.post('/api/v1/api-keys', { body: { name } }).expect(409, 'CONFLICT');
    const unknown = await t.http
      .post('/api/v1/api-keys', { body: { name: `typo-${suffix()}`, permissions: ['team.raed'] } })
      .expectResponse(400, 'VALIDATION_FAILED');
    expect(unknown.body.error.validationErrors).toEqual([expect.objectContaining({ field: 'permissions[0]', code: 'UNKNOWN_PERMISSION' })]);
  });
});

describe('authentication', () => {
  test('as Authorization: Bearer and as X-API-Key, with principalType api_key in the envelope', async () => {
    const { id, secret } = await create(t.token, {});
    for (const headers of [{ authorization: `Bearer ${secret}` }, { 'x-api-key': secret }] as Record<string, string>[]) {
      const res = await t.http.get('/api/v1/me', { token: null, headers }).expectResponse(200);
      expect(res.body.data.id).toBe(ownerId);
      expect(res.body.context).toEqual({ principalId: id, principalType: 'api_key', organizationId: t.organizationId });
    }
  });

  test('a malformed key, a well-formed unknown key and a wrong secret are the same 401', async () => {
    const { secret } = await create(t.token, {});
    const wrongSecret = secret.slice(0, -1) + (secret.endsWith('A') ? 'B' : 'A');
    const unknown = `mk_${'0'.repeat(32)}_${'A'.repeat(43)}`;
    const errors: unknown[] = [];
    for (const candidate of ['mk_garbage', 'mk_', unknown, wrongSecret]) {
      for (const headers of [{ authorization: `Bearer ${candidate}` }, { 'x-api-key': candidate }] as Record<string, string>[]) {
        const res = await t.http.get('/api/v1/me', { token: null, headers }).expectResponse(401, 'UNAUTHENTICATED');
        expect(res.body.data).toBeNull();
        expect(res.body.context).toEqual({ principalId: null, principalType: null, organizationId: null });
        errors.push(res.body.error);
      }
    }
    // Anything in X-API-Key is taken as a key, and refused the same way.
    const junk = await t.http
      .get('/api/v1/me', { token: null, headers: { 'x-api-key': 'not-a-key-at-all' } })
      .expectResponse(401, 'UNAUTHENTICATED');
    errors.push(junk.body.error);
    for (const e of errors) expect(e).toEqual(errors[0]);
    expect(errors[0]).toEqual({ code: 'UNAUTHENTICATED', message: 'The API key is not valid' });
    // The genuine key still works.
    expect(await meStatus(secret)).toBe(200);
  });

  test('the key never reaches the logs', async () => {
    const { secret } = await create(t.token, {});
    await t.http.get('/api/v1/me', { token: null, headers: { 'x-api-key': secret } });
    await t.http.get('/api/v1/me', { token: secret });
    await new Promise((r) => setTimeout(r, 100));
    expect(t.output()).not.toContain(secretPart(secret));
  });
});

describe('both credentials at once: Authorization is the one judged, X-API-Key is ignored', () => {
  // A generated client configured with both schemes sends both headers on every request.
  const me = (headers: Record<string, string>) => t.http.get('/api/v1/me', { token: null, headers });

  test('an access token beside a valid key acts as the user, not the key', async () => {
    const { secret } = await create(t.token, {});
    const res = await me({ authorization: `Bearer ${t.token}`, 'x-api-key': secret }).expectResponse(200);
    expect(res.body.context).toMatchObject({ principalId: ownerId, principalType: 'user' });
  });

  test('an access token beside a garbage key is served (the key is not looked at)', async () => {
    for (const junk of ['not-a-key-at-all', `mk_${'0'.repeat(32)}_${'A'.repeat(43)}`]) {
      const res = await me({ authorization: `Bearer ${t.token}`, 'x-api-key': junk }).expectResponse(200);
      expect(res.body.context.principalType).toBe('user');
    }
  });

  test('a key in Authorization beside another key in X-API-Key acts as the Authorization key', async () => {
    const first = await create(t.token, {});
    const second = await create(t.token, {});
    const res = await me({ authorization: `Bearer ${first.secret}`, 'x-api-key': second.secret }).expectResponse(200);
    expect(res.body.context).toEqual({ principalId: first.id, principalType: 'api_key', organizationId: t.organizationId });
    // lastUsedAt is written after the answer: give it time, then the ignored key is still unused.
    await new Promise((r) => setTimeout(r, 500));
    expect((await getKey(second.id)).lastUsedAt).toBeNull();
  });

  test('a bad Authorization beside a valid key is 401 for the Authorization credential: no fall-through to the key', async () => {
    const { id, secret } = await create(t.token, {});
    const [header, payload, signature] = t.token.split('.');
    const tampered = `${header}.${payload}.${signature.slice(0, 10)}${signature[10] === 'A' ? 'B' : 'A'}${signature.slice(11)}`;
    const cases: [Record<string, string>, string][] = [
      [{ authorization: 'Bearer not.a.jwt' }, 'The access token is not valid'],
      [{ authorization: `Bearer ${tampered}` }, 'The access token is not valid'],
      [{ authorization: `Basic ${Buffer.from('a:b').toString('base64')}` }, 'The access token is not valid'],
      [{ authorization: 'Bearer mk_garbage' }, 'The API key is not valid'],
    ];
    for (const [headers, message] of cases) {
      const res = await me({ ...headers, 'x-api-key': secret }).expectResponse(401, 'UNAUTHENTICATED');
      expect(res.body.error.message).toBe(message);
    }
    // The key itself was never used (lastUsedAt is written after the answer: give it time).
    await new Promise((r) => setTimeout(r, 500));
    expect((await getKey(id)).lastUsedAt).toBeNull();
  });
});

describe('status: disabled, revoked, expired', () => {
  test('a disabled key is 401 from the next request on, and says so', async () => {
    const { id, secret } = await create(t.token, {});
    expect(await meStatus(secret)).toBe(200);
    const res = await t.http.post('/api/v1/api-keys/{id}/disable', { params: { id } }).expectResponse(200);
    expect(res.body.data.status).toBe('disabled');
    expect(await meStatus(secret)).toBe(401);
    expect((await getKey(id)).status).toBe('disabled');
    const listed = await t.http.get('/api/v1/api-keys', { query: { status: 'disabled', pageSize: 100 } }).expectResponse(200);
    expect(listed.body.data.map((k: { id: string }) => k.id)).toContain(id);
  });

  test('a revoked key is 401 from the next request on, and stays listed as revoked', async () => {
    const { id, secret } = await create(t.token, {});
    expect(await meStatus(secret)).toBe(200);
    await t.http.delete('/api/v1/api-keys/{id}', { params: { id } }).expect(204);
    expect(await meStatus(secret)).toBe(401);
    expect((await getKey(id)).status).toBe('revoked');
    const listed = await t.http.get('/api/v1/api-keys', { query: { status: 'revoked', pageSize: 100 } }).expectResponse(200);
    expect(listed.body.data.map((k: { id: string }) => k.id)).toContain(id);
    // Disabling a revoked key does not bring it back to another state.
    const disabled = await t.http.post('/api/v1/api-keys/{id}/disable', { params: { id } }).expectResponse(200);
    expect(disabled.body.data.status).toBe('revoked');
  });

  test('an expired key is 401, and says so', async () => {
    const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
    const { id, secret, res } = await create(t.token, { expiresAt });
    expect(res.body.data.apiKey.expiresAt).toBe(expiresAt);
    expect(await meStatus(secret)).toBe(200);
    await t.sql("UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE id = $1", [id]);
    expect(await meStatus(secret)).toBe(401);
    expect((await getKey(id)).status).toBe('expired');
    const listed = await t.http.get('/api/v1/api-keys', { query: { status: 'expired', pageSize: 100 } }).expectResponse(200);
    expect(listed.body.data.map((k: { id: string }) => k.id)).toContain(id);
    const active = await t.http.get('/api/v1/api-keys', { query: { status: 'active', pageSize: 100 } }).expectResponse(200);
    expect(active.body.data.map((k: { id: string }) => k.id)).not.toContain(id);
  });

  test('a key expires on its own at expiresAt', async () => {
    const expiresAt = Date.now() + 2_000;
    const { id, secret } = await create(t.token, { expiresAt: new Date(expiresAt).toISOString() });
    expect(await meStatus(secret)).toBe(200);
    await new Promise((r) => setTimeout(r, expiresAt + 100 - Date.now()));
    expect(await meStatus(secret)).toBe(401);
    expect((await getKey(id)).status).toBe('expired');
  });

  test('a key whose user is disabled is 401', async () => {
    const member = await addMember(t, t.token, [await createRole(t, t.token, `Minter ${suffix()}`, ['api_key.create', 'team.read'])]);
    const { secret } = await create(member.accessToken, {});
    expect(await meStatus(secret)).toBe(200);
    await t.sql("UPDATE users SET status = 'disabled' WHERE id = $1", [member.userId]);
    expect(await meStatus(secret)).toBe(401);
  });

  test("another organization's key is 404 on get, disable and revoke", async () => {
    const other = await otherOrganization(t, t.token);
    const foreign = await mintApiKey(t, other.owner.accessToken, {});
    await t.http.get('/api/v1/api-keys/{id}', { params: { id: foreign.id } }).expect(404, 'NOT_FOUND');
    await t.http.post('/api/v1/api-keys/{id}/disable', { params: { id: foreign.id } }).expect(404, 'NOT_FOUND');
    await t.http.delete('/api/v1/api-keys/{id}', { params: { id: foreign.id } }).expect(404, 'NOT_FOUND');
    expect(await meStatus(foreign.secret)).toBe(200);
  });
});

describe('permissions', () => {
  test('a key limited to team.read may list teams (200) but not roles (403)', async () => {
    const { secret } = await create(t.token, { permissions: ['team.read'] });
    await teams(secret).expect(200);
    await t.http.get('/api/v1/roles', { token: secret }).expect(403, 'FORBIDDEN');
    await t.http.get('/api/v1/api-keys', { token: secret }).expect(403, 'FORBIDDEN');
  });

  test('minting a key with a permission the creator lacks is 403 naming it', async () => {
    const member = await addMember(t, t.token, [await createRole(t, t.token, `Minter ${suffix()}`, ['api_key.create', 'team.read'])]);
    const res = await t.http
      .post('/api/v1/api-keys', {
        body: { name: `greedy-${suffix()}`, permissions: ['team.read', 'role.read'] },
        token: member.accessToken,
      })
      .expectResponse(403, 'FORBIDDEN');
    expect(res.body.error.details).toEqual({ missing: ['role.read'] });
    const [{ n }] = await t.sql<{ n: string }>('SELECT count(*) AS n FROM api_keys WHERE created_by = $1', [member.userId]);
    expect(Number(n)).toBe(0);
  });

  test('a key never outgrows its creator: when the creator loses a role, so does the key, on its next request', async () => {
    const roleId = await createRole(t, t.token, `Team keys ${suffix()}`, ['api_key.create', 'team.read']);
    const member = await addMember(t, t.token, [roleId]);
    // Unlimited: all of the creator's permissions, as they change.
    const { secret, res } = await create(member.accessToken, {});
    expect(res.body.data.apiKey.permissions).toBeNull();
    await teams(secret).expect(200);
    const limited = await create(member.accessToken, { permissions: ['team.read'] });
    await teams(limited.secret).expect(200);

    const grants = await t.http.get('/api/v1/user-roles', { query: { userId: member.userId } }).expectResponse(200);
    const grantId = grants.body.data.find((g: { roleId: string }) => g.roleId === roleId).id;
    await t.http.delete('/api/v1/user-roles/{id}', { params: { id: grantId } }).expect(204);
    await teams(secret).expect(403, 'FORBIDDEN');
    await teams(limited.secret).expect(403, 'FORBIDDEN');
    const mine = await t.http.get('/api/v1/me/permissions', { token: secret }).expectResponse(200);
    expect(mine.body.data.permissions).toEqual([]);

    // And it follows the creator back.
    await t.http.post('/api/v1/user-roles', { body: { userId: member.userId, roleId } }).expect(201);
    await teams(secret).expect(200);
  });

  test('a key minted by a limited key inherits the limit, and cannot widen it', async () => {
    const parent = await create(t.token, { permissions: ['api_key.create', 'team.read'] });
    const child = await create(parent.secret, {});
    expect(child.res.body.data.apiKey).toMatchObject({ permissions: ['api_key.create', 'team.read'], createdBy: ownerId });
    await teams(child.secret).expect(200);
    await t.http.get('/api/v1/roles', { token: child.secret }).expect(403, 'FORBIDDEN');
    const narrower = await create(parent.secret, { permissions: ['team.read'] });
    expect(narrower.res.body.data.apiKey.permissions).toEqual(['team.read']);
    const wider = await t.http
      .post('/api/v1/api-keys', { body: { name: `wider-${suffix()}`, permissions: ['team.read', 'role.read'] }, token: parent.secret })
      .expectResponse(403, 'FORBIDDEN');
    expect(wider.body.error.details).toEqual({ missing: ['role.read'] });
  });

  test('a member with no permission gets 403 on every API key route', async () => {
    const nobody = await addMember(t, t.token, []);
    const { id } = await create(t.token, {});
    const routes = Object.entries(spec.paths).flatMap(([path, item]) =>
      Object.entries(item as Record<string, { 'x-permission'?: string }>)
        .filter(([, op]) => path.startsWith('/api/v1/api-keys') && op['x-permission'])
        .map(([method]) => ({ method: method.toUpperCase(), path })),
    );
    expect(routes).toHaveLength(5);
    for (const { method, path } of routes) {
      await t.http
        .request(method as Method, path, {
          params: path.includes('{id}') ? { id } : {},
          body: method === 'POST' && !path.includes('{id}') ? { name: 'nope' } : undefined,
          token: nobody.accessToken,
        })
        .expect(403, 'FORBIDDEN');
    }
    expect((await getKey(id)).status).toBe('active');
  });
});

describe('organizations', () => {
  let other: { organizationId: string; owner: Member };
  beforeAll(async () => {
    // The server owner creates it, so is a member (and owner) there too.
    other = await otherOrganization(t, t.token);
  });

  test('a key cannot act in another organization via x-workspace-id (403), even one its creator belongs to', async () => {
    const { secret } = await create(t.token, {});
    await t.http
      .get('/api/v1/organizations/{id}', { params: { id: other.organizationId }, token: secret, workspace: other.organizationId })
      .expect(403, 'FORBIDDEN');
    await t.http
      .get('/api/v1/organizations/{id}/teams', {
        params: { id: other.organizationId },
        token: null,
        headers: { 'x-api-key': secret },
        workspace: other.organizationId,
      })
      .expect(403, 'FORBIDDEN');
    // Naming its own organization is fine.
    await t.http
      .get('/api/v1/organizations/{id}', { params: { id: t.organizationId }, token: secret, workspace: t.organizationId })
      .expect(200);
  });

  test('a user acts in another organization they belong to via x-workspace-id (200); elsewhere it is 403', async () => {
    const res = await t.http
      .get('/api/v1/organizations/{id}', { params: { id: other.organizationId }, workspace: other.organizationId })
      .expectResponse(200);
    expect(res.body.data.id).toBe(other.organizationId);
    expect(res.body.context).toMatchObject({ principalType: 'user', principalId: ownerId, organizationId: other.organizationId });
    // The other organization's owner is not a member of the server owner's organization.
    await t.http
      .get('/api/v1/organizations/{id}', { params: { id: t.organizationId }, token: other.owner.accessToken, workspace: t.organizationId })
      .expect(403, 'FORBIDDEN');
    await t.http.get('/api/v1/organizations/{id}', { params: { id: t.organizationId }, workspace: 'not-an-id' }).expect(403, 'FORBIDDEN');
  });

  test('a key minted in another organization acts there, and only there', async () => {
    const minted = await t.http
      .post('/api/v1/api-keys', {
        body: { name: `there-${suffix()}`, permissions: ['team.read'] },
        workspace: other.organizationId,
      })
      .expectResponse(201);
    const secret = minted.body.data.secret;
    const there = await t.http
      .get('/api/v1/organizations/{id}/teams', { params: { id: other.organizationId }, token: secret })
      .expectResponse(200);
    expect(there.body.context.organizationId).toBe(other.organizationId);
    await t.http.get('/api/v1/organizations/{id}/teams', { params: { id: t.organizationId }, token: secret }).expect(404, 'NOT_FOUND');
  });
});

describe('use and audit', () => {
  test('lastUsedAt is set after the key is used', async () => {
    const { id, secret } = await create(t.token, {});
    expect((await getKey(id)).lastUsedAt).toBeNull();
    const before = Date.now();
    expect(await meStatus(secret)).toBe(200);
    let lastUsedAt: string | null = null;
    for (let i = 0; i < 20 && !lastUsedAt; i++) {
      lastUsedAt = (await getKey(id)).lastUsedAt;
      if (!lastUsedAt) await new Promise((r) => setTimeout(r, 100));
    }
    expect(lastUsedAt).not.toBeNull();
    expect(Date.parse(lastUsedAt!)).toBeGreaterThanOrEqual(before - 1_000);
    expect(Date.parse(lastUsedAt!)).toBeLessThanOrEqual(Date.now() + 1_000);
  });

  test('create, disable and revoke are audited, and no audit entry holds the secret', async () => {
    const { id, secret } = await create(t.token, { permissions: ['team.read'] });
    // Used once, to show a key's own actions are attributed to it.
    await teams(secret).expect(200);
    await t.http.post('/api/v1/api-keys/{id}/disable', { params: { id } }).expect(200);
    await t.http.delete('/api/v1/api-keys/{id}', { params: { id } }).expect(204);

    const res = await t.http.get('/api/v1/audit-events', { query: { resource: `api_key:${id}` } }).expectResponse(200);
    const events = res.body.data as {
      action: string;
      outcome: string;
      actorId: string;
      actorType: string;
      resourceId: string;
      details: Record<string, unknown>;
    }[];
    expect(events.map((e) => e.action).sort()).toEqual(['api_key.create', 'api_key.disable', 'api_key.revoke']);
    for (const e of events) expect(e).toMatchObject({ outcome: 'success', actorType: 'user', actorId: ownerId, resourceId: id });
    expect(events.find((e) => e.action === 'api_key.create')!.details).toMatchObject({ permissions: ['team.read'] });
    expect(res.text).not.toContain(secretPart(secret));

    const everything = await t.http.get('/api/v1/audit-events', { query: { action: 'api_key.*', limit: 200 } }).expectResponse(200);
    expect(everything.text).not.toContain(secretPart(secret));
    const rows = await t.sql<{ details: string; whole: string }>(
      'SELECT details::text AS details, row_to_json(a)::text AS whole FROM audit_events a',
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.details).not.toContain(secretPart(secret));
      expect(row.whole).not.toContain(secretPart(secret));
    }
  });

  test('a refused mint is audited as denied, without the key material', async () => {
    const member = await addMember(t, t.token, [await createRole(t, t.token, `Minter ${suffix()}`, ['api_key.create'])]);
    await t.http
      .post('/api/v1/api-keys', { body: { name: `denied-${suffix()}`, permissions: ['audit.read'] }, token: member.accessToken })
      .expect(403, 'FORBIDDEN');
    const audit = await t.http
      .get('/api/v1/audit-events', { query: { action: 'api_key.create', actor: member.userId } })
      .expectResponse(200);
    expect(audit.body.data).toEqual([expect.objectContaining({ outcome: 'denied', details: { status: 403, code: 'FORBIDDEN' } })]);
  });
});
