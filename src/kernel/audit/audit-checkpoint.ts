import { sign, verify, type KeyObject } from 'node:crypto';
import { UUID_PATTERN } from '../ids.js';

/** What a checkpoint states: an organization's chain head (seq and hash) at a time, under a key. */
export interface CheckpointStatement {
  organizationId: string;
  seq: number;
  hash: Buffer;
  signedAt: Date;
  /** The master key the Ed25519 signing key was derived from (its public key is published). */
  keyId: string;
}

const HEADER = 'marshal-audit-checkpoint-v1';
const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;
const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * The exact bytes signed (docs/audit-trail.md): six lines of UTF-8 joined by LF, no trailing LF.
 * Every value is of a fixed alphabet without LF, so the text parses one way only.
 */
export function checkpointStatement(c: CheckpointStatement): string {
  return [
    HEADER,
    `organization=${c.organizationId}`,
    `seq=${c.seq}`,
    `hash=${c.hash.toString('hex')}`,
    `signedAt=${c.signedAt.toISOString()}`,
    `keyId=${c.keyId}`,
  ].join('\n');
}

/** The statement back from its text, or null unless it is exactly what checkpointStatement writes. */
export function parseCheckpointStatement(text: string): CheckpointStatement | null {
  const lines = text.split('\n');
  if (lines.length !== 6 || lines[0] !== HEADER) return null;
  const field = (line: string, name: string) => (line.startsWith(`${name}=`) ? line.slice(name.length + 1) : null);
  const [organizationId, seq, hash, signedAt, keyId] = [
    field(lines[1], 'organization'),
    field(lines[2], 'seq'),
    field(lines[3], 'hash'),
    field(lines[4], 'signedAt'),
    field(lines[5], 'keyId'),
  ];
  if (!organizationId || !UUID_PATTERN.test(organizationId) || organizationId !== organizationId.toLowerCase()) return null;
  if (!seq || !/^(0|[1-9]\d{0,15})$/.test(seq) || !Number.isSafeInteger(Number(seq))) return null;
  if (!hash || !/^[0-9a-f]{64}$/.test(hash)) return null;
  if (!signedAt || !ISO_MS.test(signedAt) || Number.isNaN(Date.parse(signedAt))) return null;
  if (!keyId || !KEY_ID.test(keyId)) return null;
  const statement = { organizationId, seq: Number(seq), hash: Buffer.from(hash, 'hex'), signedAt: new Date(signedAt), keyId };
  // Round-trips only if nothing was written two ways (a date PostgreSQL or Date would normalise).
  return checkpointStatement(statement) === text ? statement : null;
}

/** Ed25519 over the statement's bytes (64 bytes). */
export function signCheckpoint(privateKey: KeyObject, c: CheckpointStatement): Buffer {
  return sign(null, Buffer.from(checkpointStatement(c), 'utf8'), privateKey);
}

export function checkpointSignatureHolds(publicKey: KeyObject, c: CheckpointStatement, signature: Buffer): boolean {
  return signature.length === 64 && verify(null, Buffer.from(checkpointStatement(c), 'utf8'), publicKey, signature);
}

/** What an auditor keeps: `<base64url of the statement>.<base64url of the signature>`. */
export function checkpointToken(c: CheckpointStatement, signature: Buffer): string {
  return `${Buffer.from(checkpointStatement(c), 'utf8').toString('base64url')}.${signature.toString('base64url')}`;
}

/** What a checkpoint token looks like, before it is decoded. */
export const CHECKPOINT_TOKEN_PATTERN = /^[A-Za-z0-9_-]{1,1000}\.[A-Za-z0-9_-]{86}$/;

/** A token back into its statement and signature, or null when it is not one checkpointToken writes. */
export function parseCheckpointToken(token: string): { statement: CheckpointStatement; signature: Buffer } | null {
  if (!CHECKPOINT_TOKEN_PATTERN.test(token)) return null;
  const [encodedStatement, encodedSignature] = token.split('.');
  const statement = parseCheckpointStatement(Buffer.from(encodedStatement, 'base64url').toString('utf8'));
  const signature = Buffer.from(encodedSignature, 'base64url');
  if (!statement || signature.length !== 64 || signature.toString('base64url') !== encodedSignature) return null;
  return { statement, signature };
}
