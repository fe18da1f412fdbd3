const SECRET_KEY = /pass(word)?|secret|token|api[-_]?key|private[-_]?key|credential|authorization|cookie|^value$/i;

/** Whether a field name looks like it holds a secret (a password, a token, an Authorization header…). */
export const looksSecret = (key: string): boolean => SECRET_KEY.test(key);

/**
 * Audit details are for people reading a trail: keep them small and free of secrets. Keys that
 * look like secrets are replaced, whatever their depth; long strings are cut.
 */
export function redactDetails(value: unknown, depth = 0): unknown {
  if (depth > 4) return '[truncated]';
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => redactDetails(v, depth + 1));
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        k,
        SECRET_KEY.test(k) ? '[REDACTED]' : redactDetails(v, depth + 1),
      ]),
    );
  }
  if (typeof value === 'string' && value.length > 500) return `${value.slice(0, 500)}…`;
  return value;
}
