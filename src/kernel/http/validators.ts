import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Matches, registerDecorator, ValidateIf, type ValidationArguments, type ValidationOptions } from 'class-validator';

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

/**
 * Labels, Kubernetes-style: at most 64 pairs, keys of letters, digits and `_ . / -` (1–64), values
 * strings of at most 256 characters. Agents carry them; job selectors match on them.
 */
export function IsLabelMap(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isLabelMap',
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        validate: (value: unknown) =>
          !!value &&
          typeof value === 'object' &&
          !Array.isArray(value) &&
          Object.keys(value).length <= 64 &&
          Object.entries(value).every(([k, v]) => LABEL_KEY.test(k) && typeof v === 'string' && v.length <= 256),
        defaultMessage: (args: ValidationArguments) =>
          `${args.property} must be an object of at most 64 labels: keys of letters, digits and _ . / - (up to 64), string values (up to 256)`,
      },
    });
}

/** A JSON object of at most `maxBytes` once serialised (payloads, results). */
export function IsJsonObject(maxBytes: number): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isJsonObject',
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        validate: (value: unknown) =>
          !!value && typeof value === 'object' && !Array.isArray(value) && Buffer.byteLength(JSON.stringify(value), 'utf8') <= maxBytes,
        defaultMessage: (args: ValidationArguments) => `${args.property} must be a JSON object of at most ${Math.round(maxBytes / 1024)} KiB`,
      },
    });
}
