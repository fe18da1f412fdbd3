/**
 * The hand-written statements of the broker's wraps. Each changes many rows in one statement,
 * picks rows with SKIP LOCKED as it changes them, or takes and shreds a value in the statement
 * that reads it: what a repository call cannot do without a race or a round trip per row.
 */

/** How many expired wraps one sweep batch shreds. */
export const SWEEP_BATCH = 500;

/** Shreds whatever of a request's ($2, in organization $1) values is still sealed, for reason $3. */
export const SHRED_FOR_REQUEST = `UPDATE secret_wraps SET sealed = NULL, shredded_at = now(), shred_reason = $3
        WHERE organization_id = $1 AND request_id = $2 AND sealed IS NOT NULL`;

/** Shreds up to SWEEP_BATCH wraps past their time, skipping those another replica holds; answers what it shred. */
export const SHRED_EXPIRED = `UPDATE secret_wraps w SET sealed = NULL, shredded_at = now(), shred_reason = 'expired'
        WHERE w.id IN (SELECT id FROM secret_wraps WHERE sealed IS NOT NULL AND expires_at <= now()
                        ORDER BY expires_at LIMIT ${SWEEP_BATCH} FOR UPDATE SKIP LOCKED)
        RETURNING w.id, w.organization_id, w.request_id`;

/**
 * Up to $2 sealed values under a retired key ($1, key ids), locked and skipped by other replicas.
 * The key id sits at bytes 3.. of each envelope, its length at byte 2 (see EnvelopeCipher).
 */
export const WRAPS_UNDER_RETIRED_KEYS = `SELECT id, context, sealed FROM secret_wraps
          WHERE sealed IS NOT NULL AND substring(sealed FROM 3 FOR get_byte(sealed, 1)) = ANY($1::bytea[])
          LIMIT $2 FOR UPDATE SKIP LOCKED`;

/** One wrap ($1) re-sealed under the current key ($2), a row picked by the statement above. */
export const REWRAP_WRAP = 'UPDATE secret_wraps SET sealed = $2 WHERE id = $1';

/**
 * Takes the sealed value of wrap $1 (organization $2), released and not expired, and shreds it in
 * the same statement, answering the value: concurrent retrievals wait on the row lock, then find it gone.
 */
export const CONSUME_WRAP = `WITH taken AS (
           SELECT id, sealed FROM secret_wraps
            WHERE id = $1 AND organization_id = $2 AND sealed IS NOT NULL AND released_at IS NOT NULL AND expires_at > now()
            FOR UPDATE)
         UPDATE secret_wraps w SET sealed = NULL, consumed_at = now(), shredded_at = now(), shred_reason = 'consumed'
           FROM taken WHERE w.id = taken.id
         RETURNING taken.sealed`;
