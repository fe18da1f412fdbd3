/**
 * Why a queued job waits when no agent can take it. Worked out from the agents as they are now,
 * each time a job is read, so it can never be stale: the moment an agent reports the capability
 * (or gets the labels), the job is no longer blocked and the next claim takes it.
 *
 * The rule is the claim's own (job-queue.service.ts uses `runsType` too): an active agent that is
 * the job's target if it has one, whose labels include its selector and whose capabilities include
 * its type (none, or `*`, meaning any). An agent that is offline still counts: it may come back,
 * and the runtime health says when jobs wait with no agent online.
 */

export type BlockedCode = 'NO_CAPABLE_AGENT' | 'AGENT_LACKS_CAPABILITY' | 'AGENT_LABELS_MISMATCH' | 'AGENT_UNAVAILABLE';

/** SQL: whether agent row `a` runs jobs whose type is the expression `type`. */
export const runsType = (a: string, type: string): string =>
  `(cardinality(${a}.capabilities) = 0 OR '*' = ANY(${a}.capabilities) OR ${type} = ANY(${a}.capabilities))`;

/** SQL: the row of job `j`'s target agent (alias blk_t), active or not. */
const target = (j: string) =>
  `SELECT 1 FROM agents blk_t WHERE blk_t.id = ${j}.target_agent_id AND blk_t.organization_id = ${j}.organization_id`;

/**
 * SQL: the BlockedCode of the job row `j` (any relation with organization_id, status, type,
 * target_agent_id and selector), or NULL when it is not queued or some agent may take it. The
 * CASE stops at the first match, so a job that is not queued costs no look at the agents.
 */
export function blockedCodeSql(j: string): string {
  return `CASE
    WHEN ${j}.status <> 'queued' THEN NULL
    WHEN EXISTS (SELECT 1 FROM agents blk_a
                  WHERE blk_a.organization_id = ${j}.organization_id AND blk_a.status = 'active'
                    AND (${j}.target_agent_id IS NULL OR blk_a.id = ${j}.target_agent_id)
                    AND (${j}.selector IS NULL OR ${j}.selector <@ blk_a.labels)
                    AND ${runsType('blk_a', `${j}.type`)}) THEN NULL
    WHEN ${j}.target_agent_id IS NULL THEN 'NO_CAPABLE_AGENT'
    WHEN NOT EXISTS (${target(j)} AND blk_t.status = 'active') THEN 'AGENT_UNAVAILABLE'
    WHEN EXISTS (${target(j)} AND NOT ${runsType('blk_t', `${j}.type`)}) THEN 'AGENT_LACKS_CAPABILITY'
    ELSE 'AGENT_LABELS_MISMATCH' END`;
}

const labelsOf = (selector: Record<string, string> | null) =>
  selector
    ? Object.entries(selector)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ')
    : '';

type JobShape = { type: string; targetAgentId: string | null; selector: Record<string, string> | null };

/** What is missing for a BlockedCode, in one sentence. */
export function blockedFact(code: BlockedCode, job: JobShape): string {
  switch (code) {
    case 'NO_CAPABLE_AGENT':
      return `No active agent runs ${job.type} jobs${job.selector ? ` with the labels ${labelsOf(job.selector)}` : ''}.`;
    case 'AGENT_LACKS_CAPABILITY':
      return `The agent it is aimed at (${job.targetAgentId}) does not run ${job.type} jobs.`;
    case 'AGENT_LABELS_MISMATCH':
      return `The agent it is aimed at (${job.targetAgentId}) lacks the labels its selector asks for (${labelsOf(job.selector)}).`;
    case 'AGENT_UNAVAILABLE':
      return `The agent it is aimed at (${job.targetAgentId}) is revoked or deleted: nobody else may run it.`;
  }
}

/** What a reader of a blocked job is told: what is missing, and what ends the wait. */
export function blockedReason(code: BlockedCode, job: JobShape): string {
  const fact = blockedFact(code, job);
  switch (code) {
    case 'NO_CAPABLE_AGENT':
      return `${fact} It waits until one does: an agent says what it runs when it registers and at every heartbeat.`;
    case 'AGENT_LACKS_CAPABILITY':
      return `${fact} It takes the job once it reports that capability (at its next heartbeat; the reference agent reports the handlers it runs).`;
    default:
      return fact;
  }
}

/** SQL: the BlockedCode a job would have if queued now ($1 organization, $2 type, $3 target agent, $4 selector). */
export const BLOCKED_CODE_OF_NEW_JOB = `
  SELECT ${blockedCodeSql('j')} AS code
    FROM (SELECT $1::uuid AS organization_id, 'queued'::text AS status, $2::text AS type, $3::uuid AS target_agent_id, $4::jsonb AS selector) j`;

/**
 * SQL: queued jobs of organization $1 that no agent can take, grouped by what they wait for (type,
 * target, selector), the largest groups first, at most $2 of them; `total` counts every such job.
 * The groups are few even when the jobs are many, so the agents are looked at once per group.
 */
export const BLOCKED_WORK = `
  SELECT type, target_agent_id, selector, code, jobs, oldest_queued_at, sum(jobs) OVER () AS total
    FROM (SELECT g.*, ${blockedCodeSql('g')} AS code
            FROM (SELECT organization_id, status, type, target_agent_id, selector, count(*)::int AS jobs, min(queued_at) AS oldest_queued_at
                    FROM jobs WHERE organization_id = $1 AND status = 'queued'
                   GROUP BY organization_id, status, type, target_agent_id, selector) g) assessed
   WHERE code IS NOT NULL
   ORDER BY jobs DESC, oldest_queued_at
   LIMIT $2`;
