import { randomBytes } from 'node:crypto';
import { expectResponse, raw, type RawResponse } from '../support/contract.js';
import { addMember, type Member, otherOrganization } from '../support/fixtures.js';
import { startServer, type TestServer } from '../support/server.js';

/**
 * Workflow definitions over HTTP: one resource at /workflow-templates (seed 002) and
 * /workflow-definitions (seed 003), versioned, validated node by node; and the step type registry.
 */
let t: TestServer;
let owner: string;
let viewer: Member;
let engineer: Member;
let foreign: { organizationId: string; owner: Member };
/** A real approval workflow: approval steps must name one of the organization's. */
let APPROVAL_WORKFLOW: string;

beforeAll(async () => {
  t = await startServer();
  owner = (await t.login()).accessToken;
  [viewer, engineer] = await Promise.all([addMember(t, owner, ['viewer']), addMember(t, owner, ['ops_engineer'])]);
  foreign = await otherOrganization(t, owner);
  const workflow = await raw(t.baseUrl, '/api/v1/workflows', {
    method: 'POST',
    headers: { authorization: `Bearer ${owner}` },
    json: { name: 'Owner decides', stages: [{ name: 'Owner', requiredApprovals: 1, roleIds: [], userIds: [engineer.userId] }] },
  });
  APPROVAL_WORKFLOW = (workflow.body as { data: { id: string } }).data.id;
});
afterAll(async () => {
  await t?.close();
});

const hex = () => randomBytes(3).toString('hex');
const call = (method: string, path: string, json?: unknown, as = owner): Promise<RawResponse> =>
  raw(t.baseUrl, path, { method, headers: { authorization: `Bearer ${as}` }, json });
const TEMPLATES = '/api/v1/workflow-templates';

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
  return expectResponse(await call('POST', path, { name: `deploy-${hex()}`, nodes: graph(), ...body }), 'POST', path, 201);
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
    const listed = expectResponse(await call('GET', `${TEMPLATES}?pageSize=100`), 'GET', TEMPLATES, 200).body.data.map(
      (d: { id: string }) => d.id,
    );
    expect(listed).toEqual(expect.arrayContaining([made.id, viaSeed3.id]));
    const listed3 = expectResponse(
      await call('GET', '/api/v1/workflow-definitions?pageSize=100'),
      'GET',
      '/api/v1/workflow-definitions',
      200,
    ).body.data.map((d: { id: string }) => d.id);
    expect(listed3).toEqual(expect.arrayContaining([made.id, viaSeed3.id]));
    expect(expectResponse(await call('GET', `${TEMPLATES}/${viaSeed3.id}`), 'GET', `${TEMPLATES}/{id}`, 200).body.data.name).toBe(
      viaSeed3.name,
    );
  });

  test('a graph change makes a new version and keeps the old one; a rename does not', async () => {
    const made = (await create()).body.data;
    const renamed = expectResponse(
      await call('PUT', `${TEMPLATES}/${made.id}`, { name: `renamed-${hex()}`, description: 'new words' }),
      'PUT',
      `${TEMPLATES}/{id}`,
      200,
    ).body.data;
    expect(renamed.version).toBe(1);
    const same = expectResponse(await call('PUT', `${TEMPLATES}/${made.id}`, { nodes: graph() }), 'PUT', `${TEMPLATES}/{id}`, 200).body
      .data;
    expect(same.version).toBe(1);
    const changed = expectResponse(
      await call('PUT', `${TEMPLATES}/${made.id}`, {
        nodes: [...graph(), { id: 'later', type: 'wait', inputs: { durationSeconds: 60 }, dependsOn: ['healthy'] }],
      }),
      'PUT',
      `${TEMPLATES}/{id}`,
      200,
    ).body.data;
    expect(changed).toMatchObject({ version: 2, name: renamed.name });
    expect(changed.nodes).toHaveLength(5);
    const schema = expectResponse(
      await call('PUT', `${TEMPLATES}/${made.id}`, { inputSchema: { type: 'object' } }),
      'PUT',
      `${TEMPLATES}/{id}`,
      200,
    ).body.data;
    expect(schema.version).toBe(3);

    const versions = expectResponse(await call('GET', `${TEMPLATES}/${made.id}/versions`), 'GET', `${TEMPLATES}/{id}/versions`, 200).body
      .data;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
    expect(versions[2].nodes).toHaveLength(4);
    expect(versions[1].nodes).toHaveLength(5);
    expect(versions[2].inputSchema).toBeNull();
  });

  test('names are unique in an organization: 409', async () => {
    const made = (await create()).body.data;
    expectResponse(await call('POST', TEMPLATES, { name: made.name, nodes: graph() }), 'POST', TEMPLATES, 409, 'CONFLICT');
    const other = (await create()).body.data;
    expectResponse(await call('PUT', `${TEMPLATES}/${other.id}`, { name: made.name }), 'PUT', `${TEMPLATES}/{id}`, 409, 'CONFLICT');
  });

  test('an input schema that does not compile, or whose pattern can take exponential time, is 400 when saved, and stores nothing', async () => {
    const name = `bad-schema-${hex()}`;
    const inputSchema = { type: 'object', properties: { ref: { type: 'string', pattern: '(' } } };
    const refused = expectResponse(
      await call('POST', TEMPLATES, { name, nodes: graph(), inputSchema }),
      'POST',
      TEMPLATES,
      400,
      'VALIDATION_FAILED',
    ).body;
    expect(refused.error.validationErrors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'inputSchema', message: expect.stringMatching(/does not compile/) })]),
    );
    const listed = expectResponse(await call('GET', `${TEMPLATES}?pageSize=100&q=${name}`), 'GET', TEMPLATES, 200).body.data;
    expect(listed).toEqual([]);
    const made = (await create()).body.data;
    expectResponse(await call('PUT', `${TEMPLATES}/${made.id}`, { inputSchema }), 'PUT', `${TEMPLATES}/{id}`, 400, 'VALIDATION_FAILED');
    expect(expectResponse(await call('GET', `${TEMPLATES}/${made.id}`), 'GET', `${TEMPLATES}/{id}`, 200).body.data.version).toBe(1);
    // One that compiles but can backtrack for exponential time would let a run's inputs stall the event loop.
    const exponential = { type: 'object', properties: { ref: { type: 'string', pattern: '^(a+)+$' } } };
    const slow = expectResponse(
      await call('POST', TEMPLATES, { name, nodes: graph(), inputSchema: exponential }),
      'POST',
      TEMPLATES,
      400,
      'VALIDATION_FAILED',
    ).body;
    expect(slow.error.validationErrors).toEqual([
      expect.objectContaining({ field: 'inputSchema', message: expect.stringMatching(/exponential time/) }),
    ]);
  });

  test('delete removes it and its versions', async () => {
    const made = (await create()).body.data;
    expect((await call('DELETE', `${TEMPLATES}/${made.id}`)).status).toBe(204);
    expectResponse(await call('GET', `${TEMPLATES}/${made.id}`), 'GET', `${TEMPLATES}/{id}`, 404, 'NOT_FOUND');
    expectResponse(await call('GET', `${TEMPLATES}/${made.id}/versions`), 'GET', `${TEMPLATES}/{id}/versions`, 404, 'NOT_FOUND');
    expectResponse(await call('DELETE', `${TEMPLATES}/${made.id}`), 'DELETE', `${TEMPLATES}/{id}`, 404, 'NOT_FOUND');
  });

  test('changes are audited and emitted as events', async () => {
    const made = (await create()).body.data;
    await call('PUT', `${TEMPLATES}/${made.id}`, { description: 'edited' });
    await call('DELETE', `${TEMPLATES}/${made.id}`);
    const audit = (await call('GET', `/api/v1/audit-events?resource=workflow_definition:${made.id}&limit=100`)).body.data ?? [];
    const actions = (audit as { action: string; resourceId: string }[]).filter((a) => a.resourceId === made.id).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(['workflow_definition.create', 'workflow_definition.update', 'workflow_definition.delete']),
    );
    const events =
      (await call('GET', `/api/v1/events/outbox?resourceType=workflow_definition&resourceId=${made.id}&limit=100`)).body.data ?? [];
    const types = (events as { type: string; resourceId: string }[]).filter((e) => e.resourceId === made.id).map((e) => e.type);
    expect(types).toEqual(
      expect.arrayContaining(['workflow_definition.created', 'workflow_definition.updated', 'workflow_definition.deleted']),
    );
  });
});

describe('validation points at the node', () => {
  const refused = async (nodes: unknown[]) => {
    const res = expectResponse(await call('POST', TEMPLATES, { name: `bad-${hex()}`, nodes }), 'POST', TEMPLATES, 400, 'VALIDATION_FAILED');
    return (res.body.error.validationErrors as { field: string; code: string; message: string }[]).map((e) => `${e.code} ${e.field}`);
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
    const cycle = await call('POST', TEMPLATES, {
      name: `bad-${hex()}`,
      nodes: [wait('root'), wait('x', ['root', 'z']), wait('y', ['x']), wait('z', ['y']), wait('stuck', ['z'])],
    });
    expect(cycle.status).toBe(400);
    expect(cycle.body.error.validationErrors).toEqual([
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
    expectResponse(await call('PUT', `${TEMPLATES}/${made.id}`, { name: null }), 'PUT', `${TEMPLATES}/{id}`, 400, 'VALIDATION_FAILED');
    expectResponse(await call('PUT', `${TEMPLATES}/${made.id}`, { nodes: null }), 'PUT', `${TEMPLATES}/{id}`, 400, 'VALIDATION_FAILED');
    expectResponse(await call('POST', TEMPLATES, { name: 'x', nodes: 'not an array' }), 'POST', TEMPLATES, 400, 'VALIDATION_FAILED');
    expectResponse(
      await call('POST', TEMPLATES, { name: 'x', nodes: graph(), surprise: true }),
      'POST',
      TEMPLATES,
      400,
      'VALIDATION_FAILED',
    );
    expectResponse(await call('GET', `${TEMPLATES}/not-a-uuid`), 'GET', `${TEMPLATES}/{id}`, 400, 'VALIDATION_FAILED');
    // A refused update changes nothing.
    expectResponse(
      await call('PUT', `${TEMPLATES}/${made.id}`, { nodes: [wait('a', ['a'])] }),
      'PUT',
      `${TEMPLATES}/{id}`,
      400,
      'VALIDATION_FAILED',
    );
    expect((await call('GET', `${TEMPLATES}/${made.id}`)).body.data.version).toBe(1);
  });

  test('/validate answers 200 with {valid, errors}, for the stored graph or a draft', async () => {
    const made = (await create()).body.data;
    const path = `${TEMPLATES}/{id}/validate`;
    expect(expectResponse(await call('POST', `${TEMPLATES}/${made.id}/validate`, {}), 'POST', path, 200).body.data).toEqual({
      valid: true,
      errors: [],
    });
    const draft = expectResponse(
      await call('POST', `${TEMPLATES}/${made.id}/validate`, { nodes: [wait('a'), { id: 'b', type: 'nope', dependsOn: ['a'] }] }),
      'POST',
      path,
      200,
    ).body.data;
    expect(draft).toEqual({ valid: false, errors: [{ field: 'nodes[1].type', code: 'UNKNOWN_STEP_TYPE', message: expect.any(String) }] });
    // Checking a draft stores nothing; a viewer may check.
    expect((await call('GET', `${TEMPLATES}/${made.id}`)).body.data.nodes).toHaveLength(4);
    expectResponse(await call('POST', `${TEMPLATES}/${made.id}/validate`, {}, viewer.accessToken), 'POST', path, 200);
  });
});

describe('step types', () => {
  test('lists the seven with their input schemas; one by type; unknown is 404', async () => {
    const list = expectResponse(await call('GET', '/api/v1/step-types', undefined, viewer.accessToken), 'GET', '/api/v1/step-types', 200)
      .body.data;
    expect(list.map((s: { type: string }) => s.type)).toEqual(['approval', 'job', 'http', 'wait', 'condition', 'notify', 'callback']);
    const http = expectResponse(await call('GET', '/api/v1/step-types/http'), 'GET', '/api/v1/step-types/{type}', 200).body.data;
    expect(http.inputSchema).toMatchObject({ type: 'object', required: ['url'], properties: { allowPrivate: { type: 'boolean' } } });
    expect(http.description).toContain('private');
    expectResponse(await call('GET', '/api/v1/step-types/teleport'), 'GET', '/api/v1/step-types/{type}', 404, 'NOT_FOUND');
  });
});

describe('access', () => {
  test("another organization's definition is 404 everywhere", async () => {
    const made = (await create()).body.data;
    const other = foreign.owner.accessToken;
    expectResponse(await call('GET', `${TEMPLATES}/${made.id}`, undefined, other), 'GET', `${TEMPLATES}/{id}`, 404, 'NOT_FOUND');
    expectResponse(await call('PUT', `${TEMPLATES}/${made.id}`, { description: 'x' }, other), 'PUT', `${TEMPLATES}/{id}`, 404, 'NOT_FOUND');
    expectResponse(await call('DELETE', `${TEMPLATES}/${made.id}`, undefined, other), 'DELETE', `${TEMPLATES}/{id}`, 404, 'NOT_FOUND');
    expectResponse(
      await call('POST', `${TEMPLATES}/${made.id}/validate`, {}, other),
      'POST',
      `${TEMPLATES}/{id}/validate`,
      404,
      'NOT_FOUND',
    );
    expectResponse(
      await call('GET', `${TEMPLATES}/${made.id}/versions`, undefined, other),
      'GET',
      `${TEMPLATES}/{id}/versions`,
      404,
      'NOT_FOUND',
    );
    const theirs = (await call('GET', `${TEMPLATES}?pageSize=100`, undefined, other)).body.data.map((d: { id: string }) => d.id);
    expect(theirs).not.toContain(made.id);
  });

  test('a viewer reads but cannot edit (403); an operations engineer edits', async () => {
    const made = (await create()).body.data;
    expectResponse(await call('GET', `${TEMPLATES}/${made.id}`, undefined, viewer.accessToken), 'GET', `${TEMPLATES}/{id}`, 200);
    expectResponse(
      await call('POST', TEMPLATES, { name: `v-${hex()}`, nodes: graph() }, viewer.accessToken),
      'POST',
      TEMPLATES,
      403,
      'FORBIDDEN',
    );
    expectResponse(
      await call('PUT', `${TEMPLATES}/${made.id}`, { description: 'x' }, viewer.accessToken),
      'PUT',
      `${TEMPLATES}/{id}`,
      403,
      'FORBIDDEN',
    );
    expectResponse(
      await call('DELETE', `${TEMPLATES}/${made.id}`, undefined, viewer.accessToken),
      'DELETE',
      `${TEMPLATES}/{id}`,
      403,
      'FORBIDDEN',
    );
    expectResponse(
      await call('PUT', `${TEMPLATES}/${made.id}`, { description: 'by an engineer' }, engineer.accessToken),
      'PUT',
      `${TEMPLATES}/{id}`,
      200,
    );
  });
});
