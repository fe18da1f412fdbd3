/**
 * The hand-written statements of tenancy. Each does what a repository call cannot in one
 * statement: an upsert that serialises concurrent writers, a batch picked with SKIP LOCKED, or a
 * transaction-scoped advisory lock.
 */

/**
 * An organization's settings ($2), replaced as a whole ($3, by $4), with a new row id ($1) the
 * first time: one row per organization, so concurrent writers serialise on it.
 */
export const PUT_WORKSPACE_SETTINGS = `INSERT INTO workspace_settings (id, organization_id, settings, updated_at, updated_by) VALUES ($1, $2, $3, now(), $4)
       ON CONFLICT (organization_id) DO UPDATE SET settings = EXCLUDED.settings, updated_at = now(), updated_by = EXCLUDED.updated_by`;

/** The platform's settings ($1, by $2), replaced as a whole: the single 'platform' row. */
export const PUT_PLATFORM_SETTINGS = `INSERT INTO platform_settings (id, settings, updated_at, updated_by) VALUES ('platform', $1, now(), $2)
       ON CONFLICT (id) DO UPDATE SET settings = EXCLUDED.settings, updated_at = now(), updated_by = EXCLUDED.updated_by`;

/**
 * Up to $2 configuration secrets sealed under a retired key ($1, key ids), locked and skipped by
 * other replicas. The key id sits at bytes 3.. of each envelope, its length at byte 2 (see
 * EnvelopeCipher). Platform rows (organization_id null) are included: no scoped repository fits.
 */
export const CONFIG_SECRETS_UNDER_RETIRED_KEYS = `SELECT id, organization_id, key, ciphertext FROM config_secrets
          WHERE substring(ciphertext FROM 3 FOR get_byte(ciphertext, 1)) = ANY($1::bytea[])
          LIMIT $2 FOR UPDATE SKIP LOCKED`;

/** One secret ($1) re-sealed under the current key ($2), a row picked by the statement above. */
export const REWRAP_CONFIG_SECRET = 'UPDATE config_secrets SET ciphertext = $2 WHERE id = $1';

/** Serialises, until the transaction ends, everything holding the same key ($1): e.g. `invitation:<org>:<email>`, `user-email:<email>`. */
export const ADVISORY_XACT_LOCK = 'SELECT pg_advisory_xact_lock(hashtext($1))';
