import type { OpenAPIObject } from '@nestjs/swagger';
import { callsAsPrincipal, documentProblems, explicitNulls, integerFormats, NULL_SCHEMA, sortKeys } from './openapi-document.js';

describe('sortKeys', () => {
  test('sorts object keys at every depth and keeps array order', () => {
    const sorted = sortKeys({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } });
    expect(JSON.stringify(sorted)).toBe('{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}');
  });
});

describe('documentProblems', () => {
  const op = (operationId: string, extra: object = {}) => ({ operationId, summary: 's', tags: ['Jobs'], responses: { '200': { description: 'ok' } }, ...extra });

  test('accepts a complete document', () => {
    const doc = { paths: { '/a': { get: op('getA') }, '/b': { post: op('createB') } } } as unknown as OpenAPIObject;
    expect(documentProblems(doc)).toEqual([]);
  });

  test('finds duplicate ids, and operations without a summary, tag or success response', () => {
    const doc = {
      paths: {
        '/a': { get: op('same') },
        '/b': { get: op('same') },
        '/c': { put: { operationId: 'putC', responses: { '400': { description: 'bad' } } } },
      },
    } as unknown as OpenAPIObject;
    const problems = documentProblems(doc);
    expect(problems).toContain('GET /b: operationId "same" is also used by GET /a');
    expect(problems).toContain('PUT /c: no summary (@ApiOperation({ summary }))');
    expect(problems).toContain('PUT /c: no tag (@ApiTags on the controller)');
    expect(problems.some((p) => p.startsWith('PUT /c: no success response'))).toBe(true);
  });

  test('a tag that kernel/openapi/tags.ts does not declare, with its description, is a problem', () => {
    const doc = { paths: { '/a': { get: op('getA', { tags: ['Jobz'] }) } } } as unknown as OpenAPIObject;
    expect(documentProblems(doc)).toEqual(['GET /a: tag "Jobz" is not declared in kernel/openapi/tags.ts']);
  });
});

describe('integerFormats', () => {
  test('an integer bounded within 32 bits is int32, any other int64; a given format and other types are kept', () => {
    expect(integerFormats({ type: 'integer', minimum: 1, maximum: 100 })).toEqual({ type: 'integer', minimum: 1, maximum: 100, format: 'int32' });
    expect(integerFormats({ type: 'integer', minimum: 0 })).toEqual({ type: 'integer', minimum: 0, format: 'int64' });
    expect(integerFormats({ type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER })).toMatchObject({ format: 'int64' });
    expect(integerFormats({ items: { type: 'integer', format: 'int32' }, n: { type: 'number' } })).toEqual({ items: { type: 'integer', format: 'int32' }, n: { type: 'number' } });
  });
});

describe('callsAsPrincipal', () => {
  test('a principal scheme, alone or among others, means a principal; a signature scheme alone or nothing does not', () => {
    expect(callsAsPrincipal([{ bearer: [] }, { apiKey: [] }])).toBe(true);
    expect(callsAsPrincipal([{ agentSecret: [] }])).toBe(true);
    expect(callsAsPrincipal([{ agentfieldSignature: [] }])).toBe(false);
    expect(callsAsPrincipal([])).toBe(false);
  });
});

describe('explicitNulls', () => {
  const ref = { $ref: '#/components/schemas/T' };
  test('a nullable reference becomes anyOf the reference or null, keeping its description', () => {
    expect(explicitNulls({ p: { allOf: [ref], nullable: true, type: 'object', description: 'd' } })).toEqual({ p: { anyOf: [ref, NULL_SCHEMA], description: 'd' } });
  });
  test('a nullable enum becomes anyOf the enum without null, or null', () => {
    expect(explicitNulls({ type: 'string', nullable: true, enum: ['a', null] })).toEqual({ anyOf: [{ type: 'string', enum: ['a'] }, NULL_SCHEMA] });
  });
  test('a nullable scalar, and a reference beside other constraints, stay as they are', () => {
    const scalar = { type: 'string', nullable: true, format: 'uuid' };
    const constrained = { allOf: [ref], nullable: true, type: 'object', required: ['x'] };
    expect(explicitNulls({ scalar, constrained })).toEqual({ scalar, constrained });
  });
});
