import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { RequestContext } from '../context/request-context.js';
import { AppError } from '../http/app-error.js';
import type { Tx } from '../database/transactions.js';
import { newId } from '../ids.js';
import type { EntityManager } from 'typeorm';
import { GENESIS_HASH, KEYED_CHAIN, keyedChainHash } from './audit-chain.js';
import { AuditKeys } from './audit-keys.js';
import type { AuditOutcome } from './audit-event.entity.js';
import { AuditEvent } from './audit-event.entity.js';
import { redactDetails } from './redact-details.js';

export interface AuditEntry {
  organizationId: string;
  /** `<resource>.<verb>`, e.g. `role.create`. */
  action: string;
  outcome?: AuditOutcome;
  /** Defaults to the request's principal. Background work names itself: `{ type: 'system', id: 'job-reaper' }`. */
  actor?: { type: string; id: string | null };
  resourceType?: string | null;
  resourceId?: string | null;
  /** Context for a reader; secret-looking keys are redacted whatever the caller passes. */
  details?: Record<string, unknown>;
}

/**
 * Appends to an organization's audit chain inside the caller's transaction, so the event commits
 * or rolls back with the change it describes. Outside a transaction it opens one of its own.
 * Request metadata (correlation and request ids, address, user agent) comes from the request context.
 */
@Injectable()
export class AuditWriter {
  constructor(
    @InjectTransactionHost() private readonly tx: Tx,
    private readonly context: RequestContext,
    private readonly keys: AuditKeys,
  ) {}

  record(entry: AuditEntry): Promise<AuditEvent> {
    if (this.tx.isTransactionActive()) return this.append(entry);
    return this.tx.withTransaction(() => this.append(entry));
  }

  /**
   * Audits a change that failed, as the mutation interceptor does, for a service that audits its own
   * route (one no transaction may span): a refusal or failure is in the trail with its status, code
   * and `details.reason` when it has one; input that never validated (400) is not. Never masks `error`.
   */
  async recordFailure(entry: Omit<AuditEntry, 'outcome'>, error: unknown): Promise<void> {
    if (!(error instanceof AppError) || error.status === 400) return;
    const reason = error.details?.reason;
    await this.record({
      ...entry,
      outcome: error.status === 403 ? 'denied' : 'failure',
      details: { ...entry.details, status: error.status, code: error.code, ...(typeof reason === 'string' && { reason }) },
    }).catch(() => undefined);
  }

  private async append(entry: AuditEntry): Promise<AuditEvent> {
    const manager = this.tx.tx;
    const principal = this.context.principal;
    const event = Object.assign(new AuditEvent(), {
      id: newId(),
      organizationId: entry.organizationId,
      occurredAt: new Date(),
      actorType: entry.actor?.type ?? principal?.type ?? 'system',
      actorId: entry.actor ? entry.actor.id : (principal?.id ?? null),
      action: entry.action,
      resourceType: entry.resourceType ?? null,
      resourceId: entry.resourceId ?? null,
      outcome: entry.outcome ?? 'success',
      correlationId: this.context.correlationId ?? null,
      requestId: this.context.requestId ?? null,
      ip: this.context.ip ?? null,
      userAgent: this.context.userAgent?.slice(0, 512) ?? null,
      details: redactDetails(entry.details ?? {}) as Record<string, unknown>,
    });
    // The head stays locked until commit, so appends of one organization serialise: two round
    // trips and the commit. The link is computed here, not in the database: its HMAC key is
    // derived from the master key and must never reach the database (nor its logs).
    const head = await this.lockHead(manager, entry.organizationId);
    const keyId = this.keys.currentKeyId;
    Object.assign(event, { seq: head.seq + 1, prevHash: head.hash, chainVersion: KEYED_CHAIN, chainKeyId: keyId });
    event.hash = keyedChainHash(this.keys.chainKey(keyId)!, keyId, event.prevHash, event);
    const [inserted] = await manager.query<{ id: string }[]>(
      `WITH advanced AS (
         UPDATE audit_chain_heads SET last_seq = $3, last_hash = $17 WHERE organization_id = $2 AND last_seq = $3 - 1 RETURNING 1
       )
       INSERT INTO audit_events (id, organization_id, seq, occurred_at, actor_type, actor_id, action, resource_type, resource_id,
                                 outcome, correlation_id, request_id, ip, user_agent, details, prev_hash, hash, chain_version, chain_key_id)
       SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19 FROM advanced
       RETURNING id`,
      [
        event.id,
        event.organizationId,
        event.seq,
        event.occurredAt,
        event.actorType,
        event.actorId,
        event.action,
        event.resourceType,
        event.resourceId,
        event.outcome,
        event.correlationId,
        event.requestId,
        event.ip,
        event.userAgent,
        JSON.stringify(event.details),
        event.prevHash,
        event.hash,
        event.chainVersion,
        event.chainKeyId,
      ],
    );
    // Only if the head moved under a lock we hold, which nothing but tampering can do.
    if (!inserted) throw new Error(`the audit chain head of organization ${entry.organizationId} moved while locked`);
    return event;
  }

  /** Locks the organization's chain head, creating it (at the genesis) for its first link. */
  private async lockHead(manager: EntityManager, organizationId: string): Promise<{ seq: number; hash: Buffer }> {
    const lock = () =>
      manager.query<{ last_seq: string; last_hash: Buffer }[]>(
        'SELECT last_seq, last_hash FROM audit_chain_heads WHERE organization_id = $1 FOR UPDATE',
        [organizationId],
      );
    let [head] = await lock();
    if (!head) {
      // A conflict takes no lock, so the row is locked by the second read.
      await manager.query(
        'INSERT INTO audit_chain_heads (organization_id, last_seq, last_hash) VALUES ($1, 0, $2) ON CONFLICT (organization_id) DO NOTHING',
        [organizationId, GENESIS_HASH],
      );
      [head] = await lock();
    }
    return { seq: Number(head.last_seq), hash: head.last_hash };
  }
}
