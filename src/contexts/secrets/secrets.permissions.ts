import { definePermissions } from '../../kernel/auth/permission-set.js';

export const SECRETS_PERMISSIONS = definePermissions({
  'discovered_secret.read': 'See the secrets agents discovered in clusters: where they are, never their values',
  'secret_request.read': "See access requests, their approvals and their wraps' summaries (never a value)",
  'secret_request.create': 'Ask to read or patch a secret; approvers decide, and only the requester retrieves the value',
});
