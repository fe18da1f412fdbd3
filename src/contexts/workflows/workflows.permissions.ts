import { definePermissions } from '../../kernel/auth/permission-set.js';

export const WORKFLOWS_PERMISSIONS = definePermissions({
  'workflow_definition.read': 'See workflow definitions (templates), their versions and the step types',
  'workflow_definition.edit': 'Create, edit and delete workflow definitions (templates)',
  'workflow_run.read': 'See workflow runs (executions), their steps, logs, artifacts and events',
  'workflow_run.execute': 'Create, start, pause, resume, cancel and retry workflow runs',
});
