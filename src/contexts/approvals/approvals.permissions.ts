import { definePermissions } from '../../kernel/auth/permission-set.js';

export const APPROVALS_PERMISSIONS = definePermissions({
  'approval_workflow.read': 'See approval workflows',
  'approval_workflow.edit': 'Create, edit and delete approval workflows',
  'approval_policy.read': 'See approval policies',
  'approval_policy.edit': 'Create, edit and delete approval policies',
  'approval.decide': 'Approve or reject what a stage names you (or a role of yours) for; never your own requests',
});
