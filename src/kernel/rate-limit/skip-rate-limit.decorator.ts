import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

export const SKIP_RATE_LIMIT = 'marshal:skip-rate-limit';

/**
 * Exempts a route from rate limits, whatever its path: probes must always answer the orchestrator.
 * Published as `x-rate-limit-exempt`, so the document lists no 429 for it.
 */
export const SkipRateLimit = () => applyDecorators(SetMetadata(SKIP_RATE_LIMIT, true), ApiExtension('x-rate-limit-exempt', true));
