import { defineError } from '../../kernel/http/app-error.js';
import { OutboundFailed, OutboundRefused } from '../../kernel/outbound/safe-request.js';
import { ARCHIVE_REFUSAL_REASONS, type ArchiveRefusalReason } from './ingest/archive.js';

/** The scanning context's error catalog. */

export const archiveRefused = defineError(
  {
    status: 422,
    code: 'ARCHIVE_REFUSED',
    description: `The archive is refused and nothing of it is kept; error.details.reason says why (${ARCHIVE_REFUSAL_REASONS.join(', ')}) and error.details.entry names the entry, when one is at fault`,
  },
  (reason: ArchiveRefusalReason, message: string, entry?: string) => ({
    message,
    details: { reason, ...(entry !== undefined && { entry }) },
  }),
);

export const unsupportedArchiveType = defineError({
  status: 415,
  code: 'UNSUPPORTED_MEDIA_TYPE',
  description: 'The upload is not sent as application/gzip, application/x-tar, application/zip or application/octet-stream',
});

export const noSource = defineError(
  { status: 409, code: 'NO_SOURCE', description: 'The repository has no source yet: upload an archive first' },
  () => 'The repository has no source yet: upload an archive first',
);

export const notAFile = defineError(
  { status: 404, code: 'NOT_FOUND', description: 'No such repository, or no file at that path in its source' },
  (path: string) => `The source has no file at "${path}"`,
);

export const sarifInvalid = defineError(
  {
    status: 422,
    code: 'SARIF_INVALID',
    description: 'The SARIF log is not a valid SARIF 2.1.0 log; error.details.path is the JSON path at fault. Nothing of it is stored',
  },
  (path: string, message: string) => ({ message: `${path}: ${message}`, details: { path } }),
);

export const scanLimitReached = defineError(
  {
    status: 429,
    code: 'SCAN_LIMIT_REACHED',
    description:
      'A scan quota of the organization is reached; error.details.limit names it (SCAN_MAX_CONCURRENT, SCAN_MAX_PER_DAY) and its value',
  },
  (limit: string, value: number, message: string) => ({ message, details: { limit, value } }),
);

export const scanFinished = defineError(
  { status: 409, code: 'SCAN_FINISHED', description: 'The scan has already ended; there is nothing to cancel' },
  (status: string) => ({ message: `The scan already ${status}; there is nothing to cancel`, details: { status } }),
);

export const scanNotHeld = defineError(
  {
    status: 409,
    code: 'LEASE_LOST',
    description: "The scan's job is not held by this agent under this lease (it expired, ended, or was cancelled): drop it",
  },
  () => "You no longer hold this scan's job: drop it",
);

export const scanInProgress = defineError(
  {
    status: 409,
    code: 'SCAN_IN_PROGRESS',
    description: "The session's scan is still queued or running: wait for it to end (or cancel it) before analyzing again",
  },
  (scanId: string, status: string) => ({
    message: `The session's scan is still ${status}; wait for it to end before analyzing again`,
    details: { scanId, status },
  }),
);

export const cloneFailed = defineError(
  {
    status: 422,
    code: 'CLONE_FAILED',
    description:
      'git could not clone the sourceUrl and nothing is kept; error.details.reason says why: UNREACHABLE (no answer: DNS, connection, TLS), TIMEOUT (GIT_CLONE_TIMEOUT_SECONDS), TOO_LARGE (over the upload limit), FAILED (git refused: no such repository or branch, credentials needed, a redirect)',
  },
  (reason: string, message: string) => ({ message, details: { reason } }),
);

export const sourceUrlRefusedError = defineError(
  {
    status: 422,
    code: 'SOURCE_URL_REFUSED',
    description:
      "The deployment's outbound rules refuse the sourceUrl: error.details.reason is INVALID_URL, SCHEME_NOT_ALLOWED (http and https only), HOST_NOT_ALLOWED (OUTBOUND_ALLOWED_HOSTS) or PRIVATE_TARGET (OUTBOUND_ALLOW_PRIVATE)",
  },
  (reason: string, message: string) => ({ message, details: { reason } }),
);

/** What the outbound rules said of a sourceUrl before the clone: refused (the URL must change) or unreachable. */
/** (An OutboundFailed's URL passed the rules, so it holds no credentials and may be named.) */
export function sourceUrlRefused(error: unknown, url: string) {
  if (error instanceof OutboundRefused) return sourceUrlRefusedError(error.code, `${error.message}: Marshal does not clone it`);
  if (error instanceof OutboundFailed)
    return cloneFailed(error.code === 'TIMEOUT' ? 'TIMEOUT' : 'UNREACHABLE', `git could not clone ${url}: ${error.message}`);
  throw error;
}
