import { PERMISSIONS, type PermissionDefinition } from './permission-catalog.js';

/**
 * The built-in roles: `owner` plus the ten of the MSP role model. Each is a rule over the catalog,
 * so permissions that later contexts add fall into the right roles without editing this list.
 * They are synced into the roles table at start-up and cannot be edited or deleted.
 */
export interface SystemRoleDefinition {
  key: string;
  name: string;
  description: string;
  grants: (p: PermissionDefinition) => boolean;
}

const tenant = (p: PermissionDefinition) => !p.platform;
const reads = (p: PermissionDefinition) => tenant(p) && (p.action === 'read' || p.action === 'list');
const under =
  (...resources: string[]) =>
  (p: PermissionDefinition) =>
    tenant(p) && resources.some((r) => p.resource === r || p.resource.startsWith(`${r}_`) || p.resource.startsWith(`${r}.`));
/** Resources that decide who may do what: kept to owners and MSP admins. */
const ACCESS_CONTROL = [
  'role',
  'user_role',
  'api_key',
  'invitation',
  'member',
  'authz',
  'credential',
  'approval_workflow',
  'approval_policy',
];
/** Reads kept from the broad read-only roles (viewer, automation, integrations): costs among them, which the billing role sees. */
const SENSITIVE_READS = new Set(['audit.read', 'secret.read', 'api_key.read', 'credential.read', 'billing.read']);

export const SYSTEM_ROLES: readonly SystemRoleDefinition[] = [
  { key: 'owner', name: 'Owner', description: 'Everything within the organization', grants: tenant },
  { key: 'msp_admin', name: 'MSP administrator', description: 'Full access within the organization', grants: tenant },
  {
    key: 'platform_admin',
    name: 'Platform administrator',
    description: 'Platform-wide configuration, secrets and audit across organizations',
    grants: (p) => p.platform || p.key === 'organization.read',
  },
  {
    key: 'ops_engineer',
    name: 'Operations engineer',
    description: 'Operations, telemetry and execution',
    grants: (p) =>
      reads(p) ||
      (under(
        'agent',
        'job',
        'workflow',
        'approval',
        'secret_request',
        'telemetry',
        'incident',
        'alert',
        'ticket',
        'change',
        'runbook',
        'asset',
        'deployment',
        'release',
        'promotion',
        'scan',
      )(p) &&
        !ACCESS_CONTROL.includes(p.resource)),
  },
  {
    key: 'automation_operator',
    name: 'Automation operator',
    description: 'Runs agents, jobs and workflows',
    grants: (p) => (reads(p) && !SENSITIVE_READS.has(p.key)) || under('job', 'workflow_run', 'execution')(p) || p.key === 'agent.execute',
  },
  {
    key: 'integration_admin',
    name: 'Integration administrator',
    description: 'Integrations, webhooks, plugins, accounting and notification adapters',
    grants: (p) => (reads(p) && !SENSITIVE_READS.has(p.key)) || under('integration', 'webhook', 'plugin', 'accounting', 'notification')(p),
  },
  {
    key: 'billing',
    name: 'Billing',
    description: 'Financial resources: quotes, invoices, payments, usage',
    grants: (p) => p.key === 'organization.read' || under('billing', 'invoice', 'payment', 'quote', 'usage')(p),
  },
  {
    key: 'data_admin',
    name: 'Data administrator',
    description: 'Imports, exports and broad write access to operational data',
    grants: (p) => tenant(p) && !ACCESS_CONTROL.includes(p.resource) && p.resource !== 'audit',
  },
  {
    key: 'viewer',
    name: 'Viewer',
    description: 'Read-only operational visibility',
    grants: (p) => reads(p) && !SENSITIVE_READS.has(p.key),
  },
  {
    key: 'endpoint_agent',
    name: 'Endpoint agent',
    description: 'Telemetry ingest and edge policy',
    grants: under('telemetry', 'edge_policy', 'event_ingest'),
  },
  { key: 'client_portal', name: 'Client portal', description: 'Scoped client-facing read access', grants: under('portal') },
];

export const SYSTEM_ROLE_KEYS: ReadonlySet<string> = new Set(SYSTEM_ROLES.map((r) => r.key));

export function systemRolePermissions(role: SystemRoleDefinition): string[] {
  return PERMISSIONS.filter(role.grants).map((p) => p.key);
}
