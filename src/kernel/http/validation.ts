import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, validationFailed } from './app-error.js';

const CODE_BY_CONSTRAINT: Record<string, string> = {
  whitelistValidation: 'UNKNOWN_FIELD',
  isDefined: 'REQUIRED',
  nestedValidation: 'INVALID_NESTED',
};

const toCode = (constraint: string) =>
  CODE_BY_CONSTRAINT[constraint] ?? constraint.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();

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

/**
 * The one ValidationPipe: strips nothing silently (unknown fields are refused), converts query and
 * path strings to the declared types, and never echoes a submitted value back.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // `value` is kept so a missing field can be told apart; it is never put in a response.
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => validationFailed(flattenValidationErrors(errors)),
  });
}
