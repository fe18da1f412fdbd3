import type { DataSource } from 'typeorm';
import type { DomainEvent } from './domain-event.js';
import { type EventCursor, formatCursor } from './event-cursor.js';

interface EventRow {
  id: string;
  tx_id: string;
  seq: string;
  organization_id: string;
  type: string;
  resource_type: string;
  resource_id: string;
  actor_type: string;
  actor_id: string | null;
  correlation_id: string | null;
  data: Record<string, unknown>;
  occurred_at: Date;
}

const COLUMNS = `id, tx_id::text AS tx_id, seq::text AS seq, organization_id, type, resource_type, resource_id, actor_type, actor_id, correlation_id, data, occurred_at`;
/**
 * Stream order, by the table's own columns. The select list casts them to text under the same
 * names, and a bare `ORDER BY tx_id` would sort by that output column, as text ('993' after
 * '1032'): qualified names refer to the xid8 and bigint columns and use the index.
 */
const STREAM_ORDER = 'events.tx_id, events.seq';
const NEWEST_FIRST = 'events.tx_id DESC, events.seq DESC';
/** Only events of transactions older than every running one: nothing can commit behind them any more. */
const SETTLED = `tx_id < pg_snapshot_xmin(pg_current_snapshot())`;

/** The (type, id) pairs of `filter.resources`, sent as two parallel arrays: one parameter each, however many resources. */
const resourcePairs = (types: string, ids: string) =>
  `(resource_type, resource_id) IN (SELECT * FROM unnest(${types}::text[], ${ids}::text[]))`;

function toEvent(row: EventRow): DomainEvent {
  return {
    id: row.id,
    cursor: formatCursor({ txId: row.tx_id, seq: row.seq }),
    organizationId: row.organization_id,
    type: row.type,
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    actorType: row.actor_type,
    actorId: row.actor_id,
    correlationId: row.correlation_id,
    data: row.data,
    occurredAt: row.occurred_at,
  };
}

export interface EventFilter {
  organizationId: string;
  /** Exact types, or prefixes ending in `*` (`job.*`); all when empty. */
  types?: string[];
  resourceType?: string;
  resourceId?: string;
  /** Any of these resources (of `resourceType`): the events of a project's scans. An empty list selects none. */
  resourceIds?: readonly string[];
  /**
   * Any of these resources, each named by its type and id: the events of resources of several
   * types at once (a repository and its scans), in one stream order. An empty list selects none.
   */
  resources?: readonly EventResource[];
}

export interface EventResource {
  type: string;
  id: string;
}

/** What `filter` selects, in memory: the same as the store's queries select in SQL. */
export function matches(filter: EventFilter, event: Pick<DomainEvent, 'organizationId' | 'type' | 'resourceType' | 'resourceId'>): boolean {
  if (event.organizationId !== filter.organizationId) return false;
  if (filter.resourceType && event.resourceType !== filter.resourceType) return false;
  if (filter.resourceId && event.resourceId !== filter.resourceId) return false;
  if (filter.resourceIds && !filter.resourceIds.includes(event.resourceId)) return false;
  if (filter.resources && !filter.resources.some((r) => r.type === event.resourceType && r.id === event.resourceId)) return false;
  if (!filter.types?.length) return true;
  return filter.types.some((t) => (t.endsWith('*') ? event.type.startsWith(t.slice(0, -1)) : event.type === t));
}

/** The events table as the hub reads it: settled events in stream order, and the outbox as a list. */
export class EventStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Settled events matching `filter` after `after`, oldest first. */
  async read(filter: EventFilter, after: EventCursor, limit: number): Promise<DomainEvent[]> {
    const params: unknown[] = [filter.organizationId, after.txId, after.seq, limit];
    let where = `organization_id = $1 AND (tx_id, seq) > ($2::xid8, $3::bigint) AND ${SETTLED}`;
    if (filter.resourceType) {
      params.push(filter.resourceType);
      where += ` AND resource_type = $${params.length}`;
    }
    if (filter.resourceId) {
      params.push(filter.resourceId);
      where += ` AND resource_id = $${params.length}`;
    }
    if (filter.resourceIds) {
      params.push(filter.resourceIds);
      where += ` AND resource_id = ANY($${params.length}::text[])`;
    }
    if (filter.resources) {
      params.push(
        filter.resources.map((r) => r.type),
        filter.resources.map((r) => r.id),
      );
      where += ` AND ${resourcePairs(`$${params.length - 1}`, `$${params.length}`)}`;
    }
    if (filter.types?.length) {
      params.push(filter.types.filter((t) => !t.endsWith('*')));
      params.push(filter.types.filter((t) => t.endsWith('*')).map((t) => `${t.slice(0, -1).replace(/[\\%_]/g, '\\$&')}%`));
      where += ` AND (type = ANY($${params.length - 1}::text[]) OR type LIKE ANY($${params.length}::text[]))`;
    }
    const rows = await this.dataSource.query<EventRow[]>(
      `SELECT ${COLUMNS} FROM events WHERE ${where} ORDER BY ${STREAM_ORDER} LIMIT $4`,
      params,
    );
    return rows.map(toEvent);
  }

  /** Committed events, newest first, before `before` (exclusive): the outbox as a list. */
  async history(
    filter: EventFilter & { since?: Date },
    before: EventCursor | undefined,
    limit: number,
  ): Promise<{ items: DomainEvent[]; next: string | null }> {
    const params: unknown[] = [filter.organizationId, limit + 1];
    let where = 'organization_id = $1';
    const add = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (before) where += ` AND (tx_id, seq) < (${add(before.txId)}::xid8, ${add(before.seq)}::bigint)`;
    if (filter.resourceType) where += ` AND resource_type = ${add(filter.resourceType)}`;
    if (filter.resourceId) where += ` AND resource_id = ${add(filter.resourceId)}`;
    if (filter.resourceIds) where += ` AND resource_id = ANY(${add(filter.resourceIds)}::text[])`;
    if (filter.resources) {
      const types = add(filter.resources.map((r) => r.type));
      where += ` AND ${resourcePairs(types, add(filter.resources.map((r) => r.id)))}`;
    }
    if (filter.since) where += ` AND occurred_at >= ${add(filter.since)}`;
    if (filter.types?.length) {
      const exact = add(filter.types.filter((t) => !t.endsWith('*')));
      const prefixes = add(filter.types.filter((t) => t.endsWith('*')).map((t) => `${t.slice(0, -1).replace(/[\\%_]/g, '\\$&')}%`));
      where += ` AND (type = ANY(${exact}::text[]) OR type LIKE ANY(${prefixes}::text[]))`;
    }
    const rows = await this.dataSource.query<EventRow[]>(
      `SELECT ${COLUMNS} FROM events WHERE ${where} ORDER BY ${NEWEST_FIRST} LIMIT $2`,
      params,
    );
    const items = rows.slice(0, limit).map(toEvent);
    return { items, next: rows.length > limit ? items[items.length - 1].cursor : null };
  }

  /** Where the settled events end: the position of the newest, if any. */
  async settledEnd(): Promise<EventCursor | undefined> {
    const [row] = await this.dataSource.query<{ tx_id: string; seq: string }[]>(
      `SELECT tx_id::text AS tx_id, seq::text AS seq FROM events WHERE ${SETTLED} ORDER BY ${NEWEST_FIRST} LIMIT 1`,
    );
    return row && { txId: row.tx_id, seq: row.seq };
  }

  /** Settled events of every organization after `position`, oldest first, each with its position. */
  async readAll(position: EventCursor, limit: number): Promise<{ event: DomainEvent; position: EventCursor }[]> {
    const rows = await this.dataSource.query<EventRow[]>(
      `SELECT ${COLUMNS} FROM events WHERE (tx_id, seq) > ($1::xid8, $2::bigint) AND ${SETTLED} ORDER BY ${STREAM_ORDER} LIMIT ${limit}`,
      [position.txId, position.seq],
    );
    return rows.map((row) => ({ event: toEvent(row), position: { txId: row.tx_id, seq: row.seq } }));
  }
}
