import type { WorkflowNode } from '../definition-graph.js';
import type { StepStatus } from '../entities/workflow-run-step.entity.js';

export interface StepState {
  status: StepStatus;
  output: unknown;
}

export interface Progress {
  /** Pending nodes whose dependencies all succeeded: they start now. */
  ready: string[];
  /** Pending nodes that will never run: a condition upstream was false, or a dependency was skipped. */
  skipped: string[];
  /** Every node succeeded or was skipped. */
  complete: boolean;
}

/** A condition node that succeeded with a false result: what depends on it does not run. */
const saidNo = (node: WorkflowNode, state: StepState) =>
  node.type === 'condition' && state.status === 'succeeded' && (state.output as { result?: unknown } | null)?.result === false;

/**
 * What follows from the steps' states, by the run's rules: a node starts when all it depends on
 * succeeded and no condition among them said no; a node behind a false condition or a skipped
 * node is skipped, and so on downstream. A failed or cancelled dependency leaves a node pending:
 * the run has failed, and a retry decides again. Pure, so every rule is tested without a database.
 */
export function progress(nodes: readonly WorkflowNode[], states: ReadonlyMap<string, StepState>): Progress {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const status = new Map([...states].map(([id, s]) => [id, s.status]));
  const ready: string[] = [];
  const skipped: string[] = [];
  // Skips cascade: repeat until nothing changes (at most the graph's depth).
  for (let changed = true; changed;) {
    changed = false;
    for (const node of nodes) {
      if (status.get(node.id) !== 'pending') continue;
      const deps = node.dependsOn.map((d) => ({ node: byId.get(d)!, state: { status: status.get(d)!, output: states.get(d)?.output } }));
      if (deps.some((d) => d.state.status === 'skipped' || saidNo(d.node, d.state))) {
        status.set(node.id, 'skipped');
        skipped.push(node.id);
        changed = true;
      } else if (deps.every((d) => d.state.status === 'succeeded')) {
        status.set(node.id, 'ready');
        ready.push(node.id);
      }
    }
  }
  const complete = nodes.every((n) => status.get(n.id) === 'succeeded' || status.get(n.id) === 'skipped');
  return { ready, skipped, complete };
}

/** The nodes nothing depends on: their outputs are the run's output. */
export function sinks(nodes: readonly WorkflowNode[]): string[] {
  const depended = new Set(nodes.flatMap((n) => n.dependsOn));
  return nodes.filter((n) => !depended.has(n.id)).map((n) => n.id);
}

/** Delay before attempt `n + 1` after `n` failed attempts: backoffSeconds, doubling each time, at most an hour. */
export function retryDelayMs(backoffSeconds: number, failedAttempts: number): number {
  return Math.min(backoffSeconds * 2 ** Math.max(0, failedAttempts - 1), 3600) * 1000;
}
