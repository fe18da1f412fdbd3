import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CreatedTenantEntity } from '../../../kernel/tenancy/tenant-owned.entity.js';

export type DecisionKind = 'approve' | 'reject';

/** One approver's decision on a gate: each person decides a gate once, in the stage then current. */
@Entity('approval_decisions')
@Index(['gateId', 'approverId'], { unique: true })
export class ApprovalDecision extends CreatedTenantEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  gateId!: string;

  @Column('integer')
  stage!: number;

  @Column('uuid')
  approverId!: string;

  @Column('varchar', { length: 8 })
  decision!: DecisionKind;

  @Column('text', { default: '' })
  comment!: string;

  /** When an approval stops counting (null for a rejection, which stands). */
  @Column('timestamptz', { nullable: true })
  expiresAt!: Date | null;

  @ManyToOne('ApprovalGate', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'gate_id' })
  private readonly gate?: unknown;
}
