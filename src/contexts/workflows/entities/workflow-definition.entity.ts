import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { TimestampedTenantEntity } from '../../../kernel/tenancy/tenant-owned.entity.js';
import type { WorkflowNode } from '../definition-graph.js';

/**
 * A workflow definition (seed 002 calls it a template): a named DAG of nodes, versioned. This row
 * holds the current version; every version's graph, the current one included, is also kept
 * unchanged in workflow_definition_versions, which runs will pin.
 */
@Entity('workflow_definitions')
@Index(['organizationId', 'name'], { unique: true })
export class WorkflowDefinition extends TimestampedTenantEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @Column('text', { default: '' })
  description!: string;

  /** 1 at creation; +1 on each update that changes the graph (nodes or input schema). */
  @Column('integer', { default: 1 })
  version!: number;

  @Column('jsonb', { default: () => "'[]'" })
  nodes!: WorkflowNode[];

  /** JSON Schema of a run's inputs, or null when a run takes none in particular. */
  @Column('jsonb', { nullable: true })
  inputSchema!: Record<string, unknown> | null;

  @Column('text', { nullable: true })
  createdBy!: string | null;
}
