import { schemaProblems, validateJson } from './json-schema.js';

const fields = (schema: Record<string, unknown>, value: unknown) =>
  validateJson(schema, value, 'inputs').map((e) => `${e.field}: ${e.message}`);

describe('validateJson', () => {
  it('reports in a fixed order: own checks, required, then fields in the order of their keys, oneOf last', () => {
    const schema = {
      type: 'object',
      required: ['a', 'b'],
      additionalProperties: false,
      properties: { c: { type: 'string', minLength: 3, pattern: '^x' }, d: { type: 'integer' } },
    };
    expect(fields(schema, { d: 1.5, e: 1, c: 'y' })).toEqual([
      'inputs.a: inputs.a is required',
      'inputs.b: inputs.b is required',
      'inputs.d: inputs.d must be an integer',
      'inputs.e: inputs.e is not a known field',
      'inputs.c: inputs.c must be at least 3 characters',
      'inputs.c: inputs.c must match ^x',
    ]);
  });

  it('reports a wrong type or a value outside the enum alone, and oneOf only when nothing else failed', () => {
    expect(fields({ type: 'string', enum: ['a'], minimum: 3 }, 1)).toEqual(['inputs: inputs must be a string']);
    expect(fields({ enum: [{ a: 1 }], properties: { a: { type: 'string' } } }, { a: 2 })).toEqual([
      'inputs: inputs must be one of {"a":1}',
    ]);
    const wait = { type: 'object', properties: { n: { type: 'integer' } }, oneOf: [{ required: ['n'] }, { required: ['u'] }] };
    expect(fields(wait, {})).toEqual(['inputs: inputs must have exactly one of: n | u']);
    expect(fields(wait, { n: 'x' })).toEqual(['inputs.n: inputs.n must be an integer']);
  });

  it('names items by index and keeps the format checks of before', () => {
    expect(
      fields({ type: 'array', items: { type: 'string', format: 'uuid' } }, [
        'urn:uuid:01960000-0000-7000-8000-000000000001',
        '01960000-0000-7000-8000-000000000001',
      ]),
    ).toEqual(['inputs[0]: inputs[0] must be a valid uuid']);
    expect(fields({ type: 'string', format: 'date-time' }, '2030-01-01 00:00:00Z')).toEqual(['inputs: inputs must be a valid date-time']);
    expect(fields({ type: 'string', format: 'uri' }, 'mailto:a@example.com')).toEqual([]);
  });

  it('counts lengths in UTF-16 code units and ignores keywords outside the subset', () => {
    expect(fields({ type: 'string', maxLength: 1 }, '😀')).toEqual(['inputs: inputs must be at most 1 characters']);
    expect(fields({ type: 'string', format: 'email', exclusiveMinimum: 3, $ref: '#/nowhere' }, 'x')).toEqual([]);
    expect(fields({ type: 'teapot' }, 'x')).toEqual(['inputs: inputs must be a teapot']);
  });

  it('uses the code it is given', () => {
    expect(validateJson({ type: 'object', required: ['a'] }, {}, 'config', 'BAD_CONFIG')).toEqual([
      { field: 'config.a', message: 'config.a is required', code: 'BAD_CONFIG' },
    ]);
  });
});

describe('a schema that does not compile', () => {
  const broken = { type: 'object', properties: { ref: { type: 'string', pattern: '(' } } };

  it('is a problem before it is stored, and none when it compiles', () => {
    expect(schemaProblems(broken, 'inputSchema')).toEqual([expect.objectContaining({ field: 'inputSchema', code: 'INVALID_SCHEMA' })]);
    expect(schemaProblems({ type: 'object', properties: { ref: { type: 'string', pattern: '^a' } } }, 'inputSchema')).toEqual([]);
  });

  it('nor is one whose pattern can backtrack for exponential time (a tenant could stall the event loop)', () => {
    const nested = { type: 'object', properties: { list: { type: 'array', items: { type: 'string', pattern: '^(a+)+$' } } } };
    expect(schemaProblems(nested, 'inputSchema')).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/exponential time.*\(a\+\)\+/), code: 'INVALID_SCHEMA' }),
    ]);
  });

  it('judges no input (one already stored answers a field error, not a crash)', () => {
    expect(validateJson(broken, { ref: 'x' }, 'inputs')).toEqual([expect.objectContaining({ field: 'inputs', code: 'INVALID_SCHEMA' })]);
  });
});
