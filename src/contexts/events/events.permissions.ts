import { definePermissions } from '../../kernel/auth/permission-set.js';

export const EVENTS_PERMISSIONS = definePermissions({
  'event.read': "Read and stream the organization's domain events",
  'event.retry': 'Retry failed outbox deliveries',
});
