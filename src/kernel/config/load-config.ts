import { createPrivateKey, createPublicKey, createSecretKey, hkdfSync, KeyObject } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { AppConfig } from './app-config.js';
import { loadOrCreateDevelopmentSecrets } from './development-secrets.js';
import { EnvironmentVariables, RETIRED_VARIABLES, SECRET_VARIABLES } from './environment.js';

/** Thrown when the environment is invalid; its message names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function describe(error: ValidationError): string {
  const name = error.property as keyof EnvironmentVariables;
  const failures = Object.entries(error.constraints ?? {});
  // A value of the wrong type fails every range rule too; the type failure alone says it best.
  const typeFailures = failures.filter(([constraint]) => /^is[A-Z]/.test(constraint));
  const messages = (typeFailures.length ? typeFailures : failures).map(([, message]) => message.replace(new RegExp(`^${name} `), ''));
  const shown = SECRET_VARIABLES.has(name) ? '' : ` (got ${JSON.stringify(error.value)})`;
  return `${name}: ${messages.join('; ')}${shown}`;
}

function parseEnvironment(env: NodeJS.ProcessEnv): EnvironmentVariables {
  // An empty variable means "unset", as in most twelve-factor apps.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const vars = plainToInstance(EnvironmentVariables, present);
  const retired = Object.keys(RETIRED_VARIABLES)
    .filter((name) => name in present)
    .map((name) => `${name}: ${RETIRED_VARIABLES[name]}`);
  const errors = validateSync(vars, { whitelist: true });
  if (errors.length > 0 || retired.length > 0) throw new ConfigError([...errors.map(describe), ...retired]);
  return vars;
}

/** BLOB_STORE and its bucket: S3 needs a bucket, and its key id and secret come together or not at all. */
function blobStore(vars: EnvironmentVariables, problems: string[]): AppConfig['blobs'] {
  const common = { backend: vars.BLOB_STORE, sweepIntervalMs: vars.BLOB_SWEEP_INTERVAL_MS, graceSeconds: vars.BLOB_GRACE_SECONDS };
  if (vars.BLOB_STORE !== 's3') return common;
  if (!vars.S3_BUCKET) problems.push('S3_BUCKET: is required with BLOB_STORE=s3');
  if ((vars.S3_ACCESS_KEY_ID === undefined) !== (vars.S3_SECRET_ACCESS_KEY === undefined))
    problems.push("S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY: set both, or neither (for the SDK's default credentials)");
  return {
    ...common,
    s3: {
      endpoint: vars.S3_ENDPOINT,
      region: vars.S3_REGION,
      bucket: vars.S3_BUCKET ?? '',
      credentials:
        vars.S3_ACCESS_KEY_ID && vars.S3_SECRET_ACCESS_KEY
          ? { accessKeyId: vars.S3_ACCESS_KEY_ID, secretAccessKey: vars.S3_SECRET_ACCESS_KEY }
          : undefined,
      forcePathStyle: vars.S3_FORCE_PATH_STYLE ? vars.S3_FORCE_PATH_STYLE === 'true' : vars.S3_ENDPOINT !== undefined,
      timeoutMs: vars.S3_TIMEOUT_MS,
    },
  };
}

/** Default unit prices (USD): 1 cent a scan, 1 per GB read, 1.80 an hour of scanner time. */
export const DEFAULT_BILLING_PRICES: Readonly<Record<string, string>> = {
  scan: '0.01',
  'scan.bytes': '0.000000001',
  'scan.scanner_seconds': '0.0005',
};
const METER_NAME = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/;
const UNIT_PRICE = /^\d{1,12}(\.\d{1,12})?$/;

/** BILLING_PRICES: a JSON object of meter to decimal unit price; numbers are taken as they are written, never as floats. */
function billingPrices(value: string | undefined, problems: string[]): Record<string, string> {
  if (value === undefined) return { ...DEFAULT_BILLING_PRICES };
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    problems.push('BILLING_PRICES: is not JSON (an object of meter to unit price, e.g. {"scan":"0.01"})');
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    problems.push('BILLING_PRICES: must be a JSON object of meter to unit price, e.g. {"scan":"0.01"}');
    return {};
  }
  const prices: Record<string, string> = {};
  for (const [meter, price] of Object.entries(parsed as Record<string, unknown>)) {
    const text = typeof price === 'number' ? String(price) : price;
    if (meter.length > 64 || !METER_NAME.test(meter)) problems.push(`BILLING_PRICES: "${meter.slice(0, 64)}" is not a meter name`);
    else if (typeof text !== 'string' || !UNIT_PRICE.test(text))
      problems.push(`BILLING_PRICES: the price of ${meter} must be a non-negative decimal such as "0.0001" (at most 12 decimals)`);
    else prices[meter] = text;
  }
  return prices;
}

/**
 * Where outbound calls a user can aim may go: one policy for workflow steps, Argo CD and every later
 * integration. The workflow-era names are still read when the new ones are unset; both at once with
 * different values is refused rather than guessed.
 */
function outboundPolicy(vars: EnvironmentVariables, problems: string[]): AppConfig['outbound'] {
  const pick = (
    name: 'OUTBOUND_ALLOW_PRIVATE' | 'OUTBOUND_ALLOWED_HOSTS',
    oldName: 'WORKFLOW_HTTP_ALLOW_PRIVATE' | 'WORKFLOW_HTTP_ALLOWED_HOSTS',
  ) => {
    const value = vars[name];
    const old = vars[oldName];
    if (value !== undefined && old !== undefined && value.trim() !== old.trim()) {
      problems.push(`${oldName}: is the old name of ${name}, which is also set to another value; set ${name} only`);
    }
    return value ?? old;
  };
  const allowedHosts = pick('OUTBOUND_ALLOWED_HOSTS', 'WORKFLOW_HTTP_ALLOWED_HOSTS') ?? '';
  return {
    allowPrivate: pick('OUTBOUND_ALLOW_PRIVATE', 'WORKFLOW_HTTP_ALLOW_PRIVATE') === 'true',
    allowedHosts: allowedHosts
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
  };
}

/** The login role the application runs as on the embedded PostgreSQL (the superuser owns the schema). */
export const EMBEDDED_APPLICATION_ROLE = 'marshal_app';

/**
 * Another role's password from the embedded superuser's, so that DATA_DIR/secrets.json written by
 * an earlier version needs nothing more.
 */
function derivedPassword(superuserPassword: string, role: string): string {
  return Buffer.from(hkdfSync('sha256', superuserPassword, Buffer.alloc(0), `marshal/embedded-role/${role}`, 24)).toString('base64url');
}

/** Accepts a PEM, a PEM whose newlines were escaped as \n, or the base64 of a PEM. */
function decodePem(value: string): string {
  const text = value.includes('-----BEGIN') ? value : Buffer.from(value, 'base64').toString('utf8');
  return text.replace(/\\n/g, '\n');
}

function parseSigningKey(value: string, problems: string[]): KeyObject | undefined {
  try {
    const key = createPrivateKey(decodePem(value));
    if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
      problems.push('JWT_PRIVATE_KEY: must be an EC P-256 private key (access tokens are signed with ES256)');
      return undefined;
    }
    return key;
  } catch {
    problems.push('JWT_PRIVATE_KEY: is not a readable PEM private key');
    return undefined;
  }
}

function parsePreviousKeys(value: string | undefined, problems: string[]): KeyObject[] {
  if (!value) return [];
  const pems = decodePem(value).match(/-----BEGIN [A-Z ]+-----[\s\S]+?-----END [A-Z ]+-----/g) ?? [];
  const keys: KeyObject[] = [];
  for (const pem of pems) {
    try {
      const key = createPublicKey(pem);
      if (key.asymmetricKeyDetails?.namedCurve === 'prime256v1') keys.push(key);
      else problems.push('JWT_PREVIOUS_PUBLIC_KEYS: every key must be an EC P-256 public key');
    } catch {
      problems.push('JWT_PREVIOUS_PUBLIC_KEYS: contains a block that is not a readable PEM public key');
    }
  }
  if (pems.length === 0) problems.push('JWT_PREVIOUS_PUBLIC_KEYS: contains no PEM public key');
  return keys;
}

function parseCors(value: string): string[] | '*' | false {
  const origins = value
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  if (origins.length === 0) return false;
  return origins.includes('*') ? '*' : origins;
}

function parseRateLimit(value: string): { perMinute: number; burstPerSecond: number } {
  const [perMinute, burstPerSecond] = value.split(',').map(Number);
  return { perMinute, burstPerSecond };
}

function parseTrustProxy(value: string): boolean | number | string {
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

/** The package root: the nearest folder above this module that holds Marshal's package.json. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

function readBuildInfo(explicitCommit: string | undefined): AppConfig['build'] {
  const root = packageRoot();
  let version = '0.0.0';
  try {
    version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    // a stripped image may lack it; the version is informational
  }
  if (explicitCommit) return { version, commit: explicitCommit };
  try {
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
    return { version, commit: /^[0-9a-f]{40}$/.test(commit) ? commit : null };
  } catch {
    return { version, commit: null };
  }
}

/**
 * Validates the environment and returns the typed configuration, or throws a ConfigError naming
 * every bad variable at once. In production, signing and encryption keys must be given explicitly;
 * in development they are generated once under DATA_DIR; in tests they are ephemeral.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const vars = parseEnvironment(env);
  const problems: string[] = [];
  const dataDir = resolve(vars.DATA_DIR);

  if (vars.NODE_ENV === 'production') {
    if (!vars.JWT_PRIVATE_KEY) problems.push('JWT_PRIVATE_KEY: is required in production');
    if (!vars.ENCRYPTION_KEY) problems.push('ENCRYPTION_KEY: is required in production');
  }
  const needsGenerated = !vars.JWT_PRIVATE_KEY || !vars.ENCRYPTION_KEY || !vars.DATABASE_URL;
  const generated =
    vars.NODE_ENV !== 'production' && needsGenerated
      ? loadOrCreateDevelopmentSecrets(vars.NODE_ENV === 'development' ? dataDir : undefined)
      : undefined;

  const signingKey = vars.JWT_PRIVATE_KEY
    ? parseSigningKey(vars.JWT_PRIVATE_KEY, problems)
    : generated && createPrivateKey(generated.jwtPrivateKey);
  const previousKeys = parsePreviousKeys(vars.JWT_PREVIOUS_PUBLIC_KEYS, problems);
  const encryptionKey = vars.ENCRYPTION_KEY
    ? Buffer.from(vars.ENCRYPTION_KEY, 'base64')
    : generated && Buffer.from(generated.encryptionKey, 'base64');

  const currentKeyId = vars.ENCRYPTION_KEY_ID ?? 'local-1';
  if (vars.ENCRYPTION_PREVIOUS_KEYS?.split(',').some((pair) => pair.slice(0, pair.indexOf(':')) === currentKeyId)) {
    problems.push('ENCRYPTION_PREVIOUS_KEYS: names the current ENCRYPTION_KEY_ID; a retired key needs an id of its own');
  }
  const outbound = outboundPolicy(vars, problems);
  const blobs = blobStore(vars, problems);
  const prices = billingPrices(vars.BILLING_PRICES, problems);
  if (vars.LOGIN_DELAY_MAX_SECONDS < vars.LOGIN_DELAY_BASE_SECONDS) {
    problems.push('LOGIN_DELAY_MAX_SECONDS: must be at least LOGIN_DELAY_BASE_SECONDS (the first delay)');
  }
  if (vars.LOGIN_FAILURE_MEMORY_SECONDS <= vars.LOGIN_DELAY_MAX_SECONDS) {
    // Otherwise an attacker who waits out each delay finds the counter forgotten, and the delays never grow.
    problems.push(
      'LOGIN_FAILURE_MEMORY_SECONDS: must be longer than LOGIN_DELAY_MAX_SECONDS, or waiting out a delay would reset the count',
    );
  }
  // Node refuses a headers timeout longer than the request's, which includes the headers.
  if (vars.HTTP_HEADERS_TIMEOUT_MS > vars.HTTP_REQUEST_TIMEOUT_MS) {
    problems.push(`HTTP_HEADERS_TIMEOUT_MS: must not be greater than HTTP_REQUEST_TIMEOUT_MS (${vars.HTTP_REQUEST_TIMEOUT_MS})`);
  }
  if (vars.DATABASE_MIGRATION_URL && !vars.DATABASE_URL) {
    problems.push('DATABASE_MIGRATION_URL: needs DATABASE_URL beside it (the embedded PostgreSQL sets up its own roles)');
  }
  if (problems.length > 0 || !signingKey || !encryptionKey) throw new ConfigError(problems);

  const config = new AppConfig();
  Object.assign(config, {
    env: vars.NODE_ENV,
    port: vars.PORT,
    host: vars.HOST,
    dataDir,
    database: {
      url: vars.DATABASE_URL,
      migrationUrl: vars.DATABASE_MIGRATION_URL,
      poolSize: vars.DATABASE_POOL_SIZE,
      queryTimeoutMs: vars.DATABASE_QUERY_TIMEOUT_MS,
      connectTimeoutMs: vars.DATABASE_CONNECT_TIMEOUT_MS,
      embedded: vars.DATABASE_URL
        ? undefined
        : {
            port: vars.EMBEDDED_DB_PORT,
            dir: resolve(dataDir, 'pg'),
            password: generated!.databasePassword,
            application: {
              role: EMBEDDED_APPLICATION_ROLE,
              password: derivedPassword(generated!.databasePassword, EMBEDDED_APPLICATION_ROLE),
            },
          },
    },
    admin: { email: vars.ADMIN_EMAIL.toLowerCase(), password: vars.ADMIN_PASSWORD, organizationName: vars.ADMIN_ORGANIZATION },
    auth: {
      issuer: vars.JWT_ISSUER,
      audience: 'marshal-api',
      accessTokenTtlSeconds: vars.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlSeconds: vars.REFRESH_TOKEN_TTL_SECONDS,
      sessionMaxAgeSeconds: vars.SESSION_MAX_AGE_SECONDS,
      signingKey,
      verificationKeys: [createPublicKey(signingKey), ...previousKeys],
      loginThrottle: {
        freeFailuresPerPair: vars.LOGIN_FREE_FAILURES_PER_PAIR,
        freeFailuresPerAddress: vars.LOGIN_FREE_FAILURES_PER_ADDRESS,
        freeFailuresPerAccount: vars.LOGIN_FREE_FAILURES_PER_ACCOUNT,
        delayBaseSeconds: vars.LOGIN_DELAY_BASE_SECONDS,
        delayMaxSeconds: vars.LOGIN_DELAY_MAX_SECONDS,
        memorySeconds: vars.LOGIN_FAILURE_MEMORY_SECONDS,
      },
    },
    encryption: {
      keyId: currentKeyId,
      key: encryptionKey,
      previous: (vars.ENCRYPTION_PREVIOUS_KEYS?.split(',') ?? []).map((pair) => {
        const colon = pair.indexOf(':');
        return { keyId: pair.slice(0, colon), key: Buffer.from(pair.slice(colon + 1), 'base64') };
      }),
    },
    http: {
      bodyLimit: vars.BODY_LIMIT,
      corsOrigins: parseCors(vars.CORS_ORIGINS),
      trustProxy: parseTrustProxy(vars.TRUST_PROXY),
      headersTimeoutMs: vars.HTTP_HEADERS_TIMEOUT_MS,
      requestTimeoutMs: vars.HTTP_REQUEST_TIMEOUT_MS,
      publicUrl: vars.PUBLIC_URL?.replace(/\/+$/, ''),
    },
    idempotencyRequired: vars.IDEMPOTENCY_REQUIRED === 'true',
    redisUrl: vars.REDIS_URL,
    rateLimits: {
      enabled: vars.RATE_LIMIT_ENABLED === 'true',
      standard: parseRateLimit(vars.RATE_LIMIT_STANDARD),
      premium: parseRateLimit(vars.RATE_LIMIT_PREMIUM),
      anonymous: parseRateLimit(vars.RATE_LIMIT_ANONYMOUS),
    },
    logLevel: vars.LOG_LEVEL,
    shutdownTimeoutMs: vars.SHUTDOWN_TIMEOUT_MS,
    agents: {
      heartbeatIntervalSeconds: vars.AGENT_HEARTBEAT_INTERVAL_SECONDS,
      pollIntervalSeconds: vars.AGENT_POLL_INTERVAL_SECONDS,
      leaseSeconds: vars.JOB_LEASE_SECONDS,
      reaperIntervalMs: vars.JOB_REAPER_INTERVAL_MS,
    },
    broker: { wrapTtlSeconds: vars.SECRET_WRAP_TTL_SECONDS, sweepIntervalMs: vars.BROKER_SWEEP_INTERVAL_MS },
    gitops: { enabled: vars.GITOPS_ENABLED === 'true', timeoutMs: vars.GITOPS_TIMEOUT_MS },
    outbound,
    workflows: {
      engineEnabled: vars.WORKFLOW_ENGINE_ENABLED === 'true',
      concurrency: vars.WORKFLOW_CONCURRENCY,
      pollIntervalMs: vars.WORKFLOW_POLL_INTERVAL_MS,
      http: {
        timeoutSeconds: vars.WORKFLOW_HTTP_TIMEOUT_SECONDS,
      },
    },
    workflowWebhook: {
      secret: vars.WORKFLOW_WEBHOOK_SECRET ? createSecretKey(Buffer.from(vars.WORKFLOW_WEBHOOK_SECRET, 'utf8')) : undefined,
      toleranceSeconds: vars.WORKFLOW_WEBHOOK_TOLERANCE_SECONDS,
    },
    audit: { checkpointSchedule: vars.AUDIT_CHECKPOINT_SCHEDULE.trim() },
    blobs,
    scanning: {
      limits: {
        maxUploadBytes: vars.SCAN_UPLOAD_MAX_BYTES,
        maxFiles: vars.SNAPSHOT_MAX_FILES,
        maxSnapshotBytes: vars.SNAPSHOT_MAX_BYTES,
        maxFileBytes: vars.SNAPSHOT_MAX_FILE_BYTES,
        maxCompressionRatio: vars.ARCHIVE_MAX_COMPRESSION_RATIO,
        maxConcurrentScans: vars.SCAN_MAX_CONCURRENT,
        maxScansPerDay: vars.SCAN_MAX_PER_DAY,
        maxSarifResults: vars.SARIF_MAX_RESULTS,
      },
      gitUploads: { ttlSeconds: vars.GIT_UPLOAD_TTL_SECONDS, pushTimeoutMs: vars.GIT_PUSH_TIMEOUT_SECONDS * 1000 },
      cloneTimeoutMs: vars.GIT_CLONE_TIMEOUT_SECONDS * 1000,
    },
    billing: { currency: vars.BILLING_CURRENCY, prices },
    build: readBuildInfo(vars.GIT_COMMIT),
  } satisfies Omit<AppConfig, 'isProduction'>);
  return config;
}
