import type { WorkflowNode } from '../definition-graph.js';
import type { StepLogLevel } from '../entities/workflow-step-log.entity.js';
import type { WorkflowRunStep } from '../entities/workflow-run-step.entity.js';
import type { WorkflowRun } from '../entities/workflow-run.entity.js';

/** An attempt of a step, as its handler sees it. */
export interface StepAttempt {
  run: WorkflowRun;
  step: WorkflowRunStep;
  node: WorkflowNode;
  /** The node's inputs with references resolved. */
  inputs: Record<string, unknown>;
  /** 1-based, over the step's life. */
  attempt: number;
  log: (level: StepLogLevel, message: string, data?: Record<string, unknown>) => Promise<void>;
  artifact: (name: string, contentType: string, content: unknown) => Promise<void>;
}

export type StepOutcome =
  | { kind: 'succeeded'; output: unknown }
  /** `final`: retrying cannot help (a rejection, a bad operand), whatever the retry policy says. */
  | { kind: 'failed'; code: string; message: string; final?: boolean };

/** What starting an attempt led to. */
export type StepStart =
  | StepOutcome
  /** Handed out (a gate, a job, a timer): `wakeAt` is when to look again without being told. */
  | { kind: 'waiting'; externalRef?: string; wakeAt?: Date }
  /** The work is an outbound call: `execute` runs it after the claim commits, outside any transaction. */
  | { kind: 'call' };

/**
 * One step type's behaviour. `start` and `check` run in the engine's transaction with the run
 * locked, so what they write (a gate, a job) commits with the step's new state or not at all.
 */
export interface StepHandler {
  readonly type: string;
  /** `start`, `check` and `abandon` touch no table (a comparison, a timer): the engine runs them without a savepoint. */
  readonly writesNothing?: boolean;
  start(attempt: StepAttempt): Promise<StepStart>;
  /** A waiting step whose time came or that was told something changed: settled, or still waiting (until `wakeAt`). */
  check?(attempt: StepAttempt): Promise<StepOutcome | { kind: 'waiting'; wakeAt?: Date }>;
  /** The outbound call of a `call` step; `signal` aborts at the step's deadline or on shutdown. */
  execute?(attempt: StepAttempt, signal: AbortSignal): Promise<StepOutcome>;
  /** Withdraws what a waiting step handed out (cancels its job, its gate) when the run stops or the attempt times out. */
  abandon?(attempt: StepAttempt, reason: string): Promise<void>;
}
