import { Param, ParseUUIDPipe } from '@nestjs/common';
import { validationFailed } from './app-error.js';

/** A path parameter that must be a UUID; anything else is 400 VALIDATION_FAILED naming it. */
export const UuidParam = (name = 'id') =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () => validationFailed([{ field: name, message: `${name} must be a UUID`, code: 'IS_UUID' }]),
    }),
  );
