import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { TenantOwnedEntity } from '../../../kernel/tenancy/tenant-owned.entity.js';

/**
 * `pending → ready → running → succeeded | failed`, with `waiting` for steps that hand work out
 * (an approval gate, an agent job, a timer, an external callback), `skipped` when a condition
 * upstream said no, and `cancelled` when the run stopped around it. A failed attempt goes back to
 * `ready` while its retry policy allows.
 */
export type StepStatus = 'pending' | 'ready' | 'running' | 'waiting' | 'succeeded' | 'failed' | 'skipped' | 'cancelled';
export const STEP_STATUSES: readonly StepStatus[] = [
  'pending',
  'ready',
  'running',
  'waiting',
  'succeeded',
  'failed',
  'skipped',
  'cancelled',
];
/** Statuses the engine looks at when their `dueAt` comes. */
export const ACTIVE_STEP_STATUSES: readonly StepStatus[] = ['ready', 'running', 'waiting'];
export const SETTLED_STEP_STATUSES: readonly StepStatus[] = ['succeeded', 'failed', 'skipped', 'cancelled'];

/**
 * One node of one run: the durable state the engine advances. The table is also the engine's queue:
 * a step whose `dueAt` has come (to start, to wake from a timer, to check a deadline, or because
 * its lease ran out) is taken by one replica at a time.
 */
@Entity('workflow_run_steps')
@Index(['runId', 'nodeId'], { unique: true })
@Index('workflow_run_steps_due', ['dueAt'], { where: `status IN ('ready', 'running', 'waiting')` })
@Index('workflow_run_steps_external', ['externalRef'], { where: 'external_ref IS NOT NULL' })
export class WorkflowRunStep extends TenantOwnedEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  runId!: string;

  @Column('text')
  nodeId!: string;

  @Column('varchar', { length: 32 })
  type!: string;

  @Column('varchar', { length: 16 })
  status!: StepStatus;

  /** Attempts started, over the step's whole life (retries of the run included). */
  @Column('integer', { default: 0 })
  attempts!: number;

  /** `attempts` when the run was last retried: the retry policy counts from here. */
  @Column('integer', { default: 0 })
  attemptsBase!: number;

  /** When the engine must next look at it (null: only an outside event moves it). */
  @Column('timestamptz', { nullable: true })
  dueAt!: Date | null;

  /** When the current attempt times out, if it does. */
  @Column('timestamptz', { nullable: true })
  deadlineAt!: Date | null;

  /** The inputs of the current attempt, references resolved. */
  @Column('jsonb', { nullable: true })
  inputs!: Record<string, unknown> | null;

  @Column('jsonb', { nullable: true })
  output!: unknown;

  @Column('text', { nullable: true })
  errorCode!: string | null;

  @Column('text', { nullable: true })
  errorMessage!: string | null;

  /** What the step handed its work to: `job:<id>` or `approval:<gate id>`. */
  @Column('text', { nullable: true })
  externalRef!: string | null;

  @Column('timestamptz', { nullable: true })
  startedAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  finishedAt!: Date | null;

  @Column('timestamptz', { default: () => 'now()' })
  updatedAt!: Date;

  @ManyToOne('WorkflowRun', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'run_id' })
  private readonly run?: unknown;
}
