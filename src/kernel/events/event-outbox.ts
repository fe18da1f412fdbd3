import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { RequestContext } from '../context/request-context.js';
import type { Tx } from '../database/transactions.js';
import { newId } from '../ids.js';
import type { EventEntry } from './domain-event.js';

/**
 * Writes domain events into the `events` table inside the caller's transaction (the outbox): an
 * event exists if and only if its change committed. A trigger on the table NOTIFYs every replica at
 * commit; the EventHub there reads and fans the events out to streams and waiting claims.
 */
@Injectable()
export class EventOutbox {
  constructor(
    @InjectTransactionHost() private readonly tx: Tx,
    private readonly context: RequestContext,
  ) {}

  /** Emits several events in one statement. Outside a transaction, that statement is its own. */
  async emit(...entries: EventEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const principal = this.context.principal;
    const rows = entries.map((e) => ({
      id: newId(),
      organization_id: e.organizationId,
      type: e.type,
      resource_type: e.resourceType,
      resource_id: e.resourceId,
      actor_type: principal?.type ?? 'system',
      actor_id: principal?.id ?? null,
      correlation_id: this.context.correlationId ?? null,
      data: e.data ?? {},
    }));
    await this.tx.tx.query(
      `INSERT INTO events (id, organization_id, type, resource_type, resource_id, actor_type, actor_id, correlation_id, data)
       SELECT id, organization_id, type, resource_type, resource_id, actor_type, actor_id, correlation_id, data
         FROM jsonb_to_recordset($1::jsonb) AS e(id uuid, organization_id uuid, type text, resource_type text, resource_id text,
                                                 actor_type text, actor_id text, correlation_id text, data jsonb)`,
      [JSON.stringify(rows)],
    );
  }
}
