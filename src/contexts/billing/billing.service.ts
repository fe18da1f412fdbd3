import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { AppConfig } from '../../kernel/config/app-config.js';
import type { Tx } from '../../kernel/database/transactions.js';
import { badPeriod, MAX_PERIOD_DAYS } from './billing.errors.js';
import { SUMMARY_BY_DAY, SUMMARY_LINES } from './billing.sql.js';
import type { BillingSummaryDto, BillingSummaryQuery } from './dto/billing-summary.dto.js';
import { unitOf } from './meters.js';

const DAY_MS = 86_400_000;
const monthStart = (at: Date) => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
const nextMonth = (at: Date) => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1));

/** The period a summary covers: `[from, to)`, by default the current calendar month (UTC). */
export function summaryPeriod(query: Pick<BillingSummaryQuery, 'from' | 'to'>, now = new Date()): { from: Date; to: Date } {
  const given = (field: 'from' | 'to') => {
    const value = query[field];
    if (value === undefined) return undefined;
    const at = new Date(value);
    if (Number.isNaN(at.getTime())) throw badPeriod(field, `${field} is not a date`, 'IS_ISO8601');
    return at;
  };
  let from = given('from');
  let to = given('to');
  if (!from && !to) from = monthStart(now);
  if (!to) to = nextMonth(from!);
  if (!from) from = monthStart(new Date(to.getTime() - 1));
  if (to.getTime() <= from.getTime()) throw badPeriod('to', 'to must be after from', 'PERIOD_EMPTY');
  if (to.getTime() - from.getTime() > MAX_PERIOD_DAYS * DAY_MS)
    throw badPeriod('to', `A summary covers at most ${MAX_PERIOD_DAYS} days`, 'PERIOD_TOO_LONG');
  return { from, to };
}

/** Usage summaries with their costs (seed 004 `/billing/summary`), priced from BILLING_PRICES. */
@Injectable()
export class BillingService {
  constructor(
    @InjectTransactionHost() private readonly tx: Tx,
    private readonly config: AppConfig,
  ) {}

  async summary(organizationId: string, query: BillingSummaryQuery): Promise<BillingSummaryDto> {
    const { from, to } = summaryPeriod(query);
    const params = [organizationId, from, to, JSON.stringify(this.config.billing.prices)];
    const lines = await this.tx.tx.query<{ meter: string; quantity: string; unit_price: string; cost: string; total: string }[]>(
      SUMMARY_LINES,
      params,
    );
    const summary: BillingSummaryDto = {
      period: { from: from.toISOString(), to: to.toISOString() },
      currency: this.config.billing.currency,
      lines: lines.map((l) => ({ meter: l.meter, unit: unitOf(l.meter), quantity: l.quantity, unitPrice: l.unit_price, cost: l.cost })),
      total: lines[0]?.total ?? '0.0000',
    };
    if (query.byDay === 'true') {
      const days = await this.tx.tx.query<{ day: string; meter: string; quantity: string; cost: string }[]>(SUMMARY_BY_DAY, params);
      summary.byDay = days.map((d) => ({ date: d.day, meter: d.meter, quantity: d.quantity, cost: d.cost }));
    }
    return summary;
  }
}
