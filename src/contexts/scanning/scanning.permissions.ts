import { definePermissions } from '../../kernel/auth/permission-set.js';

export const SCANNING_PERMISSIONS = definePermissions({
  'repository.read': 'See code repositories, their source trees and files, and their threat profiles',
  'repository.create': 'Add code repositories to projects',
  'repository.edit': 'Edit code repositories, upload their source and edit their threat profiles',
  'repository.delete': 'Delete code repositories with their snapshots',
  'ops.read': "See code scanning's quotas and operational state",
  'ops.cleanup': 'Remove stale scanning artifacts now',
});
