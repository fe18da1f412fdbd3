import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError } from './app-error.js';
import { validationFailed } from './kernel.errors.js';
import { findNulCharacters } from './nul-characters.js';
import { resolveQuerySynonyms } from './query-lists.js';

const CODE_BY_CONSTRAINT: Record<string, string> = {
  whitelistValidation: 'UNKNOWN_FIELD',
  isDefined: 'REQUIRED',
  nestedValidation: 'INVALID_NESTED',
};

const toCode = (constraint: string) => CODE_BY_CONSTRAINT[constraint] ?? constraint.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();

/** Flattens class-validator's tree into one entry per failed constraint, with dotted paths. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = /^\d+$/.test(error.property) ? `${parent}[${error.property}]` : parent ? `${parent}.${error.property}` : error.property;
    // A missing field fails every rule on it; one REQUIRED entry says it better than all of them.
    if (error.value === undefined && error.constraints && !error.children?.length) {
      out.push({ field, message: `${field} is required`, code: 'REQUIRED' });
      continue;
    }
    for (const [constraint, message] of Object.entries(error.constraints ?? {})) {
      // class-validator phrases an unknown field as "property x should not exist"; say it plainly.
      const text = constraint === 'whitelistValidation' ? `${field} is not a known field` : message;
      out.push({ field, message: text, code: toCode(constraint) });
    }
    if (error.children?.length) out.push(...flattenValidationErrors(error.children, field));
  }
  return out;
}

/** What clients send: the body, the query and the path. Custom parameters (the principal) are ours. */
const FROM_CLIENT = new Set<ArgumentMetadata['type']>(['body', 'query', 'param']);

/**
 * class-validator's pipe, plus one rule for every argument a client sends, whatever its type (a
 * DTO, a free-form object, a bare string): no string in it may hold a NUL character.
 */
class MarshalValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (FROM_CLIENT.has(metadata.type)) {
      const nul = findNulCharacters(value, metadata.data ?? '');
      if (nul.length > 0) throw validationFailed(nul);
    }
    // Aliases and synonyms (query-lists.ts) become their property before the rules see them.
    if (metadata.type === 'query' && metadata.metatype) value = resolveQuerySynonyms(metadata.metatype, value);
    return super.transform(value, metadata);
  }
}

/**
 * The one ValidationPipe: strips nothing silently (unknown fields are refused), converts query and
 * path strings to the declared types, refuses NUL characters in any string the client sent, and
 * never echoes a submitted value back.
 */
export function createValidationPipe(): ValidationPipe {
  return new MarshalValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // `value` is kept so a missing field can be told apart; it is never put in a response.
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => validationFailed(flattenValidationErrors(errors)),
  });
}
