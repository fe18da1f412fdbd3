import { createDecipheriv, randomBytes } from 'node:crypto';
import { addMember, type Member, otherOrganization } from '../support/fixtures.js';
import { tablesContaining } from '../support/database-scan.js';
import type { RequestOptions } from '../support/http.js';
import { useServer } from '../support/use-server.js';

/**
 * Workspace and platform settings (plain configuration, never a secret) and configuration secrets
 * (write-only values, envelope-encrypted at rest, metadata only through the API).
 */
const MASTER_KEY = randomBytes(32);
const MASTER_KEY_ID = 'tenancy-test-1';

const t = useServer({ ENCRYPTION_KEY: MASTER_KEY.toString('base64'), ENCRYPTION_KEY_ID: MASTER_KEY_ID });
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
  owner = t.token;
  const me = await t.http.get('/api/v1/me').expect(200);
  ownerId = me.data.id;
  home = me.context.organizationId;
  viewer = await addMember(t, owner, ['viewer']);
  nobody = await addMember(t, owner, []);
  other = await otherOrganization(t, owner);
});

const putSettings = (settings: unknown, token?: string, workspace?: string) =>
  t.http.put('/api/v1/workspace/settings', { body: { settings }, token, workspace });
const setSecret = (key: string, value: unknown, token?: string, options: Pick<RequestOptions, 'workspace' | 'idempotencyKey'> = {}) =>
  t.http.post('/api/v1/workspace/secrets/{key}', { params: { key }, body: { value }, token, ...options });

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
    const empty = await t.http.get('/api/v1/workspace/settings').expect(200);
    expect(empty.data).toEqual({ settings: {}, updatedAt: null, updatedBy: null });

    const document = { timezone: 'Europe/Paris', defaultApprovers: 2, 'feature.flags': { beta: true, list: [1, 'two', null] } };
    const before = Date.now();
    const put = await putSettings(document).expect(200);
    expect(put.data).toEqual({ settings: document, updatedAt: expect.any(String), updatedBy: `user:${ownerId}` });
    expect(Date.parse(put.data.updatedAt)).toBeGreaterThanOrEqual(before - 5_000);

    const got = await t.http.get('/api/v1/workspace/settings').expect(200);
    expect(got.data).toEqual(put.data);

    // A second PUT replaces; it does not merge.
    await putSettings({ region: 'eu-west' }).expect(200);
    expect((await t.http.get('/api/v1/workspace/settings')).body.data.settings).toEqual({ region: 'eu-west' });
    const [row] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM workspace_settings WHERE organization_id = $1', [home]);
    expect(row.n).toBe(1);

    const trail = await t.http.get('/api/v1/audit-events', { query: { action: 'settings.update' } });
    expect(trail.body.data[0]).toMatchObject({ actorId: ownerId, outcome: 'success', details: { keys: ['region'] } });
  });

  test('a secret-looking key is 400 naming it, and changes nothing', async () => {
    const before = (await t.http.get('/api/v1/workspace/settings')).body.data;
    for (const key of ['dbPassword', 'smtp_pass', 'apiKey', 'api-key', 'githubToken', 'clientSecret', 'private_key', 'awsCredentials']) {
      const res = await putSettings({ timezone: 'UTC', [key]: 'x' }).expect(400, 'VALIDATION_FAILED');
      expect(res.error.validationErrors).toEqual([expect.objectContaining({ field: 'settings' })]);
      expect(res.error.validationErrors[0].message).toContain(key);
    }
    expect((await t.http.get('/api/v1/workspace/settings')).body.data).toEqual(before);
  });

  test('a secret-looking key nested in an object is refused as well', async () => {
    const hidden = secretValue('nested');
    const res = await putSettings({ smtp: { host: 'mail.example.com', password: hidden } }).expect(400, 'VALIDATION_FAILED');
    expect(JSON.stringify(res.error?.validationErrors ?? [])).toContain('password');
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
      const res = await putSettings(settings).expect(400, 'VALIDATION_FAILED');
      expect(res.error.validationErrors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['settings']));
    }
    const missing = await t.http.put('/api/v1/workspace/settings', { body: {} }).expect(400, 'VALIDATION_FAILED');
    expect(missing.error.validationErrors).toEqual([expect.objectContaining({ field: 'settings', code: 'REQUIRED' })]);
    await t.http.put('/api/v1/workspace/settings', { body: { settings: {}, extra: 1 } }).expect(400, 'VALIDATION_FAILED');

    const tooMany = Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`k${i}`, i]));
    await putSettings(tooMany).expect(400, 'VALIDATION_FAILED');

    // `{"blob":""}` is 11 bytes: exactly 32 KiB passes, one byte more does not.
    await putSettings({ blob: 'a'.repeat(32 * 1024 - 11) }).expect(200);
    const over = await putSettings({ blob: 'a'.repeat(32 * 1024 - 10) }).expect(400, 'VALIDATION_FAILED');
    expect(over.error.validationErrors[0].message).toMatch(/32 KiB/);
  });

  test('the 32 KiB bound is in bytes, not in UTF-16 code units', async () => {
    // 20,000 "é" are 20,011 characters of JSON but 40,011 bytes: over 32 KiB.
    await putSettings({ note: 'é'.repeat(20_000) }).expect(400, 'VALIDATION_FAILED');
    expect(Buffer.byteLength(JSON.stringify({ note: 'é'.repeat(20_000) }))).toBeGreaterThan(32 * 1024);
  });

  test('a viewer reads them (settings.read) but cannot PUT (403); no permission, no read', async () => {
    const read = await t.http.get('/api/v1/workspace/settings', { token: viewer.accessToken }).expect(200);
    const before = read.data;
    const write = await putSettings({ region: 'us-east' }, viewer.accessToken).expect(403, 'FORBIDDEN');
    expect(write.error.message).toContain('settings.write');
    expect((await t.http.get('/api/v1/workspace/settings')).body.data).toEqual(before);
    await t.http.get('/api/v1/workspace/settings', { token: nobody.accessToken }).expect(403, 'FORBIDDEN');
  });

  test('each organization has its own', async () => {
    const mine = (await t.http.get('/api/v1/workspace/settings')).body.data;
    const theirs = await putSettings({ color: 'red' }, other.owner.accessToken).expect(200);
    expect(theirs.context.organizationId).toBe(other.organizationId);
    expect(theirs.data.updatedBy).toBe(`user:${other.owner.userId}`);

    expect((await t.http.get('/api/v1/workspace/settings')).body.data).toEqual(mine);
    expect((await t.http.get('/api/v1/workspace/settings', { token: other.owner.accessToken })).body.data.settings).toEqual({
      color: 'red',
    });
    // The server owner belongs to both: acting in the other one, they see its settings.
    expect((await t.http.get('/api/v1/workspace/settings', { workspace: other.organizationId })).body.data.settings).toEqual({
      color: 'red',
    });
    // And a PUT acting there lands there, not at home.
    await putSettings({ color: 'blue' }, undefined, other.organizationId).expect(200);
    expect((await t.http.get('/api/v1/workspace/settings', { token: other.owner.accessToken })).body.data.settings).toEqual({
      color: 'blue',
    });
    expect((await t.http.get('/api/v1/workspace/settings')).body.data).toEqual(mine);
  });
});

describe('platform settings', () => {
  test('the owner, a platform administrator, reads and replaces them', async () => {
    const first = await t.http.get('/api/v1/platform/settings').expect(200);
    expect(first.data).toEqual({ settings: {}, updatedAt: null, updatedBy: null });

    const put = await t.http
      .put('/api/v1/platform/settings', { body: { settings: { maintenanceWindow: 'sun 02:00', maxOrganizations: 50 } } })
      .expect(200);
    expect(put.data).toEqual({
      settings: { maintenanceWindow: 'sun 02:00', maxOrganizations: 50 },
      updatedAt: expect.any(String),
      updatedBy: `user:${ownerId}`,
    });
    expect((await t.http.get('/api/v1/platform/settings')).body.data).toEqual(put.data);

    const replaced = await t.http.put('/api/v1/platform/settings', { body: { settings: { maxOrganizations: 60 } } });
    expect(replaced.body.data.settings).toEqual({ maxOrganizations: 60 });

    const secretish = await t.http
      .put('/api/v1/platform/settings', { body: { settings: { smtpPassword: 'x' } } })
      .expect(400, 'VALIDATION_FAILED');
    expect(secretish.error.validationErrors[0].message).toContain('smtpPassword');
  });

  test("another organization's owner (not a platform administrator) and a viewer are 403 on both", async () => {
    const before = (await t.http.get('/api/v1/platform/settings')).body.data;
    for (const token of [other.owner.accessToken, viewer.accessToken]) {
      await t.http.get('/api/v1/platform/settings', { token }).expect(403, 'FORBIDDEN');
      await t.http.put('/api/v1/platform/settings', { token, body: { settings: { takenOver: true } } }).expect(403, 'FORBIDDEN');
    }
    expect((await t.http.get('/api/v1/platform/settings')).body.data).toEqual(before);
  });
});

describe('workspace secrets', () => {
  let first: string;
  let second: string;
  test('setting returns metadata only, 201 when created and 200 when replaced; the version counts the times it was set', async () => {
    first = secretValue('gh1');
    second = secretValue('gh2');
    const one = await setSecret('GITHUB_TOKEN', first).expectResponse(201);
    expect(one.body.meta.status).toBe(201);
    expect(one.body.data).toEqual({
      key: 'GITHUB_TOKEN',
      version: 1,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      updatedBy: `user:${ownerId}`,
    });
    expect(one.text).not.toContain(first);

    const two = await setSecret('GITHUB_TOKEN', second, undefined, {
      idempotencyKey: `set-${randomBytes(4).toString('hex')}`,
    }).expectResponse(200);
    expect(two.body.meta.status).toBe(200);
    expect(two.body.data).toMatchObject({ key: 'GITHUB_TOKEN', version: 2, createdAt: one.body.data.createdAt });
    expect(Date.parse(two.body.data.updatedAt)).toBeGreaterThanOrEqual(Date.parse(one.body.data.updatedAt));
    expect(two.text).not.toContain(first);
    expect(two.text).not.toContain(second);

    expect((await setSecret('slack.webhook-url_2', secretValue('slack'))).body.data.version).toBe(1);

    const list = await t.http.get('/api/v1/workspace/secrets').expectResponse(200);
    expect(list.body.data.map((s: { key: string }) => s.key)).toEqual(['GITHUB_TOKEN', 'slack.webhook-url_2']);
    for (const item of list.body.data) expect(Object.keys(item).sort()).toEqual(SECRET_METADATA_KEYS);
    expect(list.body.data[0]).toEqual(two.body.data);
    for (const value of sentValues) expect(list.text).not.toContain(value);

    const trail = await t.http.get('/api/v1/audit-events', { query: { action: 'secret.set' } });
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
    // As the path carries them: 'a b' goes as a%20b, 'été' as %C3%A9t%C3%A9.
    for (const key of ['9bad', 'a b', 'a'.repeat(129), 'a'.repeat(200), '_leading', 'dollar$', 'été']) {
      const res = await setSecret(key, secretValue('badkey')).expect(400, 'VALIDATION_FAILED');
      expect(res.error.validationErrors).toEqual([{ field: 'key', message: expect.any(String), code: 'INVALID_KEY' }]);
    }
    // 128 characters is the longest key.
    await setSecret('a'.repeat(128), secretValue('long')).expect(201);

    for (const body of [{ value: '' }, {}, { value: 42 }, { value: null }, { value: 'x'.repeat(65_537) }, { value: 'ok', extra: 1 }]) {
      await t.http.post('/api/v1/workspace/secrets/{key}', { params: { key: 'EMPTY_ONE' }, body }).expect(400, 'VALIDATION_FAILED');
    }
    expect(await t.sql("SELECT id FROM config_secrets WHERE key IN ('9bad', 'a b', 'EMPTY_ONE')")).toHaveLength(0);
  });

  test('a replay answers what the first request answered: 201 for the creation, 200 for a replacement', async () => {
    const key = `REPLAYED_${randomBytes(3).toString('hex')}`;
    const idempotencyKey = `create-${key}`;
    const [v1, v2] = [secretValue('r1'), secretValue('r2')];
    const created = await setSecret(key, v1, undefined, { idempotencyKey }).expectResponse(201);
    const replayed = await setSecret(key, v1, undefined, { idempotencyKey }).expectResponse(201);
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    expect(replayed.body.data).toEqual(created.body.data);
    const again = `replace-${key}`;
    await setSecret(key, v2, undefined, { idempotencyKey: again }).expect(200);
    const replayedReplace = await setSecret(key, v2, undefined, { idempotencyKey: again }).expect(200);
    expect([replayedReplace.meta.status, replayedReplace.data.version]).toEqual([200, 2]);
  });

  test('each organization sees only its own', async () => {
    const theirValue = secretValue('theirs');
    // Created in their organization, though the key exists in mine.
    const theirs = await setSecret('GITHUB_TOKEN', theirValue, other.owner.accessToken).expect(201);
    // Its own version line: the home organization's GITHUB_TOKEN is at 2.
    expect(theirs.data).toMatchObject({ key: 'GITHUB_TOKEN', version: 1, updatedBy: `user:${other.owner.userId}` });
    expect(theirs.context.organizationId).toBe(other.organizationId);

    const theirList = await t.http.get('/api/v1/workspace/secrets', { token: other.owner.accessToken });
    expect(theirList.body.data).toEqual([theirs.data]);
    const myList = await t.http.get('/api/v1/workspace/secrets');
    expect(myList.body.data.find((s: { key: string }) => s.key === 'GITHUB_TOKEN')).toMatchObject({
      version: 2,
      updatedBy: `user:${ownerId}`,
    });
    expect(myList.body.data).not.toContainEqual(theirs.data);
    // Acting in the other organization, the server owner sees that one's.
    expect((await t.http.get('/api/v1/workspace/secrets', { workspace: other.organizationId })).body.data).toEqual([theirs.data]);

    // Setting the same key at home did not touch theirs.
    const [stored] = await t.sql<{ ciphertext: Buffer }>(
      "SELECT ciphertext FROM config_secrets WHERE key = 'GITHUB_TOKEN' AND organization_id = $1",
      [other.organizationId],
    );
    expect(openEnvelope(stored.ciphertext, `config-secret:${other.organizationId}:GITHUB_TOKEN`).plaintext).toBe(theirValue);
  });

  test('a viewer cannot list them (secret.read is withheld from viewers) nor set one', async () => {
    const list = await t.http.get('/api/v1/workspace/secrets', { token: viewer.accessToken }).expect(403, 'FORBIDDEN');
    expect(list.error.message).toContain('secret.read');
    await setSecret('VIEWER_SET', secretValue('viewer'), viewer.accessToken).expect(403, 'FORBIDDEN');
    await t.http.get('/api/v1/workspace/secrets', { token: nobody.accessToken }).expect(403, 'FORBIDDEN');
    expect(await t.sql("SELECT id FROM config_secrets WHERE key = 'VIEWER_SET'")).toHaveLength(0);
  });
});

describe('platform secrets', () => {
  test('a platform administrator sets and lists them: metadata only, encrypted, apart from workspace secrets', async () => {
    const v1 = secretValue('smtp1');
    const v2 = secretValue('smtp2');
    const one = await t.http
      .post('/api/v1/platform/secrets/{key}', { params: { key: 'SMTP_PASSWORD' }, body: { value: v1 } })
      .expectResponse(201);
    expect(one.body.meta.status).toBe(201);
    expect(one.body.data).toEqual({
      key: 'SMTP_PASSWORD',
      version: 1,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      updatedBy: `user:${ownerId}`,
    });
    expect(one.text).not.toContain(v1);
    const two = await t.http
      .post('/api/v1/platform/secrets/{key}', { params: { key: 'SMTP_PASSWORD' }, body: { value: v2 } })
      .expectResponse(200);
    expect(two.body.data.version).toBe(2);
    expect(two.text).not.toContain(v2);

    const list = await t.http.get('/api/v1/platform/secrets').expectResponse(200);
    expect(list.body.data).toEqual([two.body.data]);
    for (const value of [v1, v2]) expect(list.text).not.toContain(value);
    // Not a workspace secret.
    expect((await t.http.get('/api/v1/workspace/secrets')).body.data.map((s: { key: string }) => s.key)).not.toContain('SMTP_PASSWORD');

    const [row] = await t.sql<{ ciphertext: Buffer; organization_id: string | null }>(
      "SELECT ciphertext, organization_id FROM config_secrets WHERE key = 'SMTP_PASSWORD'",
    );
    expect(row.organization_id).toBeNull();
    expect(row.ciphertext.includes(Buffer.from(v2, 'utf8'))).toBe(false);
    expect(openEnvelope(row.ciphertext, 'config-secret:platform:SMTP_PASSWORD').plaintext).toBe(v2);
    for (const value of [v1, v2]) expect(await tablesContaining(t, value)).toEqual([]);

    // A workspace secret of the same key is another secret.
    expect((await setSecret('SMTP_PASSWORD', secretValue('ws-smtp'))).body.data.version).toBe(1);
    expect((await t.http.get('/api/v1/platform/secrets')).body.data).toEqual([two.body.data]);

    await t.http
      .post('/api/v1/platform/secrets/{key}', { params: { key: '9bad' }, body: { value: secretValue('pbad') } })
      .expect(400, 'VALIDATION_FAILED');
    await t.http.post('/api/v1/platform/secrets/{key}', { params: { key: 'EMPTY' }, body: { value: '' } }).expect(400, 'VALIDATION_FAILED');
  });

  test('anyone else is 403, an organization owner included', async () => {
    for (const token of [other.owner.accessToken, viewer.accessToken]) {
      await t.http.get('/api/v1/platform/secrets', { token }).expect(403, 'FORBIDDEN');
      await t.http
        .post('/api/v1/platform/secrets/{key}', { params: { key: 'HIJACK' }, token, body: { value: secretValue('hijack') } })
        .expect(403, 'FORBIDDEN');
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
