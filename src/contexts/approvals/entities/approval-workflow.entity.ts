import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { TimestampedTenantEntity } from '../../../kernel/tenancy/tenant-owned.entity.js';

/** One stage of an approval workflow: `requiredApprovals` approvals from holders of `roleIds` or from `userIds`. */
export interface ApprovalStage {
  name: string;
  requiredApprovals: number;
  roleIds: string[];
  userIds: string[];
}

/**
 * How something gets approved: ordered stages, each decided by its first rejection or its Nth
 * approval. Gates copy the stages when they open, so editing a workflow never changes a decision
 * already under way.
 */
@Entity('approval_workflows')
@Index(['organizationId', 'name'], { unique: true })
export class ApprovalWorkflow extends TimestampedTenantEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @Column('text', { default: '' })
  description!: string;

  @Column('jsonb')
  stages!: ApprovalStage[];

  /** How long one approval counts: a lapsed approval no longer carries its stage. */
  @Column('integer', { default: 3600 })
  approvalTtlSeconds!: number;

  /** How long a request may wait for its decision before it expires. */
  @Column('integer', { default: 3600 })
  requestTtlSeconds!: number;

  @Column('text', { nullable: true })
  createdBy!: string | null;
}
