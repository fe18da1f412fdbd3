import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One signed workflow callback received, by its sender's delivery id: the replay guard. A delivery
 * id seen again changes nothing and is answered with the first outcome. Written in the transaction
 * that hands the callback to the run engine, so a failed callback leaves no row and its retry is
 * processed afresh. Kept 24 hours, then swept; not tenant-owned, since the organization is known
 * only once the engine has found the run (the audit entry carries it).
 */
@Entity('workflow_callback_deliveries')
@Index(['receivedAt'])
export class WorkflowCallbackDelivery {
  /** Who sent it: `agentfield` for now; delivery ids are unique per source. */
  @PrimaryColumn('text')
  source!: string;

  @PrimaryColumn('text')
  deliveryId!: string;

  @Column('timestamptz', { default: () => 'now()' })
  receivedAt!: Date;

  @Column('uuid')
  runId!: string;

  @Column('text')
  nodeId!: string;

  /** What the engine answered. Null only inside the receiving transaction, before the engine has. */
  @Column('text', { nullable: true })
  outcome!: 'accepted' | 'ignored' | null;
}
