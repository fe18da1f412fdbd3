import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig } from '../config/app-config.js';
import { LocalKeyManagement } from '../crypto/key-management.js';
import { chainContent, keyedChainHash, keyedChainInput, unkeyedChainHash, type ChainedFields } from './audit-chain.js';
import {
  checkpointSignatureHolds,
  checkpointStatement,
  checkpointToken,
  parseCheckpointStatement,
  parseCheckpointToken,
  signCheckpoint,
} from './audit-checkpoint.js';
import { AuditKeys } from './audit-keys.js';

/** The worked example of docs/audit-trail.md: the test proves the document's numbers. */
const EXAMPLE = {
  masterKey: 'ZG9jcy1leGFtcGxlLW1hc3Rlci1rZXktbm90LXVzZWQ=',
  keyId: 'docs-1',
  chainKey: 'ae527b2c1805ae48a3e9428d722c9b2788046214220aeb1e804701b859cd7c1d',
  hash: 'b8681615791d515e0391bdd0a3c3b8c9638c0ea23781b5cc3378be9ee4377953',
  signedAt: '2026-03-01T13:00:00.000Z',
  signature: 'c1J473CfC1eS3Ry0kP4HEiPuL4TCA2JU4Rv-oqqgveoOE9ESv_lHTXjNn2jmBboBbV9mv-gCDVimieZHJnJYAQ',
  x: '-yn1IoRWMYXmznUpz2Eh5cdcP9vu5DXZbV15b6wi_M8',
  pem: 'MCowBQYDK2VwAyEA+yn1IoRWMYXmznUpz2Eh5cdcP9vu5DXZbV15b6wi/M8=',
};
const PREV = Buffer.alloc(32, 0x3f);
const EVENT: ChainedFields = {
  organizationId: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  seq: 2,
  occurredAt: new Date('2026-03-01T12:00:00.000Z'),
  actorType: 'user',
  actorId: '0193a1b2-0000-7000-8000-000000000001',
  action: 'team.create',
  resourceType: 'team',
  resourceId: '0193a1b2-0000-7000-8000-0000000000aa',
  outcome: 'success',
  correlationId: 'docs-example',
  requestId: '0193a1b2-0000-7000-8000-0000000000bb',
  ip: '203.0.113.7',
  userAgent: 'curl/8.5.0',
  details: { name: 'Platform' },
};

const doc = readFileSync(join(process.cwd(), 'docs', 'audit-trail.md'), 'utf8');
const keysOf = (keyId: string, key: string, previous: { keyId: string; key: Buffer }[] = []) =>
  new AuditKeys(
    new LocalKeyManagement(Object.assign(new AppConfig(), { encryption: { keyId, key: Buffer.from(key, 'base64'), previous } })),
  );
const keys = keysOf(EXAMPLE.keyId, EXAMPLE.masterKey);
const statement = {
  organizationId: EVENT.organizationId,
  seq: 2,
  hash: Buffer.from(EXAMPLE.hash, 'hex'),
  signedAt: new Date(EXAMPLE.signedAt),
  keyId: EXAMPLE.keyId,
};

describe('the worked example of docs/audit-trail.md', () => {
  test('the chain key, the HMAC input and the row hash are what the code computes', () => {
    expect(keys.chainKey(EXAMPLE.keyId)!.export().toString('hex')).toBe(EXAMPLE.chainKey);
    expect(keyedChainInput(EXAMPLE.keyId, PREV, EVENT)).toBe(`marshal-audit-v2\ndocs-1\n${'3f'.repeat(32)}\n${chainContent(EVENT)}`);
    expect(keyedChainHash(keys.chainKey(EXAMPLE.keyId)!, EXAMPLE.keyId, PREV, EVENT).toString('hex')).toBe(EXAMPLE.hash);
    expect(doc).toContain(`content = ${chainContent(EVENT)}`);
    expect(doc).toContain(`CONTENT='${chainContent(EVENT)}'`);
  });

  test('the checkpoint, its signature, its token and the public key are what the code computes', () => {
    const pair = keys.checkpointKeys(EXAMPLE.keyId)!;
    const signature = signCheckpoint(pair.privateKey, statement);
    expect(signature.toString('base64url')).toBe(EXAMPLE.signature);
    expect((pair.publicKey.export({ format: 'jwk' }) as { x: string }).x).toBe(EXAMPLE.x);
    expect(pair.publicKey.export({ type: 'spki', format: 'pem' })).toContain(EXAMPLE.pem);
    const token = checkpointToken(statement, signature);
    expect(doc).toContain(token);
    for (const value of Object.values(EXAMPLE)) expect(doc).toContain(value);
  });

  test("the page's node command verifies the token offline, and refuses it once altered", () => {
    const command = /node -e '([^']+)' "\$TOKEN" (\S+)/.exec(doc);
    expect(command?.[2]).toBe(EXAMPLE.x);
    const token = checkpointToken(statement, Buffer.from(EXAMPLE.signature, 'base64url'));
    const run = (t: string) => execFileSync(process.execPath, ['-e', command![1], t, EXAMPLE.x]).toString().trim();
    expect(run(token)).toBe('true');
    const altered = checkpointToken({ ...statement, seq: 3 }, Buffer.from(EXAMPLE.signature, 'base64url'));
    expect(run(altered)).toBe('false');
  });
});

describe('chain links', () => {
  test('version 1 is the SHA-256 the database used to compute: previous hash bytes, then the content', () => {
    const expected = createHash('sha256').update(PREV).update(chainContent(EVENT)).digest();
    expect(unkeyedChainHash(PREV, EVENT).equals(expected)).toBe(true);
    expect(chainContent(EVENT).startsWith(`["${EVENT.organizationId}",2,"2026-03-01T12:00:00.000Z",`)).toBe(true);
  });

  test('a keyed link depends on every field, the previous hash, the key id and the key', () => {
    const key = keys.chainKey(EXAMPLE.keyId)!;
    const base = keyedChainHash(key, EXAMPLE.keyId, PREV, EVENT).toString('hex');
    const variants = [
      keyedChainHash(key, EXAMPLE.keyId, PREV, { ...EVENT, action: 'team.delete' }),
      keyedChainHash(key, EXAMPLE.keyId, PREV, { ...EVENT, seq: 3 }),
      keyedChainHash(key, EXAMPLE.keyId, PREV, { ...EVENT, details: { name: 'Platform ' } }),
      keyedChainHash(key, EXAMPLE.keyId, Buffer.alloc(32), EVENT),
      keyedChainHash(key, 'docs-2', PREV, EVENT),
      keyedChainHash(keysOf(EXAMPLE.keyId, Buffer.alloc(32, 1).toString('base64')).chainKey(EXAMPLE.keyId)!, EXAMPLE.keyId, PREV, EVENT),
    ].map((h) => h.toString('hex'));
    expect(new Set([base, ...variants]).size).toBe(variants.length + 1);
  });

  test('each master key has its own chain and checkpoint keys; a retired one is still held', () => {
    const rotated = keysOf('new-1', Buffer.alloc(32, 9).toString('base64'), [
      { keyId: EXAMPLE.keyId, key: Buffer.from(EXAMPLE.masterKey, 'base64') },
    ]);
    expect(rotated.currentKeyId).toBe('new-1');
    expect(rotated.keyIds).toEqual(['new-1', EXAMPLE.keyId]);
    expect(rotated.chainKey(EXAMPLE.keyId)!.export().toString('hex')).toBe(EXAMPLE.chainKey);
    expect(rotated.chainKey('new-1')!.export().equals(rotated.chainKey(EXAMPLE.keyId)!.export())).toBe(false);
    expect(rotated.chainKey('gone')).toBeUndefined();
    expect(rotated.checkpointKeys('gone')).toBeUndefined();
  });
});

describe('checkpoint statements and tokens', () => {
  const text = checkpointStatement(statement);

  test('a statement parses back only exactly as written', () => {
    expect(parseCheckpointStatement(text)).toEqual(statement);
    const variants = [
      `${text}\n`,
      text.replace('seq=2', 'seq=02'),
      text.replace('seq=2', 'seq=-2'),
      text.replace(EXAMPLE.hash, EXAMPLE.hash.toUpperCase()),
      text.replace(EXAMPLE.hash, EXAMPLE.hash.slice(2)),
      text.replace(EVENT.organizationId, EVENT.organizationId.toUpperCase()),
      text.replace('.000Z', 'Z'),
      text.replace('2026-03-01', '2026-02-30'),
      text.replace('keyId=docs-1', 'keyId=docs 1'),
      text.replace('marshal-audit-checkpoint-v1', 'marshal-audit-checkpoint-v2'),
      text.replace('\n', '\r\n'),
    ];
    for (const variant of variants) expect({ variant, parsed: parseCheckpointStatement(variant) }).toEqual({ variant, parsed: null });
  });

  test('a token carries the statement and its signature; any change to either fails the signature or the format', () => {
    const signature = Buffer.from(EXAMPLE.signature, 'base64url');
    const token = checkpointToken(statement, signature);
    const parsed = parseCheckpointToken(token)!;
    const { publicKey } = keys.checkpointKeys(EXAMPLE.keyId)!;
    expect(checkpointSignatureHolds(publicKey, parsed.statement, parsed.signature)).toBe(true);
    const forged = parseCheckpointToken(checkpointToken({ ...statement, seq: 1 }, signature))!;
    expect(checkpointSignatureHolds(publicKey, forged.statement, forged.signature)).toBe(false);
    const flipped = Buffer.from(signature);
    flipped[0] ^= 1;
    expect(checkpointSignatureHolds(publicKey, statement, flipped)).toBe(false);
    for (const bad of [
      '',
      'abc',
      `${token}.x`,
      token.replace('.', ''),
      `${token.split('.')[0]}.${'A'.repeat(85)}`,
      `${Buffer.from('hello').toString('base64url')}.${EXAMPLE.signature}`,
    ]) {
      expect(parseCheckpointToken(bad)).toBeNull();
    }
  });
});
