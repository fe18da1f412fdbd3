import { definePermissions } from '../../kernel/auth/permission-set.js';

export const JOBS_PERMISSIONS = definePermissions({
  'job.read': 'See jobs, their lifecycle, usage and event streams',
  'job.submit': 'Submit jobs for agents to run',
  'job.cancel': 'Cancel queued or running jobs',
  'job.retry': 'Put failed or expired jobs back in the queue',
});
