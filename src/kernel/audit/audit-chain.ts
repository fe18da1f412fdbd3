import { createHash } from 'node:crypto';

export const GENESIS_HASH = Buffer.alloc(32);

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

/**
 * The canonical text a link hashes, split around its sequence number: `prefix + seq + suffix`.
 * The database can then finish the link itself once it has numbered it (see AuditWriter).
 */
export function chainText(e: Omit<ChainedFields, 'seq'>): { prefix: string; suffix: string } {
  const items = [
    e.organizationId, e.occurredAt.toISOString(), e.actorType, e.actorId, e.action, e.resourceType,
    e.resourceId, e.outcome, e.correlationId, e.requestId, e.ip, e.userAgent, e.details,
  ].map(canonicalJson);
  return { prefix: `[${items[0]},`, suffix: `,${items.slice(1).join(',')}]` };
}

/** SHA-256(previous hash ‖ canonical JSON of the fields, seq second): what each link stores. */
export function chainHash(prevHash: Buffer, e: ChainedFields): Buffer {
  const { prefix, suffix } = chainText(e);
  return createHash('sha256').update(prevHash).update(`${prefix}${canonicalJson(e.seq)}${suffix}`).digest();
}
