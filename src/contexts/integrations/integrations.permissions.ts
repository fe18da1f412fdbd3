import { definePermissions } from '../../kernel/auth/permission-set.js';

export const INTEGRATIONS_PERMISSIONS = definePermissions({
  'integration.read': 'See Argo CD endpoints (never their tokens), the applications they serve, and GitOps app mappings',
  'integration.edit': 'Add, enable, disable and delete Argo CD endpoints, and map secrets to Argo CD applications',
});
