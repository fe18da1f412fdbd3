import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CreatedTenantEntity } from '../../../kernel/tenancy/tenant-owned.entity.js';

/**
 * A period during which an environment takes no changes (a release freeze), given in the local time
 * of a time zone and stored as the UTC instants it means.
 */
@Entity('freeze_windows')
@Index(['environmentId', 'startsAt'])
export class FreezeWindow extends CreatedTenantEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  environmentId!: string;

  @Column('text')
  reason!: string;

  /** As given: local date-times (no offset) in `timeZone`. */
  @Column('text')
  startLocal!: string;

  @Column('text')
  endLocal!: string;

  /** An IANA zone, e.g. Europe/Paris. */
  @Column('text')
  timeZone!: string;

  @Column('timestamptz')
  startsAt!: Date;

  @Column('timestamptz')
  endsAt!: Date;

  @Column('text', { nullable: true })
  createdBy!: string | null;

  @ManyToOne('Environment', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'environment_id' })
  private readonly environment?: unknown;
}
