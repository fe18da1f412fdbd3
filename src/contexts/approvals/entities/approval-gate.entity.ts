import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CreatedTenantEntity } from '../../../kernel/tenancy/tenant-owned.entity.js';
import type { ApprovalStage } from './approval-workflow.entity.js';

export type GateStatus = 'pending' | 'approved' | 'rejected' | 'expired' | 'cancelled';

/**
 * The approval of one subject (an access request, or an approval step of a workflow run): the
 * workflow's stages as they were when it opened, who asked, and until when it may be decided.
 */
@Entity('approval_gates')
@Index(['subjectType', 'subjectId'], { unique: true })
@Index('approval_gates_pending', ['organizationId', 'expiresAt'], { where: `"status" = 'pending'` })
export class ApprovalGate extends CreatedTenantEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('varchar', { length: 32 })
  subjectType!: string;

  @Column('uuid')
  subjectId!: string;

  /** What the subject is, for approvers' lists (never a value). */
  @Column('jsonb', { default: () => "'{}'" })
  summary!: Record<string, unknown>;

  @Column('uuid', { nullable: true })
  policyId!: string | null;

  @Column('uuid', { nullable: true })
  workflowId!: string | null;

  @Column('text')
  workflowName!: string;

  @Column('jsonb')
  stages!: ApprovalStage[];

  @Column('integer')
  approvalTtlSeconds!: number;

  @Column('uuid')
  requestedBy!: string;

  @Column('varchar', { length: 16, default: 'pending' })
  status!: GateStatus;

  /** The stage awaiting decisions (the number of stages once approved). */
  @Column('integer', { default: 0 })
  currentStage!: number;

  @Column('timestamptz')
  expiresAt!: Date;

  @Column('timestamptz', { nullable: true })
  decidedAt!: Date | null;
}
