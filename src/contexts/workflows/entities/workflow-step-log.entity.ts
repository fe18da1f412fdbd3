import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { TenantOwnedEntity } from '../../../kernel/tenancy/tenant-owned.entity.js';

export type StepLogLevel = 'debug' | 'info' | 'warn' | 'error';

/** A line of a step's log: what the engine did for it, attempt by attempt (never a secret value). */
@Entity('workflow_step_logs')
@Index(['runId', 'nodeId', 'id'])
export class WorkflowStepLog extends TenantOwnedEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  runId!: string;

  @Column('text')
  nodeId!: string;

  @Column('integer')
  attempt!: number;

  @Column('varchar', { length: 8 })
  level!: StepLogLevel;

  @Column('text')
  message!: string;

  @Column('jsonb', { nullable: true })
  data!: Record<string, unknown> | null;

  @Column('timestamptz', { default: () => 'now()' })
  at!: Date;

  @ManyToOne('WorkflowRun', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'run_id' })
  private readonly run?: unknown;
}
