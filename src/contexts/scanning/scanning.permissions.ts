import { definePermissions } from '../../kernel/auth/permission-set.js';

export const SCANNING_PERMISSIONS = definePermissions({
  'repository.read': 'See code repositories, their source trees and files, and their threat profiles',
  'repository.create': 'Add code repositories to projects',
  'repository.edit': 'Edit code repositories, upload their source and edit their threat profiles',
  'repository.delete': 'Delete code repositories with their snapshots',
  'scan.read': 'See scans of code repositories, their progress events and SARIF logs',
  'scan.create': 'Start scans of code repositories, or import SARIF logs as scans',
  'scan.cancel': 'Cancel queued or running scans',
  'finding.read': 'See findings of code repositories, with their rules and triage history',
  'finding.triage': 'Triage findings: open, confirm, or dismiss with a reason',
  'ops.read': "See code scanning's quotas and operational state",
  'ops.cleanup': 'Remove stale scanning artifacts now',
  'platform.limits.write': "Override any organization's code scanning quotas (platform operators)",
});
