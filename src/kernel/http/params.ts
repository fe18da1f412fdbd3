import { Param, ParseUUIDPipe, type PipeTransform } from '@nestjs/common';
import { validationFailed } from './kernel.errors.js';

/** Ids are stored and compared in their canonical lower-case form. */
const canonical: PipeTransform<string, string> = { transform: (value) => value.toLowerCase() };

/** A path parameter that must be a UUID (any case; handed on in lower case), else 400 VALIDATION_FAILED naming it. */
export const UuidParam = (name = 'id') =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () => validationFailed([{ field: name, message: `${name} must be a UUID`, code: 'IS_UUID' }]),
    }),
    canonical,
  );
