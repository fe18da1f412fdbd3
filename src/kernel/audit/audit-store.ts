import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { validationFailed } from '../http/app-error.js';
import { UUID_PATTERN } from '../ids.js';
import { chainHash, GENESIS_HASH } from './audit-chain.js';
import { AuditEvent } from './audit-event.entity.js';

export interface AuditQuery {
  /** One organization, or every organization (platform view) when undefined. */
  organizationId?: string;
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

export interface ChainVerification {
  valid: boolean;
  eventsChecked: number;
  /** The first event whose link does not hold, and why. */
  firstInvalid: { seq: number; reason: string } | null;
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

/** Reads the audit trail: filtered, newest first, by opaque cursor; and verifies a chain end to end. */
@Injectable()
export class AuditStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(q: AuditQuery): Promise<AuditPage> {
    const qb = this.dataSource.getRepository(AuditEvent).createQueryBuilder('a');
    if (q.organizationId) qb.andWhere('a.organization_id = :org', { org: q.organizationId });
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
    const rows = await qb.orderBy('a.occurred_at', 'DESC').addOrderBy('a.id', 'DESC').take(q.limit + 1).getMany();
    const items = rows.slice(0, q.limit);
    return { items, nextCursor: rows.length > q.limit ? encodeCursor(items[items.length - 1]) : null };
  }

  /** Recomputes every link of the organization's chain, in order, and checks the head agrees. */
  async verify(organizationId: string): Promise<ChainVerification> {
    const repo = this.dataSource.getRepository(AuditEvent);
    let expectedSeq = 1;
    let previous: Buffer = GENESIS_HASH;
    for (;;) {
      const batch = await repo
        .createQueryBuilder('a')
        .where('a.organization_id = :org AND a.seq >= :from', { org: organizationId, from: expectedSeq })
        .orderBy('a.seq', 'ASC')
        .take(1000)
        .getMany();
      for (const event of batch) {
        const fail = (reason: string): ChainVerification => ({ valid: false, eventsChecked: expectedSeq - 1, firstInvalid: { seq: event.seq, reason } });
        if (event.seq !== expectedSeq) return fail(`expected event ${expectedSeq} but found ${event.seq}: events are missing`);
        if (!event.prevHash.equals(previous)) return fail('its previous-hash does not match the event before it');
        if (!chainHash(previous, event).equals(event.hash)) return fail('its content does not match its hash');
        previous = event.hash;
        expectedSeq++;
      }
      if (batch.length < 1000) break;
    }
    const checked = expectedSeq - 1;
    const [head] = await this.dataSource.query<{ last_seq: string; last_hash: Buffer }[]>('SELECT last_seq, last_hash FROM audit_chain_heads WHERE organization_id = $1', [organizationId]);
    if (head && (Number(head.last_seq) !== checked || !head.last_hash.equals(previous))) {
      return { valid: false, eventsChecked: checked, firstInvalid: { seq: Number(head.last_seq), reason: 'the chain head records events that are missing' } };
    }
    return { valid: true, eventsChecked: checked, firstInvalid: null };
  }
}
