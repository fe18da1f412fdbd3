import { exceedsJsonDepth, MAX_JSON_DEPTH } from './json-depth.js';

const deep = (levels: number, open = '[', close = ']') => open.repeat(levels) + close.repeat(levels);
const utf8 = (text: string) => Buffer.from(text, 'utf8');

describe('the JSON depth scanner', () => {
  test(`takes ${MAX_JSON_DEPTH} levels, refuses ${MAX_JSON_DEPTH + 1}`, () => {
    expect(exceedsJsonDepth(utf8(deep(MAX_JSON_DEPTH)))).toBe(false);
    expect(exceedsJsonDepth(utf8(deep(MAX_JSON_DEPTH + 1)))).toBe(true);
    expect(exceedsJsonDepth(utf8('{"a":'.repeat(MAX_JSON_DEPTH + 1) + '1' + '}'.repeat(MAX_JSON_DEPTH + 1)))).toBe(true);
  });

  test('counts nesting, not brackets: siblings at the same depth are fine', () => {
    expect(exceedsJsonDepth(utf8(`[${Array.from({ length: 10_000 }, () => '[{}]').join(',')}]`), 3)).toBe(false);
    expect(exceedsJsonDepth(utf8('[[[]]]'), 2)).toBe(true);
    expect(exceedsJsonDepth(utf8('{"a":[1,{"b":[]}],"c":{}}'), 4)).toBe(false);
    expect(exceedsJsonDepth(utf8('{"a":[1,{"b":[]}],"c":{}}'), 3)).toBe(true);
  });

  test('ignores brackets inside strings, escaped quotes included', () => {
    expect(exceedsJsonDepth(utf8(JSON.stringify({ s: '['.repeat(1000) })), 1)).toBe(false);
    expect(exceedsJsonDepth(utf8(JSON.stringify({ s: `"${'{'.repeat(1000)}"` })), 1)).toBe(false);
    // An escaped backslash escapes nothing after it: the string ends at the next quote.
    expect(exceedsJsonDepth(utf8(`[{"s":"\\\\"},[[]]]`), 2)).toBe(true);
  });

  test('reads multi-byte characters without mistaking their bytes for structure', () => {
    expect(exceedsJsonDepth(utf8(JSON.stringify({ s: 'ǻ€😀[' })), 1)).toBe(false);
    expect(exceedsJsonDepth(utf8(`{"😀":${deep(3)}}`), 3)).toBe(true);
  });

  test('leaves malformed text to the parser: closers without openers never go below zero', () => {
    expect(exceedsJsonDepth(utf8(']]]]]]' + deep(3)), 3)).toBe(false);
    expect(exceedsJsonDepth(utf8(']]]]]]' + deep(4)), 3)).toBe(true);
    expect(exceedsJsonDepth(utf8('"unterminated [[[['), 1)).toBe(false);
  });

  test('scans a million levels without recursion', () => {
    expect(exceedsJsonDepth(utf8(deep(1_000_000)))).toBe(true);
  });
});
