import { createCipheriv, randomBytes } from 'node:crypto';
import { AppConfig } from '../config/app-config.js';
import { EnvelopeCipher } from './envelope-cipher.js';
import { LocalKeyManagement } from './key-management.js';

const config = (keyId: string, fill: number, previous: { keyId: string; key: Buffer }[] = []) =>
  Object.assign(new AppConfig(), { encryption: { keyId, key: Buffer.alloc(32, fill), previous } });
const cipher = (keyId = 'k1', fill = 1) => new EnvelopeCipher(new LocalKeyManagement(config(keyId, fill)));

describe('EnvelopeCipher', () => {
  test('round-trips, with a fresh data key and IV each time', () => {
    const c = cipher();
    const a = c.encrypt('s3cret value', 'ctx');
    const b = c.encrypt('s3cret value', 'ctx');
    expect(a.equals(b)).toBe(false);
    expect(a.includes(Buffer.from('s3cret value'))).toBe(false);
    expect(c.decrypt(a, 'ctx').toString()).toBe('s3cret value');
  });

  test('refuses another context, a flipped bit, or a different master key', () => {
    const c = cipher();
    const sealed = c.encrypt('value', 'workspace:1:db_password');
    expect(() => c.decrypt(sealed, 'workspace:2:db_password')).toThrow();
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] ^= 1;
    expect(() => c.decrypt(tampered, 'workspace:1:db_password')).toThrow();
    expect(() => cipher('k1', 2).decrypt(sealed, 'workspace:1:db_password')).toThrow();
    expect(() => cipher('k2').decrypt(sealed, 'workspace:1:db_password')).toThrow(/unknown master key/);
  });

  test('after a rotation, old envelopes still open, and a re-wrap moves them to the new key without touching their ciphertext', () => {
    const before = cipher('k1', 1);
    const sealed = before.encrypt('value', 'ctx');
    const rotated = new EnvelopeCipher(new LocalKeyManagement(config('k2', 2, [{ keyId: 'k1', key: Buffer.alloc(32, 1) }])));
    expect(rotated.decrypt(sealed, 'ctx').toString()).toBe('value');
    expect(rotated.keyIdOf(sealed)).toBe('k1');
    // New values use the new key.
    expect(rotated.keyIdOf(rotated.encrypt('other', 'ctx'))).toBe('k2');
    const moved = rotated.rewrap(sealed, 'ctx');
    expect(rotated.keyIdOf(moved)).toBe('k2');
    expect(moved.subarray(moved.length - 5).equals(sealed.subarray(sealed.length - 5))).toBe(true);
    expect(rotated.rewrap(moved, 'ctx')).toBe(moved);
    // Once re-wrapped, the retired key is no longer needed; the context still binds.
    const onlyNew = cipher('k2', 2);
    expect(onlyNew.decrypt(moved, 'ctx').toString()).toBe('value');
    expect(() => rotated.rewrap(sealed, 'other-ctx')).toThrow();
    expect(() => onlyNew.decrypt(sealed, 'ctx')).toThrow(/unknown master key/);
  });
});

describe('EnvelopeCipher data keys sealed elsewhere', () => {
  const seal = (key: Buffer, value: string, context: string) => {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
    return { iv, tag: cipher.getAuthTag(), ciphertext };
  };
  it('assembles what an agent sealed under an issued key into an envelope that opens', () => {
    const c = cipher();
    const { key, wrappedKey } = c.issueDataKey('ctx');
    const { iv, tag, ciphertext } = seal(key, 's3cr3t', 'ctx');
    const envelope = c.assemble(wrappedKey, iv, tag, ciphertext, 'ctx');
    expect(c.decrypt(envelope, 'ctx').toString()).toBe('s3cr3t');
  });
  it('refuses a ciphertext sealed under another context, another key, or tampered', () => {
    const c = cipher();
    const { key, wrappedKey } = c.issueDataKey('ctx');
    const other = seal(key, 'x', 'other');
    expect(() => c.assemble(wrappedKey, other.iv, other.tag, other.ciphertext, 'ctx')).toThrow();
    const stranger = seal(randomBytes(32), 'x', 'ctx');
    expect(() => c.assemble(wrappedKey, stranger.iv, stranger.tag, stranger.ciphertext, 'ctx')).toThrow();
    const good = seal(key, 'x', 'ctx');
    good.ciphertext[0] ^= 1;
    expect(() => c.assemble(wrappedKey, good.iv, good.tag, good.ciphertext, 'ctx')).toThrow();
    expect(() => c.assemble(wrappedKey.subarray(1), good.iv, good.tag, good.ciphertext, 'ctx')).toThrow();
  });
});
