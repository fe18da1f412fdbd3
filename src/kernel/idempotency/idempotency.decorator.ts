import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { parseIdempotencyKey } from './idempotency-headers.js';

export const IDEMPOTENCY_REQUIRED = 'marshal:idempotency-required';
export const IDEMPOTENT_BY_DESIGN = 'marshal:idempotent-by-design';
export const IDEMPOTENCY_KEPT_WITH_CHANGE = 'marshal:idempotency-kept-with-change';

/** The route refuses a request without an Idempotency-Key (400), e.g. job submission. */
export const IdempotencyRequired = () =>
  applyDecorators(SetMetadata(IDEMPOTENCY_REQUIRED, true), ApiExtension('x-idempotency-required', true));

/**
 * The route requires an Idempotency-Key (400 without), and its handler keeps the key with the change
 * itself (a unique column of the row it inserts, with a fingerprint of the request), in the change's
 * own transaction: no separate idempotency record and no commit of its own. A retry is answered what
 * the first request made (the handler sets Idempotent-Replayed); a retry sent while the first is
 * running waits for it to commit, then gets the same answer; the key with another request is 422
 * IDEMPOTENCY_KEY_REUSED; a refusal created nothing and keeps nothing, so a retry is judged anew.
 * Read the key with @IdempotencyKeyHeader(). `where` says where the key is kept, for the document.
 */
export const IdempotencyKeptWithChange = (where: string) =>
  applyDecorators(
    SetMetadata(IDEMPOTENCY_REQUIRED, true),
    SetMetadata(IDEMPOTENCY_KEPT_WITH_CHANGE, where),
    ApiExtension('x-idempotency-required', true),
    ApiExtension('x-idempotency-kept-with', where),
  );

/** The request's Idempotency-Key, already checked by the mutation interceptor (for @IdempotencyKeptWithChange routes). */
export const IdempotencyKeyHeader = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const key = parseIdempotencyKey(
    context.switchToHttp().getRequest<{ headers: Record<string, string | string[] | undefined> }>().headers['idempotency-key'],
  );
  if (key === undefined) throw new Error('@IdempotencyKeyHeader() on a route that does not require the key');
  return key;
});

/**
 * The operation is safe to repeat by its own design (a heartbeat, a lease-bound call of the agent
 * protocol), so it takes no Idempotency-Key: none is required even with IDEMPOTENCY_REQUIRED=true,
 * and one sent is ignored (a replayed heartbeat would renew nothing). `why` says what makes a
 * repeat safe; the document carries it as `x-idempotent-by-design`.
 */
export const IdempotentByDesign = (why: string) =>
  applyDecorators(SetMetadata(IDEMPOTENT_BY_DESIGN, why), ApiExtension('x-idempotent-by-design', why));
