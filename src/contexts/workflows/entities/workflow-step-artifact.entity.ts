import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CreatedTenantEntity } from '../../../kernel/tenancy/tenant-owned.entity.js';

/**
 * Something a step produced beyond its output, kept with the run: an HTTP response, a job's result,
 * an approval's decisions. Small by construction (bodies are capped before they get here).
 */
@Entity('workflow_step_artifacts')
@Index(['runId', 'nodeId', 'id'])
export class WorkflowStepArtifact extends CreatedTenantEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  runId!: string;

  @Column('text')
  nodeId!: string;

  @Column('integer')
  attempt!: number;

  @Column('text')
  name!: string;

  @Column('text')
  contentType!: string;

  @Column('integer')
  sizeBytes!: number;

  /** JSON content as is; text as a JSON string. */
  @Column('jsonb')
  content!: unknown;

  @ManyToOne('WorkflowRun', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'run_id' })
  private readonly run?: unknown;
}
