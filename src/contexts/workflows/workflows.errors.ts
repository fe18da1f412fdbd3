import { defineError } from '../../kernel/http/app-error.js';

/** The workflows context's error catalog. */

export const notACallbackStep = defineError(
  { status: 409, code: 'NOT_A_CALLBACK_STEP', description: 'The node is not a callback step: it takes no callback' },
  (nodeId: string, type: string) => `Step ${nodeId} is a ${type} step: it takes no callback`,
);

export const unknownDefinition = defineError({
  status: 422,
  code: 'UNKNOWN_DEFINITION',
  description: 'definitionId names no workflow definition of this organization',
});

export const unknownVersion = defineError(
  { status: 422, code: 'UNKNOWN_VERSION', description: 'The definition has no such version (details.currentVersion)' },
  (versionNumber: number, currentVersion: number) => ({
    message: `The definition has no version ${versionNumber} (its current one is ${currentVersion})`,
    details: { currentVersion },
  }),
);

export const notAwaitingApproval = defineError(
  { status: 422, code: 'NOT_AWAITING_APPROVAL', description: 'The step is not waiting for an approval' },
  (message: string) => message,
);
