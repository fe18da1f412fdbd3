import { randomBytes, randomUUID } from 'node:crypto';
import { expectMatchesContract, spec } from '../support/contract.js';
import { addMember, createRole, type Member, mintApiKey, otherOrganization, roleIdByKey } from '../support/fixtures.js';
import type { Method } from '../support/http.js';
import { useServer } from '../support/use-server.js';

/**
 * Access control end to end: the permission catalog, system and custom roles, grants (org-wide and
 * narrowed), the no-escalation rule, the last-owner rule, permission checks, tenant isolation and
 * the audit trail of denials. Every body received from a documented operation is checked against
 * the committed contract.
 */

const t = useServer();
let ownerId: string;

beforeAll(async () => {
  const me = await t.http.get('/api/v1/me/permissions');
  ownerId = me.body.data.principalId;
});

const suffix = () => randomBytes(3).toString('hex');

async function grant(
  token: string,
  userId: string,
  roleId: string,
  scope: { projectId?: string; environmentId?: string } = {},
): Promise<string> {
  const res = await t.http.post('/api/v1/user-roles', { body: { userId, roleId, ...scope }, token }).expectResponse(201);
  return res.body.data.id as string;
}

async function grantsOf(
  userId: string,
  workspace?: string,
): Promise<{ id: string; roleKey: string; projectId: string | null; environmentId: string | null }[]> {
  return (await t.http.get('/api/v1/users/{id}/roles', { params: { id: userId }, workspace }).expect(200)).data;
}

const teamsStatus = async (token: string) => {
  const res = await t.http.get('/api/v1/organizations/{id}/teams', { params: { id: t.organizationId }, token });
  expectMatchesContract('GET', '/api/v1/organizations/{id}/teams', res.status, res.body);
  return res.status;
};

const SYSTEM_ROLE_KEYS = [
  'automation_operator',
  'billing',
  'client_portal',
  'data_admin',
  'endpoint_agent',
  'integration_admin',
  'msp_admin',
  'ops_engineer',
  'owner',
  'platform_admin',
  'viewer',
];

describe('the permission catalog', () => {
  test('lists every permission with its key, resource, action, description and context; cacheable with an ETag', async () => {
    const res = await t.http.get('/api/v1/permissions').expectResponse(200);
    const catalog = res.body.data as {
      key: string;
      resource: string;
      action: string;
      description: string;
      context: string;
      platform: boolean;
    }[];
    expect(catalog.length).toBeGreaterThan(10);
    for (const p of catalog) {
      expect(p.key).toBe(`${p.resource}.${p.action}`);
      expect(p.description.length).toBeGreaterThan(0);
      expect([
        'access',
        'agents',
        'approvals',
        'audit',
        'billing',
        'events',
        'identity',
        'integrations',
        'inventory',
        'jobs',
        'scanning',
        'secrets',
        'tenancy',
        'workflows',
      ]).toContain(p.context);
      expect(p.platform).toBe(p.key.startsWith('platform.'));
    }
    expect(new Set(catalog.map((p) => p.key)).size).toBe(catalog.length);
    expect(catalog.map((p) => p.key)).toEqual(
      expect.arrayContaining(['role.read', 'role.edit', 'user_role.read', 'user_role.edit', 'authz.check', 'api_key.create', 'team.read']),
    );
    expect(catalog.find((p) => p.key === 'role.edit')).toMatchObject({ resource: 'role', action: 'edit', context: 'access' });
    expect(res.headers.get('cache-control')).toBe('private, max-age=300');
    expect(res.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]+"$/);
  });

  test('answers 304 with no body to If-None-Match with its ETag, and 200 to a stale one', async () => {
    const first = await t.http.get('/api/v1/permissions');
    const etag = first.headers.get('etag')!;
    // fetch() adds "Cache-Control: no-cache" to a conditional request unless one is given, and that
    // rightly disables revalidation; send what a browser sends when it revalidates its cached copy.
    const conditional = { 'if-none-match': etag, 'cache-control': 'max-age=0' };
    const again = await t.http.get('/api/v1/permissions', { headers: conditional }).expectResponse(304);
    expect(again.text).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    const stale = await t.http.get('/api/v1/permissions', { headers: { ...conditional, 'if-none-match': '"stale"' } }).expectResponse(200);
    expect(stale.body.data).toEqual(first.body.data);
  });

  test('is the same for a member with no permission, and needs authentication', async () => {
    const nobody = await addMember(t, t.token, []);
    const res = await t.http.get('/api/v1/permissions', { token: nobody.accessToken }).expectResponse(200);
    expect(res.body.data).toEqual((await t.http.get('/api/v1/permissions')).body.data);
    await t.http.get('/api/v1/permissions', { token: null }).expect(401, 'UNAUTHENTICATED');
  });
});

describe('system roles', () => {
  let roles: { id: string; key: string; system: boolean; permissions: string[]; organizationId: string | null }[];
  let catalog: { key: string; action: string; platform: boolean }[];
  beforeAll(async () => {
    roles = (await t.http.get('/api/v1/roles', { query: { system: true, pageSize: 100 } }).expect(200)).data;
    catalog = (await t.http.get('/api/v1/permissions')).body.data;
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
    expect(owner.permissions).toEqual(
      catalog
        .filter((p) => !p.platform)
        .map((p) => p.key)
        .sort(),
    );
    expect(role('platform_admin').permissions).toEqual(expect.arrayContaining(catalog.filter((p) => p.platform).map((p) => p.key)));
  });

  test('cannot be edited or deleted (422 SYSTEM_ROLE_IMMUTABLE), and stay as they were', async () => {
    for (const key of ['viewer', 'owner']) {
      const { id, permissions } = role(key);
      await t.http
        .put('/api/v1/roles/{id}/permissions', { params: { id }, body: { permissions: ['team.read'] } })
        .expect(422, 'SYSTEM_ROLE_IMMUTABLE');
      await t.http.delete('/api/v1/roles/{id}', { params: { id } }).expect(422, 'SYSTEM_ROLE_IMMUTABLE');
      const after = await t.http.get('/api/v1/roles/{id}', { params: { id } }).expectResponse(200);
      expect(after.body.data.permissions).toEqual(permissions);
    }
  });
});

describe('custom roles', () => {
  test('are created (201) with the key derived from the name and sorted, de-duplicated permissions', async () => {
    const name = `Release manager ${suffix()}`;
    const res = await t.http
      .post('/api/v1/roles', { body: { name, description: 'Ships releases', permissions: ['team.read', 'member.read', 'team.read'] } })
      .expectResponse(201);
    expect(res.body.data).toMatchObject({
      key: name.toLowerCase().replace(/ /g, '-'),
      name,
      description: 'Ships releases',
      system: false,
      permissions: ['member.read', 'team.read'],
      organizationId: t.organizationId,
    });
    const got = await t.http.get('/api/v1/roles/{id}', { params: { id: res.body.data.id } }).expectResponse(200);
    expect(got.body.data).toEqual(res.body.data);
  });

  test('an unknown permission is 400 VALIDATION_FAILED naming permissions[i] with UNKNOWN_PERMISSION', async () => {
    const res = await t.http
      .post('/api/v1/roles', { body: { name: `Typo ${suffix()}`, permissions: ['team.read', 'team.raed'] } })
      .expectResponse(400, 'VALIDATION_FAILED');
    expect(res.body.error.validationErrors).toEqual([expect.objectContaining({ field: 'permissions[1]', code: 'UNKNOWN_PERMISSION' })]);
    expect(res.text).not.toContain('"field":"permissions[0]"');
  });

  test('a duplicate key is 409, and so is the key of a system role (given or derived from the name)', async () => {
    const key = `dup-${suffix()}`;
    await t.http.post('/api/v1/roles', { body: { name: 'First', key, permissions: [] } }).expect(201);
    await t.http.post('/api/v1/roles', { body: { name: 'Second', key, permissions: ['team.read'] } }).expect(409, 'CONFLICT');
    await t.http.post('/api/v1/roles', { body: { name: 'Mine', key: 'viewer', permissions: [] } }).expect(409, 'CONFLICT');
    await t.http.post('/api/v1/roles', { body: { name: 'Owner', permissions: [] } }).expect(409, 'CONFLICT');
    const [{ n }] = await t.sql<{ n: string }>("SELECT count(*) AS n FROM roles WHERE key = 'owner'");
    expect(Number(n)).toBe(1);
  });

  test('of concurrent creations with one key, exactly one succeeds', async () => {
    const key = `race-${suffix()}`;
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => t.http.post('/api/v1/roles', { body: { name: `Race ${i}`, key, permissions: [] } })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    for (const r of results) expectMatchesContract('POST', '/api/v1/roles', r.status, r.body);
  });

  test('are listed with system=false and sort=name, with pagination', async () => {
    const tag = suffix();
    for (const name of [`Charlie ${tag}`, `Alpha ${tag}`, `Bravo ${tag}`]) await createRole(t, t.token, name, ['team.read']);
    const res = await t.http.get('/api/v1/roles', { query: { system: false, sort: 'name', q: tag } }).expectResponse(200);
    expect(res.body.data.map((r: { name: string }) => r.name)).toEqual([`Alpha ${tag}`, `Bravo ${tag}`, `Charlie ${tag}`]);
    expect(res.body.meta.pagination).toMatchObject({ page: 1, totalItems: 3, totalPages: 1, hasNext: false });

    const all = await t.http.get('/api/v1/roles', { query: { system: false, sort: '-name', pageSize: 100 } }).expectResponse(200);
    expect(all.body.data.every((r: { system: boolean }) => !r.system)).toBe(true);
    const names = all.body.data.map((r: { name: string }) => r.name);
    expect(names.indexOf(`Charlie ${tag}`)).toBeLessThan(names.indexOf(`Alpha ${tag}`));

    const both = await t.http.get('/api/v1/roles', { query: { pageSize: 100 } }).expectResponse(200);
    expect(both.body.data.some((r: { system: boolean }) => r.system)).toBe(true);
    expect(both.body.data.some((r: { system: boolean }) => !r.system)).toBe(true);

    await t.http.get('/api/v1/roles', { query: { sort: 'permissions' } }).expect(400, 'VALIDATION_FAILED');
    await t.http.get('/api/v1/roles', { query: { system: 'maybe' } }).expect(400, 'VALIDATION_FAILED');
  });

  test('their permissions are replaced (200); unknown ones are refused with 400', async () => {
    const id = await createRole(t, t.token, `Replace ${suffix()}`, ['team.read']);
    const before = (await t.http.get('/api/v1/roles/{id}', { params: { id } })).body.data;
    const res = await t.http
      .put('/api/v1/roles/{id}/permissions', { params: { id }, body: { permissions: ['member.read', 'role.read'] } })
      .expectResponse(200);
    expect(res.body.data.permissions).toEqual(['member.read', 'role.read']);
    expect(Date.parse(res.body.data.updatedAt)).toBeGreaterThanOrEqual(Date.parse(before.updatedAt));
    const bad = await t.http
      .put('/api/v1/roles/{id}/permissions', { params: { id }, body: { permissions: ['nope.read'] } })
      .expectResponse(400, 'VALIDATION_FAILED');
    expect(bad.body.error.validationErrors).toEqual([expect.objectContaining({ field: 'permissions[0]', code: 'UNKNOWN_PERMISSION' })]);
    expect((await t.http.get('/api/v1/roles/{id}', { params: { id } })).body.data.permissions).toEqual(['member.read', 'role.read']);
  });

  test('are deleted (204, then 404); while granted the delete is 409', async () => {
    const id = await createRole(t, t.token, `Doomed ${suffix()}`, ['team.read']);
    const member = await addMember(t, t.token, []);
    const grantId = await grant(t.token, member.userId, id);
    const refused = await t.http.delete('/api/v1/roles/{id}', { params: { id } }).expectResponse(409, 'CONFLICT');
    expect(refused.body.error.details).toEqual({ grants: 1 });
    await t.http.delete('/api/v1/user-roles/{id}', { params: { id: grantId } }).expect(204);
    await t.http.delete('/api/v1/roles/{id}', { params: { id } }).expect(204);
    await t.http.get('/api/v1/roles/{id}', { params: { id } }).expect(404, 'NOT_FOUND');
    await t.http.delete('/api/v1/roles/{id}', { params: { id } }).expect(404, 'NOT_FOUND');
    await t.http.put('/api/v1/roles/{id}/permissions', { params: { id }, body: { permissions: [] } }).expect(404, 'NOT_FOUND');
  });

  test('a role deleted while it is being granted: one of the two wins cleanly, never a 500', async () => {
    // PRODUCT BUG: the delete counts grants, and the grant finds the role, each before the other
    // commits; the loser then hits the user_roles -> roles foreign key (SQLSTATE 23503), which is
    // not mapped, so it answers 500 INTERNAL instead of 404 (grant) or 409 (delete).
    const member = await addMember(t, t.token, []);
    const outcomes: string[] = [];
    for (let i = 0; i < 12; i++) {
      const id = await createRole(t, t.token, `Contested ${suffix()}`, ['team.read']);
      const [del, granted] = await Promise.all([
        t.http.delete('/api/v1/roles/{id}', { params: { id } }),
        t.http.post('/api/v1/user-roles', { body: { userId: member.userId, roleId: id } }),
      ]);
      outcomes.push(`${del.status}/${granted.status}`);
      for (const [res, template, method] of [
        [del, '/api/v1/roles/{id}', 'DELETE'],
        [granted, '/api/v1/user-roles', 'POST'],
      ] as const) {
        expectMatchesContract(method, template, res.status, res.status === 204 ? res.text : res.body);
      }
      if (granted.status === 201) {
        // The grant won: the role is still there (and the delete must have said 409).
        await t.http.get('/api/v1/roles/{id}', { params: { id } }).expect(200);
        await t.http.delete('/api/v1/user-roles/{id}', { params: { id: granted.body.data.id } }).expect(204);
      }
    }
    // "delete/grant" statuses: the delete won (the grant finds no role), or the grant won (the role is in use).
    expect(outcomes.filter((o) => !['204/404', '204/409', '409/201'].includes(o))).toEqual([]);
  });

  test('a malformed role id is 400', async () => {
    await t.http.get('/api/v1/roles/{id}', { params: { id: 'not-a-uuid' } }).expect(400);
  });
});

describe('no escalation', () => {
  let editor: Member;
  let editorRoleId: string;
  beforeAll(async () => {
    // Holds role and grant administration, but not api_key.create (nor api_key.read).
    editorRoleId = await createRole(t, t.token, `Access editor ${suffix()}`, [
      'role.read',
      'role.edit',
      'user_role.read',
      'user_role.edit',
      'team.read',
      'member.read',
    ]);
    editor = await addMember(t, t.token, [editorRoleId]);
  });

  test('cannot create a role with a permission they lack (403 naming it in details.missing)', async () => {
    const res = await t.http
      .post('/api/v1/roles', {
        body: { name: `Sneaky ${suffix()}`, permissions: ['team.read', 'api_key.create'] },
        token: editor.accessToken,
      })
      .expectResponse(403, 'FORBIDDEN');
    expect(res.body.error.details).toEqual({ missing: ['api_key.create'] });
    // Within what they hold it works.
    await t.http
      .post('/api/v1/roles', { body: { name: `Modest ${suffix()}`, permissions: ['team.read'] }, token: editor.accessToken })
      .expect(201);
  });

  test('cannot grant the owner role, to anyone including themselves (403)', async () => {
    const ownerRole = await roleIdByKey(t, t.token, 'owner');
    const other = await addMember(t, t.token, []);
    for (const userId of [other.userId, editor.userId]) {
      const res = await t.http
        .post('/api/v1/user-roles', { body: { userId, roleId: ownerRole }, token: editor.accessToken })
        .expectResponse(403, 'FORBIDDEN');
      expect(res.body.error.details.missing).toEqual(expect.arrayContaining(['api_key.create', 'audit.read']));
    }
    expect((await grantsOf(other.userId)).map((g) => g.roleKey)).toEqual([]);
    // A role within their permissions can be granted.
    await grant(editor.accessToken, other.userId, editorRoleId);
  });

  test('cannot add or remove, on an existing role, a permission they lack; nor delete a role holding one', async () => {
    const id = await createRole(t, t.token, `Keys ${suffix()}`, ['team.read', 'api_key.create']);
    const remove = await t.http
      .put('/api/v1/roles/{id}/permissions', { params: { id }, body: { permissions: ['team.read'] }, token: editor.accessToken })
      .expectResponse(403, 'FORBIDDEN');
    expect(remove.body.error.details).toEqual({ missing: ['api_key.create'] });
    const add = await t.http
      .put('/api/v1/roles/{id}/permissions', {
        params: { id },
        body: { permissions: ['team.read', 'api_key.create', 'api_key.read'] },
        token: editor.accessToken,
      })
      .expectResponse(403, 'FORBIDDEN');
    expect(add.body.error.details).toEqual({ missing: ['api_key.read'] });
    await t.http.delete('/api/v1/roles/{id}', { params: { id }, token: editor.accessToken }).expect(403, 'FORBIDDEN');
    expect((await t.http.get('/api/v1/roles/{id}', { params: { id } })).body.data.permissions).toEqual(['api_key.create', 'team.read']);
    // Changing only what they hold is allowed, even on a role with permissions they lack.
    const fine = await t.http
      .put('/api/v1/roles/{id}/permissions', {
        params: { id },
        body: { permissions: ['api_key.create', 'member.read'] },
        token: editor.accessToken,
      })
      .expectResponse(200);
    expect(fine.body.data.permissions).toEqual(['api_key.create', 'member.read']);
  });

  test('a refused escalation changes nothing and is audited as denied', async () => {
    const name = `Audited ${suffix()}`;
    await t.http.post('/api/v1/roles', { body: { name, permissions: ['audit.read'] }, token: editor.accessToken });
    const [{ n }] = await t.sql<{ n: string }>('SELECT count(*) AS n FROM roles WHERE name = $1', [name]);
    expect(Number(n)).toBe(0);
    const res = await t.http.get('/api/v1/audit-events', { query: { action: 'role.create', actor: editor.userId } }).expectResponse(200);
    expect(res.body.data).toContainEqual(
      expect.objectContaining({ outcome: 'denied', actorId: editor.userId, details: { status: 403, code: 'FORBIDDEN' } }),
    );
  });
});

describe('grants', () => {
  test('POST /user-roles grants (201); GET /users/{id}/roles and GET /user-roles?userId= list it; DELETE revokes (204)', async () => {
    const member = await addMember(t, t.token, []);
    const viewer = await roleIdByKey(t, t.token, 'viewer');
    const res = await t.http.post('/api/v1/user-roles', { body: { userId: member.userId, roleId: viewer } }).expectResponse(201);
    expect(res.body.data).toMatchObject({
      userId: member.userId,
      roleId: viewer,
      roleKey: 'viewer',
      roleName: 'Viewer',
      projectId: null,
      environmentId: null,
      grantedBy: `user:${ownerId}`,
    });
    const grantId = res.body.data.id;

    expect(await grantsOf(member.userId)).toEqual([res.body.data]);
    const listed = await t.http.get('/api/v1/user-roles', { query: { userId: member.userId } }).expectResponse(200);
    expect(listed.body.data).toEqual([res.body.data]);
    expect(listed.body.meta.pagination.totalItems).toBe(1);
    const byRole = await t.http.get('/api/v1/user-roles', { query: { roleId: viewer, pageSize: 100 } }).expectResponse(200);
    expect(byRole.body.data.map((g: { id: string }) => g.id)).toContain(grantId);
    expect(byRole.body.data.every((g: { roleId: string }) => g.roleId === viewer)).toBe(true);

    await t.http.delete('/api/v1/user-roles/{id}', { params: { id: grantId } }).expect(204);
    expect(await grantsOf(member.userId)).toEqual([]);
    await t.http.delete('/api/v1/user-roles/{id}', { params: { id: grantId } }).expect(404, 'NOT_FOUND');
  });

  test('to a user who is not a member, or of a role that does not exist, is 404', async () => {
    const viewer = await roleIdByKey(t, t.token, 'viewer');
    const other = await otherOrganization(t, t.token);
    for (const userId of [randomUUID(), other.owner.userId]) {
      await t.http.post('/api/v1/user-roles', { body: { userId, roleId: viewer } }).expect(404, 'NOT_FOUND');
    }
    const member = await addMember(t, t.token, []);
    await t.http.post('/api/v1/user-roles', { body: { userId: member.userId, roleId: randomUUID() } }).expect(404, 'NOT_FOUND');
    await t.http.get('/api/v1/users/{id}/roles', { params: { id: randomUUID() } }).expect(404, 'NOT_FOUND');
  });

  test('a duplicate grant is 409, even when concurrent', async () => {
    const member = await addMember(t, t.token, []);
    const roleId = await createRole(t, t.token, `Dup grant ${suffix()}`, ['team.read']);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => t.http.post('/api/v1/user-roles', { body: { userId: member.userId, roleId } })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    for (const r of results) expectMatchesContract('POST', '/api/v1/user-roles', r.status, r.body);
    await t.http.post('/api/v1/user-roles', { body: { userId: member.userId, roleId } }).expect(409, 'CONFLICT');
    expect(await grantsOf(member.userId)).toHaveLength(1);
    // The same role narrowed to a project is another grant.
    await grant(t.token, member.userId, roleId, { projectId: randomUUID() });
    expect(await grantsOf(member.userId)).toHaveLength(2);
  });

  test('a grant and its revocation take effect on the very next request', async () => {
    const member = await addMember(t, t.token, []);
    const readers = await createRole(t, t.token, `Team readers ${suffix()}`, ['team.read']);
    expect(await teamsStatus(member.accessToken)).toBe(403);
    const grantId = await grant(t.token, member.userId, readers);
    expect(await teamsStatus(member.accessToken)).toBe(200);
    await t.http.delete('/api/v1/user-roles/{id}', { params: { id: grantId } }).expect(204);
    expect(await teamsStatus(member.accessToken)).toBe(403);
  });

  test("a change to a custom role's permissions takes effect on its holder's next request", async () => {
    const roleId = await createRole(t, t.token, `Shifting ${suffix()}`, ['member.read']);
    const member = await addMember(t, t.token, [roleId]);
    expect(await teamsStatus(member.accessToken)).toBe(403);
    await t.http
      .put('/api/v1/roles/{id}/permissions', { params: { id: roleId }, body: { permissions: ['member.read', 'team.read'] } })
      .expect(200);
    expect(await teamsStatus(member.accessToken)).toBe(200);
    await t.http.put('/api/v1/roles/{id}/permissions', { params: { id: roleId }, body: { permissions: ['member.read'] } }).expect(200);
    expect(await teamsStatus(member.accessToken)).toBe(403);
  });
});

describe('grants narrowed to a project', () => {
  let member: Member;
  const project = randomUUID();
  const environment = randomUUID();
  beforeAll(async () => {
    member = await addMember(t, t.token, []);
    const readers = await createRole(t, t.token, `Project readers ${suffix()}`, ['team.read']);
    const res = await t.http
      .post('/api/v1/user-roles', { body: { userId: member.userId, roleId: readers, projectId: project } })
      .expectResponse(201);
    expect(res.body.data).toMatchObject({ projectId: project, environmentId: null });
    const auditors = await createRole(t, t.token, `Env auditors ${suffix()}`, ['member.read']);
    await grant(t.token, member.userId, auditors, { environmentId: environment });
  });

  test('do not grant the permission organization-wide', async () => {
    const me = await t.http.get('/api/v1/me/permissions', { token: member.accessToken }).expectResponse(200);
    expect(me.body.data.permissions).toEqual([]);
    // The narrowed grants are shown, with their scope.
    expect(me.body.data.roles).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ projectId: project, environmentId: null }),
        expect.objectContaining({ projectId: null, environmentId: environment }),
      ]),
    );
    expect(await teamsStatus(member.accessToken)).toBe(403);
    const res = await t.http
      .post('/api/v1/authz/check', { body: { permission: 'team.read' }, token: member.accessToken })
      .expectResponse(200);
    expect(res.body.data).toMatchObject({ permission: 'team.read', allowed: false, projectId: null, environmentId: null });
  });

  test('grant it within that project only', async () => {
    const inside = await t.http
      .post('/api/v1/authz/check', { body: { permission: 'team.read', projectId: project }, token: member.accessToken })
      .expectResponse(200);
    expect(inside.body.data).toEqual({
      permission: 'team.read',
      principalId: member.userId,
      principalType: 'user',
      allowed: true,
      projectId: project,
      environmentId: null,
    });
    const elsewhere = await t.http
      .post('/api/v1/authz/check', { body: { permission: 'team.read', projectId: randomUUID() }, token: member.accessToken })
      .expectResponse(200);
    expect(elsewhere.body.data.allowed).toBe(false);
    // Another permission is not granted by the project grant.
    expect(
      (await t.http.post('/api/v1/authz/check', { body: { permission: 'member.read', projectId: project }, token: member.accessToken }))
        .body.data.allowed,
    ).toBe(false);
    // As seen by the owner.
    const byOwner = await t.http
      .post('/api/v1/authz/check', { body: { permission: 'team.read', principalId: member.userId, projectId: project } })
      .expectResponse(200);
    expect(byOwner.body.data).toMatchObject({ principalId: member.userId, principalType: 'user', allowed: true });
  });

  test('a grant narrowed to an environment applies within that environment only', async () => {
    expect(
      (
        await t.http.post('/api/v1/authz/check', {
          body: { permission: 'member.read', environmentId: environment },
          token: member.accessToken,
        })
      ).body.data.allowed,
    ).toBe(true);
    expect(
      (
        await t.http.post('/api/v1/authz/check', {
          body: { permission: 'member.read', environmentId: randomUUID() },
          token: member.accessToken,
        })
      ).body.data.allowed,
    ).toBe(false);
    expect(
      (await t.http.post('/api/v1/authz/check', { body: { permission: 'member.read' }, token: member.accessToken })).body.data.allowed,
    ).toBe(false);
  });
});

describe('the last owner', () => {
  async function newOrganization(): Promise<string> {
    const res = await t.http.post('/api/v1/organizations', { body: { name: `Owners ${suffix()}` } }).expectResponse(201);
    return res.body.data.id as string;
  }
  const ownerGrant = async (userId: string, workspace: string) =>
    (await grantsOf(userId, workspace)).find((g) => g.roleKey === 'owner' && !g.projectId && !g.environmentId)!.id;
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
    const mine = await ownerGrant(ownerId, org);
    await t.http.delete('/api/v1/user-roles/{id}', { params: { id: mine }, workspace: org }).expect(422, 'LAST_OWNER');
    expect(await ownerCount(org)).toBe(1);

    const second = await addMember(t, t.token, ['owner'], org);
    expect(await ownerCount(org)).toBe(2);
    await t.http.delete('/api/v1/user-roles/{id}', { params: { id: await ownerGrant(second.userId, org) }, workspace: org }).expect(204);
    expect(await ownerCount(org)).toBe(1);
    await t.http.delete('/api/v1/user-roles/{id}', { params: { id: mine }, workspace: org }).expect(422, 'LAST_OWNER');
  });

  test('an owner grant narrowed to a project is not what the rule protects', async () => {
    const org = await newOrganization();
    const member = await addMember(t, t.token, [], org);
    const ownerRole = await roleIdByKey(t, t.token, 'owner', org);
    const res = await t.http
      .post('/api/v1/user-roles', { body: { userId: member.userId, roleId: ownerRole, projectId: randomUUID() }, workspace: org })
      .expectResponse(201);
    await t.http.delete('/api/v1/user-roles/{id}', { params: { id: res.body.data.id }, workspace: org }).expect(204);
    expect(await ownerCount(org)).toBe(1);
  });

  test('of two concurrent revocations of the two owners, exactly one succeeds and one owner is left', async () => {
    for (let round = 0; round < 3; round++) {
      const other = await otherOrganization(t, t.token);
      const org = other.organizationId;
      expect(await ownerCount(org)).toBe(2);
      // A third party holding every tenant permission revokes both, so neither revocation removes its own right to revoke.
      const admin = await addMember(t, t.token, ['msp_admin'], org);
      const grants = [await ownerGrant(ownerId, org), await ownerGrant(other.owner.userId, org)];
      const results = await Promise.all(
        grants.map((id) => t.http.delete('/api/v1/user-roles/{id}', { params: { id }, token: admin.accessToken })),
      );
      for (const r of results) expectMatchesContract('DELETE', '/api/v1/user-roles/{id}', r.status, r.status === 204 ? r.text : r.body);
      expect(results.map((r) => r.status).sort()).toEqual([204, 422]);
      expect(results.find((r) => r.status === 422)!.body.error.code).toBe('LAST_OWNER');
      expect(await ownerCount(org)).toBe(1);
    }
  });
});

describe('POST /authz/check and /authz/check-batch', () => {
  test('anyone may check themselves, even with no permission at all', async () => {
    const nobody = await addMember(t, t.token, []);
    const res = await t.http
      .post('/api/v1/authz/check', { body: { permission: 'role.read' }, token: nobody.accessToken })
      .expectResponse(200);
    expect(res.body.data).toEqual({
      permission: 'role.read',
      principalId: nobody.userId,
      principalType: 'user',
      allowed: false,
      projectId: null,
      environmentId: null,
    });
    const self = await t.http
      .post('/api/v1/authz/check', { body: { permission: 'role.read', principalId: nobody.userId }, token: nobody.accessToken })
      .expectResponse(200);
    expect(self.body.data.allowed).toBe(false);
    const owner = await t.http.post('/api/v1/authz/check', { body: { permission: 'role.edit' } }).expectResponse(200);
    expect(owner.body.data).toMatchObject({ principalId: ownerId, allowed: true });
  });

  test('checking another member needs authz.check (403 without it); with it, the decision', async () => {
    const viewer = await addMember(t, t.token, ['viewer']);
    const nobody = await addMember(t, t.token, []);
    await t.http
      .post('/api/v1/authz/check', { body: { permission: 'role.read', principalId: viewer.userId }, token: nobody.accessToken })
      .expect(403, 'FORBIDDEN');
    await t.http
      .post('/api/v1/authz/check', { body: { permission: 'role.read', principalId: ownerId }, token: viewer.accessToken })
      .expect(403, 'FORBIDDEN');
    const checker = await addMember(t, t.token, [await createRole(t, t.token, `Checker ${suffix()}`, ['authz.check'])]);
    const yes = await t.http
      .post('/api/v1/authz/check', { body: { permission: 'role.read', principalId: viewer.userId }, token: checker.accessToken })
      .expectResponse(200);
    expect(yes.body.data).toEqual({
      permission: 'role.read',
      principalId: viewer.userId,
      principalType: 'user',
      allowed: true,
      projectId: null,
      environmentId: null,
    });
    const no = await t.http
      .post('/api/v1/authz/check', { body: { permission: 'role.edit', principalId: viewer.userId }, token: checker.accessToken })
      .expectResponse(200);
    expect(no.body.data.allowed).toBe(false);
  });

  test('an unknown permission is 400; a principal who is not a member is 404', async () => {
    const unknown = await t.http.post('/api/v1/authz/check', { body: { permission: 'role.fly' } }).expectResponse(400, 'VALIDATION_FAILED');
    expect(unknown.body.error.validationErrors).toEqual([expect.objectContaining({ code: 'UNKNOWN_PERMISSION' })]);
    await t.http.post('/api/v1/authz/check', { body: {} }).expect(400, 'VALIDATION_FAILED');
    await t.http.post('/api/v1/authz/check', { body: { permission: 'role.read', principalId: 'me' } }).expect(400, 'VALIDATION_FAILED');
    const other = await otherOrganization(t, t.token);
    for (const principalId of [randomUUID(), other.owner.userId]) {
      await t.http.post('/api/v1/authz/check', { body: { permission: 'role.read', principalId } }).expect(404, 'NOT_FOUND');
    }
  });

  test('a batch of 100 checks answers 100 decisions in order; 101 and 0 are 400', async () => {
    const catalog = (await t.http.get('/api/v1/permissions')).body.data as { key: string; platform: boolean }[];
    const viewer = await addMember(t, t.token, ['viewer']);
    const viewerPermissions = new Set<string>(
      (await t.http.get('/api/v1/me/permissions', { token: viewer.accessToken })).body.data.permissions,
    );
    const checks = Array.from({ length: 100 }, (_, i) => {
      const permission = catalog[(i * 7) % catalog.length].key;
      return i % 2 === 0 ? { permission } : { permission, principalId: viewer.userId };
    });
    const res = await t.http.post('/api/v1/authz/check-batch', { body: { checks } }).expectResponse(200);
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

    await t.http
      .post('/api/v1/authz/check-batch', { body: { checks: [...checks, { permission: 'role.read' }] } })
      .expect(400, 'VALIDATION_FAILED');
    await t.http.post('/api/v1/authz/check-batch', { body: { checks: [] } }).expect(400, 'VALIDATION_FAILED');
    const unknown = await t.http
      .post('/api/v1/authz/check-batch', { body: { checks: [{ permission: 'role.read' }, { permission: 'role.fly' }] } })
      .expectResponse(400, 'VALIDATION_FAILED');
    expect(unknown.body.error.validationErrors).toEqual([expect.objectContaining({ code: 'UNKNOWN_PERMISSION' })]);
  });

  test('an unknown permission is reported on the field that holds it: permission, or checks[i].permission', async () => {
    // PRODUCT BUG: AccessService.assertKnown appends "[i]" to the field it is given, so these read
    // "permission[0]" and "checks[1].permission[0]", fields that do not exist in the request.
    const one = await t.http.post('/api/v1/authz/check', { body: { permission: 'role.fly' } }).expectResponse(400, 'VALIDATION_FAILED');
    expect(one.body.error.validationErrors).toEqual([expect.objectContaining({ field: 'permission', code: 'UNKNOWN_PERMISSION' })]);
    const batch = await t.http
      .post('/api/v1/authz/check-batch', { body: { checks: [{ permission: 'role.read' }, { permission: 'role.fly' }] } })
      .expectResponse(400, 'VALIDATION_FAILED');
    expect(batch.body.error.validationErrors).toEqual([
      expect.objectContaining({ field: 'checks[1].permission', code: 'UNKNOWN_PERMISSION' }),
    ]);
  });

  test('a batch naming another member needs authz.check', async () => {
    const viewer = await addMember(t, t.token, ['viewer']);
    await t.http
      .post('/api/v1/authz/check-batch', {
        body: { checks: [{ permission: 'role.read' }, { permission: 'role.read', principalId: ownerId }] },
        token: viewer.accessToken,
      })
      .expect(403, 'FORBIDDEN');
    const self = await t.http
      .post('/api/v1/authz/check-batch', {
        body: { checks: [{ permission: 'role.read' }, { permission: 'role.edit', principalId: viewer.userId }] },
        token: viewer.accessToken,
      })
      .expectResponse(200);
    expect(self.body.data.results.map((r: { allowed: boolean }) => r.allowed)).toEqual([true, false]);
  });
});

describe('GET /me/permissions', () => {
  test('for the owner: every tenant permission (and, as platform administrator, the platform ones)', async () => {
    const res = await t.http.get('/api/v1/me/permissions').expectResponse(200);
    const catalog = (await t.http.get('/api/v1/permissions')).body.data as { key: string }[];
    expect(res.body.data).toMatchObject({ organizationId: t.organizationId, principalId: ownerId, principalType: 'user' });
    expect(res.body.data.permissions).toEqual(catalog.map((p) => p.key).sort());
    expect(res.body.data.roles.map((r: { key: string }) => r.key).sort()).toEqual(['owner', 'platform_admin']);
  });

  test("for a viewer: exactly the viewer role's permissions", async () => {
    const viewer = await addMember(t, t.token, ['viewer']);
    const role = (await t.http.get('/api/v1/roles/{id}', { params: { id: await roleIdByKey(t, t.token, 'viewer') } })).body.data;
    const res = await t.http.get('/api/v1/me/permissions', { token: viewer.accessToken }).expectResponse(200);
    expect(res.body.data).toEqual({
      organizationId: t.organizationId,
      principalId: viewer.userId,
      principalType: 'user',
      permissions: role.permissions,
      roles: [{ id: role.id, key: 'viewer', name: 'Viewer', projectId: null, environmentId: null }],
    });
  });

  test("for an API key: its limited set, with its creator's roles", async () => {
    const key = await mintApiKey(t, t.token, { permissions: ['team.read', 'member.read'] });
    const res = await t.http.get('/api/v1/me/permissions', { token: key.secret }).expectResponse(200);
    expect(res.body.data).toMatchObject({
      organizationId: t.organizationId,
      principalId: key.id,
      principalType: 'api_key',
      permissions: ['member.read', 'team.read'],
    });
    expect(res.body.data.roles.map((r: { key: string }) => r.key).sort()).toEqual(['owner', 'platform_admin']);
    expect(res.body.context).toMatchObject({ principalType: 'api_key', principalId: key.id });
  });
});

describe('another organization', () => {
  let foreignRole: string;
  let foreignGrant: string;
  let foreignOwner: Member;
  beforeAll(async () => {
    const other = await otherOrganization(t, t.token);
    foreignOwner = other.owner;
    foreignRole = await createRole(t, foreignOwner.accessToken, `Foreign ${suffix()}`, ['team.read']);
    foreignGrant = (
      await t.http
        .post('/api/v1/user-roles', { body: { userId: foreignOwner.userId, roleId: foreignRole }, token: foreignOwner.accessToken })
        .expect(201)
    ).data.id;
  });

  test('its custom role is 404 on GET, PUT and DELETE, and cannot be granted here', async () => {
    await t.http.get('/api/v1/roles/{id}', { params: { id: foreignRole } }).expect(404, 'NOT_FOUND');
    await t.http.put('/api/v1/roles/{id}/permissions', { params: { id: foreignRole }, body: { permissions: [] } }).expect(404, 'NOT_FOUND');
    await t.http.delete('/api/v1/roles/{id}', { params: { id: foreignRole } }).expect(404, 'NOT_FOUND');
    const member = await addMember(t, t.token, []);
    await t.http.post('/api/v1/user-roles', { body: { userId: member.userId, roleId: foreignRole } }).expect(404, 'NOT_FOUND');
    const list = await t.http.get('/api/v1/roles', { query: { system: false, pageSize: 100 } }).expectResponse(200);
    expect(list.body.data.map((r: { id: string }) => r.id)).not.toContain(foreignRole);
    // Untouched in its own organization.
    const own = await t.http
      .get('/api/v1/roles/{id}', { params: { id: foreignRole }, token: foreignOwner.accessToken })
      .expectResponse(200);
    expect(own.body.data.permissions).toEqual(['team.read']);
  });

  test("its grants are 404 (revoke, a member's roles) and not listed", async () => {
    await t.http.delete('/api/v1/user-roles/{id}', { params: { id: foreignGrant } }).expect(404, 'NOT_FOUND');
    await t.http.get('/api/v1/users/{id}/roles', { params: { id: foreignOwner.userId } }).expect(404, 'NOT_FOUND');
    const listed = await t.http.get('/api/v1/user-roles', { query: { userId: foreignOwner.userId } }).expectResponse(200);
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
    nobody = await addMember(t, t.token, []);
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
    const viewerRole = await roleIdByKey(t, t.token, 'viewer');
    for (const { method, path, permission } of guarded) {
      const params: Record<string, string> = path.includes('{id}') ? { id: path.startsWith('/api/v1/users/') ? ownerId : viewerRole } : {};
      const res = await t.http
        .request(method as Method, path, { params, body: BODIES[`${method} ${path}`], token: nobody.accessToken })
        .expectResponse(403, 'FORBIDDEN');
      expect(res.body.error.message).toContain(permission);
    }
    const audit = await t.http
      .get('/api/v1/audit-events', { query: { action: 'authz.denied', actor: nobody.userId, limit: 200 } })
      .expectResponse(200);
    const events = audit.body.data as {
      action: string;
      outcome: string;
      actorId: string;
      actorType: string;
      details: { permission: string; method: string };
    }[];
    expect(events).toHaveLength(guarded.length);
    for (const e of events)
      expect(e).toMatchObject({ action: 'authz.denied', outcome: 'denied', actorId: nobody.userId, actorType: 'user' });
    expect(events.map((e) => `${e.details.method} ${e.details.permission}`).sort()).toEqual(
      guarded.map((g) => `${g.method} ${g.permission}`).sort(),
    );
    // Nothing changed behind the refusals.
    await t.http.get('/api/v1/roles/{id}', { params: { id: viewerRole } }).expect(200);
  });

  test("refusing to check another member's permissions is audited as a denial too", async () => {
    // PRODUCT BUG: the permission guard audits every refusal (authz.denied, outcome denied), and
    // refused mutations are audited by the mutation interceptor, but POST /authz/check is
    // @NotAudited and AuthzService throws its 403 ("needs authz.check") without writing anything.
    const member = await addMember(t, t.token, []);
    const correlation = `deny-check-${suffix()}`;
    await t.http
      .post('/api/v1/authz/check', {
        body: { permission: 'role.read', principalId: ownerId },
        token: member.accessToken,
        headers: { 'x-correlation-id': correlation },
      })
      .expect(403, 'FORBIDDEN');
    const audit = await t.http.get('/api/v1/audit-events', { query: { correlation_id: correlation } }).expectResponse(200);
    expect(audit.body.data).toEqual([
      expect.objectContaining({
        action: 'authz.denied',
        outcome: 'denied',
        actorId: member.userId,
        details: expect.objectContaining({ permission: 'authz.check' }),
      }),
    ]);
  });

  test('a denial of a single request is listed with outcome denied', async () => {
    const member = await addMember(t, t.token, []);
    const correlation = `deny-${suffix()}`;
    await t.http.get('/api/v1/roles', { token: member.accessToken, headers: { 'x-correlation-id': correlation } }).expect(403, 'FORBIDDEN');
    const audit = await t.http
      .get('/api/v1/audit-events', { query: { action: 'authz.denied', correlation_id: correlation } })
      .expectResponse(200);
    expect(audit.body.data).toEqual([
      expect.objectContaining({
        action: 'authz.denied',
        outcome: 'denied',
        actorId: member.userId,
        organizationId: t.organizationId,
        details: expect.objectContaining({ permission: 'role.read', method: 'GET' }),
      }),
    ]);
  });
});

describe('what a custom role may hold', () => {
  test('platform permissions come only with platform_admin: a custom role refuses them, even from a platform admin', async () => {
    const res = await t.http
      .post('/api/v1/roles', {
        body: { name: `Platform ops ${randomBytes(3).toString('hex')}`, permissions: ['team.read', 'platform.settings.write'] },
      })
      .expectResponse(400);
    expect(res.body.error.validationErrors).toEqual([
      {
        field: 'permissions[1]',
        message: 'platform.settings.write spans organizations and comes only with the platform_admin role',
        code: 'PLATFORM_PERMISSION',
      },
    ]);
    expectMatchesContract('POST', '/api/v1/roles', 400, res.body);
  });

  test('a name that yields no usable key needs an explicit one', async () => {
    const res = await t.http.post('/api/v1/roles', { body: { name: '1st responders', permissions: [] } }).expectResponse(400);
    expect(res.body.error.validationErrors[0]).toMatchObject({ field: 'key', code: 'INVALID_KEY' });
    await t.http
      .post('/api/v1/roles', {
        body: { name: '1st responders', key: `first-responders-${randomBytes(2).toString('hex')}`, permissions: [] },
      })
      .expect(201);
  });
});
