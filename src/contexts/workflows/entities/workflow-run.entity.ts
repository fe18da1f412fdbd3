import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { TimestampedTenantEntity } from '../../../kernel/tenancy/tenant-owned.entity.js';
import type { WorkflowNode } from '../definition-graph.js';

/**
 * `pending → running ⇄ paused → succeeded | failed | cancelled`; a failed run may be retried
 * (back to running, from the nodes that did not succeed).
 */
export type RunStatus = 'pending' | 'running' | 'paused' | 'succeeded' | 'failed' | 'cancelled';
export const RUN_STATUSES: readonly RunStatus[] = ['pending', 'running', 'paused', 'succeeded', 'failed', 'cancelled'];
export const FINISHED_RUN_STATUSES: readonly RunStatus[] = ['succeeded', 'failed', 'cancelled'];

/**
 * One execution of a definition version (seed 001 calls it a workflow execution). It copies the
 * version's graph when it is created, so editing or deleting the definition never changes a run.
 * Where each node stands is in workflow_run_steps; this row is the run as a whole.
 */
@Entity('workflow_runs')
// Lists: newest first, and each filter newest first.
@Index(['organizationId', 'createdAt'])
@Index('workflow_runs_by_status', ['organizationId', 'status', 'createdAt'])
@Index('workflow_runs_by_definition', ['definitionId', 'createdAt'])
export class WorkflowRun extends TimestampedTenantEntity {
  @PrimaryColumn('uuid')
  id!: string;

  /** Null once the definition is deleted; the run keeps its name, version and graph. */
  @Column('uuid', { nullable: true })
  definitionId!: string | null;

  @Column('text')
  definitionName!: string;

  @Column('integer')
  definitionVersion!: number;

  @Column('jsonb')
  nodes!: WorkflowNode[];

  @Column('jsonb', { default: () => "'{}'" })
  inputs!: Record<string, unknown>;

  @Column('varchar', { length: 16 })
  status!: RunStatus;

  /** The outputs of the nodes nothing depends on, by node id, once the run succeeds. */
  @Column('jsonb', { nullable: true })
  output!: Record<string, unknown> | null;

  /** `<principal type>:<id>` of who created it. */
  @Column('text')
  createdBy!: string;

  /** The person behind the creator (a user, or the user an API key acts for; else the principal): never approves its own run's steps. */
  @Column('uuid')
  requestedBy!: string;

  @Column('text', { nullable: true })
  correlationId!: string | null;

  @Column('integer', { default: 0 })
  retryCount!: number;

  @Column('text', { nullable: true })
  failureCode!: string | null;

  @Column('text', { nullable: true })
  failureMessage!: string | null;

  @Column('text', { nullable: true })
  failedNodeId!: string | null;

  @Column('timestamptz', { nullable: true })
  startedAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  finishedAt!: Date | null;

  @ManyToOne('WorkflowDefinition', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'definition_id' })
  private readonly definition?: unknown;
}
