import { definePermissions } from '../../kernel/auth/permission-set.js';

export const IDENTITY_PERMISSIONS = definePermissions({
  'api_key.read': "See the organization's API keys (never their secrets)",
  'api_key.create': 'Mint API keys limited to permissions the creator holds',
  'api_key.revoke': 'Disable and revoke API keys',
});
