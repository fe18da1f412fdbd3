import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { expectMatchesContract, raw } from '../support/contract.js';
import { addMember, createRole, otherOrganization, uniqueEmail } from '../support/fixtures.js';
import { tablesContaining } from '../support/database-scan.js';
import { ADMIN, startServer, type TestServer } from '../support/server.js';

/**
 * Invitations: the accept token is shown once and stored as a hash; accepting works once, for a
 * new account or an existing user, until the invitation expires or is revoked; nobody invites
 * with roles beyond their own permissions.
 */
let t: TestServer;
let owner: string;
let ownerId: string;
let home: string;
let roles: Map<string, { id: string; permissions: string[] }>;

beforeAll(async () => {
  t = await startServer();
  owner = (await t.login()).accessToken;
  const me = await call('GET', '/api/v1/me', owner);
  ownerId = me.body.data.id;
  home = me.body.context.organizationId;
  const list = await call('GET', '/api/v1/roles?system=true&pageSize=100', owner);
  roles = new Map(list.body.data.map((r: { key: string; id: string; permissions: string[] }) => [r.key, r]));
});
afterAll(async () => {
  await t?.close();
});

function call(method: string, path: string, token?: string, options: { json?: unknown; workspace?: string } = {}) {
  return raw(t.baseUrl, path, {
    method,
    json: options.json,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(options.workspace ? { 'x-workspace-id': options.workspace } : {}),
    },
  });
}

function expectError(res: { status: number; body: any }, method: string, path: string, status: number, code: string) {
  expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status, code });
  expect(res.body).toMatchObject({ success: false, data: null });
  expectMatchesContract(method, path, status, res.body);
}

const roleId = (key: string) => roles.get(key)!.id;
const password = () => `pw-${randomBytes(12).toString('base64url')}`;

async function invite(email: string, roleIds: string[] = [roleId('viewer')], token = owner, workspace?: string) {
  const res = await call('POST', '/api/v1/invitations', token, { json: { email, roleIds }, workspace });
  expect(res.status).toBe(201);
  return { id: res.body.data.invitation.id as string, token: res.body.data.acceptToken as string, body: res.body };
}

const accept = (id: string, body: Record<string, unknown>) => call('POST', `/api/v1/invitations/${id}/accept`, undefined, { json: body });

describe('POST /invitations', () => {
  test('returns the accept token once; the database keeps only its SHA-256', async () => {
    const email = uniqueEmail('invitee');
    const res = await call('POST', '/api/v1/invitations', owner, { json: { email: email.toUpperCase(), roleIds: [roleId('viewer')] } });
    expect(res.status).toBe(201);
    expectMatchesContract('POST', '/api/v1/invitations', 201, res.body);
    const { invitation, acceptToken } = res.body.data;
    expect(acceptToken).toMatch(/^mit_[A-Za-z0-9_-]{43}$/);
    expect(invitation).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      organizationId: home,
      email,
      roleIds: [roleId('viewer')],
      status: 'pending',
      invitedBy: `user:${ownerId}`,
      createdAt: expect.any(String),
      expiresAt: expect.any(String),
      acceptedAt: null,
    });
    // Seven days by default.
    const days = (Date.parse(invitation.expiresAt) - Date.parse(invitation.createdAt)) / 86_400_000;
    expect(days).toBeCloseTo(7, 2);
    expect(Object.keys(invitation)).not.toContain('tokenHash');

    const secret = acceptToken.slice(4);
    const [row] = await t.sql<{ token_hash: Buffer; email: string }>('SELECT token_hash, email FROM invitations WHERE id = $1', [
      invitation.id,
    ]);
    expect(row.token_hash).toHaveLength(32);
    expect(row.token_hash.equals(createHash('sha256').update(secret).digest())).toBe(true);
    expect(row.email).toBe(email);

    const [text] = await t.sql<{ invitation: string; audit: string }>(
      `SELECT (SELECT i::text FROM invitations i WHERE i.id = $1) AS invitation,
              (SELECT coalesce(string_agg(details::text, ' '), '') FROM audit_events) AS audit`,
      [invitation.id],
    );
    expect(text.invitation).not.toContain(secret);
    expect(text.audit).not.toContain(secret);
    // Nowhere at all: not in any table, as text or as bytes (the email, as the control, is found).
    expect(await tablesContaining(t, secret)).toEqual([]);
    expect(await tablesContaining(t, email)).toContain('public.invitations');

    const trail = await call('GET', `/api/v1/audit-events?action=invitation.create&resource=invitation:${invitation.id}`, owner);
    expect(trail.body.data).toHaveLength(1);
    expect(trail.body.data[0]).toMatchObject({ actorId: ownerId, outcome: 'success', details: { email, roles: ['viewer'] } });
    expect(JSON.stringify(trail.body)).not.toContain(secret);
  });

  test('honours expiresInHours and validates its input', async () => {
    const res = await call('POST', '/api/v1/invitations', owner, { json: { email: uniqueEmail(), roleIds: [], expiresInHours: 1 } });
    expect(res.status).toBe(201);
    const { createdAt, expiresAt } = res.body.data.invitation;
    expect((Date.parse(expiresAt) - Date.parse(createdAt)) / 3_600_000).toBeCloseTo(1, 2);

    for (const [json, field] of [
      [{ email: 'not-an-email', roleIds: [] }, 'email'],
      [{ email: uniqueEmail() }, 'roleIds'],
      [{ email: uniqueEmail(), roleIds: ['nope'] }, 'roleIds'],
      [{ email: uniqueEmail(), roleIds: [], expiresInHours: 0 }, 'expiresInHours'],
      [{ email: uniqueEmail(), roleIds: [], expiresInHours: 721 }, 'expiresInHours'],
    ] as const) {
      const bad = await call('POST', '/api/v1/invitations', owner, { json });
      expectError(bad, 'POST', '/api/v1/invitations', 400, 'VALIDATION_FAILED');
      expect(bad.body.error.validationErrors.map((e: { field: string }) => e.field.replace(/\[\d+\]$/, ''))).toContain(field);
    }
  });

  test('a role that does not exist, or belongs to another organization, is 404', async () => {
    const other = await otherOrganization(t, owner);
    const foreignRole = await createRole(t, other.owner.accessToken, `Foreign ${randomBytes(3).toString('hex')}`, ['team.read']);
    for (const id of [randomUUID(), foreignRole]) {
      const res = await call('POST', '/api/v1/invitations', owner, { json: { email: uniqueEmail(), roleIds: [id] } });
      expectError(res, 'POST', '/api/v1/invitations', 404, 'NOT_FOUND');
    }
  });

  test('inviting an existing member is 409, whatever the case of the email', async () => {
    for (const email of [ADMIN.email, ADMIN.email.toUpperCase()]) {
      const res = await call('POST', '/api/v1/invitations', owner, { json: { email, roleIds: [] } });
      expectError(res, 'POST', '/api/v1/invitations', 409, 'CONFLICT');
    }
    const member = await addMember(t, owner, ['viewer']);
    expectError(
      await call('POST', '/api/v1/invitations', owner, { json: { email: member.email, roleIds: [] } }),
      'POST',
      '/api/v1/invitations',
      409,
      'CONFLICT',
    );
  });

  test('a second pending invitation for the same email is 409; once revoked, a new one may go out', async () => {
    const email = uniqueEmail();
    const first = await invite(email);
    for (const again of [email, email.toUpperCase()]) {
      const res = await call('POST', '/api/v1/invitations', owner, { json: { email: again, roleIds: [] } });
      expectError(res, 'POST', '/api/v1/invitations', 409, 'CONFLICT');
    }
    expect(await t.sql('SELECT id FROM invitations WHERE email = $1', [email])).toHaveLength(1);
    expect((await call('POST', `/api/v1/invitations/${first.id}/revoke`, owner)).status).toBe(200);
    await invite(email);
  });

  test('concurrent invitations of one email: exactly one is created, the rest are 409', async () => {
    for (let round = 0; round < 3; round++) {
      const email = uniqueEmail('burst');
      const results = await Promise.all(
        Array.from({ length: 5 }, () => call('POST', '/api/v1/invitations', owner, { json: { email, roleIds: [] } })),
      );
      const pending = await t.sql('SELECT id FROM invitations WHERE email = $1', [email]);
      expect({ statuses: results.map((r) => r.status).sort(), pending: pending.length }).toEqual({
        statuses: [201, 409, 409, 409, 409],
        pending: 1,
      });
    }
  });

  test('needs invitation.create', async () => {
    const viewer = await addMember(t, owner, ['viewer']);
    const res = await call('POST', '/api/v1/invitations', viewer.accessToken, { json: { email: uniqueEmail(), roleIds: [] } });
    expectError(res, 'POST', '/api/v1/invitations', 403, 'FORBIDDEN');
  });
});

describe('no escalation through invitations', () => {
  test('a member with invitation.create but not role.edit cannot invite with the owner role', async () => {
    const inviterRole = await createRole(t, owner, `Inviter ${randomBytes(3).toString('hex')}`, ['invitation.create']);
    const inviter = await addMember(t, owner, [inviterRole]);
    const email = uniqueEmail();
    const res = await call('POST', '/api/v1/invitations', inviter.accessToken, { json: { email, roleIds: [roleId('owner')] } });
    expectError(res, 'POST', '/api/v1/invitations', 403, 'FORBIDDEN');
    const missing: string[] = res.body.error.details.missing;
    expect(missing).toContain('role.edit');
    expect(missing).toContain('user_role.edit');
    expect(missing).not.toContain('invitation.create');
    expect(missing).toEqual([...missing].sort());
    // Exactly the owner role's permissions the inviter lacks.
    expect(missing).toEqual(
      roles
        .get('owner')!
        .permissions.filter((p) => p !== 'invitation.create')
        .sort(),
    );
    expect(await t.sql('SELECT id FROM invitations WHERE email = $1', [email])).toHaveLength(0);

    // Mixed with a role they could grant, the whole request is still refused.
    const mixed = await call('POST', '/api/v1/invitations', inviter.accessToken, {
      json: { email, roleIds: [inviterRole, roleId('viewer')] },
    });
    expectError(mixed, 'POST', '/api/v1/invitations', 403, 'FORBIDDEN');
    // The control: a role whose permissions the inviter holds.
    const ok = await call('POST', '/api/v1/invitations', inviter.accessToken, { json: { email, roleIds: [inviterRole] } });
    expect(ok.status).toBe(201);
    expect(ok.body.data.invitation.invitedBy).toBe(`user:${inviter.userId}`);

    const denied = await call('GET', '/api/v1/audit-events?action=invitation.create', owner);
    expect(denied.body.data.some((e: any) => e.actorId === inviter.userId && e.outcome === 'denied')).toBe(true);
  });
});

describe('POST /invitations/{id}/accept', () => {
  test('a new email: no password is 400 REQUIRED; with one, the account, membership and roles are created', async () => {
    const email = uniqueEmail('new');
    const { id, token } = await invite(email);

    const noPassword = await accept(id, { token });
    expectError(noPassword, 'POST', '/api/v1/invitations/{id}/accept', 400, 'VALIDATION_FAILED');
    expect(noPassword.body.error.validationErrors).toEqual([{ field: 'password', message: expect.any(String), code: 'REQUIRED' }]);
    // Nothing happened: no account, and the invitation is still pending.
    expect(await t.sql('SELECT id FROM users WHERE email = $1', [email])).toHaveLength(0);
    expect(
      (await t.sql<{ accepted_at: Date | null }>('SELECT accepted_at FROM invitations WHERE id = $1', [id]))[0].accepted_at,
    ).toBeNull();

    const tooShort = await accept(id, { token, password: 'short' });
    expectError(tooShort, 'POST', '/api/v1/invitations/{id}/accept', 400, 'VALIDATION_FAILED');
    expect(tooShort.body.error.validationErrors.map((e: { field: string }) => e.field)).toEqual(['password']);

    const secret = password();
    const res = await accept(id, { token, password: secret, displayName: 'Grace Hopper' });
    expect(res.status).toBe(200);
    expectMatchesContract('POST', '/api/v1/invitations/{id}/accept', 200, res.body);
    expect(res.body.data).toEqual({
      organizationId: home,
      userId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      email,
      accountCreated: true,
      roles: ['viewer'],
    });
    expect(JSON.stringify(res.body)).not.toContain(secret);
    const userId = res.body.data.userId;

    const login = await t.login(email, secret);
    const me = await call('GET', '/api/v1/me', login.accessToken);
    expect(me.body.data).toMatchObject({ id: userId, email, displayName: 'Grace Hopper', status: 'active' });
    const perms = await call('GET', '/api/v1/me/permissions', login.accessToken);
    expect(perms.status).toBe(200);
    expectMatchesContract('GET', '/api/v1/me/permissions', 200, perms.body);
    expect(perms.body.data.organizationId).toBe(home);
    expect(perms.body.data.permissions).toEqual([...roles.get('viewer')!.permissions].sort());
    expect(perms.body.data.roles).toEqual([expect.objectContaining({ id: roleId('viewer'), key: 'viewer' })]);
    const members = await call('GET', `/api/v1/organizations/${home}/members`, owner);
    expect(members.body.data.map((m: { userId: string }) => m.userId)).toContain(userId);
    const [row] = await t.sql<{ accepted_by: string; accepted_at: Date | null }>(
      'SELECT accepted_by, accepted_at FROM invitations WHERE id = $1',
      [id],
    );
    expect(row.accepted_by).toBe(userId);
    expect(row.accepted_at).not.toBeNull();

    const again = await accept(id, { token, password: password() });
    expectError(again, 'POST', '/api/v1/invitations/{id}/accept', 410, 'GONE');
    expect(again.body.error.message).toMatch(/accepted/);
  });

  test('a wrong token or an unknown id is 404; a malformed id is 400; none of them burns the invitation', async () => {
    const { id, token } = await invite(uniqueEmail());
    const other = await invite(uniqueEmail());
    const wrong = [
      `mit_${randomBytes(32).toString('base64url')}`,
      token.slice(4), // the secret without its prefix
      token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'),
      other.token, // a genuine token, of another invitation
      'mit_',
    ];
    const bodies = [];
    for (const candidate of wrong) {
      const res = await accept(id, { token: candidate, password: password() });
      expectError(res, 'POST', '/api/v1/invitations/{id}/accept', 404, 'NOT_FOUND');
      bodies.push(res.body.error);
    }
    const unknown = await accept(randomUUID(), { token, password: password() });
    expectError(unknown, 'POST', '/api/v1/invitations/{id}/accept', 404, 'NOT_FOUND');
    // An unknown id and a wrong token cannot be told apart.
    expect(bodies.every((b) => JSON.stringify(b) === JSON.stringify(unknown.body.error))).toBe(true);

    const malformed = await accept('not-a-uuid', { token, password: password() });
    expectError(malformed, 'POST', '/api/v1/invitations/{id}/accept', 400, 'VALIDATION_FAILED');
    expect(malformed.body.error.validationErrors).toEqual([{ field: 'id', message: expect.any(String), code: 'IS_UUID' }]);
    const noToken = await accept(id, { password: password() });
    expectError(noToken, 'POST', '/api/v1/invitations/{id}/accept', 400, 'VALIDATION_FAILED');

    expect((await accept(id, { token, password: password() })).status).toBe(200);
  });

  test('an existing user of another organization joins without a new account, and can switch to it', async () => {
    const other = await otherOrganization(t, owner);
    const { id, token } = await invite(other.owner.email.toUpperCase(), [roleId('viewer')]);
    // A password sent along is ignored: the account and its password stay as they are.
    const ignored = password();
    const res = await accept(id, { token, password: ignored, displayName: 'Someone else' });
    expect(res.status).toBe(200);
    expectMatchesContract('POST', '/api/v1/invitations/{id}/accept', 200, res.body);
    expect(res.body.data).toEqual({
      organizationId: home,
      userId: other.owner.userId,
      email: other.owner.email,
      accountCreated: false,
      roles: ['viewer'],
    });
    expect(await t.sql('SELECT id FROM users WHERE lower(email) = lower($1)', [other.owner.email])).toHaveLength(1);
    await expect(t.login(other.owner.email, ignored)).rejects.toThrow(/401/);
    const { accessToken } = await t.login(other.owner.email, other.owner.password);

    // Login still lands in their first organization; x-workspace-id reaches the new one.
    const there = await call('GET', '/api/v1/me/permissions', accessToken);
    expect(there.body.data.organizationId).toBe(other.organizationId);
    expect(there.body.data.roles.map((r: { key: string }) => r.key)).toEqual(['owner']);
    const here = await call('GET', '/api/v1/me/permissions', accessToken, { workspace: home });
    expect(here.status).toBe(200);
    expect(here.body.context.organizationId).toBe(home);
    expect(here.body.data.organizationId).toBe(home);
    expect(here.body.data.roles.map((r: { key: string }) => r.key)).toEqual(['viewer']);
    expect(here.body.data.permissions).toEqual([...roles.get('viewer')!.permissions].sort());
    const mine = await call('GET', '/api/v1/me/organizations', accessToken);
    expect(mine.body.data.map((o: { id: string }) => o.id).sort()).toEqual([home, other.organizationId].sort());
    // Its display name is untouched.
    expect((await call('GET', '/api/v1/me', accessToken)).body.data.displayName).toBe('Test member');
  });

  test('an expired invitation is 410 GONE, and no longer blocks a new one', async () => {
    const email = uniqueEmail();
    const { id, token } = await invite(email);
    await t.sql("UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = $1", [id]);
    const res = await accept(id, { token, password: password() });
    expectError(res, 'POST', '/api/v1/invitations/{id}/accept', 410, 'GONE');
    expect(res.body.error.message).toMatch(/expired/);
    expect(await t.sql('SELECT id FROM users WHERE email = $1', [email])).toHaveLength(0);
    // Revoking an expired invitation is a conflict too: only a pending one can be revoked.
    expectError(await call('POST', `/api/v1/invitations/${id}/revoke`, owner), 'POST', '/api/v1/invitations/{id}/revoke', 409, 'CONFLICT');
    await invite(email);
  });

  test('a revoked invitation is 410 GONE; revoking twice is 409', async () => {
    const email = uniqueEmail();
    const { id, token } = await invite(email);
    const revoked = await call('POST', `/api/v1/invitations/${id}/revoke`, owner);
    expect(revoked.status).toBe(200);
    expectMatchesContract('POST', '/api/v1/invitations/{id}/revoke', 200, revoked.body);
    expect(revoked.body.data).toMatchObject({ id, email, status: 'revoked', acceptedAt: null });
    expect(revoked.body.data).not.toHaveProperty('acceptToken');

    const res = await accept(id, { token, password: password() });
    expectError(res, 'POST', '/api/v1/invitations/{id}/accept', 410, 'GONE');
    expect(res.body.error.message).toMatch(/revoked/);
    expect(await t.sql('SELECT id FROM users WHERE email = $1', [email])).toHaveLength(0);

    const twice = await call('POST', `/api/v1/invitations/${id}/revoke`, owner);
    expectError(twice, 'POST', '/api/v1/invitations/{id}/revoke', 409, 'CONFLICT');

    const trail = await call('GET', `/api/v1/audit-events?action=invitation.revoke&resource=invitation:${id}`, owner);
    expect(trail.body.data.map((e: { outcome: string }) => e.outcome).sort()).toEqual(['failure', 'success']);
  });

  test('revoking: an accepted invitation is 409; unknown, foreign or malformed ids are 404/400; it needs invitation.revoke', async () => {
    const { id, token } = await invite(uniqueEmail());
    expect((await accept(id, { token, password: password() })).status).toBe(200);
    expectError(await call('POST', `/api/v1/invitations/${id}/revoke`, owner), 'POST', '/api/v1/invitations/{id}/revoke', 409, 'CONFLICT');

    expectError(
      await call('POST', `/api/v1/invitations/${randomUUID()}/revoke`, owner),
      'POST',
      '/api/v1/invitations/{id}/revoke',
      404,
      'NOT_FOUND',
    );
    expectError(
      await call('POST', '/api/v1/invitations/nope/revoke', owner),
      'POST',
      '/api/v1/invitations/{id}/revoke',
      400,
      'VALIDATION_FAILED',
    );

    const other = await otherOrganization(t, owner);
    const foreign = await invite(uniqueEmail(), [], other.owner.accessToken);
    expectError(
      await call('POST', `/api/v1/invitations/${foreign.id}/revoke`, owner),
      'POST',
      '/api/v1/invitations/{id}/revoke',
      404,
      'NOT_FOUND',
    );
    expect(
      (await t.sql<{ revoked_at: Date | null }>('SELECT revoked_at FROM invitations WHERE id = $1', [foreign.id]))[0].revoked_at,
    ).toBeNull();

    const viewer = await addMember(t, owner, ['viewer']);
    const pending = await invite(uniqueEmail());
    expectError(
      await call('POST', `/api/v1/invitations/${pending.id}/revoke`, viewer.accessToken),
      'POST',
      '/api/v1/invitations/{id}/revoke',
      403,
      'FORBIDDEN',
    );
    // Still pending: its token works.
    expect((await accept(pending.id, { token: pending.token, password: password() })).status).toBe(200);
  });

  test('revoking while the invitee accepts: never both succeed', async () => {
    // The accept holds the invitation's row lock while it creates the account (hashing the password):
    // a revoke arriving meanwhile must see the outcome, not answer 200 over an accepted invitation.
    const outcomes: string[] = [];
    for (let i = 0; i < 8; i++) {
      const { id, token } = await invite(uniqueEmail('racer'));
      const accepting = accept(id, { token, password: password() });
      await new Promise((r) => setTimeout(r, i * 8));
      const revoking = call('POST', `/api/v1/invitations/${id}/revoke`, owner);
      const [a, r] = await Promise.all([accepting, revoking]);
      const [row] = await t.sql<{ accepted: boolean; revoked: boolean }>(
        'SELECT accepted_at IS NOT NULL AS accepted, revoked_at IS NOT NULL AS revoked FROM invitations WHERE id = $1',
        [id],
      );
      outcomes.push(
        `accept ${a.status}, revoke ${r.status} (${r.body.data?.status ?? r.body.error?.code}), row accepted=${row.accepted} revoked=${row.revoked}`,
      );
    }
    // Either the accept won (revoke 409) or the revoke did (accept 410); the row records one of the two.
    const allowed = [
      'accept 200, revoke 409 (CONFLICT), row accepted=true revoked=false',
      'accept 410, revoke 200 (revoked), row accepted=false revoked=true',
    ];
    expect(outcomes.filter((o) => !allowed.includes(o))).toEqual([]);
  });

  test('of five concurrent accepts of one invitation, exactly one succeeds and the rest are 410', async () => {
    const email = uniqueEmail('race');
    const { id, token } = await invite(email);
    const results = await Promise.all(Array.from({ length: 5 }, () => accept(id, { token, password: password() })));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 410, 410, 410, 410]);
    for (const r of results.filter((x) => x.status === 410)) expectError(r, 'POST', '/api/v1/invitations/{id}/accept', 410, 'GONE');
    const winner = results.find((r) => r.status === 200)!.body.data;
    const users = await t.sql<{ id: string }>('SELECT id FROM users WHERE email = $1', [email]);
    expect(users).toEqual([{ id: winner.userId }]);
    expect(await t.sql('SELECT id FROM memberships WHERE user_id = $1', [winner.userId])).toHaveLength(1);
    expect(await t.sql('SELECT id FROM user_roles WHERE user_id = $1', [winner.userId])).toHaveLength(1);
    expect(await t.sql("SELECT id FROM audit_events WHERE action = 'invitation.accept' AND resource_id = $1", [id])).toHaveLength(1);
  });

  test('two invitations of one new email, from two organizations, accepted at once: both join one account', async () => {
    const other = await otherOrganization(t, owner);
    const email = uniqueEmail('twice');
    const here = await invite(email);
    const there = await invite(email, [], other.owner.accessToken);
    const results = await Promise.all([here, there].map((i) => accept(i.id, { token: i.token, password: password() })));
    // Whichever runs second finds the account the first created and joins with it.
    expect(results.map((r) => `${r.status} ${r.body.error?.code ?? ''}`.trim())).toEqual(['200', '200']);
    expect(results.map((r) => r.body.data.accountCreated).sort()).toEqual([false, true]);
    const users = await t.sql<{ id: string }>('SELECT id FROM users WHERE email = $1', [email]);
    expect(users).toHaveLength(1);
    expect(await t.sql('SELECT organization_id FROM memberships WHERE user_id = $1', [users[0].id])).toHaveLength(2);
  });

  test('is audited in the organization, with the new user as the actor', async () => {
    const email = uniqueEmail();
    const { id, token } = await invite(email);
    const res = await accept(id, { token, password: password() });
    expect(res.status).toBe(200);
    const userId = res.body.data.userId;

    const trail = await call('GET', '/api/v1/audit-events?action=invitation.accept', owner);
    expect(trail.status).toBe(200);
    expectMatchesContract('GET', '/api/v1/audit-events', 200, trail.body);
    const event = trail.body.data.find((e: { resourceId: string }) => e.resourceId === id);
    expect(event).toMatchObject({
      organizationId: home,
      actorType: 'user',
      actorId: userId,
      action: 'invitation.accept',
      resourceType: 'invitation',
      resourceId: id,
      outcome: 'success',
      details: { email, roles: ['viewer'], accountCreated: true },
    });
    expect(JSON.stringify(event)).not.toContain(token.slice(4));
    const chain = await call('GET', '/api/v1/audit-events/verify', owner);
    expect(chain.body.data).toMatchObject({ valid: true, firstInvalid: null });
  });

  test('accept tokens never reach the logs', async () => {
    const { id, token } = await invite(uniqueEmail());
    await accept(id, { token: `${token}x`, password: password() });
    await accept(id, { token, password: password() });
    await new Promise((r) => setTimeout(r, 100));
    expect(t.output()).not.toContain(token.slice(4));
  });
});
