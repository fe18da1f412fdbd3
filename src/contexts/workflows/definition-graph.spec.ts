import { isPrivateHost, validateDefinitionGraph, type WorkflowNode } from './definition-graph.js';
import { SUPPORTED_KEYWORDS, type JsonSchema } from './json-schema.js';
import { STEP_TYPES } from './step-types.js';

const node = (id: string, type: string, inputs: Record<string, unknown>, dependsOn: string[] = []): WorkflowNode => ({
  id,
  type,
  inputs,
  dependsOn,
  retry: { maxAttempts: 1, backoffSeconds: 0 },
  timeoutSeconds: null,
});
const approval = (id: string, dependsOn: string[] = []) =>
  node(id, 'approval', { workflowId: '01960000-0000-7000-8000-000000000001' }, dependsOn);
const wait = (id: string, dependsOn: string[] = []) => node(id, 'wait', { durationSeconds: 5 }, dependsOn);
const codes = (nodes: WorkflowNode[]) => validateDefinitionGraph(nodes).map((e) => `${e.code} ${e.field}`);

describe('validateDefinitionGraph', () => {
  it('accepts a valid DAG of every step type, with references to ancestors', () => {
    const nodes = [
      approval('approve'),
      node('build', 'job', { type: 'build', payload: { ref: 'main' }, selector: { pool: 'ci' } }, ['approve']),
      node('smoke', 'http', { url: 'https://example.com/health', method: 'GET', expectStatus: [200] }, ['build']),
      node('ok', 'condition', { left: '${nodes.smoke.output.status}', op: 'eq', right: 200 }, ['smoke']),
      node('later', 'wait', { until: '2030-01-01T00:00:00Z' }, ['ok']),
      node('tell', 'notify', { url: 'https://hooks.example.com/x', event: 'deployed', secretRef: 'HOOK_SECRET' }, ['later', 'build']),
    ];
    expect(validateDefinitionGraph(nodes)).toEqual([]);
  });

  it('reports duplicate ids at the second node', () => {
    expect(codes([wait('a'), wait('a')])).toEqual(['DUPLICATE_NODE_ID nodes[1].id']);
  });

  it('reports unknown step types and unknown dependencies where they are', () => {
    expect(codes([wait('a'), node('b', 'teleport', {}, ['a', 'ghost'])])).toEqual([
      'UNKNOWN_DEPENDENCY nodes[1].dependsOn[1]',
      'UNKNOWN_STEP_TYPE nodes[1].type',
    ]);
  });

  it('reports bad inputs at their path', () => {
    expect(codes([node('a', 'http', { url: 'not a url', method: 'FETCH', extra: 1 })])).toEqual([
      'INVALID_INPUT nodes[0].inputs.url',
      'INVALID_INPUT nodes[0].inputs.url',
      'INVALID_INPUT nodes[0].inputs.method',
      'INVALID_INPUT nodes[0].inputs.extra',
    ]);
    expect(codes([node('a', 'approval', {})])).toEqual(['INVALID_INPUT nodes[0].inputs.workflowId']);
    expect(codes([node('a', 'job', { type: 'x', selector: { pool: 3 } })])).toEqual(['INVALID_INPUT nodes[0].inputs.selector.pool']);
  });

  it('wants exactly one of durationSeconds and until in a wait', () => {
    expect(codes([node('a', 'wait', {})])).toEqual(['INVALID_INPUT nodes[0].inputs']);
    expect(codes([node('a', 'wait', { durationSeconds: 1, until: '2030-01-01T00:00:00Z' })])).toEqual(['INVALID_INPUT nodes[0].inputs']);
    expect(codes([node('a', 'wait', { until: 'tomorrow' })])).toEqual(['INVALID_INPUT nodes[0].inputs.until']);
  });

  it('checks condition operands', () => {
    expect(codes([node('a', 'condition', { left: 1, op: 'exists', right: 2 })])).toEqual(['INVALID_INPUT nodes[0].inputs.right']);
    expect(codes([node('a', 'condition', { left: 1, op: 'in', right: 2 })])).toEqual(['INVALID_INPUT nodes[0].inputs.right']);
    expect(codes([node('a', 'condition', { left: 1, op: 'eval' })])).toEqual(['INVALID_INPUT nodes[0].inputs.op']);
  });

  it('refuses private http targets unless allowed', () => {
    expect(codes([node('a', 'http', { url: 'http://127.0.0.1:8080/' })])).toEqual(['PRIVATE_TARGET nodes[0].inputs.url']);
    expect(codes([node('a', 'http', { url: 'http://[::1]/' })])).toEqual(['PRIVATE_TARGET nodes[0].inputs.url']);
    expect(codes([node('a', 'http', { url: 'http://[::ffff:127.0.0.1]/' })])).toEqual(['PRIVATE_TARGET nodes[0].inputs.url']);
    expect(codes([node('a', 'http', { url: 'http://10.0.0.1/', allowPrivate: true })])).toEqual([]);
  });

  it('names the nodes of a cycle and reports the nodes stuck behind it', () => {
    const errors = validateDefinitionGraph([
      wait('root'),
      wait('a', ['root', 'c']),
      wait('b', ['a']),
      wait('c', ['b']),
      wait('after', ['c']),
      wait('free', ['root']),
    ]);
    expect(errors.map((e) => `${e.code} ${e.field}`)).toEqual([
      'CYCLE nodes[1].dependsOn',
      'CYCLE nodes[2].dependsOn',
      'CYCLE nodes[3].dependsOn',
      'UNREACHABLE nodes[4].dependsOn',
    ]);
    expect(errors[0].message).toContain('a → c → b → a');
  });

  it('reports a node depending on itself as a cycle', () => {
    const errors = validateDefinitionGraph([wait('a', ['a'])]);
    expect(errors).toEqual([{ field: 'nodes[0].dependsOn', code: 'CYCLE', message: expect.stringContaining('a → a') }]);
  });

  it('refuses references to outputs of nodes that are not ancestors', () => {
    const nodes = [wait('a'), wait('b'), node('c', 'condition', { left: '${nodes.b.output.x}', op: 'exists' }, ['a'])];
    expect(codes(nodes)).toEqual(['UNKNOWN_REFERENCE nodes[2].inputs.left']);
  });
});

describe('isPrivateHost', () => {
  it.each([
    'localhost',
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '[::1]',
    'fe80::1',
    'fd00::1',
    '::ffff:127.0.0.1',
  ])('%s is private', (h) => expect(isPrivateHost(h)).toBe(true));
  it.each(['example.com', '8.8.8.8', '172.32.0.1', '2001:db8::1'])('%s is not', (h) => expect(isPrivateHost(h)).toBe(false));
});

describe('the step type registry', () => {
  const keywordsOf = (s: JsonSchema): string[] => [
    ...Object.keys(s),
    ...Object.values(s.properties ?? {}).flatMap(keywordsOf),
    ...(s.items ? keywordsOf(s.items) : []),
    ...(typeof s.additionalProperties === 'object' ? keywordsOf(s.additionalProperties) : []),
    ...(s.oneOf ?? []).flatMap(keywordsOf),
  ];
  it('has the seven types, each schema within the validated subset', () => {
    expect(STEP_TYPES.map((s) => s.type)).toEqual(['approval', 'job', 'http', 'wait', 'condition', 'notify', 'callback']);
    for (const s of STEP_TYPES) for (const k of keywordsOf(s.inputSchema)) expect(SUPPORTED_KEYWORDS).toContain(k);
  });
});
