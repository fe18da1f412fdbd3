import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { expectMatchesContract, type RawResponse } from '../support/contract.js';
import { tablesContaining } from '../support/database-scan.js';
import { addMember, mintApiKey, otherOrganization, type Member } from '../support/fixtures.js';
import { useServer } from '../support/use-server.js';

/**
 * Agents end to end: minted or registered with an enrollment token (the secret shown once, stored
 * only as a SHA-256), edited, listed with filters, revoked and deleted (refused from the very next
 * request), authenticated by X-Agent-Secret for themselves only, with an X25519 public key; bound to
 * one organization; audited and streamed without their secrets.
 */

const t = useServer();
let ownerId: string;
/** Every agent secret and enrollment token this file was shown: none may ever appear again. */
const secrets: string[] = [];

beforeAll(async () => {
  const me = await t.http.get('/api/v1/me/permissions');
  ownerId = me.body.data.principalId;
});

const SECRET_FORMAT = /^mas_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;
const TOKEN_FORMAT = /^met_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;
const suffix = () => randomBytes(3).toString('hex');
const hex = (id: string) => id.replace(/-/g, '');

interface Minted {
  id: string;
  secret: string;
  agent: Record<string, any>;
  res: RawResponse;
}

async function mint(body: Record<string, unknown> = {}, token?: string): Promise<Minted> {
  const res = await t.http.post('/api/v1/agents', { body: { name: `agent-${suffix()}`, ...body }, token }).expectResponse(201);
  secrets.push(res.body.data.agentSecret);
  return { id: res.body.data.agent.id, secret: res.body.data.agentSecret, agent: res.body.data.agent, res };
}

async function getAgent(id: string, token?: string): Promise<Record<string, any>> {
  return (await t.http.get('/api/v1/agents/{id}', { params: { id }, token }).expect(200)).data;
}

async function listIds(query: string, token?: string): Promise<string[]> {
  const res = await t.http.get('/api/v1/agents', { query: `pageSize=100&${query}`, token }).expectResponse(200);
  return res.body.data.map((a: { id: string }) => a.id);
}

const heartbeat = (secret: string | null, id: string, json: unknown = {}, headers: Record<string, string> = {}) =>
  t.http.post('/api/v1/agents/{id}/heartbeat', { params: { id }, body: json, token: null, agentSecret: secret ?? undefined, headers });

async function rotate(body: Record<string, unknown> = {}, token?: string): Promise<{ id: string; token: string; res: RawResponse }> {
  const res = await t.http.post('/api/v1/edge-agent/enrollment/rotate', { body, token }).expectResponse(201);
  secrets.push(res.body.data.enrollmentToken);
  return { id: res.body.data.token.id, token: res.body.data.enrollmentToken, res };
}

async function enrollment(query = '', token?: string): Promise<RawResponse> {
  return t.http.get('/api/v1/edge-agent/enrollment', { query, token }).expectResponse(200);
}

const register = (json: Record<string, unknown>) =>
  t.http.post('/api/v1/agents/register', { body: { name: `edge-${suffix()}`, ...json }, token: null });

function x25519(): { raw: string; pem: string } {
  const { publicKey } = generateKeyPairSync('x25519');
  return { raw: publicKey.export({ format: 'jwk' }).x!, pem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

describe('enrollment tokens', () => {
  // First in the file: nothing has rotated a token in this organization yet.
  test('before any rotation there is no token, only where to register', async () => {
    const res = await enrollment();
    expect(res.body.data).toEqual({ token: null, registerPath: '/api/v1/agents/register' });
  });

  test('a rotation shows the token once; reading it shows its state and use, never the token', async () => {
    const before = Date.now();
    const { id, token, res } = await rotate({ ttlSeconds: 600 });
    expect(token).toMatch(TOKEN_FORMAT);
    expect(TOKEN_FORMAT.exec(token)![1]).toBe(hex(id));
    const dto = res.body.data.token;
    expect(dto).toMatchObject({
      id,
      environmentId: null,
      state: 'active',
      registrations: 0,
      lastUsedAt: null,
      createdBy: ownerId,
      hint: `met_${hex(id).slice(0, 8)}…`,
    });
    const expiresAt = Date.parse(dto.expiresAt);
    expect(expiresAt).toBeGreaterThanOrEqual(before + 600_000 - 5_000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 600_000 + 5_000);

    const read = await enrollment();
    expect(read.body.data.token).toEqual(dto);
    expect(read.text).not.toContain(TOKEN_FORMAT.exec(token)![2]);
    expect(read.text).not.toContain(token);
  });

  test('registering with it answers a new agent (enrolledVia enrollment) with a working secret, and counts the registration', async () => {
    const { token, id } = await rotate();
    const key = x25519();
    const res = await register({
      enrollmentToken: token,
      labels: { site: 'paris' },
      capabilities: ['shell', 'noop', 'shell'],
      version: '1.2.3',
      hostname: 'edge-host',
      publicKey: key.raw,
    }).expectResponse(201);
    secrets.push(res.body.data.agentSecret);
    const agent = res.body.data.agent;
    expect(agent).toMatchObject({
      enrolledVia: 'enrollment',
      status: 'active',
      labels: { site: 'paris' },
      capabilities: ['noop', 'shell'],
      version: '1.2.3',
      hostname: 'edge-host',
      publicKey: key.raw,
      environmentId: null,
      // What a registering agent says it runs is its own report.
      capabilitiesReportedAt: expect.any(String),
    });
    expect(res.body.data.agentSecret).toMatch(SECRET_FORMAT);
    expect(res.body.data.timing).toEqual({ heartbeatIntervalSeconds: 10, pollIntervalSeconds: 5, leaseSeconds: 30 });
    // The envelope names the agent it just became.
    expect(res.body.context).toMatchObject({ principalId: agent.id, principalType: 'agent', organizationId: t.organizationId });
    await heartbeat(res.body.data.agentSecret, agent.id).expect(204);
    expect((await getAgent(agent.id)).enrolledVia).toBe('enrollment');

    const after = (await enrollment()).body.data.token;
    expect(after.id).toBe(id);
    expect(after.registrations).toBe(1);
    expect(after.lastUsedAt).not.toBeNull();
    expect(Date.now() - Date.parse(after.lastUsedAt)).toBeLessThan(60_000);

    secrets.push((await register({ enrollmentToken: token }).expect(201)).data.agentSecret);
    expect((await enrollment()).body.data.token.registrations).toBe(2);
  });

  test('a registration that fails (duplicate name, bad input) does not count', async () => {
    const { token } = await rotate();
    const taken = await mint();
    await register({ enrollmentToken: token, name: taken.agent.name }).expect(409, 'CONFLICT');
    await register({ enrollmentToken: token, name: '-bad name' }).expect(400, 'VALIDATION_FAILED');
    const badKey = await register({ enrollmentToken: token, publicKey: 'not-a-key' }).expectResponse(400, 'VALIDATION_FAILED');
    expect(badKey.body.error.validationErrors).toEqual([expect.objectContaining({ field: 'publicKey', code: 'INVALID_PUBLIC_KEY' })]);
    expect((await enrollment()).body.data.token.registrations).toBe(0);
  });

  test('a rotation revokes the previous token at once: it is 401 at register, the new one works', async () => {
    const first = await rotate();
    const second = await rotate();
    expect(second.id).not.toBe(first.id);
    await register({ enrollmentToken: first.token }).expect(401, 'UNAUTHENTICATED');
    secrets.push((await register({ enrollmentToken: second.token }).expect(201)).data.agentSecret);
    const current = (await enrollment()).body.data.token;
    expect(current).toMatchObject({ id: second.id, state: 'active', registrations: 1 });
    const [{ n }] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM agents WHERE enrollment_token_id = $1', [first.id]);
    expect(n).toBe(0);
  });

  test('the lifetime is bounded (300 s to 90 days); an expired token reads as expired and is 401', async () => {
    for (const ttlSeconds of [299, 7_776_001, 'soon']) {
      await t.http.post('/api/v1/edge-agent/enrollment/rotate', { body: { ttlSeconds } }).expect(400, 'VALIDATION_FAILED');
    }
    const before = Date.now();
    const { id, token, res } = await rotate({ ttlSeconds: 300 });
    const expiresAt = Date.parse(res.body.data.token.expiresAt);
    expect(expiresAt).toBeGreaterThanOrEqual(before + 300_000 - 5_000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 300_000 + 5_000);
    // Waiting five minutes is not an option: move its expiry into the past.
    await t.sql("UPDATE enrollment_tokens SET expires_at = now() - interval '1 second' WHERE id = $1", [id]);
    expect((await enrollment()).body.data.token).toMatchObject({ id, state: 'expired' });
    await register({ enrollmentToken: token }).expect(401, 'UNAUTHENTICATED');
    expect((await enrollment()).body.data.token.registrations).toBe(0);
  });

  test('a garbage, unknown or wrong-secret token, or an agent secret, is the same 401', async () => {
    const { token } = await rotate();
    const agent = await mint();
    const wrongSecret = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    const errors: unknown[] = [];
    for (const candidate of ['garbage', 'met_', `met_${'0'.repeat(32)}_${'A'.repeat(43)}`, wrongSecret, agent.secret]) {
      const res = await register({ enrollmentToken: candidate }).expectResponse(401, 'UNAUTHENTICATED');
      errors.push(res.body.error);
    }
    for (const e of errors) expect(e).toEqual(errors[0]);
    secrets.push((await register({ enrollmentToken: token }).expect(201)).data.agentSecret);
  });

  test('a member without agent.enroll may neither read nor rotate tokens', async () => {
    const viewer = await addMember(t, t.token, ['viewer']);
    await t.http.get('/api/v1/edge-agent/enrollment', { token: viewer.accessToken }).expect(403, 'FORBIDDEN');
    await t.http.post('/api/v1/edge-agent/enrollment/rotate', { body: {}, token: viewer.accessToken }).expect(403, 'FORBIDDEN');
  });
});

describe('minting', () => {
  test('answers the agent, its secret once (mas_<agent id>_<43>) and the timing to keep', async () => {
    const { id, secret, agent, res } = await mint({
      description: 'Paris edge',
      labels: { region: 'eu-west', cluster: 'prod' },
      capabilities: ['shell', 'noop', 'shell'],
    });
    expect(secret).toMatch(SECRET_FORMAT);
    expect(SECRET_FORMAT.exec(secret)![1]).toBe(hex(id));
    expect(res.body.data.timing).toEqual({ heartbeatIntervalSeconds: 10, pollIntervalSeconds: 5, leaseSeconds: 30 });
    expect(agent).toMatchObject({
      description: 'Paris edge',
      status: 'active',
      connectivity: 'offline',
      labels: { region: 'eu-west', cluster: 'prod' },
      capabilities: ['noop', 'shell'],
      publicKey: null,
      enrolledVia: 'mint',
      lastSeenAt: null,
      revokedAt: null,
      environmentId: null,
    });
  });

  test('list and get never show the secret, nor its hash', async () => {
    const { id, secret } = await mint();
    const secretPart = SECRET_FORMAT.exec(secret)![2];
    const digest = createHash('sha256').update(secretPart).digest();
    const list = await t.http.get('/api/v1/agents', { query: { pageSize: 100 } }).expectResponse(200);
    const one = await t.http.get('/api/v1/agents/{id}', { params: { id } }).expectResponse(200);
    expect(list.body.data.map((a: { id: string }) => a.id)).toContain(id);
    for (const text of [list.text, one.text]) {
      expect(text).not.toContain(secretPart);
      expect(text).not.toContain(digest.toString('hex'));
      expect(text).not.toContain(digest.toString('base64'));
      expect(text).not.toMatch(/secret|hash/i);
    }
    expect(Object.keys(one.body.data).sort()).toEqual([
      'capabilities',
      'capabilitiesReportedAt',
      'connectivity',
      'createdAt',
      'description',
      'enrolledVia',
      'environmentId',
      'hostname',
      'id',
      'labels',
      'lastSeenAt',
      'name',
      'publicKey',
      'revokedAt',
      'status',
      'updatedAt',
      'version',
    ]);
  });

  test('the database holds only the SHA-256 of the secret', async () => {
    const { id, secret } = await mint();
    const secretPart = SECRET_FORMAT.exec(secret)![2];
    const [row] = await t.sql<{ secret_hash: Buffer }>('SELECT secret_hash FROM agents WHERE id = $1', [id]);
    expect(row.secret_hash.equals(createHash('sha256').update(secretPart).digest())).toBe(true);
    expect(await tablesContaining(t, secretPart)).toEqual([]);
    // Control: the scan finds what is stored in clear.
    expect(await tablesContaining(t, id)).toContain('public.agents');
  });

  test('a duplicate name is 409 within the organization, and fine in another', async () => {
    const { agent } = await mint();
    await t.http.post('/api/v1/agents', { body: { name: agent.name } }).expect(409, 'CONFLICT');
    const [{ n }] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM agents WHERE organization_id = $1 AND name = $2', [
      t.organizationId,
      agent.name,
    ]);
    expect(n).toBe(1);
    const other = await otherOrganization(t, t.token);
    const elsewhere = await mint({ name: agent.name }, other.owner.accessToken);
    expect(elsewhere.agent.name).toBe(agent.name);
  });

  test.each([
    ['a name starting with a dash', { name: '-edge' }, 'name'],
    ['a name with a space', { name: 'edge 01' }, 'name'],
    ['an empty name', { name: '' }, 'name'],
    ['a 101-character name', { name: 'a'.repeat(101) }, 'name'],
    ['no name', { name: undefined }, 'name'],
    ['a label key with a space', { labels: { 'bad key': 'x' } }, 'labels'],
    ['a label value that is not a string', { labels: { region: 1 } }, 'labels'],
    ['labels as an array', { labels: ['region=eu'] }, 'labels'],
    ['65 labels', { labels: Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`k${i}`, 'v'])) }, 'labels'],
    ['an upper-case capability', { capabilities: ['Shell'] }, 'capabilities'],
    ['a capability with a space', { capabilities: ['run shell'] }, 'capabilities'],
    ['capabilities as a string', { capabilities: 'shell' }, 'capabilities'],
    ['an environment that is not a uuid', { environmentId: 'prod' }, 'environmentId'],
  ])('%s is 400 naming the field', async (_what, body: Record<string, unknown>, field) => {
    const name = `valid-${suffix()}`;
    const res = await t.http.post('/api/v1/agents', { body: { name, ...body } }).expectResponse(400, 'VALIDATION_FAILED');
    expect(res.body.error.validationErrors.map((e: { field: string }) => e.field.replace(/\[\d+\]$/, ''))).toContain(field);
    const [{ n }] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM agents WHERE name = $1 OR name = $2', [
      name,
      String(body.name),
    ]);
    expect(n).toBe(0);
  });

  test('a 100-character name and the capability * are accepted', async () => {
    const name = `a${suffix()}`.padEnd(100, 'x');
    const { agent } = await mint({ name, capabilities: ['*'] });
    expect(agent.name).toBe(name);
    expect(agent.capabilities).toEqual(['*']);
  });
});

describe('editing', () => {
  test('PUT changes the fields sent and keeps the others', async () => {
    const { id, agent } = await mint({ description: 'before', labels: { a: '1' }, capabilities: ['noop'] });
    const name = `renamed-${suffix()}`;
    const res = await t.http
      .put('/api/v1/agents/{id}', { params: { id }, body: { name, capabilities: ['shell', 'http-check'] } })
      .expectResponse(200);
    expect(res.body.data).toMatchObject({ id, name, description: 'before', labels: { a: '1' }, capabilities: ['http-check', 'shell'] });
    expect(Date.parse(res.body.data.updatedAt)).toBeGreaterThanOrEqual(Date.parse(agent.updatedAt));
    const again = await t.http
      .put('/api/v1/agents/{id}', { params: { id }, body: { labels: { b: '2' }, description: '' } })
      .expectResponse(200);
    expect(again.body.data).toMatchObject({ name, description: null, labels: { b: '2' }, capabilities: ['http-check', 'shell'] });
    expect(await getAgent(id)).toEqual(again.body.data);
  });

  test("renaming onto another agent's name is 409; bad input 400; an unknown id 404", async () => {
    const a = await mint();
    const b = await mint();
    await t.http.put('/api/v1/agents/{id}', { params: { id: b.id }, body: { name: a.agent.name } }).expect(409, 'CONFLICT');
    // Its own name is no conflict.
    await t.http.put('/api/v1/agents/{id}', { params: { id: b.id }, body: { name: b.agent.name } }).expect(200);
    await t.http.put('/api/v1/agents/{id}', { params: { id: b.id }, body: { capabilities: ['UPPER'] } }).expect(400, 'VALIDATION_FAILED');
    await t.http.put('/api/v1/agents/{id}', { params: { id: b.id }, body: { labels: { '': 'x' } } }).expect(400, 'VALIDATION_FAILED');
    expect((await getAgent(b.id)).name).toBe(b.agent.name);
    await t.http
      .put('/api/v1/agents/{id}', { params: { id: '00000000-0000-4000-8000-000000000000' }, body: { description: 'x' } })
      .expect(404, 'NOT_FOUND');
    await t.http.get('/api/v1/agents/{id}', { params: { id: '00000000-0000-4000-8000-000000000000' } }).expect(404, 'NOT_FOUND');
  });
});

describe('listing', () => {
  test('filters by status, capability and label', async () => {
    const cap = `cap-${suffix()}`;
    const region = `r-${suffix()}`;
    const a = await mint({ capabilities: [cap], labels: { region } });
    const b = await mint({ capabilities: [cap, 'noop'], labels: { region: `${region}-other` } });
    const c = await mint({ capabilities: ['noop'], labels: { region, tier: 'gold' } });
    await t.http.post('/api/v1/agents/{id}/revoke', { params: { id: b.id } }).expect(200);

    expect((await listIds(`capability=${cap}`)).sort()).toEqual([a.id, b.id].sort());
    expect((await listIds(`label=${encodeURIComponent(`region=${region}`)}`)).sort()).toEqual([a.id, c.id].sort());
    expect(await listIds(`label=${encodeURIComponent(`region=${region}`)}&capability=${cap}`)).toEqual([a.id]);
    const revoked = await listIds('status=revoked');
    expect(revoked).toContain(b.id);
    expect(revoked).not.toContain(a.id);
    const active = await listIds(`status=active&capability=${cap}`);
    expect(active).toEqual([a.id]);
    for (const bad of ['status=gone', 'connectivity=sometimes', 'label=novalue', 'label=%3Dx']) {
      await t.http.get('/api/v1/agents', { query: `${bad}` }).expect(400, 'VALIDATION_FAILED');
    }
  });

  test('filters by connectivity: online after a heartbeat, stale a while after, offline never seen or revoked', async () => {
    const cap = `conn-${suffix()}`;
    const beating = await mint({ capabilities: [cap] });
    const silent = await mint({ capabilities: [cap] });
    const staleOne = await mint({ capabilities: [cap] });
    await heartbeat(beating.secret, beating.id, { version: '2.0.0', hostname: 'host-1' }).expect(204);
    await heartbeat(staleOne.secret, staleOne.id).expect(204);
    // Heartbeat 10 s: online within 30 s, stale within 100 s.
    await t.sql("UPDATE agents SET last_seen_at = now() - interval '60 seconds' WHERE id = $1", [staleOne.id]);

    expect(await listIds(`capability=${cap}&connectivity=online`)).toEqual([beating.id]);
    expect(await listIds(`capability=${cap}&connectivity=stale`)).toEqual([staleOne.id]);
    expect(await listIds(`capability=${cap}&connectivity=offline`)).toEqual([silent.id]);
    const seen = await getAgent(beating.id);
    expect(seen).toMatchObject({ connectivity: 'online', version: '2.0.0', hostname: 'host-1' });
    expect(seen.lastSeenAt).not.toBeNull();
    expect((await getAgent(staleOne.id)).connectivity).toBe('stale');
    expect((await getAgent(silent.id)).connectivity).toBe('offline');

    // A revoked agent is offline, whenever it was last seen.
    await t.http.post('/api/v1/agents/{id}/revoke', { params: { id: beating.id } }).expect(200);
    expect((await listIds(`capability=${cap}&connectivity=offline`)).sort()).toEqual([beating.id, silent.id].sort());
    expect((await getAgent(beating.id)).connectivity).toBe('offline');
  });
});

describe('X-Agent-Secret', () => {
  test('a heartbeat is 204 with the intervals to keep, and records the agent as seen', async () => {
    const { id, secret } = await mint();
    const res = await heartbeat(secret, id, { version: '1.0.0' }).expectResponse(204);
    expect(res.text).toBe('');
    expect(res.headers.get('marshal-heartbeat-interval')).toBe('10');
    expect(res.headers.get('marshal-poll-interval')).toBe('5');
    expect(res.headers.get('marshal-cancel-jobs')).toBeNull();
    expect((await getAgent(id)).version).toBe('1.0.0');
  });

  test('missing, malformed, unknown and wrong secrets are all 401', async () => {
    const { id, secret } = await mint();
    await heartbeat(null, id).expect(401, 'UNAUTHENTICATED');
    const wrongSecret = secret.slice(0, -1) + (secret.endsWith('A') ? 'B' : 'A');
    const unknown = `mas_${'0'.repeat(32)}_${'A'.repeat(43)}`;
    const errors: unknown[] = [];
    for (const candidate of ['garbage', 'mas_', secret.replace(/^mas_/, 'met_'), unknown, wrongSecret, `${secret}x`]) {
      const res = await heartbeat(candidate, id).expectResponse(401, 'UNAUTHENTICATED');
      expect(res.body.context).toEqual({ principalId: null, principalType: null, organizationId: null });
      errors.push(res.body.error);
    }
    for (const e of errors) expect(e).toEqual(errors[0]);
    expect((await getAgent(id)).lastSeenAt).toBeNull();
    await heartbeat(secret, id).expect(204);
  });

  test("a user's bearer token or an API key is refused on agent routes (401), even with the agent's id", async () => {
    const { id } = await mint();
    const key = await mintApiKey(t, t.token, {});
    for (const headers of [
      { authorization: `Bearer ${t.token}` },
      { authorization: `Bearer ${key.secret}` },
      { 'x-api-key': key.secret },
    ] as Record<string, string>[]) {
      await heartbeat(null, id, {}, headers).expect(401, 'UNAUTHENTICATED');
      await t.http
        .put('/api/v1/agents/{id}/public-key', { params: { id }, body: { publicKey: x25519().raw }, token: null, headers })
        .expect(401, 'UNAUTHENTICATED');
      await t.http.post('/api/v1/agents/{id}/jobs/claim', { params: { id }, token: null, headers }).expect(401, 'UNAUTHENTICATED');
    }
    expect((await getAgent(id)).lastSeenAt).toBeNull();
  });

  test('an agent may act only as itself: another agent of its organization or of another one is 403', async () => {
    const a = await mint();
    const b = await mint();
    const other = await otherOrganization(t, t.token);
    const foreign = await mint({}, other.owner.accessToken);
    for (const target of [b.id, foreign.id]) {
      await heartbeat(a.secret, target).expect(403, 'FORBIDDEN');
      await t.http
        .put('/api/v1/agents/{id}/public-key', {
          params: { id: target },
          body: { publicKey: x25519().raw },
          token: null,
          agentSecret: a.secret,
        })
        .expect(403, 'FORBIDDEN');
      await t.http
        .post('/api/v1/agents/{id}/jobs/claim', { params: { id: target }, token: null, agentSecret: a.secret })
        .expect(403, 'FORBIDDEN');
    }
    expect((await getAgent(b.id)).lastSeenAt).toBeNull();
    expect((await getAgent(foreign.id, other.owner.accessToken)).publicKey).toBeNull();
    // Nor may it name another organization as its workspace.
    await heartbeat(a.secret, a.id, {}, { 'x-workspace-id': other.organizationId }).expect(403, 'FORBIDDEN');
    // The id in the path is compared whatever its case.
    await heartbeat(a.secret, a.id.toUpperCase()).expect(204);
  });

  test('a revoked agent is 401 from its very next request, stays listed as revoked, and revoking again changes nothing', async () => {
    const { id, secret } = await mint();
    await heartbeat(secret, id).expect(204);
    const revoked = await t.http.post('/api/v1/agents/{id}/revoke', { params: { id } }).expectResponse(200);
    expect(revoked.body.data).toMatchObject({ id, status: 'revoked', connectivity: 'offline' });
    expect(revoked.body.data.revokedAt).not.toBeNull();
    await heartbeat(secret, id).expect(401, 'UNAUTHENTICATED');
    await t.http
      .post('/api/v1/agents/{id}/jobs/claim', { params: { id }, token: null, agentSecret: secret })
      .expect(401, 'UNAUTHENTICATED');
    await t.http
      .put('/api/v1/agents/{id}/public-key', { params: { id }, body: { publicKey: x25519().raw }, token: null, agentSecret: secret })
      .expect(401, 'UNAUTHENTICATED');
    const again = await t.http.post('/api/v1/agents/{id}/revoke', { params: { id } }).expectResponse(200);
    expect(again.body.data.revokedAt).toBe(revoked.body.data.revokedAt);
    expect(await getAgent(id)).toMatchObject({ status: 'revoked' });
    const [{ n }] = await t.sql<{ n: number }>("SELECT count(*)::int AS n FROM events WHERE type = 'agent.revoked' AND resource_id = $1", [
      id,
    ]);
    expect(n).toBe(1);
  });

  test('a deleted agent is 401 at once, then 404 to read, edit, revoke or delete again', async () => {
    const { id, secret } = await mint();
    await heartbeat(secret, id).expect(204);
    const deleted = await t.http.delete('/api/v1/agents/{id}', { params: { id } }).expectResponse(204);
    expect(deleted.text).toBe('');
    await heartbeat(secret, id).expect(401, 'UNAUTHENTICATED');
    await t.http.get('/api/v1/agents/{id}', { params: { id } }).expect(404, 'NOT_FOUND');
    await t.http.put('/api/v1/agents/{id}', { params: { id }, body: { description: 'x' } }).expect(404, 'NOT_FOUND');
    await t.http.post('/api/v1/agents/{id}/revoke', { params: { id } }).expect(404, 'NOT_FOUND');
    await t.http.delete('/api/v1/agents/{id}', { params: { id } }).expect(404, 'NOT_FOUND');
    expect(await listIds('')).not.toContain(id);
  });
});

describe('public key', () => {
  test('a raw X25519 key (base64url) is 200 and shown in the agent', async () => {
    const { id, secret } = await mint();
    const key = x25519();
    const res = await t.http
      .put('/api/v1/agents/{id}/public-key', { params: { id }, body: { publicKey: key.raw }, token: null, agentSecret: secret })
      .expectResponse(200);
    expect(res.body.data).toMatchObject({ id, publicKey: key.raw });
    expect((await getAgent(id)).publicKey).toBe(key.raw);
    const [{ n }] = await t.sql<{ n: number }>(
      "SELECT count(*)::int AS n FROM events WHERE type = 'agent.public_key_set' AND resource_id = $1",
      [id],
    );
    expect(n).toBe(1);
  });

  test('base64 with padding and a PEM (SPKI) are accepted and answered as base64url', async () => {
    const { id, secret } = await mint();
    const padded = x25519();
    const base64 = Buffer.from(padded.raw, 'base64url').toString('base64');
    expect(base64.endsWith('=')).toBe(true);
    const a = await t.http
      .put('/api/v1/agents/{id}/public-key', { params: { id }, body: { publicKey: base64 }, token: null, agentSecret: secret })
      .expectResponse(200);
    expect(a.body.data.publicKey).toBe(padded.raw);
    const pem = x25519();
    const b = await t.http
      .put('/api/v1/agents/{id}/public-key', { params: { id }, body: { publicKey: pem.pem }, token: null, agentSecret: secret })
      .expectResponse(200);
    expect(b.body.data.publicKey).toBe(pem.raw);
  });

  test('malformed keys, keys of another type and low-order points are 400, and leave the key as it was', async () => {
    const { id, secret } = await mint();
    const kept = x25519();
    await t.http
      .put('/api/v1/agents/{id}/public-key', { params: { id }, body: { publicKey: kept.raw }, token: null, agentSecret: secret })
      .expect(200);
    const ed25519 = generateKeyPairSync('ed25519').publicKey;
    const lowOrderOne = Buffer.alloc(32);
    lowOrderOne[0] = 1;
    const bad = [
      'not-a-key',
      'A'.repeat(42),
      Buffer.alloc(31, 7).toString('base64url'),
      Buffer.alloc(33, 7).toString('base64url'),
      Buffer.alloc(32).toString('base64url'), // all zero
      lowOrderOne.toString('base64url'),
      ed25519.export({ type: 'spki', format: 'pem' }).toString(),
      '-----BEGIN PUBLIC KEY-----\ngarbage\n-----END PUBLIC KEY-----\n',
    ];
    for (const publicKey of bad) {
      const res = await t.http
        .put('/api/v1/agents/{id}/public-key', { params: { id }, body: { publicKey }, token: null, agentSecret: secret })
        .expectResponse(400, 'VALIDATION_FAILED');
      expect(res.body.error.validationErrors).toEqual([expect.objectContaining({ field: 'publicKey', code: 'INVALID_PUBLIC_KEY' })]);
    }
    await t.http
      .put('/api/v1/agents/{id}/public-key', { params: { id }, body: {}, token: null, agentSecret: secret })
      .expect(400, 'VALIDATION_FAILED');
    expect((await getAgent(id)).publicKey).toBe(kept.raw);
  });
});

describe('organizations', () => {
  test("another organization's agent is 404 on get, edit, revoke and delete, is not listed, and keeps working", async () => {
    const other = await otherOrganization(t, t.token);
    const foreign = await mint({}, other.owner.accessToken);
    await t.http.get('/api/v1/agents/{id}', { params: { id: foreign.id } }).expect(404, 'NOT_FOUND');
    await t.http.put('/api/v1/agents/{id}', { params: { id: foreign.id }, body: { description: 'mine now' } }).expect(404, 'NOT_FOUND');
    await t.http.post('/api/v1/agents/{id}/revoke', { params: { id: foreign.id } }).expect(404, 'NOT_FOUND');
    await t.http.delete('/api/v1/agents/{id}', { params: { id: foreign.id } }).expect(404, 'NOT_FOUND');
    expect(await listIds('')).not.toContain(foreign.id);
    expect(await getAgent(foreign.id, other.owner.accessToken)).toMatchObject({ status: 'active', description: null });
    await heartbeat(foreign.secret, foreign.id).expect(204);
  });

  test('an enrollment token registers agents into its own organization only', async () => {
    const other = await otherOrganization(t, t.token);
    const { token } = await rotate({}, other.owner.accessToken);
    const res = await register({ enrollmentToken: token }).expectResponse(201);
    secrets.push(res.body.data.agentSecret);
    expect(res.body.context.organizationId).toBe(other.organizationId);
    expect(await listIds('')).not.toContain(res.body.data.agent.id);
    expect((await getAgent(res.body.data.agent.id, other.owner.accessToken)).enrolledVia).toBe('enrollment');
  });
});

describe('permissions', () => {
  let viewer: Member;
  let nobody: Member;
  beforeAll(async () => {
    viewer = await addMember(t, t.token, ['viewer']);
    nobody = await addMember(t, t.token, []);
  });

  test('a member without agent.mint, edit, revoke or delete is 403 on each, and nothing changes', async () => {
    const { id } = await mint({ description: 'untouched' });
    const name = `nope-${suffix()}`;
    await t.http.post('/api/v1/agents', { body: { name }, token: viewer.accessToken }).expect(403, 'FORBIDDEN');
    await t.http
      .put('/api/v1/agents/{id}', { params: { id }, body: { description: 'changed' }, token: viewer.accessToken })
      .expect(403, 'FORBIDDEN');
    await t.http.post('/api/v1/agents/{id}/revoke', { params: { id }, token: viewer.accessToken }).expect(403, 'FORBIDDEN');
    await t.http.delete('/api/v1/agents/{id}', { params: { id }, token: viewer.accessToken }).expect(403, 'FORBIDDEN');
    // The viewer reads agents (agent.read) but not the credentials audit.
    await t.http.get('/api/v1/agents/{id}', { params: { id }, token: viewer.accessToken }).expect(200);
    await t.http.get('/api/v1/audit-credentials', { token: viewer.accessToken }).expect(403, 'FORBIDDEN');
    expect(await getAgent(id)).toMatchObject({ status: 'active', description: 'untouched' });
    const [{ n }] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM agents WHERE name = $1', [name]);
    expect(n).toBe(0);
  });

  test('a member with no role may not even list agents', async () => {
    await t.http.get('/api/v1/agents', { token: nobody.accessToken }).expect(403, 'FORBIDDEN');
    await t.http.get('/api/v1/agents', { token: null }).expect(401, 'UNAUTHENTICATED');
  });

  test('an API key limited to agent.read lists agents but may not mint', async () => {
    const key = await mintApiKey(t, t.token, { permissions: ['agent.read'] });
    await t.http.get('/api/v1/agents', { token: key.secret }).expect(200);
    await t.http.post('/api/v1/agents', { body: { name: `k-${suffix()}` }, token: key.secret }).expect(403, 'FORBIDDEN');
  });
});

describe('credentials audit and secrecy', () => {
  test('/audit-credentials lists API keys, agent secrets and enrollment tokens with their states, never a secret', async () => {
    const apiKey = await mintApiKey(t, t.token, { name: `audit-${suffix()}` });
    const activeAgent = await mint();
    const revokedAgent = await mint();
    await t.http.post('/api/v1/agents/{id}/revoke', { params: { id: revokedAgent.id } }).expect(200);
    const oldToken = await rotate();
    const newToken = await rotate();

    const res = await t.http.get('/api/v1/audit-credentials', { query: { pageSize: 100 } }).expectResponse(200);
    const byId = new Map<string, Record<string, any>>(res.body.data.map((c: { id: string }) => [c.id, c]));
    expect(byId.get(apiKey.id)).toMatchObject({ kind: 'api_key', state: 'active', ownerId, hint: `mk_${hex(apiKey.id).slice(0, 8)}…` });
    expect(byId.get(activeAgent.id)).toMatchObject({
      kind: 'agent_secret',
      state: 'active',
      name: activeAgent.agent.name,
      ownerId,
      hint: `mas_${hex(activeAgent.id).slice(0, 8)}…`,
      expiresAt: null,
    });
    expect(byId.get(revokedAgent.id)).toMatchObject({ kind: 'agent_secret', state: 'revoked' });
    expect(byId.get(oldToken.id)).toMatchObject({ kind: 'enrollment_token', state: 'revoked', name: 'organization' });
    expect(byId.get(newToken.id)).toMatchObject({ kind: 'enrollment_token', state: 'active' });

    const tokens = await t.http
      .get('/api/v1/audit-credentials', { query: { kind: 'enrollment_token', pageSize: 100 } })
      .expectResponse(200);
    expect(new Set(tokens.body.data.map((c: { kind: string }) => c.kind))).toEqual(new Set(['enrollment_token']));
    const revoked = await t.http.get('/api/v1/audit-credentials', { query: { state: 'revoked', pageSize: 100 } }).expectResponse(200);
    const revokedIds = revoked.body.data.map((c: { id: string }) => c.id);
    expect(revokedIds).toEqual(expect.arrayContaining([revokedAgent.id, oldToken.id]));
    expect(revokedIds).not.toContain(activeAgent.id);
    await t.http.get('/api/v1/audit-credentials', { query: { kind: 'password' } }).expect(400, 'VALIDATION_FAILED');
    await t.http.get('/api/v1/audit-credentials', { query: { sort: 'secret' } }).expect(400, 'VALIDATION_FAILED');

    for (const s of [...secrets, apiKey.secret]) {
      expect(res.text).not.toContain(s.slice(-43));
      expect(tokens.text).not.toContain(s.slice(-43));
    }
  });

  test("no agent secret or enrollment token appears in the audit trail, the event outbox or the server's logs", async () => {
    expect(secrets.length).toBeGreaterThan(10);
    const texts: string[] = [];
    for (let cursor: string | null = null, pages = 0; pages < 50; pages++) {
      const res: RawResponse = await t.http.get('/api/v1/audit-events', { query: { limit: 200, cursor } }).expectResponse(200);
      expectMatchesContract('GET', '/api/v1/audit-events', res.status, res.body);
      texts.push(res.text);
      cursor = res.body.meta.cursor.next;
      if (!cursor) break;
    }
    const audit = texts.join('\n');
    // Control: the trail does record the mints and registrations.
    expect(audit).toContain('agent.mint');
    expect(audit).toContain('agent.register');
    expect(audit).toContain('agent.enrollment.rotate');

    const outboxTexts: string[] = [];
    for (let cursor: string | null = null, pages = 0; pages < 50; pages++) {
      const res: RawResponse = await t.http.get('/api/v1/events/outbox', { query: { limit: 200, cursor } }).expectResponse(200);
      outboxTexts.push(res.text);
      cursor = res.body.meta.cursor.next;
      if (!cursor) break;
    }
    const outbox = outboxTexts.join('\n');
    expect(outbox).toContain('agent.created');

    await new Promise((r) => setTimeout(r, 100));
    const logs = t.output();
    for (const s of secrets) {
      const secretPart = s.slice(-43);
      expect(audit).not.toContain(secretPart);
      expect(outbox).not.toContain(secretPart);
      expect(logs).not.toContain(secretPart);
    }
  });
});

describe('environments', () => {
  test("an environment's enrollment token registers agents into it; an unknown or foreign environment is 422 UNKNOWN_ENVIRONMENT", async () => {
    const env = (await t.http.post('/api/v1/environments', { body: { name: `edge-${suffix()}` } }).expect(201)).data;
    const rotated = await t.http.post('/api/v1/edge-agent/enrollment/rotate', { body: { environmentId: env.id } }).expectResponse(201);
    expect(rotated.body.data.token.environmentId).toBe(env.id);
    secrets.push(rotated.body.data.enrollmentToken);
    const registered = await t.http
      .post('/api/v1/agents/register', {
        body: { enrollmentToken: rotated.body.data.enrollmentToken, name: `env-agent-${suffix()}` },
        token: null,
      })
      .expectResponse(201);
    secrets.push(registered.body.data.agentSecret);
    expect(registered.body.data.agent.environmentId).toBe(env.id);
    // The organization's own token is untouched by the environment's rotation.
    const orgToken = (await t.http.get('/api/v1/edge-agent/enrollment').expect(200)).data.token;
    expect(orgToken?.environmentId ?? null).toBeNull();

    const minted = await mint({ environmentId: env.id });
    expect((await getAgent(minted.id)).environmentId).toBe(env.id);
    const other = await otherOrganization(t, t.token);
    const foreign = (
      await t.http.post('/api/v1/environments', { body: { name: `theirs-${suffix()}` }, token: other.owner.accessToken }).expect(201)
    ).data;
    for (const environmentId of [foreign.id, '01960000-0000-7000-8000-0000000000aa']) {
      await t.http.post('/api/v1/agents', { body: { name: `x-${suffix()}`, environmentId } }).expect(422, 'UNKNOWN_ENVIRONMENT');
      await t.http.post('/api/v1/edge-agent/enrollment/rotate', { body: { environmentId } }).expect(422, 'UNKNOWN_ENVIRONMENT');
    }
  });
});
