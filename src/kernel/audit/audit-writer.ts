import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { RequestContext } from '../context/request-context.js';
import type { Tx } from '../database/transactions.js';
import { newId } from '../ids.js';
import { chainText, GENESIS_HASH } from './audit-chain.js';
import type { AuditOutcome } from './audit-event.entity.js';
import { AuditEvent } from './audit-event.entity.js';
import { redactDetails } from './redact-details.js';

export interface AuditEntry {
  organizationId: string;
  /** `<resource>.<verb>`, e.g. `role.create`. */
  action: string;
  outcome?: AuditOutcome;
  /** Defaults to the request's principal. */
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
  ) {}

  record(entry: AuditEntry): Promise<AuditEvent> {
    if (this.tx.isTransactionActive()) return this.append(entry);
    return this.tx.withTransaction(() => this.append(entry));
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
    // One statement locks the head, numbers the link, hashes it (sha256 in the database, over the
    // same canonical text chainHash uses) and stores it. The head stays locked until commit, so
    // appends of one organization serialise: one round trip and the commit, no more.
    const { prefix, suffix } = chainText(event);
    const link = () => manager.query<{ seq: string; prev_hash: Buffer; hash: Buffer }[]>(
      `WITH head AS (
         SELECT last_seq, last_hash FROM audit_chain_heads WHERE organization_id = $2 FOR UPDATE
       ), advanced AS (
         UPDATE audit_chain_heads h
            SET last_seq = head.last_seq + 1,
                last_hash = sha256(head.last_hash || convert_to($15 || (head.last_seq + 1)::text || $16, 'UTF8'))
           FROM head
          WHERE h.organization_id = $2
         RETURNING h.last_seq, h.last_hash, head.last_hash AS prev_hash
       )
       INSERT INTO audit_events (id, organization_id, seq, occurred_at, actor_type, actor_id, action, resource_type, resource_id,
                                 outcome, correlation_id, request_id, ip, user_agent, details, prev_hash, hash)
       SELECT $1, $2, advanced.last_seq, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, advanced.prev_hash, advanced.last_hash
         FROM advanced
       RETURNING seq, prev_hash, hash`,
      [
        event.id, event.organizationId, event.occurredAt, event.actorType, event.actorId, event.action, event.resourceType,
        event.resourceId, event.outcome, event.correlationId, event.requestId, event.ip, event.userAgent, JSON.stringify(event.details),
        prefix, suffix,
      ],
    );
    let [row] = await link();
    if (!row) {
      // The organization's first link: its head is created (no lock is taken by a conflict), then linked.
      await manager.query('INSERT INTO audit_chain_heads (organization_id, last_seq, last_hash) VALUES ($1, 0, $2) ON CONFLICT (organization_id) DO NOTHING', [
        entry.organizationId,
        GENESIS_HASH,
      ]);
      [row] = await link();
    }
    event.seq = Number(row.seq);
    event.prevHash = row.prev_hash;
    event.hash = row.hash;
    return event;
  }
}
