import { randomBytes, randomUUID } from 'node:crypto';
import { expectMatchesContract, raw } from '../support/contract.js';
import { addMember, createRole, type Member, mintApiKey, otherOrganization } from '../support/fixtures.js';
import { ADMIN, startServer, type TestServer } from '../support/server.js';

/**
 * Organizations, x-workspace-id and teams: a user acts in one organization per request (the one
 * they logged into, or the one x-workspace-id names among their memberships), and every other
 * organization's data answers as if it did not exist.
 */
let t: TestServer;
let owner: string;
let ownerId: string;
let home: string;

beforeAll(async () => {
  t = await startServer();
  owner = (await t.login()).accessToken;
  const me = await call('GET', '/api/v1/me', owner);
  ownerId = me.body.data.id;
  home = me.body.context.organizationId;
});
afterAll(async () => {
  await t?.close();
});

const suffix = () => randomBytes(3).toString('hex');

function call(
  method: string,
  path: string,
  token: string,
  options: { json?: unknown; workspace?: string; headers?: Record<string, string> } = {},
) {
  return raw(t.baseUrl, path, {
    method,
    json: options.json,
    headers: {
      authorization: `Bearer ${token}`,
      ...(options.workspace !== undefined ? { 'x-workspace-id': options.workspace } : {}),
      ...options.headers,
    },
  });
}

/** Asserts status and error code, and that the body is what the contract documents for it. */
function expectError(res: { status: number; body: any }, method: string, path: string, status: number, code: string) {
  expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status, code });
  expect(res.body).toMatchObject({ success: false, data: null });
  expectMatchesContract(method, path, status, res.body);
}

async function createOrganization(name = `Org ${suffix()}`, slug?: string): Promise<string> {
  const res = await call('POST', '/api/v1/organizations', owner, { json: { name, ...(slug ? { slug } : {}) } });
  expect(res.status).toBe(201);
  return res.body.data.id;
}

describe('POST /organizations', () => {
  test('creates an organization whose creator is its owner, and lists it among theirs', async () => {
    const slug = `acme-${suffix()}`;
    const res = await call('POST', '/api/v1/organizations', owner, { json: { name: 'Acme Platform', slug } });
    expect(res.status).toBe(201);
    expectMatchesContract('POST', '/api/v1/organizations', 201, res.body);
    const org = res.body.data;
    expect(org).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'Acme Platform',
      slug,
      tier: 'standard',
      createdAt: expect.any(String),
    });
    expect(org.id).not.toBe(home);
    // The request itself acted in the organization the token belongs to.
    expect(res.body.context.organizationId).toBe(home);

    // In the new organization the creator holds exactly the owner role and its permissions.
    const ownerRole = await call('GET', '/api/v1/roles?q=owner&pageSize=100', owner);
    const ownerPermissions = (ownerRole.body.data as { key: string; permissions: string[] }[]).find((r) => r.key === 'owner')!.permissions;
    const perms = await call('GET', '/api/v1/me/permissions', owner, { workspace: org.id });
    expect(perms.status).toBe(200);
    expectMatchesContract('GET', '/api/v1/me/permissions', 200, perms.body);
    expect(perms.body.data.organizationId).toBe(org.id);
    expect(perms.body.context.organizationId).toBe(org.id);
    expect(perms.body.data.roles.map((r: { key: string }) => r.key)).toEqual(['owner']);
    expect(perms.body.data.permissions).toEqual([...ownerPermissions].sort());
    expect(perms.body.data.permissions).toContain('team.create');
    // platform_admin is held in the first organization only; creating one does not carry it over.
    expect(perms.body.data.permissions).not.toContain('platform.settings.read');

    const mine = await call('GET', '/api/v1/me/organizations', owner);
    expect(mine.status).toBe(200);
    expectMatchesContract('GET', '/api/v1/me/organizations', 200, mine.body);
    const ids = mine.body.data.map((o: { id: string }) => o.id);
    expect(ids).toEqual(expect.arrayContaining([home, org.id]));
    expect(mine.body.data.find((o: { id: string }) => o.id === org.id)).toEqual(org);

    // The creation is in the new organization's own trail.
    const trail = await call('GET', `/api/v1/audit-events?action=organization.create&resource=organization:${org.id}`, owner, {
      workspace: org.id,
    });
    expect(trail.status).toBe(200);
    expect(trail.body.data).toHaveLength(1);
    expect(trail.body.data[0]).toMatchObject({
      organizationId: org.id,
      actorType: 'user',
      actorId: ownerId,
      outcome: 'success',
      details: { name: 'Acme Platform', slug },
    });
  });

  test('derives a unique slug from the name when none is given', async () => {
    const first = await call('POST', '/api/v1/organizations', owner, { json: { name: 'Ünïcode Corp!' } });
    const second = await call('POST', '/api/v1/organizations', owner, { json: { name: 'Ünïcode Corp!' } });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(first.body.data.slug).toMatch(/^unicode-corp-[0-9a-f]{6}$/);
    expect(second.body.data.slug).toMatch(/^unicode-corp-[0-9a-f]{6}$/);
    expect(second.body.data.slug).not.toBe(first.body.data.slug);
  });

  test('a slug already taken is 409 CONFLICT and creates nothing', async () => {
    const slug = `taken-${suffix()}`;
    await createOrganization(`Taken ${suffix()}`, slug);
    const name = `Second ${suffix()}`;
    const res = await call('POST', '/api/v1/organizations', owner, { json: { name, slug } });
    expectError(res, 'POST', '/api/v1/organizations', 409, 'CONFLICT');
    expect(res.body.error.message).toContain(slug);
    // The first organization's slug ("default", from ADMIN_ORGANIZATION) is taken too.
    expectError(
      await call('POST', '/api/v1/organizations', owner, { json: { name, slug: 'default' } }),
      'POST',
      '/api/v1/organizations',
      409,
      'CONFLICT',
    );
    expect(await t.sql('SELECT id FROM organizations WHERE name = $1', [name])).toHaveLength(0);
  });

  test('an invalid name or slug is 400 VALIDATION_FAILED naming the field', async () => {
    for (const [json, field] of [
      [{ name: '' }, 'name'],
      [{ name: 'x'.repeat(101) }, 'name'],
      [{ name: 'Ok', slug: 'Not A Slug' }, 'slug'],
      [{ name: 'Ok', slug: '-leading' }, 'slug'],
      [{ name: 'Ok', extra: true }, 'extra'],
    ] as const) {
      const res = await call('POST', '/api/v1/organizations', owner, { json });
      expectError(res, 'POST', '/api/v1/organizations', 400, 'VALIDATION_FAILED');
      expect(res.body.error.validationErrors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });

  test("an API key cannot create one (403), even the owner's", async () => {
    const key = await mintApiKey(t, owner);
    const name = `By key ${suffix()}`;
    const res = await call('POST', '/api/v1/organizations', key.secret, { json: { name } });
    expectError(res, 'POST', '/api/v1/organizations', 403, 'FORBIDDEN');
    const viaHeader = await raw(t.baseUrl, '/api/v1/organizations', {
      method: 'POST',
      headers: { 'x-api-key': key.secret },
      json: { name },
    });
    expectError(viaHeader, 'POST', '/api/v1/organizations', 403, 'FORBIDDEN');
    expect(await t.sql('SELECT id FROM organizations WHERE name = $1', [name])).toHaveLength(0);
  });

  test('needs authentication', async () => {
    const res = await raw(t.baseUrl, '/api/v1/organizations', { method: 'POST', json: { name: 'Anonymous' } });
    expectError(res, 'POST', '/api/v1/organizations', 401, 'UNAUTHENTICATED');
  });
});

describe('x-workspace-id', () => {
  let second: string;
  let member: Member;
  beforeAll(async () => {
    second = await createOrganization();
    member = await addMember(t, owner, ['viewer']);
  });

  test('a member of both organizations acts in the one it names', async () => {
    const there = await call('GET', '/api/v1/me', owner, { workspace: second });
    expect(there.status).toBe(200);
    expectMatchesContract('GET', '/api/v1/me', 200, there.body);
    expect(there.body.context).toEqual({ principalId: ownerId, principalType: 'user', organizationId: second });
    const here = await call('GET', '/api/v1/me', owner);
    expect(here.body.context.organizationId).toBe(home);
    // Naming the organization the token is in already changes nothing.
    expect((await call('GET', '/api/v1/me', owner, { workspace: home })).body.context.organizationId).toBe(home);

    const org = await call('GET', `/api/v1/organizations/${second}`, owner, { workspace: second });
    expect(org.status).toBe(200);
    expect(org.body.data.id).toBe(second);
  });

  test('an organization the user is not a member of is 403 FORBIDDEN, never a silent switch', async () => {
    for (const workspace of [second, randomUUID()]) {
      const res = await call('GET', '/api/v1/me', member.accessToken, { workspace });
      expectError(res, 'GET', '/api/v1/me', 403, 'FORBIDDEN');
      expect(res.body.error.message).toMatch(/not a member/);
      // Not even a route that needs no permission answers in the home organization instead.
      expectError(
        await call('GET', '/api/v1/me/permissions', member.accessToken, { workspace }),
        'GET',
        '/api/v1/me/permissions',
        403,
        'FORBIDDEN',
      );
    }
    // The owner, too, is refused an organization they do not belong to.
    expectError(await call('GET', '/api/v1/me', owner, { workspace: randomUUID() }), 'GET', '/api/v1/me', 403, 'FORBIDDEN');
  });

  test('a refused switch changes nothing: a write does not land in either organization', async () => {
    const name = `Sneaky ${suffix()}`;
    const res = await call('POST', '/api/v1/teams', member.accessToken, { workspace: second, json: { name } });
    expectError(res, 'POST', '/api/v1/teams', 403, 'FORBIDDEN');
    expect(await t.sql('SELECT id FROM teams WHERE name = $1', [name])).toHaveLength(0);
  });

  test('a malformed value is 403 FORBIDDEN', async () => {
    for (const workspace of [
      'not-a-uuid',
      `${second}x`,
      second.toUpperCase().slice(1),
      '',
      `${second}, ${home}`,
      '00000000-0000-0000-0000-00000000000g',
    ]) {
      const res = await call('GET', '/api/v1/me', owner, { workspace });
      expectError(res, 'GET', '/api/v1/me', 403, 'FORBIDDEN');
    }
  });

  test('a UUID in upper case names the same organization as in lower case', async () => {
    // The guard accepts either case (UUIDs are case-insensitive), so the request must then act in
    // the organization as it is stored, not in a differently spelled id that no comparison matches.
    const switched = await call('GET', `/api/v1/organizations/${second}`, owner, { workspace: second.toUpperCase() });
    // An API key naming its own organization in upper case is not "another" organization.
    const key = await mintApiKey(t, owner);
    const own = await call('GET', '/api/v1/me/permissions', key.secret, { workspace: home.toUpperCase() });
    expect({
      switched: { status: switched.status, organizationId: switched.body.context?.organizationId },
      apiKeyOwnOrganization: { status: own.status, organizationId: own.body.context?.organizationId },
    }).toEqual({
      switched: { status: 200, organizationId: second },
      apiKeyOwnOrganization: { status: 200, organizationId: home },
    });
  });

  test("an API key belongs to its organization alone, whatever its creator's memberships", async () => {
    const key = await mintApiKey(t, owner);
    expect((await call('GET', '/api/v1/me/permissions', key.secret, { workspace: home })).status).toBe(200);
    const res = await call('GET', '/api/v1/me/permissions', key.secret, { workspace: second });
    expectError(res, 'GET', '/api/v1/me/permissions', 403, 'FORBIDDEN');
    const mine = await call('GET', '/api/v1/me/organizations', key.secret);
    expect(mine.status).toBe(200);
    expect(mine.body.data.map((o: { id: string }) => o.id)).toEqual([home]);
  });
});

describe('GET /organizations/{id}, /{id}/members, /{id}/teams', () => {
  let second: string;
  let nobody: Member;
  let viewer: Member;
  beforeAll(async () => {
    second = await createOrganization();
    nobody = await addMember(t, owner, []);
    viewer = await addMember(t, owner, ['viewer']);
  });

  test('answer for the organization the request acts in', async () => {
    const org = await call('GET', `/api/v1/organizations/${home}`, owner);
    expect(org.status).toBe(200);
    expectMatchesContract('GET', '/api/v1/organizations/{id}', 200, org.body);
    expect(org.body.data).toMatchObject({ id: home, name: 'Default', slug: 'default', tier: 'standard' });

    const members = await call('GET', `/api/v1/organizations/${home}/members`, owner);
    expect(members.status).toBe(200);
    expectMatchesContract('GET', '/api/v1/organizations/{id}/members', 200, members.body);
    const byEmail = new Map(members.body.data.map((m: { email: string }) => [m.email, m]));
    expect(byEmail.get(ADMIN.email)).toMatchObject({ userId: ownerId, status: 'active', displayName: 'Administrator' });
    expect(byEmail.get(viewer.email)).toMatchObject({ userId: viewer.userId, status: 'active' });
    expect(JSON.stringify(members.body)).not.toMatch(/password/i);

    const teams = await call('GET', `/api/v1/organizations/${home}/teams`, owner);
    expect(teams.status).toBe(200);
    expectMatchesContract('GET', '/api/v1/organizations/{id}/teams', 200, teams.body);
    expect(Array.isArray(teams.body.data)).toBe(true);

    // A viewer reads them too (organization.read, member.read and team.read are plain reads).
    for (const path of [`/api/v1/organizations/${home}`, `/api/v1/organizations/${home}/members`, `/api/v1/organizations/${home}/teams`]) {
      expect((await call('GET', path, viewer.accessToken)).status).toBe(200);
    }
  });

  test('another organization is 404, even one the caller belongs to, unless the request acts in it', async () => {
    for (const [suffixPath, template] of [
      ['', '/api/v1/organizations/{id}'],
      ['/members', '/api/v1/organizations/{id}/members'],
      ['/teams', '/api/v1/organizations/{id}/teams'],
    ] as const) {
      const elsewhere = await call('GET', `/api/v1/organizations/${second}${suffixPath}`, owner);
      expectError(elsewhere, 'GET', template, 404, 'NOT_FOUND');
      const unknown = await call('GET', `/api/v1/organizations/${randomUUID()}${suffixPath}`, owner);
      expectError(unknown, 'GET', template, 404, 'NOT_FOUND');
      // Same answer for an organization that exists and one that does not: existence is not disclosed.
      expect(elsewhere.body.error).toEqual(unknown.body.error);
      // Acting in it, the owner reads it; and then the home organization is the "other" one.
      expect((await call('GET', `/api/v1/organizations/${second}${suffixPath}`, owner, { workspace: second })).status).toBe(200);
      expectError(
        await call('GET', `/api/v1/organizations/${home}${suffixPath}`, owner, { workspace: second }),
        'GET',
        template,
        404,
        'NOT_FOUND',
      );
    }
    const members = await call('GET', `/api/v1/organizations/${second}/members`, owner, { workspace: second });
    expect(members.body.data.map((m: { userId: string }) => m.userId)).toEqual([ownerId]);
  });

  test('a member without permission is 403 FORBIDDEN', async () => {
    for (const [path, template, permission] of [
      [`/api/v1/organizations/${home}`, '/api/v1/organizations/{id}', 'organization.read'],
      [`/api/v1/organizations/${home}/members`, '/api/v1/organizations/{id}/members', 'member.read'],
      [`/api/v1/organizations/${home}/teams`, '/api/v1/organizations/{id}/teams', 'team.read'],
    ] as const) {
      const res = await call('GET', path, nobody.accessToken);
      expectError(res, 'GET', template, 403, 'FORBIDDEN');
      expect(res.body.error.message).toContain(permission);
    }
  });

  test('a malformed id is 400 VALIDATION_FAILED', async () => {
    const res = await call('GET', '/api/v1/organizations/not-a-uuid', owner);
    expectError(res, 'GET', '/api/v1/organizations/{id}', 400, 'VALIDATION_FAILED');
    expect(res.body.error.validationErrors).toEqual([{ field: 'id', message: expect.any(String), code: 'IS_UUID' }]);
  });
});

describe('teams', () => {
  let alice: Member;
  let bob: Member;
  let nobody: Member;
  beforeAll(async () => {
    alice = await addMember(t, owner, ['viewer']);
    bob = await addMember(t, owner, ['viewer']);
    nobody = await addMember(t, owner, []);
  });

  test('POST /teams creates a team with members; GET /teams/{id} and /me/teams show it', async () => {
    const name = `On-call ${suffix()}`;
    const res = await call('POST', '/api/v1/teams', owner, {
      json: { name, description: 'Pager duty', memberIds: [ownerId, alice.userId, alice.userId] },
    });
    expect(res.status).toBe(201);
    expectMatchesContract('POST', '/api/v1/teams', 201, res.body);
    const team = res.body.data;
    expect(team).toMatchObject({ organizationId: home, name, description: 'Pager duty' });
    // Duplicates collapse to one membership each.
    expect([...team.memberIds].sort()).toEqual([ownerId, alice.userId].sort());

    const got = await call('GET', `/api/v1/teams/${team.id}`, owner);
    expect(got.status).toBe(200);
    expectMatchesContract('GET', '/api/v1/teams/{id}', 200, got.body);
    expect({ ...got.body.data, memberIds: [...got.body.data.memberIds].sort() }).toEqual({
      ...team,
      memberIds: [...team.memberIds].sort(),
    });
    // A viewer holds team.read.
    expect((await call('GET', `/api/v1/teams/${team.id}`, bob.accessToken)).status).toBe(200);

    const aliceTeams = await call('GET', '/api/v1/me/teams', alice.accessToken);
    expect(aliceTeams.status).toBe(200);
    expectMatchesContract('GET', '/api/v1/me/teams', 200, aliceTeams.body);
    expect(aliceTeams.body.data.map((x: { id: string }) => x.id)).toEqual([team.id]);
    const bobTeams = await call('GET', '/api/v1/me/teams', bob.accessToken);
    expect(bobTeams.status).toBe(200);
    expect(bobTeams.body.data).toEqual([]);
    // /me/teams needs no permission.
    expect((await call('GET', '/api/v1/me/teams', nobody.accessToken)).status).toBe(200);

    const listed = await call('GET', `/api/v1/organizations/${home}/teams`, owner);
    expect(listed.body.data.map((x: { id: string }) => x.id)).toContain(team.id);

    const trail = await call('GET', `/api/v1/audit-events?action=team.create&resource=team:${team.id}`, owner);
    expect(trail.body.data).toHaveLength(1);
    expect(trail.body.data[0]).toMatchObject({ actorId: ownerId, outcome: 'success', details: { name, members: 2 } });
  });

  test('a team without members', async () => {
    const res = await call('POST', '/api/v1/teams', owner, { json: { name: `Empty ${suffix()}` } });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ description: '', memberIds: [] });
  });

  test('a duplicate name is 409 CONFLICT', async () => {
    const name = `Dup ${suffix()}`;
    expect((await call('POST', '/api/v1/teams', owner, { json: { name } })).status).toBe(201);
    const res = await call('POST', '/api/v1/teams', owner, { json: { name } });
    expectError(res, 'POST', '/api/v1/teams', 409, 'CONFLICT');
    expect(await t.sql('SELECT id FROM teams WHERE name = $1', [name])).toHaveLength(1);
  });

  test('a user who is not a member of the organization is 404, and no team is created', async () => {
    const other = await otherOrganization(t, owner);
    for (const stranger of [other.owner.userId, randomUUID()]) {
      const name = `Strangers ${suffix()}`;
      const res = await call('POST', '/api/v1/teams', owner, { json: { name, memberIds: [alice.userId, stranger] } });
      expectError(res, 'POST', '/api/v1/teams', 404, 'NOT_FOUND');
      expect(await t.sql('SELECT id FROM teams WHERE name = $1', [name])).toHaveLength(0);
    }
  });

  test("another organization's team is 404; acting in that organization it is found", async () => {
    const second = await createOrganization();
    const created = await call('POST', '/api/v1/teams', owner, {
      workspace: second,
      json: { name: `Elsewhere ${suffix()}`, memberIds: [ownerId] },
    });
    expect(created.status).toBe(201);
    expect(created.body.data.organizationId).toBe(second);
    const id = created.body.data.id;

    const res = await call('GET', `/api/v1/teams/${id}`, owner);
    expectError(res, 'GET', '/api/v1/teams/{id}', 404, 'NOT_FOUND');
    expect((await call('GET', `/api/v1/teams/${id}`, owner, { workspace: second })).status).toBe(200);
    expectError(await call('GET', `/api/v1/teams/${randomUUID()}`, owner), 'GET', '/api/v1/teams/{id}', 404, 'NOT_FOUND');
    // The owner's teams in the home organization do not include it; in the second they do.
    expect((await call('GET', '/api/v1/me/teams', owner)).body.data.map((x: { id: string }) => x.id)).not.toContain(id);
    expect((await call('GET', '/api/v1/me/teams', owner, { workspace: second })).body.data.map((x: { id: string }) => x.id)).toEqual([id]);
  });

  test('creating needs team.create, reading needs team.read', async () => {
    const res = await call('POST', '/api/v1/teams', alice.accessToken, { json: { name: `Viewer's ${suffix()}` } });
    expectError(res, 'POST', '/api/v1/teams', 403, 'FORBIDDEN');
    const team = (await call('POST', '/api/v1/teams', owner, { json: { name: `Read ${suffix()}` } })).body.data;
    expectError(await call('GET', `/api/v1/teams/${team.id}`, nobody.accessToken), 'GET', '/api/v1/teams/{id}', 403, 'FORBIDDEN');

    // A custom role with team.create alone is enough to create one.
    const roleId = await createRole(t, owner, `Team maker ${suffix()}`, ['team.create']);
    const maker = await addMember(t, owner, [roleId]);
    const made = await call('POST', '/api/v1/teams', maker.accessToken, { json: { name: `Made ${suffix()}`, memberIds: [maker.userId] } });
    expect(made.status).toBe(201);
  });

  test('invalid input is 400 VALIDATION_FAILED', async () => {
    for (const [json, field] of [
      [{ name: '' }, 'name'],
      [{ name: 'ok', memberIds: ['nope'] }, 'memberIds'],
      [{ name: 'ok', description: 'x'.repeat(501) }, 'description'],
    ] as const) {
      const res = await call('POST', '/api/v1/teams', owner, { json });
      expectError(res, 'POST', '/api/v1/teams', 400, 'VALIDATION_FAILED');
      expect(res.body.error.validationErrors.map((e: { field: string }) => e.field.replace(/\[\d+\]$/, ''))).toContain(field);
    }
  });
});
