import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Standard Webhooks (https://www.standardwebhooks.com/), symmetric scheme: the sender signs
 * `<webhook-id>.<webhook-timestamp>.<body>` with HMAC-SHA256 and sends `webhook-signature: v1,<base64>`.
 */

const SECRET_PREFIX = 'whsec_';
/** Standard base64, padding optional; checked because Buffer.from(…, 'base64') skips stray characters silently. */
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
/** How far a timestamp may be from the receiver's clock, as the reference libraries allow. */
const DEFAULT_TOLERANCE_SECONDS = 5 * 60;

/**
 * The three headers that sign `body`. The secret is `whsec_<base64>` as the spec serialises it (the
 * key is the decoded bytes, so a consumer using a Standard Webhooks library verifies with the same
 * string). A secret without the prefix is used as its UTF-8 bytes, as a plain HMAC receiver
 * (`openssl dgst -hmac`) would; the reference libraries would instead base64-decode it, so give such
 * consumers a whsec_ secret.
 */
export function signStandardWebhook(secret: string, messageId: string, timestampSeconds: number, body: string): Record<string, string> {
  // The id is a header value, and a '.' in it would make `<id>.<timestamp>` ambiguous (the spec forbids it).
  if (!/^[!-~]+$/.test(messageId) || messageId.includes('.')) throw new Error('A webhook id is visible ASCII without spaces or dots');
  if (!Number.isSafeInteger(timestampSeconds) || timestampSeconds < 0) throw new Error('A webhook timestamp is whole seconds since the epoch');
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(timestampSeconds),
    'webhook-signature': `v1,${signature(signingKey(secret), messageId, String(timestampSeconds), body).toString('base64')}`,
  };
}

/**
 * Whether `body` with these headers was signed with `secret` (any one `v1` signature of the
 * space-separated list, so a sender may sign with an old and a new key while rotating) and its
 * timestamp is within `toleranceSeconds` of `nowSeconds`. Header names are matched in any case.
 * Signatures are compared in constant time. Dropping replays (the same webhook-id twice) is the
 * receiver's job.
 */
export function verifyStandardWebhook(
  secret: string,
  headers: Readonly<Record<string, string | string[] | undefined>>,
  body: string,
  nowSeconds = Math.floor(Date.now() / 1000),
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
): boolean {
  const key = signingKey(secret);
  const header = (name: string) => {
    const value = Object.entries(headers).find(([candidate]) => candidate.toLowerCase() === name)?.[1];
    return typeof value === 'string' ? value : undefined;
  };
  const id = header('webhook-id');
  const timestamp = header('webhook-timestamp');
  const signatures = header('webhook-signature');
  if (id === undefined || timestamp === undefined || signatures === undefined || !/^\d{1,15}$/.test(timestamp)) return false;
  if (Math.abs(nowSeconds - Number(timestamp)) > toleranceSeconds) return false;

  const expected = signature(key, id, timestamp, body);
  return signatures.split(' ').some((entry) => {
    const [version, value] = entry.split(',', 2);
    if (version !== 'v1' || value === undefined) return false;
    const presented = Buffer.from(value, 'base64');
    return presented.length === expected.length && timingSafeEqual(presented, expected);
  });
}

function signingKey(secret: string): Buffer {
  if (secret.startsWith(SECRET_PREFIX)) {
    const encoded = secret.slice(SECRET_PREFIX.length);
    if (!BASE64.test(encoded)) throw new Error('A whsec_ secret is base64 after its prefix');
    return Buffer.from(encoded, 'base64');
  }
  if (secret === '') throw new Error('The webhook secret is empty');
  return Buffer.from(secret, 'utf8');
}

function signature(key: Buffer, id: string, timestamp: string, body: string): Buffer {
  return createHmac('sha256', key).update(`${id}.${timestamp}.${body}`, 'utf8').digest();
}
