import { createHash } from 'node:crypto';
import { APPROVALS_PERMISSIONS } from '../approvals/approvals.permissions.js';
import { AGENTS_PERMISSIONS } from '../agents/agents.permissions.js';
import { AUDIT_PERMISSIONS } from '../audit/audit.permissions.js';
import { BILLING_PERMISSIONS } from '../billing/billing.permissions.js';
import { EVENTS_PERMISSIONS } from '../events/events.permissions.js';
import { IDENTITY_PERMISSIONS } from '../identity/identity.permissions.js';
import { INTEGRATIONS_PERMISSIONS } from '../integrations/integrations.permissions.js';
import { INVENTORY_PERMISSIONS } from '../inventory/inventory.permissions.js';
import { JOBS_PERMISSIONS } from '../jobs/jobs.permissions.js';
import { TENANCY_PERMISSIONS } from '../tenancy/tenancy.permissions.js';
import { SCANNING_PERMISSIONS } from '../scanning/scanning.permissions.js';
import { SECRETS_PERMISSIONS } from '../secrets/secrets.permissions.js';
import { WORKFLOWS_PERMISSIONS } from '../workflows/workflows.permissions.js';
import { ACCESS_PERMISSIONS } from './access.permissions.js';

/** Every context's permissions. A new context adds its `<name>.permissions.ts` here. */
const SOURCES = {
  access: ACCESS_PERMISSIONS,
  agents: AGENTS_PERMISSIONS,
  approvals: APPROVALS_PERMISSIONS,
  audit: AUDIT_PERMISSIONS,
  billing: BILLING_PERMISSIONS,
  events: EVENTS_PERMISSIONS,
  identity: IDENTITY_PERMISSIONS,
  integrations: INTEGRATIONS_PERMISSIONS,
  inventory: INVENTORY_PERMISSIONS,
  jobs: JOBS_PERMISSIONS,
  scanning: SCANNING_PERMISSIONS,
  secrets: SECRETS_PERMISSIONS,
  tenancy: TENANCY_PERMISSIONS,
  workflows: WORKFLOWS_PERMISSIONS,
} as const;

export interface PermissionDefinition {
  key: string;
  resource: string;
  action: string;
  description: string;
  context: string;
  /** Platform permissions span organizations: only platform_admin holds them. */
  platform: boolean;
}

export const PERMISSIONS: readonly PermissionDefinition[] = Object.entries(SOURCES)
  .flatMap(([context, set]) =>
    Object.entries(set).map(([key, description]) => {
      const dot = key.lastIndexOf('.');
      return { key, resource: key.slice(0, dot), action: key.slice(dot + 1), description, context, platform: key.startsWith('platform.') };
    }),
  )
  .sort((a, b) => a.key.localeCompare(b.key));

export const PERMISSION_KEYS: ReadonlySet<string> = new Set(PERMISSIONS.map((p) => p.key));

/** A strong ETag of the catalog: it changes only with a release that changes permissions. */
export const CATALOG_ETAG = `"${createHash('sha256').update(JSON.stringify(PERMISSIONS)).digest('base64url').slice(0, 27)}"`;
