import { timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import type { Tx } from '../database/transactions.js';
import { validationFailed } from '../http/kernel.errors.js';
import { UUID_PATTERN } from '../ids.js';
import { GENESIS_HASH, KEYED_CHAIN, keyedChainHash, UNKEYED_CHAIN, unkeyedChainHash } from './audit-chain.js';
import { type CheckpointStatement, checkpointSignatureHolds } from './audit-checkpoint.js';
import { AuditCheckpoint, AuditEvent } from './audit-event.entity.js';
import { AuditKeys } from './audit-keys.js';

export interface AuditQuery {
  /** One organization, or every organization (platform view) when undefined. */
  organizationId?: string;
  /** `user`, `api_key`, `agent`, `system`, `webhook`: with actorId, or alone (every actor of the type). */
  actorType?: string;
  actorId?: string;
  /** An exact action, or a prefix ending in `*` (`role.*`). */
  action?: string;
  /** `type` or `type:id`. */
  resource?: string;
  correlationId?: string;
  since?: Date;
  until?: Date;
  limit: number;
  cursor?: string;
}

export interface AuditPage {
  items: AuditEvent[];
  nextCursor: string | null;
}

/** Why a chain does not verify, as a stable code (docs/audit-trail.md). */
export type ChainFailure =
  | 'EVENTS_MISSING'
  | 'LINK_BROKEN'
  | 'CONTENT_MISMATCH'
  | 'UNKEYED_AFTER_KEYED'
  | 'UNKNOWN_CHAIN_KEY'
  | 'UNKNOWN_CHAIN_VERSION'
  | 'HEAD_MISMATCH'
  | 'TRUNCATED'
  | 'REWRITTEN'
  | 'CHECKPOINT_FORGED';

export const CHAIN_FAILURES: readonly ChainFailure[] = [
  'EVENTS_MISSING',
  'LINK_BROKEN',
  'CONTENT_MISMATCH',
  'UNKEYED_AFTER_KEYED',
  'UNKNOWN_CHAIN_KEY',
  'UNKNOWN_CHAIN_VERSION',
  'HEAD_MISMATCH',
  'TRUNCATED',
  'REWRITTEN',
  'CHECKPOINT_FORGED',
];

export interface ChainVerification {
  valid: boolean;
  eventsChecked: number;
  /** The first event whose link does not hold, and why. */
  firstInvalid: { seq: number; reason: string } | null;
  /** Present when valid is false: what failed. */
  failure?: ChainFailure;
  /** Present when a checkpoint was given: it, and whether the trail still extends it. */
  checkpoint?: { seq: number; hash: string; signedAt: string; keyId: string; extended: boolean };
}

/** Where a walk along the chain stands: the last link that held. */
export interface ChainPosition {
  seq: number;
  hash: Buffer;
  /** Whether a keyed link was met: after one, an unkeyed link is refused. */
  keyed: boolean;
}

export const CHAIN_START: ChainPosition = { seq: 0, hash: GENESIS_HASH, keyed: false };

export interface ChainWalk {
  /** The last link that held (the head, when nothing failed). */
  reached: ChainPosition;
  failure: { seq: number; reason: string; code: ChainFailure } | null;
}

/** The cursor is opaque to clients: the (time, id) of the last item seen, newest first. */
function encodeCursor(e: AuditEvent): string {
  return Buffer.from(JSON.stringify([e.occurredAt.toISOString(), e.id])).toString('base64url');
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    const isIsoTime = typeof at === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(at) && !Number.isNaN(Date.parse(at));
    if (!isIsoTime || typeof id !== 'string' || !UUID_PATTERN.test(id)) throw new Error('bad cursor');
    return [at, id];
  } catch {
    throw validationFailed([{ field: 'cursor', message: 'cursor is not one this API returned', code: 'INVALID_CURSOR' }]);
  }
}

/**
 * Reads the audit trail: filtered, newest first, by opaque cursor; and verifies a chain end to end,
 * each link under the scheme and key it names (audit-chain.ts), and against signed checkpoints.
 */
@Injectable()
export class AuditStore {
  constructor(
    @InjectTransactionHost() private readonly tx: Tx,
    private readonly keys: AuditKeys,
  ) {}

  async list(q: AuditQuery): Promise<AuditPage> {
    const qb = this.tx.tx.getRepository(AuditEvent).createQueryBuilder('a');
    if (q.organizationId) qb.andWhere('a.organization_id = :org', { org: q.organizationId });
    if (q.actorType) qb.andWhere('a.actor_type = :actorType', { actorType: q.actorType });
    if (q.actorId) qb.andWhere('a.actor_id = :actor', { actor: q.actorId });
    if (q.action?.endsWith('*')) qb.andWhere('a.action LIKE :prefix', { prefix: `${q.action.slice(0, -1).replace(/[%_\\]/g, '\\$&')}%` });
    else if (q.action) qb.andWhere('a.action = :action', { action: q.action });
    if (q.resource) {
      const [type, id] = q.resource.split(':', 2);
      qb.andWhere('a.resource_type = :type', { type });
      if (id) qb.andWhere('a.resource_id = :rid', { rid: id });
    }
    if (q.correlationId) qb.andWhere('a.correlation_id = :cid', { cid: q.correlationId });
    if (q.since) qb.andWhere('a.occurred_at >= :since', { since: q.since });
    if (q.until) qb.andWhere('a.occurred_at < :until', { until: q.until });
    if (q.cursor) {
      const [at, id] = decodeCursor(q.cursor);
      qb.andWhere('(a.occurred_at, a.id) < (:at, :id)', { at, id });
    }
    const rows = await qb
      .orderBy('a.occurred_at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .take(q.limit + 1)
      .getMany();
    const items = rows.slice(0, q.limit);
    return { items, nextCursor: rows.length > q.limit ? encodeCursor(items[items.length - 1]) : null };
  }

  /**
   * Walks the organization's chain from `from` (the genesis by default) to its end, checking each
   * link: contiguous, linked to the one before, and its hash recomputed under the scheme and key
   * it names. No unkeyed link may follow a keyed one: nobody can claim the weaker scheme back.
   */
  async walk(organizationId: string, from: ChainPosition = CHAIN_START): Promise<ChainWalk> {
    const repo = this.tx.tx.getRepository(AuditEvent);
    let at = from;
    for (;;) {
      const batch = await repo
        .createQueryBuilder('a')
        .where('a.organization_id = :org AND a.seq > :from', { org: organizationId, from: at.seq })
        .orderBy('a.seq', 'ASC')
        .take(1000)
        .getMany();
      for (const event of batch) {
        const failure = this.checkLink(at, event);
        if (failure) return { reached: at, failure: { seq: event.seq, ...failure } };
        at = { seq: event.seq, hash: event.hash, keyed: at.keyed || event.chainVersion === KEYED_CHAIN };
      }
      if (batch.length < 1000) return { reached: at, failure: null };
    }
  }

  private checkLink(previous: ChainPosition, event: AuditEvent): { reason: string; code: ChainFailure } | null {
    if (event.seq !== previous.seq + 1)
      return { code: 'EVENTS_MISSING', reason: `expected event ${previous.seq + 1} but found ${event.seq}: events are missing` };
    if (!event.prevHash.equals(previous.hash))
      return { code: 'LINK_BROKEN', reason: 'its previous-hash does not match the event before it' };
    let expected: Buffer;
    if (event.chainVersion === UNKEYED_CHAIN && event.chainKeyId === null) {
      if (previous.keyed)
        return {
          code: 'UNKEYED_AFTER_KEYED',
          reason: 'it claims the unkeyed scheme after a keyed event: only events from before keyed chaining may',
        };
      expected = unkeyedChainHash(previous.hash, event);
    } else if (event.chainVersion === KEYED_CHAIN && event.chainKeyId !== null) {
      const key = this.keys.chainKey(event.chainKeyId);
      if (!key)
        return {
          code: 'UNKNOWN_CHAIN_KEY',
          reason: `it was chained under master key ${event.chainKeyId}, which this server does not hold (keep a retired key in ENCRYPTION_PREVIOUS_KEYS to verify its events)`,
        };
      expected = keyedChainHash(key, event.chainKeyId, previous.hash, event);
    } else {
      return { code: 'UNKNOWN_CHAIN_VERSION', reason: `its chain version (${event.chainVersion}) is not one Marshal writes` };
    }
    if (expected.length !== event.hash.length || !timingSafeEqual(expected, event.hash))
      return { code: 'CONTENT_MISMATCH', reason: 'its content does not match its hash' };
    return null;
  }

  /** The link at `seq`, where a checkpoint says the chain passed, or null when it is gone. */
  async linkAt(organizationId: string, seq: number): Promise<{ hash: Buffer; chainVersion: number } | null> {
    const [row] = await this.tx.tx.query<{ hash: Buffer; chain_version: number }[]>(
      'SELECT hash, chain_version FROM audit_events WHERE organization_id = $1 AND seq = $2',
      [organizationId, seq],
    );
    return row ? { hash: row.hash, chainVersion: Number(row.chain_version) } : null;
  }

  /** Whether the trail still holds the link a checkpoint states (not truncated, not rewritten). */
  async extends(checkpoint: {
    organizationId: string;
    seq: number;
    hash: Buffer;
    signedAt: Date;
  }): Promise<{ seq: number; reason: string; code: ChainFailure } | null> {
    const signed = checkpoint.signedAt.toISOString();
    if (checkpoint.seq === 0) return null;
    const link = await this.linkAt(checkpoint.organizationId, checkpoint.seq);
    if (!link)
      return {
        seq: checkpoint.seq,
        code: 'TRUNCATED',
        reason: `the checkpoint signed at ${signed} covers event ${checkpoint.seq}, which is missing: the trail was truncated`,
      };
    if (!link.hash.equals(checkpoint.hash))
      return {
        seq: checkpoint.seq,
        code: 'REWRITTEN',
        reason: `event ${checkpoint.seq} does not have the hash the checkpoint signed at ${signed} states: the trail was rewritten`,
      };
    return null;
  }

  /**
   * Recomputes every link of the organization's chain, in order; checks the head agrees, and that
   * the trail extends the newest checkpoint stored for it and the one given (already
   * authenticated by the caller), if any.
   */
  async verify(organizationId: string, given?: CheckpointStatement): Promise<ChainVerification> {
    const { reached, failure } = await this.walk(organizationId);
    // A given checkpoint is judged on its own, whatever else fails.
    const givenProblem = given ? await this.extends(given) : null;
    const result = (problem: { seq: number; reason: string; code: ChainFailure } | null): ChainVerification => {
      const verification: ChainVerification = problem
        ? { valid: false, eventsChecked: reached.seq, firstInvalid: { seq: problem.seq, reason: problem.reason }, failure: problem.code }
        : { valid: true, eventsChecked: reached.seq, firstInvalid: null };
      if (given)
        verification.checkpoint = {
          seq: given.seq,
          hash: given.hash.toString('hex'),
          signedAt: given.signedAt.toISOString(),
          keyId: given.keyId,
          extended: !givenProblem,
        };
      return verification;
    };
    if (failure) return result(failure);
    const [head] = await this.tx.tx.query<{ last_seq: string; last_hash: Buffer }[]>(
      'SELECT last_seq, last_hash FROM audit_chain_heads WHERE organization_id = $1',
      [organizationId],
    );
    if (head && (Number(head.last_seq) !== reached.seq || !head.last_hash.equals(reached.hash))) {
      return result({ seq: Number(head.last_seq), code: 'HEAD_MISMATCH', reason: 'the chain head records events that are missing' });
    }
    return result(givenProblem ?? (await this.checkNewestStoredCheckpoint(organizationId)));
  }

  /**
   * The newest checkpoint stored for the organization must be genuine and extended: checking it
   * catches a truncation even without an exported checkpoint, unless whoever truncated also
   * deleted the checkpoints (which the application's own role cannot). One under a master key
   * this server no longer holds cannot be checked and is passed over.
   */
  private async checkNewestStoredCheckpoint(organizationId: string): Promise<{ seq: number; reason: string; code: ChainFailure } | null> {
    const stored = await this.tx.tx
      .getRepository(AuditCheckpoint)
      .createQueryBuilder('c')
      .where('c.organization_id = :org AND c.key_id IN (:...keys)', { org: organizationId, keys: [...this.keys.keyIds] })
      .orderBy('c.seq', 'DESC')
      .addOrderBy('c.signed_at', 'DESC')
      .getOne();
    if (!stored) return null;
    const { publicKey } = this.keys.checkpointKeys(stored.keyId)!;
    if (!checkpointSignatureHolds(publicKey, stored, stored.signature)) {
      return {
        seq: stored.seq,
        code: 'CHECKPOINT_FORGED',
        reason: `the stored checkpoint ${stored.id} does not carry a valid signature: it was not made by Marshal`,
      };
    }
    return this.extends(stored);
  }
}
