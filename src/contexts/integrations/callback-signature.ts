import { createHmac, type KeyObject, timingSafeEqual } from 'node:crypto';
import { unauthenticated } from '../../kernel/http/kernel.errors.js';
import { invalidDeliveryId, invalidSignature, malformedSignature, missingDeliveryId, signatureExpired } from './integrations.errors.js';

/**
 * The signature scheme of workflow callbacks (docs/workflow-callbacks.md):
 *
 *   x-agentfield-delivery:  <delivery id>                       1–200 visible ASCII characters, no dot
 *   x-agentfield-signature: t=<unix seconds>,v1=<hex>[,v1=<hex>…]
 *   v1 = hex(HMAC-SHA256(WORKFLOW_WEBHOOK_SECRET, "<t>.<delivery id>.<raw body bytes>"))
 *
 * The timestamp bounds how long a captured request stays usable, and signing the delivery id binds
 * it to the body, so a replay cannot dodge the delivery table with a fresh id. Several v1 entries
 * let a sender sign with an old and a new secret while the secret rotates; other keys are ignored.
 * AgentField's own outbound webhooks sign the body alone (`sha256=<hex>`), which can be replayed
 * forever: that form is not accepted.
 */
export const SIGNATURE_HEADER = 'x-agentfield-signature';
export const DELIVERY_HEADER = 'x-agentfield-delivery';

/**
 * Visible ASCII (a header value, stored and compared as given), without a dot: the dot separates the
 * delivery id from the body in the signed string, so with none in the id it splits one way only.
 */
export const DELIVERY_ID = /^[\x21-\x2d\x2f-\x7e]{1,200}$/;

const TIMESTAMP = /^\d{1,12}$/;
const SIGNATURE = /^[0-9a-fA-F]{64}$/;

export interface ParsedSignature {
  timestamp: number;
  /** Each v1 value, decoded (32 bytes). */
  signatures: Buffer[];
}

/** Reads `t=…,v1=…[,v1=…]`; null when it is not of that form (one t, at least one well-formed v1). */
export function parseSignatureHeader(header: string): ParsedSignature | null {
  let timestamp: number | undefined;
  const signatures: Buffer[] = [];
  for (const element of header.split(',')) {
    const separator = element.indexOf('=');
    if (separator < 0) return null;
    const key = element.slice(0, separator).trim();
    const value = element.slice(separator + 1).trim();
    if (key === 't') {
      if (timestamp !== undefined || !TIMESTAMP.test(value)) return null;
      timestamp = Number(value);
    } else if (key === 'v1') {
      if (!SIGNATURE.test(value)) return null;
      signatures.push(Buffer.from(value, 'hex'));
    }
  }
  return timestamp === undefined || signatures.length === 0 ? null : { timestamp, signatures };
}

/** The v1 signature of a callback, as a sender computes it (tests and the docs' example use this too). */
export function signCallback(key: KeyObject | string, timestamp: number, deliveryId: string, body: Buffer): string {
  return createHmac('sha256', key).update(`${timestamp}.${deliveryId}.`).update(body).digest('hex');
}

export interface CallbackCredentials {
  signature: string | undefined;
  deliveryId: string | undefined;
  /** The request body exactly as received. */
  body: Buffer;
}

export interface VerificationPolicy {
  key: KeyObject;
  toleranceSeconds: number;
  /** Unix seconds. */
  now: number;
}

/**
 * Checks a callback's headers against its body; throws a 401 naming what is wrong. The error never
 * carries the expected signature, the secret or the body. The HMAC is checked before the time, so a
 * forged request is always INVALID_SIGNATURE and only a genuine sender learns that its clock is off.
 */
export function verifyCallbackSignature(request: CallbackCredentials, policy: VerificationPolicy): void {
  if (!request.signature) throw unauthenticated(`Sign the callback: send ${SIGNATURE_HEADER} (see docs/workflow-callbacks.md)`);
  if (request.deliveryId === undefined) throw missingDeliveryId(`Send ${DELIVERY_HEADER}: a unique id per delivery, kept across retries`);
  if (!DELIVERY_ID.test(request.deliveryId))
    throw invalidDeliveryId(`${DELIVERY_HEADER} must be 1–200 visible ASCII characters (no space, no dot)`);
  const parsed = parseSignatureHeader(request.signature);
  if (!parsed) throw malformedSignature(`${SIGNATURE_HEADER} must look like t=<unix seconds>,v1=<64 hex digits>`);

  const expected = Buffer.from(signCallback(policy.key, parsed.timestamp, request.deliveryId, request.body), 'hex');
  if (!parsed.signatures.some((candidate) => timingSafeEqual(candidate, expected))) {
    throw invalidSignature('No v1 signature matches this body, delivery id and timestamp');
  }
  if (Math.abs(policy.now - parsed.timestamp) > policy.toleranceSeconds) {
    throw signatureExpired(`The signed timestamp is more than ${policy.toleranceSeconds} s away from this server's clock`);
  }
}
