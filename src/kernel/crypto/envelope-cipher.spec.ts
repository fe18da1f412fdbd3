import { AppConfig } from '../config/app-config.js';
import { EnvelopeCipher } from './envelope-cipher.js';

const cipher = (keyId = 'k1', fill = 1) => new EnvelopeCipher(Object.assign(new AppConfig(), { encryption: { keyId, key: Buffer.alloc(32, fill) } }));

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
});
