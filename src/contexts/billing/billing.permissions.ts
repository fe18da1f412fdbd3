import { definePermissions } from '../../kernel/auth/permission-set.js';

export const BILLING_PERMISSIONS = definePermissions({
  'billing.read': "See the organization's metered usage and what it costs",
});
