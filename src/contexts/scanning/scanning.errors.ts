import { defineError } from '../../kernel/http/app-error.js';
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
