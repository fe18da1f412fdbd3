import type { ApprovalDecision } from './entities/approval-decision.entity.js';
import type { ApprovalStage } from './entities/approval-workflow.entity.js';

export interface StageProgress {
  name: string;
  requiredApprovals: number;
  /** Approvals that still count (not lapsed). */
  approvals: number;
}

export interface GateProgress {
  outcome: 'pending' | 'approved' | 'rejected';
  /** The stage awaiting decisions; the number of stages once approved; the rejected stage. */
  currentStage: number;
  stages: StageProgress[];
}

/**
 * Where a gate stands, recomputed from its decisions: a rejection anywhere decides it; otherwise
 * the stages pass in order, each on its Nth approval that has not lapsed. Recomputing (instead of
 * counting up) means a stage whose approvals lapsed before the last stage passed is open again.
 */
export function evaluate(
  stages: readonly ApprovalStage[],
  decisions: readonly Pick<ApprovalDecision, 'stage' | 'decision' | 'expiresAt'>[],
  now: Date,
): GateProgress {
  const progress = stages.map((s, i) => ({
    name: s.name,
    requiredApprovals: s.requiredApprovals,
    approvals: decisions.filter((d) => d.stage === i && d.decision === 'approve' && (!d.expiresAt || d.expiresAt > now)).length,
  }));
  const rejection = decisions.find((d) => d.decision === 'reject');
  if (rejection) return { outcome: 'rejected', currentStage: rejection.stage, stages: progress };
  const open = progress.findIndex((s) => s.approvals < s.requiredApprovals);
  return open === -1
    ? { outcome: 'approved', currentStage: stages.length, stages: progress }
    : { outcome: 'pending', currentStage: open, stages: progress };
}

/**
 * A glob over a secret ref: `*` matches any run of characters (slashes too), `?` exactly one.
 * Matched by the standard wildcard walk, which resumes after the last `*` instead of backtracking
 * over every earlier one: at most pattern × value steps, where a regular expression built from the
 * pattern could take exponential time (`*a*a*a*a*b`) on the event loop every tenant shares.
 * (picomatch does not fit: its `*` stops at `/`, and policies already rely on it crossing.)
 */
export function globMatches(pattern: string, value: string): boolean {
  let p = 0;
  let v = 0;
  let star = -1; // the pattern index just after the last `*` seen
  let resume = 0; // where in the value that `*` would stop swallowing next
  while (v < value.length) {
    if (p < pattern.length && (pattern[p] === '?' || (pattern[p] !== '*' && pattern[p] === value[v]))) {
      p++;
      v++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = ++p;
      resume = v;
    } else if (star !== -1) {
      p = star;
      v = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}
