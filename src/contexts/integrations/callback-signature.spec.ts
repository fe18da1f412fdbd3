import { createSecretKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../kernel/http/app-error.js';
import { parseSignatureHeader, signCallback, verifyCallbackSignature, type CallbackCredentials } from './callback-signature.js';

/** The worked example of docs/workflow-callbacks.md: the test proves the document's numbers. */
const EXAMPLE = {
  secret: 'whsec_docs_example_do_not_use_0123456789',
  timestamp: 1795380000,
  deliveryId: 'dlv_01JD8Z6Q4M',
  body: '{"executionId":"0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b","nodeId":"deploy","status":"succeeded","output":{"revision":"9f1c2e7"}}',
  v1: '084ffb726c05f257d51ca9f4f897b1a2ff6936c15c652a5a02d221d6aa25afd8',
};

const key = createSecretKey(Buffer.from(EXAMPLE.secret));
const body = Buffer.from(EXAMPLE.body);
const policy = { key, toleranceSeconds: 300, now: EXAMPLE.timestamp };
const valid: CallbackCredentials = { signature: `t=${EXAMPLE.timestamp},v1=${EXAMPLE.v1}`, deliveryId: EXAMPLE.deliveryId, body };

/** The code verification refuses `request` with (401 always), or null when it passes. */
function refusal(request: Partial<CallbackCredentials>, overrides: Partial<typeof policy> = {}): string | null {
  try {
    verifyCallbackSignature({ ...valid, ...request }, { ...policy, ...overrides });
    return null;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    expect(error.status).toBe(401);
    expect(error.message).not.toContain(EXAMPLE.v1);
    expect(error.message).not.toContain(EXAMPLE.secret);
    return error.code;
  }
}

describe('workflow callback signatures', () => {
  test('the worked example of docs/workflow-callbacks.md is what signing computes', () => {
    expect(signCallback(EXAMPLE.secret, EXAMPLE.timestamp, EXAMPLE.deliveryId, body)).toBe(EXAMPLE.v1);
    expect(signCallback(key, EXAMPLE.timestamp, EXAMPLE.deliveryId, body)).toBe(EXAMPLE.v1);
    const doc = readFileSync(join(process.cwd(), 'docs', 'workflow-callbacks.md'), 'utf8');
    for (const value of Object.values(EXAMPLE)) expect(doc).toContain(String(value));
  });

  test('parses one timestamp and any number of v1 signatures, ignoring other schemes and spaces', () => {
    const other = 'ab'.repeat(32);
    expect(parseSignatureHeader(`t=12, v1=${EXAMPLE.v1} ,v0=zzz,v1=${other.toUpperCase()}`)).toEqual({
      timestamp: 12,
      signatures: [Buffer.from(EXAMPLE.v1, 'hex'), Buffer.from(other, 'hex')],
    });
  });

  test.each([
    ['', 'empty'],
    [`v1=${EXAMPLE.v1}`, 'no timestamp'],
    ['t=12', 'no signature'],
    [`t=12,t=13,v1=${EXAMPLE.v1}`, 'two timestamps'],
    [`t=-12,v1=${EXAMPLE.v1}`, 'a negative timestamp'],
    [`t=1.5,v1=${EXAMPLE.v1}`, 'a fractional timestamp'],
    [`t=12,v1=${EXAMPLE.v1.slice(2)}`, 'a short signature'],
    [`t=12,v1=${EXAMPLE.v1.replace(/.$/, 'g')}`, 'a non-hex signature'],
    [`t=12,v1=${EXAMPLE.v1},`, 'a trailing comma'],
    [`sha256=${EXAMPLE.v1}`, "AgentField's body-only form"],
  ])('refuses %j (%s)', (header) => {
    expect(parseSignatureHeader(header)).toBeNull();
  });

  test('accepts the example, at either edge of the tolerance', () => {
    expect(refusal({})).toBeNull();
    expect(refusal({}, { now: EXAMPLE.timestamp + 300 })).toBeNull();
    expect(refusal({}, { now: EXAMPLE.timestamp - 300 })).toBeNull();
  });

  test('accepts any matching v1: a sender signing with an old and a new secret during a rotation', () => {
    const old = signCallback('an-old-secret-that-is-long-enough-to-use', EXAMPLE.timestamp, EXAMPLE.deliveryId, body);
    expect(refusal({ signature: `t=${EXAMPLE.timestamp},v1=${old},v1=${EXAMPLE.v1}` })).toBeNull();
    expect(refusal({ signature: `t=${EXAMPLE.timestamp},v1=${old}` })).toBe('INVALID_SIGNATURE');
  });

  test('names what is missing or malformed', () => {
    expect(refusal({ signature: undefined })).toBe('UNAUTHENTICATED');
    expect(refusal({ signature: '' })).toBe('UNAUTHENTICATED');
    expect(refusal({ deliveryId: undefined })).toBe('MISSING_DELIVERY_ID');
    expect(refusal({ deliveryId: '' })).toBe('INVALID_DELIVERY_ID');
    expect(refusal({ deliveryId: 'has space' })).toBe('INVALID_DELIVERY_ID');
    expect(refusal({ deliveryId: 'x'.repeat(201) })).toBe('INVALID_DELIVERY_ID');
    expect(refusal({ deliveryId: 'dlv-é' })).toBe('INVALID_DELIVERY_ID');
    expect(refusal({ deliveryId: 'dlv\u0007' })).toBe('INVALID_DELIVERY_ID');
    expect(refusal({ signature: `v1=${EXAMPLE.v1}` })).toBe('MALFORMED_SIGNATURE');
  });

  test('a signature over anything else is INVALID_SIGNATURE: another body, delivery id, timestamp or secret', () => {
    expect(refusal({ body: Buffer.from(EXAMPLE.body.replace('succeeded', 'failed')) })).toBe('INVALID_SIGNATURE');
    expect(refusal({ body: Buffer.from(`${EXAMPLE.body} `) })).toBe('INVALID_SIGNATURE');
    expect(refusal({ deliveryId: 'dlv_another' })).toBe('INVALID_SIGNATURE');
    expect(refusal({ signature: `t=${EXAMPLE.timestamp + 1},v1=${EXAMPLE.v1}` })).toBe('INVALID_SIGNATURE');
    expect(refusal({}, { key: createSecretKey(Buffer.from('another-secret-of-at-least-32-characters')) })).toBe('INVALID_SIGNATURE');
  });

  test('a delivery id has no dot, so "<t>.<id>.<body>" splits one way only', () => {
    // Were "a.b" allowed, id "a.b" with body B and id "a" with body "b.B" would share a signature.
    expect(refusal({ deliveryId: 'a.b' })).toBe('INVALID_DELIVERY_ID');
    expect(refusal({ deliveryId: `evt_${'x'.repeat(196)}` })).toBe('INVALID_SIGNATURE');
  });

  test('a genuine signature outside the tolerance, past or future, is SIGNATURE_EXPIRED', () => {
    expect(refusal({}, { now: EXAMPLE.timestamp + 301 })).toBe('SIGNATURE_EXPIRED');
    expect(refusal({}, { now: EXAMPLE.timestamp - 301 })).toBe('SIGNATURE_EXPIRED');
  });
});
