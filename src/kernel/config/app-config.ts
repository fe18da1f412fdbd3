import { KeyObject } from 'node:crypto';
import type { S3BlobConfig } from '../blobs/s3-blob-backend.js';

export type RuntimeEnvironment = 'development' | 'production' | 'test';

export interface DatabaseConfig {
  /** Set when DATABASE_URL is given; otherwise filled in once the embedded server is up. */
  url?: string;
  /**
   * The schema owner's URL, for migrations and grants, when the application runs as a role of its
   * own (DATABASE_MIGRATION_URL, or the embedded server's superuser); unset, `url` does both.
   */
  migrationUrl?: string;
  poolSize: number;
  /** Bound on one query (statement_timeout, and client-side for a server that cannot answer). */
  queryTimeoutMs: number;
  /** Bound on opening a connection and on waiting for a free one in the pool. */
  connectTimeoutMs: number;
  /**
   * Present when Marshal runs its own PostgreSQL under DATA_DIR: its port (EMBEDDED_DB_PORT when
   * given, otherwise chosen at start and remembered under DATA_DIR), its superuser's password (the
   * schema owner) and the restricted login role the application runs as.
   */
  embedded?: { port?: number; dir: string; password: string; application: { role: string; password: string } };
}

/** Requests allowed per minute, and per second in a burst. */
export interface RateLimit {
  perMinute: number;
  burstPerSecond: number;
}

export interface AuthConfig {
  issuer: string;
  audience: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  sessionMaxAgeSeconds: number;
  /** Signs new access tokens (ES256). */
  signingKey: KeyObject;
  /** Public keys accepted for verification: the signing key's and any kept after a rotation. */
  verificationKeys: KeyObject[];
  loginThrottle: LoginThrottleConfig;
}

/** How failed logins are slowed (LoginThrottleService; the LOGIN_* variables). */
export interface LoginThrottleConfig {
  freeFailuresPerPair: number;
  freeFailuresPerAddress: number;
  freeFailuresPerAccount: number;
  delayBaseSeconds: number;
  delayMaxSeconds: number;
  memorySeconds: number;
}

/**
 * The validated, typed configuration. Built once by `loadConfig` and provided to Nest as a value,
 * so every consumer injects `AppConfig` instead of reading process.env.
 */
export class AppConfig {
  env!: RuntimeEnvironment;
  port!: number;
  host!: string;
  dataDir!: string;
  database!: DatabaseConfig;
  admin!: { email: string; password?: string; organizationName: string };
  auth!: AuthConfig;
  /** The current master key, and those retired by a rotation (still opened, never used to seal). */
  encryption!: { keyId: string; key: Buffer; previous: { keyId: string; key: Buffer }[] };
  http!: {
    bodyLimit: string;
    corsOrigins: string[] | '*' | false;
    trustProxy: boolean | number | string;
    /** How long a client has to send its headers, and its whole request (a slow client cannot stretch either). */
    headersTimeoutMs: number;
    requestTimeoutMs: number;
    /** PUBLIC_URL without a trailing slash; unset: each request's own. */
    publicUrl?: string;
  };
  idempotencyRequired!: boolean;
  redisUrl?: string;
  rateLimits!: { enabled: boolean; standard: RateLimit; premium: RateLimit; anonymous: RateLimit };
  /** The agent protocol's timing: what agents are told, and how long a claim holds a job. */
  agents!: { heartbeatIntervalSeconds: number; pollIntervalSeconds: number; leaseSeconds: number; reaperIntervalMs: number };
  /** The secret broker's timing: a wrap's life, and how often expiries are swept. */
  broker!: { wrapTtlSeconds: number; sweepIntervalMs: number };
  /** GitOps integrations (Argo CD): off unless GITOPS_ENABLED=true; the upstream call timeout. */
  gitops!: { enabled: boolean; timeoutMs: number };
  /** Where outbound calls a user can aim may go (OUTBOUND_ALLOW_PRIVATE, OUTBOUND_ALLOWED_HOSTS): see OutboundCalls. */
  outbound!: { allowPrivate: boolean; allowedHosts: string[] };
  /** The workflow engine on this replica, and its outbound steps' default timeout. */
  workflows!: {
    engineEnabled: boolean;
    concurrency: number;
    pollIntervalMs: number;
    http: { timeoutSeconds: number };
  };
  /**
   * Signed workflow callbacks: the HMAC key (a KeyObject, so that no log or dump can print it), absent
   * when WORKFLOW_WEBHOOK_SECRET is unset (the route is then off), and the timestamp tolerance.
   */
  workflowWebhook!: { secret?: KeyObject; toleranceSeconds: number };
  /** The blob store: where new blobs' bytes go, the bucket when that is S3, and its sweep. */
  blobs!: { backend: 'postgres' | 's3'; s3?: S3BlobConfig; sweepIntervalMs: number; graceSeconds: number };
  /** Code scanning's limits on uploads and snapshots (GET /ops/limits shows them). */
  scanning!: {
    limits: {
      maxUploadBytes: number;
      maxFiles: number;
      maxSnapshotBytes: number;
      maxFileBytes: number;
      maxCompressionRatio: number;
      maxConcurrentScans: number;
      maxScansPerDay: number;
      maxSarifResults: number;
    };
    /** Temporary git remotes: how long one takes pushes by default, and how long one push may take. */
    gitUploads: { ttlSeconds: number; pushTimeoutMs: number };
    /** How long one clone of a `url` repository may take. */
    cloneTimeoutMs: number;
  };
  /** Usage prices: the currency, and each meter's unit price as a decimal string (never a binary float). */
  billing!: { currency: string; prices: Record<string, string> };
  /** When audit chain heads are signed (cron, UTC). */
  audit!: { checkpointSchedule: string };
  logLevel!: string;
  shutdownTimeoutMs!: number;
  build!: { version: string; commit: string | null };

  get isProduction(): boolean {
    return this.env === 'production';
  }
}
