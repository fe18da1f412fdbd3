import { randomBytes, randomUUID } from 'node:crypto';
import { expectMatchesContract, spec } from '../support/contract.js';
import { addMember, otherOrganization, roleIdByKey, uniqueEmail, type Member } from '../support/fixtures.js';
import type { Method } from '../support/http.js';
import { ADMIN } from '../support/server.js';
import { useServer } from '../support/use-server.js';

/**
 * The spec-driven security suite. For every operation in openapi/openapi.json:
 *   (a) no credentials → 401, unless the operation is public;
 *   (b) a principal without the operation's x-permission → 403;
 *   (c) a resource of another organization → 404;
 *   (d) a successful call answers a body that matches the documented schema.
 * Requests, fixtures and bodies are derived from the document, so a new operation is covered with
 * no new test code. An operation opts out of a check only here, with the reason.
 */
const SELF = "the path names the calling agent: another agent's id, of any organization, is 403 (test/agents/agents.e2e-spec.ts)";

const OPT_OUT: Record<string, Partial<Record<'c' | 'd', string>>> = {
  acceptInvitation: {
    c: 'public: found by its id and proven by its token, in whatever organization it belongs to',
    d: 'needs the accept token of a fresh invitation: test/tenancy/invitations.e2e-spec.ts',
  },
  setWorkspaceSecret: {
    c: "the key names a secret within the caller's own organization: there is no other organization's resource to address",
  },
  setPlatformSecret: { c: 'platform secrets belong to no organization' },
  listPlatformAuditLogs: { c: 'platform-wide by design (platform.audit.read)' },
  registerAgent: { d: 'needs an enrollment token: test/agents/agents.e2e-spec.ts' },
  // A repository's source is an archive upload: the tree, the files and the upload itself are in test/scanning/repositories.e2e-spec.ts.
  uploadRepositorySource: { d: 'the body is an archive, not JSON: test/scanning/repositories.e2e-spec.ts' },
  listRepositorySourceTree: { d: 'needs an uploaded source (409 NO_SOURCE before): test/scanning/repositories.e2e-spec.ts' },
  getRepositorySourceFile: { d: 'needs an uploaded source (409 NO_SOURCE before): test/scanning/repositories.e2e-spec.ts' },
  // Scans need a repository with source, and findings a scan: test/scanning/scans.e2e-spec.ts makes them and checks each answer.
  createRepositoryScan: { d: 'needs an uploaded source (409 NO_SOURCE before): test/scanning/scans.e2e-spec.ts' },
  createGitUpload: { d: 'needs a repository of sourceType git-upload: test/scanning/git-uploads.e2e-spec.ts' },
  getGitUpload: {
    c: "needs a remote of a git-upload repository: test/scanning/git-uploads.e2e-spec.ts reads another organization's",
    d: 'needs a remote of a git-upload repository: test/scanning/git-uploads.e2e-spec.ts',
  },
  deleteGitUpload: {
    c: "needs a remote of a git-upload repository: test/scanning/git-uploads.e2e-spec.ts deletes another organization's",
    d: 'needs a remote of a git-upload repository: test/scanning/git-uploads.e2e-spec.ts',
  },
  getRepositoryScan: { d: 'needs a scan: test/scanning/scans.e2e-spec.ts' },
  cancelRepositoryScan: { d: 'needs a scan: test/scanning/scans.e2e-spec.ts' },
  listRepositoryScanEvents: { d: 'needs a scan: test/scanning/scans.e2e-spec.ts' },
  getRepositoryFinding: { d: 'needs a finding: test/scanning/scans.e2e-spec.ts' },
  triageRepositoryFinding: { d: 'needs a finding: test/scanning/scans.e2e-spec.ts' },
  getAgentScanSource: { c: SELF, d: 'needs a held scan job: test/scanning/scans.e2e-spec.ts' },
  reportAgentScanProgress: { c: SELF, d: 'needs a held scan job: test/scanning/scans.e2e-spec.ts' },
  uploadAgentScanSarif: { c: SELF, d: 'needs a held scan job: test/scanning/scans.e2e-spec.ts' },
  // A legacy session is made from an archive upload; each route, another organization's session included: test/scanning/sessions.e2e-spec.ts.
  createSession: { d: 'the body is an archive, not JSON: test/scanning/sessions.e2e-spec.ts' },
  getSession: { d: 'needs a session, made from an archive: test/scanning/sessions.e2e-spec.ts' },
  analyzeSession: { d: 'needs a session, made from an archive: test/scanning/sessions.e2e-spec.ts' },
  listSessionEvents: { d: 'needs a session, made from an archive: test/scanning/sessions.e2e-spec.ts' },
  // The agent protocol: the path names the calling agent, and naming another (of any organization) is 403.
  heartbeat: { c: SELF },
  claimJobs: { c: SELF },
  setAgentPublicKey: { c: SELF },
  streamAgentTasks: { c: SELF, d: 'a WebSocket handshake: test/jobs/task-stream.e2e-spec.ts' },
  completeJob: { c: SELF, d: 'needs a held lease: test/jobs/jobs.e2e-spec.ts' },
  completeJobs: { c: SELF },
  reportJobProgress: { c: SELF, d: 'needs a held lease: test/jobs/jobs.e2e-spec.ts' },
  streamEvents: { d: 'an endless event stream: test/events/events.e2e-spec.ts reads it' },
  streamJobEvents: { d: 'an event stream that ends with its job: test/events/events.e2e-spec.ts reads it' },
  streamEventsOverWebSocket: { d: 'a WebSocket handshake: test/events/events.e2e-spec.ts' },
  streamDashboard: { d: 'a WebSocket handshake: test/events/events.e2e-spec.ts' },
  retryJobFailure: { d: 'needs a failed job: test/jobs/jobs.e2e-spec.ts' },
  reportDiscoveredSecrets: { c: SELF },
  getDiscoveredSecret: {
    c: "discovered secrets are made by agents only: test/secrets/discovered-secrets.e2e-spec.ts reads another organization's",
    d: 'discovered secrets are made by agents only: test/secrets/discovered-secrets.e2e-spec.ts',
  },
  // The broker: data keys and values belong to a secret job the agent holds, approvals need a second person.
  issueDataKey: { c: SELF, d: 'needs a held secret.read job: test/secrets/access-requests.e2e-spec.ts' },
  postWrap: { c: SELF, d: 'needs a held secret.read job and a data key: test/secrets/access-requests.e2e-spec.ts' },
  retrieveAgentWrap: { c: SELF, d: 'needs a held secret.patch job: test/secrets/access-requests.e2e-spec.ts' },
  approveSecretRequest: { d: 'the owner made the request, and nobody approves their own: test/secrets/access-requests.e2e-spec.ts' },
  rejectSecretRequest: { d: 'the owner made the request, and nobody rejects their own: test/secrets/access-requests.e2e-spec.ts' },
  retrieveRequestWrap: {
    c: "another organization's request is 404 before its wraps are looked at: test/secrets/access-requests.e2e-spec.ts",
    d: 'needs a value an agent posted: test/secrets/access-requests.e2e-spec.ts',
  },
  retryOutboxFailure: {
    c: 'no outbox delivery can fail until webhook subscriptions exist: every id is 404',
    d: 'no failed delivery exists to retry yet',
  },
  observeRequestGitops: { d: 'needs a completed patch and a stand-in Argo CD: test/integrations/gitops.e2e-spec.ts' },
  discoverArgocdApplications: { d: 'asks a live Argo CD API: test/integrations/gitops.e2e-spec.ts runs it against a stand-in' },
  // Workflow runs: the suite's run is running (its fixture starts it); the other states are made in test/workflows/runs.e2e-spec.ts.
  startWorkflowRun: { d: 'needs a pending run: test/workflows/runs.e2e-spec.ts' },
  resumeWorkflowRun: { d: 'needs a paused run: test/workflows/runs.e2e-spec.ts' },
  retryWorkflowRun: { d: 'needs a failed run: test/workflows/runs.e2e-spec.ts' },
  retryWorkflowExecution: { d: 'needs a failed run: test/workflows/runs.e2e-spec.ts' },
  approveWorkflowRunStep: { d: 'needs an approval step waiting on a second person: test/workflows/runs.e2e-spec.ts' },
  rejectWorkflowRunStep: { d: 'needs an approval step waiting on a second person: test/workflows/runs.e2e-spec.ts' },
  streamWorkflowRunEvents: { d: 'an event stream that ends with its run: test/workflows/runs.e2e-spec.ts reads it' },
  streamWorkflowRun: { d: 'a WebSocket handshake: test/workflows/runs.e2e-spec.ts' },
  // Public to principals, authenticated by a signature: (a) holds (no signature is 401), (b) and (c) do not apply.
  reportWorkflowCallback: {
    d: 'signed with WORKFLOW_WEBHOOK_SECRET over the raw body, for a run the engine knows: test/integrations/workflow-callbacks.e2e-spec.ts',
  },
};

type Schema = {
  $ref?: string;
  pattern?: string;
  type?: string;
  format?: string;
  example?: unknown;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minItems?: number;
  minimum?: number;
  allOf?: Schema[];
  additionalProperties?: boolean | Schema;
};
type Operation = {
  operationId: string;
  security: Record<string, unknown>[];
  parameters?: { name: string; in: string; required?: boolean; schema?: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, unknown>;
  'x-permission'?: string;
};
const schemas = (spec as unknown as { components: { schemas: Record<string, Schema> } }).components.schemas;
const resolve = (s: Schema): Schema => (s.$ref ? resolve(schemas[s.$ref.split('/').pop()!]) : s);

const operations = Object.entries(spec.paths).flatMap(([path, item]) =>
  Object.entries(item as Record<string, Operation>).map(([method, op]) => ({ method: method.toUpperCase() as Method, path, op })),
);

/** A valid value for a schema: its example, else one built from its type; unique where uniqueness bites. */
function sample(schema: Schema, name = ''): unknown {
  const s = resolve(schema);
  if (s.allOf) return Object.assign({}, ...s.allOf.map((part) => sample(part, name)));
  if (s.type === 'object' || s.properties) {
    if (!s.properties) return s.example ?? {};
    return Object.fromEntries((s.required ?? []).map((key) => [key, sample(s.properties![key], key)]));
  }
  if (s.type === 'array') return s.example ?? Array.from({ length: s.minItems ?? 0 }, () => sample(s.items!, name));
  if (s.format === 'email') return uniqueEmail('suite');
  if (s.format === 'password') return `suite-${randomBytes(12).toString('base64url')}`;
  if (s.format === 'date-time') return new Date(Date.now() + 86_400_000).toISOString();
  if (s.enum) return s.enum[0];
  if (s.example !== undefined && name === 'name' && typeof s.example === 'string') {
    // Names are unique: vary the example, the way its pattern allows.
    const spaced = `${s.example} ${randomBytes(3).toString('hex')}`;
    return !s.pattern || new RegExp(s.pattern).test(spaced) ? spaced : `${s.example}-${randomBytes(3).toString('hex')}`;
  }
  if (s.example !== undefined) return s.example;
  if (s.type === 'integer' || s.type === 'number') return s.minimum ?? 1;
  if (s.type === 'boolean') return true;
  return `suite-${randomBytes(3).toString('hex')}`;
}

const bodyOf = (op: Operation) => {
  const schema = op.requestBody?.content['application/json']?.schema;
  return schema ? sample(schema) : undefined;
};

/** The id of what a create operation returned: `data.id`, or the id of its first object (`data.apiKey.id`). */
function createdId(data: Record<string, unknown>): string {
  if (typeof data.id === 'string') return data.id;
  const inner = Object.values(data).find((v): v is { id: string } => typeof (v as { id?: unknown })?.id === 'string');
  if (!inner) throw new Error(`no id in ${JSON.stringify(data)}`);
  return inner.id;
}

interface Tenant {
  organizationId: string;
  ownerId: string;
  ownerToken: string;
}

/**
 * Bodies the document cannot derive: references to other resources of the same tenant. An access
 * request needs a secret an agent discovered, and a policy to decide it.
 */
const FIXTURES: Record<string, (tenant: Tenant) => Promise<Record<string, unknown>>> = {
  '/api/v1/workflow-templates': () => Promise.resolve(workflowDefinition()),
  // A job the agent never held: answered 200, that item NOT_FOUND (held leases: test/jobs/jobs.e2e-spec.ts).
  '/api/v1/agents/{id}/jobs/complete': () =>
    Promise.resolve({ completions: [{ jobId: '01960000-0000-7000-8000-0000000000fd', leaseId: randomUUID(), status: 'succeeded' }] }),
  '/api/v1/workflow-definitions': () => Promise.resolve(workflowDefinition()),
  '/api/v1/workflow-runs': async (tenant) => ({ definitionId: await created('/api/v1/workflow-templates', tenant) }),
  '/api/v1/workflows': (tenant) =>
    Promise.resolve({
      name: `suite-${randomBytes(3).toString('hex')}`,
      stages: [{ name: 'Owner', requiredApprovals: 1, roleIds: [], userIds: [tenant.ownerId] }],
    }),
  '/api/v1/policies': async (tenant) => ({
    name: `suite-${randomBytes(3).toString('hex')}`,
    workflowId: await created('/api/v1/workflows', tenant),
    refPattern: 'suite-*',
  }),
  '/api/v1/requests': async (tenant) => ({ secretId: await discoveredSecret(tenant), reason: 'the suite asks', value: 'suite-value' }),
  '/api/v1/requests/read': async (tenant) => ({ secretId: await discoveredSecret(tenant), reason: 'the suite asks' }),
  // An app mapping names an Argo CD endpoint of the same tenant.
  '/api/v1/gitops-app-mappings': async (tenant) => ({
    ...(bodyOf(postOf('/api/v1/gitops-app-mappings')) as object),
    endpointId: await created('/api/v1/argocd-endpoints', tenant),
  }),
};

/** A valid graph: an approval-free one, so it names no other resource. */
const workflowDefinition = () => ({
  name: `suite-${randomBytes(3).toString('hex')}`,
  nodes: [
    { id: 'pause', type: 'wait', inputs: { durationSeconds: 300 } },
    { id: 'check', type: 'condition', inputs: { left: '${nodes.pause.output.done}', op: 'exists' }, dependsOn: ['pause'] },
  ],
});

const postOf = (collection: string) => (spec.paths[collection] as Record<string, Operation>).post;

/** A resource of `tenant` made through its collection's POST: with its fixture body, else one from the document. */
async function created(collection: string, tenant: Tenant): Promise<string> {
  const body = FIXTURES[collection] ? await FIXTURES[collection](tenant) : bodyOf(postOf(collection));
  return createdId((await send('POST', collection, { token: tenant.ownerToken, body }).expect(201)).data);
}

/** A secret an agent of the tenant reported, under a policy of its own (its ref matches no other). */
async function discoveredSecret(tenant: Tenant): Promise<string> {
  const minted = await send('POST', '/api/v1/agents', {
    token: tenant.ownerToken,
    body: { name: `suite-${randomBytes(4).toString('hex')}` },
  }).expect(201);
  const { agent, agentSecret } = minted.data as { agent: { id: string }; agentSecret: string };
  const cluster = `suite-${randomBytes(4).toString('hex')}`;
  await t.http
    .post('/api/v1/agents/{id}/secrets/bulk', {
      params: { id: agent.id },
      token: null,
      agentSecret,
      body: { secrets: [{ clusterName: cluster, provider: 'vault', ref: 'suite-ref' }] },
    })
    .expect(200);
  await created('/api/v1/policies', tenant);
  const listed = await send('GET', '/api/v1/secrets', { token: tenant.ownerToken, query: { cluster_name: cluster } }).expect(200);
  return listed.data[0].id as string;
}

// GitOps routes answer 404 as if absent unless switched on; so does the workflow callback without its secret.
const t = useServer({ GITOPS_ENABLED: 'true', WORKFLOW_WEBHOOK_SECRET: randomBytes(32).toString('hex') });
let home: Tenant;
let other: Tenant;
let powerless: Member;

beforeAll(async () => {
  const me = await t.http.get('/api/v1/me').expect(200);
  home = { organizationId: me.context.organizationId, ownerId: me.data.id, ownerToken: t.token };
  powerless = await addMember(t, t.token, []);
  const o = await otherOrganization(t, t.token);
  other = { organizationId: o.organizationId, ownerId: o.owner.userId, ownerToken: o.owner.accessToken };
}, 120_000);

type Params = Record<string, string>;

/**
 * A request as the suite sends it: a fresh Idempotency-Key, credentials only when given, and a
 * JSON body (`{}` by default) on all but a GET or a DELETE.
 */
const send = (
  method: Method,
  path: string,
  { params, query, token, body }: { params?: Params; query?: Params; token?: string; body?: unknown } = {},
) =>
  t.http.request(method, path, {
    params,
    query,
    token: token ?? null,
    idempotencyKey: `suite-${randomBytes(8).toString('hex')}`,
    body: method === 'GET' || method === 'DELETE' ? undefined : (body ?? {}),
  });

/**
 * Fills an operation's path parameters with real resources of `tenant`: `{id}` of a collection is
 * created through the collection's own POST, an organization's `{id}` is the tenant itself, and a
 * user's `{id}` is its owner.
 */
async function concreteParams(path: string, tenant: Tenant): Promise<Params> {
  const params: Params = {};
  if (path.includes('{key}')) params.key = 'SUITE_KEY';
  // Step types are a registry in code, the same for every organization.
  if (path.includes('{type}')) params.type = 'wait';
  // An organization a platform operator addresses by id (its limit overrides): the tenant itself.
  if (path.includes('{organizationId}')) params.organizationId = tenant.organizationId;
  if (!path.includes('{id}')) return params;
  let collection = path.slice(0, path.indexOf('/{id}'));
  if (collection === '/api/v1/organizations') return { ...params, id: tenant.organizationId };
  // A job failure is a job; a workflow execution is a workflow run.
  if (collection === '/api/v1/agent-runtime/job-failures') collection = '/api/v1/jobs';
  if (collection === '/api/v1/workflow-executions') collection = '/api/v1/workflow-runs';
  // A step of a run is one of its definition's nodes.
  if (path.includes('{nodeId}')) params.nodeId = 'pause';
  if (collection === '/api/v1/users') return { ...params, id: tenant.ownerId };
  // A repository is made in a project (POST /projects/{id}/repositories); a source file is named by its path.
  if (collection === '/api/v1/repositories') {
    if (path.includes('{path}')) params.path = 'README.md';
    // A scan or finding of another organization's repository: 404 whatever its id.
    if (path.includes('{scanId}')) params.scanId = randomUUID();
    if (path.includes('{findingId}')) params.findingId = randomUUID();
    const project = await created('/api/v1/projects', tenant);
    const repository = await send('POST', '/api/v1/projects/{id}/repositories', {
      params: { id: project },
      token: tenant.ownerToken,
      body: bodyOf(postOf('/api/v1/projects/{id}/repositories')),
    }).expect(201);
    return { ...params, id: createdId(repository.data) };
  }
  const create = (spec.paths[collection] as Record<string, Operation> | undefined)?.post;
  if (!create) throw new Error(`cannot make a resource for ${path}: no POST ${collection}`);
  let body = (FIXTURES[collection] ? await FIXTURES[collection](tenant) : bodyOf(create)) as Record<string, unknown>;
  // A grant needs a member and a role of the same tenant: the owner and a system role.
  if (collection === '/api/v1/user-roles') body = { userId: tenant.ownerId, roleId: await roleIdByKey(t, tenant.ownerToken, 'viewer') };
  const res = await send('POST', collection, { token: tenant.ownerToken, body });
  if (res.status !== 201 && res.status !== 200) throw new Error(`POST ${collection} for ${path} answered ${res.status}: ${res.text}`);
  params.id = createdId(res.body.data);
  // A resource nested under that one (a freeze window of an environment): made through its own POST.
  const nested = /^(.*)\/\{(\w+Id)\}/.exec(path);
  if (nested && !(nested[2] in params)) {
    const nestedCreate = (spec.paths[nested[1]] as Record<string, Operation> | undefined)?.post;
    if (!nestedCreate) throw new Error(`cannot make a resource for ${path}: no POST ${nested[1]}`);
    const made = await send('POST', nested[1], { params: { id: params.id }, token: tenant.ownerToken, body: bodyOf(nestedCreate) });
    if (made.status !== 201) throw new Error(`POST ${nested[1]} for ${path} answered ${made.status}: ${made.text}`);
    params[nested[2]] = createdId(made.body.data);
  }
  return params;
}

/** Calls an agent-protocol operation as a fresh agent of the home tenant, about itself. */
async function asAgent(method: Method, path: string, body: unknown) {
  const minted = await send('POST', '/api/v1/agents', {
    token: home.ownerToken,
    body: { name: `suite-${randomBytes(4).toString('hex')}` },
  }).expect(201);
  const { agent, agentSecret } = minted.data as { agent: { id: string }; agentSecret: string };
  return t.http.request(method, path, {
    params: { id: agent.id },
    token: null,
    agentSecret,
    body: method === 'GET' ? undefined : (body ?? {}),
  });
}

/** Values for a path's holes: ids no resource has, the key and the step type as concreteParams fills them. */
const placeholders = (path: string): Params => {
  const params: Params = {};
  for (const [, name] of path.matchAll(/\{(\w+)\}/g)) {
    if (name === 'id') params.id = '01960000-0000-7000-8000-0000000000ff';
    else if (name === 'key') params.key = 'SUITE_KEY';
    else if (name === 'type') params.type = 'wait';
    else params[name] = '01960000-0000-7000-8000-0000000000fe';
  }
  return params;
};

// Only the checks that apply are defined: a public operation has no (a), one without x-permission no (b).
describe.each(operations.map((o) => [`${o.method} ${o.path}`, o] as const))('%s', (_name, { method, path, op }) => {
  const secured = op.security.length > 0;
  const permission = op['x-permission'];
  const optOut = OPT_OUT[op.operationId] ?? {};

  if (secured)
    test('(a) without credentials: 401', async () => {
      await send(method, path, { params: placeholders(path) }).expect(401, 'UNAUTHENTICATED');
    });

  if (permission)
    test(`(b) without ${permission}: 403`, async () => {
      await send(method, path, { params: placeholders(path), token: powerless.accessToken, body: bodyOf(op) }).expect(403, 'FORBIDDEN');
    });

  const addressesResource = /\{(id|key)\}/.test(path) && secured;
  if (addressesResource && !optOut.c)
    test("(c) another organization's resource: 404", async () => {
      const foreign = await concreteParams(path, other);
      await send(method, path, { params: foreign, token: home.ownerToken, body: bodyOf(op) }).expect(404, 'NOT_FOUND');
    });

  if (!optOut.d)
    test('(d) a successful call matches the documented schema', async () => {
      // Ending a session would end the suite's: logout gets a session of its own.
      const token = op.operationId === 'logout' ? (await t.login()).accessToken : home.ownerToken;
      let body = bodyOf(op);
      if (op.operationId === 'login') body = ADMIN;
      if (op.operationId === 'refreshSession') body = { refreshToken: (await t.login()).refreshToken };
      // A fresh member: the shared one must stay without permissions for the (b) checks.
      if (op.operationId === 'grantRole')
        body = { userId: (await addMember(t, home.ownerToken, [])).userId, roleId: await roleIdByKey(t, home.ownerToken, 'viewer') };
      if (op.operationId === 'runRuntimeSmokeTest') body = { timeoutSeconds: 1 };
      if (method === 'POST' && FIXTURES[path]) body = await FIXTURES[path](home);
      // A status in a list, and some answers (probes, documents) are not the envelope: checked by hand.
      const res = op.security.some((scheme) => 'agentSecret' in scheme)
        ? await asAgent(method, path, body)
        : await send(method, path, { params: await concreteParams(path, home), token: secured ? token : undefined, body });
      const documented = Object.keys(op.responses).filter((s) => /^2\d\d$/.test(s));
      expect(documented).toContain(String(res.status));
      const isJson = (res.headers.get('content-type') ?? '').includes('application/json');
      expectMatchesContract(method, path, res.status, isJson ? res.body : undefined);
    });
});

test('every opt-out names an operation that exists', () => {
  const ids = new Set(operations.map((o) => o.op.operationId));
  for (const id of Object.keys(OPT_OUT)) expect(ids).toContain(id);
});
