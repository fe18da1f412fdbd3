import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { expectMatchesContract, expectResponse, type RawResponse } from '../support/contract.js';
import { addMember, createRole, otherOrganization, uniqueEmail } from '../support/fixtures.js';
import { tablesContaining } from '../support/database-scan.js';
import { ADMIN } from '../support/server.js';
import { useServer } from '../support/use-server.js';

/**
 * Invitations: the accept token is shown once and stored as a hash; accepting works once, for a
 * new account or an existing user, until the invitation expires or is revoked; nobody invites
 * with roles beyond their own permissions.
 */
const t = useServer();
let owner: string;
let ownerId: string;
let home: string;
let roles: Map<string, { id: string; permissions: string[] }>;

beforeAll(async () => {
  owner = t.token;
  const me = await t.http.get('/api/v1/me').expect(200);
  ownerId = me.data.id;
  home = me.context.organizationId;
  const list = await t.http.get('/api/v1/roles', { query: { system: true, pageSize: 100 } }).expect(200);
  roles = new Map(list.data.map((r: { key: string; id: string; permissions: string[] }) => [r.key, r]));
});

const roleId = (key: string) => roles.get(key)!.id;
const password = () => `pw-${randomBytes(12).toString('base64url')}`;

async function invite(email: string, roleIds: string[] = [roleId('viewer')], token?: string, workspace?: string) {
  const body = await t.http.post('/api/v1/invitations', { body: { email, roleIds }, token, workspace }).expect(201);
  return { id: body.data.invitation.id as string, token: body.data.acceptToken as string, body };
}

const ACCEPT = '/api/v1/invitations/{id}/accept';
const REVOKE = '/api/v1/invitations/{id}/revoke';
const accept = (id: string, body: Record<string, unknown>) => t.http.post(ACCEPT, { params: { id }, body, token: null });
const revoke = (id: string, token?: string) => t.http.post(REVOKE, { params: { id }, token });

describe('POST /invitations', () => {
  test('returns the accept token once; the database keeps only its SHA-256', async () => {
    const email = uniqueEmail('invitee');
    const res = await t.http.post('/api/v1/invitations', { body: { email: email.toUpperCase(), roleIds: [roleId('viewer')] } }).expect(201);
    const { invitation, acceptToken } = res.data;
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

    const trail = await t.http.get('/api/v1/audit-events', {
      query: { action: 'invitation.create', resource: `invitation:${invitation.id}` },
    });
    expect(trail.body.data).toHaveLength(1);
    expect(trail.body.data[0]).toMatchObject({ actorId: ownerId, outcome: 'success', details: { email, roles: ['viewer'] } });
    expect(JSON.stringify(trail.body)).not.toContain(secret);
  });

  test('honours expiresInHours and validates its input', async () => {
    const res = await t.http.post('/api/v1/invitations', { body: { email: uniqueEmail(), roleIds: [], expiresInHours: 1 } }).expect(201);
    const { createdAt, expiresAt } = res.data.invitation;
    expect((Date.parse(expiresAt) - Date.parse(createdAt)) / 3_600_000).toBeCloseTo(1, 2);

    for (const [json, field] of [
      [{ email: 'not-an-email', roleIds: [] }, 'email'],
      [{ email: uniqueEmail() }, 'roleIds'],
      [{ email: uniqueEmail(), roleIds: ['nope'] }, 'roleIds'],
      [{ email: uniqueEmail(), roleIds: [], expiresInHours: 0 }, 'expiresInHours'],
      [{ email: uniqueEmail(), roleIds: [], expiresInHours: 721 }, 'expiresInHours'],
    ] as const) {
      const bad = await t.http.post('/api/v1/invitations', { body: json }).expect(400, 'VALIDATION_FAILED');
      expect(bad.error.validationErrors.map((e: { field: string }) => e.field.replace(/\[\d+\]$/, ''))).toContain(field);
    }
  });

  test('a role that does not exist, or belongs to another organization, is 404', async () => {
    const other = await otherOrganization(t, owner);
    const foreignRole = await createRole(t, other.owner.accessToken, `Foreign ${randomBytes(3).toString('hex')}`, ['team.read']);
    for (const id of [randomUUID(), foreignRole]) {
      await t.http.post('/api/v1/invitations', { body: { email: uniqueEmail(), roleIds: [id] } }).expect(404, 'NOT_FOUND');
    }
  });

  test('inviting an existing member is 409, whatever the case of the email', async () => {
    for (const email of [ADMIN.email, ADMIN.email.toUpperCase()]) {
      await t.http.post('/api/v1/invitations', { body: { email, roleIds: [] } }).expect(409, 'CONFLICT');
    }
    const member = await addMember(t, owner, ['viewer']);
    await t.http.post('/api/v1/invitations', { body: { email: member.email, roleIds: [] } }).expect(409, 'CONFLICT');
  });

  test('a second pending invitation for the same email is 409; once revoked, a new one may go out', async () => {
    const email = uniqueEmail();
    const first = await invite(email);
    for (const again of [email, email.toUpperCase()]) {
      await t.http.post('/api/v1/invitations', { body: { email: again, roleIds: [] } }).expect(409, 'CONFLICT');
    }
    expect(await t.sql('SELECT id FROM invitations WHERE email = $1', [email])).toHaveLength(1);
    await revoke(first.id).expect(200);
    await invite(email);
  });

  test('concurrent invitations of one email: exactly one is created, the rest are 409', async () => {
    for (let round = 0; round < 3; round++) {
      const email = uniqueEmail('burst');
      const results = await Promise.all(
        Array.from({ length: 5 }, () => t.http.post('/api/v1/invitations', { body: { email, roleIds: [] } }).response()),
      );
      const pending = await t.sql('SELECT id FROM invitations WHERE email = $1', [email]);
      expect({ statuses: results.map((r) => r.status).sort(), pending: pending.length }).toEqual({
        statuses: [201, 409, 409, 409, 409],
        pending: 1,
      });
      for (const r of results) expectMatchesContract('POST', '/api/v1/invitations', r.status, r.body);
    }
  });

  test('needs invitation.create', async () => {
    const viewer = await addMember(t, owner, ['viewer']);
    await t.http
      .post('/api/v1/invitations', { body: { email: uniqueEmail(), roleIds: [] }, token: viewer.accessToken })
      .expect(403, 'FORBIDDEN');
  });
});

describe('no escalation through invitations', () => {
  test('a member with invitation.create but not role.edit cannot invite with the owner role', async () => {
    const inviterRole = await createRole(t, owner, `Inviter ${randomBytes(3).toString('hex')}`, ['invitation.create']);
    const inviter = await addMember(t, owner, [inviterRole]);
    const email = uniqueEmail();
    const res = await t.http
      .post('/api/v1/invitations', { body: { email, roleIds: [roleId('owner')] }, token: inviter.accessToken })
      .expect(403, 'FORBIDDEN');
    const missing: string[] = res.error.details.missing;
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
    await t.http
      .post('/api/v1/invitations', { body: { email, roleIds: [inviterRole, roleId('viewer')] }, token: inviter.accessToken })
      .expect(403, 'FORBIDDEN');
    // The control: a role whose permissions the inviter holds.
    const ok = await t.http
      .post('/api/v1/invitations', { body: { email, roleIds: [inviterRole] }, token: inviter.accessToken })
      .expect(201);
    expect(ok.data.invitation.invitedBy).toBe(`user:${inviter.userId}`);

    const denied = await t.http.get('/api/v1/audit-events', { query: { action: 'invitation.create' } });
    expect(denied.body.data.some((e: any) => e.actorId === inviter.userId && e.outcome === 'denied')).toBe(true);
  });
});

describe('POST /invitations/{id}/accept', () => {
  test('a new email: no password is 400 REQUIRED; with one, the account, membership and roles are created', async () => {
    const email = uniqueEmail('new');
    const { id, token } = await invite(email);

    const noPassword = await accept(id, { token }).expect(400, 'VALIDATION_FAILED');
    expect(noPassword.error.validationErrors).toEqual([{ field: 'password', message: expect.any(String), code: 'REQUIRED' }]);
    // Nothing happened: no account, and the invitation is still pending.
    expect(await t.sql('SELECT id FROM users WHERE email = $1', [email])).toHaveLength(0);
    expect(
      (await t.sql<{ accepted_at: Date | null }>('SELECT accepted_at FROM invitations WHERE id = $1', [id]))[0].accepted_at,
    ).toBeNull();

    const tooShort = await accept(id, { token, password: 'short' }).expect(400, 'VALIDATION_FAILED');
    expect(tooShort.error.validationErrors.map((e: { field: string }) => e.field)).toEqual(['password']);

    const secret = password();
    const res = await accept(id, { token, password: secret, displayName: 'Grace Hopper' }).expect(200);
    expect(res.data).toEqual({
      organizationId: home,
      userId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      email,
      accountCreated: true,
      roles: ['viewer'],
    });
    expect(JSON.stringify(res)).not.toContain(secret);
    const userId = res.data.userId;

    const login = await t.login(email, secret);
    const me = await t.http.get('/api/v1/me', { token: login.accessToken });
    expect(me.body.data).toMatchObject({ id: userId, email, displayName: 'Grace Hopper', status: 'active' });
    const perms = await t.http.get('/api/v1/me/permissions', { token: login.accessToken }).expect(200);
    expect(perms.data.organizationId).toBe(home);
    expect(perms.data.permissions).toEqual([...roles.get('viewer')!.permissions].sort());
    expect(perms.data.roles).toEqual([expect.objectContaining({ id: roleId('viewer'), key: 'viewer' })]);
    const members = await t.http.get('/api/v1/organizations/{id}/members', { params: { id: home } });
    expect(members.body.data.map((m: { userId: string }) => m.userId)).toContain(userId);
    const [row] = await t.sql<{ accepted_by: string; accepted_at: Date | null }>(
      'SELECT accepted_by, accepted_at FROM invitations WHERE id = $1',
      [id],
    );
    expect(row.accepted_by).toBe(userId);
    expect(row.accepted_at).not.toBeNull();

    const again = await accept(id, { token, password: password() }).expect(410, 'GONE');
    expect(again.error.message).toMatch(/accepted/);
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
      const res = await accept(id, { token: candidate, password: password() }).expect(404, 'NOT_FOUND');
      bodies.push(res.error);
    }
    const unknown = await accept(randomUUID(), { token, password: password() }).expect(404, 'NOT_FOUND');
    // An unknown id and a wrong token cannot be told apart.
    expect(bodies.every((b) => JSON.stringify(b) === JSON.stringify(unknown.error))).toBe(true);

    const malformed = await accept('not-a-uuid', { token, password: password() }).expect(400, 'VALIDATION_FAILED');
    expect(malformed.error.validationErrors).toEqual([{ field: 'id', message: expect.any(String), code: 'IS_UUID' }]);
    await accept(id, { password: password() }).expect(400, 'VALIDATION_FAILED');

    await accept(id, { token, password: password() }).expect(200);
  });

  test('an existing user of another organization joins without a new account, and can switch to it', async () => {
    const other = await otherOrganization(t, owner);
    const { id, token } = await invite(other.owner.email.toUpperCase(), [roleId('viewer')]);
    // A password sent along is ignored: the account and its password stay as they are.
    const ignored = password();
    const res = await accept(id, { token, password: ignored, displayName: 'Someone else' }).expect(200);
    expect(res.data).toEqual({
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
    const there = await t.http.get('/api/v1/me/permissions', { token: accessToken });
    expect(there.body.data.organizationId).toBe(other.organizationId);
    expect(there.body.data.roles.map((r: { key: string }) => r.key)).toEqual(['owner']);
    const here = await t.http.get('/api/v1/me/permissions', { token: accessToken, workspace: home }).expect(200);
    expect(here.context.organizationId).toBe(home);
    expect(here.data.organizationId).toBe(home);
    expect(here.data.roles.map((r: { key: string }) => r.key)).toEqual(['viewer']);
    expect(here.data.permissions).toEqual([...roles.get('viewer')!.permissions].sort());
    const mine = await t.http.get('/api/v1/me/organizations', { token: accessToken });
    expect(mine.body.data.map((o: { id: string }) => o.id).sort()).toEqual([home, other.organizationId].sort());
    // Its display name is untouched.
    expect((await t.http.get('/api/v1/me', { token: accessToken })).body.data.displayName).toBe('Test member');
  });

  test('an expired invitation is 410 GONE, and no longer blocks a new one', async () => {
    const email = uniqueEmail();
    const { id, token } = await invite(email);
    await t.sql("UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = $1", [id]);
    const res = await accept(id, { token, password: password() }).expect(410, 'GONE');
    expect(res.error.message).toMatch(/expired/);
    expect(await t.sql('SELECT id FROM users WHERE email = $1', [email])).toHaveLength(0);
    // Revoking an expired invitation is a conflict too: only a pending one can be revoked.
    await revoke(id).expect(409, 'CONFLICT');
    await invite(email);
  });

  test('a revoked invitation is 410 GONE; revoking twice is 409', async () => {
    const email = uniqueEmail();
    const { id, token } = await invite(email);
    const revoked = await revoke(id).expect(200);
    expect(revoked.data).toMatchObject({ id, email, status: 'revoked', acceptedAt: null });
    expect(revoked.data).not.toHaveProperty('acceptToken');

    const res = await accept(id, { token, password: password() }).expect(410, 'GONE');
    expect(res.error.message).toMatch(/revoked/);
    expect(await t.sql('SELECT id FROM users WHERE email = $1', [email])).toHaveLength(0);

    await revoke(id).expect(409, 'CONFLICT');

    const trail = await t.http.get('/api/v1/audit-events', { query: { action: 'invitation.revoke', resource: `invitation:${id}` } });
    expect(trail.body.data.map((e: { outcome: string }) => e.outcome).sort()).toEqual(['failure', 'success']);
  });

  test('revoking: an accepted invitation is 409; unknown, foreign or malformed ids are 404/400; it needs invitation.revoke', async () => {
    const { id, token } = await invite(uniqueEmail());
    await accept(id, { token, password: password() }).expect(200);
    await revoke(id).expect(409, 'CONFLICT');

    await revoke(randomUUID()).expect(404, 'NOT_FOUND');
    await revoke('nope').expect(400, 'VALIDATION_FAILED');

    const other = await otherOrganization(t, owner);
    const foreign = await invite(uniqueEmail(), [], other.owner.accessToken);
    await revoke(foreign.id).expect(404, 'NOT_FOUND');
    expect(
      (await t.sql<{ revoked_at: Date | null }>('SELECT revoked_at FROM invitations WHERE id = $1', [foreign.id]))[0].revoked_at,
    ).toBeNull();

    const viewer = await addMember(t, owner, ['viewer']);
    const pending = await invite(uniqueEmail());
    await revoke(pending.id, viewer.accessToken).expect(403, 'FORBIDDEN');
    // Still pending: its token works.
    await accept(pending.id, { token: pending.token, password: password() }).expect(200);
  });

  test('revoking while the invitee accepts: never both succeed', async () => {
    // The accept holds the invitation's row lock while it creates the account (hashing the password):
    // a revoke arriving meanwhile must see the outcome, not answer 200 over an accepted invitation.
    const outcomes: string[] = [];
    const answers: [RawResponse, RawResponse][] = [];
    for (let i = 0; i < 8; i++) {
      const { id, token } = await invite(uniqueEmail('racer'));
      const accepting = accept(id, { token, password: password() }).response();
      await new Promise((r) => setTimeout(r, i * 8));
      const revoking = revoke(id).response();
      const [a, r] = await Promise.all([accepting, revoking]);
      answers.push([a, r]);
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
    for (const [a, r] of answers) {
      expectMatchesContract('POST', ACCEPT, a.status, a.body);
      expectMatchesContract('POST', REVOKE, r.status, r.body);
    }
  });

  test('of five concurrent accepts of one invitation, exactly one succeeds and the rest are 410', async () => {
    const email = uniqueEmail('race');
    const { id, token } = await invite(email);
    const results = await Promise.all(Array.from({ length: 5 }, () => accept(id, { token, password: password() }).response()));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 410, 410, 410, 410]);
    for (const r of results.filter((x) => x.status === 410)) {
      expectResponse(r, 'POST', ACCEPT, 410, 'GONE');
      expect(r.body).toMatchObject({ success: false, data: null });
    }
    expectResponse(
      results.find((r) => r.status === 200)!,
      'POST',
      ACCEPT,
      200,
    );
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
    const results = await Promise.all([here, there].map((i) => accept(i.id, { token: i.token, password: password() }).response()));
    // Whichever runs second finds the account the first created and joins with it.
    expect(results.map((r) => `${r.status} ${r.body.error?.code ?? ''}`.trim())).toEqual(['200', '200']);
    for (const r of results) expectMatchesContract('POST', ACCEPT, r.status, r.body);
    expect(results.map((r) => r.body.data.accountCreated).sort()).toEqual([false, true]);
    const users = await t.sql<{ id: string }>('SELECT id FROM users WHERE email = $1', [email]);
    expect(users).toHaveLength(1);
    expect(await t.sql('SELECT organization_id FROM memberships WHERE user_id = $1', [users[0].id])).toHaveLength(2);
  });

  test('is audited in the organization, with the new user as the actor', async () => {
    const email = uniqueEmail();
    const { id, token } = await invite(email);
    const res = await accept(id, { token, password: password() }).expect(200);
    const userId = res.data.userId;

    const trail = await t.http.get('/api/v1/audit-events', { query: { action: 'invitation.accept' } }).expect(200);
    const event = trail.data.find((e: { resourceId: string }) => e.resourceId === id);
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
    const chain = await t.http.get('/api/v1/audit-events/verify');
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
