import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CreatedTenantEntity } from '../../../kernel/tenancy/tenant-owned.entity.js';
import type { WorkflowNode } from '../definition-graph.js';

/** One version of a definition's graph, written once and never changed: what a run pins. */
@Entity('workflow_definition_versions')
@Index(['definitionId', 'version'], { unique: true })
export class WorkflowDefinitionVersion extends CreatedTenantEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  definitionId!: string;

  @Column('integer')
  version!: number;

  @Column('jsonb', { default: () => "'[]'" })
  nodes!: WorkflowNode[];

  @Column('jsonb', { nullable: true })
  inputSchema!: Record<string, unknown> | null;

  @Column('text', { nullable: true })
  createdBy!: string | null;

  @ManyToOne('WorkflowDefinition', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'definition_id' })
  private readonly definition?: unknown;
}
