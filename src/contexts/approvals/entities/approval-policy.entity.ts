import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { TimestampedTenantEntity } from '../../../kernel/tenancy/tenant-owned.entity.js';

/**
 * Which workflow decides a request: every criterion set must match (project, environment, cluster,
 * secret ref glob). Among matching policies the lowest priority wins, then the most specific; the
 * organization's default policy catches the rest.
 */
@Entity('approval_policies')
@Index(['organizationId', 'name'], { unique: true })
@Index('approval_policies_one_default', ['organizationId'], { unique: true, where: '"is_default"' })
export class ApprovalPolicy extends TimestampedTenantEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @Column('text', { default: '' })
  description!: string;

  @Index()
  @Column('uuid')
  workflowId!: string;

  @Column('integer', { default: 100 })
  priority!: number;

  @Column('boolean', { default: false })
  isDefault!: boolean;

  @Column('uuid', { nullable: true })
  projectId!: string | null;

  @Column('uuid', { nullable: true })
  environmentId!: string | null;

  @Column('text', { nullable: true })
  clusterName!: string | null;

  /** A glob over the secret ref: `*` any run of characters, `?` one character. */
  @Column('text', { nullable: true })
  refPattern!: string | null;

  // A workflow in use by a policy cannot be deleted: the service refuses first, the key guards.
  @ManyToOne('ApprovalWorkflow', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'workflow_id' })
  private readonly workflow?: unknown;
}
