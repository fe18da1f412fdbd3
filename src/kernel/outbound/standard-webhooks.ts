import { timingSafeEqual } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/**
 * Standard Webhooks (https://www.standardwebhooks.com/), symmetric scheme: the sender signs
 * `<webhook-id>.<webhook-timestamp>.<body>` with HMAC-SHA256 and sends `webhook-signature: v1,<base64>`.
 * The signature itself comes from the reference library (`standardwebhooks`). Its `verify` is not used:
 * it reads the clock itself with a fixed tolerance and accepts a timestamp header such as `1614265330.0`
 * (parseInt) while signing `1614265330`, so the header checks stay here.
 */

const SECRET_PREFIX = 'whsec_';
/** Standard base64, padding optional; checked because Buffer.from(…, 'base64') skips stray characters silently. */
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
/** How far a timestamp may be from the receiver's clock, as the reference libraries allow. */
const DEFAULT_TOLERANCE_SECONDS = 5 * 60;
/** The library takes the timestamp as a Date, and a Date ends at 8.64e15 ms. */
const MAX_TIMESTAMP_SECONDS = 8.64e12;

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
  if (!Number.isSafeInteger(timestampSeconds) || timestampSeconds < 0 || timestampSeconds > MAX_TIMESTAMP_SECONDS)
    throw new Error('A webhook timestamp is whole seconds since the epoch');
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(timestampSeconds),
    'webhook-signature': signer(secret).sign(messageId, new Date(timestampSeconds * 1000), body),
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
  const webhook = signer(secret);
  const header = (name: string) => {
    const value = Object.entries(headers).find(([candidate]) => candidate.toLowerCase() === name)?.[1];
    return typeof value === 'string' ? value : undefined;
  };
  const id = header('webhook-id');
  const timestamp = header('webhook-timestamp');
  const signatures = header('webhook-signature');
  if (id === undefined || timestamp === undefined || signatures === undefined || !/^\d{1,15}$/.test(timestamp)) return false;
  if (Math.abs(nowSeconds - Number(timestamp)) > toleranceSeconds) return false;

  const expected = Buffer.from(webhook.sign(id, new Date(Number(timestamp) * 1000), body));
  return signatures.split(' ').some((entry) => {
    // Compared as text: each entry is `v1,<base64>` exactly as signed, so stray characters never match.
    const presented = Buffer.from(entry);
    return entry.startsWith('v1,') && presented.length === expected.length && timingSafeEqual(presented, expected);
  });
}

/** The library's signer over our key bytes ('raw'), so both secret forms and our base64 check apply. */
function signer(secret: string): Webhook {
  return new Webhook(signingKey(secret), { format: 'raw' });
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
