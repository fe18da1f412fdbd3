import { Webhook } from 'standardwebhooks';
import { signStandardWebhook, verifyStandardWebhook } from './standard-webhooks.js';

// The test vector of the Standard Webhooks reference libraries ("sign function works" in the JavaScript
// library's tests), checked independently with:
//   printf '%s' 'msg_p5jXN8AQM9LWM0D4loKWxJek.1614265330.{"test": 2432232314}' \
//     | openssl dgst -sha256 -mac HMAC -macopt hexkey:$(printf MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw | base64 -d | xxd -p -c 100) -binary | base64
const VECTOR = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};

// A secret without the whsec_ prefix is its UTF-8 bytes:
//   printf '%s' '<id>.<timestamp>.<body>' | openssl dgst -sha256 -hmac 'a plain passphrase, not base64!' -binary | base64
const PLAIN = {
  secret: 'a plain passphrase, not base64!',
  id: 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W',
  timestamp: 1674087231,
  body: '{"type":"contact.created","timestamp":"2022-11-03T20:26:10.344522Z","data":{"id":"1f81eb52-5198-4599-803e-771906343485"}}',
  signature: 'v1,IfrEFr85oOty9YwT3ky8GxLvXx/Yv7JoasJRUbCfpL0=',
};

describe('Standard Webhooks signatures', () => {
  it('matches the reference test vector', () => {
    expect(signStandardWebhook(VECTOR.secret, VECTOR.id, VECTOR.timestamp, VECTOR.body)).toEqual({
      'webhook-id': VECTOR.id,
      'webhook-timestamp': '1614265330',
      'webhook-signature': VECTOR.signature,
    });
  });

  it('uses the UTF-8 bytes of a secret without the whsec_ prefix', () => {
    expect(signStandardWebhook(PLAIN.secret, PLAIN.id, PLAIN.timestamp, PLAIN.body)['webhook-signature']).toBe(PLAIN.signature);
  });

  it('verifies what it signs, within the tolerance', () => {
    const headers = signStandardWebhook(VECTOR.secret, VECTOR.id, VECTOR.timestamp, VECTOR.body);
    expect(verifyStandardWebhook(VECTOR.secret, headers, VECTOR.body, VECTOR.timestamp)).toBe(true);
    expect(verifyStandardWebhook(VECTOR.secret, headers, VECTOR.body, VECTOR.timestamp + 300)).toBe(true);
    expect(verifyStandardWebhook(VECTOR.secret, headers, VECTOR.body, VECTOR.timestamp - 300)).toBe(true);
    expect(verifyStandardWebhook(VECTOR.secret, headers, VECTOR.body, VECTOR.timestamp + 301)).toBe(false);
    expect(verifyStandardWebhook(VECTOR.secret, headers, VECTOR.body, VECTOR.timestamp - 301)).toBe(false);
    expect(verifyStandardWebhook(VECTOR.secret, headers, VECTOR.body, VECTOR.timestamp + 3600, 3600)).toBe(true);
    const now = Math.floor(Date.now() / 1000);
    expect(verifyStandardWebhook(PLAIN.secret, signStandardWebhook(PLAIN.secret, 'msg_1', now, 'x'), 'x')).toBe(true);
  });

  it('signs what the reference library verifies, with either secret form', () => {
    const now = Math.floor(Date.now() / 1000);
    const whsec = signStandardWebhook(VECTOR.secret, 'msg_1', now, VECTOR.body);
    expect(() => new Webhook(VECTOR.secret).verify(VECTOR.body, whsec, { jsonParse: false })).not.toThrow();
    const plain = signStandardWebhook(PLAIN.secret, 'msg_1', now, 'x');
    expect(() => new Webhook(Buffer.from(PLAIN.secret), { format: 'raw' }).verify('x', plain, { jsonParse: false })).not.toThrow();
    expect(() => new Webhook(VECTOR.secret).verify(`${VECTOR.body} `, whsec, { jsonParse: false })).toThrow('No matching signature');
  });

  it('refuses another body, id, timestamp or secret', () => {
    const headers = signStandardWebhook(VECTOR.secret, VECTOR.id, VECTOR.timestamp, VECTOR.body);
    const verify = (h: Record<string, string>, body = VECTOR.body, secret = VECTOR.secret) =>
      verifyStandardWebhook(secret, h, body, VECTOR.timestamp);
    expect(verify(headers, `${VECTOR.body} `)).toBe(false);
    expect(verify({ ...headers, 'webhook-id': 'msg_other' })).toBe(false);
    expect(verify({ ...headers, 'webhook-timestamp': String(VECTOR.timestamp + 1) })).toBe(false);
    expect(verify(headers, VECTOR.body, 'whsec_' + Buffer.from('another key of 24 bytes!').toString('base64'))).toBe(false);
    expect(verify(headers, VECTOR.body, VECTOR.secret.slice('whsec_'.length))).toBe(false); // the same text, but its UTF-8 bytes
  });

  it('refuses missing or malformed headers', () => {
    const headers = signStandardWebhook(VECTOR.secret, VECTOR.id, VECTOR.timestamp, VECTOR.body);
    const verify = (h: Record<string, string | undefined>) => verifyStandardWebhook(VECTOR.secret, h, VECTOR.body, VECTOR.timestamp);
    for (const name of ['webhook-id', 'webhook-timestamp', 'webhook-signature'])
      expect(verify({ ...headers, [name]: undefined })).toBe(false);
    for (const signature of [
      '',
      'v1,',
      'v1',
      VECTOR.signature.slice(0, 10),
      'v2' + VECTOR.signature.slice(2),
      'v1a' + VECTOR.signature.slice(2),
    ]) {
      expect(verify({ ...headers, 'webhook-signature': signature })).toBe(false);
    }
    expect(verify({ ...headers, 'webhook-timestamp': '1614265330.0' })).toBe(false);
    expect(verify({ ...headers, 'webhook-timestamp': 'hello' })).toBe(false);
  });

  it('accepts any one v1 signature of a list (key rotation), header names in any case', () => {
    const wrong = 'v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=';
    const headers = {
      'Webhook-Id': VECTOR.id,
      'WEBHOOK-TIMESTAMP': String(VECTOR.timestamp),
      'webhook-signature': [wrong, 'v1a,hnO3f9T8Ytu9HwrXslvumlUpqtNVqkhqw/enGzPCXe5BdqzCInXqYXFymVJaA7AZ', VECTOR.signature, wrong].join(
        ' ',
      ),
    };
    expect(verifyStandardWebhook(VECTOR.secret, headers, VECTOR.body, VECTOR.timestamp)).toBe(true);
    expect(
      verifyStandardWebhook(VECTOR.secret, { ...headers, 'webhook-signature': `${wrong} ${wrong}` }, VECTOR.body, VECTOR.timestamp),
    ).toBe(false);
  });

  it('refuses secrets, ids and timestamps it cannot sign with', () => {
    expect(() => signStandardWebhook('', 'msg_1', 1, 'x')).toThrow('empty');
    expect(() => signStandardWebhook('whsec_', 'msg_1', 1, 'x')).toThrow('base64');
    expect(() => signStandardWebhook('whsec_not base64!', 'msg_1', 1, 'x')).toThrow('base64');
    for (const id of ['', 'msg.1', 'msg 1', 'msg\r\n1', 'msé'])
      expect(() => signStandardWebhook(VECTOR.secret, id, 1, 'x')).toThrow('webhook id');
    for (const timestamp of [-1, 1.5, Number.NaN, 8.64e12 + 1])
      expect(() => signStandardWebhook(VECTOR.secret, 'msg_1', timestamp, 'x')).toThrow('timestamp');
  });
});
