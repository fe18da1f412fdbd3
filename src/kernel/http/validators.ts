import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Matches, registerDecorator, ValidateIf, type ValidationArguments, type ValidationOptions } from 'class-validator';

/** Schema keywords, as the OpenAPI document writes them. */
export type SchemaKeywords = Record<string, unknown>;

/**
 * What a custom validator tells the document, given its constraints: the keywords that say what it
 * checks (a `description` is appended to the property's own), and what no JSON Schema keyword can
 * say (a cross-field rule, a size in bytes), with the reason. A rule gives at least one of the two.
 */
export interface RuleDocumentation {
  keywords?: SchemaKeywords;
  unstated?: string;
}

/** Every custom rule's documentation by rule name; the document writer reads it (kernel/openapi/validation-rules.ts). */
export const CUSTOM_RULES = new Map<string, (constraints: unknown[]) => RuleDocumentation>();

/**
 * A custom class-validator rule that declares its schema beside its check, once: the document
 * writer adds `documentation(...).keywords` to every property the rule validates, so the document
 * cannot forget what the server enforces.
 */
export function defineValidator<A extends unknown[]>(rule: {
  name: string;
  documentation: (...params: A) => RuleDocumentation;
  validate: (value: unknown, args: ValidationArguments, ...params: A) => boolean;
  message: (args: ValidationArguments, ...params: A) => string;
}): (...params: A) => PropertyDecorator {
  // One rule name, one meaning: two rules of one name would let the document describe the wrong one.
  if (CUSTOM_RULES.has(rule.name)) throw new Error(`validator ${rule.name} is defined twice`);
  CUSTOM_RULES.set(rule.name, (constraints) => rule.documentation(...(constraints as A)));
  return (...params: A) =>
    (target, propertyName) =>
      registerDecorator({
        name: rule.name,
        target: target.constructor,
        propertyName: propertyName as string,
        constraints: params,
        validator: {
          validate: (value: unknown, args: ValidationArguments) => rule.validate(value, args, ...params),
          defaultMessage: (args: ValidationArguments) => rule.message(args, ...params),
        },
      });
}

/**
 * A field the client may leave out. Unlike class-validator's IsOptional, an explicit `null` is still
 * validated (and refused, 400, unless the field allows it): "not given" and "set to nothing" differ,
 * and a null slipping through to a NOT NULL column would be a 500 for a client's mistake.
 */
export const IsOmittable = (): PropertyDecorator => ValidateIf((_object, value) => value !== undefined);

/**
 * class-validator's Matches, and the same pattern in the document. The swagger plugin copies a
 * Matches pattern only when it is a literal in the decorator; a named constant (CLUSTER_NAME) is
 * lost, so the document would accept what the server refuses.
 */
export const MatchesPattern = (pattern: RegExp, options?: ValidationOptions): PropertyDecorator =>
  applyDecorators(Matches(pattern, options), ApiProperty({ pattern: pattern.source }));

/** A cluster's name, as agents, environments and discovered secrets give it. */
export const CLUSTER_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;

const LABEL_KEY = /^[A-Za-z0-9]([A-Za-z0-9_./-]{0,62}[A-Za-z0-9])?$/;
const MAX_LABELS = 64;
const MAX_LABEL_VALUE = 256;

/**
 * Labels, Kubernetes-style: at most 64 pairs, keys of letters, digits and `_ . / -` (1–64), values
 * strings of at most 256 characters. Agents carry them; job selectors match on them. OpenAPI 3.0
 * has no keyword for the keys' pattern (propertyNames is 3.1); the description says it.
 */
export const IsLabelMap = defineValidator({
  name: 'isLabelMap',
  documentation: () => ({
    keywords: {
      type: 'object',
      maxProperties: MAX_LABELS,
      additionalProperties: { type: 'string', maxLength: MAX_LABEL_VALUE },
      description: 'Label keys: 1–64 letters, digits and _ . / -, starting and ending with a letter or digit.',
    },
    unstated: "the keys' pattern: OpenAPI 3.0 has no propertyNames, so the description says it",
  }),
  validate: (value) =>
    !!value &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.keys(value).length <= MAX_LABELS &&
    Object.entries(value).every(([k, v]) => LABEL_KEY.test(k) && typeof v === 'string' && v.length <= MAX_LABEL_VALUE),
  message: (args) =>
    `${args.property} must be an object of at most 64 labels: keys of letters, digits and _ . / - (up to 64), string values (up to 256)`,
});

/** A JSON object of at most `maxBytes` once serialised (payloads, results). */
export const IsJsonObject = defineValidator<[maxBytes: number]>({
  name: 'isJsonObject',
  documentation: () => ({
    keywords: { type: 'object' },
    unstated: 'a limit on the serialised size in bytes: no JSON Schema keyword says it (the description does)',
  }),
  validate: (value, _args, maxBytes: number) =>
    !!value && typeof value === 'object' && !Array.isArray(value) && Buffer.byteLength(JSON.stringify(value), 'utf8') <= maxBytes,
  message: (args, maxBytes: number) => `${args.property} must be a JSON object of at most ${Math.round(maxBytes / 1024)} KiB`,
});
