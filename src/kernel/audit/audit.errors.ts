import { defineError } from '../http/app-error.js';

/** The audit trail's error catalog. */

export const auditChainInvalid = defineError(
  {
    status: 409,
    code: 'AUDIT_CHAIN_INVALID',
    description: 'The trail does not verify (details name the event and the failure): Marshal signs no checkpoint of it',
  },
  (message: string, details: Record<string, unknown>) => ({ message, details }),
);

const checkpointRefusal = (code: string, description: string) =>
  defineError({ status: 400, code, description }, (message: string) => message);

export const checkpointMalformed = checkpointRefusal('CHECKPOINT_MALFORMED', 'checkpoint is not a token this API issued');
export const checkpointKeyUnknown = checkpointRefusal(
  'CHECKPOINT_KEY_UNKNOWN',
  'The checkpoint was signed under a key this server does not hold',
);
export const checkpointSignatureInvalid = checkpointRefusal('CHECKPOINT_SIGNATURE_INVALID', 'The checkpoint signature does not verify');
export const checkpointOtherOrganization = checkpointRefusal('CHECKPOINT_OTHER_ORGANIZATION', 'The checkpoint is of another organization');

/** Why a checkpoint an auditor sends back is refused (400). */
export const CHECKPOINT_REFUSAL_ERRORS = [
  checkpointMalformed,
  checkpointKeyUnknown,
  checkpointSignatureInvalid,
  checkpointOtherOrganization,
];
