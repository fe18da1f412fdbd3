import { definePermissions } from '../../kernel/auth/permission-set.js';

export const WORKFLOWS_PERMISSIONS = definePermissions({
  'workflow_definition.read': 'See workflow definitions (templates), their versions and the step types',
  'workflow_definition.edit': 'Create, edit and delete workflow definitions (templates)',
});
