import type { FieldError } from './app-error.js';

/** Beyond this many, a body full of NUL characters is not worth listing one by one. */
const MAX_REPORTED = 20;

const fieldPath = (parent: string, key: string | number) =>
  typeof key === 'number' ? `${parent}[${key}]` : parent ? `${parent}.${key}` : key;

/**
 * Every string in `value` (object keys included, at any depth) that holds a NUL character
 * (U+0000), as validation errors at its field path: `payload.items[2].name`, `q`. PostgreSQL
 * stores no NUL in `text` or `jsonb`, so such a value can only fail later, as a 500; JSON and
 * query strings can carry it, so it is refused here with the field it is in. A key holding one is
 * reported at the object that has it. Iterative, so that no nesting can overflow the stack.
 */
export function findNulCharacters(value: unknown, root = ''): FieldError[] {
  const found: FieldError[] = [];
  const report = (field: string, what: string) =>
    found.push({
      field: field || 'body',
      message: `${field || 'The body'} ${what} a NUL character (\\u0000), which is not accepted`,
      code: 'NUL_CHARACTER',
    });
  const stack: { value: unknown; path: string }[] = [{ value, path: root }];
  while (stack.length > 0 && found.length < MAX_REPORTED) {
    const { value: current, path } = stack.pop()!;
    if (typeof current === 'string') {
      if (current.includes('\u0000')) report(path, 'holds');
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push({ value: current[i], path: fieldPath(path, i) });
    } else if (current !== null && typeof current === 'object' && !Buffer.isBuffer(current)) {
      const entries = Object.entries(current);
      if (entries.some(([key]) => key.includes('\u0000'))) report(path, 'has a key holding');
      for (let i = entries.length - 1; i >= 0; i--) stack.push({ value: entries[i][1], path: fieldPath(path, entries[i][0]) });
    }
  }
  return found;
}
