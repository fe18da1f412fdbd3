import { createHash, createHmac, type KeyObject } from 'node:crypto';

export const GENESIS_HASH = Buffer.alloc(32);

/**
 * How a link was computed, recorded on each row (docs/audit-trail.md):
 * 1. SHA-256, unkeyed: rows written before keyed chaining. Anyone with write access to the database
 *    could recompute them, so they are accepted only before an organization's first keyed row.
 * 2. HMAC-SHA256 under a key derived from a KMS master key (the row names which), never stored.
 */
export const UNKEYED_CHAIN = 1;
export const KEYED_CHAIN = 2;

/** What the keyed chain's HMAC key is derived for (KeyManagement.deriveKey). */
export const CHAIN_KEY_PURPOSE = 'audit-chain/v2';

/** The fields a chain link commits to, in a fixed order. */
export interface ChainedFields {
  organizationId: string;
  seq: number;
  occurredAt: Date;
  actorType: string;
  actorId: string | null;
  action: string;
  resourceType: string | null;
  resourceId: string | null;
  outcome: string;
  correlationId: string | null;
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
  details: Record<string, unknown>;
}

/** JSON with object keys sorted at every depth: the same value always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The canonical JSON array of a row's fields, organization first and seq second: what both versions commit to. */
export function chainContent(e: ChainedFields): string {
  return canonicalJson([
    e.organizationId,
    e.seq,
    e.occurredAt.toISOString(),
    e.actorType,
    e.actorId,
    e.action,
    e.resourceType,
    e.resourceId,
    e.outcome,
    e.correlationId,
    e.requestId,
    e.ip,
    e.userAgent,
    e.details,
  ]);
}

/** Version 1: SHA-256(previous hash bytes ‖ content). */
export function unkeyedChainHash(prevHash: Buffer, e: ChainedFields): Buffer {
  return createHash('sha256').update(prevHash).update(chainContent(e)).digest();
}

/**
 * Version 2's HMAC input, all UTF-8 text so that it can be rebuilt with printf:
 * `marshal-audit-v2` LF `<key id>` LF `<previous hash, lowercase hex>` LF `<content>`.
 * The key id is inside, so a row cannot be passed off as chained under another key.
 */
export function keyedChainInput(keyId: string, prevHash: Buffer, e: ChainedFields): string {
  return `marshal-audit-v2\n${keyId}\n${prevHash.toString('hex')}\n${chainContent(e)}`;
}

/** Version 2: HMAC-SHA256(chain key, keyedChainInput). */
export function keyedChainHash(key: KeyObject, keyId: string, prevHash: Buffer, e: ChainedFields): Buffer {
  return createHmac('sha256', key)
    .update(keyedChainInput(keyId, prevHash, e))
    .digest();
}
