import { randomBytes, randomUUID } from 'node:crypto';
import { expectMatchesContract } from '../support/contract.js';
import { addMember, createRole, type Member, mintApiKey, otherOrganization } from '../support/fixtures.js';
import { ADMIN } from '../support/server.js';
import { useServer } from '../support/use-server.js';

/**
 * Organizations, x-workspace-id and teams: a user acts in one organization per request (the one
 * they logged into, or the one x-workspace-id names among their memberships), and every other
 * organization's data answers as if it did not exist.
 */
const t = useServer();
let owner: string;
let ownerId: string;
let home: string;

beforeAll(async () => {
  owner = t.token;
  const me = await t.http.get('/api/v1/me').expect(200);
  ownerId = me.data.id;
  home = me.context.organizationId;
});

const suffix = () => randomBytes(3).toString('hex');

async function createOrganization(name = `Org ${suffix()}`, slug?: string): Promise<string> {
  const res = await t.http.post('/api/v1/organizations', { body: { name, ...(slug ? { slug } : {}) } }).expect(201);
  return res.data.id;
}

describe('POST /organizations', () => {
  test('creates an organization whose creator is its owner, and lists it among theirs', async () => {
    const slug = `acme-${suffix()}`;
    const res = await t.http.post('/api/v1/organizations', { body: { name: 'Acme Platform', slug } }).expect(201);
    const org = res.data;
    expect(org).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'Acme Platform',
      slug,
      tier: 'standard',
      createdAt: expect.any(String),
    });
    expect(org.id).not.toBe(home);
    // The request itself acted in the organization the token belongs to.
    expect(res.context.organizationId).toBe(home);

    // In the new organization the creator holds exactly the owner role and its permissions.
    const ownerRole = await t.http.get('/api/v1/roles', { query: { q: 'owner', pageSize: 100 } });
    const ownerPermissions = (ownerRole.body.data as { key: string; permissions: string[] }[]).find((r) => r.key === 'owner')!.permissions;
    const perms = await t.http.get('/api/v1/me/permissions', { workspace: org.id }).expect(200);
    expect(perms.data.organizationId).toBe(org.id);
    expect(perms.context.organizationId).toBe(org.id);
    expect(perms.data.roles.map((r: { key: string }) => r.key)).toEqual(['owner']);
    expect(perms.data.permissions).toEqual([...ownerPermissions].sort());
    expect(perms.data.permissions).toContain('team.create');
    // platform_admin is held in the first organization only; creating one does not carry it over.
    expect(perms.data.permissions).not.toContain('platform.settings.read');

    const mine = await t.http.get('/api/v1/me/organizations').expect(200);
    const ids = mine.data.map((o: { id: string }) => o.id);
    expect(ids).toEqual(expect.arrayContaining([home, org.id]));
    expect(mine.data.find((o: { id: string }) => o.id === org.id)).toEqual(org);

    // The creation is in the new organization's own trail.
    const trail = await t.http
      .get('/api/v1/audit-events', { query: { action: 'organization.create', resource: `organization:${org.id}` }, workspace: org.id })
      .expect(200);
    expect(trail.data).toHaveLength(1);
    expect(trail.data[0]).toMatchObject({
      organizationId: org.id,
      actorType: 'user',
      actorId: ownerId,
      outcome: 'success',
      details: { name: 'Acme Platform', slug },
    });
  });

  test('derives a unique slug from the name when none is given', async () => {
    const first = await t.http.post('/api/v1/organizations', { body: { name: 'Ünïcode Corp!' } }).expect(201);
    const second = await t.http.post('/api/v1/organizations', { body: { name: 'Ünïcode Corp!' } }).expect(201);
    expect(first.data.slug).toMatch(/^unicode-corp-[0-9a-f]{6}$/);
    expect(second.data.slug).toMatch(/^unicode-corp-[0-9a-f]{6}$/);
    expect(second.data.slug).not.toBe(first.data.slug);
  });

  test('a slug already taken is 409 CONFLICT and creates nothing', async () => {
    const slug = `taken-${suffix()}`;
    await createOrganization(`Taken ${suffix()}`, slug);
    const name = `Second ${suffix()}`;
    const res = await t.http.post('/api/v1/organizations', { body: { name, slug } }).expect(409, 'CONFLICT');
    expect(res.error.message).toContain(slug);
    // The first organization's slug ("default", from ADMIN_ORGANIZATION) is taken too.
    await t.http.post('/api/v1/organizations', { body: { name, slug: 'default' } }).expect(409, 'CONFLICT');
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
      const res = await t.http.post('/api/v1/organizations', { body: json }).expect(400, 'VALIDATION_FAILED');
      expect(res.error.validationErrors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });

  test("an API key cannot create one (403), even the owner's", async () => {
    const key = await mintApiKey(t, owner);
    const name = `By key ${suffix()}`;
    await t.http.post('/api/v1/organizations', { body: { name }, token: key.secret }).expect(403, 'FORBIDDEN');
    await t.http
      .post('/api/v1/organizations', { body: { name }, token: null, headers: { 'x-api-key': key.secret } })
      .expect(403, 'FORBIDDEN');
    expect(await t.sql('SELECT id FROM organizations WHERE name = $1', [name])).toHaveLength(0);
  });

  test('needs authentication', async () => {
    await t.http.post('/api/v1/organizations', { body: { name: 'Anonymous' }, token: null }).expect(401, 'UNAUTHENTICATED');
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
    const there = await t.http.get('/api/v1/me', { workspace: second }).expect(200);
    expect(there.context).toEqual({ principalId: ownerId, principalType: 'user', organizationId: second });
    const here = await t.http.get('/api/v1/me');
    expect(here.body.context.organizationId).toBe(home);
    // Naming the organization the token is in already changes nothing.
    expect((await t.http.get('/api/v1/me', { workspace: home })).body.context.organizationId).toBe(home);

    const org = await t.http.get('/api/v1/organizations/{id}', { params: { id: second }, workspace: second }).expect(200);
    expect(org.data.id).toBe(second);
  });

  test('an organization the user is not a member of is 403 FORBIDDEN, never a silent switch', async () => {
    for (const workspace of [second, randomUUID()]) {
      const res = await t.http.get('/api/v1/me', { token: member.accessToken, workspace }).expect(403, 'FORBIDDEN');
      expect(res.error.message).toMatch(/not a member/);
      // Not even a route that needs no permission answers in the home organization instead.
      await t.http.get('/api/v1/me/permissions', { token: member.accessToken, workspace }).expect(403, 'FORBIDDEN');
    }
    // The owner, too, is refused an organization they do not belong to.
    await t.http.get('/api/v1/me', { workspace: randomUUID() }).expect(403, 'FORBIDDEN');
  });

  test('a refused switch changes nothing: a write does not land in either organization', async () => {
    const name = `Sneaky ${suffix()}`;
    await t.http.post('/api/v1/teams', { token: member.accessToken, workspace: second, body: { name } }).expect(403, 'FORBIDDEN');
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
      await t.http.get('/api/v1/me', { workspace }).expect(403, 'FORBIDDEN');
    }
  });

  test('a UUID in upper case names the same organization as in lower case', async () => {
    // The guard accepts either case (UUIDs are case-insensitive), so the request must then act in
    // the organization as it is stored, not in a differently spelled id that no comparison matches.
    const switched = await t.http.get('/api/v1/organizations/{id}', { params: { id: second }, workspace: second.toUpperCase() });
    // An API key naming its own organization in upper case is not "another" organization.
    const key = await mintApiKey(t, owner);
    const own = await t.http.get('/api/v1/me/permissions', { token: key.secret, workspace: home.toUpperCase() });
    expect({
      switched: { status: switched.status, organizationId: switched.body.context?.organizationId },
      apiKeyOwnOrganization: { status: own.status, organizationId: own.body.context?.organizationId },
    }).toEqual({
      switched: { status: 200, organizationId: second },
      apiKeyOwnOrganization: { status: 200, organizationId: home },
    });
    expectMatchesContract('GET', '/api/v1/organizations/{id}', switched.status, switched.body);
    expectMatchesContract('GET', '/api/v1/me/permissions', own.status, own.body);
  });

  test("an API key belongs to its organization alone, whatever its creator's memberships", async () => {
    const key = await mintApiKey(t, owner);
    await t.http.get('/api/v1/me/permissions', { token: key.secret, workspace: home }).expect(200);
    await t.http.get('/api/v1/me/permissions', { token: key.secret, workspace: second }).expect(403, 'FORBIDDEN');
    const mine = await t.http.get('/api/v1/me/organizations', { token: key.secret }).expect(200);
    expect(mine.data.map((o: { id: string }) => o.id)).toEqual([home]);
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

  const TEMPLATES = ['/api/v1/organizations/{id}', '/api/v1/organizations/{id}/members', '/api/v1/organizations/{id}/teams'] as const;

  test('answer for the organization the request acts in', async () => {
    const org = await t.http.get('/api/v1/organizations/{id}', { params: { id: home } }).expect(200);
    expect(org.data).toMatchObject({ id: home, name: 'Default', slug: 'default', tier: 'standard' });

    const members = await t.http.get('/api/v1/organizations/{id}/members', { params: { id: home } }).expect(200);
    const byEmail = new Map(members.data.map((m: { email: string }) => [m.email, m]));
    expect(byEmail.get(ADMIN.email)).toMatchObject({ userId: ownerId, status: 'active', displayName: 'Administrator' });
    expect(byEmail.get(viewer.email)).toMatchObject({ userId: viewer.userId, status: 'active' });
    expect(JSON.stringify(members)).not.toMatch(/password/i);

    const teams = await t.http.get('/api/v1/organizations/{id}/teams', { params: { id: home } }).expect(200);
    expect(Array.isArray(teams.data)).toBe(true);

    // A viewer reads them too (organization.read, member.read and team.read are plain reads).
    for (const template of TEMPLATES) {
      await t.http.get(template, { params: { id: home }, token: viewer.accessToken }).expect(200);
    }
  });

  test('another organization is 404, even one the caller belongs to, unless the request acts in it', async () => {
    for (const template of TEMPLATES) {
      const elsewhere = await t.http.get(template, { params: { id: second } }).expect(404, 'NOT_FOUND');
      const unknown = await t.http.get(template, { params: { id: randomUUID() } }).expect(404, 'NOT_FOUND');
      // Same answer for an organization that exists and one that does not: existence is not disclosed.
      expect(elsewhere.error).toEqual(unknown.error);
      // Acting in it, the owner reads it; and then the home organization is the "other" one.
      await t.http.get(template, { params: { id: second }, workspace: second }).expect(200);
      await t.http.get(template, { params: { id: home }, workspace: second }).expect(404, 'NOT_FOUND');
    }
    const members = await t.http.get('/api/v1/organizations/{id}/members', { params: { id: second }, workspace: second });
    expect(members.body.data.map((m: { userId: string }) => m.userId)).toEqual([ownerId]);
  });

  test('a member without permission is 403 FORBIDDEN', async () => {
    for (const [template, permission] of [
      ['/api/v1/organizations/{id}', 'organization.read'],
      ['/api/v1/organizations/{id}/members', 'member.read'],
      ['/api/v1/organizations/{id}/teams', 'team.read'],
    ] as const) {
      const res = await t.http.get(template, { params: { id: home }, token: nobody.accessToken }).expect(403, 'FORBIDDEN');
      expect(res.error.message).toContain(permission);
    }
  });

  test('a malformed id is 400 VALIDATION_FAILED', async () => {
    const res = await t.http.get('/api/v1/organizations/{id}', { params: { id: 'not-a-uuid' } }).expect(400, 'VALIDATION_FAILED');
    expect(res.error.validationErrors).toEqual([{ field: 'id', message: expect.any(String), code: 'IS_UUID' }]);
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
    const res = await t.http
      .post('/api/v1/teams', { body: { name, description: 'Pager duty', memberIds: [ownerId, alice.userId, alice.userId] } })
      .expect(201);
    const team = res.data;
    expect(team).toMatchObject({ organizationId: home, name, description: 'Pager duty' });
    // Duplicates collapse to one membership each.
    expect([...team.memberIds].sort()).toEqual([ownerId, alice.userId].sort());

    const got = await t.http.get('/api/v1/teams/{id}', { params: { id: team.id } }).expect(200);
    expect({ ...got.data, memberIds: [...got.data.memberIds].sort() }).toEqual({
      ...team,
      memberIds: [...team.memberIds].sort(),
    });
    // A viewer holds team.read.
    await t.http.get('/api/v1/teams/{id}', { params: { id: team.id }, token: bob.accessToken }).expect(200);

    const aliceTeams = await t.http.get('/api/v1/me/teams', { token: alice.accessToken }).expect(200);
    expect(aliceTeams.data.map((x: { id: string }) => x.id)).toEqual([team.id]);
    const bobTeams = await t.http.get('/api/v1/me/teams', { token: bob.accessToken }).expect(200);
    expect(bobTeams.data).toEqual([]);
    // /me/teams needs no permission.
    await t.http.get('/api/v1/me/teams', { token: nobody.accessToken }).expect(200);

    const listed = await t.http.get('/api/v1/organizations/{id}/teams', { params: { id: home } });
    expect(listed.body.data.map((x: { id: string }) => x.id)).toContain(team.id);

    const trail = await t.http.get('/api/v1/audit-events', { query: { action: 'team.create', resource: `team:${team.id}` } });
    expect(trail.body.data).toHaveLength(1);
    expect(trail.body.data[0]).toMatchObject({ actorId: ownerId, outcome: 'success', details: { name, members: 2 } });
  });

  test('a team without members', async () => {
    const res = await t.http.post('/api/v1/teams', { body: { name: `Empty ${suffix()}` } }).expect(201);
    expect(res.data).toMatchObject({ description: '', memberIds: [] });
  });

  test('a duplicate name is 409 CONFLICT', async () => {
    const name = `Dup ${suffix()}`;
    await t.http.post('/api/v1/teams', { body: { name } }).expect(201);
    await t.http.post('/api/v1/teams', { body: { name } }).expect(409, 'CONFLICT');
    expect(await t.sql('SELECT id FROM teams WHERE name = $1', [name])).toHaveLength(1);
  });

  test('a user who is not a member of the organization is 404, and no team is created', async () => {
    const other = await otherOrganization(t, owner);
    for (const stranger of [other.owner.userId, randomUUID()]) {
      const name = `Strangers ${suffix()}`;
      await t.http.post('/api/v1/teams', { body: { name, memberIds: [alice.userId, stranger] } }).expect(404, 'NOT_FOUND');
      expect(await t.sql('SELECT id FROM teams WHERE name = $1', [name])).toHaveLength(0);
    }
  });

  test("another organization's team is 404; acting in that organization it is found", async () => {
    const second = await createOrganization();
    const created = await t.http
      .post('/api/v1/teams', { workspace: second, body: { name: `Elsewhere ${suffix()}`, memberIds: [ownerId] } })
      .expect(201);
    expect(created.data.organizationId).toBe(second);
    const id = created.data.id;

    await t.http.get('/api/v1/teams/{id}', { params: { id } }).expect(404, 'NOT_FOUND');
    await t.http.get('/api/v1/teams/{id}', { params: { id }, workspace: second }).expect(200);
    await t.http.get('/api/v1/teams/{id}', { params: { id: randomUUID() } }).expect(404, 'NOT_FOUND');
    // The owner's teams in the home organization do not include it; in the second they do.
    expect((await t.http.get('/api/v1/me/teams')).body.data.map((x: { id: string }) => x.id)).not.toContain(id);
    expect((await t.http.get('/api/v1/me/teams', { workspace: second })).body.data.map((x: { id: string }) => x.id)).toEqual([id]);
  });

  test('creating needs team.create, reading needs team.read', async () => {
    await t.http.post('/api/v1/teams', { token: alice.accessToken, body: { name: `Viewer's ${suffix()}` } }).expect(403, 'FORBIDDEN');
    const team = (await t.http.post('/api/v1/teams', { body: { name: `Read ${suffix()}` } })).body.data;
    await t.http.get('/api/v1/teams/{id}', { params: { id: team.id }, token: nobody.accessToken }).expect(403, 'FORBIDDEN');

    // A custom role with team.create alone is enough to create one.
    const roleId = await createRole(t, owner, `Team maker ${suffix()}`, ['team.create']);
    const maker = await addMember(t, owner, [roleId]);
    await t.http
      .post('/api/v1/teams', { token: maker.accessToken, body: { name: `Made ${suffix()}`, memberIds: [maker.userId] } })
      .expect(201);
  });

  test('invalid input is 400 VALIDATION_FAILED', async () => {
    for (const [json, field] of [
      [{ name: '' }, 'name'],
      [{ name: 'ok', memberIds: ['nope'] }, 'memberIds'],
      [{ name: 'ok', description: 'x'.repeat(501) }, 'description'],
    ] as const) {
      const res = await t.http.post('/api/v1/teams', { body: json }).expect(400, 'VALIDATION_FAILED');
      expect(res.error.validationErrors.map((e: { field: string }) => e.field.replace(/\[\d+\]$/, ''))).toContain(field);
    }
  });
});
