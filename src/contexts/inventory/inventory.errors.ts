import { defineError } from '../../kernel/http/app-error.js';

/** The inventory context's error catalog. */

export const unknownEnvironment = defineError({
  status: 422,
  code: 'UNKNOWN_ENVIRONMENT',
  description: 'environmentId names no environment of this organization',
});
