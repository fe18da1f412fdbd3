import { Injectable } from '@nestjs/common';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { RequestContext } from '../context/request-context.js';
import type { Tx } from '../database/transactions.js';
import { newId } from '../ids.js';
import { chainHash, GENESIS_HASH } from './audit-chain.js';
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
    // Takes (or creates) the chain head's row lock until commit: appends of one organization serialise.
    const [head] = await manager.query<{ last_seq: string; last_hash: Buffer }[]>(
      `INSERT INTO audit_chain_heads (organization_id, last_seq, last_hash) VALUES ($1, 1, $2)
       ON CONFLICT (organization_id) DO UPDATE SET last_seq = audit_chain_heads.last_seq + 1
       RETURNING last_seq, last_hash`,
      [entry.organizationId, GENESIS_HASH],
    );
    const event = Object.assign(new AuditEvent(), {
      id: newId(),
      organizationId: entry.organizationId,
      seq: Number(head.last_seq),
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
      prevHash: head.last_hash,
    });
    event.hash = chainHash(event.prevHash, event);
    // The row and the new chain head in one statement: the head's lock is held for one round trip less.
    const [insert, params] = manager
      .createQueryBuilder()
      .insert()
      .into(AuditEvent)
      .values(event as unknown as QueryDeepPartialEntity<AuditEvent>)
      .updateEntity(false)
      .getQueryAndParameters();
    await manager.query(`WITH appended AS (${insert}) UPDATE audit_chain_heads SET last_hash = $${params.length + 1} WHERE organization_id = $${params.length + 2}`, [
      ...(params as unknown[]),
      event.hash,
      entry.organizationId,
    ]);
    return event;
  }
}
