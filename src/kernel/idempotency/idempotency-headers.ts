/** The headers of idempotency: the Idempotency-Key a request carries, and the Idempotent-Replayed of an answer. */
import { validationFailed } from '../http/kernel.errors.js';

/** What an Idempotency-Key may be: 1 to 255 printable ASCII characters. */
export const IDEMPOTENCY_KEY_FORMAT = /^[\x21-\x7e]{1,255}$/;

/** The request's key (the first, if sent twice), undefined when absent; 400 when malformed. */
export function parseIdempotencyKey(raw: string | string[] | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const key = Array.isArray(raw) ? raw[0] : raw;
  if (!IDEMPOTENCY_KEY_FORMAT.test(key)) {
    throw validationFailed([
      { field: 'Idempotency-Key', message: 'Idempotency-Key must be 1 to 255 printable ASCII characters', code: 'INVALID_IDEMPOTENCY_KEY' },
    ]);
  }
  return key;
}

/** The response header of an answer that is an earlier request's outcome. */
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';

/**
 * Marks the answer as an earlier request's (for @IdempotencyKeptWithChange handlers that found
 * their key): the client sees Idempotent-Replayed, and the mutation interceptor records no second
 * audit entry for a change made once.
 */
export function answerAsReplayed(res: { setHeader(name: string, value: string): unknown }): void {
  res.setHeader(IDEMPOTENT_REPLAYED_HEADER, 'true');
}

export const answeredAsReplayed = (res: { getHeader(name: string): unknown }): boolean =>
  res.getHeader(IDEMPOTENT_REPLAYED_HEADER) === 'true';
