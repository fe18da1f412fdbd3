/**
 * The billing context's hand-written statements. Summaries are aggregates (GROUP BY over the
 * period's usage records, priced in numeric arithmetic): no record is loaded into the application,
 * and no cost passes through a binary float. $1 organization, $2 from (inclusive), $3 to
 * (exclusive), $4 the price table as a JSON object of meter to decimal string.
 */

/** Per meter: every priced meter (zero when unused) and every used one (price 0 when unpriced), with the total. */
export const SUMMARY_LINES = `
  WITH prices AS (SELECT key AS meter, value::numeric AS unit_price FROM jsonb_each_text($4::jsonb)),
       used AS (
         SELECT meter, sum(quantity) AS quantity
           FROM usage_records
          WHERE organization_id = $1 AND occurred_at >= $2 AND occurred_at < $3
          GROUP BY meter),
       lines AS (
         SELECT coalesce(u.meter, p.meter) AS meter,
                coalesce(u.quantity, 0) AS quantity,
                coalesce(p.unit_price, 0) AS unit_price,
                round(coalesce(u.quantity, 0) * coalesce(p.unit_price, 0), 4) AS cost
           FROM used u FULL JOIN prices p ON p.meter = u.meter)
  SELECT meter, trim_scale(quantity)::text AS quantity, trim_scale(unit_price)::text AS unit_price, cost::text AS cost,
         (sum(cost) OVER ())::text AS total
    FROM lines
   ORDER BY meter`;

/** Per UTC day and meter, the days that have usage. */
export const SUMMARY_BY_DAY = `
  WITH prices AS (SELECT key AS meter, value::numeric AS unit_price FROM jsonb_each_text($4::jsonb))
  SELECT to_char(r.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, r.meter,
         trim_scale(sum(r.quantity))::text AS quantity,
         round(sum(r.quantity) * coalesce(p.unit_price, 0), 4)::text AS cost
    FROM usage_records r LEFT JOIN prices p ON p.meter = r.meter
   WHERE r.organization_id = $1 AND r.occurred_at >= $2 AND r.occurred_at < $3
   GROUP BY 1, r.meter, p.unit_price
   ORDER BY 1, r.meter`;
