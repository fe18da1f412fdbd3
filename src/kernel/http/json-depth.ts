/**
 * The deepest nesting of objects and arrays a JSON body may have (the body itself is level 1).
 * Real payloads stay far below it; far above it, recursive code (class-transformer, the
 * validator, JSON.stringify) overflows the stack, which is a 500 and a cheap way to burn CPU.
 */
export const MAX_JSON_DEPTH = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/**
 * Whether the UTF-8 JSON text `json` nests objects and arrays deeper than `max`: one pass over
 * its bytes, with no parsing and no recursion, so it can run before JSON.parse. In UTF-8 every byte
 * of a multi-byte character is 0x80 or above, so the structural characters cannot be mistaken.
 * Brackets inside strings do not count. Text that is not valid JSON is left to the parser.
 */
export function exceedsJsonDepth(json: Uint8Array, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const byte = json[i];
    if (inString) {
      if (byte === BACKSLASH)
        i++; // the escaped character, a quote included, is part of the string
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      if (++depth > max) return true;
    } else if ((byte === CLOSE_BRACE || byte === CLOSE_BRACKET) && depth > 0) {
      depth--;
    }
  }
  return false;
}
