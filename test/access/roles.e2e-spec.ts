import { randomBytes, randomUUID } from 'node:crypto';
import { expectMatchesContract, expectResponse, raw, type RawResponse, spec } from '../support/contract.js';
import { addMember, createRole, type Member, mintApiKey, otherOrganization, roleIdByKey } from '../support/fixtures.js';
import { startServer, type TestServer } from '../support/server.js';

/**
 * Access control end to end: the permission catalog, system and custom roles, grants (org-wide and
 * narrowed), the no-escalation rule, the last-owner rule, permission checks, tenant isolation and
 * the audit trail of denials. Every body received from a documented operation is checked against
 * the committed contract.
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


function call(token: string | null, method: string, path: string, json?: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  return raw(t.baseUrl, path, { method, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers }, json });
}

const suffix = () => randomBytes(3).toString('hex');

async function grant(token: string, userId: string, roleId: string, scope: { projectId?: string; environmentId?: string } = {}): Promise<string> {
  const res = expectResponse(await call(token, 'POST', '/api/v1/user-roles', { userId, roleId, ...scope }), 'POST', '/api/v1/user-roles', 201);
  return res.body.data.id as string;
}

async function grantsOf(userId: string, workspace?: string): Promise<{ id: string; roleKey: string; projectId: string | null; environmentId: string | null }[]> {
  const res = await call(ownerToken, 'GET', `/api/v1/users/${userId}/roles`, undefined, workspace ? { 'x-workspace-id': workspace } : {});
  return expectResponse(res, 'GET', '/api/v1/users/{id}/roles', 200).body.data;
}

const teamsStatus = async (token: string) => {
  const res = await call(token, 'GET', `/api/v1/organizations/${orgId}/teams`);
  expectMatchesContract('GET', '/api/v1/organizations/{id}/teams', res.status, res.body);
  return res.status;
};

async function check(token: string, body: Record<string, unknown>): Promise<RawResponse> {
  return call(token, 'POST', '/api/v1/authz/check', body);
}

const SYSTEM_ROLE_KEYS = [
  'automation_operator', 'billing', 'client_portal', 'data_admin', 'endpoint_agent', 'integration_admin',
  'msp_admin', 'ops_engineer', 'owner', 'platform_admin', 'viewer',
];

describe('the permission catalog', () => {
  test('lists every permission with its key, resource, action, description and context; cacheable with an ETag', async () => {
    const res = expectResponse(await call(ownerToken, 'GET', '/api/v1/permissions'), 'GET', '/api/v1/permissions', 200);
    const catalog = res.body.data as { key: string; resource: string; action: string; description: string; context: string; platform: boolean }[];
    expect(catalog.length).toBeGreaterThan(10);
    for (const p of catalog) {
      expect(p.key).toBe(`${p.resource}.${p.action}`);
      expect(p.description.length).toBeGreaterThan(0);
      expect(['access', 'agents', 'approvals', 'audit', 'events', 'identity', 'integrations', 'inventory', 'jobs', 'secrets', 'tenancy', 'workflows']).toContain(p.context);
      expect(p.platform).toBe(p.key.startsWith('platform.'));
    }
    expect(new Set(catalog.map((p) => p.key)).size).toBe(catalog.length);
    expect(catalog.map((p) => p.key)).toEqual(expect.arrayContaining(['role.read', 'role.edit', 'user_role.read', 'user_role.edit', 'authz.check', 'api_key.create', 'team.read']));
    expect(catalog.find((p) => p.key === 'role.edit')).toMatchObject({ resource: 'role', action: 'edit', context: 'access' });
    expect(res.headers.get('cache-control')).toBe('private, max-age=300');
    expect(res.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]+"$/);
  });

  test('answers 304 with no body to If-None-Match with its ETag, and 200 to a stale one', async () => {
    const first = await call(ownerToken, 'GET', '/api/v1/permissions');
    const etag = first.headers.get('etag')!;
    // fetch() adds "Cache-Control: no-cache" to a conditional request unless one is given, and that
    // rightly disables revalidation; send what a browser sends when it revalidates its cached copy.
    const conditional = { 'if-none-match': etag, 'cache-control': 'max-age=0' };
    const again = await call(ownerToken, 'GET', '/api/v1/permissions', undefined, conditional);
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    const stale = await call(ownerToken, 'GET', '/api/v1/permissions', undefined, { ...conditional, 'if-none-match': '"stale"' });
    expectResponse(stale, 'GET', '/api/v1/permissions', 200);
    expect(stale.body.data).toEqual(first.body.data);
  });

  test('is the same for a member with no permission, and needs authentication', async () => {
    const nobody = await addMember(t, ownerToken, []);
    const res = expectResponse(await call(nobody.accessToken, 'GET', '/api/v1/permissions'), 'GET', '/api/v1/permissions', 200);
    expect(res.body.data).toEqual((await call(ownerToken, 'GET', '/api/v1/permissions')).body.data);
    expectResponse(await call(null, 'GET', '/api/v1/permissions'), 'GET', '/api/v1/permissions', 401, 'UNAUTHENTICATED');
  });
});

describe('system roles', () => {
  let roles: { id: string; key: string; system: boolean; permissions: string[]; organizationId: string | null }[];
  let catalog: { key: string; action: string; platform: boolean }[];
  beforeAll(async () => {
    const res = await call(ownerToken, 'GET', '/api/v1/roles?system=true&pageSize=100');
    roles = expectResponse(res, 'GET', '/api/v1/roles', 200).body.data;
    catalog = (await call(ownerToken, 'GET', '/api/v1/permissions')).body.data;
  });
  const role = (key: string) => roles.find((r) => r.key === key)!;

  test('are the eleven built-in roles, shared (no organization) and marked system', () => {
    expect(roles.map((r) => r.key).sort()).toEqual(SYSTEM_ROLE_KEYS);
    for (const r of roles) {
      expect(r.system).toBe(true);
      expect(r.organizationId).toBeNull();
    }
  });

  test('viewer holds only reads, and no sensitive read', () => {
    const viewer = role('viewer');
    expect(viewer.permissions.length).toBeGreaterThan(0);
    for (const key of viewer.permissions) expect(['read', 'list']).toContain(catalog.find((p) => p.key === key)!.action);
    expect(viewer.permissions.filter((p) => ['audit.read', 'secret.read', 'api_key.read'].includes(p))).toEqual([]);
  });

  test('owner holds every tenant permission and no platform permission; platform_admin holds the platform ones', () => {
    const owner = role('owner');
    expect(owner.permissions.filter((p) => p.startsWith('platform.'))).toEqual([]);
    expect(owner.permissions).toEqual(catalog.filter((p) => !p.platform).map((p) => p.key).sort());
    expect(role('platform_admin').permissions).toEqual(expect.arrayContaining(catalog.filter((p) => p.platform).map((p) => p.key)));
  });

  test('cannot be edited or deleted (422 SYSTEM_ROLE_IMMUTABLE), and stay as they were', async () => {
    for (const key of ['viewer', 'owner']) {
      const { id, permissions } = role(key);
      const put = await call(ownerToken, 'PUT', `/api/v1/roles/${id}/permissions`, { permissions: ['team.read'] });
      expectResponse(put, 'PUT', '/api/v1/roles/{id}/permissions', 422, 'SYSTEM_ROLE_IMMUTABLE');
      const del = await call(ownerToken, 'DELETE', `/api/v1/roles/${id}`);
      expectResponse(del, 'DELETE', '/api/v1/roles/{id}', 422, 'SYSTEM_ROLE_IMMUTABLE');
      const after = expectResponse(await call(ownerToken, 'GET', `/api/v1/roles/${id}`), 'GET', '/api/v1/roles/{id}', 200);
      expect(after.body.data.permissions).toEqual(permissions);
    }
  });
});

describe('custom roles', () => {
  test('are created (201) with the key derived from the name and sorted, de-duplicated permissions', async () => {
    const name = `Release manager ${suffix()}`;
    const res = await call(ownerToken, 'POST', '/api/v1/roles', { name, description: 'Ships releases', permissions: ['team.read', 'member.read', 'team.read'] });
    expectResponse(res, 'POST', '/api/v1/roles', 201);
    expect(res.body.data).toMatchObject({
      key: name.toLowerCase().replace(/ /g, '-'),
      name,
      description: 'Ships releases',
      system: false,
      permissions: ['member.read', 'team.read'],
      organizationId: orgId,
    });
    const got = expectResponse(await call(ownerToken, 'GET', `/api/v1/roles/${res.body.data.id}`), 'GET', '/api/v1/roles/{id}', 200);
    expect(got.body.data).toEqual(res.body.data);
  });

  test('an unknown permission is 400 VALIDATION_FAILED naming permissions[i] with UNKNOWN_PERMISSION', async () => {
    const res = await call(ownerToken, 'POST', '/api/v1/roles', { name: `Typo ${suffix()}`, permissions: ['team.read', 'team.raed'] });
    expectResponse(res, 'POST', '/api/v1/roles', 400, 'VALIDATION_FAILED');
    expect(res.body.error.validationErrors).toEqual([expect.objectContaining({ field: 'permissions[1]', code: 'UNKNOWN_PERMISSION' })]);
    expect(res.text).not.toContain('"field":"permissions[0]"');
  });

  test('a duplicate key is 409, and so is the key of a system role (given or derived from the name)', async () => {
    const key = `dup-${suffix()}`;
    expectResponse(await call(ownerToken, 'POST', '/api/v1/roles', { name: 'First', key, permissions: [] }), 'POST', '/api/v1/roles', 201);
    expectResponse(await call(ownerToken, 'POST', '/api/v1/roles', { name: 'Second', key, permissions: ['team.read'] }), 'POST', '/api/v1/roles', 409, 'CONFLICT');
    expectResponse(await call(ownerToken, 'POST', '/api/v1/roles', { name: 'Mine', key: 'viewer', permissions: [] }), 'POST', '/api/v1/roles', 409, 'CONFLICT');
    expectResponse(await call(ownerToken, 'POST', '/api/v1/roles', { name: 'Owner', permissions: [] }), 'POST', '/api/v1/roles', 409, 'CONFLICT');
    const [{ n }] = await t.sql<{ n: string }>("SELECT count(*) AS n FROM roles WHERE key = 'owner'");
    expect(Number(n)).toBe(1);
  });

  test('of concurrent creations with one key, exactly one succeeds', async () => {
    const key = `race-${suffix()}`;
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => call(ownerToken, 'POST', '/api/v1/roles', { name: `Race ${i}`, key, permissions: [] })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    for (const r of results) expectMatchesContract('POST', '/api/v1/roles', r.status, r.body);
  });

  test('are listed with system=false and sort=name, with pagination', async () => {
    const tag = suffix();
    for (const name of [`Charlie ${tag}`, `Alpha ${tag}`, `Bravo ${tag}`]) await createRole(t, ownerToken, name, ['team.read']);
    const res = await call(ownerToken, 'GET', `/api/v1/roles?system=false&sort=name&q=${tag}`);
    expectResponse(res, 'GET', '/api/v1/roles', 200);
    expect(res.body.data.map((r: { name: string }) => r.name)).toEqual([`Alpha ${tag}`, `Bravo ${tag}`, `Charlie ${tag}`]);
    expect(res.body.meta.pagination).toMatchObject({ page: 1, totalItems: 3, totalPages: 1, hasNext: false });

    const all = expectResponse(await call(ownerToken, 'GET', '/api/v1/roles?system=false&sort=-name&pageSize=100'), 'GET', '/api/v1/roles', 200);
    expect(all.body.data.every((r: { system: boolean }) => !r.system)).toBe(true);
    const names = all.body.data.map((r: { name: string }) => r.name);
    expect(names.indexOf(`Charlie ${tag}`)).toBeLessThan(names.indexOf(`Alpha ${tag}`));

    const both = expectResponse(await call(ownerToken, 'GET', '/api/v1/roles?pageSize=100'), 'GET', '/api/v1/roles', 200);
    expect(both.body.data.some((r: { system: boolean }) => r.system)).toBe(true);
    expect(both.body.data.some((r: { system: boolean }) => !r.system)).toBe(true);

    expectResponse(await call(ownerToken, 'GET', '/api/v1/roles?sort=permissions'), 'GET', '/api/v1/roles', 400, 'VALIDATION_FAILED');
    expectResponse(await call(ownerToken, 'GET', '/api/v1/roles?system=maybe'), 'GET', '/api/v1/roles', 400, 'VALIDATION_FAILED');
  });

  test('their permissions are replaced (200); unknown ones are refused with 400', async () => {
    const id = await createRole(t, ownerToken, `Replace ${suffix()}`, ['team.read']);
    const before = (await call(ownerToken, 'GET', `/api/v1/roles/${id}`)).body.data;
    const res = await call(ownerToken, 'PUT', `/api/v1/roles/${id}/permissions`, { permissions: ['member.read', 'role.read'] });
    expectResponse(res, 'PUT', '/api/v1/roles/{id}/permissions', 200);
    expect(res.body.data.permissions).toEqual(['member.read', 'role.read']);
    expect(Date.parse(res.body.data.updatedAt)).toBeGreaterThanOrEqual(Date.parse(before.updatedAt));
    const bad = await call(ownerToken, 'PUT', `/api/v1/roles/${id}/permissions`, { permissions: ['nope.read'] });
    expectResponse(bad, 'PUT', '/api/v1/roles/{id}/permissions', 400, 'VALIDATION_FAILED');
    expect(bad.body.error.validationErrors).toEqual([expect.objectContaining({ field: 'permissions[0]', code: 'UNKNOWN_PERMISSION' })]);
    expect((await call(ownerToken, 'GET', `/api/v1/roles/${id}`)).body.data.permissions).toEqual(['member.read', 'role.read']);
  });

  test('are deleted (204, then 404); while granted the delete is 409', async () => {
    const id = await createRole(t, ownerToken, `Doomed ${suffix()}`, ['team.read']);
    const member = await addMember(t, ownerToken, []);
    const grantId = await grant(ownerToken, member.userId, id);
    const refused = await call(ownerToken, 'DELETE', `/api/v1/roles/${id}`);
    expectResponse(refused, 'DELETE', '/api/v1/roles/{id}', 409, 'CONFLICT');
    expect(refused.body.error.details).toEqual({ grants: 1 });
    expectResponse(await call(ownerToken, 'DELETE', `/api/v1/user-roles/${grantId}`), 'DELETE', '/api/v1/user-roles/{id}', 204);
    expectResponse(await call(ownerToken, 'DELETE', `/api/v1/roles/${id}`), 'DELETE', '/api/v1/roles/{id}', 204);
    expectResponse(await call(ownerToken, 'GET', `/api/v1/roles/${id}`), 'GET', '/api/v1/roles/{id}', 404, 'NOT_FOUND');
    expectResponse(await call(ownerToken, 'DELETE', `/api/v1/roles/${id}`), 'DELETE', '/api/v1/roles/{id}', 404, 'NOT_FOUND');
    expectResponse(await call(ownerToken, 'PUT', `/api/v1/roles/${id}/permissions`, { permissions: [] }), 'PUT', '/api/v1/roles/{id}/permissions', 404, 'NOT_FOUND');
  });

  test('a role deleted while it is being granted: one of the two wins cleanly, never a 500', async () => {
    // PRODUCT BUG: the delete counts grants, and the grant finds the role, each before the other
    // commits; the loser then hits the user_roles -> roles foreign key (SQLSTATE 23503), which is
    // not mapped, so it answers 500 INTERNAL instead of 404 (grant) or 409 (delete).
    const member = await addMember(t, ownerToken, []);
    const outcomes: string[] = [];
    for (let i = 0; i < 12; i++) {
      const id = await createRole(t, ownerToken, `Contested ${suffix()}`, ['team.read']);
      const [del, granted] = await Promise.all([
        call(ownerToken, 'DELETE', `/api/v1/roles/${id}`),
        call(ownerToken, 'POST', '/api/v1/user-roles', { userId: member.userId, roleId: id }),
      ]);
      outcomes.push(`${del.status}/${granted.status}`);
      for (const [res, template, method] of [[del, '/api/v1/roles/{id}', 'DELETE'], [granted, '/api/v1/user-roles', 'POST']] as const) {
        expectMatchesContract(method, template, res.status, res.status === 204 ? res.text : res.body);
      }
      if (granted.status === 201) {
        // The grant won: the role is still there (and the delete must have said 409).
        expectResponse(await call(ownerToken, 'GET', `/api/v1/roles/${id}`), 'GET', '/api/v1/roles/{id}', 200);
        expectResponse(await call(ownerToken, 'DELETE', `/api/v1/user-roles/${granted.body.data.id}`), 'DELETE', '/api/v1/user-roles/{id}', 204);
      }
    }
    // "delete/grant" statuses: the delete won (the grant finds no role), or the grant won (the role is in use).
    expect(outcomes.filter((o) => !['204/404', '204/409', '409/201'].includes(o))).toEqual([]);
  });

  test('a malformed role id is 400', async () => {
    expectResponse(await call(ownerToken, 'GET', '/api/v1/roles/not-a-uuid'), 'GET', '/api/v1/roles/{id}', 400);
  });
});

describe('no escalation', () => {
  let editor: Member;
  let editorRoleId: string;
  beforeAll(async () => {
    // Holds role and grant administration, but not api_key.create (nor api_key.read).
    editorRoleId = await createRole(t, ownerToken, `Access editor ${suffix()}`, ['role.read', 'role.edit', 'user_role.read', 'user_role.edit', 'team.read', 'member.read']);
    editor = await addMember(t, ownerToken, [editorRoleId]);
  });

  test('cannot create a role with a permission they lack (403 naming it in details.missing)', async () => {
    const res = await call(editor.accessToken, 'POST', '/api/v1/roles', { name: `Sneaky ${suffix()}`, permissions: ['team.read', 'api_key.create'] });
    expectResponse(res, 'POST', '/api/v1/roles', 403, 'FORBIDDEN');
    expect(res.body.error.details).toEqual({ missing: ['api_key.create'] });
    // Within what they hold it works.
    const ok = await call(editor.accessToken, 'POST', '/api/v1/roles', { name: `Modest ${suffix()}`, permissions: ['team.read'] });
    expectResponse(ok, 'POST', '/api/v1/roles', 201);
  });

  test('cannot grant the owner role, to anyone including themselves (403)', async () => {
    const ownerRole = await roleIdByKey(t, ownerToken, 'owner');
    const other = await addMember(t, ownerToken, []);
    for (const userId of [other.userId, editor.userId]) {
      const res = await call(editor.accessToken, 'POST', '/api/v1/user-roles', { userId, roleId: ownerRole });
      expectResponse(res, 'POST', '/api/v1/user-roles', 403, 'FORBIDDEN');
      expect(res.body.error.details.missing).toEqual(expect.arrayContaining(['api_key.create', 'audit.read']));
    }
    expect((await grantsOf(other.userId)).map((g) => g.roleKey)).toEqual([]);
    // A role within their permissions can be granted.
    await grant(editor.accessToken, other.userId, editorRoleId);
  });

  test('cannot add or remove, on an existing role, a permission they lack; nor delete a role holding one', async () => {
    const id = await createRole(t, ownerToken, `Keys ${suffix()}`, ['team.read', 'api_key.create']);
    const path = `/api/v1/roles/${id}/permissions`;
    const remove = await call(editor.accessToken, 'PUT', path, { permissions: ['team.read'] });
    expectResponse(remove, 'PUT', '/api/v1/roles/{id}/permissions', 403, 'FORBIDDEN');
    expect(remove.body.error.details).toEqual({ missing: ['api_key.create'] });
    const add = await call(editor.accessToken, 'PUT', path, { permissions: ['team.read', 'api_key.create', 'api_key.read'] });
    expectResponse(add, 'PUT', '/api/v1/roles/{id}/permissions', 403, 'FORBIDDEN');
    expect(add.body.error.details).toEqual({ missing: ['api_key.read'] });
    expectResponse(await call(editor.accessToken, 'DELETE', `/api/v1/roles/${id}`), 'DELETE', '/api/v1/roles/{id}', 403, 'FORBIDDEN');
    expect((await call(ownerToken, 'GET', `/api/v1/roles/${id}`)).body.data.permissions).toEqual(['api_key.create', 'team.read']);
    // Changing only what they hold is allowed, even on a role with permissions they lack.
    const fine = await call(editor.accessToken, 'PUT', path, { permissions: ['api_key.create', 'member.read'] });
    expectResponse(fine, 'PUT', '/api/v1/roles/{id}/permissions', 200);
    expect(fine.body.data.permissions).toEqual(['api_key.create', 'member.read']);
  });

  test('a refused escalation changes nothing and is audited as denied', async () => {
    const name = `Audited ${suffix()}`;
    await call(editor.accessToken, 'POST', '/api/v1/roles', { name, permissions: ['audit.read'] });
    const [{ n }] = await t.sql<{ n: string }>('SELECT count(*) AS n FROM roles WHERE name = $1', [name]);
    expect(Number(n)).toBe(0);
    const res = await call(ownerToken, 'GET', `/api/v1/audit-events?action=role.create&actor=${editor.userId}`);
    expectResponse(res, 'GET', '/api/v1/audit-events', 200);
    expect(res.body.data).toContainEqual(expect.objectContaining({ outcome: 'denied', actorId: editor.userId, details: { status: 403, code: 'FORBIDDEN' } }));
  });
});

describe('grants', () => {
  test('POST /user-roles grants (201); GET /users/{id}/roles and GET /user-roles?userId= list it; DELETE revokes (204)', async () => {
    const member = await addMember(t, ownerToken, []);
    const viewer = await roleIdByKey(t, ownerToken, 'viewer');
    const res = await call(ownerToken, 'POST', '/api/v1/user-roles', { userId: member.userId, roleId: viewer });
    expectResponse(res, 'POST', '/api/v1/user-roles', 201);
    expect(res.body.data).toMatchObject({ userId: member.userId, roleId: viewer, roleKey: 'viewer', roleName: 'Viewer', projectId: null, environmentId: null, grantedBy: `user:${ownerId}` });
    const grantId = res.body.data.id;

    expect(await grantsOf(member.userId)).toEqual([res.body.data]);
    const listed = await call(ownerToken, 'GET', `/api/v1/user-roles?userId=${member.userId}`);
    expectResponse(listed, 'GET', '/api/v1/user-roles', 200);
    expect(listed.body.data).toEqual([res.body.data]);
    expect(listed.body.meta.pagination.totalItems).toBe(1);
    const byRole = await call(ownerToken, 'GET', `/api/v1/user-roles?roleId=${viewer}&pageSize=100`);
    expectResponse(byRole, 'GET', '/api/v1/user-roles', 200);
    expect(byRole.body.data.map((g: { id: string }) => g.id)).toContain(grantId);
    expect(byRole.body.data.every((g: { roleId: string }) => g.roleId === viewer)).toBe(true);

    expectResponse(await call(ownerToken, 'DELETE', `/api/v1/user-roles/${grantId}`), 'DELETE', '/api/v1/user-roles/{id}', 204);
    expect(await grantsOf(member.userId)).toEqual([]);
    expectResponse(await call(ownerToken, 'DELETE', `/api/v1/user-roles/${grantId}`), 'DELETE', '/api/v1/user-roles/{id}', 404, 'NOT_FOUND');
  });

  test('to a user who is not a member, or of a role that does not exist, is 404', async () => {
    const viewer = await roleIdByKey(t, ownerToken, 'viewer');
    const other = await otherOrganization(t, ownerToken);
    for (const userId of [randomUUID(), other.owner.userId]) {
      expectResponse(await call(ownerToken, 'POST', '/api/v1/user-roles', { userId, roleId: viewer }), 'POST', '/api/v1/user-roles', 404, 'NOT_FOUND');
    }
    const member = await addMember(t, ownerToken, []);
    expectResponse(await call(ownerToken, 'POST', '/api/v1/user-roles', { userId: member.userId, roleId: randomUUID() }), 'POST', '/api/v1/user-roles', 404, 'NOT_FOUND');
    expectResponse(await call(ownerToken, 'GET', `/api/v1/users/${randomUUID()}/roles`), 'GET', '/api/v1/users/{id}/roles', 404, 'NOT_FOUND');
  });

  test('a duplicate grant is 409, even when concurrent', async () => {
    const member = await addMember(t, ownerToken, []);
    const roleId = await createRole(t, ownerToken, `Dup grant ${suffix()}`, ['team.read']);
    const results = await Promise.all(Array.from({ length: 5 }, () => call(ownerToken, 'POST', '/api/v1/user-roles', { userId: member.userId, roleId })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    for (const r of results) expectMatchesContract('POST', '/api/v1/user-roles', r.status, r.body);
    expectResponse(await call(ownerToken, 'POST', '/api/v1/user-roles', { userId: member.userId, roleId }), 'POST', '/api/v1/user-roles', 409, 'CONFLICT');
    expect(await grantsOf(member.userId)).toHaveLength(1);
    // The same role narrowed to a project is another grant.
    await grant(ownerToken, member.userId, roleId, { projectId: randomUUID() });
    expect(await grantsOf(member.userId)).toHaveLength(2);
  });

  test('a grant and its revocation take effect on the very next request', async () => {
    const member = await addMember(t, ownerToken, []);
    const readers = await createRole(t, ownerToken, `Team readers ${suffix()}`, ['team.read']);
    expect(await teamsStatus(member.accessToken)).toBe(403);
    const grantId = await grant(ownerToken, member.userId, readers);
    expect(await teamsStatus(member.accessToken)).toBe(200);
    expectResponse(await call(ownerToken, 'DELETE', `/api/v1/user-roles/${grantId}`), 'DELETE', '/api/v1/user-roles/{id}', 204);
    expect(await teamsStatus(member.accessToken)).toBe(403);
  });

  test("a change to a custom role's permissions takes effect on its holder's next request", async () => {
    const roleId = await createRole(t, ownerToken, `Shifting ${suffix()}`, ['member.read']);
    const member = await addMember(t, ownerToken, [roleId]);
    expect(await teamsStatus(member.accessToken)).toBe(403);
    expectResponse(await call(ownerToken, 'PUT', `/api/v1/roles/${roleId}/permissions`, { permissions: ['member.read', 'team.read'] }), 'PUT', '/api/v1/roles/{id}/permissions', 200);
    expect(await teamsStatus(member.accessToken)).toBe(200);
    expectResponse(await call(ownerToken, 'PUT', `/api/v1/roles/${roleId}/permissions`, { permissions: ['member.read'] }), 'PUT', '/api/v1/roles/{id}/permissions', 200);
    expect(await teamsStatus(member.accessToken)).toBe(403);
  });
});

describe('grants narrowed to a project', () => {
  let member: Member;
  const project = randomUUID();
  const environment = randomUUID();
  beforeAll(async () => {
    member = await addMember(t, ownerToken, []);
    const readers = await createRole(t, ownerToken, `Project readers ${suffix()}`, ['team.read']);
    const res = await call(ownerToken, 'POST', '/api/v1/user-roles', { userId: member.userId, roleId: readers, projectId: project });
    expectResponse(res, 'POST', '/api/v1/user-roles', 201);
    expect(res.body.data).toMatchObject({ projectId: project, environmentId: null });
    const auditors = await createRole(t, ownerToken, `Env auditors ${suffix()}`, ['member.read']);
    await grant(ownerToken, member.userId, auditors, { environmentId: environment });
  });

  test('do not grant the permission organization-wide', async () => {
    const me = expectResponse(await call(member.accessToken, 'GET', '/api/v1/me/permissions'), 'GET', '/api/v1/me/permissions', 200);
    expect(me.body.data.permissions).toEqual([]);
    // The narrowed grants are shown, with their scope.
    expect(me.body.data.roles).toEqual(
      expect.arrayContaining([expect.objectContaining({ projectId: project, environmentId: null }), expect.objectContaining({ projectId: null, environmentId: environment })]),
    );
    expect(await teamsStatus(member.accessToken)).toBe(403);
    const res = expectResponse(await check(member.accessToken, { permission: 'team.read' }), 'POST', '/api/v1/authz/check', 200);
    expect(res.body.data).toMatchObject({ permission: 'team.read', allowed: false, projectId: null, environmentId: null });
  });

  test('grant it within that project only', async () => {
    const inside = expectResponse(await check(member.accessToken, { permission: 'team.read', projectId: project }), 'POST', '/api/v1/authz/check', 200);
    expect(inside.body.data).toEqual({ permission: 'team.read', principalId: member.userId, principalType: 'user', allowed: true, projectId: project, environmentId: null });
    const elsewhere = expectResponse(await check(member.accessToken, { permission: 'team.read', projectId: randomUUID() }), 'POST', '/api/v1/authz/check', 200);
    expect(elsewhere.body.data.allowed).toBe(false);
    // Another permission is not granted by the project grant.
    expect((await check(member.accessToken, { permission: 'member.read', projectId: project })).body.data.allowed).toBe(false);
    // As seen by the owner.
    const byOwner = expectResponse(await check(ownerToken, { permission: 'team.read', principalId: member.userId, projectId: project }), 'POST', '/api/v1/authz/check', 200);
    expect(byOwner.body.data).toMatchObject({ principalId: member.userId, principalType: 'user', allowed: true });
  });

  test('a grant narrowed to an environment applies within that environment only', async () => {
    expect((await check(member.accessToken, { permission: 'member.read', environmentId: environment })).body.data.allowed).toBe(true);
    expect((await check(member.accessToken, { permission: 'member.read', environmentId: randomUUID() })).body.data.allowed).toBe(false);
    expect((await check(member.accessToken, { permission: 'member.read' })).body.data.allowed).toBe(false);
  });
});

describe('the last owner', () => {
  async function newOrganization(): Promise<string> {
    const res = await call(ownerToken, 'POST', '/api/v1/organizations', { name: `Owners ${suffix()}` });
    expectResponse(res, 'POST', '/api/v1/organizations', 201);
    return res.body.data.id as string;
  }
  const ownerGrant = async (userId: string, workspace: string) => (await grantsOf(userId, workspace)).find((g) => g.roleKey === 'owner' && !g.projectId && !g.environmentId)!.id;
  const ownerCount = async (organizationId: string) =>
    Number(
      (
        await t.sql<{ n: string }>(
          "SELECT count(*) AS n FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.organization_id = $1 AND r.key = 'owner' AND r.is_system AND ur.project_id IS NULL AND ur.environment_id IS NULL",
          [organizationId],
        )
      )[0].n,
    );

  test('cannot be revoked (422 LAST_OWNER); with two owners, one can', async () => {
    const org = await newOrganization();
    const ws = { 'x-workspace-id': org };
    const mine = await ownerGrant(ownerId, org);
    const refused = await call(ownerToken, 'DELETE', `/api/v1/user-roles/${mine}`, undefined, ws);
    expectResponse(refused, 'DELETE', '/api/v1/user-roles/{id}', 422, 'LAST_OWNER');
    expect(await ownerCount(org)).toBe(1);

    const second = await addMember(t, ownerToken, ['owner'], org);
    expect(await ownerCount(org)).toBe(2);
    expectResponse(await call(ownerToken, 'DELETE', `/api/v1/user-roles/${await ownerGrant(second.userId, org)}`, undefined, ws), 'DELETE', '/api/v1/user-roles/{id}', 204);
    expect(await ownerCount(org)).toBe(1);
    expectResponse(await call(ownerToken, 'DELETE', `/api/v1/user-roles/${mine}`, undefined, ws), 'DELETE', '/api/v1/user-roles/{id}', 422, 'LAST_OWNER');
  });

  test('an owner grant narrowed to a project is not what the rule protects', async () => {
    const org = await newOrganization();
    const member = await addMember(t, ownerToken, [], org);
    const ownerRole = await roleIdByKey(t, ownerToken, 'owner', org);
    const res = await call(ownerToken, 'POST', '/api/v1/user-roles', { userId: member.userId, roleId: ownerRole, projectId: randomUUID() }, { 'x-workspace-id': org });
    expectResponse(res, 'POST', '/api/v1/user-roles', 201);
    expectResponse(await call(ownerToken, 'DELETE', `/api/v1/user-roles/${res.body.data.id}`, undefined, { 'x-workspace-id': org }), 'DELETE', '/api/v1/user-roles/{id}', 204);
    expect(await ownerCount(org)).toBe(1);
  });

  test('of two concurrent revocations of the two owners, exactly one succeeds and one owner is left', async () => {
    for (let round = 0; round < 3; round++) {
      const other = await otherOrganization(t, ownerToken);
      const org = other.organizationId;
      expect(await ownerCount(org)).toBe(2);
      // A third party holding every tenant permission revokes both, so neither revocation removes its own right to revoke.
      const admin = await addMember(t, ownerToken, ['msp_admin'], org);
      const grants = [await ownerGrant(ownerId, org), await ownerGrant(other.owner.userId, org)];
      const results = await Promise.all(grants.map((id) => call(admin.accessToken, 'DELETE', `/api/v1/user-roles/${id}`)));
      for (const r of results) expectMatchesContract('DELETE', '/api/v1/user-roles/{id}', r.status, r.status === 204 ? r.text : r.body);
      expect(results.map((r) => r.status).sort()).toEqual([204, 422]);
      expect(results.find((r) => r.status === 422)!.body.error.code).toBe('LAST_OWNER');
      expect(await ownerCount(org)).toBe(1);
    }
  });
});

describe('POST /authz/check and /authz/check-batch', () => {
  test('anyone may check themselves, even with no permission at all', async () => {
    const nobody = await addMember(t, ownerToken, []);
    const res = expectResponse(await check(nobody.accessToken, { permission: 'role.read' }), 'POST', '/api/v1/authz/check', 200);
    expect(res.body.data).toEqual({ permission: 'role.read', principalId: nobody.userId, principalType: 'user', allowed: false, projectId: null, environmentId: null });
    const self = expectResponse(await check(nobody.accessToken, { permission: 'role.read', principalId: nobody.userId }), 'POST', '/api/v1/authz/check', 200);
    expect(self.body.data.allowed).toBe(false);
    const owner = expectResponse(await check(ownerToken, { permission: 'role.edit' }), 'POST', '/api/v1/authz/check', 200);
    expect(owner.body.data).toMatchObject({ principalId: ownerId, allowed: true });
  });

  test('checking another member needs authz.check (403 without it); with it, the decision', async () => {
    const viewer = await addMember(t, ownerToken, ['viewer']);
    const nobody = await addMember(t, ownerToken, []);
    expectResponse(await check(nobody.accessToken, { permission: 'role.read', principalId: viewer.userId }), 'POST', '/api/v1/authz/check', 403, 'FORBIDDEN');
    expectResponse(await check(viewer.accessToken, { permission: 'role.read', principalId: ownerId }), 'POST', '/api/v1/authz/check', 403, 'FORBIDDEN');
    const checker = await addMember(t, ownerToken, [await createRole(t, ownerToken, `Checker ${suffix()}`, ['authz.check'])]);
    const yes = expectResponse(await check(checker.accessToken, { permission: 'role.read', principalId: viewer.userId }), 'POST', '/api/v1/authz/check', 200);
    expect(yes.body.data).toEqual({ permission: 'role.read', principalId: viewer.userId, principalType: 'user', allowed: true, projectId: null, environmentId: null });
    const no = expectResponse(await check(checker.accessToken, { permission: 'role.edit', principalId: viewer.userId }), 'POST', '/api/v1/authz/check', 200);
    expect(no.body.data.allowed).toBe(false);
  });

  test('an unknown permission is 400; a principal who is not a member is 404', async () => {
    const unknown = await check(ownerToken, { permission: 'role.fly' });
    expectResponse(unknown, 'POST', '/api/v1/authz/check', 400, 'VALIDATION_FAILED');
    expect(unknown.body.error.validationErrors).toEqual([expect.objectContaining({ code: 'UNKNOWN_PERMISSION' })]);
    expectResponse(await check(ownerToken, {}), 'POST', '/api/v1/authz/check', 400, 'VALIDATION_FAILED');
    expectResponse(await check(ownerToken, { permission: 'role.read', principalId: 'me' }), 'POST', '/api/v1/authz/check', 400, 'VALIDATION_FAILED');
    const other = await otherOrganization(t, ownerToken);
    for (const principalId of [randomUUID(), other.owner.userId]) {
      expectResponse(await check(ownerToken, { permission: 'role.read', principalId }), 'POST', '/api/v1/authz/check', 404, 'NOT_FOUND');
    }
  });

  test('a batch of 100 checks answers 100 decisions in order; 101 and 0 are 400', async () => {
    const catalog = (await call(ownerToken, 'GET', '/api/v1/permissions')).body.data as { key: string; platform: boolean }[];
    const viewer = await addMember(t, ownerToken, ['viewer']);
    const viewerPermissions = new Set<string>((await call(viewer.accessToken, 'GET', '/api/v1/me/permissions')).body.data.permissions);
    const checks = Array.from({ length: 100 }, (_, i) => {
      const permission = catalog[(i * 7) % catalog.length].key;
      return i % 2 === 0 ? { permission } : { permission, principalId: viewer.userId };
    });
    const res = await call(ownerToken, 'POST', '/api/v1/authz/check-batch', { checks });
    expectResponse(res, 'POST', '/api/v1/authz/check-batch', 200);
    const results = res.body.data.results as { permission: string; principalId: string; allowed: boolean }[];
    expect(results).toHaveLength(100);
    results.forEach((r, i) => {
      expect(r.permission).toBe(checks[i].permission);
      const who = checks[i].principalId ?? ownerId;
      expect(r.principalId).toBe(who);
      // The owner (also platform administrator) holds everything; the viewer what its role says.
      expect(r.allowed).toBe(who === ownerId ? true : viewerPermissions.has(r.permission));
    });
    expect(results.some((r) => !r.allowed)).toBe(true);

    const tooMany = await call(ownerToken, 'POST', '/api/v1/authz/check-batch', { checks: [...checks, { permission: 'role.read' }] });
    expectResponse(tooMany, 'POST', '/api/v1/authz/check-batch', 400, 'VALIDATION_FAILED');
    const none = await call(ownerToken, 'POST', '/api/v1/authz/check-batch', { checks: [] });
    expectResponse(none, 'POST', '/api/v1/authz/check-batch', 400, 'VALIDATION_FAILED');
    const unknown = await call(ownerToken, 'POST', '/api/v1/authz/check-batch', { checks: [{ permission: 'role.read' }, { permission: 'role.fly' }] });
    expectResponse(unknown, 'POST', '/api/v1/authz/check-batch', 400, 'VALIDATION_FAILED');
    expect(unknown.body.error.validationErrors).toEqual([expect.objectContaining({ code: 'UNKNOWN_PERMISSION' })]);
  });

  test('an unknown permission is reported on the field that holds it: permission, or checks[i].permission', async () => {
    // PRODUCT BUG: AccessService.assertKnown appends "[i]" to the field it is given, so these read
    // "permission[0]" and "checks[1].permission[0]", fields that do not exist in the request.
    const one = await check(ownerToken, { permission: 'role.fly' });
    expectResponse(one, 'POST', '/api/v1/authz/check', 400, 'VALIDATION_FAILED');
    expect(one.body.error.validationErrors).toEqual([expect.objectContaining({ field: 'permission', code: 'UNKNOWN_PERMISSION' })]);
    const batch = await call(ownerToken, 'POST', '/api/v1/authz/check-batch', { checks: [{ permission: 'role.read' }, { permission: 'role.fly' }] });
    expectResponse(batch, 'POST', '/api/v1/authz/check-batch', 400, 'VALIDATION_FAILED');
    expect(batch.body.error.validationErrors).toEqual([expect.objectContaining({ field: 'checks[1].permission', code: 'UNKNOWN_PERMISSION' })]);
  });

  test('a batch naming another member needs authz.check', async () => {
    const viewer = await addMember(t, ownerToken, ['viewer']);
    const res = await call(viewer.accessToken, 'POST', '/api/v1/authz/check-batch', { checks: [{ permission: 'role.read' }, { permission: 'role.read', principalId: ownerId }] });
    expectResponse(res, 'POST', '/api/v1/authz/check-batch', 403, 'FORBIDDEN');
    const self = await call(viewer.accessToken, 'POST', '/api/v1/authz/check-batch', { checks: [{ permission: 'role.read' }, { permission: 'role.edit', principalId: viewer.userId }] });
    expectResponse(self, 'POST', '/api/v1/authz/check-batch', 200);
    expect(self.body.data.results.map((r: { allowed: boolean }) => r.allowed)).toEqual([true, false]);
  });
});

describe('GET /me/permissions', () => {
  test('for the owner: every tenant permission (and, as platform administrator, the platform ones)', async () => {
    const res = expectResponse(await call(ownerToken, 'GET', '/api/v1/me/permissions'), 'GET', '/api/v1/me/permissions', 200);
    const catalog = (await call(ownerToken, 'GET', '/api/v1/permissions')).body.data as { key: string }[];
    expect(res.body.data).toMatchObject({ organizationId: orgId, principalId: ownerId, principalType: 'user' });
    expect(res.body.data.permissions).toEqual(catalog.map((p) => p.key).sort());
    expect(res.body.data.roles.map((r: { key: string }) => r.key).sort()).toEqual(['owner', 'platform_admin']);
  });

  test("for a viewer: exactly the viewer role's permissions", async () => {
    const viewer = await addMember(t, ownerToken, ['viewer']);
    const role = (await call(ownerToken, 'GET', `/api/v1/roles/${await roleIdByKey(t, ownerToken, 'viewer')}`)).body.data;
    const res = expectResponse(await call(viewer.accessToken, 'GET', '/api/v1/me/permissions'), 'GET', '/api/v1/me/permissions', 200);
    expect(res.body.data).toEqual({
      organizationId: orgId,
      principalId: viewer.userId,
      principalType: 'user',
      permissions: role.permissions,
      roles: [{ id: role.id, key: 'viewer', name: 'Viewer', projectId: null, environmentId: null }],
    });
  });

  test('for an API key: its limited set, with its creator\'s roles', async () => {
    const key = await mintApiKey(t, ownerToken, { permissions: ['team.read', 'member.read'] });
    const res = expectResponse(await call(key.secret, 'GET', '/api/v1/me/permissions'), 'GET', '/api/v1/me/permissions', 200);
    expect(res.body.data).toMatchObject({ organizationId: orgId, principalId: key.id, principalType: 'api_key', permissions: ['member.read', 'team.read'] });
    expect(res.body.data.roles.map((r: { key: string }) => r.key).sort()).toEqual(['owner', 'platform_admin']);
    expect(res.body.context).toMatchObject({ principalType: 'api_key', principalId: key.id });
  });
});

describe('another organization', () => {
  let foreignRole: string;
  let foreignGrant: string;
  let foreignOwner: Member;
  beforeAll(async () => {
    const other = await otherOrganization(t, ownerToken);
    foreignOwner = other.owner;
    foreignRole = await createRole(t, foreignOwner.accessToken, `Foreign ${suffix()}`, ['team.read']);
    const res = await call(foreignOwner.accessToken, 'POST', '/api/v1/user-roles', { userId: foreignOwner.userId, roleId: foreignRole });
    foreignGrant = expectResponse(res, 'POST', '/api/v1/user-roles', 201).body.data.id;
  });

  test("its custom role is 404 on GET, PUT and DELETE, and cannot be granted here", async () => {
    expectResponse(await call(ownerToken, 'GET', `/api/v1/roles/${foreignRole}`), 'GET', '/api/v1/roles/{id}', 404, 'NOT_FOUND');
    expectResponse(await call(ownerToken, 'PUT', `/api/v1/roles/${foreignRole}/permissions`, { permissions: [] }), 'PUT', '/api/v1/roles/{id}/permissions', 404, 'NOT_FOUND');
    expectResponse(await call(ownerToken, 'DELETE', `/api/v1/roles/${foreignRole}`), 'DELETE', '/api/v1/roles/{id}', 404, 'NOT_FOUND');
    const member = await addMember(t, ownerToken, []);
    expectResponse(await call(ownerToken, 'POST', '/api/v1/user-roles', { userId: member.userId, roleId: foreignRole }), 'POST', '/api/v1/user-roles', 404, 'NOT_FOUND');
    const list = expectResponse(await call(ownerToken, 'GET', '/api/v1/roles?system=false&pageSize=100'), 'GET', '/api/v1/roles', 200);
    expect(list.body.data.map((r: { id: string }) => r.id)).not.toContain(foreignRole);
    // Untouched in its own organization.
    const own = expectResponse(await call(foreignOwner.accessToken, 'GET', `/api/v1/roles/${foreignRole}`), 'GET', '/api/v1/roles/{id}', 200);
    expect(own.body.data.permissions).toEqual(['team.read']);
  });

  test("its grants are 404 (revoke, a member's roles) and not listed", async () => {
    expectResponse(await call(ownerToken, 'DELETE', `/api/v1/user-roles/${foreignGrant}`), 'DELETE', '/api/v1/user-roles/{id}', 404, 'NOT_FOUND');
    expectResponse(await call(ownerToken, 'GET', `/api/v1/users/${foreignOwner.userId}/roles`), 'GET', '/api/v1/users/{id}/roles', 404, 'NOT_FOUND');
    const listed = expectResponse(await call(ownerToken, 'GET', `/api/v1/user-roles?userId=${foreignOwner.userId}`), 'GET', '/api/v1/user-roles', 200);
    expect(listed.body.data).toEqual([]);
    const [{ n }] = await t.sql<{ n: string }>('SELECT count(*) AS n FROM user_roles WHERE id = $1', [foreignGrant]);
    expect(Number(n)).toBe(1);
  });
});

describe('a member with no permission', () => {
  const guarded = Object.entries(spec.paths).flatMap(([path, item]) =>
    Object.entries(item as Record<string, { tags?: string[]; 'x-permission'?: string }>)
      .filter(([, op]) => op.tags?.includes('Access') && op['x-permission'])
      .map(([method, op]) => ({ method: method.toUpperCase(), path, permission: op['x-permission']! })),
  );
  const BODIES: Record<string, unknown> = {
    'POST /api/v1/roles': { name: 'Nope', permissions: [] },
    'PUT /api/v1/roles/{id}/permissions': { permissions: [] },
    'POST /api/v1/user-roles': { userId: randomUUID(), roleId: randomUUID() },
  };
  let nobody: Member;
  beforeAll(async () => {
    nobody = await addMember(t, ownerToken, []);
  });

  test('the access routes that declare x-permission are the ones expected', () => {
    expect(guarded.map((g) => `${g.method} ${g.path}`).sort()).toEqual([
      'DELETE /api/v1/roles/{id}',
      'DELETE /api/v1/user-roles/{id}',
      'GET /api/v1/roles',
      'GET /api/v1/roles/{id}',
      'GET /api/v1/user-roles',
      'GET /api/v1/users/{id}/roles',
      'POST /api/v1/roles',
      'POST /api/v1/user-roles',
      'PUT /api/v1/roles/{id}/permissions',
    ]);
  });

  test('gets 403 on each of them, and each denial is audited as authz.denied', async () => {
    const viewerRole = await roleIdByKey(t, ownerToken, 'viewer');
    for (const { method, path, permission } of guarded) {
      const url = path.replace('{id}', path.startsWith('/api/v1/users/') ? ownerId : viewerRole);
      const res = await call(nobody.accessToken, method, url, BODIES[`${method} ${path}`]);
      expectResponse(res, method, path, 403, 'FORBIDDEN');
      expect(res.body.error.message).toContain(permission);
    }
    const audit = await call(ownerToken, 'GET', `/api/v1/audit-events?action=authz.denied&actor=${nobody.userId}&limit=200`);
    expectResponse(audit, 'GET', '/api/v1/audit-events', 200);
    const events = audit.body.data as { action: string; outcome: string; actorId: string; actorType: string; details: { permission: string; method: string } }[];
    expect(events).toHaveLength(guarded.length);
    for (const e of events) expect(e).toMatchObject({ action: 'authz.denied', outcome: 'denied', actorId: nobody.userId, actorType: 'user' });
    expect(events.map((e) => `${e.details.method} ${e.details.permission}`).sort()).toEqual(guarded.map((g) => `${g.method} ${g.permission}`).sort());
    // Nothing changed behind the refusals.
    expect((await call(ownerToken, 'GET', `/api/v1/roles/${viewerRole}`)).status).toBe(200);
  });

  test("refusing to check another member's permissions is audited as a denial too", async () => {
    // PRODUCT BUG: the permission guard audits every refusal (authz.denied, outcome denied), and
    // refused mutations are audited by the mutation interceptor, but POST /authz/check is
    // @NotAudited and AuthzService throws its 403 ("needs authz.check") without writing anything.
    const member = await addMember(t, ownerToken, []);
    const correlation = `deny-check-${suffix()}`;
    const res = await call(member.accessToken, 'POST', '/api/v1/authz/check', { permission: 'role.read', principalId: ownerId }, { 'x-correlation-id': correlation });
    expectResponse(res, 'POST', '/api/v1/authz/check', 403, 'FORBIDDEN');
    const audit = await call(ownerToken, 'GET', `/api/v1/audit-events?correlation_id=${correlation}`);
    expectResponse(audit, 'GET', '/api/v1/audit-events', 200);
    expect(audit.body.data).toEqual([
      expect.objectContaining({ action: 'authz.denied', outcome: 'denied', actorId: member.userId, details: expect.objectContaining({ permission: 'authz.check' }) }),
    ]);
  });

  test('a denial of a single request is listed with outcome denied', async () => {
    const member = await addMember(t, ownerToken, []);
    const correlation = `deny-${suffix()}`;
    const res = await call(member.accessToken, 'GET', '/api/v1/roles', undefined, { 'x-correlation-id': correlation });
    expectResponse(res, 'GET', '/api/v1/roles', 403, 'FORBIDDEN');
    const audit = await call(ownerToken, 'GET', `/api/v1/audit-events?action=authz.denied&correlation_id=${correlation}`);
    expectResponse(audit, 'GET', '/api/v1/audit-events', 200);
    expect(audit.body.data).toEqual([
      expect.objectContaining({ action: 'authz.denied', outcome: 'denied', actorId: member.userId, organizationId: orgId, details: expect.objectContaining({ permission: 'role.read', method: 'GET' }) }),
    ]);
  });
});

describe('what a custom role may hold', () => {
  test('platform permissions come only with platform_admin: a custom role refuses them, even from a platform admin', async () => {
    const res = await raw(t.baseUrl, '/api/v1/roles', {
      method: 'POST',
      headers: { authorization: `Bearer ${ownerToken}` },
      json: { name: `Platform ops ${randomBytes(3).toString('hex')}`, permissions: ['team.read', 'platform.settings.write'] },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.validationErrors).toEqual([
      { field: 'permissions[1]', message: 'platform.settings.write spans organizations and comes only with the platform_admin role', code: 'PLATFORM_PERMISSION' },
    ]);
    expectMatchesContract('POST', '/api/v1/roles', 400, res.body);
  });

  test('a name that yields no usable key needs an explicit one', async () => {
    const res = await raw(t.baseUrl, '/api/v1/roles', { method: 'POST', headers: { authorization: `Bearer ${ownerToken}` }, json: { name: '1st responders', permissions: [] } });
    expect(res.status).toBe(400);
    expect(res.body.error.validationErrors[0]).toMatchObject({ field: 'key', code: 'INVALID_KEY' });
    const named = await raw(t.baseUrl, '/api/v1/roles', {
      method: 'POST',
      headers: { authorization: `Bearer ${ownerToken}` },
      json: { name: '1st responders', key: `first-responders-${randomBytes(2).toString('hex')}`, permissions: [] },
    });
    expect(named.status).toBe(201);
  });
});
