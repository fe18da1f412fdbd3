import { randomBytes } from 'node:crypto';
import { AppConfig } from '../../src/kernel/config/app-config.js';
import { EnvelopeCipher } from '../../src/kernel/crypto/envelope-cipher.js';
import { LocalKeyManagement } from '../../src/kernel/crypto/key-management.js';
import { spawnServer } from '../support/server.js';
import { useServer } from '../support/use-server.js';

/**
 * A master-key rotation end to end: values sealed under the old key stay readable while the new key
 * is current, the re-wrap job moves them to the new key (at start-up), and afterwards the old key is
 * no longer needed.
 */
const oldKey = randomBytes(32).toString('base64');
const newKey = randomBytes(32).toString('base64');
const cipherWith = (keyId: string, key: string) =>
  new EnvelopeCipher(
    new LocalKeyManagement(Object.assign(new AppConfig(), { encryption: { keyId, key: Buffer.from(key, 'base64'), previous: [] } })),
  );

const t = useServer({ ENCRYPTION_KEY: oldKey, ENCRYPTION_KEY_ID: 'old-1' });

test('a rotation re-wraps every stored secret under the new key; the value is unchanged and the old key can go', async () => {
  const me = await t.http.get('/api/v1/me').expect(200);
  const organizationId = me.context.organizationId as string;
  const value = `canary-${randomBytes(8).toString('hex')}`;
  const request = t.http.post('/api/v1/workspace/secrets/{key}', { params: { key: 'DB_PASSWORD' }, body: { value } });
  const set = await request;
  expect(set.status).toBeLessThan(300);
  await request.expectResponse(set.status);
  const stored = async () =>
    (await t.sql<{ ciphertext: Buffer; version: number }>("SELECT ciphertext, version FROM config_secrets WHERE key = 'DB_PASSWORD'"))[0];
  const before = await stored();
  const context = `config-secret:${organizationId}:DB_PASSWORD`;
  expect(cipherWith('old-1', oldKey).keyIdOf(before.ciphertext)).toBe('old-1');
  expect(cipherWith('old-1', oldKey).decrypt(before.ciphertext, context).toString()).toBe(value);

  // A second replica with the new key current and the old one retired re-wraps at start-up.
  const rotated = await spawnServer({
    DATABASE_URL: t.databaseUrl,
    RATE_LIMIT_ENABLED: 'false',
    LOG_LEVEL: 'info',
    ENCRYPTION_KEY: newKey,
    ENCRYPTION_KEY_ID: 'new-1',
    ENCRYPTION_PREVIOUS_KEYS: `old-1:${oldKey}`,
  });
  try {
    const deadline = Date.now() + 15_000;
    let after = await stored();
    while (after.ciphertext.equals(before.ciphertext) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      after = await stored();
    }
    const onlyNew = cipherWith('new-1', newKey);
    expect(onlyNew.keyIdOf(after.ciphertext)).toBe('new-1');
    expect(onlyNew.decrypt(after.ciphertext, context).toString()).toBe(value);
    expect(after.version).toBe(before.version);
    // The value's own ciphertext did not change: only its data key was re-wrapped.
    expect(
      after.ciphertext
        .subarray(after.ciphertext.length - value.length)
        .equals(before.ciphertext.subarray(before.ciphertext.length - value.length)),
    ).toBe(true);
    expect(() => cipherWith('old-1', oldKey).decrypt(after.ciphertext, context)).toThrow(/unknown master key/);
    expect(rotated.output()).not.toContain(value);
  } finally {
    expect(await rotated.stop('SIGTERM')).toBe(0);
  }
});

test('a retired key named like the current one is refused at start-up', async () => {
  const { runToExit } = await import('../support/server.js');
  const { code, output } = await runToExit({
    DATABASE_URL: t.databaseUrl,
    ENCRYPTION_KEY: newKey,
    ENCRYPTION_KEY_ID: 'k',
    ENCRYPTION_PREVIOUS_KEYS: `k:${oldKey}`,
  });
  expect(code).toBe(1);
  expect(output).toContain('ENCRYPTION_PREVIOUS_KEYS');
  expect(output).not.toContain(oldKey);
});
