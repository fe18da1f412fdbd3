import { defineError } from '../../kernel/http/app-error.js';

/** The access context's error catalog. */

export const cannotGrantUnheld = defineError(
  {
    status: 403,
    code: 'FORBIDDEN',
    description: 'The caller lacks the permission, or grants permissions it does not hold (details.missing)',
  },
  (missing: string[]) => ({ message: 'You cannot grant permissions you do not hold', details: { missing } }),
);

export const systemRoleImmutable = defineError(
  { status: 422, code: 'SYSTEM_ROLE_IMMUTABLE', description: 'System roles cannot be edited or deleted' },
  () => 'System roles cannot be edited or deleted; create a custom role instead',
);

export const lastOwner = defineError(
  { status: 422, code: 'LAST_OWNER', description: 'An organization keeps at least one owner' },
  () => 'An organization keeps at least one owner; grant owner to someone else first',
);
