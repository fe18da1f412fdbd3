import { definePermissions } from '../../kernel/auth/permission-set.js';

export const AUDIT_PERMISSIONS = definePermissions({
  'audit.read': "Read the organization's audit trail and its checkpoints, and verify its chain",
  'audit.checkpoint': "Sign the organization's audit chain head now (a checkpoint to keep outside Marshal)",
  'platform.audit.read': "Read every organization's audit trail",
});
