import type { OpenAPIObject } from '@nestjs/swagger';
import { IDEMPOTENT_REPLAYED_HEADER } from '../idempotency/idempotency-headers.js';

/**
 * The headers and header parameters the kernel sends or reads on many operations, each declared once
 * under components and referenced where the server really sends (or reads) it.
 */

type ParameterObject = { name: string; in: 'header'; required: boolean; description: string; schema: Record<string, unknown> };
type ComponentParameters = NonNullable<NonNullable<OpenAPIObject['components']>['parameters']>;
type HeaderObject = { description: string; schema: Record<string, unknown> };

/** Sent by RateLimiter on every limited answer, refusals included. */
export const RATE_LIMIT_HEADERS: Record<string, HeaderObject> = {
  'X-RateLimit-Limit': { description: 'Requests allowed in the window closest to its limit.', schema: { type: 'integer', minimum: 0 } },
  'X-RateLimit-Remaining': { description: 'Requests left in that window.', schema: { type: 'integer', minimum: 0 } },
  'X-RateLimit-Reset': {
    description: 'When that window starts again: a Unix timestamp in seconds.',
    schema: { type: 'integer', minimum: 0 },
  },
  'RateLimit-Policy': {
    description:
      'The policies that apply to this request (draft-ietf-httpapi-ratelimit-headers-12), e.g. ' +
      '`"org-burst";q=100;w=1, "org-minute";q=1000;w=60`: per organization when the caller is authenticated, ' +
      'per client address (`address-burst`, `address-minute`) otherwise.',
    schema: { type: 'string' },
  },
  RateLimit: {
    description:
      'The policy closest to its limit, e.g. `"org-minute";a=998;w=42`: `a` requests available within the next `w` seconds ' +
      '(draft-ietf-httpapi-ratelimit-headers-12). On 429, `a=0` and `w` equals Retry-After.',
    schema: { type: 'string' },
  },
};

/** Sent with RATE_LIMITED (429) and SERVICE_UNAVAILABLE (503), from the headers of their factories in kernel.errors.ts. */
const RETRY_AFTER = 'Retry-After';

/** Sent by requestIdentity (request-identity.middleware.ts) on every answer that goes through Express. */
const IDENTITY_HEADERS: Record<string, HeaderObject> = {
  'x-request-id': { description: 'The id the server gave this request (also `meta.requestId`).', schema: { type: 'string', format: 'uuid' } },
  'x-correlation-id': {
    description: 'The x-correlation-id the request sent, when printable and at most 128 characters; otherwise the request id.',
    schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,128}$', maxLength: 128 },
  },
};

/** Sent by MutationInterceptor when it answers with the outcome recorded for the request's Idempotency-Key. */

const HEADERS: Record<string, HeaderObject> = {
  ...RATE_LIMIT_HEADERS,
  [RETRY_AFTER]: { description: 'Seconds to wait before trying again.', schema: { type: 'integer', minimum: 1 } },
  ...IDENTITY_HEADERS,
  [IDEMPOTENT_REPLAYED_HEADER]: {
    description: 'Present (`true`) when this answer is the recorded outcome of an earlier request with the same Idempotency-Key.',
    schema: { type: 'string', enum: ['true'] },
  },
};

const idempotencyKeyDescription = (required: boolean) =>
  (required ? 'Required by this operation. ' : 'Required when the server runs with IDEMPOTENCY_REQUIRED=true (400 without it). ') +
  'Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with ' +
  '`Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; ' +
  'while the first is running, 409 IDEMPOTENCY_IN_PROGRESS (a key whose server died mid-request is taken over at once).';

/** For operations that keep the key with what they create (@IdempotencyKeptWithChange). */
const keptWithChangeDescription =
  'Required by this operation. Makes a retry safe: the key is kept with what the request creates, for as long as that exists, ' +
  'per (organization, principal, key), and a retry is answered it again with `Idempotent-Replayed: true`; a retry sent while ' +
  'the first is still running waits for it and gets the same answer. The same key with a different request is 422 ' +
  'IDEMPOTENCY_KEY_REUSED. A refusal (4xx) creates nothing and keeps nothing: a retry is judged anew.';

const idempotencyKey = (required: boolean): ParameterObject => ({
  name: 'Idempotency-Key',
  in: 'header',
  required,
  description: idempotencyKeyDescription(required),
  schema: { type: 'string', minLength: 1, maxLength: 255 },
});

const PARAMETERS: Record<'CorrelationId' | 'IdempotencyKey' | 'IdempotencyKeyRequired' | 'IdempotencyKeyKeptWithChange', ParameterObject> = {
  CorrelationId: {
    name: 'x-correlation-id',
    in: 'header',
    required: false,
    description:
      'Ties this request to others in logs, audit events and the envelope (`meta.correlationId`); echoed in the response. ' +
      'A value that is not printable or longer than 128 characters is replaced by the request id.',
    schema: { type: 'string', maxLength: 128 },
  },
  IdempotencyKey: idempotencyKey(false),
  IdempotencyKeyRequired: idempotencyKey(true),
  IdempotencyKeyKeptWithChange: { ...idempotencyKey(true), description: keptWithChangeDescription },
};

export type ParameterRef = { $ref: string };
const parameterRef = (name: keyof typeof PARAMETERS): ParameterRef => ({ $ref: `#/components/parameters/${name}` });

export const CORRELATION_ID_PARAMETER = parameterRef('CorrelationId');
export const idempotencyKeyParameter = (required: boolean, keptWithChange = false): ParameterRef =>
  parameterRef(keptWithChange ? 'IdempotencyKeyKeptWithChange' : required ? 'IdempotencyKeyRequired' : 'IdempotencyKey');

/** Declares the headers and parameters above under components, once per document. */
export function declareStandardHeaders(document: OpenAPIObject): void {
  document.components ??= {};
  document.components.headers = { ...document.components.headers, ...HEADERS };
  document.components.parameters = { ...document.components.parameters, ...(PARAMETERS as ComponentParameters) };
}

/** What an operation's answers carry, beside the identity headers every answer has. */
export type HeaderFacts = {
  /** Under the rate limiter: every answer carries the rate-limit headers. */
  limited: boolean;
  /** Takes an Idempotency-Key: an answer may be a replay. */
  keyed: boolean;
  /** The error codes each status may carry, as declared on the operation. */
  codesByStatus: Map<string, Set<string>>;
};

const ref = (name: string) => ({ $ref: `#/components/headers/${name}` });

/**
 * Attaches the headers each response really carries: the identity headers on every response but a
 * WebSocket handshake (written to the socket, not through Express); the rate-limit headers when
 * limited; Retry-After on 429 RATE_LIMITED and 503 SERVICE_UNAVAILABLE (not on a probe's own 503);
 * Idempotent-Replayed where a replay can answer: a success, or a client error that is kept for
 * replay (not 429, which releases the key).
 */
export function attachResponseHeaders(responses: Record<string, unknown>, facts: HeaderFacts): void {
  for (const [status, response] of Object.entries(responses)) {
    if (status === '101') continue;
    const names = Object.keys(IDENTITY_HEADERS);
    if (facts.limited) names.push(...Object.keys(RATE_LIMIT_HEADERS));
    const codes = facts.codesByStatus.get(status);
    if ((status === '429' && codes?.has('RATE_LIMITED')) || (status === '503' && codes?.has('SERVICE_UNAVAILABLE'))) names.push(RETRY_AFTER);
    if (facts.keyed && /^[24]/.test(status) && status !== '429') names.push(IDEMPOTENT_REPLAYED_HEADER);
    // Responses may be shared objects between operations: give each its own headers map.
    const r = { ...(response as { headers?: Record<string, unknown> }) };
    r.headers = { ...r.headers, ...Object.fromEntries(names.map((name) => [name, ref(name)])) };
    responses[status] = r;
  }
}
