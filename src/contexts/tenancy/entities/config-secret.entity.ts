import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

/**
 * A named secret value for configuration, of one organization (workspace secrets) or of the
 * platform (organization_id null). Envelope-encrypted at rest; the API never returns the value.
 */
@Entity('config_secrets')
@Index('config_secrets_platform_key_key', ['key'], { unique: true, where: '"organization_id" IS NULL' })
@Index('config_secrets_organization_key_key', ['organizationId', 'key'], { unique: true, where: '"organization_id" IS NOT NULL' })
export class ConfigSecret {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { nullable: true })
  organizationId!: string | null;

  @Column('text')
  key!: string;

  @Column('bytea', { select: false })
  ciphertext!: Buffer;

  /** Counts the times the value was set. */
  @Column('int')
  version!: number;

  @Column('timestamptz', { default: () => 'now()' })
  createdAt!: Date;

  @Column('timestamptz', { default: () => 'now()' })
  updatedAt!: Date;

  @Column('text', { nullable: true })
  updatedBy!: string | null;

  @ManyToOne('Organization', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  private readonly organization?: unknown;
}
