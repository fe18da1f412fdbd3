import { generateKeyPairSync } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './load-config.js';

const base = { NODE_ENV: 'test' };
const p256 = () => generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const problems = (env: NodeJS.ProcessEnv): string[] => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('loadConfig', () => {
  test('defaults give a complete development-like configuration', () => {
    const config = loadConfig(base);
    expect(config.port).toBe(3000);
    // Chosen at start: remembered under DATA_DIR, or picked when the usual one is taken.
    expect(config.database.embedded?.port).toBeUndefined();
    expect(config.database.url).toBeUndefined();
    expect(config.http.corsOrigins).toBe(false);
    expect(config.auth.verificationKeys).toHaveLength(1);
    expect(config.encryption.key).toHaveLength(32);
  });

  test('names every bad variable at once, with values only for non-secrets', () => {
    const found = problems({
      ...base,
      PORT: '70000',
      BODY_LIMIT: 'huge',
      DATABASE_URL: 'http://user:s3cret@x/db',
      ENCRYPTION_KEY: 'c2hvcnQ=',
    });
    expect(found).toHaveLength(4);
    expect(found.join('\n')).toContain('PORT: must not be greater than 65535 (got 70000)');
    expect(found.join('\n')).toContain('BODY_LIMIT: must look like 512kb or 1mb (got "huge")');
    expect(found.join('\n')).not.toContain('s3cret');
    expect(found.join('\n')).not.toContain('c2hvcnQ=');
  });

  test('login throttling: growing delays by default, the old lockout variables refused with what to set instead', () => {
    expect(loadConfig(base).auth.loginThrottle).toEqual({
      freeFailuresPerPair: 5,
      freeFailuresPerAddress: 20,
      freeFailuresPerAccount: 20,
      delayBaseSeconds: 1,
      delayMaxSeconds: 300,
      memorySeconds: 3600,
    });
    const found = problems({ ...base, LOGIN_MAX_FAILURES_PER_ACCOUNT: '5', LOGIN_MAX_FAILURES_PER_IP: '20', LOGIN_LOCKOUT_SECONDS: '900' });
    expect(found).toHaveLength(3);
    expect(found[0]).toMatch(/^LOGIN_MAX_FAILURES_PER_ACCOUNT: is no longer read: .*LOGIN_FREE_FAILURES_PER_PAIR/);
    expect(found[1]).toMatch(/^LOGIN_MAX_FAILURES_PER_IP: is no longer read: .*LOGIN_FREE_FAILURES_PER_ADDRESS/);
    expect(found[2]).toMatch(/^LOGIN_LOCKOUT_SECONDS: is no longer read: .*LOGIN_DELAY_MAX_SECONDS.*LOGIN_FAILURE_MEMORY_SECONDS/);
    // Empty counts as unset for them too.
    expect(() => loadConfig({ ...base, LOGIN_LOCKOUT_SECONDS: '' })).not.toThrow();
  });

  test('login delays must grow and be remembered longer than the longest delay', () => {
    expect(problems({ ...base, LOGIN_DELAY_BASE_SECONDS: '10', LOGIN_DELAY_MAX_SECONDS: '5' })).toEqual([
      'LOGIN_DELAY_MAX_SECONDS: must be at least LOGIN_DELAY_BASE_SECONDS (the first delay)',
    ]);
    expect(problems({ ...base, LOGIN_DELAY_MAX_SECONDS: '600', LOGIN_FAILURE_MEMORY_SECONDS: '600' })).toEqual([
      'LOGIN_FAILURE_MEMORY_SECONDS: must be longer than LOGIN_DELAY_MAX_SECONDS, or waiting out a delay would reset the count',
    ]);
    expect(problems({ ...base, LOGIN_FREE_FAILURES_PER_PAIR: '-1' })).toEqual([
      'LOGIN_FREE_FAILURES_PER_PAIR: must not be less than 0 (got -1)',
    ]);
  });

  test('blobs: PostgreSQL by default; S3 needs a bucket, and a key id with its secret, which no error echoes', () => {
    expect(loadConfig(base).blobs).toEqual({ backend: 'postgres', sweepIntervalMs: 300_000, graceSeconds: 3_600 });
    expect(problems({ ...base, BLOB_STORE: 's3', S3_ACCESS_KEY_ID: 'AKIA', S3_SECRET_ACCESS_KEY: '' })).toEqual([
      'S3_BUCKET: is required with BLOB_STORE=s3',
      "S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY: set both, or neither (for the SDK's default credentials)",
    ]);
    const bad = problems({
      ...base,
      BLOB_STORE: 'disk',
      S3_ENDPOINT: 'ftp://x',
      S3_SECRET_ACCESS_KEY: 'shh-do-not-echo',
      S3_TIMEOUT_MS: '5',
    });
    expect(bad.join('\n')).not.toContain('shh-do-not-echo');
    expect(bad.map((p) => p.split(':')[0]).sort()).toEqual(['BLOB_STORE', 'S3_ENDPOINT', 'S3_TIMEOUT_MS']);
    const s3 = loadConfig({ ...base, BLOB_STORE: 's3', S3_BUCKET: 'marshal-blobs', S3_ENDPOINT: 'http://127.0.0.1:9000' }).blobs;
    expect(s3).toMatchObject({
      backend: 's3',
      s3: { bucket: 'marshal-blobs', forcePathStyle: true, region: 'us-east-1', credentials: undefined },
    });
  });

  test('an empty variable counts as unset', () => {
    expect(loadConfig({ ...base, DATABASE_URL: '', PORT: '' }).port).toBe(3000);
  });

  test('production requires explicit keys and accepts a PEM given with escaped newlines or as base64', () => {
    expect(problems({ NODE_ENV: 'production', DATABASE_URL: 'postgres://h/db' })).toEqual([
      'JWT_PRIVATE_KEY: is required in production',
      'ENCRYPTION_KEY: is required in production',
    ]);
    const pem = p256();
    const key = Buffer.alloc(32, 7).toString('base64');
    for (const form of [pem.replace(/\n/g, '\\n'), Buffer.from(pem).toString('base64')]) {
      const config = loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://h/db', JWT_PRIVATE_KEY: form, ENCRYPTION_KEY: key });
      expect(config.isProduction).toBe(true);
      expect(config.database.embedded).toBeUndefined();
    }
  });

  test('refuses a signing key that is not EC P-256', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(problems({ ...base, JWT_PRIVATE_KEY: rsa })).toEqual([
      'JWT_PRIVATE_KEY: must be an EC P-256 private key (access tokens are signed with ES256)',
    ]);
  });

  test('keeps previous public keys for verification after a rotation', () => {
    const previous = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const config = loadConfig({ ...base, JWT_PRIVATE_KEY: p256(), JWT_PREVIOUS_PUBLIC_KEYS: previous });
    expect(config.auth.verificationKeys).toHaveLength(2);
  });

  test('development generates its keys once under DATA_DIR, private to the owner, and reuses them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'marshal-config-'));
    chmodSync(dir, 0o700);
    try {
      const first = loadConfig({ NODE_ENV: 'development', DATA_DIR: dir });
      const second = loadConfig({ NODE_ENV: 'development', DATA_DIR: dir });
      expect(second.encryption.key.equals(first.encryption.key)).toBe(true);
      expect(second.database.embedded?.password).toBe(first.database.embedded?.password);
      expect(statSync(join(dir, 'secrets.json')).mode & 0o777).toBe(0o600);
      expect(JSON.parse(readFileSync(join(dir, 'secrets.json'), 'utf8'))).toHaveProperty('jwtPrivateKey');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('tests get fresh ephemeral keys and write nothing', () => {
    expect(loadConfig(base).encryption.key.equals(loadConfig(base).encryption.key)).toBe(false);
  });

  test('parses CORS origins and trust proxy', () => {
    expect(loadConfig({ ...base, CORS_ORIGINS: 'https://a.example, https://b.example' }).http.corsOrigins).toEqual([
      'https://a.example',
      'https://b.example',
    ]);
    expect(loadConfig({ ...base, CORS_ORIGINS: '*' }).http.corsOrigins).toBe('*');
    expect(loadConfig({ ...base, TRUST_PROXY: '2' }).http.trustProxy).toBe(2);
    expect(loadConfig({ ...base, TRUST_PROXY: 'false' }).http.trustProxy).toBe(false);
  });

  test('one outbound policy: OUTBOUND_* by default, the workflow-era names still read, both at once with different values refused', () => {
    expect(loadConfig(base).outbound).toEqual({ allowPrivate: false, allowedHosts: [] });
    expect(
      loadConfig({ ...base, OUTBOUND_ALLOW_PRIVATE: 'true', OUTBOUND_ALLOWED_HOSTS: 'Api.Example.com, *.corp.example' }).outbound,
    ).toEqual({
      allowPrivate: true,
      allowedHosts: ['api.example.com', '*.corp.example'],
    });
    expect(loadConfig({ ...base, WORKFLOW_HTTP_ALLOW_PRIVATE: 'true', WORKFLOW_HTTP_ALLOWED_HOSTS: 'a.example' }).outbound).toEqual({
      allowPrivate: true,
      allowedHosts: ['a.example'],
    });
    expect(loadConfig({ ...base, OUTBOUND_ALLOW_PRIVATE: 'true', WORKFLOW_HTTP_ALLOW_PRIVATE: 'true' }).outbound.allowPrivate).toBe(true);
    expect(problems({ ...base, OUTBOUND_ALLOW_PRIVATE: 'false', WORKFLOW_HTTP_ALLOW_PRIVATE: 'true' })).toEqual([
      'WORKFLOW_HTTP_ALLOW_PRIVATE: is the old name of OUTBOUND_ALLOW_PRIVATE, which is also set to another value; set OUTBOUND_ALLOW_PRIVATE only',
    ]);
    expect(problems({ ...base, OUTBOUND_ALLOW_PRIVATE: 'yes', OUTBOUND_ALLOWED_HOSTS: 'not a host!' })).toEqual([
      expect.stringMatching(/^OUTBOUND_ALLOW_PRIVATE: /),
      expect.stringMatching(/^OUTBOUND_ALLOWED_HOSTS: must be host names/),
    ]);
  });

  test('the workflow webhook is off without a secret; a short secret is refused without being echoed', () => {
    expect(loadConfig(base).workflowWebhook).toEqual({ secret: undefined, toleranceSeconds: 300 });
    const short = 'too-short-but-still-secret';
    const found = problems({ ...base, WORKFLOW_WEBHOOK_SECRET: short, WORKFLOW_WEBHOOK_TOLERANCE_SECONDS: '0' });
    expect(found).toEqual([
      'WORKFLOW_WEBHOOK_SECRET: must be at least 32 characters',
      'WORKFLOW_WEBHOOK_TOLERANCE_SECONDS: must not be less than 1 (got 0)',
    ]);
    expect(found.join('\n')).not.toContain(short);
  });

  test('keeps the workflow webhook secret as a key object that prints nothing of it', () => {
    const secret = 'a-workflow-webhook-secret-of-32+chars';
    const config = loadConfig({ ...base, WORKFLOW_WEBHOOK_SECRET: secret, WORKFLOW_WEBHOOK_TOLERANCE_SECONDS: '60' });
    expect(config.workflowWebhook.toleranceSeconds).toBe(60);
    expect(config.workflowWebhook.secret?.export().toString('utf8')).toBe(secret);
    expect(JSON.stringify(config.workflowWebhook)).not.toContain(secret);
  });

  test('bounds the database and slow clients, a few seconds by default; a headers bound beyond the request bound is refused', () => {
    const config = loadConfig(base);
    expect(config.database).toMatchObject({ queryTimeoutMs: 5_000, connectTimeoutMs: 3_000 });
    expect(config.http).toMatchObject({ headersTimeoutMs: 10_000, requestTimeoutMs: 30_000 });
    expect(loadConfig({ ...base, DATABASE_QUERY_TIMEOUT_MS: '2500', HTTP_REQUEST_TIMEOUT_MS: '60000' })).toMatchObject({
      database: { queryTimeoutMs: 2_500 },
      http: { requestTimeoutMs: 60_000 },
    });
    expect(problems({ ...base, HTTP_HEADERS_TIMEOUT_MS: '20000', HTTP_REQUEST_TIMEOUT_MS: '10000' })).toEqual([
      'HTTP_HEADERS_TIMEOUT_MS: must not be greater than HTTP_REQUEST_TIMEOUT_MS (10000)',
    ]);
    expect(problems({ ...base, DATABASE_CONNECT_TIMEOUT_MS: '0' })).toEqual([
      'DATABASE_CONNECT_TIMEOUT_MS: must not be less than 100 (got 0)',
    ]);
  });

  test('the schema owner may be named beside DATABASE_URL, never alone; neither URL is echoed', () => {
    const config = loadConfig({
      ...base,
      DATABASE_URL: 'postgres://app:a-pass@db/marshal',
      DATABASE_MIGRATION_URL: 'postgres://owner:o-pass@db/marshal',
    });
    expect(config.database).toMatchObject({
      url: 'postgres://app:a-pass@db/marshal',
      migrationUrl: 'postgres://owner:o-pass@db/marshal',
      embedded: undefined,
    });
    expect(loadConfig(base).database.migrationUrl).toBeUndefined();
    const alone = problems({ ...base, DATABASE_MIGRATION_URL: 'postgres://owner:o-pass@db/marshal' });
    expect(alone).toEqual(['DATABASE_MIGRATION_URL: needs DATABASE_URL beside it (the embedded PostgreSQL sets up its own roles)']);
    const bad = problems({ ...base, DATABASE_URL: 'postgres://app:a-pass@db/marshal', DATABASE_MIGRATION_URL: 'mysql://owner:o-pass@db' });
    expect(bad).toEqual(['DATABASE_MIGRATION_URL: must be a postgres:// or postgresql:// URL']);
    expect([...alone, ...bad].join('\n')).not.toContain('o-pass');
  });

  test('the embedded PostgreSQL runs the application as a role of its own, whose password is derived and stable', () => {
    const dir = mkdtempSync(join(tmpdir(), 'marshal-config-'));
    try {
      const first = loadConfig({ NODE_ENV: 'development', DATA_DIR: dir }).database.embedded!;
      const second = loadConfig({ NODE_ENV: 'development', DATA_DIR: dir }).database.embedded!;
      expect(first.application.role).toBe('marshal_app');
      expect(second.application).toEqual(first.application);
      expect(first.application.password).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(first.application.password).not.toBe(first.password);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('audit checkpoints are signed hourly unless AUDIT_CHECKPOINT_SCHEDULE says otherwise (a 5-field cron)', () => {
    expect(loadConfig(base).audit.checkpointSchedule).toBe('0 * * * *');
    expect(loadConfig({ ...base, AUDIT_CHECKPOINT_SCHEDULE: ' */15 * * * * ' }).audit.checkpointSchedule).toBe('*/15 * * * *');
    for (const bad of ['hourly', '* * * *', '0 * * * * *', '0 * * * ?']) {
      expect(problems({ ...base, AUDIT_CHECKPOINT_SCHEDULE: bad })).toEqual([
        expect.stringContaining('AUDIT_CHECKPOINT_SCHEDULE: must be a 5-field cron expression'),
      ]);
    }
  });

  test('billing: default prices in USD; BILLING_PRICES is a JSON object of meter to decimal price, each bad entry named', () => {
    expect(loadConfig(base).billing).toEqual({
      currency: 'USD',
      prices: { scan: '0.01', 'scan.bytes': '0.000000001', 'scan.scanner_seconds': '0.0005' },
    });
    const set = loadConfig({ ...base, BILLING_CURRENCY: 'EUR', BILLING_PRICES: '{"scan":"1.25","scan.bytes":0.5}' });
    expect(set.billing).toEqual({ currency: 'EUR', prices: { scan: '1.25', 'scan.bytes': '0.5' } });
    expect(problems({ ...base, BILLING_PRICES: 'cheap' })).toEqual([expect.stringContaining('BILLING_PRICES: is not JSON')]);
    expect(problems({ ...base, BILLING_PRICES: '[1]' })).toEqual([expect.stringContaining('BILLING_PRICES: must be a JSON object')]);
    expect(problems({ ...base, BILLING_PRICES: '{"scan":"-1","Bad Name":"1","scan.bytes":1e-9}' })).toEqual([
      expect.stringContaining('the price of scan must be a non-negative decimal'),
      expect.stringContaining('"Bad Name" is not a meter name'),
      expect.stringContaining('the price of scan.bytes must be a non-negative decimal'),
    ]);
    expect(problems({ ...base, BILLING_CURRENCY: 'usd' })).toEqual([expect.stringContaining('BILLING_CURRENCY: must be an ISO 4217')]);
  });
});
