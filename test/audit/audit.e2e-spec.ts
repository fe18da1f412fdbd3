import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { RawResponse } from '../support/contract.js';
import type { HttpRequest } from '../support/http.js';
import { addMember, createRole, mintApiKey, otherOrganization, type Member } from '../support/fixtures.js';
import { ADMIN } from '../support/server.js';
import { useServer } from '../support/use-server.js';
import type { MarshalSchemas } from '../../client/index.js';

/**
 * The audit trail: what each mutation records, how it is read (filters, cursor paging, isolation),
 * and how it is protected (append-only trigger, per-organization hash chain).
 */

/** As the contract (and so the generated client) describes an audit event. */
type AuditEventBody = MarshalSchemas['AuditEventDto'];

const t = useServer({ LOG_LEVEL: 'warn' });
let owner: string;
let ownerId: string;
let defaultOrg: string;
/** Organizations whose chain a test broke on purpose. */
const tampered = new Set<string>();

beforeAll(async () => {
  owner = t.token;
  const me = await t.http.get('/api/v1/me').expect(200);
  ownerId = me.data.id;
  defaultOrg = me.context.organizationId;
});

const hex = (n = 4) => randomBytes(n).toString('hex');

/** GET /api/v1/audit-events, contract-checked; in `workspace` when given. */
async function auditEvents(query: Record<string, string | number>, token = owner, workspace?: string) {
  return (await t.http.get('/api/v1/audit-events', { query, token, workspace }).expect(200)) as {
    data: AuditEventBody[];
    meta: { cursor: { limit: number; next: string | null; hasNext: boolean } };
    links: { next?: string | null };
  };
}

/** Ids of an organization's events for an SQL condition, in the API's order (newest first). */
async function sqlIds(organizationId: string, where = 'true', params: unknown[] = []): Promise<string[]> {
  const rows = await t.sql<{ id: string }>(
    `SELECT id FROM audit_events WHERE organization_id = $1 AND (${where}) ORDER BY occurred_at DESC, id DESC`,
    [organizationId, ...params],
  );
  return rows.map((r) => r.id);
}

async function seqsOf(organizationId: string): Promise<number[]> {
  const rows = await t.sql<{ seq: string }>('SELECT seq FROM audit_events WHERE organization_id = $1 ORDER BY seq', [organizationId]);
  return rows.map((r) => Number(r.seq));
}

/** What the server logged as unexpected failures (level error) so far. */
const serverErrors = () =>
  t
    .output()
    .split('\n')
    .filter((line) => line.includes('"level":50'))
    .map((line) => line.slice(0, 1500));

const oneTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

async function verify(workspace?: string, token = owner) {
  return (await t.http.get('/api/v1/audit-events/verify', { token, workspace }).expect(200)).data as {
    valid: boolean;
    eventsChecked: number;
    firstInvalid: { seq: number; reason: string } | null;
  };
}

/** A fresh organization the owner owns and acts in through x-workspace-id. */
async function newOrganization(): Promise<string> {
  return (await t.http.post('/api/v1/organizations', { body: { name: `Audit ${hex()}` } }).expect(201)).data.id as string;
}

describe('the README walkthrough is on the trail', () => {
  test('organization, invitation, custom role, grant and API key: each recorded with actor, resource, outcome and request metadata', async () => {
    const correlationId = `walkthrough-${hex(6)}`;
    const userAgent = `marshal-e2e-audit/1.0 (${correlationId})`;
    const meta = { 'x-correlation-id': correlationId, 'user-agent': userAgent, 'x-forwarded-for': '203.0.113.7' };

    const org = await t.http.post('/api/v1/organizations', { body: { name: `Walkthrough ${hex()}` }, headers: meta }).expect(201);
    const email = `walk-${hex()}@marshal.test`;
    const invitation = await t.http.post('/api/v1/invitations', { body: { email, roleIds: [] }, headers: meta }).expect(201);
    const accepted = await t.http
      .post('/api/v1/invitations/{id}/accept', {
        params: { id: invitation.data.invitation.id },
        body: { token: invitation.data.acceptToken, password: `pw-${hex(8)}`, displayName: 'Walk' },
        token: null,
      })
      .expect(200);
    const userId = accepted.data.userId as string;
    const role = await t.http
      .post('/api/v1/roles', { body: { name: `Release manager ${hex()}`, permissions: ['team.read'] }, headers: meta })
      .expect(201);
    const grant = await t.http.post('/api/v1/user-roles', { body: { userId, roleId: role.data.id }, headers: meta }).expect(201);
    const key = await t.http.post('/api/v1/api-keys', { body: { name: `walk-${hex()}` }, headers: meta }).expect(201);

    const page = await auditEvents({ correlation_id: correlationId });
    const expected = [
      ['api_key.create', 'api_key', key.data.apiKey.id],
      ['user_role.grant', 'user_role', grant.data.id],
      ['role.create', 'role', role.data.id],
      ['invitation.create', 'invitation', invitation.data.invitation.id],
      ['organization.create', 'organization', org.data.id],
    ];
    expect(page.data.map((e) => [e.action, e.resourceType, e.resourceId])).toEqual(expected);
    for (const e of page.data) {
      expect(e).toMatchObject({
        organizationId: defaultOrg,
        actorType: 'user',
        actorId: ownerId,
        outcome: 'success',
        correlationId,
        ip: '203.0.113.7',
        userAgent,
      });
      expect(e.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(e.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(e.details)).not.toContain(invitation.data.acceptToken);
      expect(JSON.stringify(e.details)).not.toContain(key.data.secret);
    }
    // Newest first, and consecutive links of the organization's chain.
    const seqs = page.data.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(new Set(page.data.map((e) => e.requestId)).size).toBe(5);
    // The new organization's own trail starts with its creation.
    const newTrail = await t.http.get('/api/v1/audit-logs', { query: { organizationId: org.data.id } }).expect(200);
    const first = (newTrail.data as AuditEventBody[]).find((e) => e.seq === 1)!;
    expect(first).toMatchObject({
      action: 'organization.create',
      organizationId: org.data.id,
      resourceId: org.data.id,
      actorId: ownerId,
      correlationId,
      outcome: 'success',
    });
    // The acceptance is recorded with the invitee as actor.
    const accepts = await auditEvents({ action: 'invitation.accept', resource: `invitation:${invitation.data.invitation.id}` });
    expect(accepts.data).toHaveLength(1);
    expect(accepts.data[0]).toMatchObject({ actorType: 'user', actorId: userId, outcome: 'success' });
  });
});

describe('reading the trail', () => {
  let org: string;
  let member: Member;
  let roleA: string;
  let roleB: string;
  beforeAll(async () => {
    // An organization of its own, so that what each filter should return is known exactly.
    org = await newOrganization();
    roleA = await createRole(t, owner, `Filter A ${hex()}`, ['team.read'], org);
    roleB = await createRole(t, owner, `Filter B ${hex()}`, ['team.read', 'member.read'], org);
    await t.http
      .put('/api/v1/roles/{id}/permissions', { params: { id: roleA }, body: { permissions: ['team.read', 'team.create'] }, workspace: org })
      .expect(200);
    member = await addMember(t, owner, ['msp_admin'], org);
    await t.http.post('/api/v1/teams', { body: { name: `by-member-${hex()}` }, token: member.accessToken }).expect(201);
    await t.http.post('/api/v1/user-roles', { body: { userId: member.userId, roleId: roleB }, workspace: org }).expect(201);
    for (let i = 0; i < 4; i++)
      await t.http.post('/api/v1/teams', { body: { name: `by-owner-${i}-${hex()}` }, workspace: org }).expect(201);
  });

  test('by actor', async () => {
    const page = await auditEvents({ actor: member.userId, limit: 200 }, owner, org);
    expect(page.data.map((e) => e.id)).toEqual(await sqlIds(org, 'actor_id = $2', [member.userId]));
    expect(page.data.every((e) => e.actorId === member.userId)).toBe(true);
    expect(page.data.map((e) => e.action)).toEqual(expect.arrayContaining(['team.create', 'invitation.accept']));
    expect(page.data.map((e) => e.action)).not.toContain('role.create');
  });

  test('by actor in the typed form the trail records: user:<id>, api_key:<id>, system:<name>', async () => {
    const typed = await auditEvents({ actor: `user:${member.userId}`, limit: 200 }, owner, org);
    expect(typed.data.length).toBeGreaterThan(1);
    expect(typed.data.map((e) => e.id)).toEqual(await sqlIds(org, "actor_type = 'user' AND actor_id = $2", [member.userId]));
    expect(typed.data.map((e) => e.id)).toEqual(
      (await auditEvents({ actor: member.userId, limit: 200 }, owner, org)).data.map((e) => e.id),
    );
    // The type is part of the filter: the same id under another type matches nothing.
    expect((await auditEvents({ actor: `api_key:${member.userId}` }, owner, org)).data).toEqual([]);

    const key = await mintApiKey(t, owner, {}, org);
    const team = await t.http.post('/api/v1/teams', { body: { name: `by-key-${hex()}` }, token: key.secret }).expect(201);
    const byKey = await auditEvents({ actor: `api_key:${key.id}` }, owner, org);
    expect(byKey.data.map((e) => [e.action, e.actorType, e.actorId, e.resourceId])).toEqual([
      ['team.create', 'api_key', key.id, team.data.id],
    ]);

    // Background work names itself: the first start created the default organization.
    const system = await auditEvents({ actor: 'system:first-run' });
    expect(system.data.map((e) => [e.action, e.actorType, e.actorId, e.resourceId])).toEqual([
      ['organization.create', 'system', 'first-run', defaultOrg],
    ]);
  });

  test('an actor of an unknown type, or a typed actor without its id, is 400 at the field', async () => {
    for (const actor of ['team:abc', 'user:', ':abc', `user:${member.userId}:x`, 'user: x', 'x'.repeat(201)]) {
      const request = t.http.get('/api/v1/audit-events', { query: { actor }, workspace: org });
      const res = await request;
      expect({ actor, status: res.status }).toEqual({ actor, status: 400 });
      await request.expect(400, 'VALIDATION_FAILED');
      expect(res.body.error.validationErrors).toEqual([expect.objectContaining({ field: 'actor' })]);
    }
  });

  test('by exact action, and by prefix', async () => {
    const exact = await auditEvents({ action: 'role.create' }, owner, org);
    expect(exact.data.map((e) => e.resourceId).sort()).toEqual([roleA, roleB].sort());

    const prefix = await auditEvents({ action: 'role.*' }, owner, org);
    expect(prefix.data.map((e) => e.action).sort()).toEqual(['role.create', 'role.create', 'role.permissions.set']);
    // role.* is a prefix of the action, not a substring: user_role.grant is not in it.
    expect(prefix.data.map((e) => e.id)).toEqual(await sqlIds(org, "action LIKE 'role.%'"));

    const none = await auditEvents({ action: 'role' }, owner, org);
    expect(none.data).toEqual([]);
  });

  test('by resource type, and by type:id', async () => {
    const byType = await auditEvents({ resource: 'role' }, owner, org);
    expect(byType.data.map((e) => e.id)).toEqual(await sqlIds(org, "resource_type = 'role'"));
    expect(byType.data).toHaveLength(3);

    const byId = await auditEvents({ resource: `role:${roleA}` }, owner, org);
    expect(byId.data.map((e) => e.action)).toEqual(['role.permissions.set', 'role.create']);
    expect(byId.data[0].details).toEqual({ added: ['team.create'], removed: [] });
  });

  test('by correlation id', async () => {
    const correlationId = `filter-${hex(6)}`;
    const team = await t.http
      .post('/api/v1/teams', { body: { name: `correlated-${hex()}` }, workspace: org, headers: { 'x-correlation-id': correlationId } })
      .expect(201);
    const page = await auditEvents({ correlation_id: correlationId }, owner, org);
    expect(page.data).toHaveLength(1);
    expect(page.data[0]).toMatchObject({ action: 'team.create', resourceType: 'team', resourceId: team.data.id, correlationId });
    expect((await auditEvents({ correlation_id: `unknown-${hex()}` }, owner, org)).data).toEqual([]);
  });

  test('by time: since is inclusive, until exclusive', async () => {
    const all = (await auditEvents({ limit: 200 }, owner, org)).data;
    expect(all.length).toBeGreaterThan(6);
    const pivot = all[Math.floor(all.length / 2)];
    const since = await auditEvents({ since: pivot.occurredAt, limit: 200 }, owner, org);
    const until = await auditEvents({ until: pivot.occurredAt, limit: 200 }, owner, org);
    expect(since.data.map((e) => e.id)).toEqual(await sqlIds(org, 'occurred_at >= $2', [pivot.occurredAt]));
    expect(until.data.map((e) => e.id)).toEqual(await sqlIds(org, 'occurred_at < $2', [pivot.occurredAt]));
    expect(since.data.map((e) => e.id)).toContain(pivot.id);
    expect(until.data.map((e) => e.id)).not.toContain(pivot.id);
    expect(since.data.length + until.data.length).toBe(all.length);
    const [from, to] = [all[all.length - 2].occurredAt, all[1].occurredAt];
    const between = await auditEvents({ since: from, until: to, limit: 200 }, owner, org);
    expect(between.data.map((e) => e.id)).toEqual(await sqlIds(org, 'occurred_at >= $2 AND occurred_at < $3', [from, to]));
    expect(between.data.length).toBeGreaterThan(0);
    expect(between.data.length).toBeLessThan(all.length);
  });

  test('limit and cursor walk every event exactly once, newest first', async () => {
    const expected = await sqlIds(org);
    expect(expected.length).toBeGreaterThan(6);
    const seen: AuditEventBody[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await auditEvents({ limit: 3, ...(cursor ? { cursor } : {}) }, owner, org);
      pages++;
      expect(page.data.length).toBeLessThanOrEqual(3);
      expect(page.meta.cursor.limit).toBe(3);
      expect(page.meta.cursor.hasNext).toBe(page.meta.cursor.next !== null);
      if (page.meta.cursor.next) expect(page.links.next).toContain(`cursor=${page.meta.cursor.next}`);
      seen.push(...page.data);
      cursor = page.meta.cursor.next;
      expect(pages).toBeLessThan(50);
    } while (cursor);
    expect(pages).toBe(Math.ceil(expected.length / 3));
    expect(seen.map((e) => e.id)).toEqual(expected);
    expect(new Set(seen.map((e) => e.id)).size).toBe(seen.length);
    // One organization's trail, newest first, is its chain backwards.
    expect(seen.map((e) => e.seq)).toEqual(oneTo(seen.length).reverse());
    for (let i = 1; i < seen.length; i++) expect(Date.parse(seen[i - 1].occurredAt)).toBeGreaterThanOrEqual(Date.parse(seen[i].occurredAt));
  });

  test('a cursor the API did not return is 400 INVALID_CURSOR', async () => {
    for (const cursor of ['garbage', '!!!', Buffer.from('{"a":1}').toString('base64url'), Buffer.from('[1]').toString('base64url')]) {
      const request = t.http.get('/api/v1/audit-events', { query: { cursor } });
      const res = await request;
      expect({ cursor, status: res.status }).toEqual({ cursor, status: 400 });
      await request.expect(400, 'VALIDATION_FAILED');
      expect(res.body.error.validationErrors).toEqual([expect.objectContaining({ field: 'cursor', code: 'INVALID_CURSOR' })]);
    }
  });

  test('a well-formed cursor naming no event position is 400 INVALID_CURSOR too, not a database error', async () => {
    // Decodes like a real cursor ([time, id]) but its id is not a UUID.
    const forged = Buffer.from(JSON.stringify(['2020-01-01T00:00:00.000Z', 'not-an-id'])).toString('base64url');
    const res = await t.http.get('/api/v1/audit-events', { query: { cursor: forged } }).expectResponse(400, 'VALIDATION_FAILED');
    expect(res.body.error.validationErrors).toEqual([expect.objectContaining({ field: 'cursor', code: 'INVALID_CURSOR' })]);
  });

  test('limit must be 1 to 200; other bad filters are 400 too', async () => {
    for (const query of [
      'limit=0',
      'limit=201',
      'limit=-1',
      'limit=abc',
      'since=yesterday',
      'action=ROLE%20create',
      'resource=role:%20x',
    ]) {
      const request = t.http.get('/api/v1/audit-events', { query });
      const res = await request;
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      await request.expect(400, 'VALIDATION_FAILED');
    }
    const limit0 = await t.http.get('/api/v1/audit-events', { query: { limit: 0 } }).expect(400, 'VALIDATION_FAILED');
    expect(new Set(limit0.error.validationErrors.map((v: { field: string }) => v.field))).toEqual(new Set(['limit']));
    expect((await auditEvents({ limit: 200 })).meta.cursor.limit).toBe(200);
    expect((await auditEvents({})).meta.cursor.limit).toBe(50);
  });
});

describe('failed mutations', () => {
  test('a 404 is audited as a failure, after the rollback', async () => {
    const correlationId = `fail-404-${hex()}`;
    const unknownRole = '01960000-0000-7000-8000-00000000beef';
    await t.http
      .delete('/api/v1/roles/{id}', { params: { id: unknownRole }, headers: { 'x-correlation-id': correlationId } })
      .expect(404, 'NOT_FOUND');
    const page = await auditEvents({ correlation_id: correlationId });
    expect(page.data).toHaveLength(1);
    expect(page.data[0]).toMatchObject({
      action: 'role.delete',
      outcome: 'failure',
      resourceType: 'role',
      resourceId: unknownRole,
      actorType: 'user',
      actorId: ownerId,
      details: { status: 404, code: 'NOT_FOUND' },
    });
    expect((await verify()).valid).toBe(true);
  });

  test('a 409 is audited as a failure and its change is not applied', async () => {
    const org = await newOrganization();
    const member = await addMember(t, owner, [], org);
    const role = await createRole(t, owner, `Granted ${hex()}`, ['team.read'], org);
    const grant = await t.http.post('/api/v1/user-roles', { body: { userId: member.userId, roleId: role }, workspace: org }).expect(201);
    const correlationId = `fail-409-${hex()}`;
    await t.http
      .delete('/api/v1/roles/{id}', { params: { id: role }, workspace: org, headers: { 'x-correlation-id': correlationId } })
      .expect(409, 'CONFLICT');
    // Nothing changed: the role and its grant are still there.
    await t.http.get('/api/v1/roles/{id}', { params: { id: role }, workspace: org }).expect(200);
    expect(await t.sql('SELECT id FROM user_roles WHERE id = $1', [grant.data.id])).toHaveLength(1);
    const page = await auditEvents({ correlation_id: correlationId }, owner, org);
    expect(page.data).toHaveLength(1);
    expect(page.data[0]).toMatchObject({
      action: 'role.delete',
      outcome: 'failure',
      resourceId: role,
      details: { status: 409, code: 'CONFLICT' },
    });
    expect((await auditEvents({ action: 'role.delete', resource: `role:${role}` }, owner, org)).data.map((e) => e.outcome)).toEqual([
      'failure',
    ]);
    // The failure took the link the rolled-back success would have had: no gap.
    expect(await seqsOf(org)).toEqual(oneTo((await seqsOf(org)).length));
    expect(await verify(org)).toMatchObject({ valid: true, firstInvalid: null });
  });

  test('a refused organization creation leaves no organization, membership or chain behind', async () => {
    const slug = `taken-${hex()}`;
    await t.http.post('/api/v1/organizations', { body: { name: `First ${slug}`, slug } }).expect(201);
    const before = await t.sql<{ orgs: number; heads: number; memberships: number }>(
      'SELECT (SELECT count(*)::int FROM organizations) AS orgs, (SELECT count(*)::int FROM audit_chain_heads) AS heads, (SELECT count(*)::int FROM memberships) AS memberships',
    );
    const correlationId = `fail-org-${hex()}`;
    const name = `Second ${slug}`;
    await t.http
      .post('/api/v1/organizations', { body: { name, slug }, headers: { 'x-correlation-id': correlationId } })
      .expect(409, 'CONFLICT');
    const after = await t.sql(
      'SELECT (SELECT count(*)::int FROM organizations) AS orgs, (SELECT count(*)::int FROM audit_chain_heads) AS heads, (SELECT count(*)::int FROM memberships) AS memberships',
    );
    expect(after).toEqual(before);
    expect(await t.sql('SELECT id FROM organizations WHERE name = $1', [name])).toEqual([]);
    const page = await auditEvents({ correlation_id: correlationId });
    expect(page.data.map((e) => [e.action, e.outcome, e.details])).toEqual([
      ['organization.create', 'failure', { status: 409, code: 'CONFLICT' }],
    ]);
  });

  test('a conflict caught by a unique constraint (a race) is audited as the 409 the client got', async () => {
    const org = await newOrganization();
    const name = `raced-${hex()}`;
    const correlationId = `race-${hex()}`;
    // Hold team inserts back (reads go on) so that both requests pass the "name taken?" check
    // and meet at the unique constraint: the deterministic form of two clients racing.
    const blocker = new pg.Client({ connectionString: t.databaseUrl });
    await blocker.connect();
    let results: RawResponse[];
    let requests: HttpRequest[];
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE teams IN EXCLUSIVE MODE');
      requests = [0, 1].map(() =>
        t.http.post('/api/v1/teams', { body: { name }, workspace: org, headers: { 'x-correlation-id': correlationId } }),
      );
      const pending = requests.map((r) => r.response());
      for (let i = 0; ; i++) {
        const [{ n }] = (await blocker.query("SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted AND relation = 'teams'::regclass"))
          .rows as { n: number }[];
        if (n === 2) break;
        if (i > 200) throw new Error('the two inserts never queued on the lock');
        await new Promise((r) => setTimeout(r, 25));
      }
      await blocker.query('COMMIT');
      results = await Promise.all(pending);
    } finally {
      await blocker.end();
    }
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    await requests[results.findIndex((r) => r.status === 409)].expect(409, 'CONFLICT');
    await requests[results.findIndex((r) => r.status === 201)].expect(201);
    expect(await t.sql('SELECT id FROM teams WHERE organization_id = $1 AND name = $2', [org, name])).toHaveLength(1);

    const events = (await auditEvents({ correlation_id: correlationId }, owner, org)).data;
    expect(events.map((e) => e.outcome).sort()).toEqual(['failure', 'success']);
    // The trail must say what the client was told: 409 CONFLICT, not a 500 that never happened.
    expect(events.find((e) => e.outcome === 'failure')!.details).toEqual({ status: 409, code: 'CONFLICT' });
    expect(await verify(org)).toMatchObject({ valid: true });
  });

  test('a refusal by the service is audited as denied', async () => {
    const key = await mintApiKey(t, owner);
    const correlationId = `denied-${hex()}`;
    await t.http
      .post('/api/v1/organizations', {
        body: { name: `By key ${hex()}` },
        token: key.secret,
        headers: { 'x-correlation-id': correlationId },
      })
      .expect(403, 'FORBIDDEN');
    const page = await auditEvents({ correlation_id: correlationId });
    expect(page.data).toHaveLength(1);
    expect(page.data[0]).toMatchObject({
      action: 'organization.create',
      outcome: 'denied',
      actorType: 'api_key',
      actorId: key.id,
      details: { status: 403, code: 'FORBIDDEN' },
    });
  });

  test('input that never validated (400) is not audited', async () => {
    const correlationId = `bad-input-${hex()}`;
    const headers = { 'x-correlation-id': correlationId };
    const bad = [
      t.http.post('/api/v1/roles', { body: { name: '', permissions: 'team.read' }, headers }),
      t.http.post('/api/v1/teams', { body: { name: 'x'.repeat(101) }, headers }),
      t.http.delete('/api/v1/roles/{id}', { params: { id: 'not-a-uuid' }, headers }),
      t.http.post('/api/v1/teams', { rawBody: '{"name":', headers }),
    ];
    const codes = ['VALIDATION_FAILED', 'VALIDATION_FAILED', 'VALIDATION_FAILED', 'MALFORMED_JSON'];
    for (const [i, request] of bad.entries()) await request.expect(400, codes[i]);
    expect((await auditEvents({ correlation_id: correlationId })).data).toEqual([]);
    expect(await t.sql('SELECT id FROM audit_events WHERE correlation_id = $1', [correlationId])).toEqual([]);
  });
});

describe('append-only and hash-chained', () => {
  test('the database refuses UPDATE, DELETE and TRUNCATE on audit_events', async () => {
    const [event] = await t.sql<{ id: string; action: string }>(
      'SELECT id, action FROM audit_events WHERE organization_id = $1 ORDER BY seq LIMIT 1',
      [defaultOrg],
    );
    await expect(t.sql("UPDATE audit_events SET action = 'tampered' WHERE id = $1", [event.id])).rejects.toThrow(
      /append-only: UPDATE refused/,
    );
    await expect(t.sql('DELETE FROM audit_events WHERE id = $1', [event.id])).rejects.toThrow(/append-only: DELETE refused/);
    await expect(t.sql('TRUNCATE audit_events')).rejects.toThrow(/append-only: TRUNCATE refused/);
    const [still] = await t.sql<{ action: string }>('SELECT action FROM audit_events WHERE id = $1', [event.id]);
    expect(still.action).toBe(event.action);
  });

  test('verify checks every event of the organization', async () => {
    const [{ n }] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM audit_events WHERE organization_id = $1', [defaultOrg]);
    expect(n).toBeGreaterThan(5);
    expect(await verify()).toEqual({ valid: true, eventsChecked: n, firstInvalid: null });
  });

  test('an edited event breaks the chain at that event; restoring it mends it', async () => {
    const org = await newOrganization();
    for (let i = 0; i < 4; i++) await t.http.post('/api/v1/teams', { body: { name: `chain-${i}-${hex()}` }, workspace: org }).expect(201);
    expect(await verify(org)).toEqual({ valid: true, eventsChecked: 5, firstInvalid: null });
    const [third] = await t.sql<{ id: string; action: string }>(
      'SELECT id, action FROM audit_events WHERE organization_id = $1 AND seq = 3',
      [org],
    );
    const tamper = (action: string) =>
      t.sql(
        `BEGIN; ALTER TABLE audit_events DISABLE TRIGGER USER; UPDATE audit_events SET action = '${action}' WHERE id = '${third.id}'; ALTER TABLE audit_events ENABLE TRIGGER USER; COMMIT;`,
      );

    await tamper('team.delete');
    const broken = await verify(org);
    expect(broken.valid).toBe(false);
    expect(broken.firstInvalid).toEqual({ seq: 3, reason: expect.stringMatching(/content/) });
    expect(broken.eventsChecked).toBe(2);
    // The triggers are back on.
    await expect(t.sql("UPDATE audit_events SET action = 'x' WHERE id = $1", [third.id])).rejects.toThrow(/append-only/);

    await tamper(third.action);
    expect(await verify(org)).toEqual({ valid: true, eventsChecked: 5, firstInvalid: null });
  });

  test('a removed event breaks the chain where it was', async () => {
    const org = await newOrganization();
    tampered.add(org);
    for (let i = 0; i < 4; i++) await t.http.post('/api/v1/teams', { body: { name: `gap-${i}-${hex()}` }, workspace: org }).expect(201);
    await t.sql(
      `BEGIN; ALTER TABLE audit_events DISABLE TRIGGER USER; DELETE FROM audit_events WHERE organization_id = '${org}' AND seq = 3; ALTER TABLE audit_events ENABLE TRIGGER USER; COMMIT;`,
    );
    const broken = await verify(org);
    expect(broken.valid).toBe(false);
    expect(broken.eventsChecked).toBe(2);
    // The first event whose link fails is the one after the gap; the reason names the missing one.
    expect(broken.firstInvalid).toEqual({ seq: 4, reason: expect.stringContaining('expected event 3') });

    // Removing the newest event is caught by the chain head.
    const tail = await newOrganization();
    tampered.add(tail);
    await t.http.post('/api/v1/teams', { body: { name: `tail-${hex()}` }, workspace: tail }).expect(201);
    await t.sql(
      `BEGIN; ALTER TABLE audit_events DISABLE TRIGGER USER; DELETE FROM audit_events WHERE organization_id = '${tail}' AND seq = 2; ALTER TABLE audit_events ENABLE TRIGGER USER; COMMIT;`,
    );
    expect(await verify(tail)).toMatchObject({ valid: false, eventsChecked: 1, firstInvalid: { seq: 2 } });
  });

  test('each organization has its own chain, from seq 1, contiguous, each link hashing the previous', async () => {
    const { organizationId: other } = await otherOrganization(t, owner);
    const rows = await t.sql<{ organization_id: string; seqs: string[] }>(
      'SELECT organization_id, array_agg(seq ORDER BY seq) AS seqs FROM audit_events GROUP BY organization_id',
    );
    const byOrg = new Map(rows.map((r) => [r.organization_id, r.seqs.map(Number)]));
    expect(byOrg.get(other)!.length).toBeGreaterThan(1);
    expect(byOrg.size).toBeGreaterThan(3);
    for (const [org, seqs] of byOrg) if (!tampered.has(org)) expect({ org, seqs }).toEqual({ org, seqs: oneTo(seqs.length) });

    for (const org of [defaultOrg, other]) {
      const links = await t.sql<{ seq: string; prev_hash: Buffer; hash: Buffer }>(
        'SELECT seq, prev_hash, hash FROM audit_events WHERE organization_id = $1 ORDER BY seq',
        [org],
      );
      expect(links[0].prev_hash.equals(Buffer.alloc(32))).toBe(true);
      for (let i = 1; i < links.length; i++) expect(links[i].prev_hash.equals(links[i - 1].hash)).toBe(true);
      const [head] = await t.sql<{ last_seq: string; last_hash: Buffer }>(
        'SELECT last_seq, last_hash FROM audit_chain_heads WHERE organization_id = $1',
        [org],
      );
      expect(Number(head.last_seq)).toBe(links.length);
      expect(head.last_hash.equals(links[links.length - 1].hash)).toBe(true);
    }
    // The hash the API shows is the stored one.
    const [newest] = (await auditEvents({ limit: 1 })).data;
    const [stored] = await t.sql<{ hash: Buffer }>('SELECT hash FROM audit_events WHERE id = $1', [newest.id]);
    expect(newest.hash).toBe(stored.hash.toString('hex'));
  });

  test('20 concurrent mutations in one organization: contiguous sequence numbers and a valid chain', async () => {
    const org = await newOrganization();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => t.http.post('/api/v1/teams', { body: { name: `parallel-${i}` }, workspace: org }).response()),
    );
    expect({ statuses: results.map((r) => r.status), logged: serverErrors() }).toEqual({ statuses: Array(20).fill(201), logged: [] });
    expect(await seqsOf(org)).toEqual(oneTo(21));
    const teams = (await auditEvents({ action: 'team.create', limit: 200 }, owner, org)).data;
    expect(new Set(teams.map((e) => e.resourceId))).toEqual(new Set(results.map((r) => r.body.data.id)));
    expect(await verify(org)).toEqual({ valid: true, eventsChecked: 21, firstInvalid: null });
  });

  test('concurrent successes and failures (racing duplicates) still chain without gaps', async () => {
    const org = await newOrganization();
    const names = Array.from({ length: 20 }, (_, i) => `race-${i % 5}`);
    const results = await Promise.all(names.map((name) => t.http.post('/api/v1/teams', { body: { name }, workspace: org }).response()));
    const statuses = results.map((r) => r.status);
    // On a 500, show why: the server logs unexpected failures at level error (50).
    expect({ internal: statuses.filter((s) => s >= 500).length, logged: serverErrors() }).toEqual({ internal: 0, logged: [] });
    expect(statuses.filter((s) => s === 201)).toHaveLength(5);
    expect(statuses.filter((s) => s === 409)).toHaveLength(15);
    expect(await t.sql('SELECT name FROM teams WHERE organization_id = $1', [org])).toHaveLength(5);
    expect(await seqsOf(org)).toEqual(oneTo(21));
    const outcomes = (await auditEvents({ action: 'team.create', limit: 200 }, owner, org)).data.map((e) => e.outcome);
    expect(outcomes.filter((o) => o === 'success')).toHaveLength(5);
    expect(outcomes.filter((o) => o === 'failure')).toHaveLength(15);
    expect(await verify(org)).toEqual({ valid: true, eventsChecked: 21, firstInvalid: null });
  });
});

describe('who reads which trail', () => {
  let other: { organizationId: string; owner: Member };
  beforeAll(async () => {
    other = await otherOrganization(t, owner);
    await t.http.post('/api/v1/teams', { body: { name: `other-team-${hex()}` }, token: other.owner.accessToken }).expect(201);
  });

  test('/audit-events shows only the organization the request acts in', async () => {
    const mine = await auditEvents({ limit: 200 });
    expect(mine.data.every((e) => e.organizationId === defaultOrg)).toBe(true);
    const theirs = await auditEvents({ limit: 200 }, other.owner.accessToken);
    expect(theirs.data.length).toBeGreaterThan(0);
    expect(theirs.data.every((e) => e.organizationId === other.organizationId)).toBe(true);
    expect(theirs.data.map((e) => e.id)).toEqual(await sqlIds(other.organizationId));
  });

  test('/organizations/{id}/audit-logs answers for the organization acted in, 404 for any other', async () => {
    const logs = '/api/v1/organizations/{id}/audit-logs';
    const own = await t.http
      .get(logs, { params: { id: other.organizationId }, query: { limit: 5 }, token: other.owner.accessToken })
      .expect(200);
    expect(own.data.map((e: AuditEventBody) => e.id)).toEqual((await sqlIds(other.organizationId)).slice(0, 5));

    await t.http.get(logs, { params: { id: defaultOrg }, token: other.owner.accessToken }).expect(404, 'NOT_FOUND');
    // Even a member of both sees only the one the request acts in.
    await t.http.get(logs, { params: { id: other.organizationId } }).expect(404, 'NOT_FOUND');
    await t.http.get(logs, { params: { id: other.organizationId }, workspace: other.organizationId }).expect(200);
  });

  test('/audit-logs spans organizations for a platform administrator, and is 403 for anyone else', async () => {
    const all = await t.http.get('/api/v1/audit-logs', { query: { limit: 200 } }).expect(200);
    const orgs = new Set((all.data as AuditEventBody[]).map((e) => e.organizationId));
    expect(orgs.has(defaultOrg)).toBe(true);
    expect(orgs.has(other.organizationId)).toBe(true);

    for (const org of [defaultOrg, other.organizationId]) {
      const one = await t.http.get('/api/v1/audit-logs', { query: { organizationId: org, limit: 200 } }).expect(200);
      expect(one.data.map((e: AuditEventBody) => e.id)).toEqual((await sqlIds(org)).slice(0, 200));
    }
    const teamCreate = await t.http
      .get('/api/v1/audit-logs', { query: { organizationId: other.organizationId, action: 'team.create' } })
      .expect(200);
    expect(teamCreate.data.map((e: AuditEventBody) => e.actorId)).toEqual([other.owner.userId]);
    await t.http.get('/api/v1/audit-logs', { query: { organizationId: 'not-a-uuid' } }).expect(400, 'VALIDATION_FAILED');

    await t.http.get('/api/v1/audit-logs', { token: other.owner.accessToken }).expect(403, 'FORBIDDEN');
  });

  test('a member without audit.read gets 403, and the refusal is itself on the trail', async () => {
    const viewer = await addMember(t, owner, ['viewer']);
    for (const request of [
      t.http.get('/api/v1/audit-events', { token: viewer.accessToken }),
      t.http.get('/api/v1/audit-events/verify', { token: viewer.accessToken }),
      t.http.get('/api/v1/organizations/{id}/audit-logs', { params: { id: defaultOrg }, token: viewer.accessToken }),
      t.http.get('/api/v1/audit-logs', { token: viewer.accessToken }),
    ]) {
      const res = await request;
      expect({ path: request.template, status: res.status, code: res.body.error?.code }).toEqual({
        path: request.template,
        status: 403,
        code: 'FORBIDDEN',
      });
      await request.expect(403, 'FORBIDDEN');
    }
    const denied = await auditEvents({ actor: viewer.userId, action: 'authz.denied' });
    expect(denied.data.length).toBe(4);
    expect(denied.data.every((e) => e.outcome === 'denied')).toBe(true);
    expect(denied.data.map((e) => e.details.permission)).toContain('audit.read');
    await t.http.get('/api/v1/audit-events', { token: null }).expect(401, 'UNAUTHENTICATED');
  });
});

describe('no secret reaches the trail', () => {
  test('secret values, API key secrets, accept tokens and passwords are absent from every audit row', async () => {
    const secretValue = `s3cr3t-value-${hex(12)}`;
    await t.http.post('/api/v1/workspace/secrets/{key}', { params: { key: 'DEPLOY_TOKEN' }, body: { value: secretValue } }).expect(201);
    const key = await t.http.post('/api/v1/api-keys', { body: { name: `secretive-${hex()}` } }).expect(201);
    const apiKeySecret = key.data.secret as string;
    const email = `secretive-${hex()}@marshal.test`;
    const invitation = await t.http.post('/api/v1/invitations', { body: { email, roleIds: [] } }).expect(201);
    const acceptToken = invitation.data.acceptToken as string;
    const password = `pw-${hex(10)}`;
    await t.http
      .post('/api/v1/invitations/{id}/accept', {
        params: { id: invitation.data.invitation.id },
        body: { token: acceptToken, password },
        token: null,
      })
      .expect(200);
    await t.login(email, password);
    // A refresh (and a failed login) are part of the flow too.
    const session = await t.login();
    await t.http.post('/api/v1/auth/refresh', { body: { refreshToken: session.refreshToken }, token: null }).expect(200);
    await t.http.post('/api/v1/auth/login', { body: { email, password: `${password}-wrong` }, token: null }).expect(401, 'UNAUTHENTICATED');

    const rows = await t.sql<{ action: string; details: string; user_agent: string | null; resource_id: string | null }>(
      'SELECT action, details::text AS details, user_agent, resource_id FROM audit_events',
    );
    expect(rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['secret.set', 'api_key.create', 'invitation.create', 'invitation.accept', 'auth.login']),
    );
    const everything = rows.map((r) => `${r.details}\n${r.user_agent ?? ''}\n${r.resource_id ?? ''}`).join('\n');
    // The part after the key id: base64url may itself hold '_', so split at the id, not at the last '_'.
    const apiKeyTail = /^mk_[0-9a-f]{32}_(.+)$/.exec(apiKeySecret)![1];
    for (const secret of [
      secretValue,
      apiKeySecret,
      apiKeyTail,
      acceptToken,
      acceptToken.replace(/^mit_/, ''),
      password,
      ADMIN.password,
      session.refreshToken,
      session.accessToken,
    ]) {
      expect(everything).not.toContain(secret);
    }
  });
});
