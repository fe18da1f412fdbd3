import { validationFailed } from '../../kernel/http/kernel.errors.js';

/** The billing context's errors: a period it cannot summarise is a validation failure naming the field. */

/** The longest period one summary covers. */
export const MAX_PERIOD_DAYS = 366;

export const badPeriod = (field: 'from' | 'to', message: string, code: string) => validationFailed([{ field, message, code }], message);
