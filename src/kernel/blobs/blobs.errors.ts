import { defineError } from '../http/app-error.js';

/** The blob store's error catalog (an unreachable bucket is the kernel's SERVICE_UNAVAILABLE). */

export const blobTooLarge = defineError(
  { status: 413, code: 'BLOB_TOO_LARGE', description: 'The content is over its size limit (error.details.limitBytes names it)' },
  (limitBytes: number, what: string = 'The content') => ({
    message: `${what} is over its limit of ${limitBytes} bytes`,
    details: { limitBytes },
  }),
);
