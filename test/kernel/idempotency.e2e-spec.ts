import { createHash, randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { addMember, otherOrganization, type Member } from '../support/fixtures.js';
import { httpClient } from '../support/http.js';
import { ADMIN, startServer, type TestServer } from '../support/server.js';
import { useServer } from '../support/use-server.js';

/**
 * Idempotency-Key on mutating requests (Stripe's semantics): a retry with the same key and the same
 * request gets the first outcome back, whatever it was, and changes nothing more.
 */

const hex = (n = 4) => randomBytes(n).toString('hex');
const newKey = (label = 'k') => `${label}-${hex(8)}`;

const t = useServer({ LOG_LEVEL: 'warn' });
let owner: string;
let ownerId: string;
let org: string;

beforeAll(async () => {
  owner = t.token;
  const me = await t.http.get('/api/v1/me').expect(200);
  ownerId = me.data.id;
  org = me.context.organizationId;
});

function post(path: string, json: unknown, opts: { token?: string; key?: string; workspace?: string } = {}) {
  return t.http.post(path, { body: json, token: opts.token, idempotencyKey: opts.key, workspace: opts.workspace });
}
const createTeam = (json: unknown, opts: { token?: string; key?: string; workspace?: string } = {}) => post('/api/v1/teams', json, opts);

async function teamsNamed(name: string, organizationId = org): Promise<string[]> {
  return (await t.sql<{ id: string }>('SELECT id FROM teams WHERE organization_id = $1 AND name = $2', [organizationId, name])).map(
    (r) => r.id,
  );
}

describe('a retried request', () => {
  test('gets the same status and data, marked Idempotent-Replayed, and creates nothing more', async () => {
    const key = newKey();
    const name = `replayed-${hex()}`;
    const first = await createTeam({ name, description: 'once' }, { key }).expectResponse(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();

    const second = await createTeam({ name, description: 'once' }, { key }).expectResponse(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.body.data).toEqual(first.body.data);
    // A response of its own: the envelope describes the retry, the data the first outcome.
    expect(second.body.meta.requestId).not.toBe(first.body.meta.requestId);

    // The same body with its keys in another order is the same request.
    const reordered = await createTeam({ description: 'once', name }, { key }).expectResponse(201);
    expect(reordered.headers.get('idempotent-replayed')).toBe('true');
    expect(reordered.body.data).toEqual(first.body.data);

    expect(await teamsNamed(name)).toEqual([first.body.data.id]);
    const listed = await t.http.get('/api/v1/organizations/{id}/teams', { params: { id: org } }).expectResponse(200);
    expect(listed.body.data.filter((team: { name: string }) => team.name === name)).toHaveLength(1);
    // One change, one audit entry: replays are not changes.
    const audited = await t.sql('SELECT id FROM audit_events WHERE action = $1 AND resource_id = $2', ['team.create', first.body.data.id]);
    expect(audited).toHaveLength(1);
  });

  test('with the same key but another body, method or path is refused: 422 IDEMPOTENCY_KEY_REUSED', async () => {
    const key = newKey();
    const name = `reused-${hex()}`;
    await createTeam({ name }, { key }).expect(201);

    const otherBody = await createTeam({ name: `${name}-2` }, { key }).expectResponse(422, 'IDEMPOTENCY_KEY_REUSED');
    expect(otherBody.headers.get('idempotent-replayed')).toBeNull();

    await post('/api/v1/roles', { name: `Role ${hex()}`, permissions: ['team.read'] }, { key }).expect(422, 'IDEMPOTENCY_KEY_REUSED');

    expect(await teamsNamed(`${name}-2`)).toEqual([]);
    expect(await teamsNamed(name)).toHaveLength(1);
  });

  test('keys are scoped to the principal and the organization: the same key elsewhere is a new request', async () => {
    const member: Member = await addMember(t, owner, ['msp_admin']);
    const key = newKey('shared');
    const mine = await createTeam({ name: `owner-${hex()}` }, { key }).expectResponse(201);
    const theirs = await createTeam({ name: `member-${hex()}` }, { key, token: member.accessToken }).expectResponse(201);
    expect(theirs.headers.get('idempotent-replayed')).toBeNull();
    expect(theirs.body.data.id).not.toBe(mine.body.data.id);

    // The owner again, acting in another organization.
    const { organizationId: elsewhere } = await otherOrganization(t, owner);
    const there = await createTeam({ name: `elsewhere-${hex()}` }, { key, workspace: elsewhere }).expectResponse(201);
    expect(there.body.data.organizationId).toBe(elsewhere);

    // Each scope still replays its own outcome.
    const again = await createTeam({ name: mine.body.data.name }, { key });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.data.id).toBe(mine.body.data.id);
    const rows = await t.sql<{ principal_id: string; organization_id: string }>(
      'SELECT principal_id, organization_id FROM idempotency_keys WHERE key = $1 ORDER BY created_at',
      [key],
    );
    expect(rows).toEqual([
      { principal_id: `user:${ownerId}`, organization_id: org },
      { principal_id: `user:${member.userId}`, organization_id: org },
      { principal_id: `user:${ownerId}`, organization_id: elsewhere },
    ]);
  });

  test('a client error is replayed as the same error', async () => {
    const name = `taken-${hex()}`;
    await createTeam({ name }).expect(201);
    const key = newKey();
    const first = await createTeam({ name }, { key }).expectResponse(409, 'CONFLICT');
    const replay = await createTeam({ name }, { key }).expectResponse(409);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body.error).toEqual(first.body.error);
    const [row] = await t.sql<{ state: string }>('SELECT state FROM idempotency_keys WHERE key = $1', [key]);
    expect(row.state).toBe('completed');
  });

  test('of 10 identical concurrent requests, one runs; the others replay it or are told it is in progress', async () => {
    const key = newKey('burst');
    const name = `concurrent-${hex()}`;
    const requests = Array.from({ length: 10 }, () => createTeam({ name }, { key }));
    const results = await Promise.all(requests.map((request) => request.response()));
    const created = await teamsNamed(name);
    expect(created).toHaveLength(1);
    for (const [i, r] of results.entries()) {
      if (r.status === 201) {
        await requests[i].expectResponse(201);
        expect(r.body.data.id).toBe(created[0]);
      } else {
        expect({ status: r.status, code: r.body.error?.code }).toEqual({ status: 409, code: 'IDEMPOTENCY_IN_PROGRESS' });
        await requests[i].expectResponse(409, 'IDEMPOTENCY_IN_PROGRESS');
      }
    }
    expect(results.filter((r) => r.status === 201 && r.headers.get('idempotent-replayed') === null)).toHaveLength(1);
    // Once finished, every retry replays.
    const later = await createTeam({ name }, { key }).expectResponse(201);
    expect(later.headers.get('idempotent-replayed')).toBe('true');
    expect(later.body.data.id).toBe(created[0]);
  });
});

describe('what is kept', () => {
  test('an outcome holding a secret is stored encrypted, and replayed intact', async () => {
    const key = newKey('apikey');
    const first = await post('/api/v1/api-keys', { name: `idem-${hex()}` }, { key }).expectResponse(201);
    const secret = first.body.data.secret as string;
    // The part after the key id: base64url may itself hold '_', so split at the id, not at the last '_'.
    const tail = /^mk_[0-9a-f]{32}_(.+)$/.exec(secret)![1];

    const [row] = await t.sql<{ state: string; outcome: Buffer }>('SELECT state, outcome FROM idempotency_keys WHERE key = $1', [key]);
    expect(row.state).toBe('completed');
    expect(row.outcome.length).toBeGreaterThan(tail.length);
    for (const needle of [secret, tail]) {
      expect(row.outcome.includes(Buffer.from(needle))).toBe(false);
      expect(row.outcome.toString('hex')).not.toContain(Buffer.from(needle).toString('hex'));
    }
    expect(row.outcome.includes(Buffer.from(first.body.data.apiKey.id))).toBe(false);

    // Nowhere in the database in clear: every row of every table, bytea included (as hex).
    const tables = await t.sql<{ schema: string; name: string }>(
      "SELECT table_schema AS schema, table_name AS name FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')",
    );
    expect(tables.length).toBeGreaterThan(5);
    const hits: string[] = [];
    for (const { schema, name } of tables) {
      const rows = await t.sql<{ row: string }>(`SELECT r::text AS row FROM "${schema}"."${name}" r`);
      for (const { row } of rows) {
        for (const needle of [tail, Buffer.from(tail).toString('hex')]) if (row.includes(needle)) hits.push(`${schema}.${name}`);
      }
    }
    expect(hits).toEqual([]);

    const replay = await post('/api/v1/api-keys', { name: first.body.data.apiKey.name }, { key }).expectResponse(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body.data).toEqual(first.body.data);
    // It is the one key: it works, and only one was minted.
    await t.http.get('/api/v1/me', { token: replay.body.data.secret }).expect(200);
    expect(await t.sql('SELECT id FROM api_keys WHERE name = $1', [first.body.data.apiKey.name])).toHaveLength(1);
    expect(t.output()).not.toContain(tail);
  });

  test('an expired key no longer replays: the same key then starts a new request', async () => {
    const key = newKey('expiring');
    const first = await createTeam({ name: `before-expiry-${hex()}` }, { key }).expectResponse(201);
    await createTeam({ name: `refused-${hex()}` }, { key }).expect(422);

    // Age the key past its 24 hours, keeping the timestamp exactly as the server wrote it.
    await t.sql(
      "UPDATE idempotency_keys SET expires_at = expires_at - interval '25 hours', created_at = created_at - interval '25 hours' WHERE key = $1",
      [key],
    );
    const name = `after-expiry-${hex()}`;
    const fresh = await createTeam({ name }, { key }).expectResponse(201);
    expect(fresh.headers.get('idempotent-replayed')).toBeNull();
    expect(fresh.body.data.id).not.toBe(first.body.data.id);
    expect(await teamsNamed(name)).toEqual([fresh.body.data.id]);
    // The key now stands for the new request.
    const replay = await createTeam({ name }, { key });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body.data.id).toBe(fresh.body.data.id);
    expect(await t.sql('SELECT id FROM idempotency_keys WHERE key = $1', [key])).toHaveLength(1);
  });

  /** The row a claim writes for a request still running, with `holder` as the process running it. */
  async function heldKey(body: { name: string }, holder: string | null): Promise<string> {
    const key = newKey('held');
    // Its fingerprint is keyed by the server (bodies may carry secrets): take it from the same
    // request made in another organization.
    const elsewhere = await otherOrganization(t, owner);
    const twin = newKey('twin');
    await createTeam(body, { key: twin, token: elsewhere.owner.accessToken }).expect(201);
    const [{ request_hash: hash }] = await t.sql<{ request_hash: Buffer }>('SELECT request_hash FROM idempotency_keys WHERE key = $1', [
      twin,
    ]);
    expect(
      hash.equals(
        createHash('sha256')
          .update(`POST /api/v1/teams\n${JSON.stringify(body)}`)
          .digest(),
      ),
    ).toBe(false);
    await t.sql(
      `INSERT INTO idempotency_keys (id, organization_id, principal_id, key, request_hash, state, locked_at, holder, expires_at)
       VALUES ($1, $2, $3, $4, $5, 'in_progress', now(), $6, now() + interval '1 day')`,
      [randomUUID(), org, `user:${ownerId}`, key, hash, holder],
    );
    return key;
  }

  test('a key whose holder still holds its lock answers 409 IDEMPOTENCY_IN_PROGRESS; once the lock is gone, the next retry takes it over', async () => {
    const body = { name: `held-${hex()}` };
    const holder = String(BigInt(`0x${hex(7)}`));
    const key = await heldKey(body, holder);
    // This test's connection stands in for the process running the request.
    const session = new pg.Client({ connectionString: t.databaseUrl });
    await session.connect();
    await session.query('SELECT pg_advisory_lock_shared($1::bigint)', [holder]);
    try {
      await createTeam(body, { key }).expect(409, 'IDEMPOTENCY_IN_PROGRESS');
      expect(await teamsNamed(body.name)).toEqual([]);
    } finally {
      await session.end(); // as if it died: its session, and so its lock, are gone
    }
    const taken = await createTeam(body, { key }).expectResponse(201);
    expect(taken.headers.get('idempotent-replayed')).toBeNull();
    expect(await teamsNamed(body.name)).toEqual([taken.body.data.id]);
    expect((await createTeam(body, { key })).headers.get('idempotent-replayed')).toBe('true');
  });

  test('a key that names no holder (written before holders were recorded) is taken over once abandoned for five minutes', async () => {
    const body = { name: `legacy-${hex()}` };
    const key = await heldKey(body, null);
    await createTeam(body, { key }).expect(409, 'IDEMPOTENCY_IN_PROGRESS');

    await t.sql("UPDATE idempotency_keys SET locked_at = locked_at - interval '10 minutes' WHERE key = $1", [key]);
    const taken = await createTeam(body, { key }).expectResponse(201);
    expect(await teamsNamed(body.name)).toEqual([taken.body.data.id]);
    expect((await createTeam(body, { key })).headers.get('idempotent-replayed')).toBe('true');
  });

  test('a malformed key is 400, and nothing is created', async () => {
    const name = `bad-key-${hex()}`;
    for (const key of ['x'.repeat(300), 'has space', 'caf\u00e9']) {
      const request = createTeam({ name }, { key });
      const res = await request;
      expect({ key: key.slice(0, 20), status: res.status }).toEqual({ key: key.slice(0, 20), status: 400 });
      await request.expectResponse(400, 'VALIDATION_FAILED');
      expect(res.body.error.validationErrors).toEqual([
        expect.objectContaining({ field: 'Idempotency-Key', code: 'INVALID_IDEMPOTENCY_KEY' }),
      ]);
    }
    await createTeam({ name }, { key: 'k'.repeat(255) }).expect(201);
    expect(await teamsNamed(name)).toHaveLength(1);
  });
});

describe('IDEMPOTENCY_REQUIRED=true', () => {
  // A server of its own, with other settings.
  let strict: TestServer;
  let token: string;
  const http = httpClient(() => strict.baseUrl, { token: () => token });
  beforeAll(async () => {
    strict = await startServer({ LOG_LEVEL: 'warn', IDEMPOTENCY_REQUIRED: 'true' });
    token = (await strict.login()).accessToken;
  });
  afterAll(async () => {
    await strict?.close();
  });

  test('an authenticated mutation without Idempotency-Key is 400 naming the header; with one it runs', async () => {
    const name = `strict-${hex()}`;
    const refused = await http.post('/api/v1/teams', { body: { name } }).expectResponse(400, 'VALIDATION_FAILED');
    expect(refused.body.error.validationErrors).toEqual([expect.objectContaining({ field: 'Idempotency-Key', code: 'REQUIRED' })]);
    expect(await strict.sql('SELECT id FROM teams WHERE name = $1', [name])).toEqual([]);

    await http.post('/api/v1/teams', { body: { name }, idempotencyKey: newKey() }).expect(201);
    // Reads need none.
    await http.get('/api/v1/me').expect(200);
  });

  test('public routes (login) take no key and still work', async () => {
    await http.post('/api/v1/auth/login', { body: ADMIN, token: null }).expect(200);
  });

  test('an invalid key is 400 there too', async () => {
    const res = await http
      .post('/api/v1/teams', { body: { name: `strict-${hex()}` }, idempotencyKey: 'y'.repeat(300) })
      .expectResponse(400);
    expect(res.body.error.validationErrors).toEqual([
      expect.objectContaining({ field: 'Idempotency-Key', code: 'INVALID_IDEMPOTENCY_KEY' }),
    ]);
  });
});
