import { definePermissions } from '../../kernel/auth/permission-set.js';

export const ACCESS_PERMISSIONS = definePermissions({
  'role.read': 'See roles and the permissions each grants',
  'role.edit': 'Create custom roles, change their permissions and delete them',
  'user_role.read': 'See who holds which role, and where',
  'user_role.edit': 'Grant and revoke roles (never beyond what the granter holds)',
  'authz.check': "Check another principal's permissions",
});
