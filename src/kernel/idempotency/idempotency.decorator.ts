import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

export const IDEMPOTENCY_REQUIRED = 'marshal:idempotency-required';
export const IDEMPOTENT_BY_DESIGN = 'marshal:idempotent-by-design';

/** The route refuses a request without an Idempotency-Key (400), e.g. job submission. */
export const IdempotencyRequired = () =>
  applyDecorators(SetMetadata(IDEMPOTENCY_REQUIRED, true), ApiExtension('x-idempotency-required', true));

/**
 * The operation is safe to repeat by its own design (a heartbeat, a lease-bound call of the agent
 * protocol), so it takes no Idempotency-Key: none is required even with IDEMPOTENCY_REQUIRED=true,
 * and one sent is ignored (a replayed heartbeat would renew nothing). `why` says what makes a
 * repeat safe; the document carries it as `x-idempotent-by-design`.
 */
export const IdempotentByDesign = (why: string) =>
  applyDecorators(SetMetadata(IDEMPOTENT_BY_DESIGN, why), ApiExtension('x-idempotent-by-design', why));
