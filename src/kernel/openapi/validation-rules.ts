import type { INestApplicationContext, Type } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import { ModulesContainer } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata.js';
import { operations } from './openapi-document.js';

type Schema = Record<string, unknown>;
/** Whether a property's schema says what one class-validator rule enforces (constraints as registered). */
type Counterpart = (schema: Schema, constraints: unknown[]) => boolean;

const source = (pattern: unknown) => (pattern instanceof RegExp ? pattern.source : pattern);
const sameSet = (a: unknown, b: unknown) =>
  Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((value) => (b as unknown[]).includes(value));

/**
 * Every rule name a DTO uses, with the schema keywords that tell a client the same thing. A rule
 * missing here fails the comparison: a new validator must say what it documents, or be listed in
 * RULES_WITHOUT_KEYWORD with a reason.
 */
export const RULE_COUNTERPARTS: Record<string, Counterpart> = {
  isLength: (s, [min, max]) => s.minLength === min && (max === undefined || s.maxLength === max),
  minLength: (s, [min]) => s.minLength === min,
  maxLength: (s, [max]) => s.maxLength === max,
  matches: (s, [pattern]) => s.pattern === source(pattern),
  isIn: (s, [values]) => sameSet(s.enum, values),
  isEnum: (s) => Array.isArray(s.enum),
  min: (s, [min]) => s.minimum === min,
  max: (s, [max]) => s.maximum === max,
  arrayMinSize: (s, [min]) => s.minItems === min,
  arrayMaxSize: (s, [max]) => s.maxItems === max,
  arrayNotEmpty: (s) => typeof s.minItems === 'number' && s.minItems >= 1,
  isUuid: (s) => s.format === 'uuid',
  isEmail: (s) => s.format === 'email',
  isUrl: (s) => s.format === 'uri',
  isInt: (s) => s.type === 'integer',
  isString: (s) => s.type === 'string' || Array.isArray(s.enum),
  isBoolean: (s) => s.type === 'boolean',
  isNumber: (s) => s.type === 'number' || s.type === 'integer',
  isObject: (s) => s.type === 'object' || '$ref' in s || 'allOf' in s,
  isArray: (s) => s.type === 'array',
  isDate: (s) => s.format === 'date-time',
  isDateString: (s) => s.format === 'date-time',
  isISO8601: (s) => s.format === 'date-time',
};

/** Rules whose meaning JSON Schema cannot say, each with the reason; nothing else may go undocumented. */
export const RULES_WITHOUT_KEYWORD: Record<string, string> = {
  isJsonObject: 'a limit on the serialised size in bytes: no JSON Schema keyword says it (the description does)',
};

/** Rule types that are not rules on a value: optionality, nesting, whitelisting. */
const STRUCTURAL = new Set(['conditionalValidation', 'nestedValidation', 'whitelistValidation', 'isDefined']);

const ruleName = (m: ValidationMetadata) => (m.type === 'customValidation' ? m.name : m.type);

/** The body and query DTO classes of every route, found through Nest's own parameter metadata. */
export function routeDtos(app: INestApplicationContext): { operationId: string; body: Type[]; query: Type[] }[] {
  const out: { operationId: string; body: Type[]; query: Type[] }[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller) continue;
      for (const method of Object.getOwnPropertyNames(controller.prototype)) {
        const args = Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) as Record<string, { index: number; data?: unknown }> | undefined;
        if (!args) continue;
        const types = (Reflect.getMetadata('design:paramtypes', controller.prototype as object, method) ?? []) as Type[];
        const of = (paramtype: RouteParamtypes) =>
          Object.entries(args)
            .filter(([key, arg]) => key.split(':')[0] === String(paramtype) && arg.data === undefined)
            .map(([, arg]) => types[arg.index])
            .filter((type): type is Type => typeof type === 'function' && getMetadataStorage().getTargetValidationMetadatas(type, '', true, false).length > 0);
        out.push({ operationId: method, body: of(RouteParamtypes.BODY), query: of(RouteParamtypes.QUERY) });
      }
    }
  }
  return out;
}

/** The rules of `dto` that its property schemas (`schemaOf`) do not state, as readable problems. */
export function undocumentedRules(dto: Type, schemaOf: (property: string) => Schema | undefined, where: string): string[] {
  const problems: string[] = [];
  for (const rule of getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false)) {
    const name = ruleName(rule);
    if (!name || STRUCTURAL.has(rule.type) || RULES_WITHOUT_KEYWORD[name]) continue;
    const property = schemaOf(rule.propertyName);
    const at = `${where}.${rule.propertyName}`;
    if (!property) {
      problems.push(`${at}: validated (${name}) but not in the document`);
      continue;
    }
    const schema = (rule.each ? property.items : property) as Schema | undefined;
    const counterpart = RULE_COUNTERPARTS[name];
    if (!counterpart) problems.push(`${at}: rule ${name} has no known schema counterpart (add it to RULE_COUNTERPARTS or RULES_WITHOUT_KEYWORD)`);
    else if (!schema || !counterpart(schema, rule.constraints ?? [])) problems.push(`${at}: rule ${name}(${JSON.stringify(rule.constraints ?? [])}) is not in its schema`);
  }
  return problems;
}

/**
 * Every validation rule of every DTO a route takes (bodies, their nested DTOs, queries) against the
 * document: a rule the server applies but the document does not state is a problem.
 */
export function validationRuleGaps(app: INestApplicationContext, document: OpenAPIObject): string[] {
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
      problems.push(...undocumentedRules(dto, parameter, `${operationId} query`));
    }
  }
  // Nested DTOs are component schemas too: compare every validated class the document names.
  for (const dto of validatedClasses()) if (schemas[dto.name]) components.add(dto);
  for (const dto of components) problems.push(...undocumentedRules(dto, (property) => schemas[dto.name]?.properties?.[property], dto.name));
  return [...new Set(problems)].sort();
}

function validatedClasses(): Type[] {
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<Type, ValidationMetadata[]> | ValidationMetadata[] };
  const all = storage.validationMetadatas instanceof Map ? [...storage.validationMetadatas.values()].flat() : storage.validationMetadatas;
  return [...new Set(all.map((m) => m.target).filter((t): t is Type => typeof t === 'function'))];
}
