/**
 * The scanning context's hand-written statements, each with why it is not a repository call.
 */

/**
 * Sets and clears an organization's limit overrides in one statement ($1 id of a new row, $2 the
 * organization, $3 the limits to set as a JSON object, $4 the names to clear, $5 who): concurrent
 * edits serialise on the row and each keeps what the other did not name, which a read-modify-write
 * would lose. Answers the row as it is now.
 */
export const PATCH_SCAN_LIMIT_OVERRIDES = `
  INSERT INTO scan_limit_overrides (id, organization_id, limits, updated_by)
  VALUES ($1, $2, $3::jsonb - $4::text[], $5)
  ON CONFLICT (organization_id) DO UPDATE
     SET limits = (scan_limit_overrides.limits || $3::jsonb) - $4::text[], updated_by = $5, updated_at = now()
  RETURNING limits, updated_at, updated_by`;
