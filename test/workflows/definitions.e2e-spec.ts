import { randomBytes } from 'node:crypto';
import type { RawResponse } from '../support/contract.js';
import { addMember, type Member, otherOrganization } from '../support/fixtures.js';
import { useServer } from '../support/use-server.js';

/**
 * Workflow definitions over HTTP: one resource at /workflow-templates (seed 002) and
 * /workflow-definitions (seed 003), versioned, validated node by node; and the step type registry.
 */
const t = useServer();
let viewer: Member;
let engineer: Member;
let foreign: { organizationId: string; owner: Member };
/** A real approval workflow: approval steps must name one of the organization's. */
let APPROVAL_WORKFLOW: string;

beforeAll(async () => {
  [viewer, engineer] = await Promise.all([addMember(t, t.token, ['viewer']), addMember(t, t.token, ['ops_engineer'])]);
  foreign = await otherOrganization(t, t.token);
  const workflow = await t.http.post('/api/v1/workflows', {
    body: { name: 'Owner decides', stages: [{ name: 'Owner', requiredApprovals: 1, roleIds: [], userIds: [engineer.userId] }] },
  });
  APPROVAL_WORKFLOW = (workflow.body as { data: { id: string } }).data.id;
});

const hex = () => randomBytes(3).toString('hex');
const TEMPLATES = '/api/v1/workflow-templates';
const ONE = `${TEMPLATES}/{id}`;

const graph = () => [
  { id: 'approve', type: 'approval', inputs: { workflowId: APPROVAL_WORKFLOW, reason: 'deploy' } },
  {
    id: 'build',
    type: 'job',
    inputs: { type: 'build', selector: { pool: 'ci' } },
    dependsOn: ['approve'],
    retry: { maxAttempts: 3, backoffSeconds: 5 },
    timeoutSeconds: 600,
  },
  { id: 'smoke', type: 'http', inputs: { url: 'https://example.com/health', expectStatus: [200] }, dependsOn: ['build'] },
  { id: 'healthy', type: 'condition', inputs: { left: '${nodes.smoke.output.status}', op: 'eq', right: 200 }, dependsOn: ['smoke'] },
];

async function create(body: Record<string, unknown> = {}, path = TEMPLATES): Promise<RawResponse> {
  return t.http.post(path, { body: { name: `deploy-${hex()}`, nodes: graph(), ...body } }).expectResponse(201);
}

describe('CRUD and versions', () => {
  test('create fills node defaults, starts at version 1, and is the same resource at both paths', async () => {
    const made = (
      await create({ description: 'approve, build, check', inputSchema: { type: 'object', properties: { ref: { type: 'string' } } } })
    ).body.data;
    expect(made).toMatchObject({
      version: 1,
      description: 'approve, build, check',
      inputSchema: { type: 'object' },
      createdBy: expect.stringMatching(/^user:/),
    });
    expect(made.nodes[0]).toEqual({
      id: 'approve',
      type: 'approval',
      inputs: { workflowId: APPROVAL_WORKFLOW, reason: 'deploy' },
      dependsOn: [],
      retry: { maxAttempts: 1, backoffSeconds: 0 },
      timeoutSeconds: null,
    });
    expect(made.nodes[1]).toMatchObject({ retry: { maxAttempts: 3, backoffSeconds: 5 }, timeoutSeconds: 600, dependsOn: ['approve'] });

    const viaSeed3 = (await create({}, '/api/v1/workflow-definitions')).body.data;
    const listed = (await t.http.get(TEMPLATES, { query: { pageSize: 100 } }).expect(200)).data.map((d: { id: string }) => d.id);
    expect(listed).toEqual(expect.arrayContaining([made.id, viaSeed3.id]));
    const listed3 = (await t.http.get('/api/v1/workflow-definitions', { query: { pageSize: 100 } }).expect(200)).data.map(
      (d: { id: string }) => d.id,
    );
    expect(listed3).toEqual(expect.arrayContaining([made.id, viaSeed3.id]));
    expect((await t.http.get(ONE, { params: { id: viaSeed3.id } }).expect(200)).data.name).toBe(viaSeed3.name);
  });

  test('a graph change makes a new version and keeps the old one; a rename does not', async () => {
    const made = (await create()).body.data;
    const params = { id: made.id };
    const renamed = (await t.http.put(ONE, { params, body: { name: `renamed-${hex()}`, description: 'new words' } }).expect(200)).data;
    expect(renamed.version).toBe(1);
    const same = (await t.http.put(ONE, { params, body: { nodes: graph() } }).expect(200)).data;
    expect(same.version).toBe(1);
    const changed = (
      await t.http
        .put(ONE, {
          params,
          body: { nodes: [...graph(), { id: 'later', type: 'wait', inputs: { durationSeconds: 60 }, dependsOn: ['healthy'] }] },
        })
        .expect(200)
    ).data;
    expect(changed).toMatchObject({ version: 2, name: renamed.name });
    expect(changed.nodes).toHaveLength(5);
    const schema = (await t.http.put(ONE, { params, body: { inputSchema: { type: 'object' } } }).expect(200)).data;
    expect(schema.version).toBe(3);

    const versions = (await t.http.get(`${ONE}/versions`, { params }).expect(200)).data;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
    expect(versions[2].nodes).toHaveLength(4);
    expect(versions[1].nodes).toHaveLength(5);
    expect(versions[2].inputSchema).toBeNull();
  });

  test('names are unique in an organization: 409', async () => {
    const made = (await create()).body.data;
    await t.http.post(TEMPLATES, { body: { name: made.name, nodes: graph() } }).expect(409, 'CONFLICT');
    const other = (await create()).body.data;
    await t.http.put(ONE, { params: { id: other.id }, body: { name: made.name } }).expect(409, 'CONFLICT');
  });

  test('an input schema that does not compile, or whose pattern can take exponential time, is 400 when saved, and stores nothing', async () => {
    const name = `bad-schema-${hex()}`;
    const inputSchema = { type: 'object', properties: { ref: { type: 'string', pattern: '(' } } };
    const refused = await t.http.post(TEMPLATES, { body: { name, nodes: graph(), inputSchema } }).expect(400, 'VALIDATION_FAILED');
    expect(refused.error.validationErrors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'inputSchema', message: expect.stringMatching(/does not compile/) })]),
    );
    const listed = (await t.http.get(TEMPLATES, { query: { pageSize: 100, q: name } }).expect(200)).data;
    expect(listed).toEqual([]);
    const made = (await create()).body.data;
    await t.http.put(ONE, { params: { id: made.id }, body: { inputSchema } }).expect(400, 'VALIDATION_FAILED');
    expect((await t.http.get(ONE, { params: { id: made.id } }).expect(200)).data.version).toBe(1);
    // One that compiles but can backtrack for exponential time would let a run's inputs stall the event loop.
    const exponential = { type: 'object', properties: { ref: { type: 'string', pattern: '^(a+)+$' } } };
    const slow = await t.http
      .post(TEMPLATES, { body: { name, nodes: graph(), inputSchema: exponential } })
      .expect(400, 'VALIDATION_FAILED');
    expect(slow.error.validationErrors).toEqual([
      expect.objectContaining({ field: 'inputSchema', message: expect.stringMatching(/exponential time/) }),
    ]);
  });

  test('delete removes it and its versions', async () => {
    const made = (await create()).body.data;
    const params = { id: made.id };
    await t.http.delete(ONE, { params }).expectResponse(204);
    await t.http.get(ONE, { params }).expect(404, 'NOT_FOUND');
    await t.http.get(`${ONE}/versions`, { params }).expect(404, 'NOT_FOUND');
    await t.http.delete(ONE, { params }).expect(404, 'NOT_FOUND');
  });

  test('changes are audited and emitted as events', async () => {
    const made = (await create()).body.data;
    await t.http.put(ONE, { params: { id: made.id }, body: { description: 'edited' } });
    await t.http.delete(ONE, { params: { id: made.id } });
    const audit =
      (await t.http.get('/api/v1/audit-events', { query: { resource: `workflow_definition:${made.id}`, limit: 100 } })).body.data ?? [];
    const actions = (audit as { action: string; resourceId: string }[]).filter((a) => a.resourceId === made.id).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(['workflow_definition.create', 'workflow_definition.update', 'workflow_definition.delete']),
    );
    const events =
      (await t.http.get('/api/v1/events/outbox', { query: { resourceType: 'workflow_definition', resourceId: made.id, limit: 100 } })).body
        .data ?? [];
    const types = (events as { type: string; resourceId: string }[]).filter((e) => e.resourceId === made.id).map((e) => e.type);
    expect(types).toEqual(
      expect.arrayContaining(['workflow_definition.created', 'workflow_definition.updated', 'workflow_definition.deleted']),
    );
  });
});

describe('validation points at the node', () => {
  const refused = async (nodes: unknown[]) => {
    const body = await t.http.post(TEMPLATES, { body: { name: `bad-${hex()}`, nodes } }).expect(400, 'VALIDATION_FAILED');
    return (body.error.validationErrors as { field: string; code: string; message: string }[]).map((e) => `${e.code} ${e.field}`);
  };
  const wait = (id: string, dependsOn: string[] = []) => ({ id, type: 'wait', inputs: { durationSeconds: 1 }, dependsOn });

  test('each kind of problem, with its code and field', async () => {
    expect(await refused([wait('a'), wait('a')])).toEqual(['DUPLICATE_NODE_ID nodes[1].id']);
    expect(await refused([wait('a'), { id: 'b', type: 'teleport' }])).toEqual(['UNKNOWN_STEP_TYPE nodes[1].type']);
    expect(await refused([wait('a', ['ghost'])])).toEqual(['UNKNOWN_DEPENDENCY nodes[0].dependsOn[0]']);
    expect(
      await refused([
        wait('a'),
        wait('b'),
        { id: 'c', type: 'http', inputs: { url: 'ftp://example.com', method: 'GET' }, dependsOn: ['a'] },
      ]),
    ).toEqual(['INVALID_INPUT nodes[2].inputs.url']);
    expect(await refused([{ id: 'a', type: 'http', inputs: { url: 'http://169.254.169.254/latest' } }])).toEqual([
      'PRIVATE_TARGET nodes[0].inputs.url',
    ]);
    expect(await refused([{ id: 'a', type: 'wait', inputs: {} }])).toEqual(['INVALID_INPUT nodes[0].inputs']);
    expect(
      await refused([
        wait('a'),
        { id: 'b', type: 'condition', inputs: { left: '${nodes.c.output.x}', op: 'exists' }, dependsOn: ['a'] },
        wait('c'),
      ]),
    ).toEqual(['UNKNOWN_REFERENCE nodes[1].inputs.left']);
    const cycle = await t.http
      .post(TEMPLATES, {
        body: {
          name: `bad-${hex()}`,
          nodes: [wait('root'), wait('x', ['root', 'z']), wait('y', ['x']), wait('z', ['y']), wait('stuck', ['z'])],
        },
      })
      .expect(400);
    expect(cycle.error.validationErrors).toEqual([
      { field: 'nodes[1].dependsOn', code: 'CYCLE', message: expect.stringContaining('x → z → y → x') },
      { field: 'nodes[2].dependsOn', code: 'CYCLE', message: expect.any(String) },
      { field: 'nodes[3].dependsOn', code: 'CYCLE', message: expect.any(String) },
      { field: 'nodes[4].dependsOn', code: 'UNREACHABLE', message: expect.any(String) },
    ]);
  });

  test('a node not shaped like one is refused by the DTO, at its field', async () => {
    expect(await refused([{ id: 'Bad Id', type: 'wait', inputs: { durationSeconds: 1 } }])).toEqual(['MATCHES nodes[0].id']);
    expect(await refused([{ id: 'a', type: 'wait', inputs: { durationSeconds: 1 }, retry: { maxAttempts: 11 } }])).toEqual([
      'MAX nodes[0].retry.maxAttempts',
    ]);
    expect(await refused([])).toEqual(['ARRAY_MIN_SIZE nodes']);
  });

  test('malformed bodies and nulls are 400, not 500', async () => {
    const made = (await create()).body.data;
    const params = { id: made.id };
    await t.http.put(ONE, { params, body: { name: null } }).expect(400, 'VALIDATION_FAILED');
    await t.http.put(ONE, { params, body: { nodes: null } }).expect(400, 'VALIDATION_FAILED');
    await t.http.post(TEMPLATES, { body: { name: 'x', nodes: 'not an array' } }).expect(400, 'VALIDATION_FAILED');
    await t.http.post(TEMPLATES, { body: { name: 'x', nodes: graph(), surprise: true } }).expect(400, 'VALIDATION_FAILED');
    await t.http.get(ONE, { params: { id: 'not-a-uuid' } }).expect(400, 'VALIDATION_FAILED');
    // A refused update changes nothing.
    await t.http.put(ONE, { params, body: { nodes: [wait('a', ['a'])] } }).expect(400, 'VALIDATION_FAILED');
    expect((await t.http.get(ONE, { params })).body.data.version).toBe(1);
  });

  test('/validate answers 200 with {valid, errors}, for the stored graph or a draft', async () => {
    const made = (await create()).body.data;
    const params = { id: made.id };
    const path = `${ONE}/validate`;
    expect((await t.http.post(path, { params, body: {} }).expect(200)).data).toEqual({
      valid: true,
      errors: [],
    });
    const draft = (
      await t.http.post(path, { params, body: { nodes: [wait('a'), { id: 'b', type: 'nope', dependsOn: ['a'] }] } }).expect(200)
    ).data;
    expect(draft).toEqual({ valid: false, errors: [{ field: 'nodes[1].type', code: 'UNKNOWN_STEP_TYPE', message: expect.any(String) }] });
    // Checking a draft stores nothing; a viewer may check.
    expect((await t.http.get(ONE, { params })).body.data.nodes).toHaveLength(4);
    await t.http.post(path, { params, body: {}, token: viewer.accessToken }).expectResponse(200);
  });
});

describe('step types', () => {
  test('lists the seven with their input schemas; one by type; unknown is 404', async () => {
    const list = (await t.http.get('/api/v1/step-types', { token: viewer.accessToken }).expect(200)).data;
    expect(list.map((s: { type: string }) => s.type)).toEqual(['approval', 'job', 'http', 'wait', 'condition', 'notify', 'callback']);
    const http = (await t.http.get('/api/v1/step-types/{type}', { params: { type: 'http' } }).expect(200)).data;
    expect(http.inputSchema).toMatchObject({ type: 'object', required: ['url'], properties: { allowPrivate: { type: 'boolean' } } });
    expect(http.description).toContain('private');
    await t.http.get('/api/v1/step-types/{type}', { params: { type: 'teleport' } }).expect(404, 'NOT_FOUND');
  });
});

describe('access', () => {
  test("another organization's definition is 404 everywhere", async () => {
    const made = (await create()).body.data;
    const params = { id: made.id };
    const token = foreign.owner.accessToken;
    await t.http.get(ONE, { params, token }).expect(404, 'NOT_FOUND');
    await t.http.put(ONE, { params, body: { description: 'x' }, token }).expect(404, 'NOT_FOUND');
    await t.http.delete(ONE, { params, token }).expect(404, 'NOT_FOUND');
    await t.http.post(`${ONE}/validate`, { params, body: {}, token }).expect(404, 'NOT_FOUND');
    await t.http.get(`${ONE}/versions`, { params, token }).expect(404, 'NOT_FOUND');
    const theirs = (await t.http.get(TEMPLATES, { query: { pageSize: 100 }, token })).body.data.map((d: { id: string }) => d.id);
    expect(theirs).not.toContain(made.id);
  });

  test('a viewer reads but cannot edit (403); an operations engineer edits', async () => {
    const made = (await create()).body.data;
    const params = { id: made.id };
    const token = viewer.accessToken;
    await t.http.get(ONE, { params, token }).expectResponse(200);
    await t.http.post(TEMPLATES, { body: { name: `v-${hex()}`, nodes: graph() }, token }).expect(403, 'FORBIDDEN');
    await t.http.put(ONE, { params, body: { description: 'x' }, token }).expect(403, 'FORBIDDEN');
    await t.http.delete(ONE, { params, token }).expect(403, 'FORBIDDEN');
    await t.http.put(ONE, { params, body: { description: 'by an engineer' }, token: engineer.accessToken }).expectResponse(200);
  });
});
