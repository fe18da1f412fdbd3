import { definePermissions } from '../../kernel/auth/permission-set.js';

export const INVENTORY_PERMISSIONS = definePermissions({
  'project.read': 'See projects',
  'project.create': 'Create projects',
  'project.edit': 'Edit projects and archive or restore them',
  'project.delete': 'Delete projects that have no environments',
  'environment.read': 'See environments and their freeze windows',
  'environment.create': 'Create environments',
  'environment.edit': 'Edit environments',
  'environment.delete': 'Delete environments',
  'environment.freeze': 'Declare and remove freeze windows',
});
