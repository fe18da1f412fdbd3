import { createHash, randomBytes } from 'node:crypto';
import { expectMatchesContract, expectResponse, raw, type RawResponse, spec } from '../support/contract.js';
import { addMember, createRole, type Member, mintApiKey, otherOrganization } from '../support/fixtures.js';
import { startServer, type TestServer } from '../support/server.js';

/**
 * API keys end to end: minted once, stored only as a SHA-256, accepted as a bearer token or in
 * X-API-Key, refused alike whatever is wrong with them, limited to a subset of their creator's
 * permissions (and never more than the creator holds now), bound to one organization, audited
 * without their secret. Every body from a documented operation is checked against the contract.
 */

let t: TestServer;
let ownerToken: string;
let ownerId: string;
let orgId: string;

beforeAll(async () => {
  t = await startServer();
  ownerToken = (await t.login()).accessToken;
  const me = await call(ownerToken, 'GET', '/api/v1/me/permissions');
  ownerId = me.body.data.principalId;
  orgId = me.body.data.organizationId;
});
afterAll(async () => {
  await t?.close();
});

function call(
  token: string | null,
  method: string,
  path: string,
  json?: unknown,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  return raw(t.baseUrl, path, { method, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers }, json });
}

const KEY_FORMAT = /^mk_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;
const secretPart = (key: string) => KEY_FORMAT.exec(key)![2];
const suffix = () => randomBytes(3).toString('hex');

async function create(
  token: string,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<{ id: string; secret: string; res: RawResponse }> {
  const res = expectResponse(
    await call(token, 'POST', '/api/v1/api-keys', { name: `key-${suffix()}`, ...body }, headers),
    'POST',
    '/api/v1/api-keys',
    201,
  );
  return { id: res.body.data.apiKey.id, secret: res.body.data.secret, res };
}

async function getKey(
  id: string,
): Promise<{ status: string; lastUsedAt: string | null; permissions: string[] | null; [k: string]: unknown }> {
  return expectResponse(await call(ownerToken, 'GET', `/api/v1/api-keys/${id}`), 'GET', '/api/v1/api-keys/{id}', 200).body.data;
}

const teams = (key: string, headers: Record<string, string> = {}) =>
  call(key, 'GET', `/api/v1/organizations/${orgId}/teams`, undefined, headers);
const meStatus = async (key: string) => {
  const res = await call(key, 'GET', '/api/v1/me');
  expectMatchesContract('GET', '/api/v1/me', res.status, res.body);
  return res.status;
};

describe('minting', () => {
  test('returns the key once, as mk_<32 hex>_<43 chars>, whose hex is the key id', async () => {
    const { id, secret, res } = await create(ownerToken, { name: `ci-${suffix()}`, permissions: ['team.read'] });
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
    const { id, secret } = await create(ownerToken, {});
    const digest = createHash('sha256').update(secretPart(secret)).digest();
    const list = expectResponse(await call(ownerToken, 'GET', '/api/v1/api-keys?pageSize=100'), 'GET', '/api/v1/api-keys', 200);
    const one = expectResponse(await call(ownerToken, 'GET', `/api/v1/api-keys/${id}`), 'GET', '/api/v1/api-keys/{id}', 200);
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
    const { id, secret } = await create(ownerToken, {});
    const [row] = await t.sql<{ secret_hash: Buffer }>('SELECT secret_hash FROM api_keys WHERE id = $1', [id]);
    expect(row.secret_hash).toHaveLength(32);
    expect(row.secret_hash.equals(createHash('sha256').update(secretPart(secret)).digest())).toBe(true);
    const [whole] = await t.sql<{ text: string }>('SELECT row_to_json(k)::text AS text FROM api_keys k WHERE id = $1', [id]);
    expect(whole.text).not.toContain(secretPart(secret));
  });

  test('expiresAt in the past is 400; a duplicate name for the same creator is 409', async () => {
    const past = await call(ownerToken, 'POST', '/api/v1/api-keys', {
      name: `old-${suffix()}`,
      expiresAt: new Date(Date.now() - 60_000).toISOString(),
    });
    expectResponse(past, 'POST', '/api/v1/api-keys', 400, 'VALIDATION_FAILED');
    expect(past.body.error.validationErrors).toEqual([expect.objectContaining({ field: 'expiresAt' })]);
    const name = `twin-${suffix()}`;
    await create(ownerToken, { name });
    expectResponse(await call(ownerToken, 'POST', '/api/v1/api-keys', { name }), 'POST', '/api/v1/api-keys', 409, 'CONFLICT');
    const unknown = await call(ownerToken, 'POST', '/api/v1/api-keys', { name: `typo-${suffix()}`, permissions: ['team.raed'] });
    expectResponse(unknown, 'POST', '/api/v1/api-keys', 400, 'VALIDATION_FAILED');
    expect(unknown.body.error.validationErrors).toEqual([expect.objectContaining({ field: 'permissions[0]', code: 'UNKNOWN_PERMISSION' })]);
  });
});

describe('authentication', () => {
  test('as Authorization: Bearer and as X-API-Key, with principalType api_key in the envelope', async () => {
    const { id, secret } = await create(ownerToken, {});
    for (const headers of [{ authorization: `Bearer ${secret}` }, { 'x-api-key': secret }] as Record<string, string>[]) {
      const res = await raw(t.baseUrl, '/api/v1/me', { headers });
      expectResponse(res, 'GET', '/api/v1/me', 200);
      expect(res.body.data.id).toBe(ownerId);
      expect(res.body.context).toEqual({ principalId: id, principalType: 'api_key', organizationId: orgId });
    }
  });

  test('a malformed key, a well-formed unknown key and a wrong secret are the same 401', async () => {
    const { secret } = await create(ownerToken, {});
    const wrongSecret = secret.slice(0, -1) + (secret.endsWith('A') ? 'B' : 'A');
    const unknown = `mk_${'0'.repeat(32)}_${'A'.repeat(43)}`;
    const errors: unknown[] = [];
    for (const candidate of ['mk_garbage', 'mk_', unknown, wrongSecret]) {
      for (const headers of [{ authorization: `Bearer ${candidate}` }, { 'x-api-key': candidate }] as Record<string, string>[]) {
        const res = await raw(t.baseUrl, '/api/v1/me', { headers });
        expectResponse(res, 'GET', '/api/v1/me', 401, 'UNAUTHENTICATED');
        expect(res.body.data).toBeNull();
        expect(res.body.context).toEqual({ principalId: null, principalType: null, organizationId: null });
        errors.push(res.body.error);
      }
    }
    // Anything in X-API-Key is taken as a key, and refused the same way.
    const junk = await raw(t.baseUrl, '/api/v1/me', { headers: { 'x-api-key': 'not-a-key-at-all' } });
    expectResponse(junk, 'GET', '/api/v1/me', 401, 'UNAUTHENTICATED');
    errors.push(junk.body.error);
    for (const e of errors) expect(e).toEqual(errors[0]);
    expect(errors[0]).toEqual({ code: 'UNAUTHENTICATED', message: 'The API key is not valid' });
    // The genuine key still works.
    expect(await meStatus(secret)).toBe(200);
  });

  test('the key never reaches the logs', async () => {
    const { secret } = await create(ownerToken, {});
    await raw(t.baseUrl, '/api/v1/me', { headers: { 'x-api-key': secret } });
    await raw(t.baseUrl, '/api/v1/me', { headers: { authorization: `Bearer ${secret}` } });
    await new Promise((r) => setTimeout(r, 100));
    expect(t.output()).not.toContain(secretPart(secret));
  });
});

describe('both credentials at once: Authorization is the one judged, X-API-Key is ignored', () => {
  // A generated client configured with both schemes sends both headers on every request.
  const me = (headers: Record<string, string>) => raw(t.baseUrl, '/api/v1/me', { headers });

  test('an access token beside a valid key acts as the user, not the key', async () => {
    const { secret } = await create(ownerToken, {});
    const res = expectResponse(await me({ authorization: `Bearer ${ownerToken}`, 'x-api-key': secret }), 'GET', '/api/v1/me', 200);
    expect(res.body.context).toMatchObject({ principalId: ownerId, principalType: 'user' });
  });

  test('an access token beside a garbage key is served (the key is not looked at)', async () => {
    for (const junk of ['not-a-key-at-all', `mk_${'0'.repeat(32)}_${'A'.repeat(43)}`]) {
      const res = expectResponse(await me({ authorization: `Bearer ${ownerToken}`, 'x-api-key': junk }), 'GET', '/api/v1/me', 200);
      expect(res.body.context.principalType).toBe('user');
    }
  });

  test('a key in Authorization beside another key in X-API-Key acts as the Authorization key', async () => {
    const first = await create(ownerToken, {});
    const second = await create(ownerToken, {});
    const res = expectResponse(await me({ authorization: `Bearer ${first.secret}`, 'x-api-key': second.secret }), 'GET', '/api/v1/me', 200);
    expect(res.body.context).toEqual({ principalId: first.id, principalType: 'api_key', organizationId: orgId });
    // lastUsedAt is written after the answer: give it time, then the ignored key is still unused.
    await new Promise((r) => setTimeout(r, 500));
    expect((await getKey(second.id)).lastUsedAt).toBeNull();
  });

  test('a bad Authorization beside a valid key is 401 for the Authorization credential: no fall-through to the key', async () => {
    const { id, secret } = await create(ownerToken, {});
    const [header, payload, signature] = ownerToken.split('.');
    const tampered = `${header}.${payload}.${signature.slice(0, 10)}${signature[10] === 'A' ? 'B' : 'A'}${signature.slice(11)}`;
    const cases: [Record<string, string>, string][] = [
      [{ authorization: 'Bearer not.a.jwt' }, 'The access token is not valid'],
      [{ authorization: `Bearer ${tampered}` }, 'The access token is not valid'],
      [{ authorization: `Basic ${Buffer.from('a:b').toString('base64')}` }, 'The access token is not valid'],
      [{ authorization: 'Bearer mk_garbage' }, 'The API key is not valid'],
    ];
    for (const [headers, message] of cases) {
      const res = expectResponse(await me({ ...headers, 'x-api-key': secret }), 'GET', '/api/v1/me', 401, 'UNAUTHENTICATED');
      expect(res.body.error.message).toBe(message);
    }
    // The key itself was never used (lastUsedAt is written after the answer: give it time).
    await new Promise((r) => setTimeout(r, 500));
    expect((await getKey(id)).lastUsedAt).toBeNull();
  });
});

describe('status: disabled, revoked, expired', () => {
  test('a disabled key is 401 from the next request on, and says so', async () => {
    const { id, secret } = await create(ownerToken, {});
    expect(await meStatus(secret)).toBe(200);
    const res = await call(ownerToken, 'POST', `/api/v1/api-keys/${id}/disable`);
    expectResponse(res, 'POST', '/api/v1/api-keys/{id}/disable', 200);
    expect(res.body.data.status).toBe('disabled');
    expect(await meStatus(secret)).toBe(401);
    expect((await getKey(id)).status).toBe('disabled');
    const listed = expectResponse(
      await call(ownerToken, 'GET', '/api/v1/api-keys?status=disabled&pageSize=100'),
      'GET',
      '/api/v1/api-keys',
      200,
    );
    expect(listed.body.data.map((k: { id: string }) => k.id)).toContain(id);
  });

  test('a revoked key is 401 from the next request on, and stays listed as revoked', async () => {
    const { id, secret } = await create(ownerToken, {});
    expect(await meStatus(secret)).toBe(200);
    expectResponse(await call(ownerToken, 'DELETE', `/api/v1/api-keys/${id}`), 'DELETE', '/api/v1/api-keys/{id}', 204);
    expect(await meStatus(secret)).toBe(401);
    expect((await getKey(id)).status).toBe('revoked');
    const listed = expectResponse(
      await call(ownerToken, 'GET', '/api/v1/api-keys?status=revoked&pageSize=100'),
      'GET',
      '/api/v1/api-keys',
      200,
    );
    expect(listed.body.data.map((k: { id: string }) => k.id)).toContain(id);
    // Disabling a revoked key does not bring it back to another state.
    const disabled = expectResponse(
      await call(ownerToken, 'POST', `/api/v1/api-keys/${id}/disable`),
      'POST',
      '/api/v1/api-keys/{id}/disable',
      200,
    );
    expect(disabled.body.data.status).toBe('revoked');
  });

  test('an expired key is 401, and says so', async () => {
    const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
    const { id, secret, res } = await create(ownerToken, { expiresAt });
    expect(res.body.data.apiKey.expiresAt).toBe(expiresAt);
    expect(await meStatus(secret)).toBe(200);
    await t.sql("UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE id = $1", [id]);
    expect(await meStatus(secret)).toBe(401);
    expect((await getKey(id)).status).toBe('expired');
    const listed = expectResponse(
      await call(ownerToken, 'GET', '/api/v1/api-keys?status=expired&pageSize=100'),
      'GET',
      '/api/v1/api-keys',
      200,
    );
    expect(listed.body.data.map((k: { id: string }) => k.id)).toContain(id);
    const active = expectResponse(
      await call(ownerToken, 'GET', '/api/v1/api-keys?status=active&pageSize=100'),
      'GET',
      '/api/v1/api-keys',
      200,
    );
    expect(active.body.data.map((k: { id: string }) => k.id)).not.toContain(id);
  });

  test('a key expires on its own at expiresAt', async () => {
    const expiresAt = Date.now() + 2_000;
    const { id, secret } = await create(ownerToken, { expiresAt: new Date(expiresAt).toISOString() });
    expect(await meStatus(secret)).toBe(200);
    await new Promise((r) => setTimeout(r, expiresAt + 100 - Date.now()));
    expect(await meStatus(secret)).toBe(401);
    expect((await getKey(id)).status).toBe('expired');
  });

  test('a key whose user is disabled is 401', async () => {
    const member = await addMember(t, ownerToken, [await createRole(t, ownerToken, `Minter ${suffix()}`, ['api_key.create', 'team.read'])]);
    const { secret } = await create(member.accessToken, {});
    expect(await meStatus(secret)).toBe(200);
    await t.sql("UPDATE users SET status = 'disabled' WHERE id = $1", [member.userId]);
    expect(await meStatus(secret)).toBe(401);
  });

  test("another organization's key is 404 on get, disable and revoke", async () => {
    const other = await otherOrganization(t, ownerToken);
    const foreign = await mintApiKey(t, other.owner.accessToken, {});
    expectResponse(await call(ownerToken, 'GET', `/api/v1/api-keys/${foreign.id}`), 'GET', '/api/v1/api-keys/{id}', 404, 'NOT_FOUND');
    expectResponse(
      await call(ownerToken, 'POST', `/api/v1/api-keys/${foreign.id}/disable`),
      'POST',
      '/api/v1/api-keys/{id}/disable',
      404,
      'NOT_FOUND',
    );
    expectResponse(await call(ownerToken, 'DELETE', `/api/v1/api-keys/${foreign.id}`), 'DELETE', '/api/v1/api-keys/{id}', 404, 'NOT_FOUND');
    expect(await meStatus(foreign.secret)).toBe(200);
  });
});

describe('permissions', () => {
  test('a key limited to team.read may list teams (200) but not roles (403)', async () => {
    const { secret } = await create(ownerToken, { permissions: ['team.read'] });
    expectResponse(await teams(secret), 'GET', '/api/v1/organizations/{id}/teams', 200);
    const roles = await call(secret, 'GET', '/api/v1/roles');
    expectResponse(roles, 'GET', '/api/v1/roles', 403, 'FORBIDDEN');
    expectResponse(await call(secret, 'GET', '/api/v1/api-keys'), 'GET', '/api/v1/api-keys', 403, 'FORBIDDEN');
  });

  test('minting a key with a permission the creator lacks is 403 naming it', async () => {
    const member = await addMember(t, ownerToken, [await createRole(t, ownerToken, `Minter ${suffix()}`, ['api_key.create', 'team.read'])]);
    const res = await call(member.accessToken, 'POST', '/api/v1/api-keys', {
      name: `greedy-${suffix()}`,
      permissions: ['team.read', 'role.read'],
    });
    expectResponse(res, 'POST', '/api/v1/api-keys', 403, 'FORBIDDEN');
    expect(res.body.error.details).toEqual({ missing: ['role.read'] });
    const [{ n }] = await t.sql<{ n: string }>('SELECT count(*) AS n FROM api_keys WHERE created_by = $1', [member.userId]);
    expect(Number(n)).toBe(0);
  });

  test('a key never outgrows its creator: when the creator loses a role, so does the key, on its next request', async () => {
    const roleId = await createRole(t, ownerToken, `Team keys ${suffix()}`, ['api_key.create', 'team.read']);
    const member = await addMember(t, ownerToken, [roleId]);
    // Unlimited: all of the creator's permissions, as they change.
    const { secret, res } = await create(member.accessToken, {});
    expect(res.body.data.apiKey.permissions).toBeNull();
    expectResponse(await teams(secret), 'GET', '/api/v1/organizations/{id}/teams', 200);
    const limited = await create(member.accessToken, { permissions: ['team.read'] });
    expectResponse(await teams(limited.secret), 'GET', '/api/v1/organizations/{id}/teams', 200);

    const grants = await call(ownerToken, 'GET', `/api/v1/user-roles?userId=${member.userId}`);
    const grantId = grants.body.data.find((g: { roleId: string }) => g.roleId === roleId).id;
    expectResponse(await call(ownerToken, 'DELETE', `/api/v1/user-roles/${grantId}`), 'DELETE', '/api/v1/user-roles/{id}', 204);
    expectResponse(await teams(secret), 'GET', '/api/v1/organizations/{id}/teams', 403, 'FORBIDDEN');
    expectResponse(await teams(limited.secret), 'GET', '/api/v1/organizations/{id}/teams', 403, 'FORBIDDEN');
    const mine = expectResponse(await call(secret, 'GET', '/api/v1/me/permissions'), 'GET', '/api/v1/me/permissions', 200);
    expect(mine.body.data.permissions).toEqual([]);

    // And it follows the creator back.
    const regrant = await call(ownerToken, 'POST', '/api/v1/user-roles', { userId: member.userId, roleId });
    expectResponse(regrant, 'POST', '/api/v1/user-roles', 201);
    expectResponse(await teams(secret), 'GET', '/api/v1/organizations/{id}/teams', 200);
  });

  test('a key minted by a limited key inherits the limit, and cannot widen it', async () => {
    const parent = await create(ownerToken, { permissions: ['api_key.create', 'team.read'] });
    const child = await create(parent.secret, {});
    expect(child.res.body.data.apiKey).toMatchObject({ permissions: ['api_key.create', 'team.read'], createdBy: ownerId });
    expectResponse(await teams(child.secret), 'GET', '/api/v1/organizations/{id}/teams', 200);
    expectResponse(await call(child.secret, 'GET', '/api/v1/roles'), 'GET', '/api/v1/roles', 403, 'FORBIDDEN');
    const narrower = await create(parent.secret, { permissions: ['team.read'] });
    expect(narrower.res.body.data.apiKey.permissions).toEqual(['team.read']);
    const wider = await call(parent.secret, 'POST', '/api/v1/api-keys', {
      name: `wider-${suffix()}`,
      permissions: ['team.read', 'role.read'],
    });
    expectResponse(wider, 'POST', '/api/v1/api-keys', 403, 'FORBIDDEN');
    expect(wider.body.error.details).toEqual({ missing: ['role.read'] });
  });

  test('a member with no permission gets 403 on every API key route', async () => {
    const nobody = await addMember(t, ownerToken, []);
    const { id } = await create(ownerToken, {});
    const routes = Object.entries(spec.paths).flatMap(([path, item]) =>
      Object.entries(item as Record<string, { 'x-permission'?: string }>)
        .filter(([, op]) => path.startsWith('/api/v1/api-keys') && op['x-permission'])
        .map(([method]) => ({ method: method.toUpperCase(), path })),
    );
    expect(routes).toHaveLength(5);
    for (const { method, path } of routes) {
      const res = await call(
        nobody.accessToken,
        method,
        path.replace('{id}', id),
        method === 'POST' && !path.includes('{id}') ? { name: 'nope' } : undefined,
      );
      expectResponse(res, method, path, 403, 'FORBIDDEN');
    }
    expect((await getKey(id)).status).toBe('active');
  });
});

describe('organizations', () => {
  let other: { organizationId: string; owner: Member };
  beforeAll(async () => {
    // The server owner creates it, so is a member (and owner) there too.
    other = await otherOrganization(t, ownerToken);
  });

  test('a key cannot act in another organization via x-workspace-id (403), even one its creator belongs to', async () => {
    const { secret } = await create(ownerToken, {});
    const res = await call(secret, 'GET', `/api/v1/organizations/${other.organizationId}`, undefined, {
      'x-workspace-id': other.organizationId,
    });
    expectResponse(res, 'GET', '/api/v1/organizations/{id}', 403, 'FORBIDDEN');
    const viaHeader = await raw(t.baseUrl, `/api/v1/organizations/${other.organizationId}/teams`, {
      headers: { 'x-api-key': secret, 'x-workspace-id': other.organizationId },
    });
    expectResponse(viaHeader, 'GET', '/api/v1/organizations/{id}/teams', 403, 'FORBIDDEN');
    // Naming its own organization is fine.
    const own = await call(secret, 'GET', `/api/v1/organizations/${orgId}`, undefined, { 'x-workspace-id': orgId });
    expectResponse(own, 'GET', '/api/v1/organizations/{id}', 200);
  });

  test('a user acts in another organization they belong to via x-workspace-id (200); elsewhere it is 403', async () => {
    const res = await call(ownerToken, 'GET', `/api/v1/organizations/${other.organizationId}`, undefined, {
      'x-workspace-id': other.organizationId,
    });
    expectResponse(res, 'GET', '/api/v1/organizations/{id}', 200);
    expect(res.body.data.id).toBe(other.organizationId);
    expect(res.body.context).toMatchObject({ principalType: 'user', principalId: ownerId, organizationId: other.organizationId });
    // The other organization's owner is not a member of the server owner's organization.
    const outsider = await call(other.owner.accessToken, 'GET', `/api/v1/organizations/${orgId}`, undefined, { 'x-workspace-id': orgId });
    expectResponse(outsider, 'GET', '/api/v1/organizations/{id}', 403, 'FORBIDDEN');
    const garbage = await call(ownerToken, 'GET', `/api/v1/organizations/${orgId}`, undefined, { 'x-workspace-id': 'not-an-id' });
    expectResponse(garbage, 'GET', '/api/v1/organizations/{id}', 403, 'FORBIDDEN');
  });

  test('a key minted in another organization acts there, and only there', async () => {
    const minted = await call(
      ownerToken,
      'POST',
      '/api/v1/api-keys',
      { name: `there-${suffix()}`, permissions: ['team.read'] },
      { 'x-workspace-id': other.organizationId },
    );
    expectResponse(minted, 'POST', '/api/v1/api-keys', 201);
    const secret = minted.body.data.secret;
    const there = await call(secret, 'GET', `/api/v1/organizations/${other.organizationId}/teams`);
    expectResponse(there, 'GET', '/api/v1/organizations/{id}/teams', 200);
    expect(there.body.context.organizationId).toBe(other.organizationId);
    const here = await call(secret, 'GET', `/api/v1/organizations/${orgId}/teams`);
    expectResponse(here, 'GET', '/api/v1/organizations/{id}/teams', 404, 'NOT_FOUND');
  });
});

describe('use and audit', () => {
  test('lastUsedAt is set after the key is used', async () => {
    const { id, secret } = await create(ownerToken, {});
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
    const { id, secret } = await create(ownerToken, { permissions: ['team.read'] });
    // Used once, to show a key's own actions are attributed to it.
    expectResponse(await call(secret, 'GET', `/api/v1/organizations/${orgId}/teams`), 'GET', '/api/v1/organizations/{id}/teams', 200);
    expectResponse(await call(ownerToken, 'POST', `/api/v1/api-keys/${id}/disable`), 'POST', '/api/v1/api-keys/{id}/disable', 200);
    expectResponse(await call(ownerToken, 'DELETE', `/api/v1/api-keys/${id}`), 'DELETE', '/api/v1/api-keys/{id}', 204);

    const res = await call(ownerToken, 'GET', `/api/v1/audit-events?resource=api_key:${id}`);
    expectResponse(res, 'GET', '/api/v1/audit-events', 200);
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

    const everything = expectResponse(
      await call(ownerToken, 'GET', '/api/v1/audit-events?action=api_key.*&limit=200'),
      'GET',
      '/api/v1/audit-events',
      200,
    );
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
    const member = await addMember(t, ownerToken, [await createRole(t, ownerToken, `Minter ${suffix()}`, ['api_key.create'])]);
    const res = await call(member.accessToken, 'POST', '/api/v1/api-keys', { name: `denied-${suffix()}`, permissions: ['audit.read'] });
    expectResponse(res, 'POST', '/api/v1/api-keys', 403, 'FORBIDDEN');
    const audit = await call(ownerToken, 'GET', `/api/v1/audit-events?action=api_key.create&actor=${member.userId}`);
    expectResponse(audit, 'GET', '/api/v1/audit-events', 200);
    expect(audit.body.data).toEqual([expect.objectContaining({ outcome: 'denied', details: { status: 403, code: 'FORBIDDEN' } })]);
  });
});
