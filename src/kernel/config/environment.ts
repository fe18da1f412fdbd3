import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import { IsOmittable } from '../http/validators.js';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value);
/** Host names, comma-separated; a leading `*.` matches subdomains. */
const HOST_LIST = /^\s*((\*\.)?[A-Za-z0-9.-]+\s*(,\s*(\*\.)?[A-Za-z0-9.-]+\s*)*)?$/;
const toTrimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/**
 * Every environment variable Marshal reads, with its rule. `loadConfig` validates the process
 * environment against this class before anything starts; the README's table mirrors it.
 * Variables holding secrets are listed in SECRET_VARIABLES so that errors never echo them.
 */
/** The default upload limit, which the document states as the archive body's maxLength. */
export const DEFAULT_SCAN_UPLOAD_MAX_BYTES = 100 * 1024 * 1024;

export class EnvironmentVariables {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  /** Where embedded PostgreSQL and development keys live. */
  @IsString()
  @MinLength(1)
  DATA_DIR = '.data';

  @IsOmittable()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  /**
   * The role that owns the schema, for migrations (and the grants that follow them), beside a
   * DATABASE_URL whose role then only reads and writes rows: it cannot alter the audit tables nor
   * disable their triggers. Unset: DATABASE_URL's role does both (and owns the tables).
   */
  @IsOmittable()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_MIGRATION_URL must be a postgres:// or postgresql:// URL' })
  DATABASE_MIGRATION_URL?: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  /**
   * How long one query may take, and how long a request waits for its answer: the server cancels it
   * then (statement_timeout), and the client gives up a second later if the server cannot (frozen).
   */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(600_000)
  DATABASE_QUERY_TIMEOUT_MS = 5_000;

  /** How long opening a database connection, or waiting for a free one in the pool, may take. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(120_000)
  DATABASE_CONNECT_TIMEOUT_MS = 3_000;

  /** Port of the embedded PostgreSQL started when DATABASE_URL is not set; unset: remembered under DATA_DIR, or picked (see chooseEmbeddedPort). */
  @IsOmittable()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  EMBEDDED_DB_PORT?: number;

  @Transform(toTrimmed)
  @IsEmail({ require_tld: false })
  ADMIN_EMAIL = 'admin@marshal.local';

  @IsOmittable()
  @IsString()
  @MinLength(12, { message: 'ADMIN_PASSWORD must be at least 12 characters' })
  ADMIN_PASSWORD?: string;

  @IsString()
  @MinLength(1)
  ADMIN_ORGANIZATION = 'Default';

  /** PEM (or base64 of a PEM) of the EC P-256 key that signs access tokens (ES256). */
  @IsOmittable()
  @IsString()
  JWT_PRIVATE_KEY?: string;

  /** Extra PEM public keys, separated by blank lines, still accepted after a key rotation. */
  @IsOmittable()
  @IsString()
  JWT_PREVIOUS_PUBLIC_KEYS?: string;

  @IsString()
  @MinLength(1)
  JWT_ISSUER = 'marshal';

  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(86_400)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  @Transform(toInt)
  @IsInt()
  @Min(300)
  @Max(31_536_000)
  REFRESH_TOKEN_TTL_SECONDS = 1_209_600;

  @Transform(toInt)
  @IsInt()
  @Min(300)
  @Max(31_536_000)
  SESSION_MAX_AGE_SECONDS = 2_592_000;

  /** Base64 of 32 random bytes: the master key that wraps data keys at rest. */
  @IsOmittable()
  @IsString()
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'ENCRYPTION_KEY must be the base64 of exactly 32 bytes' })
  ENCRYPTION_KEY?: string;

  @IsOmittable()
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{1,64}$/)
  ENCRYPTION_KEY_ID?: string;

  /**
   * Master keys retired by a rotation, still needed to open what they wrapped until the re-wrap job
   * has moved it to the current key: `id:base64,id:base64`.
   */
  @IsOmittable()
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{1,64}:[A-Za-z0-9+/]{43}=(,[A-Za-z0-9._-]{1,64}:[A-Za-z0-9+/]{43}=)*$/, {
    message: 'ENCRYPTION_PREVIOUS_KEYS must look like old-1:<base64 of 32 bytes>,old-2:<…>',
  })
  ENCRYPTION_PREVIOUS_KEYS?: string;

  /**
   * Failed logins are slowed, never locked (LoginThrottleService): each failure past a free
   * allowance delays the next attempt by LOGIN_DELAY_BASE_SECONDS, doubling up to
   * LOGIN_DELAY_MAX_SECONDS. Free failures of one account from one address:
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(1000)
  LOGIN_FREE_FAILURES_PER_PAIR = 5;

  /** Free failures from one address, whatever the accounts, before that address is slowed for every account. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(100_000)
  LOGIN_FREE_FAILURES_PER_ADDRESS = 20;

  /**
   * Failures of one account, from all addresses together, past which no address gets free failures
   * against it (each is slowed from its first failure). An address that has not failed is never slowed by it.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  LOGIN_FREE_FAILURES_PER_ACCOUNT = 20;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  LOGIN_DELAY_BASE_SECONDS = 1;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86_400)
  LOGIN_DELAY_MAX_SECONDS = 300;

  /** How long a counter remembers failures after the last one; must exceed LOGIN_DELAY_MAX_SECONDS. */
  @Transform(toInt)
  @IsInt()
  @Min(2)
  @Max(2_592_000)
  LOGIN_FAILURE_MEMORY_SECONDS = 3600;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /**
   * The URL clients reach Marshal at (`https://marshal.example.com`), for the URLs it answers (a git
   * remote's). Unset: taken from each request (its protocol and Host, as TRUST_PROXY lets them be seen).
   */
  @IsOmittable()
  @Matches(/^https?:\/\/[^\s/?#@]+(\/[^\s?#]*)?$/, { message: 'PUBLIC_URL must be an http(s) URL without credentials, query or fragment' })
  PUBLIC_URL?: string;

  /** Comma-separated allowed origins, or `*`. Empty: no cross-origin access. */
  @IsString()
  CORS_ORIGINS = '';

  @Matches(/^\d+(b|kb|mb)$/i, { message: 'BODY_LIMIT must look like 512kb or 1mb' })
  BODY_LIMIT = '1mb';

  /** Express "trust proxy": false, true, a hop count, or a comma-separated list of subnets. */
  @IsString()
  TRUST_PROXY = 'loopback';

  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(300_000)
  SHUTDOWN_TIMEOUT_MS = 10_000;

  /** How long a client has to send a request's headers, from its first byte. */
  @Transform(toInt)
  @IsInt()
  @Min(1_000)
  @Max(600_000)
  HTTP_HEADERS_TIMEOUT_MS = 10_000;

  /** How long a client has to send a whole request, headers and body; a response may then take as long as it needs. */
  @Transform(toInt)
  @IsInt()
  @Min(1_000)
  @Max(3_600_000)
  HTTP_REQUEST_TIMEOUT_MS = 30_000;

  /** When true, every authenticated POST/PUT/PATCH/DELETE must carry an Idempotency-Key. */
  @IsIn(['true', 'false'])
  IDEMPOTENCY_REQUIRED = 'false';

  /** Redis for rate-limit counters shared by replicas; in-process counters when unset. */
  @IsOmittable()
  @Matches(/^rediss?:\/\/\S+$/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  /** Where blobs' bytes go (snapshots, SARIF logs, artifacts): PostgreSQL (every replica sees them), or an S3 bucket. */
  @IsIn(['postgres', 's3'])
  BLOB_STORE: 'postgres' | 's3' = 'postgres';

  /** An S3-compatible endpoint (MinIO, Ceph); AWS's own when unset. */
  @IsOmittable()
  @Matches(/^https?:\/\/\S+$/, { message: 'S3_ENDPOINT must be an http:// or https:// URL' })
  S3_ENDPOINT?: string;

  @IsString()
  S3_REGION = 'us-east-1';

  /** Required with BLOB_STORE=s3. */
  @IsOmittable()
  @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, {
    message: 'S3_BUCKET must be a bucket name (3 to 63 lower-case letters, digits, dots, hyphens)',
  })
  S3_BUCKET?: string;

  /** With S3_SECRET_ACCESS_KEY; both unset, the SDK's default chain (environment, instance role). */
  @IsOmittable()
  @IsString()
  S3_ACCESS_KEY_ID?: string;

  @IsOmittable()
  @IsString()
  S3_SECRET_ACCESS_KEY?: string;

  /** Path-style URLs (`endpoint/bucket/key`), as most S3-compatible servers want: true by default when S3_ENDPOINT is set. */
  @IsOmittable()
  @IsIn(['true', 'false'])
  S3_FORCE_PATH_STYLE?: 'true' | 'false';

  /** Bound on connecting to the bucket and on each request: a bucket that does not answer is a fast 503. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(300_000)
  S3_TIMEOUT_MS = 10_000;

  /** How often unreferenced blobs and orphaned bytes are removed. */
  @Transform(toInt)
  @IsInt()
  @Min(1_000)
  BLOB_SWEEP_INTERVAL_MS = 300_000;

  /**
   * How long a blob nothing references is kept after its last put (the time a caller has between
   * storing content and recording its use), and how long a write may take.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(604_800)
  BLOB_GRACE_SECONDS = 3_600;

  /** The largest source archive a repository upload may send (413 above). */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  SCAN_UPLOAD_MAX_BYTES = DEFAULT_SCAN_UPLOAD_MAX_BYTES;

  /** Files and links in one snapshot (422 ARCHIVE_REFUSED, TOO_MANY_ENTRIES, above). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  SNAPSHOT_MAX_FILES = 20_000;

  /** A snapshot's bytes, unpacked (UNPACKED_TOO_LARGE above). */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  SNAPSHOT_MAX_BYTES = 512 * 1024 * 1024;

  /** One file of a snapshot (413 BLOB_TOO_LARGE above). */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  SNAPSHOT_MAX_FILE_BYTES = 32 * 1024 * 1024;

  /** Unpacked bytes may reach this many times an archive's size (past 16 MiB); more is refused as a bomb (COMPRESSION_RATIO). */
  @Transform(toInt)
  @IsInt()
  @Min(2)
  ARCHIVE_MAX_COMPRESSION_RATIO = 100;

  /** Scans of one organization queued or running at once; one more is 429 SCAN_LIMIT_REACHED. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10_000)
  SCAN_MAX_CONCURRENT = 10;

  /** Scans one organization may start in 24 hours; one more is 429 SCAN_LIMIT_REACHED. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  SCAN_MAX_PER_DAY = 500;

  /** How long a temporary git remote (POST /git-uploads) takes pushes, unless its creation asks for less. */
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(7 * 24 * 3600)
  GIT_UPLOAD_TTL_SECONDS = 3600;

  /** How long one `git push` to a temporary remote may take, reading the pack and making it a snapshot. */
  @Transform(toInt)
  @IsInt()
  @Min(5)
  @Max(3600)
  GIT_PUSH_TIMEOUT_SECONDS = 300;

  /** How long cloning a `url` repository may take, resolving, fetching and reading it into a snapshot. */
  @Transform(toInt)
  @IsInt()
  @Min(5)
  @Max(3600)
  GIT_CLONE_TIMEOUT_SECONDS = 120;

  /** Results one SARIF log may hold; more is 422 SARIF_INVALID. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  SARIF_MAX_RESULTS = 100_000;

  /**
   * Unit prices of the usage meters, a JSON object of meter to price in BILLING_CURRENCY: decimal strings
   * (or plain decimal numbers), at most 12 digits after the point. A meter not listed costs nothing.
   */
  @IsOmittable()
  @IsString()
  BILLING_PRICES?: string;

  /** The currency of BILLING_PRICES and of GET /billing/summary (ISO 4217). */
  @Matches(/^[A-Z]{3}$/, { message: 'must be an ISO 4217 currency code such as USD' })
  BILLING_CURRENCY = 'USD';

  @IsIn(['true', 'false'])
  RATE_LIMIT_ENABLED = 'true';

  /** `<requests per minute>,<burst per second>` for organizations on the standard tier. */
  @Matches(/^\d+,\d+$/, { message: 'must look like 1000,100 (per minute, burst per second)' })
  RATE_LIMIT_STANDARD = '1000,100';

  @Matches(/^\d+,\d+$/, { message: 'must look like 5000,500 (per minute, burst per second)' })
  RATE_LIMIT_PREMIUM = '5000,500';

  /** Per client address, for unauthenticated routes (login, refresh, invitation acceptance). */
  @Matches(/^\d+,\d+$/, { message: 'must look like 300,30 (per minute, burst per second)' })
  RATE_LIMIT_ANONYMOUS = '300,30';

  /** How often agents are told to heartbeat; an agent is stale after 3 missed beats, offline after 10. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(300)
  AGENT_HEARTBEAT_INTERVAL_SECONDS = 10;

  /** How long an idle agent is told to wait between claims when it does not long-poll. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(300)
  AGENT_POLL_INTERVAL_SECONDS = 5;

  /** How long a claim holds a job without a heartbeat; heartbeats renew it up to the job's timeout. */
  @Transform(toInt)
  @IsInt()
  @Min(2)
  @Max(3600)
  JOB_LEASE_SECONDS = 30;

  /** How often each replica looks for expired leases. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60_000)
  JOB_REAPER_INTERVAL_MS = 1000;

  /** How long a released secret value waits for its single retrieval before it is shredded. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86_400)
  SECRET_WRAP_TTL_SECONDS = 900;

  /** How often each replica expires undecided requests and shreds unread wraps past their time. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(600_000)
  BROKER_SWEEP_INTERVAL_MS = 15_000;
  /** GitOps (Argo CD endpoints and app mappings): when not true, their routes answer 404 as if absent. */
  @IsIn(['true', 'false'])
  GITOPS_ENABLED = 'false';

  /** How long a call to an Argo CD API may take before it counts as unavailable. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60_000)
  GITOPS_TIMEOUT_MS = 10_000;

  /** Whether this replica advances workflow runs (false: it serves the API only; another replica must run the engine). */
  @IsIn(['true', 'false'])
  WORKFLOW_ENGINE_ENABLED = 'true';

  /** How many steps one replica works on at once (outbound calls hold a slot while they wait). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(256)
  WORKFLOW_CONCURRENCY = 8;

  /** How often each replica looks for steps whose time has come (timers, retries, deadlines); changes wake it at once. */
  @Transform(toInt)
  @IsInt()
  @Min(50)
  @Max(60_000)
  WORKFLOW_POLL_INTERVAL_MS = 1000;

  /**
   * Whether outbound calls a user can aim (workflow `http` steps that ask with allowPrivate, `notify`
   * steps, Argo CD endpoints, and every later integration) may reach loopback, link-local and private
   * addresses. WORKFLOW_HTTP_ALLOW_PRIVATE is its old name, still read when this one is unset.
   */
  @IsOmittable()
  @IsIn(['true', 'false'])
  OUTBOUND_ALLOW_PRIVATE?: 'true' | 'false';

  /** The old name of OUTBOUND_ALLOW_PRIVATE. */
  @IsOmittable()
  @IsIn(['true', 'false'])
  WORKFLOW_HTTP_ALLOW_PRIVATE?: 'true' | 'false';

  /** The only hosts outbound calls may reach, comma-separated (`api.example.com`, `*.example.com`); unset: any public host. */
  @IsOmittable()
  @Matches(HOST_LIST, { message: 'OUTBOUND_ALLOWED_HOSTS must be host names, comma-separated (a leading *. matches subdomains)' })
  OUTBOUND_ALLOWED_HOSTS?: string;

  /** The old name of OUTBOUND_ALLOWED_HOSTS. */
  @IsOmittable()
  @Matches(HOST_LIST, { message: 'WORKFLOW_HTTP_ALLOWED_HOSTS must be host names, comma-separated (a leading *. matches subdomains)' })
  WORKFLOW_HTTP_ALLOWED_HOSTS?: string;

  /** How long an `http` or `notify` step's call may take when its node sets no timeout. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  WORKFLOW_HTTP_TIMEOUT_SECONDS = 30;

  /**
   * The HMAC key external executors sign workflow callbacks with (POST /webhooks/workflow-completed).
   * Unset: that route answers 404 as if absent, since an unsigned callback must never move a run.
   */
  @IsOmittable()
  @IsString()
  @MinLength(32, { message: 'WORKFLOW_WEBHOOK_SECRET must be at least 32 characters' })
  WORKFLOW_WEBHOOK_SECRET?: string;

  /** How far a workflow callback's signed timestamp may be from this server's clock, either way. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  WORKFLOW_WEBHOOK_TOLERANCE_SECONDS = 300;

  /** When every organization's audit chain head is signed (a 5-field cron expression, UTC); also once at start-up. */
  @Matches(/^\s*[0-9*/,-]+(\s+[0-9*/,-]+){4}\s*$/, {
    message: 'AUDIT_CHECKPOINT_SCHEDULE must be a 5-field cron expression, e.g. "0 * * * *" (hourly)',
  })
  AUDIT_CHECKPOINT_SCHEDULE = '0 * * * *';

  /** The commit reported by /.well-known/engine-status; read from git when unset. */
  @IsOmittable()
  @IsString()
  @Matches(/^[0-9a-f]{7,40}$/)
  GIT_COMMIT?: string;
}

export const SECRET_VARIABLES = new Set<keyof EnvironmentVariables>([
  'DATABASE_URL',
  'DATABASE_MIGRATION_URL',
  'ADMIN_PASSWORD',
  'JWT_PRIVATE_KEY',
  'ENCRYPTION_KEY',
  'ENCRYPTION_PREVIOUS_KEYS',
  'REDIS_URL',
  'WORKFLOW_WEBHOOK_SECRET',
  'S3_SECRET_ACCESS_KEY',
]);

/**
 * Variables Marshal no longer reads, refused at boot with what to set instead: keeping a value whose
 * effect silently changed would mislead whoever set it.
 */
export const RETIRED_VARIABLES: Record<string, string> = {
  LOGIN_MAX_FAILURES_PER_ACCOUNT:
    'is no longer read: a per-account lockout let anyone who knows an e-mail address keep its owner out. ' +
    'Failed logins now slow the (account, address) pair and the address with growing delays: set LOGIN_FREE_FAILURES_PER_PAIR ' +
    '(and LOGIN_FREE_FAILURES_PER_ACCOUNT) instead, or unset it',
  LOGIN_MAX_FAILURES_PER_IP:
    'is no longer read: it counted failures before a lockout, and there is no lockout any more. ' +
    'Set LOGIN_FREE_FAILURES_PER_ADDRESS (failures from one address before it is slowed) instead, or unset it',
  LOGIN_LOCKOUT_SECONDS:
    'is no longer read: there is no lockout any more. Set LOGIN_DELAY_MAX_SECONDS (the longest delay between attempts) and ' +
    'LOGIN_FAILURE_MEMORY_SECONDS (how long failures are remembered) instead, or unset it',
};
