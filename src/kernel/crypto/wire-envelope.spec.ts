import { generateKeyPairSync } from 'node:crypto';
import { openWireEnvelope, rawPublicKey, sealWireEnvelope, x25519PrivateKeyFromRaw } from './wire-envelope.js';

// The test vector of docs/wire-envelope.md (keys from RFC 7748 §6.1).
const VECTOR = {
  recipientPrivate: '77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a',
  recipientPublic: '8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a',
  ephemeralPrivate: '5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb',
  nonce: '000102030405060708090a0b',
  plaintext: 'correct horse battery staple',
  context: 'wrap:0192f0a1-2b3c-7d4e-8f90-a1b2c3d4e5f6',
  envelope:
    '01de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f000102030405060708090a0bc5e92149183f81039d1f728b4bf6385ff81769102bc8fb5113b9649a4e76cd39bb2336ccaaf14d28bd724073',
};
// Its second vector: a data key as POST /agents/{id}/dek answers it (same keys, another nonce).
const DATA_KEY_VECTOR = {
  nonce: '0c0d0e0f1011121314151617',
  plaintext: '202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f',
  context: 'marshal/data-key/v1/0192f0a1-2b3c-7d4e-8f90-a1b2c3d4e5f6',
  envelope:
    '01de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f0c0d0e0f101112131415161733274fb459334bfa5c05c658717e9d76d9fd8e4e6fccdd229e38771b6bb3d78ee8e363272a492bfe4ef5219bb3861833',
  base64url: 'Ad6e2317fcG001thwuzkNTc_g0PIW3hnTa38fhRviCtPDA0ODxAREhMUFRYXMydPtFkzS_pcBcZYcX6ddtn9jk5vzN0injh3G2uz147o42MnKkkr_k71IZuzhhgz',
};
const hex = (s: string) => Buffer.from(s, 'hex');

describe('the wire envelope', () => {
  const recipient = x25519PrivateKeyFromRaw(hex(VECTOR.recipientPrivate));

  test('matches the documented test vector, byte for byte', () => {
    expect(rawPublicKey(recipient).toString('hex')).toBe(VECTOR.recipientPublic);
    const sealed = sealWireEnvelope(hex(VECTOR.recipientPublic), Buffer.from(VECTOR.plaintext), VECTOR.context, {
      ephemeralPrivate: hex(VECTOR.ephemeralPrivate),
      nonce: hex(VECTOR.nonce),
    });
    expect(sealed.toString('hex')).toBe(VECTOR.envelope);
    expect(openWireEnvelope(recipient, hex(VECTOR.envelope), VECTOR.context).toString()).toBe(VECTOR.plaintext);
  });

  test('matches the documented data key vector, byte for byte, and opens for that job only', () => {
    const sealed = sealWireEnvelope(hex(VECTOR.recipientPublic), hex(DATA_KEY_VECTOR.plaintext), DATA_KEY_VECTOR.context, {
      ephemeralPrivate: hex(VECTOR.ephemeralPrivate),
      nonce: hex(DATA_KEY_VECTOR.nonce),
    });
    expect(sealed.toString('hex')).toBe(DATA_KEY_VECTOR.envelope);
    expect(sealed.toString('base64url')).toBe(DATA_KEY_VECTOR.base64url);
    expect(openWireEnvelope(recipient, Buffer.from(DATA_KEY_VECTOR.base64url, 'base64url'), DATA_KEY_VECTOR.context).toString('hex')).toBe(
      DATA_KEY_VECTOR.plaintext,
    );
    expect(() => openWireEnvelope(recipient, sealed, 'marshal/data-key/v1/0192f0a1-2b3c-7d4e-8f90-000000000000')).toThrow();
  });

  test('a fresh ephemeral key and nonce each time: the same value never seals the same', () => {
    const a = sealWireEnvelope(rawPublicKey(recipient), Buffer.from('x'), 'c');
    const b = sealWireEnvelope(rawPublicKey(recipient), Buffer.from('x'), 'c');
    expect(a.equals(b)).toBe(false);
    expect(openWireEnvelope(recipient, a, 'c').toString()).toBe('x');
  });

  test('does not open with another context, another key, or any flipped bit', () => {
    const envelope = hex(VECTOR.envelope);
    expect(() => openWireEnvelope(recipient, envelope, 'wrap:other')).toThrow();
    expect(() => openWireEnvelope(generateKeyPairSync('x25519').privateKey, envelope, VECTOR.context)).toThrow();
    for (const at of [0, 1, 20, 33, 40, 45, 60, envelope.length - 1]) {
      const tampered = Buffer.from(envelope);
      tampered[at] ^= 0x01;
      expect(() => openWireEnvelope(recipient, tampered, VECTOR.context)).toThrow();
    }
    expect(() => openWireEnvelope(recipient, envelope.subarray(0, 60), VECTOR.context)).toThrow();
  });

  test('refuses to seal to a low-order key (the all-zero point)', () => {
    // OpenSSL refuses the derivation itself; the all-zero check behind it is defence in depth.
    expect(() => sealWireEnvelope(Buffer.alloc(32), Buffer.from('x'), 'c')).toThrow();
  });
});
