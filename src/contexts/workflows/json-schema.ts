import type { FieldError } from '../../kernel/http/app-error.js';

/**
 * The subset of JSON Schema (draft 2020-12) that the step types' input schemas use, and a small
 * validator for it. Supported keywords: type, properties, required, additionalProperties (false or
 * a schema), items, enum, minimum, maximum, minLength, maxLength, pattern, format (uri, date-time,
 * uuid), oneOf (exactly one branch holds), description. Anything else in a schema is ignored, so
 * the step type schemas must stay within this list (the unit tests check they do).
 */
export interface JsonSchema {
  type?: 'object' | 'string' | 'integer' | 'number' | 'boolean' | 'array';
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: readonly unknown[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: 'uri' | 'date-time' | 'uuid';
  oneOf?: JsonSchema[];
}

export const SUPPORTED_KEYWORDS = new Set([
  'type', 'description', 'properties', 'required', 'additionalProperties', 'items', 'enum', 'minimum', 'maximum',
  'minLength', 'maxLength', 'pattern', 'format', 'oneOf',
]);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function formatHolds(format: JsonSchema['format'], value: string): boolean {
  switch (format) {
    case 'uuid':
      return UUID.test(value);
    case 'date-time':
      return DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
    case 'uri':
      return URL.canParse(value);
    default:
      return true;
  }
}

/** Every way `value` fails `schema`, each at its path below `path` (e.g. `nodes[2].inputs.url`). */
export function validateJson(schema: JsonSchema, value: unknown, path: string, code = 'INVALID_INPUT'): FieldError[] {
  const fail = (message: string, at = path): FieldError[] => [{ field: at, message, code }];
  const actual = typeOf(value);
  if (schema.type && !(schema.type === actual || (schema.type === 'number' && actual === 'integer'))) {
    return fail(`${path} must be ${schema.type === 'integer' || schema.type === 'array' || schema.type === 'object' ? 'an' : 'a'} ${schema.type}`);
  }
  if (schema.enum && !schema.enum.some((e) => JSON.stringify(e) === JSON.stringify(value))) {
    return fail(`${path} must be one of ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}`);
  }
  const errors: FieldError[] = [];
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) errors.push(...fail(`${path} must be at least ${schema.minimum}`));
    if (schema.maximum !== undefined && value > schema.maximum) errors.push(...fail(`${path} must be at most ${schema.maximum}`));
  }
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength) errors.push(...fail(`${path} must be at least ${schema.minLength} characters`));
    if (schema.maxLength !== undefined && value.length > schema.maxLength) errors.push(...fail(`${path} must be at most ${schema.maxLength} characters`));
    if (schema.pattern && !new RegExp(schema.pattern).test(value)) errors.push(...fail(`${path} must match ${schema.pattern}`));
    if (schema.format && !formatHolds(schema.format, value)) errors.push(...fail(`${path} must be a valid ${schema.format}`));
  }
  if (Array.isArray(value) && schema.items) value.forEach((item, i) => errors.push(...validateJson(schema.items!, item, `${path}[${i}]`, code)));
  if (actual === 'object') {
    const object = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (object[key] === undefined) errors.push(...fail(`${path}.${key} is required`, `${path}.${key}`));
    for (const [key, v] of Object.entries(object)) {
      const property = schema.properties?.[key];
      if (property) errors.push(...validateJson(property, v, `${path}.${key}`, code));
      else if (schema.additionalProperties === false) errors.push(...fail(`${path}.${key} is not a known field`, `${path}.${key}`));
      else if (typeof schema.additionalProperties === 'object') errors.push(...validateJson(schema.additionalProperties, v, `${path}.${key}`, code));
    }
  }
  if (schema.oneOf && errors.length === 0) {
    const holding = schema.oneOf.filter((branch) => validateJson(branch, value, path, code).length === 0).length;
    if (holding !== 1) {
      const alternatives = schema.oneOf.map((b) => (b.required ?? []).join(' + ') || 'another form').join(' | ');
      errors.push(...fail(`${path} must have exactly one of: ${alternatives}`));
    }
  }
  return errors;
}
