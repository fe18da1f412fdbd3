import { ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import type { FieldError } from './app-error.js';
import { validationFailed } from './kernel.errors.js';

/**
 * class-transformer helpers for list-valued query parameters (use with @Transform): Express gives a
 * string for `?a=x` and an array for `?a=x&a=y`.
 */

/** `?status=a&status=b` and `?status=a,b` alike. */
export const repeatedOrCommaSeparated = ({ value }: { value: unknown }): unknown[] =>
  (Array.isArray(value) ? (value as unknown[]) : [value]).flatMap((v) =>
    typeof v === 'string'
      ? v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : [v],
  );

/** `?label=k:v&label=k2:v2`: values may hold commas, so only repetition makes a list. */
export const repeated = ({ value }: { value: unknown }): unknown[] => (Array.isArray(value) ? (value as unknown[]) : [value]);

/** Per query DTO class: a name the client may send → the property it fills. */
const SYNONYMS = new Map<object, Map<string, string>>();

/**
 * `name` fills `property` of this query DTO: the pipe renames it before validation (so the rules
 * and the error messages are the property's), and refuses both sent with different values. The
 * caller documents `name` (see SeedAlias, and CursorQuery's pageSize).
 */
export function registerQuerySynonym(target: object, name: string, property: string): void {
  const own = SYNONYMS.get(target.constructor) ?? new Map<string, string>();
  own.set(name, property);
  SYNONYMS.set(target.constructor, own);
}

/**
 * Query parameters are camelCase, as the bodies are; where a seed names one in snake_case, that
 * name stays accepted as a deprecated alias, documented as its own parameter. Put it on the
 * camelCase property: `@SeedAlias('correlation_id', '000', { type: String, maxLength: 128 })`.
 */
export function SeedAlias(alias: string, seed: string, schema: ApiPropertyOptions): PropertyDecorator {
  return (target, property) => {
    registerQuerySynonym(target, alias, String(property));
    ApiPropertyOptional({ ...schema, deprecated: true, description: `Alias of \`${String(property)}\`, as seed ${seed} names it` })(
      target,
      alias,
    );
  };
}

function synonymsOf(metatype: object): Map<string, string> {
  const all = new Map<string, string>();
  for (let cls: object | null = metatype; cls && cls !== Function.prototype; cls = Object.getPrototypeOf(cls) as object | null) {
    for (const [name, property] of SYNONYMS.get(cls) ?? []) if (!all.has(name)) all.set(name, property);
  }
  return all;
}

/** The query with each synonym renamed to its property; 400 when both are sent and differ. */
export function resolveQuerySynonyms(metatype: object, query: unknown): unknown {
  const synonyms = synonymsOf(metatype);
  if (synonyms.size === 0 || !query || typeof query !== 'object') return query;
  const out: Record<string, unknown> = { ...(query as Record<string, unknown>) };
  const errors: FieldError[] = [];
  for (const [name, property] of synonyms) {
    if (!Object.hasOwn(out, name)) continue;
    if (Object.hasOwn(out, property) && JSON.stringify(out[property]) !== JSON.stringify(out[name])) {
      errors.push({ field: name, message: `${name} and ${property} are the same setting and differ`, code: 'CONFLICTING_PARAMETERS' });
      continue;
    }
    out[property] = out[name];
    delete out[name];
  }
  if (errors.length) throw validationFailed(errors);
  return out;
}
