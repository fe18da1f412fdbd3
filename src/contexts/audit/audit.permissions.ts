import { definePermissions } from '../../kernel/auth/permission-set.js';

export const AUDIT_PERMISSIONS = definePermissions({
  'audit.read': "Read the organization's audit trail and verify its hash chain",
  'platform.audit.read': "Read every organization's audit trail",
});
