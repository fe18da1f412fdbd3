import { compare, resolveReferences } from './references.js';

const scope = {
  inputs: { service: 'billing', replicas: 3, tags: ['a', 'b'] },
  outputs: new Map<string, unknown>([['build', { image: 'reg/app:1', meta: { ok: true } }]]),
};

describe('resolveReferences', () => {
  it('a whole-string reference becomes the value itself, of any type', () => {
    expect(resolveReferences('${inputs.replicas}', scope)).toBe(3);
    expect(resolveReferences('${nodes.build.output.meta}', scope)).toEqual({ ok: true });
    expect(resolveReferences('${inputs.tags.1}', scope)).toBe('b');
    expect(resolveReferences('${nodes.build.output}', scope)).toEqual({ image: 'reg/app:1', meta: { ok: true } });
  });

  it('a reference inside text is written into it; objects as JSON, missing as nothing', () => {
    expect(resolveReferences('deploy ${inputs.service} x${inputs.replicas}', scope)).toBe('deploy billing x3');
    expect(resolveReferences('meta=${nodes.build.output.meta}', scope)).toBe('meta={"ok":true}');
    expect(resolveReferences('[${inputs.nope}]', scope)).toBe('[]');
  });

  it('resolves through objects and arrays, dropping keys whose whole value is missing', () => {
    expect(resolveReferences({ a: ['${inputs.service}', 1], b: '${nodes.ghost.output.x}', c: null }, scope)).toEqual({
      a: ['billing', 1],
      c: null,
    });
  });

  it('leaves secret references for the step that sends them', () => {
    expect(resolveReferences('${secrets.API_TOKEN}', scope)).toBe('${secrets.API_TOKEN}');
    expect(resolveReferences('Bearer ${secrets.API_TOKEN} for ${inputs.service}', scope)).toBe('Bearer ${secrets.API_TOKEN} for billing');
  });

  it('names values only: nothing else is evaluated', () => {
    expect(resolveReferences('${process.env.HOME}', scope)).toBeUndefined();
    expect(resolveReferences('${inputs.constructor}', scope)).toBeUndefined();
    expect(resolveReferences('${nodes.build.status}', scope)).toBeUndefined();
  });
});

describe('compare', () => {
  it('compares by value', () => {
    expect(compare({ a: 1, b: [2] }, 'eq', { b: [2], a: 1 })).toEqual({ result: true });
    expect(compare(1, 'ne', '1')).toEqual({ result: true });
    expect(compare('b', 'in', ['a', 'b'])).toEqual({ result: true });
    expect(compare(undefined, 'eq', undefined)).toEqual({ result: true });
    expect(compare(undefined, 'eq', null)).toEqual({ result: false });
  });

  it('exists is false for missing and null', () => {
    expect(compare(undefined, 'exists', undefined)).toEqual({ result: false });
    expect(compare(null, 'exists', undefined)).toEqual({ result: false });
    expect(compare(0, 'exists', undefined)).toEqual({ result: true });
  });

  it('orders two numbers or two strings, and reports anything else', () => {
    expect(compare(3, 'gt', 2)).toEqual({ result: true });
    expect(compare('2026-01-01', 'lt', '2026-02-01')).toEqual({ result: true });
    expect(compare('3', 'gt', 2)).toEqual({ error: 'gt compares two numbers or two strings; got a string and a number' });
    expect(compare(undefined, 'lt', 1)).toEqual({ error: 'lt compares two numbers or two strings; got nothing and a number' });
    expect(compare(1, 'in', 'abc')).toEqual({ error: 'in needs an array on the right' });
  });
});
