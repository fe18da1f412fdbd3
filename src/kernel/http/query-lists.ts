/**
 * class-transformer helpers for list-valued query parameters (use with @Transform): Express gives a
 * string for `?a=x` and an array for `?a=x&a=y`.
 */

/** `?status=a&status=b` and `?status=a,b` alike. */
export const repeatedOrCommaSeparated = ({ value }: { value: unknown }): unknown[] =>
  (Array.isArray(value) ? (value as unknown[]) : [value]).flatMap((v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : [v]));

/** `?label=k:v&label=k2:v2`: values may hold commas, so only repetition makes a list. */
export const repeated = ({ value }: { value: unknown }): unknown[] => (Array.isArray(value) ? (value as unknown[]) : [value]);
