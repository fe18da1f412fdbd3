import { defineError, ErrorFactory } from '../../kernel/http/app-error.js';
import type { OutboundRefused } from '../../kernel/outbound/safe-request.js';

/** The integrations context's error catalog. */

const upstream = (code: string, description: string) =>
  defineError({ status: 502, code, description }, (message: string, upstreamStatus?: number) => ({
    message,
    details: upstreamStatus === undefined ? undefined : { upstreamStatus },
  }));

/** Failures of the Argo CD API (502). Their messages name the server, never the token. */
export const upstreamUnavailable = upstream('UPSTREAM_UNAVAILABLE', 'Argo CD could not be asked: unreachable, too slow or a bad answer');
export const upstreamUnauthorized = upstream('UPSTREAM_UNAUTHORIZED', 'Argo CD refused the token');
export const applicationNotFound = upstream('APPLICATION_NOT_FOUND', 'Argo CD has no application of that name');

const refusedTarget = (code: OutboundRefused['code'], description: string) =>
  defineError({ status: 422, code, description }, (message: string) => message);

/** The deployment's outbound rules refused an endpoint's URL (422), one entry per OutboundRefused code. */
export const OUTBOUND_REFUSALS: Record<OutboundRefused['code'], ErrorFactory<[message: string]>> = {
  INVALID_URL: refusedTarget('INVALID_URL', "The endpoint's URL is not a valid URL"),
  SCHEME_NOT_ALLOWED: refusedTarget('SCHEME_NOT_ALLOWED', "The outbound rules do not allow the endpoint URL's scheme"),
  HOST_NOT_ALLOWED: refusedTarget('HOST_NOT_ALLOWED', "The endpoint's host is not in OUTBOUND_ALLOWED_HOSTS"),
  PRIVATE_TARGET: refusedTarget('PRIVATE_TARGET', "The endpoint's address is private and OUTBOUND_ALLOW_PRIVATE is not set"),
  INVALID_HEADER: refusedTarget('INVALID_HEADER', 'A header of the outbound request is not valid'),
  INVALID_METHOD: refusedTarget('INVALID_METHOD', 'The method of the outbound request is not allowed'),
};

export const unknownEndpoint = defineError({
  status: 422,
  code: 'UNKNOWN_ENDPOINT',
  description: 'endpointId names no Argo CD endpoint of this organization',
});

const callbackRefusal = (code: string, description: string) =>
  defineError({ status: 401, code, description }, (message: string) => message);

/** Why a signed workflow callback is refused (401). */
export const missingDeliveryId = callbackRefusal('MISSING_DELIVERY_ID', 'The delivery id header is missing');
export const invalidDeliveryId = callbackRefusal('INVALID_DELIVERY_ID', 'The delivery id is malformed');
export const malformedSignature = callbackRefusal('MALFORMED_SIGNATURE', 'The signature header is unreadable');
export const invalidSignature = callbackRefusal('INVALID_SIGNATURE', 'No signature matches this body, delivery id and timestamp');
export const signatureExpired = callbackRefusal('SIGNATURE_EXPIRED', 'The signed timestamp is outside the time tolerance');
