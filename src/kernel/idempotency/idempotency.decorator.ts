import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

export const IDEMPOTENCY_REQUIRED = 'marshal:idempotency-required';

/** The route refuses a request without an Idempotency-Key (400), e.g. job submission. */
export const IdempotencyRequired = () => applyDecorators(SetMetadata(IDEMPOTENCY_REQUIRED, true), ApiExtension('x-idempotency-required', true));
