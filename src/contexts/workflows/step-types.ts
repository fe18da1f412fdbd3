import type { JsonSchema } from './json-schema.js';

/**
 * The step types a workflow node may have: a registry in code, not a table. Each says what it does
 * and the JSON Schema (draft 2020-12, within the subset json-schema.ts validates) of its `inputs`.
 * String inputs may reference earlier outputs as `${nodes.<id>.output.<path>}`; the definition
 * validator checks that `<id>` is a node this one depends on, directly or transitively.
 */
export interface StepType {
  type: string;
  description: string;
  inputSchema: JsonSchema & { type: 'object' };
}

const LABELS: JsonSchema = {
  type: 'object',
  description: 'Agent labels to match, Kubernetes-style (key to exact value)',
  additionalProperties: { type: 'string', maxLength: 256 },
};

export const STEP_TYPES: readonly StepType[] = [
  {
    type: 'approval',
    description:
      'Waits for a decision of an approval workflow (the approval engine of /workflows): completes on approval, fails on rejection or expiry.',
    inputSchema: {
      type: 'object',
      required: ['workflowId'],
      additionalProperties: false,
      properties: {
        workflowId: { type: 'string', format: 'uuid', description: 'The approval workflow (GET /api/v1/workflows) that decides' },
        reason: { type: 'string', maxLength: 2000, description: 'Shown to the approvers' },
      },
    },
  },
  {
    type: 'job',
    description:
      'Dispatches a job to an agent chosen by its labels (or by id) and waits for it to complete; its result is the node output.',
    inputSchema: {
      type: 'object',
      required: ['type'],
      additionalProperties: false,
      properties: {
        type: { type: 'string', minLength: 1, maxLength: 100, pattern: '^[a-z][a-z0-9_.-]*$', description: 'The job type the agent runs' },
        payload: { type: 'object', description: 'Handed to the agent as the job payload' },
        selector: LABELS,
        targetAgentId: { type: 'string', format: 'uuid', description: 'One agent, instead of a selector' },
        timeoutSeconds: { type: 'integer', minimum: 1, maximum: 86400, description: 'How long the job may run' },
      },
    },
  },
  {
    type: 'http',
    description:
      'An outbound HTTP(S) call; the response status and body are the node output. SSRF rule: loopback, link-local, private, CGNAT, ' +
      'multicast and reserved targets (127.0.0.0/8, ::1, 169.254.0.0/16, fe80::/10, 10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7, ' +
      'localhost, IPv4 carried in IPv6, …) are refused unless `allowPrivate` is true and the deployment permits private targets ' +
      '(OUTBOUND_ALLOW_PRIVATE); OUTBOUND_ALLOWED_HOSTS, when set, lists the only hosts reachable. A definition is refused ' +
      'when its URL names such a host literally; at run time the resolved addresses are checked and the call connects to the one ' +
      'checked. Redirects are not followed.',
    inputSchema: {
      type: 'object',
      required: ['url'],
      additionalProperties: false,
      properties: {
        url: { type: 'string', format: 'uri', maxLength: 2048, pattern: '^https?://', description: 'http or https' },
        method: { type: 'string', enum: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'], description: 'GET unless given' },
        headers: {
          type: 'object',
          additionalProperties: { type: 'string', maxLength: 4096 },
          description:
            'Header values may name a workspace secret as `${secrets.<key>}` (e.g. `Bearer ${secrets.API_TOKEN}`): put in for the call only, never stored or shown',
        },
        body: { description: 'Sent as JSON' },
        expectStatus: {
          type: 'array',
          items: { type: 'integer', minimum: 100, maximum: 599 },
          description: 'Statuses that count as success; any 2xx unless given',
        },
        allowPrivate: { type: 'boolean', description: 'Ask for a private target; honoured only where the deployment permits it' },
      },
    },
  },
  {
    type: 'wait',
    description: 'Waits for a duration, or until a time: exactly one of `durationSeconds` and `until`.',
    inputSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        durationSeconds: { type: 'integer', minimum: 1, maximum: 2_592_000, description: 'Up to 30 days' },
        until: { type: 'string', format: 'date-time' },
      },
      oneOf: [{ required: ['durationSeconds'] }, { required: ['until'] }],
    },
  },
  {
    type: 'condition',
    description:
      'Compares a value, usually an earlier node output (`${nodes.<id>.output.<path>}`), with another: no code is evaluated. ' +
      'The output is `{result: true|false}`; ops are eq, ne, gt, lt, in (right is an array) and exists (no right).',
    inputSchema: {
      type: 'object',
      required: ['left', 'op'],
      additionalProperties: false,
      properties: {
        left: { description: 'A value or a reference such as "${nodes.build.output.status}"' },
        op: { type: 'string', enum: ['eq', 'ne', 'gt', 'lt', 'in', 'exists'] },
        right: { description: 'What `left` is compared with; an array for `in`; absent for `exists`' },
      },
    },
  },
  {
    type: 'notify',
    description:
      'POSTs a webhook with the event name and the run so far, signed with HMAC-SHA256 (Standard Webhooks headers) when `secretRef` names a workspace secret.',
    inputSchema: {
      type: 'object',
      required: ['url', 'event'],
      additionalProperties: false,
      properties: {
        url: { type: 'string', format: 'uri', maxLength: 2048, pattern: '^https://', description: 'https only' },
        event: { type: 'string', minLength: 1, maxLength: 100, pattern: '^[a-z][a-z0-9_.-]*$' },
        secretRef: { type: 'string', minLength: 1, maxLength: 100, description: 'Key of the workspace secret that signs the delivery' },
      },
    },
  },
  {
    type: 'callback',
    description:
      'Waits for an external executor to report that the work it was handed finished: it POSTs /api/v1/webhooks/workflow-completed, ' +
      'signed, with the run id as `executionId` and this node id. The reported output is the node output; a reported failure fails it. ' +
      'Give the node a timeoutSeconds to bound the wait.',
    inputSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        note: { type: 'string', maxLength: 2000, description: 'What the external executor was asked to do, for readers of the run' },
      },
    },
  },
];

const BY_TYPE = new Map(STEP_TYPES.map((s) => [s.type, s]));

export const stepType = (type: string): StepType | undefined => BY_TYPE.get(type);
