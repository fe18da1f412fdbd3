import { findNulCharacters } from './nul-characters.js';

const fields = (value: unknown, root?: string) => findNulCharacters(value, root).map((e) => `${e.field}:${e.code}`);

describe('the NUL walker', () => {
  test('finds NUL in strings at any depth, at their field path, in document order', () => {
    expect(
      fields({ name: 'a\u0000', payload: { items: [{ name: 'ok' }, { name: 'ok' }, { name: '\u0000x' }] }, tags: ['x', 'y\u0000'] }),
    ).toEqual(['name:NUL_CHARACTER', 'payload.items[2].name:NUL_CHARACTER', 'tags[1]:NUL_CHARACTER']);
  });

  test('reports a key holding NUL at the object that has it', () => {
    expect(fields({ payload: { nested: { 'k\u0000': 1 } } })).toEqual(['payload.nested:NUL_CHARACTER']);
    expect(fields({ 'k\u0000': 1 })).toEqual(['body:NUL_CHARACTER']);
  });

  test('prefixes a root (a named parameter) and reports a bare string at it', () => {
    expect(fields('a\u0000b', 'q')).toEqual(['q:NUL_CHARACTER']);
    expect(fields(['ok', 'b\u0000'], 'status')).toEqual(['status[1]:NUL_CHARACTER']);
    expect(fields({ x: '\u0000' }, 'payload')).toEqual(['payload.x:NUL_CHARACTER']);
  });

  test('passes everything else: other control characters, numbers, null, buffers', () => {
    expect(fields({ a: 'tab\there\u0001', b: 1, c: null, d: true, e: undefined, f: Buffer.from([0]), g: [] })).toEqual([]);
    expect(fields(undefined)).toEqual([]);
  });

  test('never echoes the value, and stops listing after 20', () => {
    const found = findNulCharacters({ secret: 'hunter2\u0000', many: Array.from({ length: 500 }, () => '\u0000') });
    expect(found).toHaveLength(20);
    expect(JSON.stringify(found)).not.toContain('hunter2');
    expect(found[0].message).toBe('secret holds a NUL character (\\u0000), which is not accepted');
  });

  test('walks deep values without recursion', () => {
    let value: unknown = 'x\u0000';
    for (let i = 0; i < 100_000; i++) value = [value];
    expect(findNulCharacters(value)).toHaveLength(1);
  });
});
