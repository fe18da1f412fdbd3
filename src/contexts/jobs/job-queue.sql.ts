import { runsType } from './job-blockage.js';

/**
 * The hand-written statements of the queue and its reaper. Each changes many rows in one
 * statement, or picks and leases rows with SKIP LOCKED in the same statement as it reads them:
 * what a repository call cannot do without a race or a round trip per row.
 */

/** How many expired leases one reaper batch takes. */
export const REAP_BATCH = 200;

/** Jobs an agent ($2) holds that were cancelled and that it has not yet acknowledged. */
export const CANCELLED_HELD_IDS = `
  SELECT coalesce(array_agg(c.id), '{}') FROM jobs c
   WHERE c.organization_id = $1 AND c.leased_by = $2 AND c.status = 'cancelled' AND c.lease_id IS NOT NULL
     AND c.completed_lease_id IS DISTINCT FROM c.lease_id AND c.completed_at > now() - interval '1 day'`;

/**
 * Picks up to $3 jobs the agent ($2) may run and leases them for $4 seconds (never past a job's
 * timeout), in one statement: reads `agents` (labels, capabilities) too, see docs/architecture.md.
 */
export const CLAIM = `
  WITH me AS (
    SELECT labels, capabilities FROM agents WHERE id = $2 AND organization_id = $1 AND status = 'active'
  ), picked AS (
    SELECT j.id FROM jobs j, me
     WHERE j.organization_id = $1 AND j.status = 'queued' AND j.available_at <= now()
       AND (j.target_agent_id IS NULL OR j.target_agent_id = $2)
       AND (j.selector IS NULL OR j.selector <@ me.labels)
       AND ${runsType('me', 'j.type')}
     ORDER BY j.priority DESC, j.available_at, j.id
     LIMIT $3
     FOR UPDATE OF j SKIP LOCKED
  )
  UPDATE jobs j
     SET status = 'leased', attempts = j.attempts + 1, lease_id = gen_random_uuid(), leased_by = $2,
         lease_expires_at = now() + make_interval(secs => least($4, j.timeout_seconds)),
         started_at = now(), progress = NULL, updated_at = now()
    FROM picked
   WHERE j.id = picked.id
  RETURNING j.*, (${CANCELLED_HELD_IDS}) AS cancel_job_ids`;

/** Freshly claimed jobs ($3, lease ids) back to the queue, the attempt not counted. */
export const RELEASE_CLAIMED = `
  UPDATE jobs SET status = 'queued', attempts = attempts - 1, lease_id = NULL, leased_by = NULL, lease_expires_at = NULL,
         started_at = NULL, updated_at = now()
   WHERE organization_id = $1 AND leased_by = $2 AND status = 'leased' AND lease_id = ANY($3::uuid[])
   RETURNING *`;

/** Renews by $3 seconds (up to each job's timeout) every lease the agent ($2) holds; callers may narrow it with `AND …`. */
export const RENEW = `
  UPDATE jobs
     SET lease_expires_at = least(now() + make_interval(secs => $3), started_at + make_interval(secs => timeout_seconds)), updated_at = now()
   WHERE organization_id = $1 AND leased_by = $2 AND status IN ('leased', 'running')`;

/** Ends now the leases the agent ($2) holds outside $3 that are older than $4 seconds (a restarted agent forgot them). */
export const RELEASE_FORGOTTEN = `
  UPDATE jobs SET lease_expires_at = now() - interval '1 millisecond', updated_at = now()
   WHERE organization_id = $1 AND leased_by = $2 AND status IN ('leased', 'running') AND NOT (id = ANY($3::uuid[]))
     AND started_at < now() - make_interval(secs => $4)`;

/** Ends now every lease the agent ($2) holds: it was revoked or deleted. */
export const RELEASE_AGENT = `
  UPDATE jobs SET lease_expires_at = now() - interval '1 millisecond', updated_at = now()
   WHERE organization_id = $1 AND leased_by = $2 AND status IN ('leased', 'running')`;

/** At start-up: every held lease gets $1 more seconds (never past its job's timeout). */
export const EXTEND_HELD = `
  UPDATE jobs SET lease_expires_at = least(greatest(lease_expires_at, now() + make_interval(secs => $1)), started_at + make_interval(secs => timeout_seconds))
   WHERE status IN ('leased', 'running')`;

/** One reaper batch: expired leases re-queued with backoff, or dead-lettered when no attempt is left; answers who held each, since when. */
export const REAP = `
  WITH expired AS (
    SELECT id, leased_by, started_at FROM jobs
     WHERE status IN ('leased', 'running') AND lease_expires_at < now()
     ORDER BY lease_expires_at
     LIMIT ${REAP_BATCH}
     FOR UPDATE SKIP LOCKED
  )
  UPDATE jobs j
     SET status = CASE WHEN j.attempts >= j.max_attempts THEN 'expired' ELSE 'queued' END,
         available_at = CASE WHEN j.attempts >= j.max_attempts THEN j.available_at
                             ELSE now() + make_interval(secs => least(300, power(2, least(j.attempts, 9) - 1))) END,
         completed_at = CASE WHEN j.attempts >= j.max_attempts THEN now() END,
         error_code = CASE WHEN now() >= j.started_at + make_interval(secs => j.timeout_seconds) THEN 'TIMEOUT' ELSE 'LEASE_EXPIRED' END,
         error_message = CASE WHEN now() >= j.started_at + make_interval(secs => j.timeout_seconds)
                              THEN 'The attempt ran past the job''s timeout'
                              ELSE 'The agent stopped renewing its lease' END,
         leased_by = CASE WHEN j.attempts >= j.max_attempts THEN j.leased_by END,
         lease_id = NULL, lease_expires_at = NULL, updated_at = now()
    FROM expired
   WHERE j.id = expired.id
  RETURNING j.*, expired.leased_by AS held_by, expired.started_at AS held_since`;

/**
 * Completions ($2, a JSON array: each job's id and the values it ends with) applied to locked jobs
 * of the organization ($1) in one statement, however many there are.
 */
export const APPLY_COMPLETIONS = `
  UPDATE jobs j
     SET status = c.status, completed_lease_id = c.completed_lease_id, lease_expires_at = c.lease_expires_at,
         leased_by = c.leased_by, usage = c.usage, result = c.result, artifact_url = c.artifact_url,
         error_code = c.error_code, error_message = c.error_message, completed_at = c.completed_at,
         available_at = c.available_at, updated_at = c.updated_at
    FROM jsonb_to_recordset($2::jsonb) AS c(id uuid, status text, completed_lease_id uuid, lease_expires_at timestamptz,
         leased_by uuid, usage jsonb, result jsonb, artifact_url text, error_code text, error_message text,
         completed_at timestamptz, available_at timestamptz, updated_at timestamptz)
   WHERE j.organization_id = $1 AND j.id = c.id`;
