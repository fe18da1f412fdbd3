import { isDeepStrictEqual } from 'node:util';
import { ParseUUIDPipe, type INestApplicationContext, type Type } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import { ModulesContainer } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata.js';
import { CUSTOM_RULES, type RuleDocumentation } from '../http/validators.js';
import { operations } from './operations.js';

type Schema = Record<string, unknown>;

const UUID_LENGTH = 36;

/**
 * How one class-validator rule shows in a property's schema: `holds` says whether the schema states
 * it (constraints as registered), `apply` writes it there.
 */
interface Counterpart {
  holds: (schema: Schema, constraints: unknown[]) => boolean;
  apply: (schema: Schema, constraints: unknown[]) => void;
}

const source = (pattern: unknown) => (pattern instanceof RegExp ? pattern.source : pattern);
const sameSet = (a: unknown, b: unknown) =>
  Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((value) => (b as unknown[]).includes(value));
const isReference = (s: Schema) => '$ref' in s || 'allOf' in s || 'anyOf' in s || 'oneOf' in s;

/** A keyword whose value follows from the rule's constraints. */
const keyword = (name: string, value: (constraints: unknown[]) => unknown): Counterpart => ({
  holds: (s, c) => s[name] === value(c),
  apply: (s, c) => {
    s[name] = value(c);
  },
});
const both = (...parts: Counterpart[]): Counterpart => ({
  holds: (s, c) => parts.every((p) => p.holds(s, c)),
  apply: (s, c) => parts.forEach((p) => p.apply(s, c)),
});
/** A JSON type; a reference or an enum already says it. */
const type = (name: string, also: string[] = []): Counterpart => ({
  holds: (s) => s.type === name || also.includes(s.type as string) || (name === 'string' && Array.isArray(s.enum)) || (name === 'object' && isReference(s)),
  apply: (s) => {
    if (!isReference(s) && !Array.isArray(s.enum) && !also.includes(s.type as string)) s.type = name;
  },
});
const dateTime = both(type('string'), keyword('format', () => 'date-time'));
const enumOf = (values: (c: unknown[]) => unknown): Counterpart => ({
  holds: (s, c) => sameSet(s.enum, values(c)),
  apply: (s, c) => {
    if (Array.isArray(values(c))) s.enum = values(c);
  },
});

/**
 * Every built-in rule a DTO uses, with the schema keywords that tell a client the same thing. A rule
 * missing here (or, for a custom one, from CUSTOM_RULES) fails the comparison: a new validator must
 * say what it documents, or be listed in RULES_WITHOUT_KEYWORD with a reason.
 */
export const RULE_COUNTERPARTS: Record<string, Counterpart> = {
  isLength: {
    holds: (s, [min, max]) => s.minLength === min && (max === undefined || s.maxLength === max),
    apply: (s, [min, max]) => {
      s.minLength = min;
      if (max !== undefined) s.maxLength = max;
    },
  },
  minLength: keyword('minLength', ([min]) => min),
  maxLength: keyword('maxLength', ([max]) => max),
  matches: keyword('pattern', ([pattern]) => source(pattern)),
  isIn: enumOf(([values]) => values),
  isEnum: enumOf(([, values]) => values),
  min: keyword('minimum', ([min]) => min),
  max: keyword('maximum', ([max]) => max),
  arrayMinSize: keyword('minItems', ([min]) => min),
  arrayMaxSize: keyword('maxItems', ([max]) => max),
  arrayNotEmpty: {
    holds: (s) => typeof s.minItems === 'number' && s.minItems >= 1,
    apply: (s) => {
      if (!(typeof s.minItems === 'number' && s.minItems >= 1)) s.minItems = 1;
    },
  },
  // A UUID is its 36-character canonical form: class-validator's isUUID accepts no other.
  isUuid: both(keyword('format', () => 'uuid'), keyword('maxLength', () => UUID_LENGTH)),
  isEmail: keyword('format', () => 'email'),
  isUrl: keyword('format', () => 'uri'),
  isBase64: keyword('format', () => 'byte'),
  isInt: keyword('type', () => 'integer'),
  isString: type('string'),
  isBoolean: type('boolean'),
  isNumber: type('number', ['integer']),
  isObject: type('object'),
  isArray: type('array'),
  isDate: dateTime,
  isDateString: dateTime,
  isISO8601: dateTime,
};

/** Built-in rules whose meaning JSON Schema cannot say, each with the reason; nothing else may go undocumented. */
export const RULES_WITHOUT_KEYWORD: Record<string, string> = {
  minDate: 'a bound relative to the moment of the request ("in the future"): no static keyword says it (the description does)',
  arrayUnique:
    'items unique by one of their fields (a batch naming each job once): uniqueItems compares whole items and cannot say it (the description does)',
};

/** The counterpart of a custom rule: its declared keywords (defineValidator), each must hold. */
function customCounterpart(documentation: RuleDocumentation): Counterpart | undefined {
  const { keywords } = documentation;
  if (!keywords) return undefined;
  return {
    holds: (s) =>
      Object.entries(keywords).every(([key, value]) =>
        key === 'description' ? typeof s.description === 'string' && s.description.includes(value as string) : isDeepStrictEqual(s[key], value),
      ),
    apply: (s) => {
      for (const [key, value] of Object.entries(keywords)) {
        if (key !== 'description') s[key] = value;
        else if (!(typeof s.description === 'string' && s.description.includes(value as string))) s.description = s.description ? `${s.description as string}. ${value as string}` : value;
      }
    },
  };
}

type Resolution = { counterpart: Counterpart } | { unstated: string } | { unknown: true };

function counterpartOf(rule: ValidationMetadata): Resolution {
  const name = ruleName(rule) ?? '';
  if (rule.type === 'customValidation' && CUSTOM_RULES.has(name)) {
    const documentation = CUSTOM_RULES.get(name)!(rule.constraints ?? []);
    const counterpart = customCounterpart(documentation);
    if (counterpart) return { counterpart };
    if (documentation.unstated) return { unstated: documentation.unstated };
  }
  if (RULE_COUNTERPARTS[name]) return { counterpart: RULE_COUNTERPARTS[name] };
  if (RULES_WITHOUT_KEYWORD[name]) return { unstated: RULES_WITHOUT_KEYWORD[name] };
  return { unknown: true };
}

/** Rule types that are not rules on a value: optionality, nesting, whitelisting. */
const STRUCTURAL = new Set(['conditionalValidation', 'nestedValidation', 'whitelistValidation', 'isDefined']);

const ruleName = (m: ValidationMetadata): string | undefined => (m.type === 'customValidation' ? m.name : m.type);

/** What a route takes: its body and query DTO classes, and the path parameters it reads as UUIDs. */
interface RouteInputs {
  operationId: string;
  body: Type[];
  query: Type[];
  uuidParams: string[];
}

/** The inputs of every route, found through Nest's own parameter metadata. */
export function routeDtos(app: INestApplicationContext): RouteInputs[] {
  const out: RouteInputs[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller) continue;
      for (const method of Object.getOwnPropertyNames(controller.prototype)) {
        const args = Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) as Record<string, { index: number; data?: unknown; pipes?: unknown[] }> | undefined;
        if (!args) continue;
        const types = (Reflect.getMetadata('design:paramtypes', controller.prototype as object, method) ?? []) as Type[];
        const of = (paramtype: RouteParamtypes) =>
          Object.entries(args)
            .filter(([key, arg]) => key.split(':')[0] === String(paramtype) && arg.data === undefined)
            .map(([, arg]) => types[arg.index])
            .filter((type): type is Type => typeof type === 'function' && getMetadataStorage().getTargetValidationMetadatas(type, '', true, false).length > 0);
        // A path parameter read through ParseUUIDPipe (UuidParam) is a UUID, whatever else the controller says of it.
        const uuidParams = Object.entries(args)
          .filter(([key, arg]) => key.split(':')[0] === String(RouteParamtypes.PARAM) && typeof arg.data === 'string' && arg.pipes?.some((pipe) => pipe instanceof ParseUUIDPipe))
          .map(([, arg]) => arg.data as string);
        out.push({ operationId: method, body: of(RouteParamtypes.BODY), query: of(RouteParamtypes.QUERY), uuidParams });
      }
    }
  }
  return out;
}

/** A nullable property is published as `anyOf: [schema, {enum:[null]}]` (explicitNulls): its rules are on the schema. */
function nonNull(schema: Schema): Schema {
  const branches = Array.isArray(schema.anyOf) ? (schema.anyOf as Schema[]).filter((b) => !(Array.isArray(b.enum) && b.enum.length === 1 && b.enum[0] === null)) : [];
  return branches.length === 1 && !('$ref' in branches[0]) ? branches[0] : schema;
}

type Visit = (at: string, rule: ValidationMetadata, schema: Schema | undefined) => void;

/** Each rule of `dto` with the schema it belongs in: the property's (or its items', for `each`). */
function visitRules(dto: Type, schemaOf: (property: string) => Schema | undefined, where: string, visit: Visit): void {
  for (const rule of getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false)) {
    if (!ruleName(rule) || STRUCTURAL.has(rule.type)) continue;
    const property = schemaOf(rule.propertyName);
    const schema = property && (rule.each ? (nonNull(property).items as Schema | undefined) : nonNull(property));
    visit(`${where}.${rule.propertyName}`, rule, property && (schema ?? undefined));
  }
}

/** The rules of `dto` that its property schemas (`schemaOf`) do not state, as readable problems. */
export function undocumentedRules(dto: Type, schemaOf: (property: string) => Schema | undefined, where: string): string[] {
  const problems: string[] = [];
  visitRules(dto, schemaOf, where, (at, rule, schema) => {
    const name = ruleName(rule);
    const resolution = counterpartOf(rule);
    if ('unstated' in resolution) return;
    if (!schemaOf(rule.propertyName)) problems.push(`${at}: validated (${name}) but not in the document`);
    else if ('unknown' in resolution) problems.push(`${at}: rule ${name} has no known schema counterpart (add it to RULE_COUNTERPARTS or RULES_WITHOUT_KEYWORD, or define it with defineValidator)`);
    else if (!schema || !resolution.counterpart.holds(schema, rule.constraints ?? [])) problems.push(`${at}: rule ${name}(${JSON.stringify(rule.constraints ?? [])}) is not in its schema`);
  });
  return problems;
}

/** Writes every rule of `dto` that has a counterpart into its property schemas. */
function documentRules(dto: Type, schemaOf: (property: string) => Schema | undefined, where: string): void {
  visitRules(dto, schemaOf, where, (_at, rule, schema) => {
    const resolution = counterpartOf(rule);
    if (schema && 'counterpart' in resolution) resolution.counterpart.apply(schema, rule.constraints ?? []);
  });
}

type Check = (dto: Type, schemaOf: (property: string) => Schema | undefined, where: string, component?: Schema) => string[] | void;

/** Every DTO a route takes (bodies, their nested DTOs, queries) beside its place in the document. */
function eachRouteDto(app: INestApplicationContext, document: OpenAPIObject, check: Check): string[] {
  const schemas = (document.components?.schemas ?? {}) as Record<string, { properties?: Record<string, Schema> }>;
  const byId = new Map(operations(document).map(({ op }) => [op.operationId, op]));
  const problems: string[] = [];
  const components = new Set<Type>();
  for (const { operationId, body, query } of routeDtos(app)) {
    const op = byId.get(operationId);
    if (!op) continue;
    for (const dto of body) {
      if (!schemas[dto.name]) problems.push(`${operationId}: body ${dto.name} is not a component schema`);
      components.add(dto);
    }
    for (const dto of query) {
      const parameter = (name: string) => (op.parameters?.find((p) => 'in' in p && p.in === 'query' && p.name === name) as { schema?: Schema } | undefined)?.schema;
      problems.push(...(check(dto, parameter, `${operationId} query`) ?? []));
    }
  }
  // Nested DTOs are component schemas too: every validated class the document names.
  for (const dto of validatedClasses()) if (schemas[dto.name]) components.add(dto);
  for (const dto of components) problems.push(...(check(dto, (property) => schemas[dto.name]?.properties?.[property], dto.name, schemas[dto.name]) ?? []));
  return problems;
}

/**
 * Writes what the server enforces into the document, from the same decorators that enforce it:
 * the swagger plugin copies only some rules (not IsInt, not a pattern held in a constant, not a
 * custom validator, not a path parameter's pipe), so every rule with a counterpart is applied here.
 */
export function documentValidationRules(app: INestApplicationContext, document: OpenAPIObject): void {
  eachRouteDto(app, document, (dto, schemaOf, where, component) => {
    documentRules(dto, schemaOf, where);
    // The validation pipe refuses a field a body DTO does not declare (forbidNonWhitelisted): 400 UNKNOWN_FIELD.
    if (component && component.additionalProperties === undefined) component.additionalProperties = false;
  });
  const byId = new Map(operations(document).map(({ op }) => [op.operationId, op]));
  for (const { operationId, uuidParams } of routeDtos(app)) {
    for (const name of uuidParams) {
      const parameter = byId.get(operationId)?.parameters?.find((p) => 'in' in p && p.in === 'path' && p.name === name) as { schema?: Schema } | undefined;
      if (parameter) parameter.schema = { ...parameter.schema, type: 'string', format: 'uuid', maxLength: UUID_LENGTH };
    }
  }
}

/**
 * Every validation rule of every DTO a route takes against the document: a rule the server applies
 * but the document does not state is a problem. The spec writer fails on any.
 */
export function validationRuleGaps(app: INestApplicationContext, document: OpenAPIObject): string[] {
  const closed = (dto: Type, component?: Schema) =>
    component && component.additionalProperties === undefined ? [`${dto.name}: takes no field it does not declare, but the schema does not say additionalProperties: false`] : [];
  return [...new Set(eachRouteDto(app, document, (dto, schemaOf, where, component) => [...undocumentedRules(dto, schemaOf, where), ...closed(dto, component)]))].sort();
}

function validatedClasses(): Type[] {
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<Type, ValidationMetadata[]> | ValidationMetadata[] };
  const all = storage.validationMetadatas instanceof Map ? [...storage.validationMetadatas.values()].flat() : storage.validationMetadatas;
  return [...new Set(all.map((m) => m.target).filter((t): t is Type => typeof t === 'function'))];
}
