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
 * Sets a configuration secret ($3, in organization $2, sealed as $4, by $5; new id $1) or replaces
 * its value with one more version, in one statement; answers its id and whether it was inserted.
 * Each partial unique index (platform keys, organization keys) needs a statement of its own.
 */
const setConfigSecret = (
  conflictTarget: string,
) => `INSERT INTO config_secrets (id, organization_id, key, ciphertext, version, updated_by) VALUES ($1, $2, $3, $4, 1, $5)
       ON CONFLICT ${conflictTarget}
       DO UPDATE SET ciphertext = EXCLUDED.ciphertext, version = config_secrets.version + 1, updated_at = now(), updated_by = EXCLUDED.updated_by
       RETURNING id, (xmax = 0) AS inserted`;
export const SET_ORGANIZATION_CONFIG_SECRET = setConfigSecret('(organization_id, key) WHERE organization_id IS NOT NULL');
/** As SET_ORGANIZATION_CONFIG_SECRET, for a platform secret ($2 null). */
export const SET_PLATFORM_CONFIG_SECRET = setConfigSecret('(key) WHERE organization_id IS NULL');

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
