import { definePermissions } from '../../kernel/auth/permission-set.js';

export const SECRETS_PERMISSIONS = definePermissions({
  'discovered_secret.read': 'See the secrets agents discovered in clusters: where they are, never their values',
});
