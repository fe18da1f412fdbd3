import { createDecipheriv, randomBytes } from 'node:crypto';
import { expectMatchesContract, raw } from '../support/contract.js';
import { addMember, type Member, otherOrganization } from '../support/fixtures.js';
import { tablesContaining } from '../support/database-scan.js';
import { startServer, type TestServer } from '../support/server.js';

/**
 * Workspace and platform settings (plain configuration, never a secret) and configuration secrets
 * (write-only values, envelope-encrypted at rest, metadata only through the API).
 */
const MASTER_KEY = randomBytes(32);
const MASTER_KEY_ID = 'tenancy-test-1';

let t: TestServer;
let owner: string;
let ownerId: string;
let home: string;
let viewer: Member;
let nobody: Member;
let other: { organizationId: string; owner: Member };

/** Every secret value this file sends, in any request: none may reach the logs. */
const sentValues: string[] = [];
const secretValue = (label = 'sv') => {
  const value = `${label}-${randomBytes(16).toString('hex')}`;
  sentValues.push(value);
  return value;
};

beforeAll(async () => {
  t = await startServer({ ENCRYPTION_KEY: MASTER_KEY.toString('base64'), ENCRYPTION_KEY_ID: MASTER_KEY_ID });
  owner = (await t.login()).accessToken;
  const me = await call('GET', '/api/v1/me', owner);
  ownerId = me.body.data.id;
  home = me.body.context.organizationId;
  viewer = await addMember(t, owner, ['viewer']);
  nobody = await addMember(t, owner, []);
  other = await otherOrganization(t, owner);
});
afterAll(async () => {
  await t?.close();
});

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
      ...(options.workspace ? { 'x-workspace-id': options.workspace } : {}),
      ...options.headers,
    },
  });
}

function expectError(res: { status: number; body: any }, method: string, path: string, status: number, code: string) {
  expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status, code });
  expect(res.body).toMatchObject({ success: false, data: null });
  expectMatchesContract(method, path, status, res.body);
}

const putSettings = (settings: unknown, token = owner, workspace?: string) =>
  call('PUT', '/api/v1/workspace/settings', token, { json: { settings }, workspace });
const setSecret = (key: string, value: unknown, token = owner, options: { workspace?: string; headers?: Record<string, string> } = {}) =>
  call('POST', `/api/v1/workspace/secrets/${key}`, token, { json: { value }, ...options });

/** Opens a stored envelope (the layout documented in src/kernel/crypto/envelope-cipher.ts) with the master key. */
function openEnvelope(envelope: Buffer, context: string): { keyId: string; plaintext: string } {
  expect(envelope[0]).toBe(1);
  let at = 2;
  const take = (n: number) => envelope.subarray(at, (at += n));
  const keyId = take(envelope[1]);
  const [wrapIv, wrapTag, wrappedKey, iv, tag] = [take(12), take(16), take(32), take(12), take(16)];
  const aad = Buffer.from(context, 'utf8');
  const unwrap = createDecipheriv('aes-256-gcm', MASTER_KEY, wrapIv);
  unwrap.setAAD(Buffer.concat([keyId, aad]));
  unwrap.setAuthTag(wrapTag);
  const dataKey = Buffer.concat([unwrap.update(wrappedKey), unwrap.final()]);
  const open = createDecipheriv('aes-256-gcm', dataKey, iv);
  open.setAAD(aad);
  open.setAuthTag(tag);
  return { keyId: keyId.toString('utf8'), plaintext: Buffer.concat([open.update(envelope.subarray(at)), open.final()]).toString('utf8') };
}

const SECRET_METADATA_KEYS = ['createdAt', 'key', 'updatedAt', 'updatedBy', 'version'];

describe('workspace settings', () => {
  // Runs first: the organization has no settings yet.
  test('are empty at first; PUT replaces the document as a whole; GET returns it with who and when', async () => {
    const empty = await call('GET', '/api/v1/workspace/settings', owner);
    expect(empty.status).toBe(200);
    expectMatchesContract('GET', '/api/v1/workspace/settings', 200, empty.body);
    expect(empty.body.data).toEqual({ settings: {}, updatedAt: null, updatedBy: null });

    const document = { timezone: 'Europe/Paris', defaultApprovers: 2, 'feature.flags': { beta: true, list: [1, 'two', null] } };
    const before = Date.now();
    const put = await putSettings(document);
    expect(put.status).toBe(200);
    expectMatchesContract('PUT', '/api/v1/workspace/settings', 200, put.body);
    expect(put.body.data).toEqual({ settings: document, updatedAt: expect.any(String), updatedBy: `user:${ownerId}` });
    expect(Date.parse(put.body.data.updatedAt)).toBeGreaterThanOrEqual(before - 5_000);

    const got = await call('GET', '/api/v1/workspace/settings', owner);
    expectMatchesContract('GET', '/api/v1/workspace/settings', 200, got.body);
    expect(got.body.data).toEqual(put.body.data);

    // A second PUT replaces; it does not merge.
    const replaced = await putSettings({ region: 'eu-west' });
    expect(replaced.status).toBe(200);
    expect((await call('GET', '/api/v1/workspace/settings', owner)).body.data.settings).toEqual({ region: 'eu-west' });
    const [row] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM workspace_settings WHERE organization_id = $1', [home]);
    expect(row.n).toBe(1);

    const trail = await call('GET', '/api/v1/audit-events?action=settings.update', owner);
    expect(trail.body.data[0]).toMatchObject({ actorId: ownerId, outcome: 'success', details: { keys: ['region'] } });
  });

  test('a secret-looking key is 400 naming it, and changes nothing', async () => {
    const before = (await call('GET', '/api/v1/workspace/settings', owner)).body.data;
    for (const key of ['dbPassword', 'smtp_pass', 'apiKey', 'api-key', 'githubToken', 'clientSecret', 'private_key', 'awsCredentials']) {
      const res = await putSettings({ timezone: 'UTC', [key]: 'x' });
      expectError(res, 'PUT', '/api/v1/workspace/settings', 400, 'VALIDATION_FAILED');
      expect(res.body.error.validationErrors).toEqual([expect.objectContaining({ field: 'settings' })]);
      expect(res.body.error.validationErrors[0].message).toContain(key);
    }
    expect((await call('GET', '/api/v1/workspace/settings', owner)).body.data).toEqual(before);
  });

  test('a secret-looking key nested in an object is refused as well', async () => {
    const hidden = secretValue('nested');
    const res = await putSettings({ smtp: { host: 'mail.example.com', password: hidden } });
    expect({ status: res.status, code: res.body.error?.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    expect(JSON.stringify(res.body.error?.validationErrors ?? [])).toContain('password');
    expect(await tablesContaining(t, hidden)).toEqual([]);
  });

  test('not an object, an array, a bad key name or more than 32 KiB is 400', async () => {
    for (const settings of [
      'text',
      42,
      true,
      null,
      [1, 2],
      [{ a: 1 }],
      { 'has space': 1 },
      { '1starts-with-digit': 1 },
      { ['k'.repeat(65)]: 1 },
    ]) {
      const res = await putSettings(settings);
      expectError(res, 'PUT', '/api/v1/workspace/settings', 400, 'VALIDATION_FAILED');
      expect(res.body.error.validationErrors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['settings']));
    }
    const missing = await call('PUT', '/api/v1/workspace/settings', owner, { json: {} });
    expectError(missing, 'PUT', '/api/v1/workspace/settings', 400, 'VALIDATION_FAILED');
    expect(missing.body.error.validationErrors).toEqual([expect.objectContaining({ field: 'settings', code: 'REQUIRED' })]);
    expectError(
      await call('PUT', '/api/v1/workspace/settings', owner, { json: { settings: {}, extra: 1 } }),
      'PUT',
      '/api/v1/workspace/settings',
      400,
      'VALIDATION_FAILED',
    );

    const tooMany = Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`k${i}`, i]));
    expectError(await putSettings(tooMany), 'PUT', '/api/v1/workspace/settings', 400, 'VALIDATION_FAILED');

    // `{"blob":""}` is 11 bytes: exactly 32 KiB passes, one byte more does not.
    expect((await putSettings({ blob: 'a'.repeat(32 * 1024 - 11) })).status).toBe(200);
    const over = await putSettings({ blob: 'a'.repeat(32 * 1024 - 10) });
    expectError(over, 'PUT', '/api/v1/workspace/settings', 400, 'VALIDATION_FAILED');
    expect(over.body.error.validationErrors[0].message).toMatch(/32 KiB/);
  });

  test('the 32 KiB bound is in bytes, not in UTF-16 code units', async () => {
    // 20,000 "é" are 20,011 characters of JSON but 40,011 bytes: over 32 KiB.
    const res = await putSettings({ note: 'é'.repeat(20_000) });
    expect(Buffer.byteLength(JSON.stringify({ note: 'é'.repeat(20_000) }))).toBeGreaterThan(32 * 1024);
    expect({ status: res.status, code: res.body.error?.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
  });

  test('a viewer reads them (settings.read) but cannot PUT (403); no permission, no read', async () => {
    const read = await call('GET', '/api/v1/workspace/settings', viewer.accessToken);
    expect(read.status).toBe(200);
    expectMatchesContract('GET', '/api/v1/workspace/settings', 200, read.body);
    const before = read.body.data;
    const write = await putSettings({ region: 'us-east' }, viewer.accessToken);
    expectError(write, 'PUT', '/api/v1/workspace/settings', 403, 'FORBIDDEN');
    expect(write.body.error.message).toContain('settings.write');
    expect((await call('GET', '/api/v1/workspace/settings', owner)).body.data).toEqual(before);
    expectError(await call('GET', '/api/v1/workspace/settings', nobody.accessToken), 'GET', '/api/v1/workspace/settings', 403, 'FORBIDDEN');
  });

  test('each organization has its own', async () => {
    const mine = (await call('GET', '/api/v1/workspace/settings', owner)).body.data;
    const theirs = await putSettings({ color: 'red' }, other.owner.accessToken);
    expect(theirs.status).toBe(200);
    expect(theirs.body.context.organizationId).toBe(other.organizationId);
    expect(theirs.body.data.updatedBy).toBe(`user:${other.owner.userId}`);

    expect((await call('GET', '/api/v1/workspace/settings', owner)).body.data).toEqual(mine);
    expect((await call('GET', '/api/v1/workspace/settings', other.owner.accessToken)).body.data.settings).toEqual({ color: 'red' });
    // The server owner belongs to both: acting in the other one, they see its settings.
    expect((await call('GET', '/api/v1/workspace/settings', owner, { workspace: other.organizationId })).body.data.settings).toEqual({
      color: 'red',
    });
    // And a PUT acting there lands there, not at home.
    expect((await putSettings({ color: 'blue' }, owner, other.organizationId)).status).toBe(200);
    expect((await call('GET', '/api/v1/workspace/settings', other.owner.accessToken)).body.data.settings).toEqual({ color: 'blue' });
    expect((await call('GET', '/api/v1/workspace/settings', owner)).body.data).toEqual(mine);
  });
});

describe('platform settings', () => {
  test('the owner, a platform administrator, reads and replaces them', async () => {
    const first = await call('GET', '/api/v1/platform/settings', owner);
    expect(first.status).toBe(200);
    expectMatchesContract('GET', '/api/v1/platform/settings', 200, first.body);
    expect(first.body.data).toEqual({ settings: {}, updatedAt: null, updatedBy: null });

    const put = await call('PUT', '/api/v1/platform/settings', owner, {
      json: { settings: { maintenanceWindow: 'sun 02:00', maxOrganizations: 50 } },
    });
    expect(put.status).toBe(200);
    expectMatchesContract('PUT', '/api/v1/platform/settings', 200, put.body);
    expect(put.body.data).toEqual({
      settings: { maintenanceWindow: 'sun 02:00', maxOrganizations: 50 },
      updatedAt: expect.any(String),
      updatedBy: `user:${ownerId}`,
    });
    expect((await call('GET', '/api/v1/platform/settings', owner)).body.data).toEqual(put.body.data);

    const replaced = await call('PUT', '/api/v1/platform/settings', owner, { json: { settings: { maxOrganizations: 60 } } });
    expect(replaced.body.data.settings).toEqual({ maxOrganizations: 60 });

    const secretish = await call('PUT', '/api/v1/platform/settings', owner, { json: { settings: { smtpPassword: 'x' } } });
    expectError(secretish, 'PUT', '/api/v1/platform/settings', 400, 'VALIDATION_FAILED');
    expect(secretish.body.error.validationErrors[0].message).toContain('smtpPassword');
  });

  test("another organization's owner (not a platform administrator) and a viewer are 403 on both", async () => {
    const before = (await call('GET', '/api/v1/platform/settings', owner)).body.data;
    for (const token of [other.owner.accessToken, viewer.accessToken]) {
      expectError(await call('GET', '/api/v1/platform/settings', token), 'GET', '/api/v1/platform/settings', 403, 'FORBIDDEN');
      const put = await call('PUT', '/api/v1/platform/settings', token, { json: { settings: { takenOver: true } } });
      expectError(put, 'PUT', '/api/v1/platform/settings', 403, 'FORBIDDEN');
    }
    expect((await call('GET', '/api/v1/platform/settings', owner)).body.data).toEqual(before);
  });
});

describe('workspace secrets', () => {
  let first: string;
  let second: string;
  test('setting returns metadata only, 201 when created and 200 when replaced; the version counts the times it was set', async () => {
    first = secretValue('gh1');
    second = secretValue('gh2');
    const one = await setSecret('GITHUB_TOKEN', first);
    expect(one.status).toBe(201);
    expectMatchesContract('POST', '/api/v1/workspace/secrets/{key}', 201, one.body);
    expect(one.body.meta.status).toBe(201);
    expect(one.body.data).toEqual({
      key: 'GITHUB_TOKEN',
      version: 1,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      updatedBy: `user:${ownerId}`,
    });
    expect(one.text).not.toContain(first);

    const two = await setSecret('GITHUB_TOKEN', second, owner, { headers: { 'idempotency-key': `set-${randomBytes(4).toString('hex')}` } });
    expect(two.status).toBe(200);
    expectMatchesContract('POST', '/api/v1/workspace/secrets/{key}', 200, two.body);
    expect(two.body.meta.status).toBe(200);
    expect(two.body.data).toMatchObject({ key: 'GITHUB_TOKEN', version: 2, createdAt: one.body.data.createdAt });
    expect(Date.parse(two.body.data.updatedAt)).toBeGreaterThanOrEqual(Date.parse(one.body.data.updatedAt));
    expect(two.text).not.toContain(first);
    expect(two.text).not.toContain(second);

    expect((await setSecret('slack.webhook-url_2', secretValue('slack'))).body.data.version).toBe(1);

    const list = await call('GET', '/api/v1/workspace/secrets', owner);
    expect(list.status).toBe(200);
    expectMatchesContract('GET', '/api/v1/workspace/secrets', 200, list.body);
    expect(list.body.data.map((s: { key: string }) => s.key)).toEqual(['GITHUB_TOKEN', 'slack.webhook-url_2']);
    for (const item of list.body.data) expect(Object.keys(item).sort()).toEqual(SECRET_METADATA_KEYS);
    expect(list.body.data[0]).toEqual(two.body.data);
    for (const value of sentValues) expect(list.text).not.toContain(value);

    const trail = await call('GET', '/api/v1/audit-events?action=secret.set', owner);
    expect(trail.body.data.slice(0, 3).map((e: any) => [e.resourceId, e.details])).toEqual([
      ['slack.webhook-url_2', { key: 'slack.webhook-url_2', version: 1 }],
      ['GITHUB_TOKEN', { key: 'GITHUB_TOKEN', version: 2 }],
      ['GITHUB_TOKEN', { key: 'GITHUB_TOKEN', version: 1 }],
    ]);
  });

  test('the value is encrypted at rest, bound to its organization and key, and in no other table', async () => {
    const [row] = await t.sql<{ ciphertext: Buffer; organization_id: string }>(
      "SELECT ciphertext, organization_id FROM config_secrets WHERE key = 'GITHUB_TOKEN' AND organization_id = $1",
      [home],
    );
    expect(row.ciphertext.includes(Buffer.from(second, 'utf8'))).toBe(false);
    expect(row.ciphertext.includes(Buffer.from(first, 'utf8'))).toBe(false);
    // It is the latest value, sealed under the configured master key, with the organization and key as context.
    expect(openEnvelope(row.ciphertext, `config-secret:${home}:GITHUB_TOKEN`)).toEqual({ keyId: MASTER_KEY_ID, plaintext: second });
    expect(() => openEnvelope(row.ciphertext, `config-secret:${other.organizationId}:GITHUB_TOKEN`)).toThrow();
    expect(() => openEnvelope(row.ciphertext, `config-secret:${home}:slack.webhook-url_2`)).toThrow();

    const [text] = await t.sql<{ audit: string; idempotency: number }>(
      `SELECT (SELECT coalesce(string_agg(details::text, ' '), '') FROM audit_events) AS audit,
              (SELECT count(*)::int FROM idempotency_keys WHERE principal_id = $1) AS idempotency`,
      [`user:${ownerId}`],
    );
    expect(text.idempotency).toBeGreaterThan(0); // the second set used an Idempotency-Key: its outcome is stored
    for (const value of [first, second]) {
      expect(text.audit).not.toContain(value);
      expect(await tablesContaining(t, value)).toEqual([]);
    }
    // The control: the scan does find what is stored in clear.
    expect(await tablesContaining(t, 'slack.webhook-url_2')).toContain('public.config_secrets');
  });

  test('the same value set twice gives two different ciphertexts', async () => {
    const value = secretValue('same');
    await setSecret('SAME_A', value);
    await setSecret('SAME_B', value);
    const rows = await t.sql<{ ciphertext: Buffer }>(
      "SELECT ciphertext FROM config_secrets WHERE key IN ('SAME_A', 'SAME_B') AND organization_id = $1",
      [home],
    );
    expect(rows).toHaveLength(2);
    expect(rows[0].ciphertext.equals(rows[1].ciphertext)).toBe(false);
  });

  test('an invalid key is 400 naming it; an empty or missing value is 400; nothing is stored', async () => {
    for (const key of ['9bad', 'a%20b', 'a'.repeat(129), 'a'.repeat(200), '_leading', 'dollar$', '%C3%A9t%C3%A9']) {
      const res = await setSecret(key, secretValue('badkey'));
      expectError(res, 'POST', '/api/v1/workspace/secrets/{key}', 400, 'VALIDATION_FAILED');
      expect(res.body.error.validationErrors).toEqual([{ field: 'key', message: expect.any(String), code: 'INVALID_KEY' }]);
    }
    // 128 characters is the longest key.
    expect((await setSecret('a'.repeat(128), secretValue('long'))).status).toBe(201);

    for (const body of [{ value: '' }, {}, { value: 42 }, { value: null }, { value: 'x'.repeat(65_537) }, { value: 'ok', extra: 1 }]) {
      const res = await call('POST', '/api/v1/workspace/secrets/EMPTY_ONE', owner, { json: body });
      expectError(res, 'POST', '/api/v1/workspace/secrets/{key}', 400, 'VALIDATION_FAILED');
    }
    expect(await t.sql("SELECT id FROM config_secrets WHERE key IN ('9bad', 'a b', 'EMPTY_ONE')")).toHaveLength(0);
  });

  test('a replay answers what the first request answered: 201 for the creation, 200 for a replacement', async () => {
    const key = `REPLAYED_${randomBytes(3).toString('hex')}`;
    const headers = { 'idempotency-key': `create-${key}` };
    const [v1, v2] = [secretValue('r1'), secretValue('r2')];
    const created = await setSecret(key, v1, owner, { headers });
    const replayed = await setSecret(key, v1, owner, { headers });
    expect([created.status, replayed.status, replayed.headers.get('idempotent-replayed')]).toEqual([201, 201, 'true']);
    expectMatchesContract('POST', '/api/v1/workspace/secrets/{key}', 201, replayed.body);
    expect(replayed.body.data).toEqual(created.body.data);
    const again = { 'idempotency-key': `replace-${key}` };
    const replaced = await setSecret(key, v2, owner, { headers: again });
    const replayedReplace = await setSecret(key, v2, owner, { headers: again });
    expect([replaced.status, replayedReplace.status, replayedReplace.body.meta.status, replayedReplace.body.data.version]).toEqual([
      200, 200, 200, 2,
    ]);
  });

  test('each organization sees only its own', async () => {
    const theirValue = secretValue('theirs');
    const theirs = await setSecret('GITHUB_TOKEN', theirValue, other.owner.accessToken);
    expect(theirs.status).toBe(201); // created in their organization, though the key exists in mine
    // Its own version line: the home organization's GITHUB_TOKEN is at 2.
    expect(theirs.body.data).toMatchObject({ key: 'GITHUB_TOKEN', version: 1, updatedBy: `user:${other.owner.userId}` });
    expect(theirs.body.context.organizationId).toBe(other.organizationId);

    const theirList = await call('GET', '/api/v1/workspace/secrets', other.owner.accessToken);
    expect(theirList.body.data).toEqual([theirs.body.data]);
    const myList = await call('GET', '/api/v1/workspace/secrets', owner);
    expect(myList.body.data.find((s: { key: string }) => s.key === 'GITHUB_TOKEN')).toMatchObject({
      version: 2,
      updatedBy: `user:${ownerId}`,
    });
    expect(myList.body.data).not.toContainEqual(theirs.body.data);
    // Acting in the other organization, the server owner sees that one's.
    expect((await call('GET', '/api/v1/workspace/secrets', owner, { workspace: other.organizationId })).body.data).toEqual([
      theirs.body.data,
    ]);

    // Setting the same key at home did not touch theirs.
    const [stored] = await t.sql<{ ciphertext: Buffer }>(
      "SELECT ciphertext FROM config_secrets WHERE key = 'GITHUB_TOKEN' AND organization_id = $1",
      [other.organizationId],
    );
    expect(openEnvelope(stored.ciphertext, `config-secret:${other.organizationId}:GITHUB_TOKEN`).plaintext).toBe(theirValue);
  });

  test('a viewer cannot list them (secret.read is withheld from viewers) nor set one', async () => {
    const list = await call('GET', '/api/v1/workspace/secrets', viewer.accessToken);
    expectError(list, 'GET', '/api/v1/workspace/secrets', 403, 'FORBIDDEN');
    expect(list.body.error.message).toContain('secret.read');
    const set = await setSecret('VIEWER_SET', secretValue('viewer'), viewer.accessToken);
    expectError(set, 'POST', '/api/v1/workspace/secrets/{key}', 403, 'FORBIDDEN');
    expectError(await call('GET', '/api/v1/workspace/secrets', nobody.accessToken), 'GET', '/api/v1/workspace/secrets', 403, 'FORBIDDEN');
    expect(await t.sql("SELECT id FROM config_secrets WHERE key = 'VIEWER_SET'")).toHaveLength(0);
  });
});

describe('platform secrets', () => {
  test('a platform administrator sets and lists them: metadata only, encrypted, apart from workspace secrets', async () => {
    const v1 = secretValue('smtp1');
    const v2 = secretValue('smtp2');
    const one = await call('POST', '/api/v1/platform/secrets/SMTP_PASSWORD', owner, { json: { value: v1 } });
    expect(one.status).toBe(201);
    expectMatchesContract('POST', '/api/v1/platform/secrets/{key}', 201, one.body);
    expect(one.body.meta.status).toBe(201);
    expect(one.body.data).toEqual({
      key: 'SMTP_PASSWORD',
      version: 1,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      updatedBy: `user:${ownerId}`,
    });
    expect(one.text).not.toContain(v1);
    const two = await call('POST', '/api/v1/platform/secrets/SMTP_PASSWORD', owner, { json: { value: v2 } });
    expect(two.status).toBe(200);
    expectMatchesContract('POST', '/api/v1/platform/secrets/{key}', 200, two.body);
    expect(two.body.data.version).toBe(2);
    expect(two.text).not.toContain(v2);

    const list = await call('GET', '/api/v1/platform/secrets', owner);
    expect(list.status).toBe(200);
    expectMatchesContract('GET', '/api/v1/platform/secrets', 200, list.body);
    expect(list.body.data).toEqual([two.body.data]);
    for (const value of [v1, v2]) expect(list.text).not.toContain(value);
    // Not a workspace secret.
    expect((await call('GET', '/api/v1/workspace/secrets', owner)).body.data.map((s: { key: string }) => s.key)).not.toContain(
      'SMTP_PASSWORD',
    );

    const [row] = await t.sql<{ ciphertext: Buffer; organization_id: string | null }>(
      "SELECT ciphertext, organization_id FROM config_secrets WHERE key = 'SMTP_PASSWORD'",
    );
    expect(row.organization_id).toBeNull();
    expect(row.ciphertext.includes(Buffer.from(v2, 'utf8'))).toBe(false);
    expect(openEnvelope(row.ciphertext, 'config-secret:platform:SMTP_PASSWORD').plaintext).toBe(v2);
    for (const value of [v1, v2]) expect(await tablesContaining(t, value)).toEqual([]);

    // A workspace secret of the same key is another secret.
    expect((await setSecret('SMTP_PASSWORD', secretValue('ws-smtp'))).body.data.version).toBe(1);
    expect((await call('GET', '/api/v1/platform/secrets', owner)).body.data).toEqual([two.body.data]);

    const bad = await call('POST', '/api/v1/platform/secrets/9bad', owner, { json: { value: secretValue('pbad') } });
    expectError(bad, 'POST', '/api/v1/platform/secrets/{key}', 400, 'VALIDATION_FAILED');
    const empty = await call('POST', '/api/v1/platform/secrets/EMPTY', owner, { json: { value: '' } });
    expectError(empty, 'POST', '/api/v1/platform/secrets/{key}', 400, 'VALIDATION_FAILED');
  });

  test('anyone else is 403, an organization owner included', async () => {
    for (const token of [other.owner.accessToken, viewer.accessToken]) {
      expectError(await call('GET', '/api/v1/platform/secrets', token), 'GET', '/api/v1/platform/secrets', 403, 'FORBIDDEN');
      const set = await call('POST', '/api/v1/platform/secrets/HIJACK', token, { json: { value: secretValue('hijack') } });
      expectError(set, 'POST', '/api/v1/platform/secrets/{key}', 403, 'FORBIDDEN');
    }
    expect(await t.sql("SELECT id FROM config_secrets WHERE key = 'HIJACK'")).toHaveLength(0);
  });
});

describe('logs', () => {
  // Last in the file: every value sent above, accepted or refused, has been through the server.
  test('never contain a secret value', async () => {
    await new Promise((r) => setTimeout(r, 200));
    const output = t.output();
    expect(output).toContain('/api/v1/workspace/secrets/GITHUB_TOKEN'); // the control: the requests were logged
    expect(sentValues.length).toBeGreaterThan(20);
    expect(sentValues.filter((value) => output.includes(value))).toEqual([]);
  });
});
