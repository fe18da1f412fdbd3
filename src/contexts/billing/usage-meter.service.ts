import { Injectable } from '@nestjs/common';
import { TenantData } from '../../kernel/tenancy/tenant-data.js';
import { UsageRecord } from './entities/usage-record.entity.js';

/** One quantity to meter: of what resource, on which meter, when. */
export interface UsageEntry {
  meter: string;
  /** A non-negative integer or decimal (a decimal string keeps every digit). */
  quantity: number | string;
  resource: { type: string; id: string };
  dimensions?: Record<string, unknown>;
  occurredAt: Date;
}

const DECIMAL = /^\d{1,24}(\.\d{1,6})?$/;

/**
 * Records metered usage in the caller's transaction (TenantData resolves the ambient one, as the
 * audit writer and the event outbox do): the usage exists if and only if the change that caused
 * it committed. Idempotent per (resource, meter): recording again is ON CONFLICT DO NOTHING, so a
 * retried settle does not count twice.
 */
@Injectable()
export class UsageMeter {
  constructor(private readonly data: TenantData) {}

  /** Answers how many of the entries were new. */
  async record(organizationId: string, ...entries: UsageEntry[]): Promise<number> {
    const rows = entries.map((e) => {
      const quantity = typeof e.quantity === 'number' ? String(e.quantity) : e.quantity;
      if (!DECIMAL.test(quantity)) throw new Error(`Usage of ${e.meter} must be a non-negative decimal, not ${quantity}`);
      return {
        meter: e.meter,
        quantity,
        resourceType: e.resource.type,
        resourceId: e.resource.id,
        dimensions: e.dimensions ?? {},
        occurredAt: e.occurredAt,
      };
    });
    const inserted = await this.data.repository(UsageRecord, organizationId).insertMany(rows, { skipConflicts: true });
    return inserted.length;
  }
}
