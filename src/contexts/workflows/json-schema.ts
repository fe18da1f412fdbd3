import { Logger } from '@nestjs/common';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import safeRegex from 'safe-regex2';
import type { FieldError } from '../../kernel/http/app-error.js';

/**
 * The subset of JSON Schema (draft 2020-12) that the step types' input schemas and the definitions'
 * input schemas use, validated with Ajv. Supported keywords: type, properties, required,
 * additionalProperties (false or a schema), items, enum, minimum, maximum, minLength, maxLength,
 * pattern, format (uri, date-time, uuid), oneOf (exactly one branch holds), description. Anything
 * else in a schema is ignored (it is removed before Ajv sees the schema), so the step type schemas
 * must stay within this list (the unit tests check they do).
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
  'type',
  'description',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'enum',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'oneOf',
]);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const TYPES = new Set(['object', 'string', 'integer', 'number', 'boolean', 'array', 'null']);
const FORMATS = new Set(['uri', 'date-time', 'uuid']);
/** A keyword whose value can never hold (an unknown type, an empty enum or oneOf): it fails as that keyword. */
const NEVER = 'x-marshal-never';

const logger = new Logger('JsonSchema');
const text = (args: unknown[]) => args.map(String).join(' ');

const ajv = new Ajv({
  logger: {
    log: (...args: unknown[]) => logger.log(text(args)),
    // Ajv calls `unicode` deprecated, yet it is the switch that counts code units: say nothing about it.
    warn: (...args: unknown[]) => void (text(args).includes('option unicode') || logger.warn(text(args))),
    error: (...args: unknown[]) => logger.error(text(args)),
  },
  allErrors: true,
  verbose: true,
  strict: false,
  // Lengths in UTF-16 code units and patterns without the u flag: String.length and new RegExp(pattern).
  unicode: false,
  unicodeRegExp: false,
  // Our own checks, not ajv-formats': its uuid takes a urn:uuid: prefix, its date-time a space or a
  // lowercase t, its uri RFC 3986 rather than what URL parses.
  formats: {
    uuid: { type: 'string', validate: (s: string) => UUID.test(s) },
    'date-time': { type: 'string', validate: (s: string) => DATE_TIME.test(s) && !Number.isNaN(Date.parse(s)) },
    uri: { type: 'string', validate: (s: string) => URL.canParse(s) },
  },
  keywords: [{ keyword: NEVER, validate: () => false }],
});

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isLength = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
/** A subschema that is not an object constrains nothing (`{}`); a missing one stays missing. */
const subschema = (v: unknown): Record<string, unknown> => (isObject(v) ? subset(v) : {});

/**
 * The schema reduced to the supported keywords with well-formed values, which is what Ajv compiles:
 * unknown keywords, unknown formats and values of the wrong kind are left out, as they were ignored
 * before Ajv; an unknown type and an empty enum or oneOf never hold.
 */
function subset(schema: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const { type, properties, required, additionalProperties, items, oneOf } = schema;
  if (typeof type === 'string' && TYPES.has(type)) out.type = type;
  else if (type) out[NEVER] = { keyword: 'type', type };
  if (Array.isArray(schema.enum)) {
    if (schema.enum.length) out.enum = schema.enum;
    else out[NEVER] ??= { keyword: 'enum' };
  }
  for (const k of ['minimum', 'maximum'] as const) if (typeof schema[k] === 'number') out[k] = schema[k];
  for (const k of ['minLength', 'maxLength'] as const) if (isLength(schema[k])) out[k] = schema[k];
  if (typeof schema.pattern === 'string') out.pattern = schema.pattern;
  if (typeof schema.format === 'string' && FORMATS.has(schema.format)) out.format = schema.format;
  if (isObject(properties)) {
    out.properties = Object.fromEntries(
      Object.entries(properties)
        .filter(([, v]) => v)
        .map(([k, v]) => [k, subschema(v)]),
    );
  }
  if (Array.isArray(required)) out.required = [...new Set(required.filter((k): k is string => typeof k === 'string'))];
  if (additionalProperties === false) out.additionalProperties = false;
  else if (typeof additionalProperties === 'object' && additionalProperties !== null)
    out.additionalProperties = subschema(additionalProperties);
  if (items) out.items = subschema(items);
  if (Array.isArray(oneOf)) {
    if (oneOf.length) out.oneOf = oneOf.map(subschema);
    else out[NEVER] ??= { keyword: 'oneOf' };
  }
  return out;
}

const MAX_CACHED = 500;
const byObject = new WeakMap<object, ValidateFunction>();
const byText = new Map<string, ValidateFunction>();

/** The compiled validator of a schema: by identity for the step types' schemas, by text for stored ones. */
function compiled(schema: JsonSchema | Record<string, unknown>): ValidateFunction {
  const known = byObject.get(schema);
  if (known) return known;
  const reduced = subset(schema as Record<string, unknown>);
  const key = JSON.stringify(reduced);
  let validate = byText.get(key);
  if (!validate) {
    validate = ajv.compile(reduced);
    ajv.removeSchema(reduced); // Ajv keeps every compiled schema object otherwise; ours are cached here.
    if (byText.size >= MAX_CACHED) byText.delete(byText.keys().next().value!);
    byText.set(key, validate);
  }
  byObject.set(schema, validate);
  return validate;
}

/** The order in which the checks of one schema report: the validator before Ajv reported in this order. */
const RANK: Record<string, number> = {
  type: 0,
  enum: 1,
  minimum: 2,
  maximum: 3,
  minLength: 4,
  maxLength: 5,
  pattern: 6,
  format: 7,
  items: 8,
  required: 9,
  properties: 10,
  oneOf: 11,
};

interface Located {
  keyword: string;
  instancePath: string;
  depth: number;
  field: string;
  message: string;
  order: number[];
}

/** Whether an error comes from inside a oneOf branch: only the oneOf's own error is reported. */
function inBranch(schemaPath: string): boolean {
  const segments = schemaPath.replace(/^#\/?/, '').split('/');
  for (let i = 0; i < segments.length; i++) {
    if (segments[i] === 'properties') i++;
    else if (segments[i] === 'oneOf' && i + 1 < segments.length) return true;
  }
  return false;
}

const unescape = (segment: string) => segment.replace(/~1/g, '/').replace(/~0/g, '~');
const article = (type: unknown) => (type === 'integer' || type === 'array' || type === 'object' ? 'an' : 'a');

/** The error at its path (`nodes[2].inputs.url`), with its message and its place in the report order. */
function locate(error: ErrorObject, value: unknown, path: string): Located {
  const segments = error.instancePath ? error.instancePath.slice(1).split('/').map(unescape) : [];
  const order: number[] = [];
  let at = path;
  let current = value;
  for (const segment of segments) {
    if (Array.isArray(current)) {
      const index = Number(segment);
      at += `[${index}]`;
      order.push(RANK.items, index);
      current = current[index];
    } else {
      const object = current as Record<string, unknown>;
      at += `.${segment}`;
      order.push(RANK.properties, Object.keys(object).indexOf(segment));
      current = object[segment];
    }
  }
  const never = error.keyword === NEVER ? (error.schema as { keyword: string; type?: unknown }) : undefined;
  const keyword = never?.keyword ?? error.keyword;
  const schema = error.parentSchema as Record<string, unknown>;
  const located = (message: string, field = at, rank = [RANK[keyword] ?? RANK.oneOf, 0]): Located => ({
    keyword,
    instancePath: error.instancePath,
    depth: segments.length,
    field,
    message,
    order: [...order, ...rank],
  });
  switch (keyword) {
    case 'type': {
      const type = never ? never.type : schema.type;
      return located(`${at} must be ${article(type)} ${String(type)}`);
    }
    case 'enum':
      return located(`${at} must be one of ${((schema.enum as unknown[] | undefined) ?? []).map((e) => JSON.stringify(e)).join(', ')}`);
    case 'minimum':
      return located(`${at} must be at least ${String(schema.minimum)}`);
    case 'maximum':
      return located(`${at} must be at most ${String(schema.maximum)}`);
    case 'minLength':
      return located(`${at} must be at least ${String(schema.minLength)} characters`);
    case 'maxLength':
      return located(`${at} must be at most ${String(schema.maxLength)} characters`);
    case 'pattern':
      return located(`${at} must match ${String(schema.pattern)}`);
    case 'format':
      return located(`${at} must be a valid ${String(schema.format)}`);
    case 'required': {
      const key = (error.params as { missingProperty: string }).missingProperty;
      return located(`${at}.${key} is required`, `${at}.${key}`, [RANK.required, (schema.required as string[]).indexOf(key)]);
    }
    case 'additionalProperties': {
      const key = (error.params as { additionalProperty: string }).additionalProperty;
      return located(`${at}.${key} is not a known field`, `${at}.${key}`, [RANK.properties, Object.keys(current as object).indexOf(key)]);
    }
    default: {
      const branches = (schema.oneOf as Record<string, unknown>[] | undefined) ?? [];
      const alternatives = branches.map((b) => ((b.required as string[] | undefined) ?? []).join(' + ') || 'another form').join(' | ');
      return located(`${at} must have exactly one of: ${alternatives}`);
    }
  }
}

const within = (p: string, root: string) => p === root || p.startsWith(`${root}/`);

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/**
 * Every way `value` fails `schema`, each at its path below `path` (e.g. `nodes[2].inputs.url`), in a
 * fixed order: a value's own checks (type, enum, bounds, lengths, pattern, format), then its items or
 * its required and known fields in the order of its keys, then oneOf. A value of the wrong type or
 * outside its enum reports that alone; oneOf reports only when nothing else failed at or below it.
 */
export function validateJson(
  schema: JsonSchema | Record<string, unknown>,
  value: unknown,
  path: string,
  code = 'INVALID_INPUT',
): FieldError[] {
  let validate: ValidateFunction;
  try {
    validate = compiled(schema);
  } catch (error) {
    // A schema stored before it was checked (schemaProblems) may not compile: the inputs cannot be judged by it.
    return [
      {
        field: path,
        message: `${path} cannot be checked: its schema does not compile (${(error as Error).message})`,
        code: 'INVALID_SCHEMA',
      },
    ];
  }
  if (validate(value)) return [];
  const all = (validate.errors ?? []).filter((e) => !inBranch(e.schemaPath)).map((e) => locate(e, value, path));
  const wrongType = all.filter((e) => e.keyword === 'type');
  const notListed = all.filter((e) => e.keyword === 'enum');
  // A value of the wrong type reports that alone, and so does one outside its enum (unless its type is wrong too).
  let kept = all.filter(
    (e) =>
      !wrongType.some((t) => t !== e && within(e.instancePath, t.instancePath)) &&
      !notListed.some(
        (n) => n !== e && within(e.instancePath, n.instancePath) && !(e.keyword === 'type' && e.instancePath === n.instancePath),
      ),
  );
  // A oneOf counts only when nothing else failed at or below it, deepest first.
  for (const one of kept.filter((e) => e.keyword === 'oneOf').sort((a, b) => b.depth - a.depth)) {
    if (kept.some((e) => e !== one && within(e.instancePath, one.instancePath))) kept = kept.filter((e) => e !== one);
  }
  return kept.sort((a, b) => compare(a.order, b.order)).map((e) => ({ field: e.field, message: e.message, code }));
}

/**
 * Why `schema` cannot be used to validate anything (a `pattern` that is not a regular expression),
 * or nothing: a definition's input schema is checked so before it is stored.
 */
export function schemaProblems(schema: Record<string, unknown>, field: string): FieldError[] {
  try {
    compiled(schema);
  } catch (error) {
    return [{ field, message: `${field} does not compile: ${(error as Error).message}`, code: 'INVALID_SCHEMA' }];
  }
  // A run's inputs are matched on the event loop every replica shares: a pattern that can backtrack
  // for exponential time (nested quantifiers, `(a+)+`) would let one tenant stall them all.
  const risky = patternsOf(subset(schema)).find((pattern) => !safeRegex(pattern));
  return risky === undefined
    ? []
    : [
        {
          field,
          message: `${field} has a pattern that can take exponential time to match (nested quantifiers): ${risky}`,
          code: 'INVALID_SCHEMA',
        },
      ];
}

/** Every `pattern` of a reduced schema, at any depth. */
function patternsOf(schema: Record<string, unknown>): string[] {
  const nested = [
    ...Object.values((schema.properties as Record<string, Record<string, unknown>> | undefined) ?? {}),
    ...((schema.oneOf as Record<string, unknown>[] | undefined) ?? []),
    ...[schema.items, schema.additionalProperties].filter((s): s is Record<string, unknown> => isObject(s)),
  ];
  return [...(typeof schema.pattern === 'string' ? [schema.pattern] : []), ...nested.flatMap(patternsOf)];
}
