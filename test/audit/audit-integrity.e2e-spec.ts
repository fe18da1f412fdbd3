import { createHmac, createPublicKey, randomBytes, verify as verifySignature } from 'node:crypto';
import pg from 'pg';
import { unkeyedChainHash, type ChainedFields } from '../../src/kernel/audit/audit-chain.js';
import { withClient } from '../support/database.js';
import { addMember, otherOrganization } from '../support/fixtures.js';
import { ADMIN, spawnServer, type RunningServer } from '../support/server.js';
import { useServer } from '../support/use-server.js';

/**
 * What protects the audit trail from someone who holds only the database (docs/audit-trail.md):
 * a keyed chain, Ed25519-signed checkpoints that an auditor keeps outside Marshal, and an
 * application role that owns nothing. Tampering is done here with direct SQL as the database
 * owner (superuser), the strongest attacker short of holding the master key.
 */

const KEY_1 = randomBytes(32).toString('base64');
const KEY_2 = randomBytes(32).toString('base64');

const t = useServer({ LOG_LEVEL: 'warn', ENCRYPTION_KEY: KEY_1, ENCRYPTION_KEY_ID: 'audit-1' });
let owner: string;
beforeAll(() => {
  owner = t.token;
});

const hex = (n = 4) => randomBytes(n).toString('hex');
/** The published checkpoint keys, unauthenticated; answered without the envelope `.expect` requires of a 2xx, so checked by hand. */
const checkpointKeys = (baseUrl?: string) => t.http.get('/.well-known/audit-checkpoint-keys', { token: null, baseUrl });

interface Checkpoint {
  id: string;
  organizationId: string;
  seq: number;
  hash: string;
  signedAt: string;
  keyId: string;
  origin: string;
  signature: string;
  token: string;
  statement: string;
}
interface Verification {
  valid: boolean;
  eventsChecked: number;
  firstInvalid: { seq: number; reason: string } | null;
  failure?: string;
  checkpoint?: { seq: number; hash: string; extended: boolean };
}

async function newOrganization(teams = 0): Promise<string> {
  const res = await t.http.post('/api/v1/organizations', { body: { name: `Integrity ${hex()}` }, token: owner }).expect(201);
  const org = res.data.id as string;
  await addTeams(org, teams);
  return org;
}

async function addTeams(org: string, n: number, token = owner, base = t.baseUrl): Promise<void> {
  for (let i = 0; i < n; i++) {
    await t.http.post('/api/v1/teams', { body: { name: `team-${i}-${hex()}` }, token, workspace: org, baseUrl: base }).expect(201);
  }
}

async function checkpoint(org: string, token = owner, base = t.baseUrl): Promise<Checkpoint> {
  const res = await t.http.post('/api/v1/audit-events/checkpoints', { token, workspace: org, baseUrl: base }).expect(201);
  return res.data as Checkpoint;
}

async function verify(org: string, token?: string, as = owner, base = t.baseUrl): Promise<Verification> {
  const res = await t.http
    .get('/api/v1/audit-events/verify', { query: token ? `checkpoint=${token}` : undefined, token: as, workspace: org, baseUrl: base })
    .expect(200);
  return res.data as Verification;
}

async function verifyRefused(org: string, token: string, code: string): Promise<void> {
  const request = t.http.get('/api/v1/audit-events/verify', {
    query: `checkpoint=${encodeURIComponent(token)}`,
    token: owner,
    workspace: org,
  });
  const res = await request;
  expect({ token: token.slice(0, 40), status: res.status, code: res.body?.error?.code }).toEqual({
    token: token.slice(0, 40),
    status: 400,
    code,
  });
  await request.expectResponse(400, code);
}

/** As the database owner, with the audit tables' triggers off: what an attacker with the owner's credentials can do. */
async function tamper(fn: (c: pg.Client) => Promise<unknown>): Promise<void> {
  await withClient(t.databaseUrl, async (c) => {
    const tables = ['audit_events', 'audit_chain_heads', 'audit_checkpoints'];
    await c.query('BEGIN');
    for (const table of tables) await c.query(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
    await fn(c);
    for (const table of tables) await c.query(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
    await c.query('COMMIT');
  });
}

async function hashAt(org: string, seq: number): Promise<string> {
  const [row] = await t.sql<{ hash: Buffer }>('SELECT hash FROM audit_events WHERE organization_id = $1 AND seq = $2', [org, seq]);
  return row.hash.toString('hex');
}

type Row = {
  seq: string;
  occurred_at: Date;
  actor_type: string;
  actor_id: string | null;
  action: string;
  resource_type: string | null;
  resource_id: string | null;
  outcome: string;
  correlation_id: string | null;
  request_id: string | null;
  ip: string | null;
  user_agent: string | null;
  details: Record<string, unknown>;
  hash: Buffer;
};
const fieldsOf = (org: string, r: Row): ChainedFields => ({
  organizationId: org,
  seq: Number(r.seq),
  occurredAt: r.occurred_at,
  actorType: r.actor_type,
  actorId: r.actor_id,
  action: r.action,
  resourceType: r.resource_type,
  resourceId: r.resource_id,
  outcome: r.outcome,
  correlationId: r.correlation_id,
  requestId: r.request_id,
  ip: r.ip,
  userAgent: r.user_agent,
  details: r.details,
});

/**
 * Re-chains the organization's rows from `fromSeq` on with the old unkeyed SHA-256, after `edit`
 * changed what it wanted, and moves the head to match: everything the old scheme let anyone with
 * write access do undetectably. `version` is what the rewritten rows then claim.
 */
async function rechainUnkeyed(org: string, fromSeq: number, edit: (c: pg.Client) => Promise<unknown>, version: 1 | 2 = 1): Promise<void> {
  await tamper(async (c) => {
    await edit(c);
    const rows = (await c.query<Row>('SELECT * FROM audit_events WHERE organization_id = $1 ORDER BY seq', [org])).rows;
    let previous = fromSeq === 1 ? Buffer.alloc(32) : rows[fromSeq - 2].hash;
    for (const row of rows.slice(fromSeq - 1)) {
      const hash = unkeyedChainHash(previous, fieldsOf(org, row));
      await c.query(
        'UPDATE audit_events SET prev_hash = $3, hash = $4, chain_version = $5, chain_key_id = $6 WHERE organization_id = $1 AND seq = $2',
        [org, row.seq, previous, hash, version, version === 1 ? null : 'audit-1'],
      );
      previous = hash;
    }
    await c.query('UPDATE audit_chain_heads SET last_hash = $2 WHERE organization_id = $1', [org, previous]);
  });
}

/** The statement of docs/audit-trail.md, rebuilt here from the checkpoint's fields, not by Marshal's code. */
const statementOf = (c: Pick<Checkpoint, 'organizationId' | 'seq' | 'hash' | 'signedAt' | 'keyId'>) =>
  [
    'marshal-audit-checkpoint-v1',
    `organization=${c.organizationId}`,
    `seq=${c.seq}`,
    `hash=${c.hash}`,
    `signedAt=${c.signedAt}`,
    `keyId=${c.keyId}`,
  ].join('\n');
const tokenOf = (statement: string, signature: string) => `${Buffer.from(statement).toString('base64url')}.${signature}`;

describe('signed checkpoints', () => {
  test('POST signs the head; the signature verifies offline with the published key and plain node:crypto; the request is audited', async () => {
    const org = await newOrganization(3);
    const cp = await checkpoint(org);
    expect(cp).toMatchObject({ organizationId: org, seq: 4, keyId: 'audit-1', origin: 'requested' });
    expect(cp.hash).toBe(await hashAt(org, 4));
    expect(cp.statement).toBe(statementOf(cp));
    expect(cp.token).toBe(tokenOf(cp.statement, cp.signature));

    // The auditor's side: the published keys, unauthenticated, and node:crypto alone.
    const keys = await checkpointKeys().expectResponse(200);
    const published = (keys.body.keys as { kid: string; kty: string; crv: string; x: string; pem: string; status: string }[]).find(
      (k) => k.kid === cp.keyId,
    )!;
    expect(published).toMatchObject({ kty: 'OKP', crv: 'Ed25519', status: 'current' });
    const signature = Buffer.from(cp.signature, 'base64url');
    for (const key of [
      createPublicKey(published.pem),
      createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: published.x }, format: 'jwk' }),
    ]) {
      expect(verifySignature(null, Buffer.from(statementOf(cp)), key, signature)).toBe(true);
      expect(verifySignature(null, Buffer.from(statementOf({ ...cp, seq: cp.seq + 1 })), key, signature)).toBe(false);
    }

    // The checkpoint request is the event after the one it signed.
    const trail = await t.http.get('/api/v1/audit-events', { query: { limit: 1 }, token: owner, workspace: org }).expectResponse(200);
    expect(trail.body.data[0]).toMatchObject({
      seq: 5,
      action: 'audit.checkpoint',
      resourceType: 'audit_checkpoint',
      resourceId: cp.id,
      outcome: 'success',
      details: { seq: 4, keyId: 'audit-1' },
    });

    expect(await verify(org, cp.token)).toEqual({
      valid: true,
      eventsChecked: 5,
      firstInvalid: null,
      checkpoint: { seq: 4, hash: cp.hash, signedAt: cp.signedAt, keyId: 'audit-1', extended: true },
    });
    const list = await t.http.get('/api/v1/audit-events/checkpoints', { token: owner, workspace: org }).expectResponse(200);
    expect(list.body.data).toEqual([cp]);
  });

  test('a tampered or foreign checkpoint is refused by verify with 400 and its code', async () => {
    const org = await newOrganization(1);
    const cp = await checkpoint(org);
    const flipped = Buffer.from(cp.signature, 'base64url');
    flipped[10] ^= 0x01;
    await verifyRefused(org, tokenOf(statementOf({ ...cp, seq: cp.seq + 1 }), cp.signature), 'CHECKPOINT_SIGNATURE_INVALID');
    await verifyRefused(org, tokenOf(statementOf({ ...cp, hash: 'ab'.repeat(32) }), cp.signature), 'CHECKPOINT_SIGNATURE_INVALID');
    await verifyRefused(org, tokenOf(cp.statement, flipped.toString('base64url')), 'CHECKPOINT_SIGNATURE_INVALID');
    await verifyRefused(org, tokenOf(statementOf({ ...cp, keyId: 'nobody-9' }), cp.signature), 'CHECKPOINT_KEY_UNKNOWN');
    await verifyRefused(org, tokenOf('not a statement', cp.signature), 'CHECKPOINT_MALFORMED');
    await verifyRefused(org, tokenOf(`${cp.statement}\n`, cp.signature), 'CHECKPOINT_MALFORMED');
    await verifyRefused(org, 'garbage', 'VALIDATION_FAILED');
    await verifyRefused(org, `${cp.token}x`, 'VALIDATION_FAILED');
    // Genuine, but of another organization.
    const other = await newOrganization(0);
    await verifyRefused(other, cp.token, 'CHECKPOINT_OTHER_ORGANIZATION');
    // The genuine one still passes.
    expect((await verify(org, cp.token)).checkpoint?.extended).toBe(true);
  });

  test('signing needs audit.checkpoint, reading audit.read; the keys are public', async () => {
    const { organizationId, owner: other } = await otherOrganization(t, owner);
    const viewer = await addMember(t, other.accessToken, ['viewer'], organizationId);
    const ops = await addMember(t, other.accessToken, ['ops_engineer'], organizationId);
    for (const [token, method, path, status] of [
      [viewer.accessToken, 'POST', '/api/v1/audit-events/checkpoints', 403],
      [viewer.accessToken, 'GET', '/api/v1/audit-events/checkpoints', 403],
      [ops.accessToken, 'POST', '/api/v1/audit-events/checkpoints', 403],
      [ops.accessToken, 'GET', '/api/v1/audit-events/checkpoints', 200],
      [other.accessToken, 'POST', '/api/v1/audit-events/checkpoints', 201],
    ] as const) {
      const request = t.http.request(method, path, { token });
      const res = await request;
      expect({ method, path, status: res.status }).toEqual({ method, path, status });
      await request.expectResponse(status);
    }
    await t.http.post('/api/v1/audit-events/checkpoints', { token: null }).expect(401);
    // Each organization sees its own checkpoints only.
    const mine = await t.http
      .get('/api/v1/audit-events/checkpoints', { query: { limit: 200 }, token: other.accessToken })
      .expectResponse(200);
    expect(mine.body.data.map((c: Checkpoint) => c.organizationId)).toEqual([organizationId]);
  });

  test('the list walks newest first by cursor', async () => {
    const org = await newOrganization(0);
    const made: Checkpoint[] = [];
    for (let i = 0; i < 5; i++) made.push(await checkpoint(org));
    // Each one signs the head that the previous request's own audit event moved.
    expect(made.map((c) => c.seq)).toEqual([1, 2, 3, 4, 5]);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await t.http
        .get('/api/v1/audit-events/checkpoints', { query: `limit=2${cursor ? `&cursor=${cursor}` : ''}`, token: owner, workspace: org })
        .expectResponse(200);
      seen.push(...res.body.data.map((c: Checkpoint) => c.id));
      cursor = res.body.meta.cursor.next;
    } while (cursor);
    expect(seen).toEqual(made.map((c) => c.id).reverse());
    await t.http
      .get('/api/v1/audit-events/checkpoints', { query: { cursor: 'nope' }, token: owner, workspace: org })
      .expect(400, 'VALIDATION_FAILED');
  });
});

describe('tampering by someone who holds the database', () => {
  test('deleting the tail and rolling the head back: verify against an earlier exported checkpoint reports TRUNCATED', async () => {
    const org = await newOrganization(5);
    const exported = await checkpoint(org); // seq 6; its own audit event is 7
    await tamper(async (c) => {
      const [{ hash }] = (await c.query<{ hash: Buffer }>('SELECT hash FROM audit_events WHERE organization_id = $1 AND seq = 4', [org]))
        .rows;
      await c.query('DELETE FROM audit_events WHERE organization_id = $1 AND seq > 4', [org]);
      await c.query('UPDATE audit_chain_heads SET last_seq = 4, last_hash = $2 WHERE organization_id = $1', [org, hash]);
      await c.query('DELETE FROM audit_checkpoints WHERE organization_id = $1', [org]);
    });
    // What is left is consistent in itself: without a checkpoint nothing shows (docs/audit-trail.md says so).
    expect(await verify(org)).toEqual({ valid: true, eventsChecked: 4, firstInvalid: null });
    const against = await verify(org, exported.token);
    expect(against).toMatchObject({
      valid: false,
      eventsChecked: 4,
      failure: 'TRUNCATED',
      firstInvalid: { seq: 6, reason: expect.stringContaining('truncated') },
    });
    expect(against.checkpoint).toMatchObject({ seq: 6, extended: false });
  });

  test('a truncation that leaves the stored checkpoints is caught by verify alone, and Marshal refuses to sign over it', async () => {
    const org = await newOrganization(5);
    await checkpoint(org);
    await tamper(async (c) => {
      const [{ hash }] = (await c.query<{ hash: Buffer }>('SELECT hash FROM audit_events WHERE organization_id = $1 AND seq = 3', [org]))
        .rows;
      await c.query('DELETE FROM audit_events WHERE organization_id = $1 AND seq > 3', [org]);
      await c.query('UPDATE audit_chain_heads SET last_seq = 3, last_hash = $2 WHERE organization_id = $1', [org, hash]);
    });
    expect(await verify(org)).toMatchObject({ valid: false, failure: 'TRUNCATED', firstInvalid: { seq: 6 } });
    const refused = await t.http
      .post('/api/v1/audit-events/checkpoints', { token: owner, workspace: org })
      .expectResponse(409, 'AUDIT_CHAIN_INVALID');
    expect(refused.body.error.details).toEqual({ seq: 6, failure: 'TRUNCATED' });
  });

  test('deleting the whole trail: verify against the checkpoint reports TRUNCATED, and a new trail in its place REWRITTEN', async () => {
    const org = await newOrganization(3);
    const exported = await checkpoint(org); // seq 4
    await tamper(async (c) => {
      await c.query('DELETE FROM audit_events WHERE organization_id = $1', [org]);
      await c.query('DELETE FROM audit_chain_heads WHERE organization_id = $1', [org]);
      await c.query('DELETE FROM audit_checkpoints WHERE organization_id = $1', [org]);
    });
    expect(await verify(org)).toEqual({ valid: true, eventsChecked: 0, firstInvalid: null });
    expect(await verify(org, exported.token)).toMatchObject({
      valid: false,
      eventsChecked: 0,
      failure: 'TRUNCATED',
      firstInvalid: { seq: 4 },
      checkpoint: { extended: false },
    });
    // Events appended since start a chain of their own: its event 4 is not the one signed.
    await addTeams(org, 4);
    expect(await verify(org, exported.token)).toMatchObject({
      valid: false,
      eventsChecked: 4,
      failure: 'REWRITTEN',
      firstInvalid: { seq: 4 },
    });
  });

  test('editing an event and recomputing the old unkeyed hashes: verify reports that event', async () => {
    const org = await newOrganization(5);
    const edit = (c: pg.Client) => c.query("UPDATE audit_events SET action = 'team.delete' WHERE organization_id = $1 AND seq = 3", [org]);
    await rechainUnkeyed(org, 3, edit);
    // Claiming the old scheme after keyed events is a downgrade.
    expect(await verify(org)).toMatchObject({ valid: false, eventsChecked: 2, failure: 'UNKEYED_AFTER_KEYED', firstInvalid: { seq: 3 } });
    // Still claiming the keyed scheme, the hashes do not hold without the key.
    await rechainUnkeyed(org, 3, () => Promise.resolve(), 2);
    expect(await verify(org)).toMatchObject({
      valid: false,
      eventsChecked: 2,
      failure: 'CONTENT_MISMATCH',
      firstInvalid: { seq: 3, reason: expect.stringMatching(/content/) },
    });
  });

  test('rewriting the whole trail with the old scheme: only an exported checkpoint shows it (REWRITTEN)', async () => {
    const org = await newOrganization(3);
    const exported = await checkpoint(org);
    await rechainUnkeyed(org, 1, async (c) => {
      await c.query("UPDATE audit_events SET actor_id = 'someone-else' WHERE organization_id = $1 AND seq = 2", [org]);
      await c.query('DELETE FROM audit_checkpoints WHERE organization_id = $1', [org]);
    });
    // The documented limit: an all-unkeyed chain is consistent in itself.
    expect(await verify(org)).toEqual({ valid: true, eventsChecked: 5, firstInvalid: null });
    expect(await verify(org, exported.token)).toMatchObject({
      valid: false,
      failure: 'REWRITTEN',
      firstInvalid: { seq: 4 },
      checkpoint: { extended: false },
    });
  });

  test('a forged row is refused: by the database when unkeyed, by verify when keyed without the key', async () => {
    const org = await newOrganization(2);
    const [head] = await t.sql<{ last_seq: string; last_hash: Buffer }>(
      'SELECT last_seq, last_hash FROM audit_chain_heads WHERE organization_id = $1',
      [org],
    );
    const seq = Number(head.last_seq) + 1;
    const forged: ChainedFields = {
      organizationId: org,
      seq,
      occurredAt: new Date(),
      actorType: 'user',
      actorId: 'forger',
      action: 'role.delete',
      resourceType: 'role',
      resourceId: null,
      outcome: 'success',
      correlationId: null,
      requestId: null,
      ip: null,
      userAgent: null,
      details: {},
    };
    const insert =
      'INSERT INTO audit_events (id, organization_id, seq, occurred_at, actor_type, actor_id, action, resource_type, resource_id, outcome, details, prev_hash, hash, chain_version, chain_key_id) ' +
      "VALUES (gen_random_uuid(), $1, $2, $3, 'user', 'forger', 'role.delete', 'role', NULL, 'success', '{}', $4, $5, $6, $7)";
    // Even as the owner, with the triggers on: an unkeyed row is not taken any more.
    await expect(
      t.sql(insert, [org, seq, forged.occurredAt, head.last_hash, unkeyedChainHash(head.last_hash, forged), 1, null]),
    ).rejects.toThrow(/keyed rows only/);

    // The application's own role may insert, and advance the head; a keyed row without the master key does not verify.
    const madeUpMac = createHmac('sha256', randomBytes(32)).update('a guess').digest();
    await withClient(t.applicationUrl, async (c) => {
      await c.query(insert, [org, seq, forged.occurredAt, head.last_hash, madeUpMac, 2, 'audit-1']);
      await c.query('UPDATE audit_chain_heads SET last_seq = $2, last_hash = $3 WHERE organization_id = $1', [org, seq, madeUpMac]);
    });
    expect(await verify(org)).toMatchObject({ valid: false, eventsChecked: seq - 1, failure: 'CONTENT_MISMATCH', firstInvalid: { seq } });
  });

  test('a checkpoint written into the table by hand is reported as forged', async () => {
    const org = await newOrganization(1);
    expect((await verify(org)).valid).toBe(true);
    await withClient(t.applicationUrl, (c) =>
      c.query(
        "INSERT INTO audit_checkpoints (id, organization_id, seq, hash, signed_at, key_id, signature, origin) VALUES (gen_random_uuid(), $1, 2, $2, now(), 'audit-1', $3, 'scheduled')",
        [org, Buffer.from(Buffer.alloc(32)), randomBytes(64)],
      ),
    );
    expect(await verify(org)).toMatchObject({ valid: false, failure: 'CHECKPOINT_FORGED', firstInvalid: { seq: 2 } });
  });
});

describe("the application's database role", () => {
  test('cannot UPDATE, DELETE or TRUNCATE the audit tables, disable or drop their triggers, nor roll a head back', async () => {
    const [event] = await t.sql<{ id: string; organization_id: string }>(
      'SELECT id, organization_id FROM audit_events ORDER BY seq LIMIT 1',
    );
    await withClient(t.applicationUrl, async (c) => {
      const [who] = (
        await c.query<{ role: string; superuser: boolean }>(
          'SELECT current_user AS role, rolsuper AS superuser FROM pg_roles WHERE rolname = current_user',
        )
      ).rows;
      expect(who).toEqual({ role: process.env.MARSHAL_TEST_APP_ROLE, superuser: false });
      const refused = async (sql: string, pattern: RegExp) => {
        await c.query('SAVEPOINT attempt');
        await expect(c.query(sql)).rejects.toThrow(pattern);
        await c.query('ROLLBACK TO SAVEPOINT attempt');
      };
      await c.query('BEGIN');
      for (const table of ['audit_events', 'audit_checkpoints']) {
        await refused(`UPDATE ${table} SET organization_id = organization_id`, /permission denied/);
        await refused(`DELETE FROM ${table}`, /permission denied/);
        await refused(`TRUNCATE ${table}`, /permission denied/);
        await refused(`ALTER TABLE ${table} DISABLE TRIGGER USER`, /must be owner/);
        await refused(`ALTER TABLE ${table} OWNER TO CURRENT_USER`, /must be owner/);
      }
      await refused('DROP TRIGGER audit_events_no_update_delete ON audit_events', /must be owner/);
      await refused('DROP TRIGGER audit_events_keyed_only ON audit_events', /must be owner/);
      await refused('DELETE FROM audit_chain_heads', /permission denied/);
      await refused('TRUNCATE audit_chain_heads', /permission denied/);
      await refused('ALTER TABLE audit_chain_heads DISABLE TRIGGER USER', /must be owner/);
      await refused(
        `UPDATE audit_chain_heads SET last_seq = last_seq - 1 WHERE organization_id = '${event.organization_id}'`,
        /only move forward/,
      );
      await refused("INSERT INTO schema_migrations (timestamp, name) VALUES (1, 'x')", /permission denied/);
      await refused('CREATE TABLE public.intruder (id int)', /permission denied/);
      // Reading and appending stay allowed (the writer needs nothing more).
      expect((await c.query('SELECT id FROM audit_events WHERE id = $1', [event.id])).rows).toHaveLength(1);
      await c.query('ROLLBACK');
    });
    // The server's own connections are that role's.
    const sessions = await t.sql<{ usename: string }>(
      "SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE 'marshal%'",
    );
    expect(sessions.map((s) => s.usename)).toEqual([process.env.MARSHAL_TEST_APP_ROLE]);
  });

  test('the server runs under it without a privilege error, and without the warning an owner role gets', async () => {
    const org = await newOrganization(2);
    expect((await verify(org)).valid).toBe(true);
    expect(t.output()).not.toMatch(/permission denied|must be owner|background job error/);
    expect(t.output()).not.toContain('could disable the audit trail');
  });
});

describe('scheduled checkpoints and key rotation', () => {
  let replica: RunningServer | undefined;
  afterEach(async () => {
    await replica?.stop();
    replica = undefined;
  });
  // Replicas start in seconds, but the machine may be busy: these tests allow minutes.
  const replicaEnv = (keys: Record<string, string>) => ({
    DATABASE_URL: t.applicationUrl,
    DATABASE_MIGRATION_URL: t.databaseUrl,
    RATE_LIMIT_ENABLED: 'false',
    LOG_LEVEL: 'info',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    ...keys,
  });
  const login = async (base: string) =>
    (await t.http.post('/api/v1/auth/login', { body: ADMIN, token: null, baseUrl: base }).expect(200)).data.accessToken as string;

  test('a replica signs at start-up every head that moved, and none over a trail that does not verify', async () => {
    const moved = await newOrganization(2);
    const broken = await newOrganization(2);
    await tamper((c) => c.query("UPDATE audit_events SET action = 'x' WHERE organization_id = $1 AND seq = 2", [broken]));
    replica = await spawnServer(replicaEnv({ ENCRYPTION_KEY: KEY_1, ENCRYPTION_KEY_ID: 'audit-1' }), 120_000);
    const scheduled = async (org: string) =>
      t.sql<{ seq: string; origin: string }>('SELECT seq, origin FROM audit_checkpoints WHERE organization_id = $1', [org]);
    for (let i = 0; (await scheduled(moved)).length === 0; i++) {
      if (i > 150) throw new Error(`no scheduled checkpoint:\n${replica.output()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await scheduled(moved)).toEqual([{ seq: '3', origin: 'scheduled' }]);
    const lines = () => replica!.output().split('\n');
    for (let i = 0; !lines().some((l) => l.includes('no checkpoint signed') && l.includes(broken)); i++) {
      if (i > 150) throw new Error(`the refusal was not logged:\n${replica.output()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await scheduled(broken)).toEqual([]);
    expect(lines().find((l) => l.includes(broken))).toContain('CONTENT_MISMATCH');
  }, 180_000);

  test('after a rotation, old rows and checkpoints verify while the retired key is kept; without it they are reported, not trusted', async () => {
    const token = await login(t.baseUrl);
    const org = (await t.http.post('/api/v1/organizations', { body: { name: `Rotation ${hex()}` }, token }).expect(201)).data.id as string;
    await addTeams(org, 2, token);
    const old = await checkpoint(org, token);

    replica = await spawnServer(
      replicaEnv({ ENCRYPTION_KEY: KEY_2, ENCRYPTION_KEY_ID: 'audit-2', ENCRYPTION_PREVIOUS_KEYS: `audit-1:${KEY_1}` }),
      120_000,
    );
    const rotated = await login(replica.baseUrl);
    await addTeams(org, 2, rotated, replica.baseUrl);
    const rows = await t.sql<{ seq: string; chain_key_id: string }>(
      'SELECT seq, chain_key_id FROM audit_events WHERE organization_id = $1 ORDER BY seq',
      [org],
    );
    expect(rows.map((r) => r.chain_key_id)).toEqual(['audit-1', 'audit-1', 'audit-1', 'audit-1', 'audit-2', 'audit-2']);
    expect(await verify(org, old.token, rotated, replica.baseUrl)).toMatchObject({
      valid: true,
      eventsChecked: 6,
      checkpoint: { keyId: 'audit-1', extended: true },
    });
    const fresh = await checkpoint(org, rotated, replica.baseUrl);
    expect(fresh.keyId).toBe('audit-2');
    const keys = (await checkpointKeys(replica.baseUrl)).body.keys as { kid: string; status: string }[];
    expect(keys.map((k) => [k.kid, k.status])).toEqual([
      ['audit-2', 'current'],
      ['audit-1', 'retired'],
    ]);
    await replica.stop();

    // The retired key dropped: its rows cannot be checked any more, and verify says so.
    replica = await spawnServer(replicaEnv({ ENCRYPTION_KEY: KEY_2, ENCRYPTION_KEY_ID: 'audit-2' }), 120_000);
    const alone = await login(replica.baseUrl);
    expect(await verify(org, undefined, alone, replica.baseUrl)).toMatchObject({
      valid: false,
      eventsChecked: 0,
      failure: 'UNKNOWN_CHAIN_KEY',
      firstInvalid: { seq: 1 },
    });
    await t.http
      .get('/api/v1/audit-events/verify', { query: `checkpoint=${old.token}`, token: alone, workspace: org, baseUrl: replica.baseUrl })
      .expect(400, 'CHECKPOINT_KEY_UNKNOWN');
  }, 240_000);
});
